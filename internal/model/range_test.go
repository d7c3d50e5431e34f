package model

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLineIndex(t *testing.T) {
	ix := NewLineIndex([]byte("ab\ncé d\n\nx"))
	tests := []struct {
		name string
		off  int
		want Pos
	}{
		{"start of file", 0, Pos{1, 1, 0}},
		{"second line start", 3, Pos{2, 1, 3}},
		{"after a two-byte character", 6, Pos{2, 3, 6}},
		{"empty line", 9, Pos{3, 1, 9}},
		{"past the end is clamped", 99, Pos{4, 2, 11}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ix.Pos(tc.off)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Pos(%d) (-want +got):\n%s", tc.off, diff)
			}
			if back := ix.Offset(int(got.Line), int(got.Column)); back != int(got.Byte) {
				t.Errorf("Offset(%d, %d) = %d, want %d", got.Line, got.Column, back, got.Byte)
			}
		})
	}
}

func TestRangeJSONRoundTrip(t *testing.T) {
	r := Range{Filename: "a.tf", Start: Pos{Line: 2, Column: 3}, End: Pos{Line: 2, Column: 9}}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"filename":"a.tf","line":2,"column":3,"end_line":2,"end_column":9}` {
		t.Errorf("json = %s", b)
	}
	var back Range
	if err := json.Unmarshal(b, &back); err != nil || back != r {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		in   Integration
		want string
	}{
		{"lambda custom by URI", Integration{Type: Lit("aws", Range{}), URI: Lit("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations", Range{})}, SubjectErrorMessage},
		{"lambda by terraform reference", Integration{Type: Lit("AWS", Range{}), URI: Unknown("aws_lambda_function.f.invoke_arn", Range{})}, SubjectErrorMessage},
		{"service action", Integration{Type: Lit("AWS", Range{}), URI: Lit("arn:aws:apigateway:us-east-1:sqs:path/1/q", Range{})}, SubjectStatusCode},
		{"unknown AWS uri", Integration{Type: Lit("AWS", Range{}), URI: Unknown("var.uri", Range{})}, SubjectUnknown},
		{"http", Integration{Type: Lit("http", Range{})}, SubjectStatusCode},
		{"proxy", Integration{Type: Lit("aws_proxy", Range{})}, SubjectNone},
		{"unknown type", Integration{Type: Unknown("var.t", Range{})}, SubjectUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.Classify(); got != tc.want {
				t.Errorf("Classify() = %q, want %q", got, tc.want)
			}
		})
	}
}
