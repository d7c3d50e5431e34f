package terraform

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadModule loads one main.tf of fuzzed text: the loader must not panic
// (LoadModule turns a panic into an APIGW000 diagnostic, which this test
// treats as a failure) and must not read outside its directory.
func FuzzLoadModule(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/terraform/*/*.tf")
	more, _ := filepath.Glob("../../testdata/rules/*/terraform/*.tf")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("resource \"aws_api_gateway_rest_api\" \"x\" {\n  body = file(\"../../etc/passwd\")\n  count = 5000\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		frag := LoadModule(dir, Options{Roots: []string{dir}})
		for _, d := range frag.Diagnostics {
			if d.RuleID == DiagInternal {
				t.Fatalf("internal error: %s", d.Message)
			}
		}
	})
}
