package openapi

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi2"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/yamltree"
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
		// decoders read (gatewayDrops), except where that could change its
		// verdict.
		"v2ext.json":     `{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "x-amazon-apigateway-policy": {"a": [1, {"b": null}]}, "paths": {"/a": {"x-amazon-apigateway-any-method": {"responses": 5}, "get": {"responses": {"200": {"description": "ok"}}, "x-amazon-apigateway-integration": {"type": "mock", "responses": {"default": {"statusCode": "200"}}}}}}}`,
		"v3ext.yaml":     "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-policy: {Version: '2012-10-17', Statement: [{Effect: Allow, n: 1.5, b: true, z: ~}]}\npaths:\n  /a:\n    x-amazon-apigateway-any-method: {responses: 5}\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{}'}}\ncomponents:\n  securitySchemes:\n    k: {type: apiKey, name: x, in: header, x-amazon-apigateway-authorizer: {type: token, ttl: 300}}\n",
		"v3extdup.yaml":  "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, type: http}\n",
		"v3extinf.yaml":  "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: [1, .inf]\npaths: {}\n",
		"v3extnull.yaml": "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: {~: 1}\npaths: {}\n",
		"v3exttag.yaml":  "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: {a: !!int nope}\npaths: {}\n",
		"v3ref.yaml":     "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: {s: {type: string}}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/x-amazon-apigateway-x/s'}}}}}\n",
		"v3badref.yaml":  "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: {s: 5}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/x-amazon-apigateway-x/s'}}}}}\n",
		"v3anchor.yaml":  "openapi: 3.0.1\ninfo: {title: t, version: '1'}\nx-amazon-apigateway-x: &s {type: 5}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: *s}}}}\n",
		"v2inf.yaml":     "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-amazon-apigateway-integration: {timeoutInMillis: .inf}\n",
		"v2prop.yaml":    "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  A:\n    type: object\n    properties:\n      x-amazon-apigateway-id: 5\n",
		"v2dupext.yaml":  "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n      x-amazon-apigateway-integration: {type: mock, type: http}\n",
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

// v2JSON is the whole document as the JSON writer writes it; ok is false
// where the writer does not cover it.
func v2JSON(top *yaml.Node) ([]byte, bool) {
	if top.Kind != yaml.DocumentNode || len(top.Content) != 1 {
		return nil, false
	}
	w := &jsonWriter{ok: true, drop: gatewayDrops(top)}
	w.value(top.Content[0])
	return w.buf, w.ok
}

// TestV2JSONAgrees checks that the JSON writer (v2JSON) gives the general
// path's JSON text (v2JSONGeneral), byte for byte, for every Swagger 2
// document under testdata/, the shared corpus and crafted cases, and that it
// leaves to the general path what it does not cover.
func TestV2JSONAgrees(t *testing.T) {
	docs := v2Docs(t)
	direct := 0
	for name, text := range docs {
		var top yaml.Node
		if yamltree.Parse([]byte(text), &top) != nil || len(top.Content) == 0 {
			continue
		}
		if spec, ok := version(top.Content[0]); ok && !strings.HasPrefix(spec, "2") {
			continue
		}
		general, err := v2JSONGeneral(&top)
		got, ok := v2JSON(&top)
		if !ok {
			continue
		}
		direct++
		if err != nil {
			t.Errorf("%s: the direct writer wrote what the general path refuses (%v)", name, err)
		} else if string(got) != string(general) {
			t.Errorf("%s: direct\n%s\ngeneral\n%s", name, got, general)
		}
	}
	if direct < 10 {
		t.Errorf("the direct writer took only %d documents", direct)
	}
}

// TestDecodeV2Agrees checks that decoding a Swagger 2 document piece by
// piece (decodeV2) gives what kin-openapi's decoder gives for the whole
// text, for every document TestV2JSONAgrees reads and crafted ones.
func TestDecodeV2Agrees(t *testing.T) {
	docs := v2Docs(t)
	docs["fold.yaml"] = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: {200: {description: ok}}}\n    GET: {responses: {201: {description: ok}}}\n"
	docs["foldpaths.yaml"] = "swagger: '2.0'\ninfo: {title: t, version: '1'}\nPaths: {/b: {}}\npaths:\n  /a:\n    get: {responses: {200: {description: ok}}}\n"
	docs["nullop.yaml"] = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: ~\n    put: {responses: {200: {description: ok}}, x-a: 1}\n    parameters: [{name: p, in: path, required: true, type: string}]\n    x-amazon-apigateway-any-method: {responses: {}}\n  /b: {}\n"
	docs["badop.yaml"] = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get: {responses: 5}\n"
	docs["emptypaths.yaml"] = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"
	split := 0
	for name, text := range docs {
		var top yaml.Node
		if yamltree.Parse([]byte(text), &top) != nil || len(top.Content) == 0 {
			continue
		}
		got, ok := decodeV2(&top)
		if !ok {
			continue
		}
		split++
		j, err := v2JSONGeneral(&top)
		if err != nil {
			t.Errorf("%s: split, but the general path refuses it: %v", name, err)
			continue
		}
		var want openapi2.T
		if err := json.Unmarshal(j, &want); err != nil {
			t.Errorf("%s: split, but kin-openapi refuses the whole: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("%s: the pieces decode to %+v, the whole to %+v", name, got, &want)
		}
	}
	if split < 10 {
		t.Errorf("only %d documents decoded piece by piece", split)
	}
}

