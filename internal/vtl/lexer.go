package vtl

import (
	"strings"
	"unicode/utf8"
)

// lexer is a cursor over the template source.
//
// Velocity's lexer is modal (the 1.7 grammar has DEFAULT, DIRECTIVE,
// REFERENCE, REFMODIFIER, REFMOD2 and REFINDEX states): whitespace and
// punctuation mean different things in text, in references and inside
// directive arguments. Rather than replicating the JavaCC state stack, the
// parser drives the lexer: it scans characters directly in text and
// references and asks for expression tokens (exprToken) only inside
// parentheses, brackets and braces. Because the whole lexer state is a single
// Pos, the parser can rewind it freely.
type lexer struct {
	src   string
	limit int // scanning stops here; interpolated strings use a sub-range
	pos   Pos
	// dq is set inside an interpolated double-quoted string, where a
	// nested double-quoted literal is delimited by doubled quotes.
	dq bool
}

func newLexer(src string, start Pos, limit int) *lexer {
	return &lexer{src: src, limit: limit, pos: start}
}

// eof reports whether the cursor reached the scanning limit.
func (l *lexer) eof() bool { return l.pos.Offset >= l.limit }

// peek returns the byte at the cursor, or 0 at the limit.
func (l *lexer) peek() byte { return l.peekAt(0) }

// peekAt returns the byte k bytes after the cursor, or 0 past the limit.
func (l *lexer) peekAt(k int) byte {
	i := l.pos.Offset + k
	if i < l.pos.Offset || i >= l.limit {
		return 0
	}
	return l.src[i]
}

// hasPrefix reports whether the unread input starts with s.
func (l *lexer) hasPrefix(s string) bool {
	return strings.HasPrefix(l.src[l.pos.Offset:l.limit], s)
}

// advance moves the cursor past one rune, keeping Line and Column exact.
func (l *lexer) advance() {
	if l.eof() {
		return
	}
	c := l.src[l.pos.Offset]
	switch {
	case c == '\n':
		l.pos.Offset++
		l.pos.Line++
		l.pos.Column = 1
	case c < utf8.RuneSelf:
		l.pos.Offset++
		l.pos.Column++
	default:
		_, size := utf8.DecodeRuneInString(l.src[l.pos.Offset:l.limit])
		l.pos.Offset += size
		l.pos.Column++
	}
}

// advanceTo moves the cursor forward to byte offset off (clamped to the
// limit). off must be on a rune boundary for the column to stay exact; every
// caller passes the offset of an ASCII delimiter or the limit.
func (l *lexer) advanceTo(off int) {
	if off > l.limit {
		off = l.limit
	}
	for l.pos.Offset < off {
		l.advance()
	}
}

