// Package report writes one run's findings in the formats apigw-lint offers:
// text for people, JSON for scripts, SARIF for GitHub code scanning and other
// SARIF consumers, and GitHub workflow commands for pull-request annotations.
// Every format is deterministic: the same Input gives the same bytes.
package report

import (
	"fmt"
	"io"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Input is one run's output.
type Input struct {
	// Findings are already sorted (model.Finding.Less); their filenames are
	// paths relative to the base directory, with forward slashes.
	Findings []model.Finding
	// Rules are every rule the run knows, sorted by ID.
	Rules []model.RuleInfo

	ToolName       string
	ToolVersion    string
	InformationURI string
	FilesScanned   int

	// Color turns on ANSI colours in the text format; the others ignore it.
	Color bool
	// Quiet leaves out the text format's summary line.
	Quiet bool
	// Sources returns a file's content by its relative filename, or nil.
	// SARIF uses it for fingerprints that survive unrelated edits. It may be
	// nil.
	Sources func(filename string) []byte
}

// Formats lists the names Write accepts.
var Formats = []string{"text", "json", "sarif", "github"}

// Write writes in to w in the named format.
//
// Suppressed findings appear only where the format can say so: SARIF marks
// them with `suppressions` (as GitHub code scanning expects) and JSON with
// "suppression"; text and GitHub annotations leave them out.
func Write(w io.Writer, format string, in Input) error {
	switch format {
	case "text":
		in.Findings = Unsuppressed(in.Findings)
		return Text(w, in)
	case "json":
		return JSON(w, in)
	case "sarif":
		return SARIF(w, in)
	case "github":
		in.Findings = Unsuppressed(in.Findings)
		return GitHub(w, in)
	}
	return fmt.Errorf("unknown report format %q (want text, json, sarif or github)", format)
}

// checkSeverities rejects a finding whose severity was never set: every
// format maps severities to its own levels, and none has one for "invalid".
func checkSeverities(fs []model.Finding) error {
	for _, f := range fs {
		if f.Severity < model.SeverityNote || f.Severity > model.SeverityError {
			return fmt.Errorf("finding %s at %s has invalid severity %d", f.RuleID, f.Range, f.Severity)
		}
	}
	return nil
}

// A summary counts findings by severity.
type summary struct {
	errors, warnings, notes int
}

// Unsuppressed returns the findings no suppression accepts.
func Unsuppressed(fs []model.Finding) []model.Finding {
	out := make([]model.Finding, 0, len(fs))
	for _, f := range fs {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}

// summarize counts the unsuppressed findings.
func summarize(fs []model.Finding) summary {
	var s summary
	for _, f := range Unsuppressed(fs) {
		switch f.Severity {
		case model.SeverityError:
			s.errors++
		case model.SeverityWarning:
			s.warnings++
		case model.SeverityNote:
			s.notes++
		}
	}
	return s
}
