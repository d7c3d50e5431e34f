package vtl

import (
	"fmt"
	"strings"
)

// A JSONPathError is a syntax error in a JSONPath expression. Offset is the
// byte offset of the problem in the path.
type JSONPathError struct {
	Offset int
	Msg    string
}

func (e *JSONPathError) Error() string { return fmt.Sprintf("at offset %d: %s", e.Offset, e.Msg) }

// ValidateJSONPath checks the syntax of a JSONPath as $input.path and
// $input.json read it. API Gateway evaluates JSONPath with Jayway JsonPath,
// whose compiler (PathCompiler) is followed here: a path that starts with
// neither "$" nor "@" is read as "$." + path; after the root come
// dot-notation properties (".name", "..name", ".*", ".fn()"), and bracket
// notation ("['a','b']", "[0]", "[1,2]", "[1:3]", "[*]", "[?(filter)]").
// Filters are checked only for balanced parentheses and quotes.
// It returns nil for a valid path.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
func ValidateJSONPath(path string) *JSONPathError {
	lead := len(path) - len(strings.TrimLeft(path, " \t\r\n"))
	p := strings.TrimSpace(path)
	if p == "" {
		return &JSONPathError{0, "the path is empty"}
	}
	if p[0] != '$' && p[0] != '@' {
		if p[0] == '.' || p[0] == '[' {
			// "$." + ".a" is "$..a", a deep scan; "$." + "[0]" is invalid.
			if p[0] == '[' {
				return &JSONPathError{lead, "a path without a root cannot start with '['; write \"$" + p + "\""}
			}
		}
		c := &jpParser{s: "$." + p, base: lead - 2}
		return c.parse()
	}
	c := &jpParser{s: p, base: lead}
	return c.parse()
}

type jpParser struct {
	s    string
	i    int
	base int // added to offsets so that they index the original path
}

func (c *jpParser) errf(at int, format string, args ...any) *JSONPathError {
	return &JSONPathError{Offset: max(0, at+c.base), Msg: fmt.Sprintf(format, args...)}
}

func (c *jpParser) parse() *JSONPathError {
	s := c.s
	if strings.HasSuffix(s, ".") {
		return c.errf(len(s)-1, "the path must not end with '.' or '..'")
	}
	c.i = 1 // the root
	for c.i < len(s) {
		switch s[c.i] {
		case '.':
			if err := c.dot(); err != nil {
				return err
			}
		case '[':
			if err := c.bracket(); err != nil {
				return err
			}
		case ' ':
			c.i++
		default:
			return c.errf(c.i, "unexpected %q: expected '.' or '['", s[c.i])
		}
	}
	return nil
}

// dot reads ".name", "..name", ".*", "..*", "..[", ".fn(args)".
func (c *jpParser) dot() *JSONPathError {
	s := c.s
	c.i++
	if c.i < len(s) && s[c.i] == '.' {
		c.i++
		if c.i < len(s) && s[c.i] == '.' {
			return c.errf(c.i, "unexpected '.': at most two dots in a row")
		}
		if c.i < len(s) && s[c.i] == '[' {
			return c.bracket()
		}
	}
	if c.i >= len(s) {
		return c.errf(c.i-1, "the path must not end with '.' or '..'")
	}
	if s[c.i] == '*' {
		c.i++
		return nil
	}
	start := c.i
	for c.i < len(s) && !strings.ContainsRune(".[ (", rune(s[c.i])) {
		c.i++
	}
	if c.i == start {
		return c.errf(start, "unexpected %q: expected a property name after '.'", s[start])
	}
	if c.i < len(s) && s[c.i] == '(' {
		end, err := c.balanced(c.i, '(', ')')
		if err != nil {
			return err
		}
		c.i = end
	}
	return nil
}

