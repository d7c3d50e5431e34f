package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// ANSI escape sequences for the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Text writes one line per finding, `path:line:col: severity RULEID message`,
// then a summary line such as `3 errors, 1 warning in 12 files`. With
// in.Color the location is bold and the severity coloured. A message's
// further lines, if any, are indented by a tab.
func Text(w io.Writer, in Input) error {
	if err := checkSeverities(in.Findings); err != nil {
		return fmt.Errorf("write text: %w", err)
	}
	var b strings.Builder
	for _, f := range in.Findings {
		loc, sev := textLocation(f.Range), f.Severity.String()
		if in.Color {
			loc = ansiBold + loc + ansiReset
			sev = severityColor(f.Severity) + sev + ansiReset
		}
		fmt.Fprintf(&b, "%s: %s %s %s\n", loc, sev, f.RuleID, indentContinuation(f.Message))
	}
	if !in.Quiet {
		b.WriteString(textSummary(summarize(in.Findings), in.FilesScanned))
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write text: %w", err)
	}
	return nil
}

// indentContinuation indents every line of msg but the first with a tab, so
// that every line starting in column one begins a finding.
func indentContinuation(msg string) string {
	msg = strings.ReplaceAll(msg, "\r\n", "\n")
	return strings.ReplaceAll(msg, "\n", "\n\t")
}

// textLocation formats r as path:line:col, leaving out a position that was
// never set.
func textLocation(r model.Range) string {
	switch {
	case r.Start.Line == 0:
		return r.Filename
	case r.Start.Column == 0:
		return r.Filename + ":" + strconv.Itoa(int(r.Start.Line))
	}
	return r.String()
}

func severityColor(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return ansiRed
	case model.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// textSummary says how many findings of each severity there were, leaving out
// the severities with none.
func textSummary(s summary, files int) string {
	var parts []string
	for _, c := range []struct {
		n          int
		one, other string
	}{
		{s.errors, "error", "errors"},
		{s.warnings, "warning", "warnings"},
		{s.notes, "note", "notes"},
	} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.one, c.other))
		}
	}
	head := "no findings"
	if len(parts) > 0 {
		head = strings.Join(parts, ", ")
	}
	return head + " in " + plural(files, "file", "files")
}

func plural(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}
