package javaregex

import (
	"fmt"
	"time"

	"github.com/dlclark/regexp2"
)

// DefaultMatchTimeout is the match timeout of patterns made by Compile.
const DefaultMatchTimeout = 100 * time.Millisecond

// Pattern is a compiled Java regular expression, matched with
// Matcher.matches() semantics (the whole input must match). A Pattern is
// safe for concurrent use.
type Pattern struct {
	expr       string
	tree       *node
	groups     int
	translated string
	re         *regexp2.Regexp
}

// Compile parses expr with the grammar of java.util.regex.Pattern and
// prepares it for matching with DefaultMatchTimeout. Invalid Java syntax is
// reported as a *SyntaxError.
func Compile(expr string) (*Pattern, error) {
	return CompileWithTimeout(expr, DefaultMatchTimeout)
}

// CompileWithTimeout is like Compile but sets the match timeout; a timeout
// of zero or less means DefaultMatchTimeout.
func CompileWithTimeout(expr string, timeout time.Duration) (p *Pattern, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, errInternal{r}
		}
	}()
	return compile(expr, timeout)
}

// MustCompile is like Compile but panics if expr is invalid.
func MustCompile(expr string) *Pattern {
	p, err := Compile(expr)
	if err != nil {
		panic("javaregex: Compile(" + fmt.Sprintf("%q", expr) + "): " + err.Error())
	}
	return p
}

// compile is Compile without the safety net, so that tests and fuzzing see
// bugs as panics.
func compile(expr string, timeout time.Duration) (*Pattern, error) {
	if timeout <= 0 {
		timeout = DefaultMatchTimeout
	}
	tree, groups, err := parse(expr)
	if err != nil {
		return nil, err
	}
	src := translate(tree, groups)
	re, err := regexp2.Compile(src, regexp2.None)
	if err != nil {
		return nil, fmt.Errorf("javaregex: cannot translate %q: %w", expr, err)
	}
	re.MatchTimeout = timeout
	return &Pattern{expr: expr, tree: tree, groups: groups, translated: src, re: re}, nil
}

// String returns the Java source of the pattern.
func (p *Pattern) String() string { return p.expr }

// Translated returns the regexp2 (.NET syntax) pattern used for matching,
// for debugging.
func (p *Pattern) Translated() string { return p.translated }

// NumGroups returns the number of capturing groups.
func (p *Pattern) NumGroups() int { return p.groups }

// Matches reports whether the whole of s matches the pattern, like
// Pattern.matcher(s).matches(). It returns an error wrapping ErrTimeout when
// the match timeout expires.
func (p *Pattern) Matches(s string) (bool, error) {
	ok, err := p.re.MatchString(s)
	if err != nil {
		return false, fmt.Errorf("%w matching %q against %q: %w", ErrTimeout, p.expr, truncate(s, 64), err)
	}
	return ok, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
