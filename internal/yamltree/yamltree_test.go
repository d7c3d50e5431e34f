package yamltree

import (
	"reflect"
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

// refPairs is Pairs as first written (a map from key text to position for
// every mapping), the reference that the scanning and in-place reads are
// checked against.
func refPairs(n *yaml.Node) [][2]*yaml.Node {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	budget := mergeBudget
	var merged func(n *yaml.Node, depth int) [][2]*yaml.Node
	merged = func(n *yaml.Node, depth int) [][2]*yaml.Node {
		out := make([][2]*yaml.Node, 0, len(n.Content)/2)
		index := map[string]int{}
		put := func(k, v *yaml.Node) {
			if i, ok := index[k.Value]; ok && k.Kind == yaml.ScalarNode {
				out[i] = [2]*yaml.Node{k, v}
				return
			}
			index[k.Value] = len(out)
			out = append(out, [2]*yaml.Node{k, v})
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], Deref(n.Content[i+1])
			if k.Tag != "!!merge" || depth >= maxMergeDepth || budget <= 0 {
				put(k, v)
				continue
			}
			sources := []*yaml.Node{v}
			if v != nil && v.Kind == yaml.SequenceNode {
				sources = sources[:0]
				for _, s := range v.Content {
					sources = append(sources, Deref(s))
				}
			}
			for _, s := range sources {
				if !IsMap(s) {
					continue
				}
				for _, p := range merged(s, depth+1) {
					budget--
					if _, explicit := index[p[0].Value]; !explicit {
						put(p[0], p[1])
					}
				}
			}
		}
		return out
	}
	return merged(n, 0)
}

// checkReads compares Pairs and Get with the reference on every mapping of
// the document, for every key text it holds.
func checkReads(t *testing.T, src string) {
	t.Helper()
	var doc yaml.Node
	if yaml.Unmarshal([]byte(src), &doc) != nil {
		return
	}
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.Kind == yaml.MappingNode {
			want := refPairs(n)
			if got := Pairs(n); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: Pairs %v, reference %v", src, got, want)
			}
			keys := []string{"", "nope"}
			for _, c := range n.Content {
				keys = append(keys, c.Value)
			}
			for _, key := range keys {
				var wv, wk *yaml.Node
				for _, p := range want {
					if p[0].Value == key {
						wv, wk = p[1], p[0]
						break
					}
				}
				if gv, gk := Get(n, key); gv != wv || gk != wk {
					t.Fatalf("%q: Get(%q) = %v, reference %v", src, key, gk, wk)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
		walk(n.Alias)
	}
	walk(&doc)
}

var readCases = []string{
	"a: 1\nb: 2\na: 3\n",
	"a: 1\n? [x]\n: 2\nb: 3\n",
	"? {a: 1}\n: 1\n? {a: 2}\n: 2\n'': 3\n",
	"a: &x {p: 1, q: 2}\nb: {<<: *x, q: 3, p: 4}\nc: {<<: [*x, {r: 1}], r: 2}\n",
	"k: 1\n? [k]\n: 2\nk: 3\n",
	"m: {" + strings.Repeat("k: 1, ", 40) + "j: 2}\n",
	"m: {" + strings.Repeat("a: 1, b: 2, ", 20) + "<<: {a: 3, c: 4}}\n",
}

func TestReadsAgree(t *testing.T) {
	for _, c := range readCases {
		checkReads(t, c)
	}
}

func FuzzReadsAgree(f *testing.F) {
	for _, c := range readCases {
		f.Add(c)
	}
	f.Fuzz(checkReads)
}