// v2Docs are the Swagger 2 (and other) documents the agreement tests read:
// crafted cases, testdata/ and the shared corpus.
func v2Docs(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{
		"plain.yaml":   "swagger: '2.0'\ninfo: {title: t, version: 2020-01-01}\nhost: x\nbasePath: /\nschemes: [https]\npaths:\n  /a:\n    get:\n      parameters: [{name: n, in: query, type: integer, maximum: 10.5, minimum: 0x10, default: 1_000}]\n      responses: {200: {description: ok}, default: {description: \"<&>\\u2028\\t\"}}\n      x-amazon-apigateway-integration: {type: mock, timeoutInMillis: 29000, cacheKeyParameters: [], requestTemplates: {application/json: '{\"statusCode\": 200}'}}\n    x-amazon-apigateway-any-method: {responses: {}}\n  x-amazon-apigateway-x: {get: 5}\nsecurityDefinitions:\n  k: {type: apiKey, name: x-api-key, in: header, x-amazon-apigateway-authtype: custom, x-amazon-apigateway-authorizer: {type: token}}\ndefinitions:\n  A: {type: object, properties: {x-amazon-apigateway-id: {type: string}}, x-amazon-apigateway-y: {a: b}}\nx-amazon-apigateway-policy: {Version: '2012-10-17', Statement: [{Effect: Allow, Principal: '*'}]}\nx-amazon-apigateway-binary-media-types: ['*/*']\nx-null: ~\nx-bools: [true, False, TRUE]\nx-big: 123456789012345678901234567890\n",
		"keys.yaml":    "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-keys: {1: a, ~: b, true: c, 2020-01-01: d, '<<': e}\n",
		"anchor.yaml":  "swagger: '2.0'\ninfo: &i {title: t, version: '1'}\nx-info: *i\npaths: {}\n",
		"merge.yaml":   "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-a: &a {p: 1}\nx-b: {<<: *a, q: 2}\n",
		"tagged.yaml":  "swagger: '2.0'\ninfo: {title: t, version: !!str 1}\npaths: {}\n",
		"dup.yaml":     "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-a: {p: 1, p: 2}\n",
		"dupext.yaml":  "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-policy: {p: 1, p: 2}\n",
		"infext.yaml":  "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-amazon-apigateway-policy: {p: .inf}\n",
		"inf.yaml":     "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-n: -.inf\n",
		"complex.yaml": "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\nx-c: {? [a, b] : c}\n",
		"seqroot.yaml": "- swagger\n- '2.0'\n",
	}
	for _, root := range []string{filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus")} {
		_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			switch filepath.Ext(p) {
			case ".yaml", ".yml", ".json":
				if src, err := os.ReadFile(p); err == nil && Sniff(src) {
					docs[p] = string(src)
				}
			}
			return nil
		})
	}
	return docs
}

// FuzzV2Decode: whatever the direct writer and the piecewise decoder
// accept, they agree with the general path.
func FuzzV2Decode(f *testing.F) {
	f.Add("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: [{name: n, in: query, type: integer}]\n      responses: {200: {description: ok}}\n      x-amazon-apigateway-integration: {type: mock}\n")
	f.Add(`{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"post": {"responses": {"default": {"description": "x"}}}}}}`)
	f.Fuzz(func(t *testing.T, text string) {
		var top yaml.Node
		if yamltree.Parse([]byte(text), &top) != nil || len(top.Content) == 0 {
			return
		}
		general, gerr := v2JSONGeneral(&top)
		if direct, ok := v2JSON(&top); ok {
			if gerr != nil || string(direct) != string(general) {
				t.Fatalf("direct %s, general %s (%v)", direct, general, gerr)
			}
		}
		if got, ok := decodeV2(&top); ok {
			var want openapi2.T
			if gerr != nil || json.Unmarshal(general, &want) != nil || !reflect.DeepEqual(got, &want) {
				t.Fatalf("pieces %+v, whole %+v (%v)", got, &want, gerr)
			}
		}
	})
}
