package javaregex

import (
	"math"
	"strings"
)

// Flags of java.util.regex.Pattern, with Java's values.
const (
	flagUnixLines       = 0x01
	flagCaseInsensitive = 0x02
	flagComments        = 0x04
	flagMultiline       = 0x08
	flagDotall          = 0x20
	flagUnicodeCase     = 0x40
	flagCanonEq         = 0x80
	flagUnicodeClass    = 0x100
)

// parser is a port of the recursive-descent parser of OpenJDK 17's
// java.util.regex.Pattern (compile, expr, sequence, atom, closure, clazz,
// range, escape, family, group0, ...). It keeps Java's cursor discipline over
// a zero-terminated code point array so that what is accepted, and the index
// reported for what is not, are Java's. Java's grammar is documented at
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html.
type parser struct {
	pattern       string
	temp          []rune // code points, then two zeros
	patternLength int
	cursor        int
	flags0        int

	capturingGroupCount int
	namedGroups         map[string]int

	root      *node   // Java's "double return" of escape()
	predicate charSet // class set by escape() for \d, \s, ...
}

// parsePanic carries a *SyntaxError out of the recursive descent; parse
// recovers it, so it never escapes the package.
type parsePanic struct{ err *SyntaxError }

// parse parses a Java regular expression.
func parse(pattern string) (n *node, groups int, err error) {
	p := &parser{pattern: pattern, capturingGroupCount: 1, namedGroups: map[string]int{}}
	defer func() {
		if r := recover(); r != nil {
			pp, ok := r.(parsePanic)
			if !ok {
				panic(r)
			}
			n, groups, err = nil, 0, pp.err
		}
	}()
	p.temp = append([]rune(pattern), 0, 0)
	p.patternLength = len(p.temp) - 2
	p.removeQEQuoting()
	n = p.expr()
	if p.patternLength != p.cursor {
		if p.peek() == ')' {
			p.fail("Unmatched closing ')'")
		}
		p.fail("Unexpected internal error")
	}
	return n, p.capturingGroupCount - 1, nil
}

// fail throws what Pattern.error would: the index is cursor-1.
func (p *parser) fail(desc string) {
	panic(parsePanic{&SyntaxError{Pattern: p.pattern, Desc: desc, Index: p.cursor - 1}})
}

// at reads temp[i]. Where Java would throw ArrayIndexOutOfBoundsException
// (which still makes the pattern invalid) this reports a syntax error.
func (p *parser) at(i int) rune {
	if i < 0 || i >= len(p.temp) {
		p.fail("Unexpected internal error")
	}
	return p.temp[i]
}

func (p *parser) has(f int) bool { return p.flags0&f != 0 }

