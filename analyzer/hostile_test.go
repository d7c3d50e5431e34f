package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/rules"
)

// runBounded lints dir and fails the test if that does not finish within a
// deadline: hostile input must not hang the linter.
func runBounded(t *testing.T, dir string) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	type out struct {
		res *Result
		err error
	}
	done := make(chan out, 1)
	go func() {
		res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir})
		done <- out{res, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			t.Fatal(o.err)
		}
		return o.res
	case <-ctx.Done():
		t.Fatal("the run did not finish before the deadline")
	}
	return nil
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func rulesOf(res *Result) map[string]int {
	m := map[string]int{}
	for _, f := range res.Findings {
		m[f.RuleID]++
	}
	return m
}

func TestHostileInput(t *testing.T) {
	t.Run("a file over the size cap is reported, not loaded", func(t *testing.T) {
		old := MaxFileSize
		MaxFileSize = 1 << 10
		defer func() { MaxFileSize = old }()
		dir := t.TempDir()
		write(t, dir, "big.yaml", "openapi: 3.0.1\n"+strings.Repeat("# padding\n", 200))
		write(t, dir, "ok.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
		if got := rulesOf(runBounded(t, dir)); got[RuleTooLarge] != 1 {
			t.Errorf("findings %v, want one %s", got, RuleTooLarge)
		}
	})
	t.Run("a YAML alias bomb finishes", func(t *testing.T) {
		dir := t.TempDir()
		var b strings.Builder
		b.WriteString("openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
		for i := 1; i < 12; i++ {
			b.WriteString("  a" + strconv.Itoa(i) + ": &a" + strconv.Itoa(i) + " [")
			for j := range 10 {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString("*a" + strconv.Itoa(i-1))
			}
			b.WriteString("]\n")
		}
		b.WriteString("paths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, responses: {default: {statusCode: '200', x-bomb: *a11}}}\n")
		write(t, dir, "bomb.yaml", b.String())
		runBounded(t, dir)
	})
	t.Run("deep nesting is an error, not a crash", func(t *testing.T) {
		dir := t.TempDir()
		write(t, dir, "deep.json", `{"openapi": "3.0.1", "paths": `+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"}")
		runBounded(t, dir)
	})
	t.Run("binary garbage and empty files are skipped", func(t *testing.T) {
		dir := t.TempDir()
		write(t, dir, "empty.yaml", "")
		write(t, dir, "garbage.json", "\x00\xff\xfe openapi: \x01")
		write(t, dir, "x.tf", "resource \"aws_api_gateway_rest_api\" \"x\" {\n  name = \"\x00\"\n")
		write(t, dir, "t.vtl", "#if(\n#foreach(")
		runBounded(t, dir)
	})
}

// TestPanickingRuleBecomesFinding checks that a rule's panic is reported as
// APIGW000 naming the rule, and does not stop the run.
func TestPanickingRuleBecomesFinding(t *testing.T) {
	r := &rules.Rule{ID: "APIGW999", Name: "panics", Severity: model.SeverityError, Check: func(*rules.Pass) error {
		panic("boom: a programmer error")
	}}
	got := runRule(&rules.Pass{Rule: r, Project: &model.Project{}, Patterns: rules.NewPatterns()})
	if len(got) != 1 || got[0].RuleID != RuleInternal || !strings.Contains(got[0].Message, "APIGW999") {
		t.Fatalf("findings = %+v, want one %s naming APIGW999", got, RuleInternal)
	}
}
