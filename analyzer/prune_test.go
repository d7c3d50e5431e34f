package analyzer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/internal/bench"
	"github.com/apigw-lint/apigw-lint/policies"
)

// testTrees returns the trees the differential tests lint, as absolute
// paths: every rule fixture directory, the examples, the Terraform,
// CloudFormation and golden test trees, a generated tree of stacks stacks
// with defects in every other one, and the shared corpus when it is there.
func testTrees(t *testing.T, stacks int) []string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*"))
	dirs = append(dirs, filepath.Join("..", "examples"), filepath.Join("..", "testdata", "terraform"),
		filepath.Join("..", "testdata", "cloudformation"), filepath.Join("..", "testdata", "golden"))
	gen := t.TempDir()
	if _, err := bench.Generate(gen, bench.Options{Stacks: stacks, DefectEvery: 2, Operations: 6}); err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, gen)
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "corpus")); err == nil {
		dirs = append(dirs, filepath.Join("..", "..", "shared", "corpus"))
	}
	for i, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			t.Fatal(err)
		}
		dirs[i] = abs
	}
	return dirs
}

// TestPrunedInputKeepsFindings evaluates the built-in policies over the
// model of every rule fixture, the examples, the Terraform and
// CloudFormation test trees, a generated tree with planted defects and the
// shared corpus (when present), once with the input the engine builds when
// only built-in policies are loaded (without the parts no built-in policy
// reads) and once with the whole model: the findings must be the same.
func TestPrunedInputKeepsFindings(t *testing.T) {
	ctx := context.Background()
	engine, err := policies.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, dir := range testTrees(t, 20) {
		res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		engine.FullInput = false
		pruned, err := engine.Eval(ctx, res.Project)
		if err != nil {
			t.Fatal(err)
		}
		engine.FullInput = true
		full, err := engine.Eval(ctx, res.Project)
		if err != nil {
			t.Fatal(err)
		}
		total += len(full)
		if diff := cmp.Diff(full, pruned); diff != "" {
			t.Errorf("%s: the built-in policies report differently on the pruned input (-full +pruned):\n%s", dir, diff)
		}
	}
	if total < 100 {
		t.Fatalf("only %d policy findings in all: the comparison proves little", total)
	}
}