// bracket reads "[...]" at c.i.
func (c *jpParser) bracket() *JSONPathError {
	s := c.s
	open := c.i
	c.i++
	for c.i < len(s) && s[c.i] == ' ' {
		c.i++
	}
	if c.i >= len(s) {
		return c.errf(open, "'[' is not closed")
	}
	switch s[c.i] {
	case '?':
		c.i++
		if c.i >= len(s) || s[c.i] != '(' {
			return c.errf(c.i, "a filter is written \"[?(expression)]\"")
		}
		end, err := c.balanced(c.i, '(', ')')
		if err != nil {
			return err
		}
		c.i = end
		return c.closeBracket(open)
	case '*':
		c.i++
		return c.closeBracket(open)
	case '\'', '"':
		for {
			q := s[c.i]
			j := c.i + 1
			for j < len(s) && s[j] != q {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return c.errf(c.i, "quoted property name is not closed")
			}
			c.i = j + 1
			for c.i < len(s) && s[c.i] == ' ' {
				c.i++
			}
			if c.i < len(s) && s[c.i] == ',' {
				c.i++
				for c.i < len(s) && s[c.i] == ' ' {
					c.i++
				}
				if c.i < len(s) && (s[c.i] == '\'' || s[c.i] == '"') {
					continue
				}
				return c.errf(c.i, "expected a quoted property name after ','")
			}
			return c.closeBracket(open)
		}
	case ']':
		return c.errf(open, "empty brackets: write an index, a quoted name, '*' or a filter")
	}
	// Indexes: "0", "1,2", "1:3", ":2", "-1:".
	start := c.i
	for c.i < len(s) && s[c.i] != ']' {
		ch := s[c.i]
		if !(ch >= '0' && ch <= '9' || ch == '-' || ch == ':' || ch == ',' || ch == ' ') {
			if ch == '(' {
				// "[(@.length-1)]" script expressions are not supported by
				// Jayway either, but a filter's parentheses are: report
				// the missing '?'.
				return c.errf(c.i, "unexpected '(': a filter is written \"[?(expression)]\"")
			}
			return c.errf(c.i, "unexpected %q in brackets: property names in brackets must be quoted, as in ['name']", ch)
		}
		c.i++
	}
	if c.i >= len(s) {
		return c.errf(open, "'[' is not closed")
	}
	if err := checkIndexes(s[start:c.i]); err != "" {
		return c.errf(start, "%s", err)
	}
	c.i++
	return nil
}

func checkIndexes(x string) string {
	x = strings.ReplaceAll(x, " ", "")
	if strings.Contains(x, ":") {
		parts := strings.Split(x, ":")
		if len(parts) > 3 {
			return fmt.Sprintf("bad array slice %q", x)
		}
		for _, p := range parts {
			if p != "" && !isInt(p) {
				return fmt.Sprintf("bad array slice %q", x)
			}
		}
		return ""
	}
	for _, p := range strings.Split(x, ",") {
		if !isInt(p) {
			return fmt.Sprintf("bad array index %q", x)
		}
	}
	return ""
}

func isInt(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (c *jpParser) closeBracket(open int) *JSONPathError {
	for c.i < len(c.s) && c.s[c.i] == ' ' {
		c.i++
	}
	if c.i >= len(c.s) || c.s[c.i] != ']' {
		if c.i >= len(c.s) {
			return c.errf(open, "'[' is not closed")
		}
		return c.errf(c.i, "unexpected %q: expected ']'", c.s[c.i])
	}
	c.i++
	return nil
}

// balanced returns the offset after the parenthesis that closes the one at
// i, skipping quoted strings and regexes.
func (c *jpParser) balanced(i int, open, close byte) (int, *JSONPathError) {
	s := c.s
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\'', '"':
			q := s[j]
			k := j + 1
			for k < len(s) && s[k] != q {
				if s[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(s) {
				return 0, c.errf(j, "string in filter is not closed")
			}
			j = k
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, c.errf(i, "%q is not closed", open)
}
