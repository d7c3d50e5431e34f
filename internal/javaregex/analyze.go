package javaregex

import (
	"math"
	"strconv"
	"strings"
)

// MatchesEmpty reports whether the whole pattern matches the empty string.
// It is computed by matching ""; a timeout counts as no match.
func (p *Pattern) MatchesEmpty() bool {
	ok, err := p.Matches("")
	return ok && err == nil
}

// MaxLen returns the maximum length, in runes, of any string the pattern
// matches, or -1 if it is unbounded. It is a structural upper bound: exact
// unless lookarounds or back references rule out the longest candidates.
func (p *Pattern) MaxLen() int {
	_, hi := bounds(p.tree, captures(p.tree), 0)
	return hi
}

// MinLen returns a lower bound of the length, in runes, of any string the
// pattern matches.
func (p *Pattern) MinLen() int {
	lo, _ := bounds(p.tree, captures(p.tree), 0)
	return lo
}

// unbounded is bounds' -1 for "no maximum"; sums past bigLen saturate to it.
const bigLen = math.MaxInt64 / 4

func addLen(a, b int) int {
	if a < 0 || b < 0 || a > bigLen-b {
		return -1
	}
	return a + b
}

func mulLen(a, n int) int {
	if a < 0 {
		return -1
	}
	if a == 0 || n == 0 {
		return 0
	}
	if n >= maxReps || a > bigLen/n {
		return -1
	}
	return a * n
}

// bounds returns the minimum and maximum (-1: unbounded) lengths of what n
// matches. depth guards against back references to enclosing groups.
func bounds(n *node, caps map[int]*node, depth int) (lo, hi int) {
	switch n.op {
	case opSet:
		return 1, 1
	case opConcat:
		for _, s := range n.subs {
			l, h := bounds(s, caps, depth)
			lo = min(lo+l, bigLen)
			hi = addLen(hi, h)
		}
		return lo, hi
	case opAlt:
		lo = math.MaxInt
		for _, s := range n.subs {
			l, h := bounds(s, caps, depth)
			lo = min(lo, l)
			if hi >= 0 && (h < 0 || h > hi) {
				hi = h
			}
		}
		return lo, hi
	case opRepeat:
		l, h := bounds(n.sub, caps, depth)
		lo = min(l*min(n.min, bigLen), bigLen)
		if l > 0 && n.min > bigLen/l {
			lo = bigLen
		}
		if n.max >= maxReps {
			if h == 0 {
				return lo, 0
			}
			return lo, -1
		}
		return lo, mulLen(h, n.max)
	case opCapture, opGroup, opAtomic:
		return bounds(n.sub, caps, depth)
	case opBackref:
		g, ok := caps[n.ref]
		if !ok {
			return 0, 0 // never matches
		}
		if depth > 8 || contains(g, n) {
			return 0, -1
		}
		_, h := bounds(g, caps, depth+1)
		return 0, h
	case opLineEnding:
		return 1, 2
	case opGrapheme:
		return 1, -1
	}
	return 0, 0 // opEmpty, opLook, opAssert
}

// contains reports whether x is n or below n.
func contains(n, x *node) bool {
	found := false
	walk(n, func(m *node) { found = found || m == x })
	return found
}

// Literal returns the single string the pattern matches, if it matches
// exactly one fixed string: literal characters, groups of them and exact
// repeats like a{2}, optionally anchored by \A or ^ at the start and \z at
// the end, or $ (which under whole-string matching adds nothing).
// Case-insensitive characters, classes, alternation, other quantifiers and
// other assertions give ("", false).
func (p *Pattern) Literal() (string, bool) {
	items := []*node{p.tree}
	if p.tree.op == opConcat {
		items = p.tree.subs
	}
	for len(items) > 0 && items[0].op == opAssert && (items[0].assert == aBegin || items[0].assert == aLastMatch) {
		items = items[1:]
	}
	// Under whole-string matching (Matches), a final $ adds nothing: the
	// line terminator it may stand before would be left unmatched.
	for len(items) > 0 && items[len(items)-1].op == opAssert && (items[len(items)-1].assert == aEnd || items[len(items)-1].assert == aDollar) {
		items = items[:len(items)-1]
	}
	var b strings.Builder
	for _, it := range items {
		if !literal(&b, it) {
			return "", false
		}
	}
	return b.String(), true
}

// maxLiteral caps the length of a string Literal builds.
const maxLiteral = 1 << 16

func literal(b *strings.Builder, n *node) bool {
	if b.Len() > maxLiteral {
		return false
	}
	switch n.op {
	case opEmpty:
		return true
	case opSet:
		if len(n.set) != 1 || n.set[0].lo != n.set[0].hi {
			return false
		}
		b.WriteRune(n.set[0].lo)
		return true
	case opConcat:
		for _, s := range n.subs {
			if !literal(b, s) {
				return false
			}
		}
		return true
	case opCapture, opGroup, opAtomic:
		return literal(b, n.sub)
	case opRepeat:
		if n.min != n.max {
			return false
		}
		var sub strings.Builder
		if !literal(&sub, n.sub) {
			return false
		}
		if sub.Len() > 0 && n.min > maxLiteral/sub.Len() {
			return false
		}
		b.WriteString(strings.Repeat(sub.String(), n.min))
		return true
	}
	return false
}

// UsesDot reports whether the pattern contains '.' outside a character class.
func (p *Pattern) UsesDot() bool {
	found := false
	walk(p.tree, func(n *node) { found = found || (n.op == opSet && n.dot) })
	return found
}

// CanMatchNewline reports whether any atom of the pattern can consume '\n':
// '.' under DOTALL, \s, \v, \R, \n, \X, negated classes that do not exclude
// '\n', \p{Space}, [\s\S] and so on. Atoms inside lookarounds count too.
func (p *Pattern) CanMatchNewline() bool {
	found := false
	walk(p.tree, func(n *node) {
		switch n.op {
		case opSet:
			found = found || n.set.contains('\n')
		case opLineEnding, opGrapheme:
			found = true
		}
	})
	return found
}

// StatusCodes returns, in ascending order, every integer from 100 to 599
// whose decimal text the whole pattern matches. It returns an error wrapping
// ErrTimeout if a match times out.
func (p *Pattern) StatusCodes() (codes []int, err error) {
	lo, hi := bounds(p.tree, captures(p.tree), 0)
	if lo > 3 || (hi >= 0 && hi < 3) {
		return nil, nil
	}
	for c := 100; c <= 599; c++ {
		ok, err := p.Matches(strconv.Itoa(c))
		if err != nil {
			return nil, err
		}
		if ok {
			codes = append(codes, c)
		}
	}
	return codes, nil
}
