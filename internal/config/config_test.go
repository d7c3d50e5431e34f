package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // substring of the error
	}{
		{"unknown key names the key and line", "fail-on: error\ndisabel: [APIGW109]\n", "line 2: field disabel not found"},
		{"wrong type names the line", "exclude: 3\n", "line 1: cannot unmarshal !!int `3` into []string"},
		{"bad severity", "severity:\n  APIGW103: fatal\n", `c.yaml:2: severity.APIGW103: unknown severity "fatal"`},
		{"bad rule ID", "disable: [foo]\n", `"foo" is not a rule ID`},
		{"ignore without reason", "ignore:\n  - rule: APIGW112\n    paths: [\"x/*.json\"]\n", "ignore[0] needs a reason"},
		{"bad glob", "exclude: [\"a/[\"]\n", "not a valid glob"},
		{"unknown parameter", "parameters:\n  max-rate: 3\n", "line 2: field max-rate not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	c, err := Parse("/repo/.apigw-lint.yaml", []byte("disable: [APIGW109]\nseverity: {APIGW103: error}\nexclude: [legacy]\nignore:\n  - rule: APIGW112\n    paths: [\"vendor/**/*.json\"]\n    reason: vendored\nparameters:\n  throttle-max-rate: 2000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"APIGW109"}, c.Disable); diff != "" {
		t.Error(diff)
	}
	if c.Params.ThrottleMaxRate != 2000 || c.Params.CertificateExpiryDays != 30 {
		t.Errorf("params = %+v: set values override, others keep their defaults", c.Params)
	}
	if !c.Excluded("legacy/api.yaml", "/repo/legacy/api.yaml") || c.Excluded("api.yaml", "/repo/api.yaml") {
		t.Error("exclude of a directory must cover what is below it, and nothing else")
	}
	if r, ok := c.Ignored("APIGW112", "vendor/a/b.json", "/repo/vendor/a/b.json"); !ok || r != "vendored" {
		t.Errorf("Ignored = %q, %v", r, ok)
	}
	if _, ok := c.Ignored("APIGW101", "vendor/a/b.json", "/repo/vendor/a/b.json"); ok {
		t.Error("an ignore is for its rule only")
	}
}

func TestEmptyAndStarterParse(t *testing.T) {
	if _, err := Parse("c.yaml", nil); err != nil {
		t.Errorf("empty file: %v", err)
	}
	if _, err := Parse("c.yaml", []byte(Starter)); err != nil {
		t.Errorf("the starter file must parse: %v", err)
	}
}

func TestFindWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, ".apigw-lint.yaml")
	if err := os.WriteFile(want, []byte("fail-on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, ok := Find(deep)
	if !ok || got != want {
		t.Errorf("Find = %q, %v; want %q", got, ok, want)
	}
}
