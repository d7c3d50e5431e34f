package vtl

import "strings"

// Node is any syntax tree node. Pos is the position of the node's first
// character and End the position just after its last character.
type Node interface {
	Pos() Pos
	End() Pos
	node()
}

// Expr is a node that may appear where Velocity expects a value: directive
// arguments, method arguments, list and map elements, and operands.
type Expr interface {
	Node
	expr()
}

// RefPart is one step of a reference after its name: a property access, a
// method call or an index.
type RefPart interface {
	Node
	refPart()
}

// Span is the source range of a node. It is embedded in every node type to
// provide Pos and End.
type Span struct {
	Start Pos
	Stop  Pos
}

// Pos returns the position of the first character of the node.
func (s Span) Pos() Pos { return s.Start }

// End returns the position just after the last character of the node.
func (s Span) End() Pos { return s.Stop }

// Template is the root of a parsed template.
type Template struct {
	Span
	Nodes []Node
}

// Text is literal template text that Velocity copies to the output.
//
// Value is the text as rendered, so it differs from the source when escapes
// were resolved: "\$foo" renders "$foo" and "\#if" renders "#if" (VTL
// reference, "Escaping Valid VTL References" and "VTL: Formatting Issues").
// Velocity renders an escaped reference that is not defined with its
// backslashes; Value assumes the reference is defined, which is how mapping
// templates use escapes. Inside an interpolated double-quoted string a doubled
// quote ("") renders as one quote.
type Text struct {
	Span
	Value string
}

// Comment is a "## line" comment or a "#* block *#" comment. Text excludes
// the delimiters and, for line comments, the line break that Velocity
// swallows together with the comment.
type Comment struct {
	Span
	Block bool
	Text  string
}

// Unparsed is a "#[[ ... ]]#" block whose content Velocity outputs verbatim.
type Unparsed struct {
	Span
	Value string
}

// Reference is a variable reference such as $foo, $!foo, ${foo},
// $input.path('$.x') or $a[0].b. It is both a template node (rendered in
// text) and an expression (in directives and method arguments).
type Reference struct {
	Span
	// Quiet is set for "$!foo": Velocity renders nothing, instead of the
	// reference source, when the value is null.
	Quiet bool
	// Braced is set for the formal notation "${foo}".
	Braced bool
	// Name is the variable name without '$', e.g. "input".
	Name string
	// Parts are the property accesses, method calls and indexes after the
	// name, in source order.
	Parts []RefPart
}

// Path returns the dotted form of the reference, such as
// "context.responseOverride.status" or "input.path". It stops at the first
// index part, so "$a.b[0].c" yields "a.b"; method calls contribute their name.
func (r *Reference) Path() string {
	var b strings.Builder
	b.WriteString(r.Name)
	for _, p := range r.Parts {
		switch p := p.(type) {
		case *Property:
			b.WriteByte('.')
			b.WriteString(p.Name)
		case *Method:
			b.WriteByte('.')
			b.WriteString(p.Name)
		default:
			return b.String()
		}
	}
	return b.String()
}

// Property is a ".name" step of a reference. Velocity resolves it as a map
// key or a getter ($a.b calls getB(), get("b") or isB()).
type Property struct {
	Span
	Name string
}

// Method is a ".name(args)" step of a reference.
type Method struct {
	Span
	Name string
	Args []Expr
}

// Index is a "[expr]" step of a reference, added in Velocity 1.7.
type Index struct {
	Span
	Index Expr
}

// Set is "#set($target = value)".
type Set struct {
	Span
	// Target is the assigned reference. It is nil only when the template
	// is malformed.
	Target *Reference
	// Value is the assigned expression; a BadExpr when malformed.
	Value Expr
}

// If is an "#if ... #elseif ... #else ... #end" chain.
type If struct {
	Span
	// Branches holds the #if branch followed by any #elseif branches.
	Branches []*IfBranch
	// Else is the #else branch, or nil when there is none.
	Else *ElseBranch
}

// IfBranch is the "#if(cond)" or "#elseif(cond)" header and the nodes up to
// the next branch or #end. Its span covers the header and the body.
type IfBranch struct {
	Span
	ElseIf bool
	Cond   Expr
	Body   []Node
}

// ElseBranch is "#else" and the nodes up to #end.
type ElseBranch struct {
	Span
	Body []Node
}

// Foreach is "#foreach($var in iter) body #end". Inside the body Velocity
// defines $foreach (index, count, hasNext, first, last) and, for 1.6
// compatibility, $velocityCount and $velocityHasNext.
type Foreach struct {
	Span
	// Var is the loop variable; nil only when malformed.
	Var  *Reference
	Iter Expr
	Body []Node
}

