package analyzer

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// cacheTree writes a small tree: a Terraform module whose integration
// response reads its template with file(), and an OpenAPI export.
func cacheTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "infra", "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "infra/main.tf", `resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_method.get.http_method
  status_code       = "200"
  selection_pattern = "-"
  response_templates = {
    "application/json" = file("${path.module}/templates/ok.vm")
  }
}
`)
	write(t, dir, "infra/templates/ok.vm", "{\"id\": \"$input.path('$.id')\"}\n")
	write(t, dir, "api.yaml", `openapi: 3.0.1
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses: {'200': {description: ok}}
      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations
        responses:
          default: {statusCode: '200'}
`)
	return dir
}

func cachedRun(t *testing.T, dir, cache string, mutate ...func(*Options)) *Result {
	t.Helper()
	opts := Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache}
	for _, m := range mutate {
		m(&opts)
	}
	res, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestCache(t *testing.T) {
	t.Run("an unchanged tree is served from the cache, identically", func(t *testing.T) {
		dir, cache := cacheTree(t), t.TempDir()
		cold := cachedRun(t, dir, cache)
		if cold.Cached || len(cold.Findings) == 0 {
			t.Fatalf("cold run: cached=%v, %d findings; want a fresh run with findings", cold.Cached, len(cold.Findings))
		}
		warm := cachedRun(t, dir, cache)
		if !warm.Cached {
			t.Fatal("second run over an unchanged tree was not served from the cache")
		}
		if diff := cmp.Diff(cold.Findings, warm.Findings); diff != "" {
			t.Errorf("cached findings differ (-cold +warm):\n%s", diff)
		}
		if diff := cmp.Diff(cold.Rules, warm.Rules); diff != "" || cold.Files != warm.Files {
			t.Errorf("cached rules or file count differ: files %d/%d\n%s", cold.Files, warm.Files, diff)
		}
	})
	misses := []struct {
		name   string
		change func(t *testing.T, dir string)
	}{
		{"a scanned file changes", func(t *testing.T, dir string) {
			write(t, dir, "api.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
		}},
		{"a file read through file() changes", func(t *testing.T, dir string) {
			write(t, dir, "infra/templates/ok.vm", "{\"id\": \"$input.path('$.id')\",}\n")
		}},
		{"a file is added to a module", func(t *testing.T, dir string) {
			write(t, dir, "infra/extra.tf", "locals {\n  x = 1\n}\n")
		}},
		{"a file is added next to a read file", func(t *testing.T, dir string) {
			write(t, dir, "infra/templates/other.vm", "{}\n")
		}},
	}
	for _, m := range misses {
		t.Run("a miss when "+m.name, func(t *testing.T) {
			dir, cache := cacheTree(t), t.TempDir()
			cachedRun(t, dir, cache)
			m.change(t, dir)
			res := cachedRun(t, dir, cache)
			if res.Cached {
				t.Fatal("served from the cache after the change")
			}
			fresh := cachedRun(t, dir, "")
			if diff := cmp.Diff(fresh.Findings, res.Findings); diff != "" {
				t.Errorf("findings after the change differ from an uncached run:\n%s", diff)
			}
			if again := cachedRun(t, dir, cache); !again.Cached {
				t.Error("the run after the change was not cached in turn")
			}
		})
	}
	t.Run("a miss when the options differ", func(t *testing.T) {
		dir, cache := cacheTree(t), t.TempDir()
		cachedRun(t, dir, cache)
		res := cachedRun(t, dir, cache, func(o *Options) { o.Only = map[string]bool{"APIGW102": true} })
		if res.Cached {
			t.Fatal("a run with other rules was served another run's findings")
		}
	})
	t.Run("a corrupt or truncated entry is a miss, then rewritten", func(t *testing.T) {
		dir, cache := cacheTree(t), t.TempDir()
		cold := cachedRun(t, dir, cache)
		entries, _ := filepath.Glob(filepath.Join(cache, "runs", "*", "*.entry"))
		if len(entries) != 1 {
			t.Fatalf("%d cache entries, want 1", len(entries))
		}
		for _, damage := range []func([]byte) []byte{
			func(b []byte) []byte { return b[:len(b)/2] },
			func(b []byte) []byte {
				c := append([]byte(nil), b...)
				i := len(c) / 2
				c[i] ^= 0x01 // one flipped bit inside valid JSON text
				return c
			},
			func([]byte) []byte { return []byte("not json") },
		} {
			b, err := os.ReadFile(entries[0])
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(entries[0], damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			res := cachedRun(t, dir, cache)
			if res.Cached {
				t.Fatal("a damaged entry was used")
			}
			if diff := cmp.Diff(cold.Findings, res.Findings); diff != "" {
				t.Errorf("findings after a damaged entry differ:\n%s", diff)
			}
			if !cachedRun(t, dir, cache).Cached {
				t.Fatal("the damaged entry was not rewritten")
			}
		}
	})
	t.Run("concurrent runs share the cache safely", func(t *testing.T) {
		dir, cache := cacheTree(t), t.TempDir()
		want := cachedRun(t, dir, "").Findings
		var wg sync.WaitGroup
		results := make([]*Result, 6)
		for i := range results {
			wg.Go(func() {
				res, err := Run(context.Background(), Options{Paths: []string{dir}, WorkDir: dir, CacheDir: cache})
				if err != nil {
					t.Error(err)
					return
				}
				results[i] = res
			})
		}
		wg.Wait()
		for i, res := range results {
			if res == nil {
				continue
			}
			if diff := cmp.Diff(want, res.Findings); diff != "" {
				t.Errorf("run %d differs:\n%s", i, diff)
			}
		}
		if tmp, _ := filepath.Glob(filepath.Join(cache, "*", "*", ".*-*")); len(tmp) != 0 {
			t.Errorf("temporary files left behind: %v", tmp)
		}
	})
}

// TestParseCacheKeepsFindings lints every rule fixture, the examples, the
// Terraform and CloudFormation test trees, a generated tree and the shared
// corpus (when present) three times: without a cache, with a cold cache,
// and with the run cache dropped so that every document comes from the
// parse cache. The three must report the same findings.
func TestParseCacheKeepsFindings(t *testing.T) {
	ctx := context.Background()
	reused := 0
	for _, dir := range testTrees(t, 12) {
		cache := t.TempDir()
		var runs []*Result
		for i := range 3 {
			opts := Options{Paths: []string{dir}, WorkDir: dir}
			if i > 0 {
				opts.CacheDir = cache
			}
			if i == 2 {
				if err := os.RemoveAll(filepath.Join(cache, "runs")); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Run(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			runs = append(runs, res)
		}
		if runs[2].Cached {
			t.Fatalf("%s: the third run came from the run cache", dir)
		}
		reused += runs[2].Reused
		for i, res := range runs[1:] {
			if diff := cmp.Diff(runs[0].Findings, res.Findings); diff != "" {
				t.Errorf("%s: run %d differs from the uncached run (-uncached +cached):\n%s", dir, i+2, diff)
			}
		}
	}
	if reused < 100 {
		t.Errorf("only %d documents came from the parse cache", reused)
	}
}

// TestCacheSweep checks that entries unused for the maximum age are
// deleted, used ones kept, and that the sweep runs once a day.
func TestCacheSweep(t *testing.T) {
	dir, cache := cacheTree(t), t.TempDir()
	cachedRun(t, dir, cache)
	entries := func() []string {
		var out []string
		_ = filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() != ".swept" {
				out = append(out, p)
			}
			return nil
		})
		return out
	}
	all := entries()
	if len(all) < 2 {
		t.Fatalf("entries %v, want the run's and the export's", all)
	}
	old := time.Now().Add(-cacheMaxAge - time.Hour)
	for _, p := range all {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	sweep(cache, time.Now()) // swept today already: nothing happens
	if got := entries(); len(got) != len(all) {
		t.Fatalf("a second sweep the same day deleted entries: %v", got)
	}
	if !cachedRun(t, dir, cache).Cached { // a hit refreshes the run entry
		t.Fatal("not served from the cache")
	}
	sweep(cache, time.Now().Add(cacheSweepEvery+time.Minute))
	got := entries()
	if len(got) != 1 || !strings.HasSuffix(got[0], ".entry") {
		t.Errorf("after the sweep %v, want only the run entry that was used", got)
	}
}
