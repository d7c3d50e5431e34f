package analyzer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// export has three APIGW101 findings, on lines 12, 14 and 17.
const export = `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: ok}
      x-amazon-apigateway-integration:
        type: http
        uri: https://example.com
        httpMethod: GET
        responses:
          "4\\d{2": {statusCode: "200"} # apigw-lint:ignore APIGW101 -- the backend never returns 4xx
          # apigw-lint:ignore APIGW101
          "5\\d{2": {statusCode: "200"}
          # apigw-lint:ignore APIGW101,APIGW102 -- accepted
          "2\\d{2": {statusCode: "200"}
          # apigw-lint:ignore APIGW105 -- nothing to suppress here
          default: {statusCode: "200"}
`

func lintDir(t *testing.T, files map[string]string, opts analyzer.Options) *analyzer.Result {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opts.Paths, opts.WorkDir = []string{dir}, dir
	res, err := analyzer.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

type outcome struct {
	Line       int
	Rule       string
	Severity   string
	Suppressed string
}

func outcomes(res *analyzer.Result) []outcome {
	var out []outcome
	for _, f := range res.Findings {
		o := outcome{Line: int(f.Range.Start.Line), Rule: f.RuleID, Severity: f.Severity.String()}
		if f.Suppression != nil {
			o.Suppressed = f.Suppression.Kind + ": " + f.Suppression.Justification
		}
		out = append(out, o)
	}
	return out
}

func TestInlineSuppressions(t *testing.T) {
	res := lintDir(t, map[string]string{"api.yaml": export}, analyzer.Options{})
	want := []outcome{
		{13, "APIGW101", "error", "inSource: the backend never returns 4xx"},
		{14, "APIGW003", "warning", ""}, // no reason: suppresses nothing
		{15, "APIGW101", "error", ""},
		// The comment on line 16 suppresses APIGW101 on line 17, so it
		// counts as used although it also names APIGW102.
		{17, "APIGW101", "error", "inSource: accepted"},
		{18, "APIGW003", "note", ""}, // suppresses nothing
	}
	got := outcomes(res)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

func TestConfigIgnoreDisableSeverity(t *testing.T) {
	body := strings.ReplaceAll(export, "# apigw-lint:ignore", "# not a suppression:")
	cfg, err := config.Parse("/x/.apigw-lint.yaml", []byte("ignore:\n  - rule: APIGW101\n    paths: [\"legacy/*.yaml\"]\n    reason: legacy export\nseverity: {APIGW101: warning}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = "" // globs relative to the working directory
	res := lintDir(t, map[string]string{"legacy/api.yaml": body, "api.yaml": body}, analyzer.Options{Config: cfg})
	var legacySuppressed, otherWarnings int
	for _, f := range res.Findings {
		if f.RuleID != "APIGW101" {
			continue
		}
		if f.Severity != model.SeverityWarning {
			t.Errorf("severity override not applied: %v", f)
		}
		if strings.HasPrefix(f.Range.Filename, "legacy/") {
			if f.Suppression == nil || f.Suppression.Kind != model.SuppressionExternal {
				t.Errorf("config ignore not applied: %v", f)
			}
			legacySuppressed++
		} else if f.Suppression == nil {
			otherWarnings++
		}
	}
	if legacySuppressed != 3 || otherWarnings != 3 {
		t.Errorf("legacy suppressed %d, other reported %d; want 3 and 3", legacySuppressed, otherWarnings)
	}
	cfg.Disable = []string{"APIGW101"}
	res = lintDir(t, map[string]string{"api.yaml": body}, analyzer.Options{Config: cfg})
	for _, f := range res.Findings {
		if f.RuleID == "APIGW101" {
			t.Errorf("disabled rule reported: %v", f)
		}
	}
}

func TestBaselineReportsOnlyNewFindings(t *testing.T) {
	body := strings.ReplaceAll(export, "# apigw-lint:ignore", "# not a suppression:")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(base *analyzer.Baseline) *analyzer.Result {
		res, err := analyzer.Run(context.Background(), analyzer.Options{Paths: []string{dir}, WorkDir: dir, Baseline: base})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	var buf bytes.Buffer
	if err := analyzer.WriteBaseline(&buf, run(nil).Findings); err != nil {
		t.Fatal(err)
	}
	basePath := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(basePath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Move every line down and add a new defect: only the new one is reported.
	moved := strings.Replace(body, "paths:\n", "# a comment moves every line\npaths:\n", 1)
	moved = strings.Replace(moved, `default: {statusCode: "200"}`, `default: {statusCode: "200"}`+"\n          \"(4\": {statusCode: \"200\"}", 1)
	if err := os.WriteFile(filepath.Join(dir, "api.yaml"), []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := analyzer.ReadBaseline(basePath)
	if err != nil {
		t.Fatal(err)
	}
	var reported []string
	for _, f := range run(base).Findings {
		if f.Suppression == nil {
			reported = append(reported, f.RuleID+" "+f.Message[:30])
		}
	}
	if len(reported) != 1 || !strings.Contains(reported[0], `"(4"`) {
		t.Errorf("with the baseline, want only the new finding; got %q", reported)
	}
}
