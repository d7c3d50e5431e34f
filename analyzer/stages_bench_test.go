package analyzer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/bench"
	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/report"
)

// trees caches generated trees across benchmarks of one process.
var (
	treesMu sync.Mutex
	trees   = map[int]string{}
)

// benchTree generates (once) a tree of n API stacks, with defects in every
// tenth, in a directory that outlives the benchmark function.
func benchTree(b *testing.B, n int) string {
	b.Helper()
	treesMu.Lock()
	defer treesMu.Unlock()
	if dir, ok := trees[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("apigw-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := bench.Generate(dir, bench.Options{Stacks: n, DefectEvery: 10, Operations: 20}); err != nil {
		b.Fatal(err)
	}
	trees[n] = dir
	return dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range trees {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// BenchmarkEndToEnd lints generated trees of 10, 100 and 1,000 API stacks
// (3 files each: an OpenAPI export, a Terraform module, a template) with
// every rule and policy, as `apigw-lint DIR` does, report included.
func BenchmarkEndToEnd(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("stacks=%d", n), func(b *testing.B) {
			dir := benchTree(b, n)
			ctx := context.Background()
			if _, err := policyEngine(ctx, nil); err != nil { // compiled once per process, as in the CLI
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir})
				if err != nil {
					b.Fatal(err)
				}
				var out bytes.Buffer
				if err := report.Text(&out, report.Input{Findings: res.Findings, FilesScanned: res.Files}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(3*n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

// BenchmarkStages times each stage of the pipeline on the 100-stack tree.
func BenchmarkStages(b *testing.B) {
	dir := benchTree(b, 100)
	ctx := context.Background()
	cfg := config.Default()
	engine, err := policyEngine(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	in, err := discover([]string{dir}, dir, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("discover", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := discover([]string{dir}, dir, cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("load/openapi", func(b *testing.B) {
		b.ReportAllocs()
		only := &input{docs: in.docs, roots: in.roots}
		for b.Loop() {
			load(only, newSources(dir), Options{}, runtime.GOMAXPROCS(0))
		}
	})
	b.Run("load/terraform", func(b *testing.B) {
		b.ReportAllocs()
		only := &input{tfDirs: in.tfDirs, roots: in.roots}
		for b.Loop() {
			load(only, newSources(dir), Options{}, runtime.GOMAXPROCS(0))
		}
	})
	project := load(in, newSources(dir), Options{}, runtime.GOMAXPROCS(0))
	b.Run("rules/go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			check(ctx, project, nil, nil, time.Now(), cfg.Params)
		}
	})
	b.Run("rules/rego", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := engine.Eval(ctx, project); err != nil {
				b.Fatal(err)
			}
		}
	})
	res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range report.Formats {
		b.Run("report/"+format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var out bytes.Buffer
				if err := report.Write(&out, format, report.Input{Findings: res.Findings, Rules: res.Rules, FilesScanned: res.Files, Sources: func(n string) []byte {
					s, _ := os.ReadFile(filepath.Join(dir, n))
					return s
				}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