// skipLine advances to the next '\r' or '\n' (not consuming it) or the limit.
func (l *lexer) skipLine() {
	rest := l.src[l.pos.Offset:l.limit]
	if i := strings.IndexAny(rest, "\r\n"); i >= 0 {
		l.advanceTo(l.pos.Offset + i)
		return
	}
	l.advanceTo(l.limit)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isIdentStart and isIdentChar implement the 1.7 reference grammar:
// IDENTIFIER: (ALPHA_CHAR | "_") (ALPHA_CHAR | DIGIT | "-" | "_")*. The
// hyphen is part of identifiers in Velocity 1.7 ("$foo-bar" is one
// reference), as the VTL reference's "Identifier" definition states.
func isIdentStart(c byte) bool { return isLetter(c) || c == '_' }
func isIdentChar(c byte) bool  { return isLetter(c) || isDigit(c) || c == '-' || c == '_' }

// isWordChar is the 1.7 DIRECTIVE_CHAR class used for directive and macro
// names; unlike identifiers it has no hyphen.
func isWordChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' || c == '@' }

// scanIdent consumes an identifier at the cursor and returns it, or returns
// "" without moving when none starts here.
func (l *lexer) scanIdent() string {
	if !isIdentStart(l.peek()) {
		return ""
	}
	start := l.pos.Offset
	i := start
	for i < l.limit && isIdentChar(l.src[i]) {
		i++
	}
	l.pos.Offset = i
	l.pos.Column += i - start
	return l.src[start:i]
}

// wordAt returns the directive word (letters, digits, '_' and '@', starting
// with a letter, '_' or '@') at byte offset i, or "".
func (l *lexer) wordAt(i int) string {
	if i >= l.limit {
		return ""
	}
	c := l.src[i]
	if !isLetter(c) && c != '_' && c != '@' {
		return ""
	}
	j := i
	for j < l.limit && isWordChar(l.src[j]) {
		j++
	}
	return l.src[i:j]
}

// skipSpace skips blanks, line breaks and, as in Velocity's DIRECTIVE state,
// "##" line comments and "#* *#" block comments. It reports whether a line
// break was skipped.
func (l *lexer) skipSpace() bool {
	nl := false
	for !l.eof() {
		c := l.peek()
		switch {
		case isSpace(c):
			if c == '\n' || c == '\r' {
				nl = true
			}
			l.advance()
		case c == '#' && l.peekAt(1) == '#':
			l.skipLine()
		case c == '#' && l.peekAt(1) == '*':
			rest := l.src[l.pos.Offset+2 : l.limit]
			i := strings.Index(rest, "*#")
			if i < 0 {
				// Leave the unterminated comment for the parser to
				// report as an illegal '#'.
				return nl
			}
			if strings.ContainsAny(rest[:i], "\r\n") {
				nl = true
			}
			l.advanceTo(l.pos.Offset + 2 + i + 2)
		default:
			return nl
		}
	}
	return nl
}

// exprToken scans the next expression token after skipping whitespace.
func (l *lexer) exprToken() token {
	nl := l.skipSpace()
	tok := token{Start: l.pos, Newline: nl}
	if l.eof() {
		tok.Kind = tEOF
		tok.Stop = l.pos
		return tok
	}
	c := l.peek()
	start := l.pos.Offset
	two := func(k kind) {
		tok.Kind = k
		l.advance()
		l.advance()
	}
	one := func(k kind) {
		tok.Kind = k
		l.advance()
	}
	switch {
	case isIdentStart(c):
		// Words in directives use the identifier alphabet minus the
		// hyphen, so "$a-1" is one reference but "in-1" is not a word.
		i := start
		for i < l.limit && (isLetter(l.src[i]) || isDigit(l.src[i]) || l.src[i] == '_') {
			i++
		}
		l.advanceTo(i)
		tok.Kind = tIdent
		if k, ok := wordOps[l.src[start:i]]; ok {
			tok.Kind = k
		}
	case isDigit(c) || c == '.' && isDigit(l.peekAt(1)):
		l.scanNumber()
		tok.Kind = tNumber
	case c == '"' || c == '\'':
		l.scanString(&tok)
	case c == '$':
		one(tDollar)
	case c == '#':
		one(tHash)
	case c == '(':
		one(tLParen)
	case c == ')':
		one(tRParen)
	case c == '[':
		one(tLBrack)
	case c == ']':
		one(tRBrack)
	case c == '{':
		one(tLBrace)
	case c == '}':
		one(tRBrace)
	case c == ',':
		one(tComma)
	case c == ':':
		one(tColon)
	case c == '.' && l.peekAt(1) == '.':
		two(tDotDot)
	case c == '=' && l.peekAt(1) == '=':
		two(tEq)
	case c == '=':
		one(tAssign)
	case c == '!' && l.peekAt(1) == '=':
		two(tNe)
	case c == '!':
		one(tNot)
	case c == '<' && l.peekAt(1) == '=':
		two(tLe)
	case c == '<':
		one(tLt)
	case c == '>' && l.peekAt(1) == '=':
		two(tGe)
	case c == '>':
		one(tGt)
	case c == '&' && l.peekAt(1) == '&':
		two(tAnd)
	case c == '|' && l.peekAt(1) == '|':
		two(tOr)
	case c == '+':
		one(tAdd)
	case c == '-':
		one(tSub)
	case c == '*':
		one(tMul)
	case c == '/':
		one(tDiv)
	case c == '%':
		one(tMod)
	default:
		one(tIllegal)
	}
	tok.Stop = l.pos
	tok.Text = l.src[start:l.pos.Offset]
	return tok
}

// scanNumber consumes an integer or floating-point literal. Following the
// 1.7 grammar, "1..3" is the integer 1 followed by "..", so a '.' belongs to
// the number only when a digit follows it; an exponent makes a float.
func (l *lexer) scanNumber() {
	for isDigit(l.peek()) {
		l.advance()
	}
	if l.peek() == '.' && isDigit(l.peekAt(1)) {
		l.advance()
		for isDigit(l.peek()) {
			l.advance()
		}
	}
	if c := l.peek(); c == 'e' || c == 'E' {
		k := 1
		if s := l.peekAt(1); s == '+' || s == '-' {
			k = 2
		}
		if isDigit(l.peekAt(k)) {
			for ; k > 0; k-- {
				l.advance()
			}
			for isDigit(l.peek()) {
				l.advance()
			}
		}
	}
}

// scanString consumes a string literal. In Velocity 1.7 a backslash does not
// escape the quote: a quote is written by doubling it (two double quotes in
// a double-quoted literal, two single quotes in a single-quoted one), and the
// literal may span lines (STRING_LITERAL in Parser.jjt). Without a closing
// quote the literal runs to the limit and is marked Unterminated.
func (l *lexer) scanString(tok *token) {
	tok.Kind = tString
	q := l.peek()
	if l.dq && q == '"' && l.peekAt(1) == '"' {
		l.scanDoubledString(tok)
		return
	}
	l.advance()
	for {
		if l.eof() {
			tok.Unterminated = true
			break
		}
		rest := l.src[l.pos.Offset:l.limit]
		i := strings.IndexByte(rest, q)
		if i < 0 {
			if strings.ContainsAny(rest, "\r\n") {
				tok.Multiline = true
			}
			l.advanceTo(l.limit)
			tok.Unterminated = true
			break
		}
		if strings.ContainsAny(rest[:i], "\r\n") {
			tok.Multiline = true
		}
		l.advanceTo(l.pos.Offset + i + 1)
		if l.peek() == q {
			l.advance() // a doubled quote stands for one quote
			continue
		}
		break
	}
}

// scanDoubledString consumes a double-quoted literal nested in an
// interpolated string. Velocity collapses doubled quotes before it parses
// the outer string's content (ASTStringLiteral), so there such a literal is
// written ""text"": the doubled quotes are its delimiters.
func (l *lexer) scanDoubledString(tok *token) {
	l.advanceTo(l.pos.Offset + 2)
	rest := l.src[l.pos.Offset:l.limit]
	i := strings.Index(rest, `""`)
	if i < 0 {
		tok.Unterminated = true
		i = len(rest)
	} else {
		i += 2
	}
	if strings.ContainsAny(rest[:min(i, len(rest))], "\r\n") {
		tok.Multiline = true
	}
	l.advanceTo(l.pos.Offset + i)
}