func isASCIISpace(c rune) bool { return c == ' ' || (c >= '\t' && c <= '\r') }
func isASCIIDigit(c rune) bool { return c >= '0' && c <= '9' }
func isASCIIAlpha(c rune) bool { return asciiIsUpper(c) || asciiIsLower(c) }
func isASCIIAlnum(c rune) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }
func isHexDigit(c rune) bool {
	return isASCIIDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexVal(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

func (p *parser) peek() rune {
	ch := p.at(p.cursor)
	if p.has(flagComments) {
		ch = p.peekPastWhitespace(ch)
	}
	return ch
}

func (p *parser) read() rune {
	ch := p.at(p.cursor)
	p.cursor++
	if p.has(flagComments) {
		ch = p.parsePastWhitespace(ch)
	}
	return ch
}

func (p *parser) next() rune {
	p.cursor++
	ch := p.at(p.cursor)
	if p.has(flagComments) {
		ch = p.peekPastWhitespace(ch)
	}
	return ch
}

func (p *parser) nextEscaped() rune {
	p.cursor++
	return p.at(p.cursor)
}

func (p *parser) peekPastWhitespace(ch rune) rune {
	for isASCIISpace(ch) || ch == '#' {
		for isASCIISpace(ch) {
			p.cursor++
			ch = p.at(p.cursor)
		}
		if ch == '#' {
			ch = p.peekPastLine()
		}
	}
	return ch
}

func (p *parser) parsePastWhitespace(ch rune) rune {
	for isASCIISpace(ch) || ch == '#' {
		for isASCIISpace(ch) {
			ch = p.at(p.cursor)
			p.cursor++
		}
		if ch == '#' {
			ch = p.parsePastLine()
		}
	}
	return ch
}

func (p *parser) parsePastLine() rune {
	ch := p.at(p.cursor)
	p.cursor++
	for ch != 0 && !p.isLineSeparator(ch) {
		ch = p.at(p.cursor)
		p.cursor++
	}
	if ch == 0 && p.cursor > p.patternLength {
		p.cursor = p.patternLength
		ch = p.at(p.cursor)
		p.cursor++
	}
	return ch
}

func (p *parser) peekPastLine() rune {
	p.cursor++
	ch := p.at(p.cursor)
	for ch != 0 && !p.isLineSeparator(ch) {
		p.cursor++
		ch = p.at(p.cursor)
	}
	if ch == 0 && p.cursor > p.patternLength {
		p.cursor = p.patternLength
		ch = p.at(p.cursor)
	}
	return ch
}

func (p *parser) isLineSeparator(ch rune) bool {
	if p.has(flagUnixLines) {
		return ch == '\n'
	}
	return ch == '\n' || ch == '\r' || ch|1 == 0x2029 || ch == 0x85
}

func (p *parser) skip() rune {
	i := p.cursor
	ch := p.at(i + 1)
	p.cursor = i + 2
	return ch
}

func (p *parser) unread() { p.cursor-- }

func (p *parser) accept(ch rune, desc string) {
	test := p.at(p.cursor)
	p.cursor++
	if p.has(flagComments) {
		test = p.parsePastWhitespace(test)
	}
	if ch != test {
		p.fail(desc)
	}
}

// removeQEQuoting mirrors Pattern.RemoveQEQuoting: \Q...\E is rewritten into
// escaped characters before parsing, so error indexes refer to the result.
func (p *parser) removeQEQuoting() {
	pLen := p.patternLength
	temp := p.temp
	i := 0
scan:
	for i < pLen-1 {
		switch {
		case temp[i] != '\\':
			i++
		case temp[i+1] != 'Q':
			i += 2
		default:
			break scan
		}
	}
	if i >= pLen-1 {
		return
	}
	j := i
	i += 2
	newtemp := make([]rune, j, j+2+3*(pLen-i))
	copy(newtemp, temp[:j])
	inQuote, beginQuote := true, true
	for i < pLen {
		c := temp[i]
		i++
		switch {
		case c >= 0x80 || isASCIIAlpha(c):
			newtemp = append(newtemp, c)
		case isASCIIDigit(c):
			if beginQuote {
				// A Unicode escape \[0xu] could be before this quote.
				newtemp = append(newtemp, '\\', 'x', '3')
			}
			newtemp = append(newtemp, c)
		case c != '\\':
			if inQuote {
				newtemp = append(newtemp, '\\')
			}
			newtemp = append(newtemp, c)
		case inQuote:
			if temp[i] == 'E' {
				i++
				inQuote = false
			} else {
				newtemp = append(newtemp, '\\', '\\')
			}
		default:
			if temp[i] == 'Q' {
				i++
				inQuote = true
				beginQuote = true
				continue
			}
			newtemp = append(newtemp, c)
			if i != pLen {
				newtemp = append(newtemp, temp[i])
				i++
			}
		}
		beginQuote = false
	}
	p.patternLength = len(newtemp)
	p.temp = append(newtemp, 0, 0) //nolint:gocritic // appendAssign: newtemp becomes the pattern text, as in Pattern.RemoveQEQuoting
}

// expr parses alternatives separated by '|'.
func (p *parser) expr() *node {
	var alts []*node
	for {
		alts = append(alts, p.sequence())
		if p.peek() != '|' {
			break
		}
		p.next()
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return &node{op: opAlt, subs: alts}
}

func setNode(s charSet) *node { return &node{op: opSet, set: s} }

func concat(items []*node) *node {
	switch len(items) {
	case 0:
		return &node{op: opEmpty}
	case 1:
		return items[0]
	}
	return &node{op: opConcat, subs: items}
}

// sequence parses a sequence of atoms up to '|', ')' or the end.
func (p *parser) sequence() *node {
	var items []*node
loop:
	for {
		ch := p.peek()
		var n *node
		switch ch {
		case '(':
			// A group handles its own closure.
			if g := p.group0(); g != nil {
				items = append(items, g)
			}
			continue
		case '[':
			n = setNode(p.clazz(true))
		case '\\':
			ch = p.nextEscaped()
			if ch == 'p' || ch == 'P' {
				oneLetter, comp := true, ch == 'P'
				if p.next() != '{' {
					p.unread()
				} else {
					oneLetter = false
				}
				n = setNode(p.family(oneLetter, comp))
			} else {
				p.unread()
				n = p.atom()
			}
		case '^':
			p.next()
			switch {
			case p.has(flagMultiline) && p.has(flagUnixLines):
				n = &node{op: opAssert, assert: aUnixCaret}
			case p.has(flagMultiline):
				n = &node{op: opAssert, assert: aCaret}
			default:
				n = &node{op: opAssert, assert: aBegin}
			}
		case '$':
			p.next()
			n = p.dollar(p.has(flagMultiline))
		case '.':
			p.next()
			switch {
			case p.has(flagDotall):
				n = setNode(fullSet)
			case p.has(flagUnixLines):
				n = setNode(unixDotSet)
			default:
				n = setNode(dotSet)
			}
			n.dot = true
		case '|', ')':
			break loop
		case ']', '}':
			// Dangling ] and } are literals.
			n = p.atom()
		case '?', '*', '+':
			p.next()
			p.fail("Dangling meta character '" + string(ch) + "'")
		case 0:
			if p.cursor >= p.patternLength {
				break loop
			}
			n = p.atom()
		default:
			n = p.atom()
		}
		items = append(items, p.closure(n))
	}
	return concat(items)
}

func (p *parser) dollar(multiline bool) *node {
	if p.has(flagUnixLines) {
		return &node{op: opAssert, assert: aUnixDollar, multiline: multiline}
	}
	return &node{op: opAssert, assert: aDollar, multiline: multiline}
}

// atom parses a run of literal characters (Java's Slice) or a single escape.
func (p *parser) atom() *node {
	first, prev := 0, -1
	var buf []rune
	ch := p.peek()
loop:
	for {
		switch ch {
		case '*', '+', '?', '{':
			if first > 1 {
				p.cursor = prev // unwind one character
				first--
				buf = buf[:first]
			}
			break loop
		case '$', '.', '^', '(', '[', '|', ')':
			break loop
		case '\\':
			ch = p.nextEscaped()
			if ch == 'p' || ch == 'P' {
				if first > 0 { // a slice is waiting; handle it first
					p.unread()
					break loop
				}
				comp, oneLetter := ch == 'P', true
				if p.next() != '{' {
					p.unread()
				} else {
					oneLetter = false
				}
				return setNode(p.family(oneLetter, comp))
			}
			p.unread()
			prev = p.cursor
			c := p.escape(false, first == 0, false)
			if c >= 0 {
				buf = append(buf, rune(c))
				first++
				ch = p.peek()
				continue
			} else if first == 0 {
				return p.root
			}
			p.cursor = prev // unwind meta escape sequence
			break loop
		case 0:
			if p.cursor >= p.patternLength {
				break loop
			}
			fallthrough
		default:
			prev = p.cursor
			buf = append(buf, ch)
			first++
			ch = p.next()
		}
	}
	if first == 1 {
		return setNode(p.single(buf[0]))
	}
	return p.newSlice(buf)
}

// newSlice mirrors Pattern.newSlice: under CASE_INSENSITIVE each character of
// a multi-character literal is compared case-insensitively (SliceI/SliceU).
func (p *parser) newSlice(buf []rune) *node {
	items := make([]*node, len(buf))
	for i, c := range buf {
		var s charSet
		switch {
		case p.has(flagCaseInsensitive) && p.has(flagUnicodeCase):
			s = singleU(fold(c))
		case p.has(flagCaseInsensitive):
			l := asciiToLower(c)
			s = runesSet(l)
			if asciiIsLower(l) {
				s = runesSet(l, asciiToUpper(l))
			}
		default:
			s = single(c)
		}
		items[i] = setNode(s)
	}
	return concat(items)
}

// ref parses a numbered back reference greedily, taking more digits only
// while the group exists (Pattern.ref).
func (p *parser) ref(refNum int) *node {
	for {
		ch := p.peek()
		if !isASCIIDigit(ch) {
			break
		}
		n := refNum*10 + int(ch-'0')
		if p.capturingGroupCount-1 < n {
			break
		}
		refNum = n
		p.read()
	}
	return &node{op: opBackref, ref: refNum, foldCase: p.has(flagCaseInsensitive), uniCase: p.has(flagUnicodeCase)}
}

// escape mirrors Pattern.escape. It returns the code point of a literal
// escape, or -1 after setting p.root (outside a class, when create) or
// p.predicate (for class escapes).
func (p *parser) escape(inclass, create, isrange bool) int {
	ch := p.skip()
	uclass := p.has(flagUnicodeClass)
	pred := func(s charSet) int {
		if create {
			p.predicate = s
			if !inclass {
				p.root = setNode(s)
			}
		}
		return -1
	}
	switch ch {
	case '0':
		return p.octal()
	case '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if inclass {
			break
		}
		if create {
			p.root = p.ref(int(ch - '0'))
		}
		return -1
	case 'A':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opAssert, assert: aBegin}
		}
		return -1
	case 'B':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opAssert, assert: aNonWordBoundary, uword: uclass}
		}
		return -1
	case 'D':
		if uclass {
			return pred(digitSet().negate())
		}
		return pred(asciiDigitSet.negate())
	case 'G':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opAssert, assert: aLastMatch}
		}
		return -1
	case 'H':
		return pred(horizWS.negate())
	case 'N':
		return p.charName()
	case 'R':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opLineEnding}
		}
		return -1
	case 'S':
		if uclass {
			return pred(whiteSpaceSet().negate())
		}
		return pred(asciiSpaceSet.negate())
	case 'V':
		return pred(vertWS.negate())
	case 'W':
		if uclass {
			return pred(wordSet().negate())
		}
		return pred(asciiWordSet.negate())
	case 'X':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opGrapheme}
		}
		return -1
	case 'Z':
		if inclass {
			break
		}
		if create {
			p.root = p.dollar(false)
		}
		return -1
	case 'a':
		return 0x07
	case 'b':
		if inclass {
			break
		}
		if create {
			if p.peek() == '{' {
				if p.skip() == 'g' {
					if p.read() == '}' {
						p.root = &node{op: opAssert, assert: aGraphemeBoundary}
						return -1
					}
					p.fail("Illegal/unsupported escape sequence") // missing trailing }
				}
				p.unread()
				p.unread()
			}
			p.root = &node{op: opAssert, assert: aWordBoundary, uword: uclass}
		}
		return -1
	case 'c':
		return p.control()
	case 'd':
		if uclass {
			return pred(digitSet())
		}
		return pred(asciiDigitSet)
	case 'e':
		return 0x1B
	case 'f':
		return '\f'
	case 'h':
		return pred(horizWS)
	case 'k':
		if inclass {
			break
		}
		if p.read() != '<' {
			p.fail("\\k is not followed by '<' for named capturing group")
		}
		name := p.groupname(p.read())
		num, ok := p.namedGroups[name]
		if !ok {
			p.fail("named capturing group <" + name + "> does not exist")
		}
		if create {
			p.root = &node{op: opBackref, ref: num, foldCase: p.has(flagCaseInsensitive), uniCase: p.has(flagUnicodeCase)}
		}
		return -1
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 's':
		if uclass {
			return pred(whiteSpaceSet())
		}
		return pred(asciiSpaceSet)
	case 't':
		return '\t'
	case 'u':
		return p.unicodeEscape()
	case 'v':
		// '\v' is vertical whitespace since Java 8, but 0x0B as a range
		// endpoint for compatibility.
		if isrange {
			return 0x0B
		}
		return pred(vertWS)
	case 'w':
		if uclass {
			return pred(wordSet())
		}
		return pred(asciiWordSet)
	case 'x':
		return p.hex()
	case 'z':
		if inclass {
			break
		}
		if create {
			p.root = &node{op: opAssert, assert: aEnd}
		}
		return -1
	case 'C', 'E', 'F', 'I', 'J', 'K', 'L', 'M', 'O', 'P', 'Q', 'T', 'U', 'Y',
		'g', 'i', 'j', 'l', 'm', 'o', 'p', 'q', 'y':
	default:
		return int(ch)
	}
	p.fail("Illegal/unsupported escape sequence")
	return -1
}

