package javaregex

import (
	"strings"
	"sync"
	"unicode"
)

// Java's Character.getType values, see
// https://docs.oracle.com/javase/8/docs/api/java/lang/Character.html#getType-int-.
const (
	tUnassigned         = 0
	tUppercaseLetter    = 1
	tLowercaseLetter    = 2
	tTitlecaseLetter    = 3
	tModifierLetter     = 4
	tOtherLetter        = 5
	tNonSpacingMark     = 6
	tEnclosingMark      = 7
	tCombiningSpacing   = 8
	tDecimalDigit       = 9
	tLetterNumber       = 10
	tOtherNumber        = 11
	tSpaceSeparator     = 12
	tLineSeparator      = 13
	tParagraphSeparator = 14
	tControl            = 15
	tFormat             = 16
	tPrivateUse         = 18
	tSurrogate          = 19
	tDashPunct          = 20
	tStartPunct         = 21
	tEndPunct           = 22
	tConnectorPunct     = 23
	tOtherPunct         = 24
	tMathSymbol         = 25
	tCurrencySymbol     = 26
	tModifierSymbol     = 27
	tOtherSymbol        = 28
	tInitialQuote       = 29
	tFinalQuote         = 30
)

// Masks of several general categories.
const (
	mLetter        = 1<<tUppercaseLetter | 1<<tLowercaseLetter | 1<<tTitlecaseLetter | 1<<tModifierLetter | 1<<tOtherLetter
	mCased         = 1<<tUppercaseLetter | 1<<tLowercaseLetter | 1<<tTitlecaseLetter
	mMark          = 1<<tNonSpacingMark | 1<<tEnclosingMark | 1<<tCombiningSpacing
	mNumber        = 1<<tDecimalDigit | 1<<tLetterNumber | 1<<tOtherNumber
	mSep           = 1<<tSpaceSeparator | 1<<tLineSeparator | 1<<tParagraphSeparator
	mOther         = 1<<tControl | 1<<tFormat | 1<<tPrivateUse | 1<<tSurrogate | 1<<tUnassigned
	mPunct         = 1<<tDashPunct | 1<<tStartPunct | 1<<tEndPunct | 1<<tConnectorPunct | 1<<tOtherPunct | 1<<tInitialQuote | 1<<tFinalQuote
	mSymbol        = 1<<tMathSymbol | 1<<tCurrencySymbol | 1<<tModifierSymbol | 1<<tOtherSymbol
	mLetterOrDigit = mLetter | 1<<tDecimalDigit
)

var typeCache sync.Map // uint32 mask -> charSet

// typeSet returns the code points whose Java general category is in mask.
func typeSet(mask uint32) charSet {
	if v, ok := typeCache.Load(mask); ok {
		return v.(charSet)
	}
	var rs []rng
	for i, e := range javaTypeRuns {
		t := e & 31
		if mask&(1<<t) == 0 {
			continue
		}
		lo := rune(e >> 5)
		hi := rune(maxRune)
		if i+1 < len(javaTypeRuns) {
			hi = rune(javaTypeRuns[i+1]>>5) - 1
		}
		rs = append(rs, rng{lo, hi})
	}
	s := newSet(rs...)
	typeCache.Store(mask, s)
	return s
}

// scriptSet returns the code points of the UnicodeScript with the given ordinal.
func scriptSet(ord int) charSet {
	var rs []rng
	for i, e := range javaScriptRuns {
		if int(e&0xFF) != ord {
			continue
		}
		lo := rune(e >> 8)
		hi := rune(maxRune)
		if i+1 < len(javaScriptRuns) {
			hi = rune(javaScriptRuns[i+1]>>8) - 1
		}
		rs = append(rs, rng{lo, hi})
	}
	return newSet(rs...)
}

// blockSet returns the code points of the UnicodeBlock with the given index.
func blockSet(idx int) charSet {
	var rs []rng
	for _, r := range javaBlockRanges {
		if int(r[2]) == idx {
			rs = append(rs, rng{r[0], r[1]})
		}
	}
	return newSet(rs...)
}

