package analyzer

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJobsDoNotChangeFindings runs the examples with one worker and with
// many: the bound on parallel loaders and rules changes nothing reported.
func TestJobsDoNotChangeFindings(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "examples", "infra"))
	if err != nil {
		t.Fatal(err)
	}
	var runs [][]string
	for _, jobs := range []int{1, 8} {
		res, err := Run(context.Background(), Options{Paths: []string{dir}, WorkDir: dir, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.RuleID+" "+f.Range.String()+" "+f.Fingerprint)
		}
		runs = append(runs, got)
	}
	if len(runs[0]) == 0 {
		t.Fatal("no findings on the examples")
	}
	if diff := cmp.Diff(runs[0], runs[1]); diff != "" {
		t.Errorf("--jobs 1 and --jobs 8 differ:\n%s", diff)
	}
}
