// Package vtl parses Apache Velocity templates as used by AWS API Gateway
// mapping templates.
//
// The grammar follows the Velocity 1.7 reference
// (https://velocity.apache.org/engine/1.7/vtl-reference.html) and the 1.7
// JavaCC grammar (Parser.jjt): text, "##" and "#* *#" comments, "#[[ ]]#"
// unparsed blocks, backslash escapes, references ($a, $!a, ${a}, $a.b,
// $a.b(args), $a[i]), the directives #set, #if/#elseif/#else/#end (also in
// the #{if} brace form), #foreach, #break, #stop, #define, #macro and macro
// calls, #include, #parse and #evaluate, and the expression language of
// directive arguments with Velocity's operator precedence.
//
// Parse always returns a tree, even for a broken template, together with
// every error it found, each with exact positions, so that lint rules can
// report several problems at once. Velocity stops at the first error;
// recovery here guesses the extent of a broken construct (see
// parser.recover) and resumes after it, and a block left open at the end of
// input is reported at its opening directive.
//
// The parser is deliberately more permissive than Velocity 1.7 in one
// respect: method arguments, list elements, map entries and indexes may be
// any expression (as in Velocity 2), where 1.7 accepts only literals and
// references. Being more permissive never reports a valid template as
// broken.
//
// The tree keeps the source text as it is. In particular it does not model
// Velocity's whitespace gobbling (a directive alone on its line, such as
// #set or #end, swallows the line break after it): an evaluator must apply
// that rule itself.
package vtl

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// maxDepth bounds the nesting of blocks, expressions and interpolated
// strings so that hostile input yields an error instead of a stack overflow.
const maxDepth = 200

// Parse parses a Velocity template. It always returns a template, partial
// when the source has errors, together with every error found, sorted by
// position. It never panics and runs in time roughly linear in len(src).
func Parse(src string) (*Template, []*Error) {
	var errs []*Error
	start := Pos{Offset: 0, Line: 1, Column: 1}
	p := &parser{
		src:    src,
		l:      newLexer(src, start, len(src)),
		errs:   &errs,
		macros: macroNames(src),
	}
	nodes := p.parseTop()
	t := &Template{Span: Span{Start: start, Stop: p.l.pos}, Nodes: nodes}
	return t, sortErrors(errs)
}

