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
	project, _, _ := load(in, newSources(dir), Options{}, runtime.GOMAXPROCS(0))
	b.Run("rules/go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			check(ctx, project, nil, nil, time.Now(), cfg.Params, 0)
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

// samplePeak runs fn while sampling the heap in use every few milliseconds
// and returns the largest sample: the benchmarks report it as peak-heap-MB,
// the figure a memory target is about (B/op counts every allocation,
// however short-lived).
func samplePeak(fn func()) uint64 {
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(stop)
	<-done
	return peak
}

// tenThousand is the number of stacks of the 10,000-file tree (3 files
// each).
const tenThousand = 3334

// BenchmarkTenThousandFiles lints a generated tree of 10,002 files
// (3,334 API stacks, about 57 MB) cold, with every rule.
func BenchmarkTenThousandFiles(b *testing.B) {
	dir := benchTree(b, tenThousand)
	ctx := context.Background()
	if _, err := policyEngine(ctx, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		runtime.GC()
		peak = max(peak, samplePeak(func() {
			if _, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkPreCommit lints what a pre-commit hook passes after a commit
// that touched 5 files of the 10,000-file tree: two Terraform files, two
// OpenAPI exports and a template. A Terraform file brings in its module;
// nothing else of the tree is loaded.
func BenchmarkPreCommit(b *testing.B) {
	dir := benchTree(b, tenThousand)
	ctx := context.Background()
	if _, err := policyEngine(ctx, nil); err != nil {
		b.Fatal(err)
	}
	var changed []string
	for _, f := range []string{
		"stacks/s0007/terraform/main.tf", "stacks/s1234/terraform/main.tf",
		"stacks/s0042/api", "stacks/s2900/api", "stacks/s3001/templates",
	} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if fi, err := os.Stat(p); err == nil && fi.IsDir() { // the export's or template's name varies
			entries, err := os.ReadDir(p)
			if err != nil || len(entries) == 0 {
				b.Fatalf("%s: %v", p, err)
			}
			p = filepath.Join(p, entries[0].Name())
		}
		changed = append(changed, p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(ctx, Options{Paths: changed, WorkDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if res.Files != 5 {
			b.Fatalf("%d files linted, want the 5 changed", res.Files)
		}
	}
}

// BenchmarkUnchangedTree lints the 1,000-stack tree a second time with the
// result cache on: the run hashes what the first run read, finds it
// unchanged and reports the recorded findings.
func BenchmarkUnchangedTree(b *testing.B) {
	dir := benchTree(b, 1000)
	cache := b.TempDir()
	ctx := context.Background()
	if _, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		if !res.Cached {
			b.Fatal("the unchanged tree was not served from the cache")
		}
		var out bytes.Buffer
		if err := report.Text(&out, report.Input{Findings: res.Findings, FilesScanned: res.Files}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOneFileChanged lints the 1,000-stack tree with the caches on
// after one OpenAPI export changed: the run cache misses, the other 999
// exports come from the parse cache, and Terraform, the rules and the
// policies run in full.
func BenchmarkOneFileChanged(b *testing.B) {
	dir := benchTree(b, 1000)
	cache := b.TempDir()
	ctx := context.Background()
	exports, _ := filepath.Glob(filepath.Join(dir, "stacks", "s0500", "api", "*"))
	if len(exports) != 1 {
		b.Fatalf("exports of stack 500: %v", exports)
	}
	orig, err := os.ReadFile(exports[0])
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = os.WriteFile(exports[0], orig, 0o644) }() // restores the shared tree
	edit := func(i int) {
		text := append([]byte(nil), orig...)
		if !bytes.HasPrefix(bytes.TrimSpace(orig), []byte("{")) {
			text = append(text, fmt.Sprintf("# edit %d\n", i)...) // JSON gets no comment: whitespace
		} else {
			text = append(text, bytes.Repeat([]byte(" "), i)...)
		}
		if err := os.WriteFile(exports[0], text, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	edit(0)
	if _, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		edit(i)
		b.StartTimer()
		res, err := Run(ctx, Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache})
		if err != nil {
			b.Fatal(err)
		}
		if res.Cached || res.Reused != 999 {
			b.Fatalf("cached=%v, %d documents reused; want a run that reuses 999", res.Cached, res.Reused)
		}
	}
}