// control parses \cX (Pattern.c).
func (p *parser) control() int {
	if p.cursor < p.patternLength {
		return int(p.read() ^ 64)
	}
	p.fail("Illegal control escape sequence")
	return -1
}

func isOctal(c rune) bool { return c >= '0' && c <= '7' }

// octal parses \0n, \0nn, \0mnn (Pattern.o).
func (p *parser) octal() int {
	n := p.read()
	if isOctal(n) {
		m := p.read()
		if isOctal(m) {
			o := p.read()
			if isOctal(o) && n <= '3' {
				return int(n-'0')*64 + int(m-'0')*8 + int(o-'0')
			}
			p.unread()
			return int(n-'0')*8 + int(m-'0')
		}
		p.unread()
		return int(n - '0')
	}
	p.fail("Illegal octal escape sequence")
	return -1
}

// hex parses \xhh and \x{h...h} (Pattern.x).
func (p *parser) hex() int {
	n := p.read()
	if isHexDigit(n) {
		m := p.read()
		if isHexDigit(m) {
			return hexVal(n)*16 + hexVal(m)
		}
	} else if n == '{' && isHexDigit(p.peek()) {
		ch := 0
		for {
			n = p.read()
			if !isHexDigit(n) {
				break
			}
			ch = ch<<4 + hexVal(n)
			if ch > maxRune {
				p.fail("Hexadecimal codepoint is too big")
			}
		}
		if n != '}' {
			p.fail("Unclosed hexadecimal escape sequence")
		}
		return ch
	}
	p.fail("Illegal hexadecimal escape sequence")
	return -1
}

