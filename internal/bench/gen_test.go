package bench_test

import (
	"context"
	"fmt"
	"os"
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

// TestWriteTree writes a generated tree where APIGW_BENCH_DIR says (with
// APIGW_BENCH_STACKS stacks, 1,000 by default), for profiling the CLI on
// the trees the benchmarks use; without the variable it is skipped.
func TestWriteTree(t *testing.T) {
	dir := os.Getenv("APIGW_BENCH_DIR")
	if dir == "" {
		t.Skip("APIGW_BENCH_DIR is not set")
	}
	stacks := 1000
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
	t.Logf("%d files, %d bytes in %s", len(m.Files), m.Bytes, dir)
}
