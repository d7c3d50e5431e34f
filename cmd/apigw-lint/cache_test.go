package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestMain keeps the commands' tests off the user's cache: each test
// process gets a cache directory of its own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "apigw-lint-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("APIGW_LINT_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestCacheFlags checks that a second run is served from the cache with the
// same report, and that --no-cache neither reads nor writes it.
func TestCacheFlags(t *testing.T) {
	cache := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		cmd := newRootCmd(&out, &errOut)
		cmd.SetArgs(args)
		_ = cmd.Execute() // findings exit 1
		if errOut.Len() > 0 {
			t.Fatalf("stderr: %s", errOut.String())
		}
		return out.String()
	}
	entries := func() int {
		m, _ := filepath.Glob(filepath.Join(cache, "runs", "*", "*.entry"))
		return len(m)
	}
	base := []string{"--no-color", "--format", "sarif", "../../examples/infra"}
	uncached := run(append([]string{"--no-cache", "--cache-dir", cache}, base...)...)
	if entries() != 0 {
		t.Fatal("--no-cache wrote the cache")
	}
	cold := run(append([]string{"--cache-dir", cache}, base...)...)
	if entries() != 1 {
		t.Fatalf("%d entries after a cached run, want 1", entries())
	}
	warm := run(append([]string{"--cache-dir", cache}, base...)...)
	if cold != uncached || warm != cold {
		t.Error("the reports of uncached, cold and warm runs differ")
	}
}