func (p *parser) uxxxx() int {
	n := 0
	for range 4 {
		ch := p.read()
		if !isHexDigit(ch) {
			p.fail("Illegal Unicode escape sequence")
		}
		n = n*16 + hexVal(ch)
	}
	return n
}

// unicodeEscape parses \uhhhh, joining an escaped surrogate pair (Pattern.u).
func (p *parser) unicodeEscape() int {
	n := p.uxxxx()
	if n >= 0xD800 && n <= 0xDBFF {
		cur := p.cursor
		if p.read() == '\\' && p.read() == 'u' { //nolint:gocritic // badCond: two reads, two characters, as in Pattern.u
			n2 := p.uxxxx()
			if n2 >= 0xDC00 && n2 <= 0xDFFF {
				return (n-0xD800)<<10 + (n2 - 0xDC00) + 0x10000
			}
		}
		p.cursor = cur
	}
	return n
}

// charName parses \N{name} (Pattern.N). Character names are not available
// here, so only names this package knows are accepted; see charNames.
func (p *parser) charName() int {
	if p.read() == '{' {
		i := p.cursor
		for p.read() != '}' {
			if p.cursor >= p.patternLength {
				p.fail("Unclosed character name escape sequence")
			}
		}
		name := string(p.temp[i : p.cursor-1])
		if c, ok := lookupCharName(name); ok {
			return int(c)
		}
		p.fail("Unknown character name [" + name + "]")
	}
	p.fail("Illegal character name escape sequence")
	return -1
}

