package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/apigw-lint/apigw-lint/analyzer"
)

// TestRuleDocsUpToDate fails when docs/rules differs from what the rules'
// documentation generates: run `go run ./cmd/apigw-lint docs docs/rules`.
func TestRuleDocsUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "rules")
	pages := rulePages(analyzer.AllRules(context.Background()))
	var names []string
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, pages[name]) {
			t.Errorf("docs/rules/%s is out of date; run `go run ./cmd/apigw-lint docs docs/rules`", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if _, ok := pages[e.Name()]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule; remove it", e.Name())
		}
	}
}
