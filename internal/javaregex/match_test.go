package javaregex

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestMatches checks whole-string matching (Matcher.matches()) on cases
// whose expected results come from OpenJDK 17.
func TestMatches(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		input   string
		want    bool
	}{
		{"status class matches a 2xx code", `2\d{2}`, "204", true},
		{"status class rejects a 4xx code", `2\d{2}`, "404", false},
		{"status class needs the whole string", `2\d{2}`, "2000", false},
		{"status class rejects a prefix", `2\d{2}`, "20", false},
		{"alternated status classes", `(4|5)\d{2}`, "503", true},
		{"anchored status class", `^[45]\d{2}$`, "418", true},
		{"dollar does not consume a final newline", `^[45]\d{2}$`, "418\n", false},
		{"dollar before an explicit final newline", `^[45]\d{2}$\n`, "418\n", true},
		{"dollar does not match before an inner newline", `^[45]\d{2}$`, "418\nx", false},
		{"explicit digit range", `40[0-9]`, "409", true},
		{"literal default", `default`, "default", true},
		{"literal default is case-sensitive", `default`, "Default", false},
		{"dash literal", `-`, "-", true},
		{"dot star around a word", `.*Error.*`, "Some Error here", true},
		{"dot star does not cross a newline", `.*Error.*`, "Error: boom\n  at line 1", false},
		{"dot star does not cross a carriage return", `.*Error.*`, "Error\rx", false},
		{"dot star does not cross a line separator", `.*Error.*`, "Error\u2028x", false},
		{"dot star does not cross NEL", `.*Error.*`, "Error\u0085x", false},
		{"escaped brackets", `.*\[BadRequest\].*`, "[BadRequest] missing id", true},
		{"dot plus rejects the empty string", `.+`, "", false},
		{"dot plus rejects a lone newline", `.+`, "\n", false},
		{"newline or dot covers multi-line text", `(\n|.)+`, "Error: boom\n  at line 1", true},
		{"DOTALL dot star covers multi-line text", `(?s).*`, "a\nb\r\nc", true},
		{"DOTALL flag group", `(?s:.)`, "\n", true},
		{"whitespace and non-whitespace", `[\s\S]+`, "a\nb", true},
		{"class intersection keeps consonants", `[[a-z]&&[^aeiou]]+`, "bcd", true},
		{"class intersection drops vowels", `[[a-z]&&[^aeiou]]+`, "bad", false},
		{"intersection without brackets", `[a-z&&[^aeiou]]+`, "xyz", true},
		{"nested class union", `[a-c[x-z]]+`, "abxz", true},
		{"nested class union excludes the gap", `[a-c[x-z]]+`, "abd", false},
		{"POSIX alpha", `\p{Alpha}+`, "Hello", true},
		{"POSIX alpha is ASCII only", `\p{Alpha}+`, "héllo", false},
		{"Unicode letter property", `\p{L}+`, "héllo", true},
		{"Unicode Is property", `\p{IsAlphabetic}+`, "héllo", true},
		{"complement property", `\P{Digit}+`, "abc", true},
		{"one-letter property", `\pL+`, "abc", true},
		{"Greek script", `\p{IsGreek}+`, "αβγ", true},
		{"Basic Latin block", `\p{InBasicLatin}+`, "abc", true},
		{"general category key", `\p{gc=Lu}`, "A", true},
		{"Java method property", `\p{javaLowerCase}+`, "abc", true},
		{"possessive star never gives back", `x*+x`, "xx", false},
		{"greedy star gives back", `x*x`, "xx", true},
		{"possessive plus", `a++`, "aaa", true},
		{"possessive question mark", `a?+a`, "a", false},
		{"atomic group keeps its first choice", `(?>a|ab)c`, "abc", false},
		{"reluctant quantifier", `a+?b`, "aab", true},
		{"quoted dot is literal", `\Qa.b\E`, "a.b", true},
		{"quoted dot does not match any character", `\Qa.b\E`, "aXb", false},
		{"quote without an end", `\Qa.b`, "a.b", true},
		{"quote inside a class", `[\Q-\E]`, "-", true},
		{"named group back reference", `(?<name>x)\k<name>`, "xx", true},
		{"named group back reference mismatch", `(?<name>x)\k<name>`, "xy", false},
		{"numbered back reference", `(a)(b)\2\1`, "abba", true},
		{"back reference to a missing group never matches", `(a)\2`, "aa", false},
		{"two-digit back reference falls back to one digit", `(a)\10`, "aa0", true},
		{"case-insensitive flag", `(?i)error`, "ERROR", true},
		{"case-insensitive flag group", `(?i:e)rror`, "Error", true},
		{"case-insensitive flag group ends", `(?i:e)rror`, "ERROR", false},
		{"flag turned off", `(?i)a(?-i)b`, "AB", false},
		{"ASCII-only case folding", `(?i)é`, "É", false},
		{"Unicode case folding", `(?iu)é`, "É", true},
		{"Unicode case folding of final sigma", `(?iu)σ`, "ς", true},
		{"Kelvin sign folds to k", `(?iu)k`, "\u212a", true},
		{"negated class is not case-folded after negation", `(?i)[^a]`, "A", false},
		{"comments mode ignores spaces", `(?x) a b c # letters`, "abc", true},
		{"comments mode keeps escaped spaces", `(?x)a\ b`, "a b", true},
		{"multiline caret after a newline", `(?m)^line2$`, "line2", true},
		{"multiline anchors inside text", `(?s)(?m).*^line2$.*`, "line1\nline2\nline3", true},
		{"multiline caret does not match at the end", `(?m)^`, "", false},
		{"caret matches the empty string", `^`, "", true},
		{"Z matches before a final newline", `a\Z\n`, "a\n", true},
		{"z needs the very end", `a\z\n`, "a\n", false},
		{"UNIX_LINES dot matches a carriage return", `(?d).`, "\r", true},
		{"lookahead", `(?=4)\d{3}`, "404", true},
		{"negative lookahead", `(?!200)\d{3}`, "200", false},
		{"lookbehind", `\d{3}(?<=5\d\d)`, "503", true},
		{"negative lookbehind", `\d{3}(?<!404)`, "404", false},
		{"lookbehind with a star", `.*(?<=a*)b`, "aab", true},
		{"lookbehind whose Java window overflows never matches", `.*(?<=a*b*)c`, "abc", false},
		{"word boundary", `.*\bError\b.*`, "An Error occurred", true},
		{"word boundary is Unicode-aware in Java 17", `\bé\b`, "é", true},
		{"non-word boundary", `a\Bb`, "ab", true},
		{"linebreak matcher takes CRLF", `a\Rb`, "a\r\nb", true},
		{"linebreak matcher backtracks alone", `\R\n`, "\r\n", true},
		{"quantified linebreak matcher keeps CRLF together", `\R{2}`, "\r\n", false},
		{"horizontal whitespace", `\h+`, " \t\u00a0", true},
		{"vertical whitespace", `\v`, "\u2028", true},
		{"grapheme cluster with a combining mark", `\X`, "e\u0301", true},
		{"control escape", `\cJ`, "\n", true},
		{"octal escape", `\0101`, "A", true},
		{"hex code point escape", `\x{1F600}`, "😀", true},
		{"escaped surrogate pair", `\ud83d\ude00`, "😀", true},
		{"supplementary class range", `[😀-😃]+`, "😀😃", true},
		{"character name escape", `\N{LATIN SMALL LETTER A}`, "a", true},
		{"counted closure of nothing", `x{2}{3}`, "xx", true},
		{"dangling closing brace is a literal", `a}`, "a}", true},
		{"empty pattern matches only the empty string", ``, "", true},
		{"empty alternative", `a|`, "", true},
		{"dangling closing bracket is a literal", `a]`, "a]", true},
		{"literal ampersand in a class", `[a&b]+`, "a&b", true},
		{"range with a dash at the end", `[a-]+`, "-a", true},
		{"UNICODE_CHARACTER_CLASS word", `(?U)\w+`, "héllo", true},
		{"ASCII word", `\w+`, "héllo", false},
		{"JSON error type", `.*"errorType":\s*"ValidationError".*`, `{"errorMessage":"x","errorType": "ValidationError"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := compile(tt.pattern, time.Second)
			if err != nil {
				t.Fatalf("Compile(%q) = %v", tt.pattern, err)
			}
			got, err := p.Matches(tt.input)
			if err != nil {
				t.Fatalf("Matches(%q) = %v", tt.input, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q.Matches(%q) mismatch (-want +got):\n%s\nregexp2: %s", tt.pattern, tt.input, diff, p.Translated())
			}
		})
	}
}

func TestMatchesTimesOut(t *testing.T) {
	p, err := CompileWithTimeout(`(a+)+b`, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = p.Matches(strings.Repeat("a", 40))
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Matches = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Matches took %v despite a 20ms timeout", d)
	}
}

func TestPatternIsSafeForConcurrentUse(t *testing.T) {
	p := MustCompile(`(?i).*\bnot found\b.*`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if ok, err := p.Matches("Item NOT FOUND here"); !ok || err != nil {
					t.Errorf("Matches = %v, %v", ok, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
