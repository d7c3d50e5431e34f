package vtl

import (
	"errors"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []string // every output, in order; nil when undecidable
	}{
		{"text and set", `#set($a = "x")#set($b = $a + "y"){"v": "$b"}`, []string{`{"v": "xy"}`}},
		{"input is a placeholder", `{"v": "$input.path('$.a')", "n": $input.json('$.n')}`, []string{`{"v": "0", "n": 0}`}},
		{"foreach over unknown runs twice", `[#foreach($x in $input.path('$.l'))$x#if($foreach.hasNext),#end#end]`, []string{`[0,0]`}},
		{"foreach over a list literal", `#foreach($i in [1, 2, 3])$i#end`, []string{`123`}},
		{"foreach over a range", `#foreach($i in [3..1])$velocityCount#end`, []string{`123`}},
		{"nested loops keep the outer foreach", `#foreach($a in [1, 2])#foreach($b in [1])#end#if($foreach.hasNext),#end#end`, []string{`,`}},
		{"known condition", `#set($n = 2)#if($n > 1)big#else small#end`, []string{`big`}},
		{"unknown condition forks", `#if($input.params('x') == "a")A#elseif($context.stage)B#else C#end`, []string{`A`, `B`, ` C`}},
		{"and short circuits", `#if(false && $input.body)x#end!`, []string{`!`}},
		{"escapeJavaScript on a literal", `#set($s = 'say "hi"')$util.escapeJavaScript($s)`, []string{`say \"hi\"`}},
		{"quiet undefined renders nothing", `a$!nothing b`, []string{`a b`}},
		{"stop ends the output", `a#stop b`, []string{`a`}},
		{"break leaves the loop", `#foreach($i in [1, 2, 3])$i#if($i == 2)#break#end#end`, []string{`12`}},
		{"map literal and get", `#set($m = {"k": "v"})$m.k $m.get("k") $m.size()`, []string{`v v 1`}},
		{"undefined reference is undecidable", `{"a": $nope}`, nil},
		{"macro call is undecidable", `#macro(m)x#end#m()`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tpl, errs := Parse(tc.src)
			if len(errs) > 0 {
				t.Fatalf("parse: %v", errs[0])
			}
			got, err := Render(tpl)
			if tc.want == nil {
				if err == nil {
					t.Fatalf("Render = %q, want undecidable", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Render = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRenderStateLimit(t *testing.T) {
	src := strings.Repeat(`#if($input.body)a#end`, 10)
	tpl, _ := Parse(src)
	if _, err := Render(tpl); !errors.Is(err, ErrUndecidable) {
		t.Fatalf("err = %v, want ErrUndecidable after 2^10 alternatives", err)
	}
}

func TestValidateJSONPath(t *testing.T) {
	cases := []struct {
		name, path string
		wantErr    string // substring; "" for valid
	}{
		{"root", "$", ""},
		{"dot property", "$.a.b", ""},
		{"no root", "a.b", ""},
		{"deep scan", "$..price", ""},
		{"wildcard", "$.items[*].id", ""},
		{"index", "$.items[0]", ""},
		{"negative slice", "$.items[-2:]", ""},
		{"index list", "$.items[0,2]", ""},
		{"quoted names", "$['a b', \"c\"]", ""},
		{"filter with parens in a string", "$.l[?(@.n == ')')]", ""},
		{"function", "$.items.length()", ""},
		{"current node", "@.a", ""},
		{"surrounding spaces", "  $.a ", ""},
		{"empty", "", "empty"},
		{"trailing dot", "$.a.", "must not end"},
		{"only dots", "$..", "must not end"},
		{"three dots", "$...a", "at most two dots"},
		{"unclosed bracket", "$.a[0", "not closed"},
		{"unclosed quote", "$['a]", "not closed"},
		{"empty brackets", "$.a[]", "empty brackets"},
		{"unquoted name in brackets", "$[name]", "must be quoted"},
		{"filter without ?", "$.a[(@.b)]", "filter"},
		{"bad slice", "$.a[1:2:3:4]", "bad array slice"},
		{"junk after root", "$a", "expected '.' or '['"},
		{"space in a name", "$.first name", "expected '.' or '['"},
		{"bracket without root", "[0]", "cannot start with '['"},
		{"unclosed function", "$.a.length(", "not closed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateJSONPath(tc.path)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("ValidateJSONPath(%q) = %v, want valid", tc.path, err)
			case tc.wantErr != "" && err == nil:
				t.Errorf("ValidateJSONPath(%q) is valid, want an error with %q", tc.path, tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Msg, tc.wantErr):
				t.Errorf("ValidateJSONPath(%q) = %v, want an error with %q", tc.path, err, tc.wantErr)
			case err != nil && (err.Offset < 0 || err.Offset > len(tc.path)):
				t.Errorf("ValidateJSONPath(%q) offset %d outside the path", tc.path, err.Offset)
			}
		})
	}
}

func TestUnknownMember(t *testing.T) {
	cases := []struct {
		src, wantPath, wantSuggestion string
	}{
		{"$context.responseOverride.statusCode", "context.responseOverride.statusCode", "status"},
		{"$util.escapeJson($x)", "util.escapeJson", ""},
		{"$input.jsonpath('$')", "input.jsonpath", "json"},
		{"$context.identity.sourceIP", "context.identity.sourceIp", ""},
		{"$context.authorizer.claims.anything", "", ""},
		{"$context.requestOverride.header.X-Any", "", ""},
		{"$context.requestId.length()", "", ""},
		{"$input.path('$').size()", "", ""},
		{"$stageVariables.anything", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			tpl, errs := Parse(tc.src)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			r := tpl.Nodes[0].(*Reference)
			i, path, sug := UnknownMember(r)
			if tc.wantPath == "" {
				if i >= 0 {
					t.Errorf("UnknownMember = %q, want none", path)
				}
				return
			}
			if i < 0 {
				t.Fatalf("UnknownMember found nothing, want %q", tc.wantPath)
			}
			if tc.wantSuggestion != "" && sug != tc.wantSuggestion {
				t.Errorf("suggestion = %q, want %q", sug, tc.wantSuggestion)
			}
		})
	}
}

// FuzzRender checks that the evaluator terminates without panicking on any
// template the parser accepts.
func FuzzRender(f *testing.F) {
	for _, s := range seedTemplates {
		f.Add(s)
	}
	for _, c := range constructCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tpl, _ := Parse(src)
		_, _ = Render(tpl)
		Walk(tpl, func(n Node) bool {
			if r, ok := n.(*Reference); ok {
				UnknownMember(r)
				if r.Name == "input" && len(r.Parts) > 0 {
					if m, ok := r.Parts[0].(*Method); ok && len(m.Args) > 0 {
						if s, ok := m.Args[0].(*StringLit); ok {
							ValidateJSONPath(s.Value)
						}
					}
				}
			}
			return true
		})
	})
}