// cls is a nullable character class predicate, as in Pattern.clazz where
// null means "nothing parsed yet".
type cls = *charSet

func some(s charSet) cls { return &s }

func unionCls(a, b cls) cls {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return some(a.union(*b))
}

// clazz parses a character class (Pattern.clazz), including nested classes
// (union) and && (intersection). consume says whether to consume the ']'.
func (p *parser) clazz(consume bool) charSet {
	var prev, curr cls
	var bits charSet
	isNeg, hasBits := false, false
	ch := p.next()
	// Negates if first char in a class, otherwise literal.
	if ch == '^' && p.at(p.cursor-1) == '[' {
		ch = p.next()
		isNeg = true
	}
	for {
		switch ch {
		case '[':
			curr = some(p.clazz(true))
			prev = unionCls(prev, curr)
			ch = p.peek()
			continue
		case '&':
			ch = p.next()
			if ch == '&' {
				ch = p.next()
				var right cls
				for ch != ']' && ch != '&' {
					if ch == '[' {
						right = unionCls(right, some(p.clazz(true)))
					} else { // abc&&def
						p.unread()
						right = unionCls(right, some(p.clazz(false)))
					}
					ch = p.peek()
				}
				if hasBits {
					// bits used, union has high precedence
					if prev == nil {
						b := bits
						prev, curr = &b, &b
					} else {
						prev = unionCls(prev, some(bits))
					}
					hasBits = false
				}
				if right != nil {
					curr = right
				}
				if prev == nil {
					if right == nil {
						p.fail("Bad class syntax")
					}
					prev = right
				} else {
					// Java 17 builds prev.and(null) here and throws a
					// NullPointerException when matching; treat it as empty.
					var c charSet
					if curr != nil {
						c = *curr
					}
					prev = some(prev.intersect(c))
				}
				continue
			}
			// treat as a literal &
			p.unread()
		case 0:
			if p.cursor >= p.patternLength {
				p.fail("Unclosed character class")
			}
		case ']':
			if prev != nil || hasBits {
				if consume {
					p.next()
				}
				if prev == nil {
					prev = some(bits)
				} else if hasBits {
					prev = unionCls(prev, some(bits))
				}
				if isNeg {
					return prev.negate()
				}
				return *prev
			}
		}
		curr = p.rangeItem(&bits)
		if curr == nil {
			hasBits = true
		} else {
			prev = unionCls(prev, curr)
		}
		ch = p.peek()
	}
}