// ASCII character types of java.util.regex.ASCII.
var (
	asciiUpperSet  = charSet{{'A', 'Z'}}
	asciiLowerSet  = charSet{{'a', 'z'}}
	asciiAlphaSet  = charSet{{'A', 'Z'}, {'a', 'z'}}
	asciiDigitSet  = charSet{{'0', '9'}}
	asciiAlnumSet  = charSet{{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}
	asciiWordSet   = charSet{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
	asciiSpaceSet  = charSet{{'\t', '\r'}, {' ', ' '}}
	asciiBlankSet  = charSet{{'\t', '\t'}, {' ', ' '}}
	asciiCntrlSet  = charSet{{0, 0x1F}, {0x7F, 0x7F}}
	asciiPunctSet  = charSet{{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}}
	asciiGraphSet  = charSet{{'!', '~'}}
	asciiPrintSet  = charSet{{' ', '~'}}
	asciiXDigitSet = charSet{{'0', '9'}, {'A', 'F'}, {'a', 'f'}}
	asciiSet       = charSet{{0, 0x7F}}
)

// Predefined classes of Pattern
// (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html#predef).
var (
	// vertWS is \v: [\n\x0B\f\r\x85\u2028\u2029].
	vertWS = charSet{{0x0A, 0x0D}, {0x85, 0x85}, {0x2028, 0x2029}}
	// horizWS is \h: [ \t\xA0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000].
	horizWS = runesSet(0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x202F, 0x205F, 0x3000).union(charSet{{0x2000, 0x200A}})
	// dotSet is '.' without DOTALL: everything but the line terminators.
	dotSet = charSet{{0x0A, 0x0A}, {0x0D, 0x0D}, {0x85, 0x85}, {0x2028, 0x2029}}.negate()
	// unixDotSet is '.' with UNIX_LINES: everything but '\n'.
	unixDotSet = single('\n').negate()
)

// Unicode predicates of CharPredicates, used by \p{IsXxx} and by
// UNICODE_CHARACTER_CLASS.
func alphabeticSet() charSet  { return fromPairs(javaIsAlphabetic[:]) }
func lowercaseSet() charSet   { return fromPairs(javaIsLowerCase[:]) }
func uppercaseSet() charSet   { return fromPairs(javaIsUpperCase[:]) }
func titlecaseSet() charSet   { return typeSet(1 << tTitlecaseLetter) }
func digitSet() charSet       { return typeSet(1 << tDecimalDigit) }
func ideographicSet() charSet { return fromPairs(javaIsIdeographic[:]) }
func whiteSpaceSet() charSet {
	return typeSet(mSep).union(charSet{{0x09, 0x0D}, {0x85, 0x85}})
}
func controlSet() charSet     { return typeSet(1 << tControl) }
func punctuationSet() charSet { return typeSet(mPunct) }
func hexDigitSet() charSet {
	return digitSet().union(charSet{{'0', '9'}, {'A', 'F'}, {'a', 'f'}, {0xFF10, 0xFF19}, {0xFF21, 0xFF26}, {0xFF41, 0xFF46}})
}
func assignedSet() charSet { return typeSet(1 << tUnassigned).negate() }
func noncharacterSet() charSet {
	return fromPredicate(0, maxRune, func(c rune) bool { return c&0xFFFE == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF) })
}
func alnumSet() charSet { return alphabeticSet().union(digitSet()) }
func blankSet() charSet { return typeSet(1 << tSpaceSeparator).union(single('\t')) }
func graphSet() charSet {
	return typeSet(mSep | 1<<tControl | 1<<tSurrogate | 1<<tUnassigned).negate()
}
func printSet() charSet       { return graphSet().union(blankSet()).intersect(controlSet().negate()) }
func joinControlSet() charSet { return charSet{{0x200C, 0x200D}} }
func wordSet() charSet {
	return alphabeticSet().union(typeSet(mMark | 1<<tDecimalDigit | 1<<tConnectorPunct)).union(joinControlSet())
}
func casedUnion() charSet { return lowercaseSet().union(uppercaseSet()).union(titlecaseSet()) }

// posixPredicate mirrors CharPredicates.getPosixPredicate (the Unicode
// versions of the POSIX classes).
func posixPredicate(name string, caseIns bool) (charSet, bool) {
	switch name {
	case "ALPHA":
		return alphabeticSet(), true
	case "LOWER":
		if caseIns {
			return casedUnion(), true
		}
		return lowercaseSet(), true
	case "UPPER":
		if caseIns {
			return casedUnion(), true
		}
		return uppercaseSet(), true
	case "SPACE":
		return whiteSpaceSet(), true
	case "PUNCT":
		return punctuationSet(), true
	case "XDIGIT":
		return hexDigitSet(), true
	case "ALNUM":
		return alnumSet(), true
	case "CNTRL":
		return controlSet(), true
	case "DIGIT":
		return digitSet(), true
	case "BLANK":
		return blankSet(), true
	case "GRAPH":
		return graphSet(), true
	case "PRINT":
		return printSet(), true
	}
	return nil, false
}

// unicodePredicate mirrors CharPredicates.getUnicodePredicate as of Java 17
// (no Emoji properties).
func unicodePredicate(name string, caseIns bool) (charSet, bool) {
	switch name {
	case "ALPHABETIC":
		return alphabeticSet(), true
	case "ASSIGNED":
		return assignedSet(), true
	case "CONTROL":
		return controlSet(), true
	case "HEXDIGIT", "HEX_DIGIT":
		return hexDigitSet(), true
	case "IDEOGRAPHIC":
		return ideographicSet(), true
	case "JOINCONTROL", "JOIN_CONTROL":
		return joinControlSet(), true
	case "LETTER":
		return typeSet(mLetter), true
	case "LOWERCASE":
		if caseIns {
			return casedUnion(), true
		}
		return lowercaseSet(), true
	case "NONCHARACTERCODEPOINT", "NONCHARACTER_CODE_POINT":
		return noncharacterSet(), true
	case "TITLECASE":
		if caseIns {
			return casedUnion(), true
		}
		return titlecaseSet(), true
	case "PUNCTUATION":
		return punctuationSet(), true
	case "UPPERCASE":
		if caseIns {
			return casedUnion(), true
		}
		return uppercaseSet(), true
	case "WHITESPACE", "WHITE_SPACE":
		return whiteSpaceSet(), true
	case "WORD":
		return wordSet(), true
	}
	return nil, false
}

// forUnicodeProperty mirrors CharPredicates.forUnicodeProperty.
func forUnicodeProperty(name string, caseIns bool) (charSet, bool) {
	name = strings.ToUpper(name)
	if s, ok := unicodePredicate(name, caseIns); ok {
		return s, true
	}
	return posixPredicate(name, caseIns)
}

// forPOSIXName mirrors CharPredicates.forPOSIXName.
func forPOSIXName(name string, caseIns bool) (charSet, bool) {
	return posixPredicate(strings.ToUpper(name), caseIns)
}

// forUnicodeScript mirrors CharPredicates.forUnicodeScript
// (Character.UnicodeScript.forName: an alias or the enum constant's name,
// case-insensitively).
func forUnicodeScript(name string) (charSet, bool) {
	up := strings.ToUpper(name)
	if ord, ok := javaScriptAliases[up]; ok {
		return scriptSet(ord), true
	}
	for i, n := range javaScriptNames {
		if n == up {
			return scriptSet(i), true
		}
	}
	return nil, false
}

// forUnicodeBlock mirrors CharPredicates.forUnicodeBlock
// (Character.UnicodeBlock.forName).
func forUnicodeBlock(name string) (charSet, bool) {
	idx, ok := javaBlockKeys[strings.ToUpper(name)]
	if !ok {
		return nil, false
	}
	return blockSet(idx), true
}

// forProperty mirrors CharPredicates.forProperty: general categories, the
// POSIX classes in their ASCII meaning and the java.lang.Character methods.
func forProperty(name string, caseIns bool) (charSet, bool) {
	cat := func(mask uint32) (charSet, bool) { return typeSet(mask), true }
	casedOr := func(mask uint32) (charSet, bool) {
		if caseIns {
			return typeSet(mCased), true
		}
		return typeSet(mask), true
	}
	switch name {
	case "Cn":
		return cat(1 << tUnassigned)
	case "Lu":
		return casedOr(1 << tUppercaseLetter)
	case "Ll":
		return casedOr(1 << tLowercaseLetter)
	case "Lt":
		return casedOr(1 << tTitlecaseLetter)
	case "Lm":
		return cat(1 << tModifierLetter)
	case "Lo":
		return cat(1 << tOtherLetter)
	case "Mn":
		return cat(1 << tNonSpacingMark)
	case "Me":
		return cat(1 << tEnclosingMark)
	case "Mc":
		return cat(1 << tCombiningSpacing)
	case "Nd":
		return cat(1 << tDecimalDigit)
	case "Nl":
		return cat(1 << tLetterNumber)
	case "No":
		return cat(1 << tOtherNumber)
	case "Zs":
		return cat(1 << tSpaceSeparator)
	case "Zl":
		return cat(1 << tLineSeparator)
	case "Zp":
		return cat(1 << tParagraphSeparator)
	case "Cc":
		return cat(1 << tControl)
	case "Cf":
		return cat(1 << tFormat)
	case "Co":
		return cat(1 << tPrivateUse)
	case "Cs":
		return cat(1 << tSurrogate)
	case "Pd":
		return cat(1 << tDashPunct)
	case "Ps":
		return cat(1 << tStartPunct)
	case "Pe":
		return cat(1 << tEndPunct)
	case "Pc":
		return cat(1 << tConnectorPunct)
	case "Po":
		return cat(1 << tOtherPunct)
	case "Sm":
		return cat(1 << tMathSymbol)
	case "Sc":
		return cat(1 << tCurrencySymbol)
	case "Sk":
		return cat(1 << tModifierSymbol)
	case "So":
		return cat(1 << tOtherSymbol)
	case "Pi":
		return cat(1 << tInitialQuote)
	case "Pf":
		return cat(1 << tFinalQuote)
	case "L":
		return cat(mLetter)
	case "M":
		return cat(mMark)
	case "N":
		return cat(mNumber)
	case "Z":
		return cat(mSep)
	case "C":
		return cat(mOther)
	case "P":
		return cat(mPunct)
	case "S":
		return cat(mSymbol)
	case "LC":
		return cat(mCased)
	case "LD":
		return cat(mLetterOrDigit)
	case "L1":
		return charSet{{0, 0xFF}}, true
	case "all":
		return fullSet, true
	case "ASCII":
		return asciiSet, true
	case "Alnum":
		return asciiAlnumSet, true
	case "Alpha":
		return asciiAlphaSet, true
	case "Blank":
		return asciiBlankSet, true
	case "Cntrl":
		return asciiCntrlSet, true
	case "Digit":
		return asciiDigitSet, true
	case "Graph":
		return asciiGraphSet, true
	case "Lower":
		if caseIns {
			return asciiAlphaSet, true
		}
		return asciiLowerSet, true
	case "Print":
		return asciiPrintSet, true
	case "Punct":
		return asciiPunctSet, true
	case "Space":
		return asciiSpaceSet, true
	case "Upper":
		if caseIns {
			return asciiAlphaSet, true
		}
		return asciiUpperSet, true
	case "XDigit":
		return asciiXDigitSet, true
	case "javaLowerCase":
		if caseIns {
			return casedUnion(), true
		}
		return lowercaseSet(), true
	case "javaUpperCase":
		if caseIns {
			return casedUnion(), true
		}
		return uppercaseSet(), true
	case "javaTitleCase":
		if caseIns {
			return casedUnion(), true
		}
		return titlecaseSet(), true
	case "javaAlphabetic":
		return alphabeticSet(), true
	case "javaIdeographic":
		return ideographicSet(), true
	case "javaDigit":
		return digitSet(), true
	case "javaDefined":
		return assignedSet(), true
	case "javaLetter":
		return typeSet(mLetter), true
	case "javaLetterOrDigit":
		return typeSet(mLetterOrDigit), true
	case "javaJavaIdentifierStart":
		return fromPairs(javaIsJavaIdentifierStart[:]), true
	case "javaJavaIdentifierPart":
		return fromPairs(javaIsJavaIdentifierPart[:]), true
	case "javaUnicodeIdentifierStart":
		return fromPairs(javaIsUnicodeIdentifierStart[:]), true
	case "javaUnicodeIdentifierPart":
		return fromPairs(javaIsUnicodeIdentifierPart[:]), true
	case "javaIdentifierIgnorable":
		return fromPairs(javaIsIdentifierIgnorable[:]), true
	case "javaSpaceChar":
		return typeSet(mSep), true
	case "javaWhitespace":
		return fromPairs(javaIsWhitespace[:]), true
	case "javaISOControl":
		return charSet{{0, 0x1F}, {0x7F, 0x9F}}, true
	case "javaMirrored":
		return fromPairs(javaIsMirrored[:]), true
	}
	return nil, false
}

// Case mapping. Java's Character.toUpperCase/toLowerCase(int) use the simple
// case mappings of UnicodeData.txt, as do unicode.ToUpper/ToLower.

func asciiIsUpper(c rune) bool { return c >= 'A' && c <= 'Z' }
func asciiIsLower(c rune) bool { return c >= 'a' && c <= 'z' }

// asciiToLower is java.util.regex.ASCII.toLower.
func asciiToLower(c rune) rune {
	if asciiIsUpper(c) {
		return c + 0x20
	}
	return c
}

// asciiToUpper is java.util.regex.ASCII.toUpper.
func asciiToUpper(c rune) rune {
	if asciiIsLower(c) {
		return c - 0x20
	}
	return c
}

func toUpper(c rune) rune { return unicode.ToUpper(c) }
func toLower(c rune) rune { return unicode.ToLower(c) }

// fold is Character.toLowerCase(Character.toUpperCase(c)), the key Java's
// UNICODE_CASE matching compares.
func fold(c rune) rune { return toLower(toUpper(c)) }

var (
	caseOnce     sync.Once
	caseChangers []rune // every c with toUpper(c) != c or fold(c) != c
)

// changers returns every code point whose upper case or fold differs from
// itself; all other code points are only ever equal to themselves under
// Java's case-insensitive predicates.
func changers() []rune {
	caseOnce.Do(func() {
		for _, cr := range unicode.CaseRanges {
			for c := rune(cr.Lo); c <= rune(cr.Hi); c++ {
				if toUpper(c) != c || fold(c) != c {
					caseChangers = append(caseChangers, c)
				}
			}
		}
	})
	return caseChangers
}

// singleU is Pattern.SingleU(lower): c == lower || fold(c) == lower.
func singleU(lower rune) charSet {
	cs := []rune{lower}
	for _, c := range changers() {
		if fold(c) == lower {
			cs = append(cs, c)
		}
	}
	return runesSet(cs...)
}

// ciRange is Pattern.CIRange (ASCII case-insensitive range).
func ciRange(lo, hi rune) charSet {
	rs := []rng{{lo, hi}}
	for c := rune('A'); c <= 'z'; c++ {
		if !asciiIsUpper(c) && !asciiIsLower(c) {
			continue
		}
		if u := asciiToUpper(c); lo <= u && u <= hi {
			rs = append(rs, rng{c, c})
		}
		if l := asciiToLower(c); lo <= l && l <= hi {
			rs = append(rs, rng{c, c})
		}
	}
	return newSet(rs...)
}

// ciRangeU is Pattern.CIRangeU (Unicode case-insensitive range).
func ciRangeU(lo, hi rune) charSet {
	rs := []rng{{lo, hi}}
	for _, c := range changers() {
		up := toUpper(c)
		if (lo <= up && up <= hi) || (lo <= toLower(up) && toLower(up) <= hi) {
			rs = append(rs, rng{c, c})
		}
	}
	return newSet(rs...)
}
