package rules

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/apigw-lint/apigw-lint/internal/javaregex"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Patterns compiles each distinct selection pattern once per run and caches
// what the rules ask of it. It is safe for concurrent use.
type Patterns struct {
	mu sync.Mutex
	m  map[string]*patternEntry
	// templates holds the parse of each mapping template of the run
	// (*model.Template → *parsedTemplate).
	templates sync.Map
}

type patternEntry struct {
	once     sync.Once
	re       *javaregex.Pattern
	err      error
	codes    []int
	codesErr error

	stressOnce sync.Once
	backtracks bool

	setOnce sync.Once
	set     *codeSet
}

// stressLength is the length of the messages a pattern is stress-tested on.
const stressLength = 40

// Backtracks reports whether matching the pattern against one of a few long
// stress messages (runs of the pattern's own literal characters and of
// common ones, ending in a character that breaks the match) hits the match
// timeout: catastrophic backtracking, decided by running it.
func (c *Patterns) Backtracks(src string) bool {
	e := c.entry(src)
	if e.err != nil {
		return false
	}
	e.stressOnce.Do(func() {
		for _, s := range stressInputs(src) {
			if _, err := e.re.Matches(s); errors.Is(err, javaregex.ErrTimeout) {
				e.backtracks = true
				return
			}
		}
	})
	return e.backtracks
}

// stressInputs builds the stress messages for a pattern.
func stressInputs(src string) []string {
	chars := map[rune]bool{'a': true, '0': true, ' ': true, 'x': true}
	for _, r := range src {
		if r > ' ' && r < 0x7f && !strings.ContainsRune(`\()[]{}|*+?^$.`, r) {
			chars[r] = true
		}
	}
	var out []string
	for r := range chars {
		run := strings.Repeat(string(r), stressLength-1)
		out = append(out, run+"\x00", run+"\n", strings.Repeat(string(r)+" ", (stressLength-1)/2)+"\x00")
	}
	sort.Strings(out)
	return out
}

// NewPatterns returns an empty cache.
func NewPatterns() *Patterns { return &Patterns{m: map[string]*patternEntry{}} }

func (c *Patterns) entry(src string) *patternEntry {
	c.mu.Lock()
	e, ok := c.m[src]
	if !ok {
		e = &patternEntry{}
		c.m[src] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.re, e.err = javaregex.Compile(src)
		if e.err == nil {
			e.codes, e.codesErr = e.re.StatusCodes()
		}
	})
	return e
}

// Compile returns the compiled pattern, or its Java syntax error.
func (c *Patterns) Compile(src string) (*javaregex.Pattern, error) {
	e := c.entry(src)
	return e.re, e.err
}

// StatusCodes returns the status codes 100–599 the pattern matches in full.
// ok is false when the pattern is invalid or matching timed out.
func (c *Patterns) StatusCodes(src string) (codes []int, ok bool) {
	e := c.entry(src)
	if e.err != nil || e.codesErr != nil {
		return nil, false
	}
	return e.codes, true
}

// A codeSet is a set of status codes 100–599.
type codeSet [600]bool

func setOf(codes []int) *codeSet {
	var s codeSet
	for _, c := range codes {
		if c >= 0 && c < len(s) {
			s[c] = true
		}
	}
	return &s
}

// formatCodes writes codes as ranges: "400–403, 405, 500–599".
func formatCodes(codes []int) string {
	var b strings.Builder
	for i := 0; i < len(codes); {
		j := i
		for j+1 < len(codes) && codes[j+1] == codes[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if j == i {
			fmt.Fprintf(&b, "%d", codes[i])
		} else {
			fmt.Fprintf(&b, "%d–%d", codes[i], codes[j])
		}
		i = j + 1
	}
	return b.String()
}

// patternOf returns the known pattern text of a non-default response.
func patternOf(r *model.IntegrationResponse) (string, bool) {
	if r.IsDefault() {
		return "", false
	}
	return r.Pattern.Get()
}

// eachErrorPattern calls fn for every valid selection pattern matched
// against a Lambda error message that can come back: the integrations whose
// subject is the error message, invoked synchronously.
func eachErrorPattern(p *Pass, fn func(r *model.IntegrationResponse, src string, re *javaregex.Pattern)) {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject != model.SubjectErrorMessage || in.Async {
			return
		}
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			if re, err := p.Patterns.Compile(src); err == nil {
				fn(r, src, re)
			}
		}
	})
}

// is2xx reports whether a known status is a success.
func is2xx(code int) bool { return code >= 200 && code < 300 }

// routing is how an integration's responses split the status codes 100–599,
// known only when every pattern and status code is known and valid.
type routing struct {
	def      *model.IntegrationResponse
	patterns []*model.IntegrationResponse
	sets     []*codeSet
}

// to lists the responses status code c can be routed to: every response
// whose pattern matches c, else the default (if any). It appends to out
// (pass buf[:0] to reuse a buffer: rules ask for 200 codes per
// integration).
func (rt *routing) to(code int, out []*model.IntegrationResponse) []*model.IntegrationResponse {
	for i, set := range rt.sets {
		if set[code] {
			out = append(out, rt.patterns[i])
		}
	}
	if len(out) == 0 && rt.def != nil {
		out = append(out, rt.def)
	}
	return out
}

// routed reports whether status code c goes to some response.
func (rt *routing) routed(code int) bool {
	if rt.def != nil {
		return true
	}
	for _, set := range rt.sets {
		if set[code] {
			return true
		}
	}
	return false
}

// routeStatus computes the routing of an integration whose patterns see the
// status code. ok is false when anything it depends on is unknown.
func routeStatus(c *Patterns, in *model.Integration) (*routing, bool) {
	if !in.ResponsesKnown || in.Subject != model.SubjectStatusCode {
		return nil, false
	}
	rt := &routing{}
	for _, r := range in.Responses {
		if r.IsDefault() {
			if rt.def == nil {
				rt.def = r
			}
			continue
		}
		src, known := patternOf(r)
		if !known {
			return nil, false
		}
		set, ok := c.codeSet(src)
		if !ok {
			return nil, false
		}
		rt.patterns = append(rt.patterns, r)
		rt.sets = append(rt.sets, set)
	}
	return rt, true
}

// codeSet returns the status codes a pattern matches as a set, computed
// once per distinct pattern.
func (c *Patterns) codeSet(src string) (*codeSet, bool) {
	e := c.entry(src)
	if e.err != nil || e.codesErr != nil {
		return nil, false
	}
	e.setOnce.Do(func() { e.set = setOf(e.codes) })
	return e.set, true
}

// Annotate precomputes the pattern facts the Rego policies use, and each
// integration's Subject.
func Annotate(p *model.Project, c *Patterns) {
	annotateDomains(p)
	p.Integrations(func(_ *model.Method, in *model.Integration) {
		in.Subject = in.Classify()
		in.Async = in.Subject == model.SubjectErrorMessage && in.IsAsync()
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			re, err := c.Compile(src)
			f := &model.PatternFacts{Valid: err == nil}
			if err == nil {
				f.MatchesEmpty = re.MatchesEmpty()
				if codes, ok := c.StatusCodes(src); ok {
					f.MatchesAllStatus = len(codes) == 500
					if len(codes) > 0 {
						f.StatusRanges = strings.Split(formatCodes(codes), ", ")
					}
				}
			}
			r.Facts = f
		}
	})
}

// show quotes a pattern for a message as the user wrote it in the regex
// (backslashes not doubled), falling back to Go quoting for control
// characters.
func show(src string) string {
	if strings.ContainsFunc(src, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return strconv.Quote(src)
	}
	return "\"" + src + "\""
}
