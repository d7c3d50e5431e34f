package vtl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseConstructs(t *testing.T) {
	for _, c := range constructCases {
		t.Run(c.name, func(t *testing.T) {
			tpl, errs := Parse(c.src)
			for _, e := range errs {
				t.Errorf("unexpected error %v-%v %s", e.Pos, e.End, e.Msg)
			}
			if diff := cmp.Diff(c.want, outline(tpl)); diff != "" {
				t.Errorf("outline mismatch (-want +got):\n%s", diff)
			}
			if err := checkTree(c.src, tpl, errs); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			tpl, errs := Parse(c.src)
			if diff := cmp.Diff(c.want, formatErrors(errs)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
			if err := checkTree(c.src, tpl, errs); err != nil {
				t.Error(err)
			}
		})
	}
}

func formatErrors(errs []*Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%v-%v %s", e.Pos, e.End, e.Msg))
	}
	return out
}

// pos builds a Pos from offset, line and column.
func pos(off, line, col int) Pos { return Pos{Offset: off, Line: line, Column: col} }

func span(start, stop Pos) Span { return Span{Start: start, Stop: stop} }

func TestParseExactTree(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want *Template
	}{
		{
			name: "response override status",
			src:  "#set($context.responseOverride.status = 400)\n",
			want: &Template{
				Span: span(pos(0, 1, 1), pos(45, 2, 1)),
				Nodes: []Node{
					&Set{
						Span: span(pos(0, 1, 1), pos(44, 1, 45)),
						Target: &Reference{
							Span: span(pos(5, 1, 6), pos(37, 1, 38)),
							Name: "context",
							Parts: []RefPart{
								&Property{Span: span(pos(13, 1, 14), pos(30, 1, 31)), Name: "responseOverride"},
								&Property{Span: span(pos(30, 1, 31), pos(37, 1, 38)), Name: "status"},
							},
						},
						Value: &NumberLit{Span: span(pos(40, 1, 41), pos(43, 1, 44)), Raw: "400", Int: 400},
					},
					&Text{Span: span(pos(44, 1, 45), pos(45, 2, 1)), Value: "\n"},
				},
			},
		},
		{
			name: "interpolated string after multibyte text",
			src:  "é\n#set($s = \"ü $x\")",
			want: &Template{
				Span: span(pos(0, 1, 1), pos(21, 2, 18)),
				Nodes: []Node{
					&Text{Span: span(pos(0, 1, 1), pos(3, 2, 1)), Value: "é\n"},
					&Set{
						Span:   span(pos(3, 2, 1), pos(21, 2, 18)),
						Target: &Reference{Span: span(pos(8, 2, 6), pos(10, 2, 8)), Name: "s"},
						Value: &StringLit{
							Span:         span(pos(13, 2, 11), pos(20, 2, 17)),
							Quote:        '"',
							Value:        "ü $x",
							Interpolated: true,
							Parts: []Node{
								&Text{Span: span(pos(14, 2, 12), pos(17, 2, 14)), Value: "ü "},
								&Reference{Span: span(pos(17, 2, 14), pos(19, 2, 16)), Name: "x"},
							},
						},
					},
				},
			},
		},
		{
			name: "quiet braced reference with index and method",
			src:  "$!{a[0].b('k')}",
			want: &Template{
				Span: span(pos(0, 1, 1), pos(15, 1, 16)),
				Nodes: []Node{
					&Reference{
						Span:   span(pos(0, 1, 1), pos(15, 1, 16)),
						Quiet:  true,
						Braced: true,
						Name:   "a",
						Parts: []RefPart{
							&Index{
								Span:  span(pos(4, 1, 5), pos(7, 1, 8)),
								Index: &NumberLit{Span: span(pos(5, 1, 6), pos(6, 1, 7)), Raw: "0"},
							},
							&Method{
								Span: span(pos(7, 1, 8), pos(14, 1, 15)),
								Name: "b",
								Args: []Expr{&StringLit{Span: span(pos(10, 1, 11), pos(13, 1, 14)), Quote: '\'', Value: "k"}},
							},
						},
					},
				},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, errs := Parse(c.src)
			if len(errs) > 0 {
				t.Fatalf("unexpected errors: %v", formatErrors(errs))
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("tree mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// Real API Gateway mapping templates, from the AWS documentation.
const (
	dynamoPutComment = `#set($inputRoot = $input.path('$'))
{
  "TableName": "Comments",
  "Item": {
    "commentId": {"S": "$context.requestId"},
    "message": {"S": "$util.escapeJavaScript($input.path('$.message'))"}
  }
}
`
	photosForeach = `#set($inputRoot = $input.path('$'))
[
#foreach($elem in $inputRoot.photos.photo)
  {
    "id": "$elem.id",
    "photographedBy": "$elem.photographer_first_name $elem.photographer_last_name",
    "title": "$elem.title",
    "ispublic": $elem.ispublic,
    "isfriend": $elem.isfriend,
    "isfamily": $elem.isfamily
  }#if($foreach.hasNext),#end
		
#end
]
`
	responseOverride = `#set($inputRoot = $input.path('$'))
#if($inputRoot.toString().contains("error"))
#set($context.responseOverride.status = 400)
#set($context.responseOverride.header.X-Error = "true")
{"message": "$util.escapeJavaScript($inputRoot.errorMessage)"}
#else
$input.json('$')
#end
`
)

// find returns the nodes under n for which match reports true.
func find(n Node, match func(Node) bool) []Node {
	var out []Node
	Walk(n, func(m Node) bool {
		if match(m) {
			out = append(out, m)
		}
		return true
	})
	return out
}

func refsWithPath(n Node, path string) []*Reference {
	var out []*Reference
	for _, m := range find(n, func(m Node) bool { r, ok := m.(*Reference); return ok && r.Path() == path }) {
		out = append(out, m.(*Reference))
	}
	return out
}

func TestRealTemplates(t *testing.T) {
	t.Run("DynamoDB put comment", func(t *testing.T) {
		tpl, errs := Parse(dynamoPutComment)
		if len(errs) > 0 {
			t.Fatalf("unexpected errors: %v", formatErrors(errs))
		}
		reqID := refsWithPath(tpl, "context.requestId")
		if len(reqID) != 1 || reqID[0].Pos() != pos(101, 5, 25) {
			t.Errorf("$context.requestId: got %v", reqID)
		}
		esc := refsWithPath(tpl, "util.escapeJavaScript")
		if len(esc) != 1 {
			t.Fatalf("want one $util.escapeJavaScript, got %d", len(esc))
		}
		m := esc[0].Parts[0].(*Method)
		arg, ok := m.Args[0].(*Reference)
		if !ok || arg.Path() != "input.path" {
			t.Fatalf("escapeJavaScript argument: got %#v", m.Args[0])
		}
		jp := arg.Parts[0].(*Method).Args[0].(*StringLit)
		if jp.Value != "$.message" || jp.Interpolated || jp.Pos() != pos(180, 6, 58) {
			t.Errorf("JSONPath argument: got %q at %v (interpolated %v)", jp.Value, jp.Pos(), jp.Interpolated)
		}
	})
	t.Run("array of objects with foreach and hasNext", func(t *testing.T) {
		tpl, errs := Parse(photosForeach)
		if len(errs) > 0 {
			t.Fatalf("unexpected errors: %v", formatErrors(errs))
		}
		var loop *Foreach
		for _, n := range tpl.Nodes {
			if f, ok := n.(*Foreach); ok {
				loop = f
			}
		}
		if loop == nil {
			t.Fatal("no #foreach at top level")
		}
		if loop.Var.Name != "elem" || loop.Iter.(*Reference).Path() != "inputRoot.photos.photo" {
			t.Errorf("foreach header: var %q iter %q", loop.Var.Name, loop.Iter.(*Reference).Path())
		}
		if loop.Pos() != pos(38, 3, 1) || loop.End() != pos(351, 13, 5) {
			t.Errorf("foreach span %v-%v", loop.Pos(), loop.End())
		}
		hasNext := refsWithPath(loop, "foreach.hasNext")
		if len(hasNext) != 1 || hasNext[0].Pos() != pos(321, 11, 8) {
			t.Errorf("$foreach.hasNext: got %v", hasNext)
		}
		if got := len(find(loop, func(n Node) bool { _, ok := n.(*Reference); return ok })); got != 10 {
			t.Errorf("references in the loop: got %d, want 10", got)
		}
	})
	t.Run("response override", func(t *testing.T) {
		tpl, errs := Parse(responseOverride)
		if len(errs) > 0 {
			t.Fatalf("unexpected errors: %v", formatErrors(errs))
		}
		sets := find(tpl, func(n Node) bool {
			s, ok := n.(*Set)
			return ok && strings.HasPrefix(s.Target.Path(), "context.responseOverride.")
		})
		var got []string
		for _, n := range sets {
			s := n.(*Set)
			got = append(got, fmt.Sprintf("%v %s = %s", s.Pos(), s.Target.Path(), describe(s.Value)))
		}
		want := []string{
			"3:1 context.responseOverride.status = NumberLit 3:41-3:44 int 400",
			`4:1 context.responseOverride.header.X-Error = StringLit 4:49-4:55 "true`,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("response overrides (-want +got):\n%s", diff)
		}
	})
}

func TestReferencePath(t *testing.T) {
	cases := []struct {
		src  string
		want string
	}{
		{"$foo", "foo"},
		{"$!{foo}", "foo"},
		{"$context.responseOverride.status", "context.responseOverride.status"},
		{"$input.path('$.x')", "input.path"},
		{"$input.params().header.get('X')", "input.params.header.get"},
		{"$a.b[0].c", "a.b"},
		{"$a[0]", "a"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			tpl, errs := Parse(c.src)
			if len(errs) > 0 || len(tpl.Nodes) != 1 {
				t.Fatalf("want one reference, got %d nodes, errors %v", len(tpl.Nodes), formatErrors(errs))
			}
			if got := tpl.Nodes[0].(*Reference).Path(); got != c.want {
				t.Errorf("Path() = %q, want %q", got, c.want)
			}
		})
	}
}

func TestWalk(t *testing.T) {
	src := `#set($m = {"k": [1..$n]})#if($a)"$b.c($d)"#else#foreach($x in $l)#m($y)#end#end`
	tpl, errs := Parse(src)
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", formatErrors(errs))
	}
	t.Run("visits every node in source order", func(t *testing.T) {
		var got []string
		Walk(tpl, func(n Node) bool {
			got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", n), "*vtl."))
			return true
		})
		want := []string{
			"Template", "Set", "Reference", "MapLit", "MapEntry", "StringLit", "RangeLit", "NumberLit", "Reference",
			"If", "IfBranch", "Reference", "Text", "Reference", "Method", "Reference", "Text",
			"ElseBranch", "Foreach", "Reference", "Reference", "Text", "Reference", "Text",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("visit order (-want +got):\n%s", diff)
		}
	})
	t.Run("returning false skips the children", func(t *testing.T) {
		var got []string
		Walk(tpl, func(n Node) bool {
			if r, ok := n.(*Reference); ok {
				got = append(got, r.Path())
			}
			_, isIf := n.(*If)
			return !isIf
		})
		if diff := cmp.Diff([]string{"m", "n"}, got); diff != "" {
			t.Errorf("references outside #if (-want +got):\n%s", diff)
		}
	})
	t.Run("nil node", func(t *testing.T) {
		Walk(nil, func(Node) bool { t.Error("fn called for nil"); return true })
	})
}

func TestNestingLimit(t *testing.T) {
	const n = 10000
	cases := []struct {
		name string
		src  string
		want string
	}{
		{"parentheses", "#set($x = " + strings.Repeat("(", n) + "1" + strings.Repeat(")", n) + ")", "expression nested too deeply (limit 200)"},
		{"lists", "#set($x = " + strings.Repeat("[", n) + ")", "expression nested too deeply (limit 200)"},
		{"negations", "#if(" + strings.Repeat("!", n) + "$a)#end", "expression nested too deeply (limit 200)"},
		{"method arguments", strings.Repeat("$a.b(", n), "expression nested too deeply (limit 200)"},
		{"indexes", strings.Repeat("$a[", n), "expression nested too deeply (limit 200)"},
		{"blocks", strings.Repeat("#if(1)", n) + strings.Repeat("#end", n), "blocks nested too deeply (limit 200)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl, errs := Parse(c.src)
			found := false
			for _, e := range errs {
				found = found || e.Msg == c.want
			}
			if !found {
				t.Errorf("no %q error among %d errors", c.want, len(errs))
			}
			if err := checkTree(c.src, tpl, errs); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	_, errs := Parse("x\n  #end")
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", formatErrors(errs))
	}
	if got, want := errs[0].Error(), "2:3: #end without a matching directive"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
