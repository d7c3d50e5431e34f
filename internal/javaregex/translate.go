package javaregex

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// translator writes the regexp2 (.NET syntax, no options) equivalent of a
// parsed Java pattern. Nothing in the output depends on regexp2's own
// notion of case folding, '.', '^', '$', \w, \s or \b: every Java construct
// is spelled out with explicit character classes and lookarounds, so the
// semantics are Java's (see
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html).
type translator struct {
	b      strings.Builder
	groups int
	caps   map[int]*node // capturing groups by number, for lookbehind bounds
	aux    int           // named groups added by forwardBehind
}

// translate returns the regexp2 pattern for whole-string matching
// (Matcher.matches()) of tree.
func translate(tree *node, groups int) string {
	t := &translator{groups: groups, caps: captures(tree)}
	t.b.WriteString(`\A(?:`)
	t.emit(tree)
	t.b.WriteString(`)\z`)
	return t.b.String()
}

// captures maps group numbers to their nodes.
func captures(tree *node) map[int]*node {
	m := map[int]*node{}
	walk(tree, func(n *node) {
		if n.op == opCapture {
			m[n.capIndex] = n
		}
	})
	return m
}

func (t *translator) emit(n *node) {
	b := &t.b
	switch n.op {
	case opEmpty:
	case opSet:
		writeSet(b, n.set)
	case opConcat:
		for _, s := range n.subs {
			if s.op == opAlt {
				b.WriteString("(?:")
				t.emit(s)
				b.WriteString(")")
			} else {
				t.emit(s)
			}
		}
	case opAlt:
		for i, s := range n.subs {
			if i > 0 {
				b.WriteByte('|')
			}
			t.emit(s)
		}
	case opRepeat:
		t.repeat(n)
	case opCapture:
		b.WriteString("(")
		t.emit(n.sub)
		b.WriteString(")")
	case opGroup:
		b.WriteString("(?:")
		t.emit(n.sub)
		b.WriteString(")")
	case opAtomic:
		b.WriteString("(?>")
		t.emit(n.sub)
		b.WriteString(")")
	case opLook:
		t.look(n)
	case opBackref:
		if n.ref < 1 || n.ref > t.groups {
			// Java's BackRef to a group that does not exist never matches.
			b.WriteString("(?!)")
			return
		}
		if n.foldCase {
			fmt.Fprintf(b, `(?i:\%d)`, n.ref)
		} else {
			fmt.Fprintf(b, `(?:\%d)`, n.ref)
		}
	case opAssert:
		t.assertion(n)
	case opLineEnding:
		// \R is \u000D\u000A|[\u000A\u000B\u000C\u000D\u0085\u2028\u2029].
		b.WriteString(`(?:\r\n|[\n\u000B\f\r\u0085\u2028\u2029])`)
	case opGrapheme:
		// Approximation of an extended grapheme cluster: CR LF, a control,
		// or a non-control followed by extending characters.
		b.WriteString(`(?>\r\n|`)
		writeSet(b, graphemeControl())
		b.WriteByte('|')
		writeSet(b, graphemeControl().negate())
		writeSet(b, graphemeExtend())
		b.WriteString(`*)`)
	}
}

func (t *translator) repeat(n *node) {
	b := &t.b
	if n.quant == qPossessive {
		// X*+ is the atomic group (?>X*).
		b.WriteString("(?>")
	}
	if atomicIterations(n) && hasLineEnding(n.sub) {
		// Java matches each iteration of this quantifier on its own, so the
		// \R inside cannot give back the \n of \r\n.
		b.WriteString("(?>")
	} else {
		b.WriteString("(?:")
	}
	t.emit(n.sub)
	b.WriteString(")")
	switch {
	case n.min == 0 && n.max == 1:
		b.WriteByte('?')
	case n.max >= maxReps && n.min == 0:
		b.WriteByte('*')
	case n.max >= maxReps && n.min == 1:
		b.WriteByte('+')
	case n.max >= maxReps:
		fmt.Fprintf(b, "{%d,}", n.min)
	case n.min == n.max:
		fmt.Fprintf(b, "{%d}", n.min)
	default:
		fmt.Fprintf(b, "{%d,%d}", n.min, n.max)
	}
	switch n.quant {
	case qLazy:
		b.WriteByte('?')
	case qPossessive:
		b.WriteByte(')')
	}
}

