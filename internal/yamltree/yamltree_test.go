package yamltree

import (
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func parse(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return &doc
}

func TestPairsMergeKeys(t *testing.T) {
	doc := parse(t, "base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n  c: 4\n")
	m, _ := Get(doc.Content[0], "m")
	var got []string
	for _, p := range Pairs(m) {
		got = append(got, p[0].Value+"="+p[1].Value)
	}
	if strings.Join(got, " ") != "a=1 b=3 c=4" {
		t.Errorf("pairs %v, want the merged a, the explicit b, and c", got)
	}
}

// TestMergeBombIsBounded: nine levels of ten merges each would bring in
// 10^8 pairs; the budget keeps it to thousands.
func TestMergeBombIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 {k0: 1}\n")
	for i := 1; i < 9; i++ {
		b.WriteString("a" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + "\n  <<: [" + strings.TrimSuffix(strings.Repeat("*a"+strconv.Itoa(i-1)+", ", 10), ", ") + "]\n")
	}
	b.WriteString("top:\n  <<: *a8\n")
	doc := parse(t, b.String())
	top, _ := Get(doc.Content[0], "top")
	if n := len(Pairs(top)); n > mergeBudget {
		t.Errorf("%d pairs, want at most %d", n, mergeBudget)
	}
	if at, problem := CheckLimits(doc); at == nil || !strings.Contains(problem, "alias") {
		t.Errorf("CheckLimits = %v, %q; want the alias expansion reported", at, problem)
	}
}

func TestCheckLimitsDepth(t *testing.T) {
	deep := parse(t, "x: "+strings.Repeat("[", MaxDepth+5)+strings.Repeat("]", MaxDepth+5)+"\n")
	if at, problem := CheckLimits(deep); at == nil || !strings.Contains(problem, "deeper") {
		t.Errorf("CheckLimits = %v, %q; want the depth reported", at, problem)
	}
	if at, _ := CheckLimits(parse(t, "a: &x [1, 2]\nb: *x\nc: *x\n")); at != nil {
		t.Errorf("a document within the caps was reported at line %d", at.Line)
	}
}
