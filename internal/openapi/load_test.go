package openapi

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func pos(line, col int32) model.Pos { return model.Pos{Line: line, Column: col} }

// rng compares ranges without byte offsets, as tflint's loader tests do.
func rng(r model.Range) [4]int {
	return [4]int{int(r.Start.Line), int(r.Start.Column), int(r.End.Line), int(r.End.Column)}
}

const swagger2YAML = `swagger: "2.0"
info: {title: orders, version: "1"}
paths:
  /orders/{id}:
    get:
      responses:
        200: {description: ok}
        "404": {description: missing}
      x-amazon-apigateway-integration:
        type: AWS
        httpMethod: POST
        uri:
          Fn::Sub: arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
        responses:
          default:
            statusCode: 200
          .*Not Found.*:
            statusCode: "404"
            selectionPattern: ignored
        requestTemplates:
          application/json: |
            {"id": "$input.params('id')"}
`

func TestLoadSwagger2Tolerant(t *testing.T) {
	frag, ok := Load("api.yaml", []byte(swagger2YAML))
	if !ok {
		t.Fatal("not recognised as OpenAPI")
	}
	if len(frag.APIs) != 1 || len(frag.APIs[0].Methods) != 1 {
		t.Fatalf("want one API with one method, got %+v", frag.APIs)
	}
	api := frag.APIs[0]
	if !api.Export || api.Kind != model.KindREST || api.Spec != "2.0" {
		t.Errorf("api = export %v kind %q spec %q", api.Export, api.Kind, api.Spec)
	}
	m := api.Methods[0]
	if m.Verb != "GET" || m.Path != "/orders/{id}" {
		t.Errorf("method = %s %s", m.Verb, m.Path)
	}
	if diff := cmp.Diff([4]int{5, 5, 5, 8}, rng(m.Range)); diff != "" {
		t.Errorf("method range (-want +got):\n%s", diff)
	}
	var codes []string
	for _, r := range m.Responses {
		codes = append(codes, r.StatusCode.Literal)
	}
	if diff := cmp.Diff([]string{"200", "404"}, codes); diff != "" {
		t.Errorf("method responses (-want +got):\n%s", diff)
	}
	in := m.Integration
	in.Subject = in.Classify()
	if in.Subject != model.SubjectErrorMessage {
		t.Errorf("an Fn::Sub Lambda URI is a Lambda integration, got subject %q", in.Subject)
	}
	if in.URI.Known || !strings.Contains(in.URI.Partial, ":lambda:path/") {
		t.Errorf("uri = %+v, want unknown with the Sub template as partial", in.URI)
	}
	if len(in.Responses) != 2 {
		t.Fatalf("want 2 integration responses, got %d", len(in.Responses))
	}
	def, pat := in.Responses[0], in.Responses[1]
	if !def.IsDefault() || def.StatusCode.Literal != "200" {
		t.Errorf("default response = %+v", def)
	}
	if pat.Pattern.Literal != ".*Not Found.*" {
		t.Errorf("pattern = %q", pat.Pattern.Literal)
	}
	if diff := cmp.Diff([4]int{17, 11, 17, 24}, rng(pat.Pattern.Range)); diff != "" {
		t.Errorf("pattern range (-want +got):\n%s", diff)
	}
	var fields []string
	for _, f := range pat.Fields {
		fields = append(fields, f.Name)
	}
	if diff := cmp.Diff([]string{"statusCode", "selectionPattern"}, fields); diff != "" {
		t.Errorf("response fields (-want +got):\n%s", diff)
	}
	tpl := in.RequestTemplates[0]
	if tpl.ContentType != "application/json" || tpl.Origin == nil || !tpl.Origin.Exact {
		t.Fatalf("template = %+v origin %+v", tpl, tpl.Origin)
	}
	if diff := cmp.Diff(pos(22, 13), model.Pos{Line: tpl.Origin.Start.Line, Column: tpl.Origin.Start.Column}); diff != "" {
		t.Errorf("template origin (-want +got):\n%s", diff)
	}
}

func TestLoadOpenAPI3JSONPositions(t *testing.T) {
	src := "{\n\t\"openapi\": \"3.0.1\",\n\t\"info\": {\"title\": \"t\", \"version\": \"1\"},\n\t\"paths\": {\n\t\t\"/a\": {\n\t\t\t\"post\": {\n\t\t\t\t\"responses\": {\"200\": {\"description\": \"ok\"}},\n\t\t\t\t\"x-amazon-apigateway-integration\": {\n\t\t\t\t\t\"type\": \"http\",\n\t\t\t\t\t\"responses\": {\"4\\\\d{2}\": {\"statusCode\": \"400\"}}\n\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n}\n"
	frag, ok := Load("api.json", []byte(src))
	if !ok {
		t.Fatal("not recognised")
	}
	r := frag.APIs[0].Methods[0].Integration.Responses[0]
	if r.Pattern.Literal != `4\d{2}` {
		t.Errorf("pattern = %q", r.Pattern.Literal)
	}
	// The key `"4\\d{2}"` starts after five tabs and `"responses": {`.
	if diff := cmp.Diff([4]int{10, 20, 10, 29}, rng(r.Pattern.Range)); diff != "" {
		t.Errorf("pattern range (-want +got):\n%s", diff)
	}
}

