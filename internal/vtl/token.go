package vtl

import "fmt"

// Pos is a position in a template source.
//
// Offset is a 0-based byte offset; Line and Column are 1-based, and Column
// counts runes (not bytes) from the start of the line. Only '\n' starts a
// new line, so a "\r\n" pair counts as one line break.
type Pos struct {
	Offset int
	Line   int
	Column int
}

// String formats the position as "line:column".
func (p Pos) String() string {
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// kind is the kind of an expression token. Text outside directives and
// references is not tokenized; see lexer.go.
type kind int

// Token kinds produced by the expression lexer.
const (
	tEOF     kind = iota // end of the input (or of the current string literal)
	tIllegal             // a character that cannot start a token
	tIdent               // a bare word such as "in" or a macro name
	tNumber              // an integer or floating-point literal
	tString              // a single- or double-quoted string literal
	tDollar              // "$": the start of a reference
	tHash                // "#": only meaningful in text, illegal in expressions
	tTrue                // "true"
	tFalse               // "false"
	tLParen              // (
	tRParen              // )
	tLBrack              // [
	tRBrack              // ]
	tLBrace              // {
	tRBrace              // }
	tComma               // ,
	tColon               // :
	tDotDot              // ..
	tAssign              // =
	tEq                  // == or eq
	tNe                  // != or ne
	tLt                  // < or lt
	tGt                  // > or gt
	tLe                  // <= or le
	tGe                  // >= or ge
	tAnd                 // && or and
	tOr                  // || or or
	tNot                 // ! or not
	tAdd                 // +
	tSub                 // -
	tMul                 // *
	tDiv                 // /
	tMod                 // %
)

var kindNames = [...]string{
	tEOF:     "end of input",
	tIllegal: "illegal character",
	tIdent:   "word",
	tNumber:  "number",
	tString:  "string literal",
	tDollar:  "$",
	tHash:    "#",
	tTrue:    "true",
	tFalse:   "false",
	tLParen:  "(",
	tRParen:  ")",
	tLBrack:  "[",
	tRBrack:  "]",
	tLBrace:  "{",
	tRBrace:  "}",
	tComma:   ",",
	tColon:   ":",
	tDotDot:  "..",
	tAssign:  "=",
	tEq:      "==",
	tNe:      "!=",
	tLt:      "<",
	tGt:      ">",
	tLe:      "<=",
	tGe:      ">=",
	tAnd:     "&&",
	tOr:      "||",
	tNot:     "!",
	tAdd:     "+",
	tSub:     "-",
	tMul:     "*",
	tDiv:     "/",
	tMod:     "%",
}

// String returns the canonical spelling of an operator kind, or a
// description for other kinds, for error messages.
func (k kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// wordOps maps Velocity's alphabetic operator spellings and literals to their
// token kinds (VTL reference, "Relational and Logical Operators").
var wordOps = map[string]kind{
	"true":  tTrue,
	"false": tFalse,
	"and":   tAnd,
	"or":    tOr,
	"not":   tNot,
	"eq":    tEq,
	"ne":    tNe,
	"lt":    tLt,
	"gt":    tGt,
	"le":    tLe,
	"ge":    tGe,
}

// token is one expression token.
type token struct {
	Kind  kind
	Start Pos
	Stop  Pos
	// Text is the token's source text.
	Text string
	// Newline reports whether the whitespace before the token contained a
	// line break; error recovery uses it to tell a missing ")" from a
	// malformed expression.
	Newline bool
	// Multiline reports whether a string literal spans several lines.
	// Velocity allows that, but it is nearly always an unterminated string.
	Multiline bool
	// Unterminated reports a string literal without its closing quote.
	Unterminated bool
}

// String formats the token for error messages.
func (t token) String() string {
	switch t.Kind {
	case tEOF:
		return "end of input"
	case tIdent, tNumber:
		return fmt.Sprintf("%s %q", t.Kind, t.Text)
	case tString:
		return "string literal"
	case tIllegal:
		return fmt.Sprintf("character %q", t.Text)
	}
	return fmt.Sprintf("%q", t.Text)
}

// Op is the operator of a Binary or Unary expression. The word and symbol
// spellings of an operator ("and" and "&&", "eq" and "==", "not" and "!")
// are the same Op, because Velocity treats them identically (VTL reference,
// "Relational and Logical Operators").
type Op int

// Operators, from lowest to highest precedence group.
const (
	OpOr  Op = iota + 1 // || or
	OpAnd               // && and
	OpEq                // == eq
	OpNe                // != ne
	OpLt                // < lt
	OpGt                // > gt
	OpLe                // <= le
	OpGe                // >= ge
	OpAdd               // +
	OpSub               // -
	OpMul               // *
	OpDiv               // /
	OpMod               // %
	OpNot               // ! not
)

// opKinds maps operator tokens to operators.
var opKinds = map[kind]Op{
	tOr: OpOr, tAnd: OpAnd, tEq: OpEq, tNe: OpNe, tLt: OpLt, tGt: OpGt, tLe: OpLe,
	tGe: OpGe, tAdd: OpAdd, tSub: OpSub, tMul: OpMul, tDiv: OpDiv, tMod: OpMod, tNot: OpNot,
}

var opNames = [...]string{
	OpOr: "||", OpAnd: "&&", OpEq: "==", OpNe: "!=", OpLt: "<", OpGt: ">", OpLe: "<=",
	OpGe: ">=", OpAdd: "+", OpSub: "-", OpMul: "*", OpDiv: "/", OpMod: "%", OpNot: "!",
}

// String returns the symbolic spelling of the operator, e.g. "&&".
func (o Op) String() string {
	if o > 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", int(o))
}
