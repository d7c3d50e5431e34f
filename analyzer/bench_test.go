package analyzer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/analyzer"
)

// writeLargeExport writes a deterministic OpenAPI 3 export of about size
// bytes: hundreds of operations with Lambda, HTTP and AWS service
// integrations, integration responses, templates and a few defects.
func writeLargeExport(tb testing.TB, dir string, size int) (string, int) {
	tb.Helper()
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo:\n  title: large\n  version: \"1\"\nx-amazon-apigateway-request-validators:\n  all: {validateRequestBody: true, validateRequestParameters: true}\nx-amazon-apigateway-request-validator: all\npaths:\n")
	ops := 0
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  /resource%d/{id}:\n", i)
		for j, verb := range []string{"get", "post", "put", "delete"} {
			ops++
			fmt.Fprintf(&b, `    %s:
      operationId: op%d%s
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string}
      responses:
        "200": {description: ok}
        "400": {description: bad request}
        "404": {description: not found}
        "500": {description: failed}
`, verb, i, verb)
			switch (i + j) % 4 {
			case 0:
				fmt.Fprintf(&b, `      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:fn%d/invocations
        passthroughBehavior: when_no_templates
        requestTemplates:
          application/json: |
            #set($body = $input.path('$'))
            {"id": "$util.escapeJavaScript($input.params('id'))", "requestId": "$context.requestId", "body": $input.json('$')}
        responses:
          default:
            statusCode: "200"
          ".*\\[BadRequest\\].*":
            statusCode: "400"
          ".*\\[NotFound\\].*":
            statusCode: "404"
          "(\\n|.)+":
            statusCode: "500"
`, i)
			case 1:
				fmt.Fprintf(&b, `      x-amazon-apigateway-integration:
        type: http
        httpMethod: %s
        uri: https://backend%d.example.com/items/{id}
        responses:
          default:
            statusCode: "200"
          "4\\d{2}":
            statusCode: "400"
          "5\\d{2}":
            statusCode: "500"
`, strings.ToUpper(verb), i)
			case 2:
				b.WriteString(`      x-amazon-apigateway-integration:
        type: aws
        httpMethod: POST
        uri: arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem
        responses:
          default:
            statusCode: "200"
`)
			default:
				fmt.Fprintf(&b, `      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:proxy%d/invocations
`, i)
			}
		}
	}
	path := filepath.Join(dir, "large.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, ops
}

// BenchmarkLargeExport lints one ~2 MB OpenAPI export end to end (load,
// validate, every rule and policy).
func BenchmarkLargeExport(b *testing.B) {
	dir := b.TempDir()
	path, ops := writeLargeExport(b, dir, 2<<20)
	info, _ := os.Stat(path)
	b.SetBytes(info.Size())
	b.ReportAllocs()
	ctx := context.Background()
	if _, err := analyzer.Run(ctx, analyzer.Options{Paths: []string{path}, WorkDir: dir}); err != nil {
		b.Fatal(err) // warm the policy engine outside the timer
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := analyzer.Run(ctx, analyzer.Options{Paths: []string{path}, WorkDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 {
			b.Fatal("the planted defects were not found")
		}
	}
	b.ReportMetric(float64(ops), "operations")
}

// TestLargeExportFindsPlantedDefects checks what the benchmark lints: the
// DynamoDB integrations with only a default 200 are the only findings.
func TestLargeExportFindsPlantedDefects(t *testing.T) {
	dir := t.TempDir()
	path, _ := writeLargeExport(t, dir, 64<<10)
	res, err := analyzer.Run(context.Background(), analyzer.Options{Paths: []string{path}, WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, f := range res.Findings {
		counts[f.RuleID]++
	}
	if counts["APIGW103"] == 0 {
		t.Errorf("no APIGW103 on the DynamoDB integrations: %v", counts)
	}
	for id, n := range counts {
		if id != "APIGW103" && id != "APIGW109" {
			t.Errorf("unexpected %d %s findings", n, id)
		}
	}
}