// sortErrors orders errors by position and drops exact duplicates, which
// recovery can produce when it re-reads the tail of a malformed string
// literal as text.
func sortErrors(errs []*Error) []*Error {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pos.Offset < errs[j].Pos.Offset })
	var out []*Error
	for _, e := range errs {
		dup := false
		for k := len(out) - 1; k >= 0 && out[k].Pos.Offset == e.Pos.Offset; k-- {
			if *out[k] == *e {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// macroNames finds the names of the macros the template defines, so that
// "#name(...)" is recognized as a call even before the definition, as
// Velocity 1.7 does through its runtime macro lookup. Other "#word(...)"
// sequences stay text: API Gateway has no macro library, and Velocity renders
// a call to an undefined macro literally.
func macroNames(src string) map[string]bool {
	names := map[string]bool{}
	for i := 0; ; {
		j := strings.Index(src[i:], "macro")
		if j < 0 {
			return names
		}
		j += i
		i = j + len("macro")
		if !(j >= 1 && src[j-1] == '#' || j >= 2 && src[j-2:j] == "#{" && i < len(src) && src[i] == '}') {
			continue
		}
		k := i
		if k < len(src) && src[k] == '}' {
			k++
		}
		for k < len(src) && isSpace(src[k]) {
			k++
		}
		if k >= len(src) || src[k] != '(' {
			continue
		}
		k++
		for k < len(src) && isSpace(src[k]) {
			k++
		}
		s := k
		for k < len(src) && isWordChar(src[k]) {
			k++
		}
		if k > s {
			names[src[s:k]] = true
		}
	}
}

// parser is a recursive-descent parser over a lexer. Text is scanned
// character by character; directive headers and reference arguments are
// parsed from expression tokens with one token of lookahead (tok).
type parser struct {
	src    string
	l      *lexer
	errs   *[]*Error
	macros map[string]bool
	depth  int

	// The fields below describe the construct being parsed (a directive
	// header or a reference in text). Within a construct the first error
	// is recorded in fail and parsing unwinds; recover then reports it and
	// moves the cursor to a safe place to resume.
	tok      token
	prevStop Pos // end of the last consumed token
	parens   int // parentheses opened and not yet closed in the construct
	fail     *failure
	multi    *token // first multi-line or unterminated string literal seen
}

type failure struct {
	tok token
	msg string
	// missing is set when a ")" was expected, the usual symptom of
	// unbalanced parentheses.
	missing bool
}

func (p *parser) addError(start, end Pos, format string, args ...any) {
	*p.errs = append(*p.errs, &Error{Pos: start, End: end, Msg: fmt.Sprintf(format, args...)})
}

// --- text ---------------------------------------------------------------

// termKind identifies a directive that ends a block.
type termKind int

const (
	termEOF termKind = iota
	termEnd
	termElse
	termElseIf
)

// term is the block terminator found by parseNodes. For #elseif the cursor
// is left after the word so the caller can parse the condition.
type term struct {
	kind  termKind
	start Pos
	stop  Pos
}

// textBuf accumulates consecutive text pieces into one Text node.
type textBuf struct {
	start  Pos
	b      strings.Builder
	active bool
}

func (t *textBuf) add(start Pos, s string) {
	if !t.active {
		t.start = start
		t.active = true
	}
	t.b.WriteString(s)
}

func (t *textBuf) flush(end Pos, nodes []Node) []Node {
	if !t.active {
		return nodes
	}
	nodes = append(nodes, &Text{Span: Span{Start: t.start, Stop: end}, Value: t.b.String()})
	t.b.Reset()
	t.active = false
	return nodes
}

// parseTop parses nodes up to the end of input, reporting block terminators
// that match nothing.
func (p *parser) parseTop() []Node {
	var nodes []Node
	for {
		ns, t := p.parseNodes()
		nodes = append(nodes, ns...)
		if t.kind == termEOF {
			return nodes
		}
		p.stray(t, "")
	}
}

// stray reports a terminator directive that does not belong to the
// enclosing block. An #elseif's condition is parsed and dropped so that it
// is not read as text.
func (p *parser) stray(t term, in string) {
	switch t.kind {
	case termEnd:
		p.addError(t.start, t.stop, "#end without a matching directive")
	case termElse:
		p.addError(t.start, t.stop, "#else without a matching #if%s", in)
	case termElseIf:
		p.addError(t.start, t.stop, "#elseif without a matching #if%s", in)
		p.parseCond("#elseif", t.start)
	}
}

// parseNodes parses text, references and directives until the end of input
// or a block terminator (#end, #else, #elseif), which it consumes and
// returns.
func (p *parser) parseNodes() ([]Node, term) {
	var nodes []Node
	var tb textBuf
	l := p.l
	for !l.eof() {
		start := l.pos
		switch l.peek() {
		case '$':
			if r := p.textRef(); r != nil {
				nodes = tb.flush(start, nodes)
				nodes = append(nodes, r)
				continue
			}
			l.advance()
			tb.add(start, "$")
		case '#':
			n, t := p.parseHash()
			switch {
			case t != nil:
				nodes = tb.flush(start, nodes)
				return nodes, *t
			case n != nil:
				nodes = tb.flush(start, nodes)
				nodes = append(nodes, n)
			default:
				l.advance()
				tb.add(start, "#")
			}
		case '\\':
			p.parseEscape(&tb)
		default:
			rest := l.src[l.pos.Offset:l.limit]
			i := strings.IndexAny(rest, "$#\\")
			if i < 0 {
				i = len(rest)
			}
			s := rest[:i]
			l.advanceTo(l.pos.Offset + i)
			if p.l.dq { // inside an interpolated string "" is one quote
				s = strings.ReplaceAll(s, `""`, `"`)
			}
			tb.add(start, s)
		}
	}
	nodes = tb.flush(l.pos, nodes)
	return nodes, term{kind: termEOF, start: l.pos, stop: l.pos}
}

// refStartsAt reports whether a reference starts at byte offset i:
// '$', optionally '!', optionally '{', then an identifier start. Anything
// else after '$' is plain text (e.g. "$5.00"), as in Velocity.
func (p *parser) refStartsAt(i int) bool {
	l := p.l
	if i >= l.limit || l.src[i] != '$' {
		return false
	}
	i++
	if i < l.limit && l.src[i] == '!' {
		i++
	}
	if i < l.limit && l.src[i] == '{' {
		i++
	}
	return i < l.limit && isIdentStart(l.src[i])
}

// escapable lists the names whose escaped form "\#name" renders without
// the backslash (escapedDirective in the 1.7 Parser.jjt); macros defined in
// the template count too.
var escapable = map[string]bool{
	"set": true, "if": true, "elseif": true, "else": true, "end": true,
	"foreach": true, "include": true, "parse": true, "macro": true,
	"literal": true, "evaluate": true, "break": true, "define": true, "stop": true,
}

// parseEscape handles a run of backslashes in text. Following the VTL
// reference ("Escaping Valid VTL References", "VTL: Formatting Issues"),
// backslashes before a reference or a directive escape in pairs: n of them
// render as n/2 backslashes, and when n is odd the reference or directive
// name renders literally. Backslashes before anything else are plain text.
func (p *parser) parseEscape(tb *textBuf) {
	l := p.l
	start := l.pos
	i := l.pos.Offset
	for i < l.limit && l.src[i] == '\\' {
		i++
	}
	n := i - l.pos.Offset
	half := strings.Repeat(`\`, n/2)
	switch {
	case p.refStartsAt(i):
		l.advanceTo(i)
		if n%2 == 0 {
			tb.add(start, half)
			return // the reference is parsed by the caller's next iteration
		}
		refStart := l.pos
		r := p.textRef()
		if r == nil { // cannot happen: refStartsAt said yes
			l.advance()
		}
		tb.add(start, half+l.src[refStart.Offset:l.pos.Offset])
	case i < l.limit && l.src[i] == '#':
		name, end := p.directiveName(i)
		if name == "" || !(escapable[name] || p.macros[name]) {
			l.advanceTo(i)
			tb.add(start, l.src[start.Offset:i])
			return
		}
		l.advanceTo(i)
		if n%2 == 0 {
			tb.add(start, half)
			return // the directive is parsed by the caller's next iteration
		}
		tb.add(start, half+l.src[i:end])
		l.advanceTo(end)
	default:
		l.advanceTo(i)
		tb.add(start, l.src[start.Offset:i])
	}
}

// directiveName reads "#name" or "#{name}" at byte offset i (which holds
// '#') and returns the name and the offset after it, or "" when there is
// none.
func (p *parser) directiveName(i int) (string, int) {
	l := p.l
	j := i + 1
	braced := j < l.limit && l.src[j] == '{'
	if braced {
		j++
	}
	w := l.wordAt(j)
	if w == "" {
		return "", 0
	}
	j += len(w)
	if braced {
		if j >= l.limit || l.src[j] != '}' || w[0] == '@' {
			return "", 0
		}
		j++
	}
	return w, j
}

// parseHash parses a construct starting with '#': a comment, an unparsed
// block, a directive or a block terminator. It returns (nil, nil) without
// moving the cursor when the '#' is plain text, e.g. "#hashtag" or
// the "#" of a JSON string.
func (p *parser) parseHash() (Node, *term) {
	l := p.l
	start := l.pos
	switch {
	case l.hasPrefix("##"):
		l.advanceTo(start.Offset + 2)
		textStart := l.pos.Offset
		l.skipLine()
		c := &Comment{Text: l.src[textStart:l.pos.Offset]}
		// The line comment swallows its line break (SINGLE_LINE_COMMENT).
		if l.hasPrefix("\r\n") {
			l.advanceTo(l.pos.Offset + 2)
		} else if c := l.peek(); c == '\n' || c == '\r' {
			l.advance()
		}
		c.Span = Span{Start: start, Stop: l.pos}
		return c, nil
	case l.hasPrefix("#*"):
		rest := l.src[start.Offset+2 : l.limit]
		i := strings.Index(rest, "*#")
		c := &Comment{Block: true}
		if i < 0 {
			l.advanceTo(l.limit)
			c.Text = rest
			p.addError(start, p.posAfter(start, 2), "unterminated block comment: missing *#")
		} else {
			l.advanceTo(start.Offset + 2 + i + 2)
			c.Text = rest[:i]
		}
		c.Span = Span{Start: start, Stop: l.pos}
		return c, nil
	case l.hasPrefix("#[["):
		rest := l.src[start.Offset+3 : l.limit]
		i := strings.Index(rest, "]]#")
		u := &Unparsed{}
		if i < 0 {
			l.advanceTo(l.limit)
			u.Value = rest
			p.addError(start, p.posAfter(start, 3), "unterminated #[[ block: missing ]]#")
		} else {
			l.advanceTo(start.Offset + 3 + i + 3)
			u.Value = rest[:i]
		}
		u.Span = Span{Start: start, Stop: l.pos}
		return u, nil
	}

	name, end := p.directiveName(start.Offset)
	if name == "" {
		return nil, nil
	}
	l.advanceTo(end)
	var n Node
	switch name {
	case "end":
		return nil, &term{kind: termEnd, start: start, stop: l.pos}
	case "else":
		return nil, &term{kind: termElse, start: start, stop: l.pos}
	case "elseif":
		return nil, &term{kind: termElseIf, start: start, stop: l.pos}
	case "if":
		n = p.parseIf(start)
	case "set":
		n = p.parseSet(start)
	case "foreach":
		n = p.parseForeach(start)
	case "define":
		n = p.parseDefine(start)
	case "macro":
		n = p.parseMacro(start)
	case "include", "parse", "evaluate":
		n = p.parseDirective(start, name)
	case "break", "stop":
		n = p.parseBreakStop(start, name)
	default:
		if name[0] == '@' && len(name) > 1 || p.macros[name] {
			n = p.parseMacroCall(start, name)
		}
	}
	if n == nil {
		l.pos = start
		return nil, nil
	}
	return n, nil
}

// posAfter returns the position n ASCII bytes after pos.
func (p *parser) posAfter(pos Pos, n int) Pos {
	c := *p.l
	c.pos = pos
	c.advanceTo(pos.Offset + n)
	return c.pos
}

// lineEnd returns the position of the line break ending pos's line, or of
// the limit.
func (p *parser) lineEnd(pos Pos) Pos {
	c := *p.l
	c.pos = pos
	c.skipLine()
	return c.pos
}

// openParen consumes optional whitespace and the "(" that opens a
// directive's arguments. On failure the cursor does not move. Velocity's
// #set token allows only blanks before "(", other directives any
// whitespace.
func (p *parser) openParen(blanksOnly bool) bool {
	l := p.l
	save := l.pos
	for !l.eof() {
		c := l.peek()
		if c == ' ' || c == '\t' || !blanksOnly && (c == '\n' || c == '\r') {
			l.advance()
			continue
		}
		break
	}
	if l.peek() == '(' {
		l.advance()
		return true
	}
	l.pos = save
	return false
}

// --- constructs and error recovery -----------------------------------------

// begin starts a construct whose first token is at the cursor. parens is
// the number of parentheses already open (1 after a directive's "(").
func (p *parser) begin(parens int) { //nolint:unparam // parens is the construct's opening depth; every caller so far opens one
	p.fail = nil
	p.multi = nil
	p.parens = parens
	p.prevStop = p.l.pos
	p.next()
}

// next scans the next expression token.
func (p *parser) next() {
	p.tok = p.l.exprToken()
}

// accept consumes the current token without scanning the next one, which
// is how a construct ends: the cursor is then right after the token.
func (p *parser) accept() {
	switch p.tok.Kind {
	case tLParen:
		p.parens++
	case tRParen:
		p.parens--
	}
	p.prevStop = p.tok.Stop
}

// consume accepts the current token and scans the next.
func (p *parser) consume() {
	p.accept()
	p.next()
}

// failAt records the first error of the current construct.
func (p *parser) failAt(tok token, missing bool, format string, args ...any) {
	if p.fail != nil {
		return
	}
	// An unterminated string where ")" was expected is usually the quote
	// of surrounding JSON text after a missing ")", not a broken literal.
	if tok.Kind == tString && tok.Unterminated && !missing && p.multi == nil {
		t := tok
		p.multi = &t
	}
	p.fail = &failure{tok: tok, msg: fmt.Sprintf(format, args...), missing: missing}
}

// unexpected records an "unexpected token" failure at the current token.
func (p *parser) unexpected(want string) {
	missing := want == ")" || strings.HasSuffix(want, " or )")
	if want == "" {
		p.failAt(p.tok, false, "unexpected %s", p.tok)
		return
	}
	p.failAt(p.tok, missing, "unexpected %s, expected %s", p.tok, want)
}

// bad returns a placeholder for an expression that failed to parse. It is
// empty and sits after the last consumed token: the offending token is not
// part of the tree (the Error points at it).
func (p *parser) bad() *BadExpr {
	return &BadExpr{Span{Start: p.prevStop, Stop: p.prevStop}}
}

// recover reports the failure of the construct that started at start, if
// any, and moves the cursor to where text parsing can resume. It reports
// whether there was a failure.
//
// Velocity aborts at the first syntax error; a linter wants all of them, so
// recovery guesses the extent of the broken construct:
//   - a multi-line or unterminated string literal is almost always a missing
//     quote: the error points at the opening quote and parsing resumes at the
//     end of that line;
//   - a missing ")" whose next token is on a later line (or the end of input)
//     is reported as unbalanced parentheses on the construct, and parsing
//     resumes at the end of the construct's last good line;
//   - any other error is reported at the offending token, and parsing resumes
//     after the ")" that balances the construct on the same line, or at the
//     end of the line.
//
// In text references (inText) parsing resumes at the offending token, so the
// text after a broken reference is still read.
func (p *parser) recover(what string, start Pos, inText bool) bool {
	f := p.fail
	if f == nil {
		return false
	}
	p.fail = nil
	l := p.l
	switch {
	case p.multi != nil:
		eol := p.lineEnd(p.multi.Start)
		p.addError(p.multi.Start, eol, "unterminated string literal")
		l.pos = eol
	case f.missing && (f.tok.Kind == tEOF || f.tok.Newline || inText),
		f.tok.Kind == tEOF && p.parens > 0:
		p.addError(start, p.prevStop, "unbalanced parentheses in %s: missing )", what)
		if inText && f.tok.Kind != tEOF && !f.tok.Newline {
			l.pos = f.tok.Start
		} else {
			l.pos = p.lineEnd(p.prevStop)
		}
	default:
		p.addError(f.tok.Start, f.tok.Stop, "%s", f.msg)
		l.pos = f.tok.Start
		if inText {
			break
		}
		depth := p.parens
		for !l.eof() {
			c := l.peek()
			if c == '\n' || c == '\r' {
				break
			}
			l.advance()
			if c == '(' {
				depth++
			} else if c == ')' {
				depth--
				if depth <= 0 {
					break
				}
			}
		}
	}
	p.multi = nil
	return true
}

// clampExpr trims an expression that extends past limit, which happens
// when recovery resumes inside a multi-line string literal: the part past
// limit is re-read as text, so the tree must not claim it.
func clampExpr(e Expr, limit Pos) Expr {
	if e == nil || e.End().Offset <= limit.Offset {
		return e
	}
	if r, ok := e.(*Reference); ok && r.Start.Offset < limit.Offset {
		clampRef(r, limit)
		return r
	}
	start := e.Pos()
	if start.Offset > limit.Offset {
		start = limit
	}
	return &BadExpr{Span{Start: start, Stop: limit}}
}

// clampRef trims a reference, and its parts, to end at limit.
func clampRef(r *Reference, limit Pos) {
	if r == nil || r.Stop.Offset <= limit.Offset {
		return
	}
	r.Stop = limit
	var parts []RefPart
	for _, pt := range r.Parts {
		if pt.Pos().Offset >= limit.Offset {
			break
		}
		switch pt := pt.(type) {
		case *Method:
			if pt.Stop.Offset > limit.Offset {
				pt.Stop = limit
				pt.Args = clampList(pt.Args, limit)
			}
		case *Index:
			if pt.Stop.Offset > limit.Offset {
				pt.Stop = limit
				pt.Index = clampExpr(pt.Index, limit)
			}
		}
		parts = append(parts, pt)
	}
	r.Parts = parts
}

// clampList trims a list of expressions to end at limit.
func clampList(list []Expr, limit Pos) []Expr {
	var out []Expr
	for _, e := range list {
		if e.Pos().Offset >= limit.Offset {
			break
		}
		out = append(out, clampExpr(e, limit))
	}
	return out
}

// closeHeader expects the ")" that ends a directive header.
func (p *parser) closeHeader() {
	if p.fail != nil {
		return
	}
	if p.tok.Kind == tRParen {
		p.accept()
		return
	}
	p.unexpected(")")
}

// enter increases the nesting depth, reporting false (after recording a
// failure or error) when the limit is reached.
func (p *parser) enter(inExpr bool, at Pos) bool {
	if p.depth >= maxDepth {
		if inExpr {
			p.failAt(p.tok, false, "expression nested too deeply (limit %d)", maxDepth)
		} else {
			p.addError(at, p.l.pos, "blocks nested too deeply (limit %d)", maxDepth)
		}
		return false
	}
	p.depth++
	return true
}

func (p *parser) leave() { p.depth-- }

// --- references -------------------------------------------------------------

// textRef parses a reference in text, as its own construct.
func (p *parser) textRef() *Reference {
	p.fail, p.multi, p.parens = nil, nil, 0
	start := p.l.pos
	r := p.parseRef()
	if r == nil {
		return nil
	}
	what := "$" + r.Path() + "(...)"
	if p.recover(what, start, true) {
		clampRef(r, p.l.pos)
	}
	return r
}

// parseRef parses a reference at the cursor, which is at '$'. It returns
// nil without moving the cursor when no reference starts there. Following
// the 1.7 grammar a reference is "$" ["!"] then either "{" body "}" or body,
// where body is an identifier followed by indexes, ".property" and
// ".method(args)" steps; a '.' not followed by a letter ends the reference
// and is text ("$name." at the end of a sentence).
func (p *parser) parseRef() *Reference {
	l := p.l
	start := l.pos
	if !p.refStartsAt(start.Offset) {
		return nil
	}
	r := &Reference{}
	l.advance()
	if l.peek() == '!' {
		r.Quiet = true
		l.advance()
	}
	if l.peek() == '{' {
		r.Braced = true
		l.advance()
	}
	r.Name = l.scanIdent()
	r.Stop = l.pos
	p.refParts(r)
	if p.fail == nil {
		r.Stop = l.pos
		if r.Braced {
			if l.peek() == '}' {
				l.advance()
				r.Stop = l.pos
			} else {
				p.addError(start, l.pos, "missing } in ${%s} reference", r.Path())
			}
		}
	}
	r.Start = start
	return r
}

// refParts parses the steps after a reference's name.
func (p *parser) refParts(r *Reference) {
	l := p.l
	for p.fail == nil {
		partStart := l.pos
		switch {
		case l.peek() == '[':
			l.advance()
			p.prevStop = l.pos
			p.next()
			if !p.enter(true, partStart) {
				return
			}
			ix := &Index{}
			if p.tok.Kind == tRBrack {
				p.unexpected("an index")
				ix.Index = p.bad()
			} else {
				ix.Index = p.parseExpr()
			}
			if p.fail == nil && p.tok.Kind != tRBrack {
				p.unexpected("]")
			}
			p.leave()
			if p.fail == nil {
				p.accept()
			}
			ix.Span = Span{Start: partStart, Stop: p.prevStop}
			r.Parts = append(r.Parts, ix)
			r.Stop = p.prevStop
		case l.peek() == '.' && isLetter(l.peekAt(1)):
			l.advance()
			name := l.scanIdent()
			if l.peek() != '(' {
				r.Parts = append(r.Parts, &Property{Span: Span{Start: partStart, Stop: l.pos}, Name: name})
				r.Stop = l.pos
				continue
			}
			l.advance()
			p.parens++
			p.prevStop = l.pos
			m := &Method{Name: name}
			p.next()
			if p.enter(true, partStart) {
				m.Args = p.parseList(tRParen, "method arguments")
				p.leave()
			}
			if p.fail == nil {
				p.accept()
			}
			m.Span = Span{Start: partStart, Stop: p.prevStop}
			r.Parts = append(r.Parts, m)
			r.Stop = p.prevStop
		default:
			return
		}
	}
}

// parseList parses comma-separated expressions up to (not consuming) the
// closing token.
func (p *parser) parseList(closing kind, _ string) []Expr {
	var list []Expr
	if p.tok.Kind == closing {
		return list
	}
	for p.fail == nil {
		list = append(list, p.parseExpr())
		if p.fail != nil {
			break
		}
		switch p.tok.Kind {
		case tComma:
			p.consume()
			continue
		case closing:
			return list
		}
		p.unexpected(", or " + closing.String())
	}
	return list
}

// exprRef parses a reference when the current token is '$'.
func (p *parser) exprRef() *Reference {
	p.l.pos = p.tok.Start
	r := p.parseRef()
	if r == nil {
		p.l.pos = p.tok.Stop
		p.failAt(p.tok, false, "unexpected $: not a valid reference")
		return nil
	}
	if p.fail == nil {
		p.prevStop = r.Stop
		p.next()
	}
	return r
}

// --- expressions --------------------------------------------------------------

// precedence gives binary operator precedence, from the 1.7 grammar's
// ConditionalOr > ConditionalAnd > Equality > Relational > Additive >
// Multiplicative chain; 0 means not a binary operator.
func precedence(k kind) int {
	switch k {
	case tOr:
		return 1
	case tAnd:
		return 2
	case tEq, tNe:
		return 3
	case tLt, tGt, tLe, tGe:
		return 4
	case tAdd, tSub:
		return 5
	case tMul, tDiv, tMod:
		return 6
	}
	return 0
}

// parseExpr parses an expression. Velocity 1.7 accepts only literals and
// references as method arguments, list elements and map entries; this
// parser accepts full expressions there (as Velocity 2 does), since being
// more permissive never produces a false error.
func (p *parser) parseExpr() Expr {
	return p.parseBinary(1)
}

func (p *parser) parseBinary(minPrec int) Expr {
	x := p.parseUnary()
	for p.fail == nil {
		op := p.tok.Kind
		prec := precedence(op)
		if prec == 0 || prec < minPrec {
			break
		}
		opPos := p.tok.Start
		p.consume()
		y := p.parseBinary(prec + 1)
		x = &Binary{Span: Span{Start: x.Pos(), Stop: y.End()}, Op: opKinds[op], OpPos: opPos, X: x, Y: y}
	}
	return x
}

func (p *parser) parseUnary() Expr {
	if !p.enter(true, p.tok.Start) {
		return p.bad()
	}
	defer p.leave()
	switch p.tok.Kind {
	case tNot:
		start := p.tok.Start
		p.consume()
		x := p.parseUnary()
		return &Unary{Span: Span{Start: start, Stop: x.End()}, Op: OpNot, X: x}
	case tSub:
		// Velocity has no unary minus, but its number literals may start
		// with '-' (INTEGER_LITERAL: ("-")? (DIGIT)+).
		l := p.l
		if l.pos == p.tok.Stop && (isDigit(l.peek()) || l.peek() == '.' && isDigit(l.peekAt(1))) {
			minus := p.tok
			p.next()
			n := p.numberLit(minus.Start, "-"+p.tok.Text, p.tok.Stop)
			p.consume()
			return n
		}
		p.failAt(p.tok, false, "unexpected -: Velocity has no unary minus")
		return p.bad()
	}
	return p.parsePrimary()
}

func (p *parser) parsePrimary() Expr {
	tok := p.tok
	switch tok.Kind {
	case tDollar:
		r := p.exprRef()
		if r == nil {
			return p.bad()
		}
		return r
	case tString:
		s := p.stringLit(tok)
		if p.fail == nil {
			p.consume()
		}
		return s
	case tNumber:
		n := p.numberLit(tok.Start, tok.Text, tok.Stop)
		p.consume()
		return n
	case tTrue, tFalse:
		p.consume()
		return &BoolLit{Span: Span{Start: tok.Start, Stop: tok.Stop}, Value: tok.Kind == tTrue}
	case tLParen:
		p.consume()
		x := p.parseExpr()
		if p.fail == nil && p.tok.Kind != tRParen {
			p.unexpected(")")
		}
		if p.fail == nil {
			p.consume()
		}
		return &Paren{Span: Span{Start: tok.Start, Stop: p.prevStop}, X: x}
	case tLBrack:
		return p.parseListOrRange()
	case tLBrace:
		return p.parseMap()
	}
	p.unexpected("")
	return p.bad()
}

func (p *parser) parseListOrRange() Expr {
	start := p.tok.Start
	p.consume()
	if p.tok.Kind == tRBrack {
		p.consume()
		return &ListLit{Span: Span{Start: start, Stop: p.prevStop}}
	}
	first := p.parseExpr()
	if p.fail == nil && p.tok.Kind == tDotDot {
		p.consume()
		to := p.parseExpr()
		if p.fail == nil && p.tok.Kind != tRBrack {
			p.unexpected("]")
		}
		if p.fail == nil {
			p.consume()
		}
		return &RangeLit{Span: Span{Start: start, Stop: p.prevStop}, From: first, To: to}
	}
	elems := []Expr{first}
	for p.fail == nil && p.tok.Kind == tComma {
		p.consume()
		elems = append(elems, p.parseExpr())
	}
	if p.fail == nil && p.tok.Kind != tRBrack {
		p.unexpected(", or ]")
	}
	if p.fail == nil {
		p.consume()
	}
	return &ListLit{Span: Span{Start: start, Stop: p.prevStop}, Elems: elems}
}

func (p *parser) parseMap() Expr {
	m := &MapLit{}
	start := p.tok.Start
	p.consume()
	if p.tok.Kind == tRBrace {
		p.consume()
		m.Span = Span{Start: start, Stop: p.prevStop}
		return m
	}
	for p.fail == nil {
		k := p.parseExpr()
		var v Expr
		if p.fail == nil && p.tok.Kind != tColon {
			p.unexpected(":")
		}
		if p.fail == nil {
			p.consume()
			v = p.parseExpr()
		} else {
			v = p.bad()
		}
		m.Entries = append(m.Entries, &MapEntry{Span: Span{Start: k.Pos(), Stop: v.End()}, Key: k, Value: v})
		if p.fail != nil {
			break
		}
		if p.tok.Kind == tComma {
			p.consume()
			continue
		}
		if p.tok.Kind != tRBrace {
			p.unexpected(", or }")
			break
		}
		p.consume()
		break
	}
	m.Span = Span{Start: start, Stop: p.prevStop}
	return m
}

func (p *parser) numberLit(start Pos, raw string, stop Pos) *NumberLit {
	n := &NumberLit{Span: Span{Start: start, Stop: stop}, Raw: raw}
	if strings.ContainsAny(raw, ".eE") {
		n.IsFloat = true
		n.Float, _ = strconv.ParseFloat(raw, 64) // only range errors: ±Inf is fine
		return n
	}
	v, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		p.addError(start, stop, "integer literal %s out of range", raw)
	}
	n.Int = v
	return n
}

// stringLit builds a string literal from a String token. Double-quoted
// literals containing '$' or '#' are parsed as templates (ASTStringLiteral
// interpolates them at render time).
func (p *parser) stringLit(t token) *StringLit {
	q := t.Text[0]
	delim := 1
	if p.l.dq && strings.HasPrefix(t.Text, `""`) {
		delim = 2 // a literal nested in an interpolated string
	}
	body := t.Text[delim:]
	if !t.Unterminated {
		body = body[:len(body)-delim]
	}
	s := &StringLit{
		Span:  Span{Start: t.Start, Stop: t.Stop},
		Quote: q,
		Value: strings.ReplaceAll(body, string([]byte{q, q}), string(q)),
	}
	if t.Unterminated {
		// The literal runs to the end of input; it is part of the tree
		// until recovery clamps it.
		p.accept()
		p.failAt(t, false, "unterminated string literal")
		return s
	}
	if t.Multiline && p.multi == nil {
		tt := t
		p.multi = &tt
	}
	if q == '"' && strings.ContainsAny(body, "$#") {
		s.Interpolated = true
		s.Parts = p.interpolate(p.posAfter(t.Start, delim), t.Stop.Offset-delim)
	}
	return s
}

// interpolate parses src[start.Offset:end] as a template, with its own
// construct state but sharing errors, macros and the depth budget.
func (p *parser) interpolate(start Pos, end int) []Node {
	if p.depth >= maxDepth {
		p.addError(start, start, "string literals nested too deeply (limit %d)", maxDepth)
		return nil
	}
	sub := &parser{
		src:    p.src,
		l:      newLexer(p.src, start, end),
		errs:   p.errs,
		macros: p.macros,
		depth:  p.depth + 1,
	}
	sub.l.dq = true
	return sub.parseTop()
}

// --- directives -------------------------------------------------------------

// parseCond parses "(condition)" after #if or #elseif.
func (p *parser) parseCond(name string, start Pos) Expr {
	if !p.openParen(false) {
		p.addError(start, p.l.pos, "missing ( after %s", name)
		return &BadExpr{Span{Start: p.l.pos, Stop: p.l.pos}}
	}
	p.begin(1)
	var cond Expr
	if p.tok.Kind == tRParen {
		p.failAt(p.tok, false, "missing condition in %s", name)
	} else {
		cond = p.parseExpr()
	}
	p.closeHeader()
	if p.recover(name, start, false) {
		if cond == nil {
			cond = &BadExpr{Span{Start: p.l.pos, Stop: p.l.pos}}
		}
		cond = clampExpr(cond, p.l.pos)
	}
	return cond
}

// parseBody parses a block body up to its #end, reporting a missing #end
// at the directive's header and misplaced #else/#elseif inside the block.
func (p *parser) parseBody(name string, start, hdrEnd Pos) ([]Node, Pos) {
	var body []Node
	for {
		ns, t := p.parseNodes()
		body = append(body, ns...)
		switch t.kind {
		case termEnd:
			return body, t.stop
		case termEOF:
			p.addError(start, hdrEnd, "unclosed %s: missing #end", name)
			return body, t.stop
		}
		p.stray(t, " (inside "+name+")")
	}
}

func (p *parser) parseIf(start Pos) Node {
	cond := p.parseCond("#if", start)
	hdrEnd := p.l.pos
	n := &If{}
	b := &IfBranch{Cond: cond}
	b.Start = start
	n.Branches = []*IfBranch{b}
	if !p.enter(false, start) {
		b.Stop = p.l.pos
		n.Span = Span{Start: start, Stop: p.l.pos}
		return n
	}
	defer p.leave()
	body := &b.Body
	stop := &b.Stop
	for {
		ns, t := p.parseNodes()
		*body = append(*body, ns...)
		*stop = t.start
		switch t.kind {
		case termEOF:
			p.addError(start, hdrEnd, "unclosed #if: missing #end")
			n.Span = Span{Start: start, Stop: t.stop}
			return n
		case termEnd:
			n.Span = Span{Start: start, Stop: t.stop}
			return n
		case termElseIf:
			if n.Else != nil {
				p.addError(t.start, t.stop, "#elseif after #else")
			}
			eb := &IfBranch{ElseIf: true}
			eb.Start = t.start
			eb.Cond = p.parseCond("#elseif", t.start)
			n.Branches = append(n.Branches, eb)
			body, stop = &eb.Body, &eb.Stop
		case termElse:
			if n.Else != nil {
				p.addError(t.start, t.stop, "#else after #else")
			} else {
				n.Else = &ElseBranch{Span: Span{Start: t.start}}
			}
			body, stop = &n.Else.Body, &n.Else.Stop
		}
	}
}

func (p *parser) parseSet(start Pos) Node {
	if !p.openParen(true) {
		// Velocity's SET_DIRECTIVE token needs the "("; without it "#set"
		// is plain text.
		return nil
	}
	s := &Set{}
	p.begin(1)
	if p.tok.Kind == tDollar {
		s.Target = p.exprRef()
	} else {
		p.failAt(p.tok, false, "unexpected %s, expected a reference to assign in #set", p.tok)
	}
	if p.fail == nil {
		if p.tok.Kind == tAssign {
			p.consume()
			s.Value = p.parseExpr()
		} else {
			p.unexpected("=")
		}
	}
	p.closeHeader()
	if s.Value == nil {
		s.Value = p.bad()
	}
	if p.recover("#set", start, false) {
		clampRef(s.Target, p.l.pos)
		s.Value = clampExpr(s.Value, p.l.pos)
	}
	s.Span = Span{Start: start, Stop: p.l.pos}
	return s
}

func (p *parser) parseForeach(start Pos) Node {
	f := &Foreach{}
	if !p.openParen(false) {
		p.addError(start, p.l.pos, "missing ( after #foreach")
		f.Iter = &BadExpr{Span{Start: p.l.pos, Stop: p.l.pos}}
	} else {
		p.begin(1)
		if p.tok.Kind == tDollar {
			f.Var = p.exprRef()
		} else {
			p.failAt(p.tok, false, "unexpected %s, expected the loop variable in #foreach", p.tok)
		}
		if p.fail == nil {
			if p.tok.Kind == tIdent && p.tok.Text == "in" {
				p.consume()
				f.Iter = p.parseExpr()
			} else {
				p.unexpected(`"in"`)
			}
		}
		p.closeHeader()
		if f.Iter == nil {
			f.Iter = p.bad()
		}
		if p.recover("#foreach", start, false) {
			clampRef(f.Var, p.l.pos)
			f.Iter = clampExpr(f.Iter, p.l.pos)
		}
	}
	hdrEnd := p.l.pos
	if !p.enter(false, start) {
		f.Span = Span{Start: start, Stop: p.l.pos}
		return f
	}
	f.Body, f.Stop = p.parseBody("#foreach", start, hdrEnd)
	p.leave()
	f.Start = start
	return f
}

func (p *parser) parseDefine(start Pos) Node {
	d := &Define{}
	if !p.openParen(false) {
		p.addError(start, p.l.pos, "missing ( after #define")
	} else {
		p.begin(1)
		if p.tok.Kind == tDollar {
			d.Target = p.exprRef()
		} else {
			p.failAt(p.tok, false, "unexpected %s, expected a reference in #define", p.tok)
		}
		p.closeHeader()
		if p.recover("#define", start, false) {
			clampRef(d.Target, p.l.pos)
		}
	}
	hdrEnd := p.l.pos
	if !p.enter(false, start) {
		d.Span = Span{Start: start, Stop: p.l.pos}
		return d
	}
	d.Body, d.Stop = p.parseBody("#define", start, hdrEnd)
	p.leave()
	d.Start = start
	return d
}

func (p *parser) parseMacro(start Pos) Node {
	m := &Macro{}
	if !p.openParen(false) {
		// VELOCITY-667: "#macro" without arguments is a parse error.
		p.addError(start, p.l.pos, "missing ( after #macro")
	} else {
		p.begin(1)
		if p.tok.Kind == tIdent || p.tok.Kind >= tEq && p.tok.Kind <= tNot && isLetter(p.tok.Text[0]) {
			m.Name = p.tok.Text
			p.consume()
		} else {
			p.failAt(p.tok, false, "unexpected %s, expected the macro name", p.tok)
		}
		for p.fail == nil && p.tok.Kind != tRParen {
			switch p.tok.Kind {
			case tComma:
				p.consume()
			case tDollar:
				if r := p.exprRef(); r != nil {
					m.Params = append(m.Params, r)
				}
			default:
				p.unexpected("a $parameter or )")
			}
		}
		p.closeHeader()
		if p.recover("#macro", start, false) {
			var params []*Reference
			for _, r := range m.Params {
				if r.Start.Offset < p.l.pos.Offset {
					clampRef(r, p.l.pos)
					params = append(params, r)
				}
			}
			m.Params = params
		}
	}
	hdrEnd := p.l.pos
	if !p.enter(false, start) {
		m.Span = Span{Start: start, Stop: p.l.pos}
		return m
	}
	m.Body, m.Stop = p.parseBody("#macro", start, hdrEnd)
	p.leave()
	m.Start = start
	return m
}

// parseArgs parses directive arguments: operands separated by whitespace
// or commas (DirectiveArg in the 1.7 grammar), up to the closing ")".
func (p *parser) parseArgs() []Expr {
	var args []Expr
	for p.fail == nil && p.tok.Kind != tRParen {
		if p.tok.Kind == tComma {
			p.consume()
			continue
		}
		if p.tok.Kind == tEOF {
			p.unexpected(")")
			break
		}
		args = append(args, p.parseUnary())
	}
	p.closeHeader()
	return args
}

func (p *parser) parseMacroCall(start Pos, name string) Node {
	blanks := !strings.HasPrefix(name, "@")
	if !p.openParen(blanks) {
		return nil
	}
	c := &MacroCall{Name: strings.TrimPrefix(name, "@"), Block: !blanks}
	p.begin(1)
	c.Args = p.parseArgs()
	if p.recover("#"+name, start, false) {
		c.Args = clampList(c.Args, p.l.pos)
	}
	c.Span = Span{Start: start, Stop: p.l.pos}
	if !c.Block {
		return c
	}
	hdrEnd := p.l.pos
	if !p.enter(false, start) {
		return c
	}
	c.Body, c.Stop = p.parseBody("#"+name, start, hdrEnd)
	p.leave()
	return c
}

func (p *parser) parseDirective(start Pos, name string) Node {
	d := &Directive{Name: name}
	if !p.openParen(false) {
		p.addError(start, p.l.pos, "missing ( after #%s", name)
	} else {
		p.begin(1)
		d.Args = p.parseArgs()
		if p.recover("#"+name, start, false) {
			d.Args = clampList(d.Args, p.l.pos)
		}
	}
	d.Span = Span{Start: start, Stop: p.l.pos}
	return d
}

// parseBreakStop parses #break and #stop, which take an optional scope
// argument only when "(" follows immediately.
func (p *parser) parseBreakStop(start Pos, name string) Node {
	var args []Expr
	if p.l.peek() == '(' {
		p.l.advance()
		p.begin(1)
		args = p.parseArgs()
		if p.recover("#"+name, start, false) {
			args = clampList(args, p.l.pos)
		}
	}
	span := Span{Start: start, Stop: p.l.pos}
	if name == "break" {
		return &Break{Span: span, Args: args}
	}
	return &Stop{Span: span, Args: args}
}