// forwardBehind writes a lookbehind the way Java's Behind node evaluates
// it: the body is matched forwards from each start position i-lo, i-lo-1,
// ..., i-hi and must end exactly at i. regexp2's own lookbehind matches the
// body right to left, which differs for atomic groups and possessive
// quantifiers, and it cannot limit the start positions. The current
// position i is pinned by capturing the rest of the input and requiring the
// body to end where exactly that rest remains.
func (t *translator) forwardBehind(n *node, lo, hi int) {
	b := &t.b
	t.aux++
	name := "jb" + strconv.Itoa(t.aux)
	fmt.Fprintf(b, `(?=(?<%s>[\s\S]*))`, name)
	if n.negate {
		b.WriteString("(?<!")
	} else {
		b.WriteString("(?<=")
	}
	b.WriteString("(?=(?:")
	t.emit(n.sub)
	fmt.Fprintf(b, `)(?=\k<%s>\z))`, name)
	if hi < 0 {
		fmt.Fprintf(b, `[\s\S]{%d,}?)`, lo)
	} else {
		fmt.Fprintf(b, `[\s\S]{%d,%d}?)`, lo, hi)
	}
}

// atomicIterations reports whether Java matches each iteration of the
// quantifier n separately (Curly, Ques and CharPropertyGreedy over a single
// atom, GroupCurly over a deterministic group): the iteration's first match
// is kept, as in an atomic group.
func atomicIterations(n *node) bool {
	if !isGroupLike(n.sub) || n.quant == qPossessive {
		return true
	}
	if n.min == 0 && n.max == 1 {
		return false // Branch
	}
	return study(n.sub).deterministic // GroupCurly, else Loop
}

// hasLineEnding reports whether \R occurs in n outside lookarounds.
func hasLineEnding(n *node) bool {
	switch n.op {
	case opLineEnding:
		return true
	case opLook:
		return false
	}
	for _, s := range n.subs {
		if hasLineEnding(s) {
			return true
		}
	}
	return n.sub != nil && hasLineEnding(n.sub)
}

// hasAtomic reports whether n contains a construct that is atomic in the
// translation, which makes right-to-left matching differ from Java's.
func hasAtomic(n *node) bool {
	found := false
	walk(n, func(m *node) {
		switch {
		case m.op == opAtomic, m.op == opGrapheme,
			m.op == opRepeat && (m.quant == qPossessive || hasLineEnding(m.sub)):
			found = true
		}
	})
	return found
}

// inputLimit is the longest input for which lookbehind windows are
// reproduced exactly; see look.
const inputLimit = 1 << 20

func (t *translator) look(n *node) {
	b := &t.b
	if n.behind {
		lo, hi, never := javaBehindWindow(n.lbMin, n.lbMax)
		if never {
			// Java tries no start position at all.
			if n.negate {
				return // always true
			}
			b.WriteString("(?!)")
			return
		}
		bmin, bmax := bounds(n.sub, t.caps, 0)
		restricted := lo > bmin || (hi >= 0 && (bmax < 0 || hi < bmax))
		if restricted || hasAtomic(n.sub) {
			t.forwardBehind(n, lo, hi)
			return
		}
	}
	switch {
	case n.behind && n.negate:
		b.WriteString("(?<!")
	case n.behind:
		b.WriteString("(?<=")
	case n.negate:
		b.WriteString("(?!")
	default:
		b.WriteString("(?=")
	}
	t.emit(n.sub)
	b.WriteString(")")
}

// javaBehindWindow turns Java's TreeInfo bounds of a lookbehind into the
// lengths Java's Behind node actually tries: for (int j = i - rmin; j >=
// max(i - rmax, from); j--), in 32-bit arithmetic. hi is -1 when there is no
// upper bound for inputs shorter than inputLimit.
func javaBehindWindow(rmin, rmax int32) (lo, hi int, never bool) {
	lo = max(int(rmin), 0)
	switch {
	case rmax >= 0 && int(rmax) >= inputLimit:
		hi = -1
	case rmax >= 0:
		hi = int(rmax)
	case -int64(rmax) > math.MaxInt32-inputLimit:
		// i - rmax overflows to a negative number: from = 0.
		hi = -1
	default:
		// i - rmax > i: the loop never runs.
		return lo, 0, true
	}
	if hi >= 0 && hi < lo {
		return lo, hi, true
	}
	return lo, hi, false
}

