package policies

import (
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
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
