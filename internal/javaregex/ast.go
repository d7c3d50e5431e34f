package javaregex

// op is the kind of an AST node.
type op uint8

const (
	opEmpty      op = iota // matches the empty string (an empty sequence or Java's empty Slice)
	opSet                  // one code point from set
	opConcat               // subs in sequence
	opAlt                  // one of subs (Java's Branch)
	opRepeat               // sub repeated min..max times (max == maxReps: unbounded)
	opCapture              // capturing group number capIndex
	opGroup                // non-capturing group, including (?flags:X)
	opLook                 // lookahead or lookbehind, possibly negative
	opAtomic               // independent group (?>X)
	opBackref              // back reference to group ref
	opAssert               // zero-width assertion of kind assert
	opLineEnding           // \R
	opGrapheme             // \X
)

// quant is the flavour of a quantifier.
type quant uint8

const (
	qGreedy quant = iota
	qLazy
	qPossessive
)

// assertKind is the kind of a zero-width assertion.
type assertKind uint8

const (
	aBegin            assertKind = iota // \A, or ^ without MULTILINE (Java's Begin)
	aEnd                                // \z (Java's End)
	aDollar                             // $ or \Z without UNIX_LINES (Java's Dollar)
	aUnixDollar                         // $ or \Z with UNIX_LINES (Java's UnixDollar)
	aCaret                              // ^ with MULTILINE (Java's Caret)
	aUnixCaret                          // ^ with MULTILINE and UNIX_LINES (Java's UnixCaret)
	aLastMatch                          // \G
	aWordBoundary                       // \b
	aNonWordBoundary                    // \B
	aGraphemeBoundary                   // \b{g}
)

// maxReps is Java's Pattern.MAX_REPS: the upper bound of *, + and {n,}.
const maxReps = 0x7FFFFFFF

// node is one node of the parsed pattern. Which fields are meaningful
// depends on op.
type node struct {
	op   op
	set  charSet // opSet
	dot  bool    // opSet: produced by '.'
	subs []*node // opConcat, opAlt
	sub  *node   // opRepeat, opCapture, opGroup, opLook, opAtomic

	min, max int   // opRepeat
	quant    quant // opRepeat
	open     bool  // opRepeat: made by *, + or {n,} (Pattern.curly), not {n,m}

	capIndex int // opCapture: 1-based group number

	behind, negate bool  // opLook
	lbMin, lbMax   int32 // opLook behind: Java's TreeInfo window (see studyLookBehind)

	ref       int  // opBackref: group number
	foldCase  bool // opBackref: CASE_INSENSITIVE was on
	uniCase   bool // opBackref: UNICODE_CASE was on
	multiline bool // opAssert aDollar/aUnixDollar: MULTILINE was on
	uword     bool // opAssert word boundaries: UNICODE_CHARACTER_CLASS was on

	assert assertKind // opAssert
}

// walk calls f for n and every node below it, depth first, parents first.
func walk(n *node, f func(*node)) {
	if n == nil {
		return
	}
	f(n)
	for _, s := range n.subs {
		walk(s, f)
	}
	walk(n.sub, f)
}