// bitsOrSingle mirrors Pattern.bitsOrSingle: Latin-1 characters go to the
// class's BitClass (nil result), others become a single predicate.
func (p *parser) bitsOrSingle(bits *charSet, ch rune) cls {
	ci, uc := p.has(flagCaseInsensitive), p.has(flagUnicodeCase)
	if ch < 256 && !(ci && uc && (ch == 0xff || ch == 0xb5 || ch == 0x49 || ch == 0x69 ||
		ch == 0x53 || ch == 0x73 || ch == 0x4b || ch == 0x6b || ch == 0xc5 || ch == 0xe5)) {
		add := []rune{ch}
		if ci {
			if ch < 0x80 {
				add = append(add, asciiToUpper(ch), asciiToLower(ch))
			} else if uc {
				add = append(add, toLower(ch), toUpper(ch))
			}
		}
		*bits = bits.union(runesSet(add...))
		return nil
	}
	return some(p.single(ch))
}

// single mirrors Pattern.single: the predicate of one literal character.
func (p *parser) single(ch rune) charSet {
	if p.has(flagCaseInsensitive) {
		if p.has(flagUnicodeCase) {
			upper := toUpper(ch)
			lower := toLower(upper)
			if upper != lower {
				return singleU(lower)
			}
		} else if ch < 0x80 {
			lower, upper := asciiToLower(ch), asciiToUpper(ch)
			if lower != upper {
				return runesSet(lower, upper)
			}
		}
	}
	return single(ch)
}

// rangeItem parses a single character, a range or an escape inside a class
// (Pattern.range).
func (p *parser) rangeItem(bits *charSet) cls {
	ch := int(p.peek())
	if ch == '\\' {
		ch = int(p.nextEscaped())
		if ch == 'p' || ch == 'P' {
			comp, oneLetter := ch == 'P', true
			if p.next() != '{' {
				p.unread()
			} else {
				oneLetter = false
			}
			return some(p.family(oneLetter, comp))
		}
		isrange := p.at(p.cursor+1) == '-'
		p.unread()
		ch = p.escape(true, true, isrange)
		if ch == -1 {
			return some(p.predicate)
		}
	} else {
		p.next()
	}
	if ch >= 0 {
		if p.peek() == '-' {
			endRange := p.at(p.cursor + 1)
			if endRange == '[' {
				return p.bitsOrSingle(bits, rune(ch))
			}
			if endRange != ']' {
				p.next()
				m := int(p.peek())
				if m == '\\' {
					m = p.escape(true, false, true)
				} else {
					p.next()
				}
				if m < ch {
					p.fail("Illegal character range")
				}
				switch {
				case p.has(flagCaseInsensitive) && p.has(flagUnicodeCase):
					return some(ciRangeU(rune(ch), rune(m)))
				case p.has(flagCaseInsensitive):
					return some(ciRange(rune(ch), rune(m)))
				}
				return some(newSet(rng{rune(ch), rune(m)}))
			}
		}
		return p.bitsOrSingle(bits, rune(ch))
	}
	p.fail("Unexpected character '" + string(rune(ch)) + "'")
	return nil
}

