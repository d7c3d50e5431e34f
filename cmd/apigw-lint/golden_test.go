package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGoldenReports lints testdata/golden end to end and compares each
// output format with its golden file, byte for byte: same input, same bytes.
func TestGoldenReports(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"--no-color", "--format", format, "testdata/golden"}, &stdout, &stderr); code != exitFindings {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			golden := filepath.Join("testdata", "report", "e2e."+format)
			if *update {
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(want, stdout.Bytes()) {
				t.Errorf("%s report differs from %s (run with -update after checking):\n%s", format, golden, stdout.String())
			}
			var again bytes.Buffer
			run([]string{"--no-color", "--format", format, "testdata/golden"}, &again, &stderr)
			if !bytes.Equal(again.Bytes(), stdout.Bytes()) {
				t.Error("two runs gave different bytes")
			}
		})
	}
}