// Break is "#break", which leaves the innermost #foreach (or the template).
type Break struct {
	Span
	Args []Expr
}

// Stop is "#stop", which ends rendering.
type Stop struct {
	Span
	Args []Expr
}

// Define is "#define($name) body #end": $name renders the body lazily.
type Define struct {
	Span
	// Target is nil only when malformed.
	Target *Reference
	Body   []Node
}

// Macro is "#macro(name $param ...) body #end".
type Macro struct {
	Span
	Name   string
	Params []*Reference
	Body   []Node
}

// MacroCall is "#name(args)" for a macro defined in the template, or the
// block form "#@name(args) body #end", whose body the macro sees as
// $bodyContent.
type MacroCall struct {
	Span
	Name  string
	Args  []Expr
	Block bool
	Body  []Node
}

// Directive is any other directive with arguments: #include, #parse and
// #evaluate.
type Directive struct {
	Span
	Name string
	Args []Expr
}

// StringLit is a string literal. Value is its content with the quotes
// removed and doubled quotes collapsed. A double-quoted literal containing
// '$' or '#' is interpolated (Velocity's default
// runtime.interpolate.string.literals=true): Parts then holds its content
// parsed as a template, with positions in the enclosing source.
type StringLit struct {
	Span
	Quote        byte
	Value        string
	Interpolated bool
	Parts        []Node
}

// NumberLit is an integer or floating-point literal, possibly negative.
type NumberLit struct {
	Span
	Raw     string
	IsFloat bool
	Int     int64
	Float   float64
}

// BoolLit is true or false.
type BoolLit struct {
	Span
	Value bool
}

// ListLit is "[a, b, c]".
type ListLit struct {
	Span
	Elems []Expr
}

// MapLit is "{k: v, ...}".
type MapLit struct {
	Span
	Entries []*MapEntry
}

// MapEntry is one "key: value" entry of a MapLit.
type MapEntry struct {
	Span
	Key   Expr
	Value Expr
}

// RangeLit is "[from..to]", an inclusive integer range.
type RangeLit struct {
	Span
	From Expr
	To   Expr
}

// Binary is a binary operation.
type Binary struct {
	Span
	Op    Op
	OpPos Pos
	X     Expr
	Y     Expr
}

// Unary is a logical negation, "!x" or "not x". Velocity 1.7 has no unary
// minus; "-1" is a NumberLit.
type Unary struct {
	Span
	Op Op
	X  Expr
}

// Paren is a parenthesized expression.
type Paren struct {
	Span
	X Expr
}

// BadExpr stands in for an expression that could not be parsed; an Error
// describes the problem.
type BadExpr struct {
	Span
}

func (*Template) node()   {}
func (*Text) node()       {}
func (*Comment) node()    {}
func (*Unparsed) node()   {}
func (*Reference) node()  {}
func (*Property) node()   {}
func (*Method) node()     {}
func (*Index) node()      {}
func (*Set) node()        {}
func (*If) node()         {}
func (*IfBranch) node()   {}
func (*ElseBranch) node() {}
func (*Foreach) node()    {}
func (*Break) node()      {}
func (*Stop) node()       {}
func (*Define) node()     {}
func (*Macro) node()      {}
func (*MacroCall) node()  {}
func (*Directive) node()  {}
func (*StringLit) node()  {}
func (*NumberLit) node()  {}
func (*BoolLit) node()    {}
func (*ListLit) node()    {}
func (*MapLit) node()     {}
func (*MapEntry) node()   {}
func (*RangeLit) node()   {}
func (*Binary) node()     {}
func (*Unary) node()      {}
func (*Paren) node()      {}
func (*BadExpr) node()    {}

func (*Reference) expr() {}
func (*StringLit) expr() {}
func (*NumberLit) expr() {}
func (*BoolLit) expr()   {}
func (*ListLit) expr()   {}
func (*MapLit) expr()    {}
func (*RangeLit) expr()  {}
func (*Binary) expr()    {}
func (*Unary) expr()     {}
func (*Paren) expr()     {}
func (*BadExpr) expr()   {}

func (*Property) refPart() {}
func (*Method) refPart()   {}
func (*Index) refPart()    {}

// Error is a syntax error. Pos and End delimit the offending source.
type Error struct {
	Pos Pos
	End Pos
	Msg string
}

// Error formats the error as "line:column: message".
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}
