package policies

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// TestPolicies runs every _test.rego of the built-in policies through OPA's
// tester, as `opa test` would.
func TestPolicies(t *testing.T) {
	modules := map[string]*ast.Module{}
	err := fs.WalkDir(Builtin, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") {
			return err
		}
		b, err := fs.ReadFile(Builtin, path)
		if err != nil {
			return err
		}
		m, err := ast.ParseModuleWithOpts(path, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		modules[path] = m
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ch, err := tester.NewRunner().SetModules(modules).RunTests(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		if r.Error != nil || r.Fail {
			t.Errorf("%s.%s: fail=%v error=%v", r.Package, r.Name, r.Fail, r.Error)
		}
	}
	if n == 0 {
		t.Fatal("no policy test ran")
	}
}

func TestEngineCompilesAndDescribesEveryPolicy(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Rules()) == 0 {
		t.Fatal("no policy rule")
	}
	for _, r := range e.Rules() {
		if r.Title == "" || r.Name == "" || r.Doc == "" || !strings.HasPrefix(r.Doc, r.ID+" ") {
			t.Errorf("%s: incomplete metadata %+v", r.ID, r)
		}
	}
}

func TestSandboxRefusesNetwork(t *testing.T) {
	_, err := Compile(context.Background(), map[string]string{"x.rego": `package apigw.rules.x.y
deny contains f if { f := http.send({"method": "get", "url": "http://127.0.0.1"}) }`})
	if err == nil || !strings.Contains(err.Error(), "http.send") {
		t.Fatalf("want a compile error naming http.send, got %v", err)
	}
}

// TestRunawayPolicyIsCut checks that evaluation has a deadline: a policy
// that would take hours is stopped and reported as an error.
func TestRunawayPolicyIsCut(t *testing.T) {
	e, err := Compile(context.Background(), map[string]string{"slow.rego": `package apigw.rules.x.slow
deny contains f if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i * j == -1
	f := {"rule_id": "X", "severity": "error", "message": "", "range": {}}
}`})
	if err != nil {
		t.Fatal(err)
	}
	e.Timeout = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = e.Eval(ctx, &model.Project{})
	if err == nil {
		t.Fatal("a runaway policy finished without error")
	}
	if ctx.Err() != nil {
		t.Fatal("the engine's own deadline did not stop the policy")
	}
}

// TestInputMatchesJSON checks that the direct conversion of the model gives
// exactly the value its JSON form would: the input is the documented JSON.
func TestInputMatchesJSON(t *testing.T) {
	p := &model.Project{
		APIs: []*model.API{{ID: "a", Kind: "rest", Name: model.Lit("orders", model.Range{Filename: "x.tf", Start: model.Pos{Line: 1, Column: 2}}),
			Methods: []*model.Method{{ID: "m", Verb: "GET", Integration: &model.Integration{Type: model.Unknown("var.t", model.Range{}),
				Responses: []*model.IntegrationResponse{{ID: "r", Facts: &model.PatternFacts{Valid: true, StatusRanges: []string{"400-499"}}}}}}}}},
		Parameters: map[string]any{"throttle_max_rate": 10000.5},
	}
	direct, err := toValue(reflect.ValueOf(p))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	viaJSON, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if direct.Compare(viaJSON) != 0 {
		t.Errorf("direct conversion differs from JSON:\n%v\n%v", direct, viaJSON)
	}
}