func (t *translator) assertion(n *node) {
	b := &t.b
	switch n.assert {
	case aBegin:
		b.WriteString(`\A`)
	case aEnd:
		b.WriteString(`\z`)
	case aLastMatch:
		b.WriteString(`\G`)
	case aDollar:
		if n.multiline {
			// Before any line terminator (not between \r and \n) or at the end.
			b.WriteString(`(?=\z|(?<!\r)\n|[\r\u0085\u2028\u2029])`)
		} else {
			// At the end, or before a final line terminator.
			b.WriteString(`(?=(?:\r\n|(?<!\r)\n|[\r\u0085\u2028\u2029])?\z)`)
		}
	case aUnixDollar:
		if n.multiline {
			b.WriteString(`(?=\n|\z)`)
		} else {
			b.WriteString(`(?=\n?\z)`)
		}
	case aCaret:
		// Not at the end of input; at the start or after a line terminator,
		// but not between \r and \n.
		b.WriteString(`(?!\z)(?:\A|(?<=[\n\u0085\u2028\u2029])|(?<=\r)(?!\n))`)
	case aUnixCaret:
		b.WriteString(`(?!\z)(?:\A|(?<=\n))`)
	case aWordBoundary, aNonWordBoundary:
		// Java 17's Bound: a word character is '_' or
		// Character.isLetterOrDigit (Unicode WORD under
		// UNICODE_CHARACTER_CLASS), and a non-spacing mark counts when it
		// follows a letter or digit. regexp2's \p{..} classes keep the
		// output short; they use Go's Unicode tables.
		word := `[\p{L}\p{Nd}_]`
		if n.uword {
			var w strings.Builder
			writeSet(&w, wordSet())
			word = w.String()
		}
		const ld, mn = `[\p{L}\p{Nd}]`, `\p{Mn}`
		l := word + "|" + ld + mn + "+"
		r := word + "|(?<=" + ld + mn + "*)" + mn
		if n.assert == aWordBoundary {
			fmt.Fprintf(b, `(?:(?<=%s)(?!%s)|(?<!%s)(?=%s))`, l, r, l, r)
		} else {
			fmt.Fprintf(b, `(?:(?<=%s)(?=%s)|(?<!%s)(?!%s))`, l, r, l, r)
		}
	case aGraphemeBoundary:
		// Approximation: at either end, or not inside CR LF and not before
		// an extending character.
		b.WriteString(`(?:\A|\z|(?!(?<=\r)\n)(?!`)
		writeSet(b, graphemeExtend())
		b.WriteString(`))`)
	}
}

// graphemeControl approximates the Control property of grapheme cluster
// breaking: Cc, Zl, Zp.
func graphemeControl() charSet {
	return typeSet(1<<tControl | 1<<tLineSeparator | 1<<tParagraphSeparator)
}

// graphemeExtend approximates Extend | SpacingMark | ZWJ: marks, ZWJ,
// variation selectors and emoji modifiers.
func graphemeExtend() charSet {
	return typeSet(mMark).union(charSet{{0x200D, 0x200D}, {0xFE00, 0xFE0F}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F}})
}

// writeSet writes s as a regexp2 atom matching exactly one code point of s.
func writeSet(b *strings.Builder, s charSet) {
	switch {
	case len(s) == 0:
		b.WriteString("(?!)")
		return
	case s.equal(fullSet):
		b.WriteString(`[\s\S]`)
		return
	case len(s) == 1 && s[0].lo == s[0].hi:
		writeRune(b, s[0].lo)
		return
	}
	neg := s.negate()
	b.WriteByte('[')
	if len(neg) < len(s) {
		b.WriteByte('^')
		s = neg
	}
	for _, r := range s {
		writeRune(b, r.lo)
		if r.hi != r.lo {
			if r.hi > r.lo+1 {
				b.WriteByte('-')
			}
			writeRune(b, r.hi)
		}
	}
	b.WriteByte(']')
}

// writeRune writes c as a literal: ASCII letters and digits as they are,
// other BMP code points as \uXXXX, supplementary code points raw (regexp2
// parses its pattern as code points).
func writeRune(b *strings.Builder, c rune) {
	switch {
	case c < 0x80 && isASCIIAlnum(c):
		b.WriteRune(c)
	case c <= 0xFFFF:
		b.WriteString(`\u`)
		s := strconv.FormatInt(int64(c), 16)
		b.WriteString(strings.Repeat("0", 4-len(s)))
		b.WriteString(s)
	default:
		b.WriteRune(c)
	}
}
