package yamltree

import (
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Parse parses a YAML or JSON document into out, as yaml.Unmarshal(src,
// out) does. A JSON document within the plain subset parseJSON accepts —
// nearly every export and template written by a tool — is read by a JSON
// scanner several times faster than yaml.v3's YAML scanner, into the very
// tree yaml.v3 builds for it (same kinds, tags, styles, values, lines and
// columns: TestParseJSONAgrees and FuzzParseJSON compare the two). Any
// other text goes to yaml.v3, so errors and YAML's corner cases are
// yaml.v3's own.
func Parse(src []byte, out *yaml.Node) error {
	if doc, ok := parseJSON(src); ok {
		*out = *doc
		return nil
	}
	return yaml.Unmarshal(src, out)
}

// maxJSONDepth is the nesting past which parseJSON leaves the document to
// yaml.v3 (and the loaders' depth cap).
const maxJSONDepth = 512

// maxKeyBytes bounds a key's length: YAML reads a JSON key as a simple key,
// which must be shorter than 1024 characters.
const maxKeyBytes = 1000

type jsonScanner struct {
	src   []byte
	i     int
	line  int // 1-based
	col   int // 1-based, in characters, as yaml.v3 counts them
	depth int
	ok    bool
}

// parseJSON parses a document that is one JSON object and nothing YAML
// reads differently: no tab, no byte order mark, no escaped solidus, no
// surrogate escape, no character YAML holds unprintable or a line break
// (NEL, LS, PS), no key over maxKeyBytes or split from its colon by a line
// break, nesting under maxJSONDepth. ok is false for anything else.
func parseJSON(src []byte) (doc *yaml.Node, ok bool) {
	s := &jsonScanner{src: src, line: 1, col: 1, ok: true}
	s.space()
	if s.i >= len(src) || src[s.i] != '{' {
		return nil, false
	}
	line, col := s.line, s.col
	root := s.value()
	s.space()
	if !s.ok || s.i != len(src) {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: line, Column: col, Content: []*yaml.Node{root}}, true
}

// space skips JSON whitespace other than tabs, counting lines as YAML does
// (CR LF, LF and a lone CR each end one).
func (s *jsonScanner) space() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t':
			s.i++
			s.col++
		case '\n':
			s.i++
			s.line, s.col = s.line+1, 1
		case '\r':
			s.i++
			if s.i < len(s.src) && s.src[s.i] == '\n' {
				s.i++
			}
			s.line, s.col = s.line+1, 1
		default:
			return
		}
	}
}

func (s *jsonScanner) fail() *yaml.Node {
	s.ok = false
	return nil
}

func (s *jsonScanner) value() *yaml.Node {
	if !s.ok || s.i >= len(s.src) {
		return s.fail()
	}
	switch s.src[s.i] {
	case '{':
		return s.object()
	case '[':
		return s.array()
	case '"':
		n := &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Line: s.line, Column: s.col}
		n.Value = s.str()
		return n
	default:
		return s.plain()
	}
}

func (s *jsonScanner) object() *yaml.Node {
	n, empty := s.open(yaml.MappingNode, "!!map", '}')
	for more := !empty; more && s.ok; more = s.next('}') {
		if s.peek() != '"' {
			return s.fail()
		}
		start, line := s.i, s.line
		k := &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Tag: "!!str", Line: s.line, Column: s.col}
		k.Value = s.str()
		s.space()
		if !s.ok || s.peek() != ':' || s.line != line || s.i-start > maxKeyBytes {
			return s.fail()
		}
		s.i++
		s.col++
		s.space()
		n.Content = append(n.Content, k, s.value())
	}
	if !s.ok {
		return nil
	}
	return n
}

func (s *jsonScanner) array() *yaml.Node {
	n, empty := s.open(yaml.SequenceNode, "!!seq", ']')
	for more := !empty; more && s.ok; more = s.next(']') {
		n.Content = append(n.Content, s.value())
	}
	if !s.ok {
		return nil
	}
	return n
}

// open reads the bracket that opens a mapping or sequence, and reports
// whether the closing one follows.
func (s *jsonScanner) open(kind yaml.Kind, tag string, closing byte) (n *yaml.Node, empty bool) {
	if s.depth++; s.depth > maxJSONDepth {
		s.ok = false
		return nil, true
	}
	n = &yaml.Node{Kind: kind, Style: yaml.FlowStyle, Tag: tag, Line: s.line, Column: s.col}
	s.i++
	s.col++
	s.space()
	if s.peek() == closing {
		s.i++
		s.col++
		s.depth--
		return n, true
	}
	return n, false
}

