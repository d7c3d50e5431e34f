package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const badExport = `openapi: 3.0.1
info: {title: t, version: "1"}
paths:
  /a:
    get:
      responses:
        "200": {description: ok}
      x-amazon-apigateway-integration:
        type: http
        uri: https://example.com
        httpMethod: GET
        responses:
          "4\\d{2":
            statusCode: "200"
`

func TestExitCodesAndFormats(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", badExport)
	clean := writeFile(t, dir, "clean.yaml", "name: not an api\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, out string)
	}{
		{"findings exit 1", []string{"--no-color", bad}, exitFindings, func(t *testing.T, out string) {
			if !strings.Contains(out, ":13:11: error APIGW101 ") || !strings.Contains(out, "1 error") {
				t.Errorf("text output:\n%s", out)
			}
		}},
		{"nothing to report exits 0", []string{clean}, exitOK, func(t *testing.T, out string) {
			if !strings.Contains(out, "no findings") {
				t.Errorf("text output:\n%s", out)
			}
		}},
		{"fail-on note still fails on an error", []string{"--fail-on", "note", bad}, exitFindings, nil},
		{"json format", []string{"--format", "json", bad}, exitFindings, func(t *testing.T, out string) {
			var v map[string]any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Errorf("not JSON: %v\n%s", err, out)
			}
		}},
		{"sarif format", []string{"--format", "sarif", bad}, exitFindings, func(t *testing.T, out string) {
			if !strings.Contains(out, `"ruleId": "APIGW101"`) {
				t.Errorf("sarif output lacks the result:\n%s", out)
			}
		}},
		{"unknown format is a usage error", []string{"--format", "xml", bad}, exitError, nil},
		{"unknown flag is a usage error", []string{"--nope"}, exitError, nil},
		{"missing path is an error", []string{filepath.Join(dir, "missing")}, exitError, nil},
		{"rules lists every rule", []string{"rules"}, exitOK, func(t *testing.T, out string) {
			if !strings.Contains(out, "APIGW101") || !strings.Contains(out, "APIGW110") {
				t.Errorf("rules output:\n%s", out)
			}
		}},
		{"explain prints the documentation", []string{"explain", "APIGW103"}, exitOK, func(t *testing.T, out string) {
			if !strings.Contains(out, "errors-returned-as-success") || !strings.Contains(out, "https://docs.aws.amazon.com") {
				t.Errorf("explain output:\n%s", out)
			}
		}},
		{"explain an unknown rule", []string{"explain", "APIGW999"}, exitError, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.wantCode, stdout.String(), stderr.String())
			}
			if tc.check != nil {
				tc.check(t, stdout.String())
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", badExport)
	out := filepath.Join(dir, "out.sarif")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--format", "sarif", "-o", out, bad}, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("APIGW101")) {
		t.Fatalf("report file: %v\n%s", err, b)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout should be empty with -o, got %q", stdout.String())
	}
}

func TestParameterAndNowFlags(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "domain.yaml", `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Policy: {Type: String}
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc
      EndpointConfiguration: {Types: [REGIONAL]}
      SecurityPolicy: !Ref Policy
`)
	var out, errOut bytes.Buffer
	if code := run([]string{"--no-color", dir}, &out, &errOut); code != exitOK || strings.Contains(out.String(), "APIGW301") {
		t.Errorf("a parameter without value is unknown: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run([]string{"--no-color", "--parameter", "Policy=TLS_1_0", dir}, &out, &errOut); code != exitFindings || !strings.Contains(out.String(), "domain.yaml:11:23: error APIGW301") {
		t.Errorf("--parameter: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if code := run([]string{"--parameter", "nokey", dir}, &out, &errOut); code != exitError {
		t.Errorf("a malformed --parameter is a usage error, got exit %d", code)
	}
	if code := run([]string{"--now", "yesterday", dir}, &out, &errOut); code != exitError {
		t.Errorf("a malformed --now is a usage error, got exit %d", code)
	}
}
