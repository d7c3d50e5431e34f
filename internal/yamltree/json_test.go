package yamltree

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// jsonCases are documents for the JSON fast path: the ones it reads must
// come out as yaml.v3 reads them, the others it must leave to yaml.v3.
var jsonCases = []string{
	`{}`,
	`{"a": 1}`,
	`{"a":1,"b":[1,2,{"c":null}],"d":true,"e":false}`,
	" \n\r\n {\"a\": [\n  1.5, -0, 0, -12, 1e5, 1E+5, 2.5e-3, 12345678901234567890, 1e400\n ]\r\n}\n\n",
	`{"s": "esc \" \\ \b \f \n \r \t \u00e9 \u0041 \u2603 \u0000"}`,
	`{"é": "ünïcödé 雪 ★", "x": "after"}`,
	`{"emoji": "😀", "x": 1}`,
	`{"nel": "a` + "\u0085" + `b"}`,
	`{"ls": "a` + "\u2028" + `b"}`,
	`{"bom": "a` + "\ufeff" + `b"}`,
	"\ufeff{\"a\": 1}",
	`{"a": "x\/y"}`,
	`{"a": "\ud83d\ude00"}`,
	"{\"a\":\t1}",
	"{\"a\": \"tab\there\"}",
	"{\n\t\"a\": {\n\t\t\"b\": [\n\t\t\t1,\n\t\t\t\"c\"\n\t\t]\n\t},\n\t\"d\"\t:\t\"😀 x\", \"e\": \"ok\"\n}\n",
	"{\"a\": [\t\n\t]\t,\t\"b\": {\t}}",
	"{\"a\"\n: 1}",
	`{"` + strings.Repeat("k", 1100) + `": 1}`,
	`{"` + strings.Repeat("k", 990) + `": 1}`,
	`{"a": 1,}`,
	`{"a": 1} x`,
	`{"a": 01}`,
	`{"a": .5}`,
	`{"a": +1}`,
	`{"a": tru}`,
	`{"a": 1 2}`,
	`{"a": [1 2]}`,
	`{"<<": {"b": 1}}`,
	`{"a": "unterminated}`,
	`[1, 2]`,
	`"just a string"`,
	strings.Repeat(`{"a":`, 600) + `1` + strings.Repeat(`}`, 600),
	strings.Repeat(`{"a":`, 100) + `[` + strings.Repeat(`[`, 100) + strings.Repeat(`]`, 101) + strings.Repeat(`}`, 100),
	"{\"a\": \"x\x7fy\"}",
	"{\"a\": \"x\x01y\"}",
	"{\"a\": \"\xff\"}",
	"{\"a\": 1}\r",
	"{\"a\": \r 1}",
}

// TestParseJSONAgrees checks that every document the JSON fast path reads
// — the cases above, and every JSON file under testdata/ and the shared
// corpus — gives the tree yaml.v3 gives, field for field.
func TestParseJSONAgrees(t *testing.T) {
	docs := map[string][]byte{}
	for i, c := range jsonCases {
		docs[fmt.Sprintf("case %d", i)] = []byte(c)
	}
	for _, root := range []string{filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus")} {
		_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || filepath.Ext(p) != ".json" {
				return nil
			}
			if b, err := os.ReadFile(p); err == nil {
				docs[p] = b
			}
			return nil
		})
	}
	fast := 0
	for name, src := range docs {
		if checkJSON(t, name, src) {
			fast++
		}
	}
	if fast < 20 {
		t.Errorf("the fast path read only %d of %d documents", fast, len(docs))
	}
}

// checkJSON compares the fast path with yaml.v3 on src, and reports
// whether the fast path read it.
func checkJSON(t *testing.T, name string, src []byte) bool {
	t.Helper()
	got, ok := parseJSON(src)
	var want yaml.Node
	err := yaml.Unmarshal(src, &want)
	if !ok {
		return false
	}
	if err != nil {
		t.Errorf("%s: the fast path read it, yaml.v3 refuses it: %v", name, err)
		return true
	}
	if diff := nodeDiff(got, &want, "$"); diff != "" {
		t.Errorf("%s: %s", name, diff)
	}
	return true
}

func nodeDiff(a, b *yaml.Node, at string) string {
	switch {
	case a == nil && b == nil:
		return ""
	case a == nil || b == nil:
		return fmt.Sprintf("%s: %v vs %v", at, a, b)
	}
	type flat struct {
		Kind               yaml.Kind
		Style              yaml.Style
		Tag, Value, Anchor string
		Head, Line, Foot   string
		LineNo, Column, N  int
		Alias              bool
	}
	fa := flat{a.Kind, a.Style, a.Tag, a.Value, a.Anchor, a.HeadComment, a.LineComment, a.FootComment, a.Line, a.Column, len(a.Content), a.Alias != nil}
	fb := flat{b.Kind, b.Style, b.Tag, b.Value, b.Anchor, b.HeadComment, b.LineComment, b.FootComment, b.Line, b.Column, len(b.Content), b.Alias != nil}
	if fa != fb {
		return fmt.Sprintf("%s: fast %+v, yaml.v3 %+v", at, fa, fb)
	}
	if (a.Content == nil) != (b.Content == nil) {
		return fmt.Sprintf("%s: content nil %v vs %v", at, a.Content == nil, b.Content == nil)
	}
	for i := range a.Content {
		if d := nodeDiff(a.Content[i], b.Content[i], fmt.Sprintf("%s[%d]", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// FuzzParseJSON: whatever the fast path reads, yaml.v3 reads the same way.
func FuzzParseJSON(f *testing.F) {
	for _, c := range jsonCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkJSON(t, "input", src)
	})
}

// TestParseFallsBack checks that Parse gives yaml.v3's result and error
// for what the fast path leaves alone.
func TestParseFallsBack(t *testing.T) {
	for _, src := range []string{"a: 1\n", "{\"a\": 1,}", "{\"a\": \"x\\/y\"}", "[1, 2]", "{a: [1, 2], b: c}"} {
		var got, want yaml.Node
		gotErr, wantErr := Parse([]byte(src), &got), yaml.Unmarshal([]byte(src), &want)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%q: error %v, yaml.v3 %v", src, gotErr, wantErr)
		}
		if d := nodeDiff(&got, &want, "$"); d != "" {
			t.Errorf("%q: %s", src, d)
		}
	}
	var n yaml.Node
	if err := Parse([]byte(`{"a": [1, "b"]}`), &n); err != nil || n.Kind != yaml.DocumentNode || n.Content[0].Content[1].Content[1].Value != "b" {
		t.Errorf("Parse of a JSON document: %v, %+v", err, n)
	}
}
