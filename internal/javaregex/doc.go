// Package javaregex parses, matches and analyses Java regular expressions
// (java.util.regex.Pattern, as of OpenJDK 17) the way AWS API Gateway uses
// them for integration-response selection patterns: matched against the
// whole string, like Matcher.matches(), see
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html.
//
// The parser is a port of Pattern's own recursive-descent parser, so the
// patterns it accepts, and the description and index of a SyntaxError for
// those it rejects, are Java's. The parsed pattern is translated to a
// github.com/dlclark/regexp2 pattern in which every Java construct is
// spelled out explicitly (character sets as code point ranges from Java 17's
// Unicode 13 tables in unicode_tables.go, case-insensitivity as sets, '^',
// '$', '.', \b, \R and possessive quantifiers as the equivalent lookarounds
// and atomic groups), with a match timeout.
//
// The differential test in oracle_test.go checks all of this against the
// real java.util.regex when a JDK is installed.
//
// Known divergences from Java 17:
//
//   - A case-insensitive back reference ((?i)(a)\1) uses regexp2's
//     comparison, simple lower-casing of both runes, where Java compares
//     ASCII-lowered runes (without UNICODE_CASE) or the upper- and then
//     lower-cased runes (with it): (?iu)(σ)\1 does not match "σς", and
//     (?i)(é)\1 matches "éÉ".
//   - Captures made by an iteration that matched the empty string are
//     dropped by regexp2 but kept by Java, which matters only to a later back
//     reference, as in (\z)*+\1.
//   - \X and \b{g} approximate extended grapheme clusters: CR LF, a control
//     character, or any other character followed by marks, ZWJ, variation
//     selectors and emoji modifiers; Java implements the full UAX #29 rules.
//   - \b and \B use regexp2's \p{L}, \p{Nd} and \p{Mn}, i.e. Go's Unicode
//     tables (Unicode 15), where Java 17 uses Unicode 13; only characters
//     assigned since then differ. Case mapping uses Go's unicode.ToUpper and
//     ToLower likewise.
//   - \N{name} resolves names with golang.org/x/text/unicode/runenames;
//     Java's algorithmic names ("CJK UNIFIED IDEOGRAPHS 4E00" and the like)
//     are not recognised.
//   - A lookbehind's start positions are limited to Java's TreeInfo window
//     (which int overflow can shrink or empty) for inputs up to 1 MiB runes;
//     Java counts UTF-16 chars there, this package runes, so lookbehinds
//     over supplementary characters can differ.
//   - Java 17 compiles [[a]b&&] but throws NullPointerException when
//     matching it; here the intersection with nothing is empty.
//   - The CANON_EQ flag, (?c), is accepted and ignored.
//   - SyntaxError.Index counts runes of the pattern after Java's \Q...\E
//     rewriting, as PatternSyntaxException.getIndex() counts code points of
//     that rewritten pattern; it is not a byte offset.
package javaregex
