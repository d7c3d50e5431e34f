package javaregex

import (
	"sort"
	"unicode/utf8"
)

// maxRune is Character.MAX_CODE_POINT.
const maxRune = utf8.MaxRune

// rng is an inclusive range of code points.
type rng struct{ lo, hi rune }

// charSet is a set of code points: sorted, non-overlapping, non-adjacent
// ranges. The zero value is the empty set. charSets are never mutated after
// construction, so they may be shared.
type charSet []rng

// newSet builds a normalized set from arbitrary ranges.
func newSet(rs ...rng) charSet {
	if len(rs) == 0 {
		return nil
	}
	s := make([]rng, 0, len(rs))
	for _, r := range rs {
		if r.lo > r.hi || r.hi < 0 || r.lo > maxRune {
			continue
		}
		s = append(s, rng{max(r.lo, 0), min(r.hi, maxRune)})
	}
	sort.Slice(s, func(i, j int) bool { return s[i].lo < s[j].lo })
	out := s[:0]
	for _, r := range s {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			if r.hi > out[n-1].hi {
				out[n-1].hi = r.hi
			}
			continue
		}
		out = append(out, r)
	}
	return charSet(out)
}

// single returns the set holding just c.
func single(c rune) charSet { return charSet{{c, c}} }

// runesSet returns the set of the given code points.
func runesSet(cs ...rune) charSet {
	rs := make([]rng, len(cs))
	for i, c := range cs {
		rs[i] = rng{c, c}
	}
	return newSet(rs...)
}

// fullSet is every code point.
var fullSet = charSet{{0, maxRune}}

// contains reports whether c is in s.
func (s charSet) contains(c rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].hi >= c })
	return i < len(s) && s[i].lo <= c
}

// union returns s ∪ t.
func (s charSet) union(t charSet) charSet {
	if len(s) == 0 {
		return t
	}
	if len(t) == 0 {
		return s
	}
	all := make([]rng, 0, len(s)+len(t))
	all = append(all, s...)
	all = append(all, t...)
	return newSet(all...)
}

// negate returns the complement of s within [0, maxRune].
func (s charSet) negate() charSet {
	var out []rng
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, rng{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= maxRune {
		out = append(out, rng{next, maxRune})
	}
	return charSet(out)
}

// intersect returns s ∩ t.
func (s charSet) intersect(t charSet) charSet {
	var out []rng
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, rng{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return charSet(out)
}

// equal reports whether s and t hold the same code points.
func (s charSet) equal(t charSet) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != t[i] {
			return false
		}
	}
	return true
}

// fromPairs builds a set from a flat lo, hi, lo, hi... table.
func fromPairs(p []int32) charSet {
	rs := make([]rng, 0, len(p)/2)
	for i := 0; i+1 < len(p); i += 2 {
		rs = append(rs, rng{p[i], p[i+1]})
	}
	return newSet(rs...)
}

// fromPredicate builds the set of code points in [lo, hi] satisfying f.
func fromPredicate(lo, hi rune, f func(rune) bool) charSet {
	var rs []rng
	start := rune(-1)
	for c := lo; c <= hi; c++ {
		if f(c) {
			if start < 0 {
				start = c
			}
		} else if start >= 0 {
			rs = append(rs, rng{start, c - 1})
			start = -1
		}
	}
	if start >= 0 {
		rs = append(rs, rng{start, hi})
	}
	return newSet(rs...)
}