// next reads what follows an element of a mapping or sequence: a comma
// (more follows) or the closing bracket.
func (s *jsonScanner) next(closing byte) (more bool) {
	s.space()
	switch s.peek() {
	case ',':
		s.i++
		s.col++
		s.space()
		return true
	case closing:
		s.i++
		s.col++
		s.depth--
		return false
	}
	s.ok = false
	return false
}

// plain reads a number, true, false or null: a plain scalar, tagged as
// yaml.v3 resolves it.
func (s *jsonScanner) plain() *yaml.Node {
	start := s.i
	switch s.src[s.i] {
	case 't':
		s.word("true")
	case 'f':
		s.word("false")
	case 'n':
		s.word("null")
	default:
		s.number()
	}
	if !s.ok {
		return nil
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: string(s.src[start:s.i]), Line: s.line, Column: s.col - (s.i - start)}
	n.Tag = n.ShortTag()
	return n
}

func (s *jsonScanner) word(w string) {
	if len(s.src)-s.i < len(w) || string(s.src[s.i:s.i+len(w)]) != w {
		s.ok = false
		return
	}
	s.i += len(w)
	s.col += len(w)
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() {
	start := s.i
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		s.ok = false
		return
	}
	if s.peek() == '.' {
		s.i++
		if !s.digits() {
			s.ok = false
			return
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !s.digits() {
			s.ok = false
			return
		}
	}
	s.col += s.i - start
}

func (s *jsonScanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *jsonScanner) digits() bool {
	start := s.i
	for s.i < len(s.src) && s.src[s.i] >= '0' && s.src[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

// str reads a string from its opening quote and returns its value.
func (s *jsonScanner) str() string {
	s.i++
	s.col++
	start := s.i
	var buf []byte // nil while the value is a slice of src
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '"':
			var v string
			if buf == nil {
				v = string(s.src[start:s.i])
			} else {
				v = string(buf)
			}
			s.i++
			s.col++
			return v
		case c == '\\':
			if buf == nil {
				buf = append(make([]byte, 0, s.i-start+16), s.src[start:s.i]...)
			}
			var ok bool
			if buf, ok = s.escape(buf); !ok {
				s.ok = false
				return ""
			}
		case c < 0x20 || c == 0x7f:
			s.ok = false
			return ""
		case c < utf8.RuneSelf:
			if buf != nil {
				buf = append(buf, c)
			}
			s.i++
			s.col++
		default:
			r, size := utf8.DecodeRune(s.src[s.i:])
			if !printable(r) || (r == utf8.RuneError && size == 1) {
				s.ok = false
				return ""
			}
			if buf != nil {
				buf = append(buf, s.src[s.i:s.i+size]...)
			}
			s.i += size
			s.col++
		}
	}
	s.ok = false
	return ""
}

// escape reads one escape sequence after a backslash, appending what it
// stands for to buf.
func (s *jsonScanner) escape(buf []byte) ([]byte, bool) {
	if s.i+1 >= len(s.src) {
		return buf, false
	}
	var r rune
	n := 2
	switch s.src[s.i+1] {
	case '"':
		r = '"'
	case '\\':
		r = '\\'
	case 'b':
		r = '\b'
	case 'f':
		r = '\f'
	case 'n':
		r = '\n'
	case 'r':
		r = '\r'
	case 't':
		r = '\t'
	case 'u':
		if s.i+6 > len(s.src) {
			return buf, false
		}
		for _, h := range s.src[s.i+2 : s.i+6] {
			var d byte
			switch {
			case h >= '0' && h <= '9':
				d = h - '0'
			case h >= 'a' && h <= 'f':
				d = h - 'a' + 10
			case h >= 'A' && h <= 'F':
				d = h - 'A' + 10
			default:
				return buf, false
			}
			r = r<<4 | rune(d)
		}
		if r >= 0xD800 && r <= 0xDFFF {
			return buf, false // YAML does not pair surrogates
		}
		n = 6
	default:
		return buf, false // "\/" among them: YAML has no such escape
	}
	s.i += n
	s.col += n
	return utf8.AppendRune(buf, r), true
}

// printable reports whether YAML allows the non-ASCII character in a
// document, and reads it as no line break (yaml.v3's is_printable, minus
// LS and PS).
func printable(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF:
		return r != 0x2028 && r != 0x2029
	case r >= 0xE000 && r <= 0xFFFD:
		return r != 0xFEFF
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}
