package javaregex

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompileRejectsInvalidJava checks Desc and Index against what OpenJDK
// 17's PatternSyntaxException reports for the same pattern.
func TestCompileRejectsInvalidJava(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		desc    string
		index   int
	}{
		{"unclosed counted closure in a status pattern", `4\d{2`, `Unclosed counted closure`, 5},
		{"counted closure without a minimum", `a{,3}`, `Illegal repetition`, 2},
		{"brace at the end", `a{`, `Illegal repetition`, 2},
		{"brace with a letter at the start", `{x}`, `Illegal repetition`, 1},
		{"template placeholder", `${x}`, `Illegal repetition`, 2},
		{"maximum below minimum", `a{2,1}`, `Illegal repetition range`, 5},
		{"counted closure without a closing brace", `a{1`, `Unclosed counted closure`, 3},
		{"range closure without a closing brace", `a{1,2`, `Unclosed counted closure`, 5},
		{"repetition count overflowing int", `a{2147483648}`, `Illegal repetition range`, 11},
		{"dangling star", `*a`, `Dangling meta character '*'`, 0},
		{"dangling plus", `+a`, `Dangling meta character '+'`, 0},
		{"dangling question mark", `?a`, `Dangling meta character '?'`, 0},
		{"double star", `a**`, `Dangling meta character '*'`, 2},
		{"lazy then possessive", `a*?+`, `Dangling meta character '+'`, 3},
		{"lone opening parenthesis", `(`, `Unclosed group`, 1},
		{"unclosed group", `(a`, `Unclosed group`, 2},
		{"unclosed outer group", `((a)`, `Unclosed group`, 4},
		{"unmatched closing parenthesis", `a)`, `Unmatched closing ')'`, 0},
		{"lone closing parenthesis", `)`, `Unmatched closing ')'`, -1},
		{"lone opening bracket", `[`, `Unclosed character class`, 0},
		{"empty class", `[]`, `Unclosed character class`, 1},
		{"empty negated class", `[^]`, `Unclosed character class`, 2},
		{"unclosed class", `[a`, `Unclosed character class`, 1},
		{"range without an end", `[a-`, `Illegal character range`, 3},
		{"reversed range", `[z-a]`, `Illegal character range`, 3},
		{"range ending in a class escape", `[a-\d]`, `Illegal character range`, 4},
		{"word boundary inside a class", `[\b]`, `Illegal/unsupported escape sequence`, 2},
		{"trailing backslash", `\`, `Unexpected internal error`, 1},
		{"undefined letter escape", `\y`, `Illegal/unsupported escape sequence`, 1},
		{"end quote without a quote", `\E`, `Illegal/unsupported escape sequence`, 1},
		{"named back reference to a missing group", `\k<x>`, `named capturing group <x> does not exist`, 4},
		{"named back reference without a name", `\k`, `\k is not followed by '<' for named capturing group`, 2},
		{"duplicate group name", `(?<x>a)(?<x>b)`, `Named capturing group <x> is already defined`, 11},
		{"group name starting with a digit", `(?<1a>x)`, `capturing group name does not start with a Latin letter`, 3},
		{"group name with an underscore", `(?<a_b>x)`, `named capturing group is missing trailing '>'`, 4},
		{"question mark at the end of a group", `(?`, `Unknown inline modifier`, 2},
		{"unterminated flags", `(?i`, `Unknown inline modifier`, 3},
		{"unclosed flag group", `(?i:a`, `Unclosed group`, 5},
		{"Python named group", `(?P<x>a)`, `Unknown inline modifier`, 2},
		{"Perl comment group", `(?#comment)`, `Unknown inline modifier`, 2},
		{"unclosed lookbehind", `(?<=`, `Unclosed group`, 4},
		{"unknown group type", `(?$)`, `Unknown group type`, 2},
		{"lookbehind with a repeated group", `(?<=(?:xa)*)`, `Look-behind group does not have an obvious maximum length`, 10},
		{"lookbehind with a repeated alternation", `(?<=(a|bc)+)`, `Look-behind group does not have an obvious maximum length`, 10},
		{"lookbehind with a back reference", `(?<=\1)`, `Look-behind group does not have an obvious maximum length`, 5},
		{"unknown property", `\p{Foo}`, `Unknown character property name {Foo}`, 6},
		{"unknown Is property", `\p{IsFoo}`, `Unknown character property name {IsFoo}`, 8},
		{"unknown block", `\p{InFoo}`, `Unknown character property name {InFoo}`, 8},
		{"empty property", `\p{}`, `Empty character family`, 3},
		{"unclosed property", `\p{Alpha`, `Unclosed character family`, 8},
		{"unknown one-letter property", `\pX`, `Unknown character property name {X}`, 2},
		{"unknown property key", `\p{foo=bar}`, `Unknown Unicode property {name=<foo>, value=<bar>}`, 10},
		{"emoji property that Java 17 lacks", `\p{IsEmoji}`, `Unknown character property name {IsEmoji}`, 10},
		{"hex escape without digits", `\x`, `Illegal hexadecimal escape sequence`, 2},
		{"hex code point beyond Unicode", `\x{110000}`, `Hexadecimal codepoint is too big`, 8},
		{"unclosed hex code point", `\x{41`, `Unclosed hexadecimal escape sequence`, 5},
		{"short Unicode escape", `\u12`, `Illegal Unicode escape sequence`, 4},
		{"octal escape without digits", `\0`, `Illegal octal escape sequence`, 2},
		{"octal escape with a non-octal digit", `\08`, `Illegal octal escape sequence`, 2},
		{"control escape at the end", `\c`, `Illegal control escape sequence`, 1},
		{"unknown character name", `\N{NO SUCH NAME}`, `Unknown character name [NO SUCH NAME]`, 15},
		{"intersection of nothing", `[&&]`, `Bad class syntax`, 2},
		{"brace with a letter after an atom", `x{a}`, `Illegal repetition`, 2},
		{"unknown boundary type", `\b{x}`, `Illegal repetition`, 3},
		{"back reference inside a class", `[\1]`, `Illegal/unsupported escape sequence`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compile(tt.pattern, 0)
			var got *SyntaxError
			if !errors.As(err, &got) {
				t.Fatalf("Compile(%q) error = %v, want a *SyntaxError", tt.pattern, err)
			}
			want := &SyntaxError{Pattern: tt.pattern, Desc: tt.desc, Index: tt.index}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Compile(%q) mismatch (-want +got):\n%s", tt.pattern, diff)
			}
		})
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *SyntaxError
		want string
	}{
		{"with an index", &SyntaxError{Pattern: `4\d{2`, Desc: "Unclosed counted closure", Index: 5}, `Unclosed counted closure near index 5: 4\d{2`},
		{"without an index", &SyntaxError{Pattern: `)`, Desc: "Unmatched closing ')'", Index: -1}, `Unmatched closing ')': )`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("Error() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMustCompilePanicsOnInvalidSyntax(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustCompile(`a{,3}`) did not panic")
		}
	}()
	MustCompile(`a{,3}`)
}

func TestCompileAcceptsValidJavaThatGoRejects(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
	}{
		{"possessive star", `x*+`},
		{"POSIX property", `\p{Alpha}`},
		{"class intersection", `[[a-z]&&[^aeiou]]`},
		{"quoted metacharacters", `\Qa.b\E`},
		{"named group and back reference", `(?<name>x)\k<name>`},
		{"lookbehind", `(?<=a)b`},
		{"counted closure of nothing", `{2}`},
		{"dangling closing brace", `}`},
		{"lookbehind with a star", `(?<=a*)b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile(tt.pattern)
			if err != nil {
				t.Fatalf("Compile(%q) = %v", tt.pattern, err)
			}
			if diff := cmp.Diff(tt.pattern, p.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
