package javaregex

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMatchesEmpty(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    bool
	}{
		{"dot star", `.*`, true},
		{"dot plus", `.+`, false},
		{"status class", `2\d{2}`, false},
		{"empty pattern", ``, true},
		{"empty alternative", `a|`, true},
		{"optional group", `(abc)?`, true},
		{"counted closure of nothing", `{2}`, true},
		{"caret and dollar", `^$`, true},
		{"multiline caret fails at the end of input", `(?m)^`, false},
		{"negative lookahead of nothing never matches", `(?!)`, false},
		{"back reference to an empty group", `()\1`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MustCompile(tt.pattern).MatchesEmpty()); diff != "" {
				t.Errorf("%q.MatchesEmpty() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestMaxLen(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    int
	}{
		{"status class", `2\d{2}`, 3},
		{"dot star is unbounded", `.*`, -1},
		{"literal", `Invalid input`, 13},
		{"alternation takes the longest branch", `a|bcd|ef`, 3},
		{"counted range", `x{2,5}`, 5},
		{"nested counted closures", `(?:ab{1,3}){2}`, 8},
		{"optional group", `(abc)?d`, 4},
		{"lookarounds are zero-width", `(?=abc)a(?<=a)`, 1},
		{"anchors are zero-width", `^a$`, 1},
		{"linebreak matcher counts two", `\R`, 2},
		{"grapheme cluster is unbounded", `\X`, -1},
		{"back reference repeats its group", `(ab)\1`, 4},
		{"back reference to an unbounded group", `(a+)\1`, -1},
		{"supplementary characters count once", `😀{2}`, 2},
		{"quoted text", `\Qa.b\E`, 3},
		{"star of an empty group stays bounded", `(?:)*`, 0},
		{"huge counted closure", `a{2147483646}`, 2147483646},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MustCompile(tt.pattern).MaxLen()); diff != "" {
				t.Errorf("%q.MaxLen() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestLiteral(t *testing.T) {
	type result struct {
		S  string
		OK bool
	}
	tests := []struct {
		name    string
		pattern string
		want    result
	}{
		{"plain words", `Invalid input`, result{"Invalid input", true}},
		{"escaped dot", `Not\.Found`, result{"Not.Found", true}},
		{"unescaped dot is not literal", `Not.Found`, result{}},
		{"exact repeat", `a{2}`, result{"aa", true}},
		{"group with exact repeat", `(ab){2}c`, result{"ababc", true}},
		{"quoted metacharacters", `\Q[x]*\E`, result{"[x]*", true}},
		{"escapes", `\t\x41\u00e9`, result{"\tAé", true}},
		{"status code", `404`, result{"404", true}},
		{"anchored with A and z", `\A404\z`, result{"404", true}},
		{"caret at the start", `^default`, result{"default", true}},
		{"a final dollar adds nothing under whole-string matching", `default$`, result{"default", true}},
		{"class is not literal", `40[0-9]`, result{}},
		{"one-character class", `[a]`, result{"a", true}},
		{"case-insensitive letters are not literal", `(?i)abc`, result{}},
		{"case-insensitive digits stay literal", `(?i)404`, result{"404", true}},
		{"alternation is not literal", `a|b`, result{}},
		{"optional is not literal", `ab?`, result{}},
		{"star is not literal", `a*`, result{}},
		{"lookahead is not literal", `(?=a)a`, result{}},
		{"empty pattern", ``, result{"", true}},
		{"back reference is not literal", `(a)\1`, result{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := MustCompile(tt.pattern).Literal()
			if diff := cmp.Diff(tt.want, result{s, ok}); diff != "" {
				t.Errorf("%q.Literal() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestUsesDot(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    bool
	}{
		{"dot star", `.*Error.*`, true},
		{"escaped dot", `Not\.Found`, false},
		{"dot inside a class", `[.]`, false},
		{"quoted dot", `\Q.\E`, false},
		{"dot in a lookahead", `(?=.)a`, true},
		{"DOTALL dot", `(?s).`, true},
		{"no dot", `2\d{2}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MustCompile(tt.pattern).UsesDot()); diff != "" {
				t.Errorf("%q.UsesDot() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestCanMatchNewline(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		want    bool
	}{
		{"dot plus", `.+`, false},
		{"dot star around a word", `.*Error.*`, false},
		{"DOTALL dot", `(?s).+`, true},
		{"DOTALL flag group", `(?s:.)`, true},
		{"DOTALL turned off again", `(?s)(?-s).`, false},
		{"UNIX_LINES dot still excludes newline", `(?d).`, false},
		{"newline alternative", `(\n|.)+`, true},
		{"whitespace class", `\s`, true},
		{"POSIX space", `\p{Space}`, true},
		{"vertical whitespace", `\v`, true},
		{"horizontal whitespace", `\h`, false},
		{"linebreak matcher", `\R`, true},
		{"grapheme cluster", `\X`, true},
		{"negated class without newline", `[^x]+`, true},
		{"negated class excluding newline", `[^\n]+`, false},
		{"whitespace and non-whitespace", `[\s\S]*`, true},
		{"non-whitespace", `\S+`, false},
		{"word characters", `\w+`, false},
		{"octal newline", `\012`, true},
		{"control-J", `\cJ`, true},
		{"status class", `2\d{2}`, false},
		{"complement property", `\P{Alpha}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, MustCompile(tt.pattern).CanMatchNewline()); diff != "" {
				t.Errorf("%q.CanMatchNewline() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestStatusCodes(t *testing.T) {
	span := func(lo, hi int) []int {
		var s []int
		for c := lo; c <= hi; c++ {
			s = append(s, c)
		}
		return s
	}
	tests := []struct {
		name    string
		pattern string
		want    []int
	}{
		{"2xx", `2\d{2}`, span(200, 299)},
		{"4xx or 5xx", `(4|5)\d{2}`, span(400, 599)},
		{"explicit digits", `40[0-9]`, span(400, 409)},
		{"alternation of codes", `500|502|503`, []int{500, 502, 503}},
		{"negative lookahead", `(?!200)2\d\d`, span(201, 299)},
		{"default matches no code", `default`, nil},
		{"too short", `\d{2}`, nil},
		{"too long", `\d{4}`, nil},
		{"dot star matches every code", `.*`, span(100, 599)},
		{"one or two more digits", `4\d{1,2}`, span(400, 499)},
		{"character class", `[45]0[04]`, []int{400, 404, 500, 504}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MustCompile(tt.pattern).StatusCodes()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q.StatusCodes() mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func BenchmarkStatusCodes(b *testing.B) {
	patterns := []string{`2\d{2}`, `(4|5)\d{2}`, `.*Error.*`, `^[45]\d{2}$`, `default`, `(?!200)\d{3}`}
	compiled := make([]*Pattern, len(patterns))
	for i, s := range patterns {
		compiled[i] = MustCompile(s)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range compiled {
			if _, err := p.StatusCodes(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
