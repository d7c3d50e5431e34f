package openapi

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// TestKinNodePathAgrees checks that validating from the tree the loader
// already parsed gives kin-openapi's verdict on the bytes, for every OpenAPI
// document under testdata/ and for documents built to exercise what the
// conversion prepares: local tags, timestamps, anchors and merge keys,
// integer keys, infinities, self-referencing aliases.
func TestKinNodePathAgrees(t *testing.T) {
	docs := map[string]string{
		"tags.yaml": "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      description: !md hello\n      responses: {200: {description: ok}}\n" +
			"      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: !Sub 'arn:aws:apigateway:${AWS::Region}:lambda:path/f'}\n",
		"timestamp.yaml": "openapi: 3.0.1\ninfo: {title: t, version: 2020-06-11}\npaths: {}\n",
		"merge.yaml":     "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-base: &base {description: ok}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {<<: *base}\n        '404': *base\n",
		"inf.yaml":       "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-n: .inf\npaths: {}\n",
		"cycle.yaml":     "openapi: 3.0.1\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: &a {properties: {p: *a}}\npaths: {}\n",
		"nullkey.yaml":   "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  ~: {}\n",
		"v2tags.yaml":    "swagger: '2.0'\ninfo: {title: t, version: 2020-01-01}\npaths:\n  /a:\n    get:\n      responses: {200: {description: !md ok}}\n",
		"v2missing.yaml": "swagger: '2.0'\ninfo: {title: t}\npaths: {}\n",
		"dup.json":       `{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {}, "paths": {"/a": {}}}`,
		// API Gateway's extensions are left out of what kin-openapi's
		// Swagger 2 decoder reads (dropGatewayExtensions), except where
		// that could change its verdict.
		"v2ext.json":    `{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "x-amazon-apigateway-policy": {"a": [1, {"b": null}]}, "paths": {"/a": {"x-amazon-apigateway-any-method": {"responses": 5}, "get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "200"}}}}}}}`,
		"v2inf.yaml":    "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-amazon-apigateway-integration: {timeoutInMillis: .inf}\n",
		"v2prop.yaml":   "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  A:\n    type: object\n    properties:\n      x-amazon-apigateway-id: 5\n",
		"v2dupext.yaml": "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, type: http}\n",
	}
	root := filepath.Join("..", "..", "testdata")
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".yaml", ".yml", ".json":
			src, err := os.ReadFile(p)
			if err == nil && Sniff(src) {
				docs[p] = string(src)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, text := range docs {
		src := []byte(text)
		if fixed := UnescapeSolidus(src); fixed != nil {
			src = fixed
		}
		var top yaml.Node
		if yaml.Unmarshal(src, &top) != nil || len(top.Content) == 0 {
			continue
		}
		spec, ok := version(top.Content[0])
		if !ok {
			continue
		}
		checked++
		_, fromTree, treeErr := kinLoad(&top, src, spec)
		_, _, bytesErr := kinLoad(nil, src, spec)
		// go-yaml refuses duplicate keys, and kin-openapi falls back to its
		// JSON decoder for them as the loader falls back to the bytes.
		dups := len(DuplicateKeys(name, model.NewLineIndex(src), &top)) > 0
		if bytesErr == nil && !fromTree && !dups {
			t.Errorf("%s: kin-openapi reads the bytes, but not the tree", name)
		}
		if errText(treeErr) != errText(bytesErr) {
			t.Errorf("%s: loading from the tree %q, from the bytes %q", name, errText(treeErr), errText(bytesErr))
		}
		viaNode, viaBytes := errText(kinValidate(&top, src, spec)), errText(kinValidate(nil, src, spec))
		if viaNode != viaBytes {
			t.Errorf("%s: from the tree %q, from the bytes %q", name, viaNode, viaBytes)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d documents checked", checked)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return strings.TrimSpace(err.Error())
}

// TestDeferredValidationAgrees checks that a deferred validation's finding
// (LoadDeferred's wait) is the one LoadWith reports in the fragment.
func TestDeferredValidationAgrees(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "APIGW007", "*"))
	paths = append(paths, filepath.Join("..", "..", "testdata", "rules", "APIGW101", "openapi3.yaml"))
	found := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil || !Sniff(src) {
			continue
		}
		sync, _ := LoadWith(p, src, Options{})
		deferred, _, wait := LoadDeferred(p, src, Options{})
		late := wait()
		found += len(late)
		var want, got []string
		for _, f := range sync.Diagnostics {
			want = append(want, f.RuleID+" "+f.Range.String()+" "+f.Message)
		}
		for _, f := range append(deferred.Diagnostics, late...) {
			got = append(got, f.RuleID+" "+f.Range.String()+" "+f.Message)
		}
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			t.Errorf("%s: deferred %q, want %q", p, got, want)
		}
	}
	if found < 3 {
		t.Errorf("only %d deferred findings: the APIGW007 fixtures were not read", found)
	}
}
