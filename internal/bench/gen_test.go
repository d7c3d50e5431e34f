package bench_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/bench"
)

// TestPlantedDefectsFound lints a generated tree and compares every finding
// with the manifest: every planted defect is found (recall 100%), and the
// clean part of the tree gives no finding at all.
func TestPlantedDefectsFound(t *testing.T) {
	dir := t.TempDir()
	m, err := bench.Generate(dir, bench.Options{Stacks: 12, DefectEvery: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Defects) == 0 {
		t.Fatal("no defect planted")
	}
	res, err := analyzer.Run(context.Background(), analyzer.Options{Paths: []string{dir}, WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, d := range m.Defects {
		want = append(want, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Rule))
	}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		k := fmt.Sprintf("%s:%d %s", f.Range.Filename, f.Range.Start.Line, f.RuleID)
		if !seen[k] {
			got = append(got, k)
			seen[k] = true
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings differ from the manifest (-planted +found):\n%s", diff)
	}
	if res.Files != len(m.Files) {
		t.Errorf("linted %d files, generated %d", res.Files, len(m.Files))
	}
}

// TestGenerateIsDeterministic: the same options give the same tree.
func TestGenerateIsDeterministic(t *testing.T) {
	a, err := bench.Generate(t.TempDir(), bench.Options{Stacks: 5, DefectEvery: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := bench.Generate(t.TempDir(), bench.Options{Stacks: 5, DefectEvery: 2})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Error(diff)
	}
}

// TestWriteTree writes a generated tree and checks that its manifest is
// what is on disk: every file it lists, their total size, nothing else.
// With APIGW_BENCH_DIR set it writes the tree there (APIGW_BENCH_STACKS
// stacks, 1,000 by default), to profile the CLI on the trees the
// benchmarks use; else 10 stacks in a temporary directory.
func TestWriteTree(t *testing.T) {
	dir, stacks := os.Getenv("APIGW_BENCH_DIR"), 1000
	if dir == "" {
		dir, stacks = t.TempDir(), 10
	}
	if s := os.Getenv("APIGW_BENCH_STACKS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		stacks = n
	}
	m, err := bench.Generate(dir, bench.Options{Stacks: stacks, DefectEvery: 10, Operations: 20})
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		listed[filepath.ToSlash(f)] = true
	}
	var size int64
	err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !listed[filepath.ToSlash(rel)] {
			t.Errorf("%s is on disk but not in the manifest", rel)
		}
		delete(listed, filepath.ToSlash(rel))
		info, err := e.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed) > 0 || size != m.Bytes {
		t.Errorf("manifest: %d files missing on disk, %d bytes listed, %d on disk", len(listed), m.Bytes, size)
	}
	t.Logf("%d files, %d bytes in %s", len(m.Files), m.Bytes, dir)
}
