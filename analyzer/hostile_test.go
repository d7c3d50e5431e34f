package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/policies"
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
	t.Run("a YAML alias bomb is reported, not loaded", func(t *testing.T) {
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
		// The same bomb in a CloudFormation template.
		write(t, dir, "template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: x\n"+
			strings.Replace(strings.Replace(b.String(), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-bomb:", "Metadata:", 1), "paths:", "Outputs:", 1))
		res := runBounded(t, dir)
		if got := rulesOf(res); got[RuleTooLarge] != 2 {
			t.Errorf("findings %v, want two %s (the export and the template)", got, RuleTooLarge)
		}
		firstAlias := map[string]int32{"bomb.yaml": 5, "template.yaml": 9}
		for _, f := range res.Findings {
			if want := firstAlias[filepath.Base(f.Range.Filename)]; f.RuleID == RuleTooLarge && f.Range.Start.Line != want {
				t.Errorf("%s at line %d, want the first alias (line %d)", f.Range.Filename, f.Range.Start.Line, want)
			}
		}
	})
	t.Run("deep nesting is reported, not loaded", func(t *testing.T) {
		dir := t.TempDir()
		write(t, dir, "deep.json", `{"openapi": "3.0.1", "paths": `+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"}")
		write(t, dir, "deep.yaml", "openapi: 3.0.1\npaths:\n  x: "+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+"\n")
		// Under the parser's cap, over ours.
		write(t, dir, "nested.yaml", "openapi: 3.0.1\npaths:\n  x: "+strings.Repeat("[", 2000)+strings.Repeat("]", 2000)+"\n")
		if got := rulesOf(runBounded(t, dir)); got[RuleTooLarge] != 3 || len(got) != 1 {
			t.Errorf("findings %v, want three %s", got, RuleTooLarge)
		}
	})
	t.Run("symbolic links: loops and dangling links reported, nothing read outside the roots", func(t *testing.T) {
		dir, outside := t.TempDir(), t.TempDir()
		write(t, outside, "secret.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
		write(t, dir, "api.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
		write(t, outside, "shared.tf", "locals {\n  x = 1\n}\n")
		for _, l := range [][2]string{
			{"self", "self"},              // a loop
			{"gone.yaml", "missing.yaml"}, // dangling
			{"up", "."},                   // a directory loop
			{"alias.yaml", "api.yaml"},    // a second name inside the root
			{"out.yaml", filepath.Join(outside, "secret.yaml")}, // leaves the root
			{"outdir", outside},
			{"shared.tf", filepath.Join(outside, "shared.tf")}, // a module file from elsewhere
			{"gone.tf", "missing.tf"},
		} {
			if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
				t.Skip("no symbolic links here:", err)
			}
		}
		res := runBounded(t, dir)
		byFile := map[string]string{}
		for _, f := range res.Findings {
			byFile[filepath.Base(f.Range.Filename)] += f.RuleID + " "
		}
		// The Terraform loader reports the linked module file, once.
		want := map[string]string{"self": "APIGW001 ", "gone.yaml": "APIGW001 ", "out.yaml": "APIGW002 ", "outdir": "APIGW002 ",
			"shared.tf": "APIGW002 ", "gone.tf": "APIGW001 "}
		for file, rules := range want {
			if byFile[file] != rules {
				t.Errorf("%s: findings %q, want %q", file, byFile[file], rules)
			}
		}
		if res.Files != 3 {
			t.Errorf("%d files linted, want 3 (api.yaml once, and the module's two .tf names)", res.Files)
		}
		for _, f := range res.Findings {
			if strings.Contains(f.Range.Filename, "secret") {
				t.Errorf("a file outside the root was read: %v", f)
			}
		}
	})
	t.Run("an unreadable file and directory are positioned APIGW001 findings", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("permissions do not stop root")
		}
		dir := t.TempDir()
		write(t, dir, "locked.yaml", "openapi: 3.0.1\npaths: {}\n")
		if err := os.Mkdir(filepath.Join(dir, "closed"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "closed"), "api.yaml", "openapi: 3.0.1\npaths: {}\n")
		for _, p := range []string{"locked.yaml", "closed"} {
			if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = os.Chmod(filepath.Join(dir, p), 0o755) }() // for TempDir's cleanup
		}
		res := runBounded(t, dir)
		found := map[string]bool{}
		for _, f := range res.Findings {
			if f.RuleID == "APIGW001" && f.Range.Start.Line == 1 {
				found[filepath.Base(f.Range.Filename)] = true
			}
		}
		if !found["locked.yaml"] || !found["closed"] {
			t.Errorf("APIGW001 findings for %v, want locked.yaml and closed", found)
		}
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

// TestFailuresDoNotStopTheRun runs the Go rules and the policies over the
// examples with a rule that panics and a policy that fails at evaluation:
// each becomes one APIGW000 naming it, and every other rule's and policy's
// findings are still reported.
func TestFailuresDoNotStopTheRun(t *testing.T) {
	ctx := context.Background()
	dir, err := filepath.Abs(filepath.Join("..", "examples", "infra"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := discover([]string{dir}, dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	loadProject := func() *model.Project {
		p, _, _ := load(in, newSources(dir), Options{}, 2)
		return p
	}
	engine, err := policyEngine(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := rulesOf(&Result{Findings: check(ctx, loadProject(), engine, nil, time.Now(), config.Default().Params, 2)})
	if len(want) < 5 {
		t.Fatalf("only %v on the examples", want)
	}

	panicking := &rules.Rule{ID: "APIGW999", Name: "panics", Severity: model.SeverityError, Check: func(p *rules.Pass) error {
		_ = p.Project.APIs[len(p.Project.APIs)+1] // a programmer error: index out of range
		return nil
	}}
	srcs, err := policies.Modules(policies.Builtin)
	if err != nil {
		t.Fatal(err)
	}
	srcs["failing.rego"] = "package apigw.rules.test.failing\n\ndeny contains x if {\n\tsome api in input.apis\n\tx := to_number(api.id)\n}\n"
	failing, err := policies.Compile(ctx, srcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		rules   []*rules.Rule
		engine  *policies.Engine
		failing string
	}{
		{"a panicking rule", append(rules.All(), panicking), engine, "APIGW999"},
		{"a failing policy", rules.All(), failing, "apigw.rules.test.failing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, time.Minute)
			defer cancel()
			got := checkRules(ctx, tc.rules, loadProject(), tc.engine, nil, time.Now(), config.Default().Params, 2)
			counts := rulesOf(&Result{Findings: got})
			if counts[RuleInternal] != 1 {
				t.Fatalf("%d %s findings, want 1", counts[RuleInternal], RuleInternal)
			}
			for _, f := range got {
				if f.RuleID == RuleInternal && !strings.Contains(f.Message, tc.failing) {
					t.Errorf("%s does not name %s: %s", RuleInternal, tc.failing, f.Message)
				}
			}
			for id, n := range want {
				if counts[id] != n {
					t.Errorf("%s: %d findings, want %d as without the failure", id, counts[id], n)
				}
			}
		})
	}
}