// family parses \pL, \p{Name}, \p{name=value} and their \P complements
// (Pattern.family).
func (p *parser) family(singleLetter, isComplement bool) charSet {
	p.next()
	var name string
	if singleLetter {
		name = string(p.at(p.cursor))
		p.read()
	} else {
		i := p.cursor
		p.temp[p.patternLength] = '}' // mark('}')
		for p.read() != '}' {
		}
		p.temp[p.patternLength] = 0
		j := p.cursor
		if j > p.patternLength {
			p.fail("Unclosed character family")
		}
		if i+1 >= j {
			p.fail("Empty character family")
		}
		name = string(p.temp[i : j-1])
	}
	caseIns := p.has(flagCaseInsensitive)
	var s charSet
	ok := false
	if i := strings.IndexByte(name, '='); i >= 0 {
		value := name[i+1:]
		key := strings.ToLower(name[:i])
		switch key {
		case "sc", "script":
			s, ok = forUnicodeScript(value)
		case "blk", "block":
			s, ok = forUnicodeBlock(value)
		case "gc", "general_category":
			s, ok = forProperty(value, caseIns)
		}
		if !ok {
			p.fail("Unknown Unicode property {name=<" + key + ">, value=<" + value + ">}")
		}
	} else {
		switch {
		case strings.HasPrefix(name, "In"):
			s, ok = forUnicodeBlock(name[2:])
		case strings.HasPrefix(name, "Is"):
			short := name[2:]
			s, ok = forUnicodeProperty(short, caseIns)
			if !ok {
				s, ok = forProperty(short, caseIns)
			}
			if !ok {
				s, ok = forUnicodeScript(short)
			}
		default:
			if p.has(flagUnicodeClass) {
				s, ok = forPOSIXName(name, caseIns)
			}
			if !ok {
				s, ok = forProperty(name, caseIns)
			}
		}
		if !ok {
			p.fail("Unknown character property name {" + name + "}")
		}
	}
	if isComplement {
		s = s.negate()
	}
	return s
}

// groupname parses a group name up to and including '>' (Pattern.groupname).
func (p *parser) groupname(ch rune) string {
	var sb strings.Builder
	if !isASCIIAlpha(ch) {
		p.fail("capturing group name does not start with a Latin letter")
	}
	for {
		sb.WriteRune(ch)
		ch = p.read()
		if !isASCIIAlnum(ch) {
			break
		}
	}
	if ch != '>' {
		p.fail("named capturing group is missing trailing '>'")
	}
	return sb.String()
}

// group0 parses a group and its quantifier (Pattern.group0). It returns nil
// for a pure flag group like (?i), whose flags stay on until the end of the
// enclosing group.
func (p *parser) group0() *node {
	save := p.flags0
	p.root = nil
	var head *node
	ch := p.next()
	if ch == '?' {
		ch = p.skip()
		switch ch {
		case ':':
			head = &node{op: opGroup, sub: p.expr()}
		case '=', '!':
			head = &node{op: opLook, negate: ch == '!', sub: p.expr()}
		case '>':
			head = &node{op: opAtomic, sub: p.expr()}
		case '<':
			ch = p.read()
			if ch != '=' && ch != '!' {
				name := p.groupname(ch)
				if _, dup := p.namedGroups[name]; dup {
					p.fail("Named capturing group <" + name + "> is already defined")
				}
				idx := p.capturingGroupCount
				p.capturingGroupCount++
				p.namedGroups[name] = idx
				head = &node{op: opCapture, capIndex: idx, sub: p.expr()}
				break
			}
			body := p.expr()
			info := study(body)
			if !info.maxValid {
				p.fail("Look-behind group does not have an obvious maximum length")
			}
			head = &node{op: opLook, behind: true, negate: ch == '!', sub: body, lbMin: info.minLength, lbMax: info.maxLength}
		case '$', '@':
			p.fail("Unknown group type")
		default: // (?xxx:) inlined match flags
			p.unread()
			p.addFlag()
			ch = p.read()
			if ch == ')' {
				return nil // inline modifier only
			}
			if ch != ':' {
				p.fail("Unknown inline modifier")
			}
			head = &node{op: opGroup, sub: p.expr()}
		}
	} else {
		idx := p.capturingGroupCount
		p.capturingGroupCount++
		head = &node{op: opCapture, capIndex: idx, sub: p.expr()}
	}
	p.accept(')', "Unclosed group")
	p.flags0 = save
	return p.closure(head)
}

