package analyzer

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzAnalyzeFile runs the whole analyzer — loaders, Go rules, Rego
// policies — on one fuzzed file of each kind: no panic may escape, and no
// rule, policy or loader may fail (APIGW000).
func FuzzAnalyzeFile(f *testing.F) {
	// Every tenth file of the shared corpus too, when it is there.
	n := 0
	_ = filepath.WalkDir("../../shared/corpus", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch ext := filepath.Ext(p); ext {
		case ".yaml", ".json", ".tf", ".vtl":
			if n++; n%10 == 0 {
				if b, err := os.ReadFile(p); err == nil && len(b) < 1<<18 {
					f.Add(ext, b)
				}
			}
		}
		return nil
	})
	for _, glob := range []string{"../testdata/rules/*/*.yaml", "../testdata/rules/*/*.json", "../testdata/rules/*/terraform/*.tf", "../testdata/rules/*/*.vtl"} {
		paths, _ := filepath.Glob(glob)
		for i, p := range paths {
			if i%3 != 0 { // a sample keeps the seed corpus quick to replay
				continue
			}
			if b, err := os.ReadFile(p); err == nil {
				f.Add(filepath.Ext(p), b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, ext string, src []byte) {
		switch ext {
		case ".yaml", ".json", ".tf", ".vtl":
		default:
			ext = ".yaml"
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "input"+ext), src, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), Options{Paths: []string{dir}, WorkDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range res.Findings {
			if fd.RuleID == RuleInternal {
				t.Fatalf("internal error: %s", fd.Message)
			}
		}
	})
}
