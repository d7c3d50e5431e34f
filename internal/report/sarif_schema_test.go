package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// The SARIF 2.1.0 schema in testdata/report/sarif-schema-2.1.0.json is the
// OASIS errata 01 schema (its "id" is
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json).
// It was copied verbatim from the Go module
// github.com/owenrumney/go-sarif/v3@v3.3.1, file pkg/report/v210/sarif/schema.go
// (the raw-string constant `schema`), since this machine cannot download it.
// sha256 of the vendored file:
// c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e.
const sarifSchemaFile = "sarif-schema-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, sarifSchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaURI)
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return sch
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	bare := Input{
		ToolName: "apigw-lint",
		Rules:    []model.RuleInfo{{ID: "APIGW999", Severity: model.SeverityNote}},
		Findings: []model.Finding{
			{RuleID: "APIGW999", Severity: model.SeverityNote, Message: "", Range: rng("a:b/x y.tf", 3, 0, 0, 0)},
			{RuleID: "APIGW000", Severity: model.SeverityError, Message: "internal error", Range: model.Range{Filename: "z.tf"}},
		},
	}
	for _, tc := range []struct {
		name string
		in   Input
	}{
		{"fixture", fixture()},
		{"empty run", Input{ToolName: "apigw-lint"}},
		{"bare rule, unknown rule, missing positions", bare},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", tc.in)))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("SARIF output does not validate:\n%v", err)
			}
		})
	}
}

// TestSARIFSchemaRejects makes sure the schema check is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := compileSARIFSchema(t)
	for _, tc := range []struct{ name, old, new string }{
		{"bad level", `"level": "error"`, `"level": "fatal"`},
		{"driver without name", `"name": "apigw-lint"`, `"title": "apigw-lint"`},
		{"start line 0", `"startLine": 12`, `"startLine": 0`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := string(render(t, "sarif", fixture()))
			if !strings.Contains(out, tc.old) {
				t.Fatalf("fixture SARIF lacks %s", tc.old)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out, tc.old, tc.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err == nil {
				t.Errorf("SARIF with %s validates", tc.new)
			}
		})
	}
}

// TestSARIFMultitool runs Microsoft's SARIF validator, which checks far more
// than the schema (the rules GitHub code scanning also applies), over the
// fixture's SARIF. It needs npx and the npm registry, so it runs only when
// APIGW_SARIF_MULTITOOL=1. The npm package @microsoft/sarif-multitool pulls
// in @microsoft/sarif-multitool-linux, a self-contained .NET binary: no dotnet
// install is needed.
func TestSARIFMultitool(t *testing.T) {
	if os.Getenv("APIGW_SARIF_MULTITOOL") != "1" {
		t.Skip("set APIGW_SARIF_MULTITOOL=1 to validate with npx @microsoft/sarif-multitool")
	}
	npx, err := exec.LookPath("npx")
	if err != nil {
		t.Fatalf("APIGW_SARIF_MULTITOOL=1 but npx is not on PATH: %v", err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "apigw-lint.sarif")
	if err := os.WriteFile(in, render(t, "sarif", fixture()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "validation.sarif")
	cmd := exec.Command(npx, "--yes", "@microsoft/sarif-multitool", "validate", in, "--output", out)
	cmd.Dir = dir
	combined, err := cmd.CombinedOutput()
	t.Logf("sarif-multitool validate:\n%s", combined)
	if err != nil {
		t.Fatalf("sarif-multitool validate: %v", err)
	}
	// The tool exits 0 even when it finds errors: read its own SARIF log,
	// and fail on every error and warning in it.
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(raw, &log); err != nil {
		t.Fatalf("read sarif-multitool output: %v", err)
	}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			// A result without a level is a warning (SARIF §3.27.10).
			if r.Level == "" || r.Level == "error" || r.Level == "warning" {
				t.Errorf("sarif-multitool %s %s (%s): %q", r.Level, r.RuleID, r.Message.ID, r.Message.Arguments)
			}
		}
	}
}

// TestEndToEndSARIFValidates validates the SARIF that the whole pipeline
// wrote for testdata/golden (cmd/apigw-lint's golden test keeps it current).
func TestEndToEndSARIFValidates(t *testing.T) {
	sch := compileSARIFSchema(t)
	b, err := os.ReadFile("../../testdata/report/e2e.sarif")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("e2e.sarif does not validate:\n%v", err)
	}
}