func TestLoadDiagnostics(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		wantOK bool
		want   []string // "ID line:col"
	}{
		{
			name:   "plain YAML is not a document",
			src:    "name: x\nitems: [1, 2]\n",
			wantOK: false,
		},
		{
			name:   "CloudFormation template is not a document",
			src:    "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n",
			wantOK: false,
		},
		{
			name:   "broken YAML that looks like OpenAPI is a positioned APIGW001",
			src:    "openapi: 3.0.1\ninfo:\n  title: [unclosed\npaths: {}\n",
			wantOK: true,
			want:   []string{"APIGW001 3:1"},
		},
		{
			name:   "integration responses as a list are APIGW001 at the key",
			src:    "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n      x-amazon-apigateway-integration:\n        type: http\n        responses:\n          - statusCode: '200'\n",
			wantOK: true,
			want:   []string{"APIGW001 9:9"},
		},
		{
			name:   "an invalid document is an APIGW007 note and still loads",
			src:    "openapi: 3.0.1\ninfo: {title: t}\npaths: {}\n",
			wantOK: true,
			want:   []string{"APIGW007 1:1"},
		},
		{
			name:   "an external $ref is not followed",
			src:    "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: '/etc/passwd'\n",
			wantOK: true,
			want:   []string{"APIGW007 1:1"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			frag, ok := Load("f.yaml", []byte(tc.src))
			if ok != tc.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tc.wantOK)
			}
			if !ok {
				return
			}
			var got []string
			for _, d := range frag.Diagnostics {
				got = append(got, d.RuleID+" "+strings.TrimPrefix(d.Range.String(), "f.yaml:"))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\n%v", diff, frag.Diagnostics)
			}
		})
	}
}

func TestHTTPAPIDetected(t *testing.T) {
	src := "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        payloadFormatVersion: '2.0'\n        uri: arn:aws:lambda:eu-west-1:1:function:f\n"
	frag, _ := Load("h.yaml", []byte(src))
	if frag.APIs[0].Kind != model.KindHTTP {
		t.Errorf("kind = %q, want http", frag.APIs[0].Kind)
	}
}

func FuzzLoad(f *testing.F) {
	// Seeds: the rule fixtures' and the shared corpus's OpenAPI documents.
	for _, root := range []string{"../../testdata/rules", "../../../shared/corpus"} {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch filepath.Ext(p) {
			case ".yaml", ".yml", ".json":
				if b, err := os.ReadFile(p); err == nil && len(b) < 1<<18 && Sniff(b) {
					f.Add(b)
				}
			}
			return nil
		})
	}
	f.Add([]byte(swagger2YAML))
	f.Add([]byte("openapi: 3.0.1\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: &a\n        responses: *a\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		frag, ok := Load("f.yaml", src)
		if ok && frag == nil {
			t.Fatal("ok without a fragment")
		}
	})
}

func TestJSONSolidusEscape(t *testing.T) {
	src := `{"openapi": "3.0.1", "info": {"title": "t", "version": "1"}, "paths": {"\/a": {"get": {
  "responses": {"200": {"description": "ok"}},
  "x-amazon-apigateway-integration": {"type": "http", "uri": "https:\/\/example.com\/a", "responses": {"default": {"statusCode": "200"}, "4\\d{2": {"statusCode": "200"}}}}}}}`
	frag, ok := Load("a.json", []byte(src))
	if !ok {
		t.Fatal("not recognised")
	}
	for _, d := range frag.Diagnostics {
		if d.RuleID == RuleParse {
			t.Fatalf("\\/ is valid JSON, got %v", d)
		}
	}
	m := frag.APIs[0].Methods[0]
	if m.Path != "/a" || m.Integration.URI.Literal != "https://example.com/a" || m.Integration.Responses[1].Pattern.Literal != `4\d{2` {
		t.Errorf("path %q uri %q pattern %q", m.Path, m.Integration.URI.Literal, m.Integration.Responses[1].Pattern.Literal)
	}
}

// TestDuplicateKeysBySize checks the repeated keys of a small mapping
// (searched) and a large one (indexed): every repeat is reported, each
// against the first occurrence.
func TestDuplicateKeysBySize(t *testing.T) {
	for _, n := range []int{3, 40} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d: %d\n", i, i)
		}
		b.WriteString("k1: again\nk2: again\nk1: thrice\n? [k1]\n: complex\n<<: {k0: merged}\n")
		src := []byte(b.String())
		var top yaml.Node
		if err := yaml.Unmarshal(src, &top); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range DuplicateKeys("d.yaml", model.NewLineIndex(src), &top) {
			got = append(got, fmt.Sprintf("%d<%d", f.Range.Start.Line, f.Related[0].Range.Start.Line))
		}
		want := []string{fmt.Sprintf("%d<2", n+1), fmt.Sprintf("%d<3", n+2), fmt.Sprintf("%d<2", n+3)}
		if !slices.Equal(got, want) {
			t.Errorf("%d keys: repeats %v, want %v", n, got, want)
		}
	}
}
