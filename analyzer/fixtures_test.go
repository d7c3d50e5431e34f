package analyzer_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/linttest"
	"github.com/apigw-lint/apigw-lint/internal/report"
)

const rulesDir = "../testdata/rules"

// TestRuleFixtures lints each testdata/rules/<ID> directory with every rule
// and policy, and checks the findings against the expectations written in
// the fixtures: every finding must be expected, every expectation met. One
// loop covers every rule, Go and Rego.
func TestRuleFixtures(t *testing.T) {
	entries, err := os.ReadDir(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(rulesDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			abs, err := filepath.Abs(dir)
			if err != nil {
				t.Fatal(err)
			}
			// The directory's rule runs, with every rule a fixture there
			// expects, and the loading diagnostics: as with analysistest,
			// a fixture speaks for the rules it names. (Hygiene rules such
			// as APIGW601 or APIGW701 would otherwise have to be expected
			// in every fixture of every other rule.)
			only, err := namedRules(abs, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			res, err := analyzer.Run(context.Background(), analyzer.Options{Paths: []string{abs}, WorkDir: abs, Only: only})
			if err != nil {
				t.Fatal(err)
			}
			// Suppressed findings are not reported: a fixture shows a
			// suppression working by expecting nothing on the line.
			linttest.Check(t, abs, report.Unsuppressed(res.Findings))
		})
	}
}

// TestEveryRuleHasFixtures checks that each rule has a fixture directory
// with a fixture that triggers it and one that must stay silent for it, and
// that no directory lacks a rule.
func TestEveryRuleHasFixtures(t *testing.T) {
	known := map[string]bool{}
	for _, r := range analyzer.AllRules(context.Background()) {
		known[r.ID] = true
		if r.ID == analyzer.RuleInternal || r.ID == "APIGW008" || r.ID == "APIGW002" || r.ID == analyzer.RuleTooLarge {
			continue // not reachable from a rule fixture: tested where they arise
		}
		dir := filepath.Join(rulesDir, r.ID)
		exps, err := linttest.Parse(dir)
		if err != nil {
			t.Errorf("%s: no fixtures: %v", r.ID, err)
			continue
		}
		triggered := map[string]bool{}
		for _, e := range exps {
			if strings.HasPrefix(e.Pattern.String(), r.ID) {
				triggered[e.File] = true
			}
		}
		if len(triggered) == 0 {
			t.Errorf("%s: no fixture expects a finding of the rule", r.ID)
		}
		silent := 0
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasSuffix(path, ".want") {
				rel, _ := filepath.Rel(dir, path)
				if !triggered[filepath.ToSlash(rel)] {
					silent++
				}
			}
			return nil
		})
		if silent == 0 {
			t.Errorf("%s: no fixture that must stay silent for the rule", r.ID)
		}
	}
	entries, _ := os.ReadDir(rulesDir)
	for _, e := range entries {
		if e.IsDir() && !known[e.Name()] {
			t.Errorf("testdata/rules/%s names no rule", e.Name())
		}
	}
}

var ruleIDPrefix = regexp.MustCompile(`^\^?(APIGW\d{3})`)

// namedRules returns the directory's rule and every rule its fixtures
// expect.
func namedRules(dir, id string) (map[string]bool, error) {
	exps, err := linttest.Parse(dir)
	if err != nil {
		return nil, err
	}
	only := map[string]bool{id: true}
	for _, e := range exps {
		if m := ruleIDPrefix.FindStringSubmatch(e.Pattern.String()); m != nil {
			only[m[1]] = true
		}
	}
	return only, nil
}
