package linttest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func finding(file string, line int, id, msg string) model.Finding {
	return model.Finding{RuleID: id, Message: msg, Severity: model.SeverityError,
		Range: model.Range{Filename: file, Start: model.Pos{Line: int32(line), Column: 1}}}
}

func TestParseAndCompare(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.yaml", "x: 1 # want \"APIGW101\"\n## want +2 \"APIGW201: .*unclosed\" \"APIGW204\"\ny: 2\nz: 3\n")
	write("b.tf", "a = 1 // want \"APIGW1\\\\d\\\\d\"\n")
	write("c.json", "{\n\"a\": 1\n}\n")
	write("c.json.want", "# comment\n2 \"APIGW007\"\n")
	exps, err := Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(exps) != 5 {
		t.Fatalf("got %d expectations, want 5", len(exps))
	}
	tests := []struct {
		name     string
		findings []model.Finding
		want     []string
	}{
		{
			name: "every expectation met",
			findings: []model.Finding{
				finding("a.yaml", 1, "APIGW101", "bad"),
				finding("a.yaml", 4, "APIGW201", "unclosed #if"),
				finding("a.yaml", 4, "APIGW204", "undefined"),
				finding("b.tf", 1, "APIGW105", "overlap"),
				finding("c.json", 2, "APIGW007", "not valid"),
			},
		},
		{
			name: "missing and unexpected are both reported",
			findings: []model.Finding{
				finding("a.yaml", 1, "APIGW101", "bad"),
				finding("a.yaml", 3, "APIGW201", "unclosed #if"),
				finding("a.yaml", 4, "APIGW204", "undefined"),
				finding("b.tf", 1, "APIGW105", "overlap"),
				finding("c.json", 2, "APIGW007", "not valid"),
			},
			want: []string{
				"a.yaml:3:1: unexpected finding APIGW201: unclosed #if",
				`a.yaml:4: missing finding matching "APIGW201: .*unclosed"`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fresh, _ := Parse(dir)
			if diff := cmp.Diff(tc.want, Compare(fresh, tc.findings)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
