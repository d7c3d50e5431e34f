package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUserPolicies(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	t.Run("the example policies' tests pass", func(t *testing.T) {
		var out, errOut bytes.Buffer
		if code := run([]string{"test", "examples/policies"}, &out, &errOut); code != exitOK {
			t.Fatalf("exit %d:\n%s%s", code, out.String(), errOut.String())
		}
		if !strings.Contains(out.String(), "7 passed, 0 failed") {
			t.Errorf("output:\n%s", out.String())
		}
	})
	t.Run("a user policy reports like a built-in one", func(t *testing.T) {
		var out, errOut bytes.Buffer
		run([]string{"--no-color", "--policy", "examples/policies", "examples/infra"}, &out, &errOut)
		if !strings.Contains(out.String(), `warning ACME001 stage "production" is not one of dev, staging, prod`) {
			t.Errorf("no ACME001 finding:\n%s%s", out.String(), errOut.String())
		}
	})
	bad := []struct {
		name, src, want string
	}{
		{"syntax error is positioned", "package apigw.rules.x.y\n\ndeny contains f if {\n\tf := \n}\n", "bad.rego:"},
		{"http.send is refused", "package apigw.rules.x.y\n\ndeny contains f if {\n\tf := http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})\n}\n", "http.send"},
		{"environment secrets are refused", "package apigw.rules.x.y\n\ndeny contains f if {\n\tf := opa.runtime().env\n}\n", "opa.runtime"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bad.rego"), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code := run([]string{"--policy", dir, "examples/infra"}, &out, &errOut)
			if code != exitError || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 naming %q", code, errOut.String(), tc.want)
			}
		})
	}
}

func TestInitWritesStarter(t *testing.T) {
	t.Chdir(t.TempDir())
	var out, errOut bytes.Buffer
	if code := run([]string{"init"}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if code := run([]string{"init"}, &out, &errOut); code != exitError {
		t.Errorf("a second init must not overwrite: exit %d", code)
	}
	if code := run([]string{"."}, &out, &errOut); code != exitOK {
		t.Errorf("lint with the starter config: exit %d: %s", code, errOut.String())
	}
}

func TestBadConfigIsUsageError(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(".apigw-lint.yaml", []byte("fail-on: error\ndisabel: [APIGW109]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"."}, &out, &errOut)
	if code != exitError || !strings.Contains(errOut.String(), "line 2: field disabel not found") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}
