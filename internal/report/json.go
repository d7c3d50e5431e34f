package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// jsonReport is the document the JSON format writes. Its field order is the
// output's key order, so the output is deterministic.
type jsonReport struct {
	Version  string        `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

// A jsonFinding flattens a model.Finding. End positions are exclusive, as in
// the model; they are 0 when unknown.
type jsonFinding struct {
	RuleID    string        `json:"rule_id"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Related   []jsonRelated `json:"related"`
	// Suppression is set when the finding is accepted (it does not count in
	// the summary or the exit code).
	Suppression *model.Suppression `json:"suppression,omitempty"`
}

type jsonRelated struct {
	Message   string `json:"message"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

type jsonSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
	Files    int `json:"files"`
}

// JSON writes the findings and a summary as one JSON object indented by two
// spaces. "version" is in.ToolVersion; "findings" and every "related" are
// arrays even when empty, so consumers need no null checks.
func JSON(w io.Writer, in Input) error {
	if err := checkSeverities(in.Findings); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	s := summarize(in.Findings)
	doc := jsonReport{
		Version:  in.ToolVersion,
		Findings: make([]jsonFinding, 0, len(in.Findings)),
		Summary: jsonSummary{
			Errors:   s.errors,
			Warnings: s.warnings,
			Notes:    s.notes,
			Files:    in.FilesScanned,
		},
	}
	for _, f := range in.Findings {
		jf := jsonFinding{
			RuleID:      f.RuleID,
			Severity:    f.Severity.String(),
			Message:     f.Message,
			File:        f.Range.Filename,
			Line:        int(f.Range.Start.Line),
			Column:      int(f.Range.Start.Column),
			EndLine:     int(f.Range.End.Line),
			EndColumn:   int(f.Range.End.Column),
			Related:     make([]jsonRelated, 0, len(f.Related)),
			Suppression: f.Suppression,
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{
				Message:   r.Message,
				File:      r.Range.Filename,
				Line:      int(r.Range.Start.Line),
				Column:    int(r.Range.Start.Column),
				EndLine:   int(r.Range.End.Line),
				EndColumn: int(r.Range.End.Column),
			})
		}
		doc.Findings = append(doc.Findings, jf)
	}
	var b bytes.Buffer
	if err := encodeJSON(&b, doc); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// encodeJSON writes v indented by two spaces, followed by a newline. It
// leaves <, > and & alone: the output is not embedded in HTML, and messages
// and rule docs quote them often.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