// addFlag parses inline flags (Pattern.addFlag and subFlag).
func (p *parser) addFlag() {
	ch := p.peek()
	for {
		switch ch {
		case 'i':
			p.flags0 |= flagCaseInsensitive
		case 'm':
			p.flags0 |= flagMultiline
		case 's':
			p.flags0 |= flagDotall
		case 'd':
			p.flags0 |= flagUnixLines
		case 'u':
			p.flags0 |= flagUnicodeCase
		case 'c':
			p.flags0 |= flagCanonEq
		case 'x':
			p.flags0 |= flagComments
		case 'U':
			p.flags0 |= flagUnicodeClass | flagUnicodeCase
		case '-':
			p.next()
			p.subFlag()
			return
		default:
			return
		}
		ch = p.next()
	}
}

func (p *parser) subFlag() {
	ch := p.peek()
	for {
		switch ch {
		case 'i':
			p.flags0 &^= flagCaseInsensitive
		case 'm':
			p.flags0 &^= flagMultiline
		case 's':
			p.flags0 &^= flagDotall
		case 'd':
			p.flags0 &^= flagUnixLines
		case 'u':
			p.flags0 &^= flagUnicodeCase
		case 'c':
			p.flags0 &^= flagCanonEq
		case 'x':
			p.flags0 &^= flagComments
		case 'U':
			p.flags0 &^= flagUnicodeClass | flagUnicodeCase
		default:
			return
		}
		ch = p.next()
	}
}

// qtype parses the greedy/reluctant/possessive suffix of a quantifier.
func (p *parser) qtype() quant {
	ch := p.next()
	switch ch {
	case '?':
		p.next()
		return qLazy
	case '+':
		p.next()
		return qPossessive
	}
	return qGreedy
}

// curly makes the node of *, + and {n,} (Pattern.curly).
func (p *parser) curly(prev *node, cmin int) *node {
	return &node{op: opRepeat, sub: prev, min: cmin, max: maxReps, open: true, quant: p.qtype()}
}

// closure parses an optional quantifier after prev (Pattern.closure).
func (p *parser) closure(prev *node) *node {
	switch p.peek() {
	case '?':
		return &node{op: opRepeat, sub: prev, min: 0, max: 1, quant: p.qtype()}
	case '*':
		return p.curly(prev, 0)
	case '+':
		return p.curly(prev, 1)
	case '{':
		ch := p.skip()
		if !isASCIIDigit(ch) {
			p.fail("Illegal repetition")
		}
		cmin, cmax := 0, 0
		for {
			cmin = cmin*10 + int(ch-'0')
			if cmin > math.MaxInt32 {
				p.fail("Illegal repetition range")
			}
			ch = p.read()
			if !isASCIIDigit(ch) {
				break
			}
		}
		if ch == ',' {
			ch = p.read()
			if ch == '}' {
				p.unread()
				return p.curly(prev, cmin)
			}
			for isASCIIDigit(ch) {
				cmax = cmax*10 + int(ch-'0')
				if cmax > math.MaxInt32 {
					p.fail("Illegal repetition range")
				}
				ch = p.read()
			}
		} else {
			cmax = cmin
		}
		if ch != '}' {
			p.fail("Unclosed counted closure")
		}
		if cmax < cmin {
			p.fail("Illegal repetition range")
		}
		p.unread()
		return &node{op: opRepeat, sub: prev, min: cmin, max: cmax, quant: p.qtype()}
	}
	return prev
}
