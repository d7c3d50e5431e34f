package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// GitHub writes one GitHub Actions workflow command per finding, such as
// `::error file=api.yaml,line=3,col=5,endLine=3,endColumn=9,title=APIGW101::message`,
// which the Actions runner turns into an annotation on the pull request.
// Warnings become ::warning and notes ::notice.
//
// Columns are left out for a range that spans lines: GitHub accepts col and
// endColumn only when line and endLine are equal (see AnnotationProperties in
// @actions/core).
func GitHub(w io.Writer, in Input) error {
	if err := checkSeverities(in.Findings); err != nil {
		return fmt.Errorf("write github: %w", err)
	}
	var b strings.Builder
	for _, f := range in.Findings {
		b.WriteString("::")
		b.WriteString(githubCommand(f.Severity))
		b.WriteByte(' ')
		b.WriteString(githubProperties(f))
		b.WriteString("::")
		b.WriteString(escapeData(f.Message))
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write github: %w", err)
	}
	return nil
}

func githubCommand(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return "error"
	case model.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// githubProperties formats the command's properties in a fixed order,
// leaving out the positions that are unknown.
func githubProperties(f model.Finding) string {
	type prop struct{ key, value string }
	start, end := f.Range.Start, f.Range.End
	props := []prop{{"file", f.Range.Filename}}
	if start.Line > 0 {
		props = append(props, prop{"line", strconv.Itoa(int(start.Line))})
		endLine := end.Line
		if endLine == 0 && end.Column > 0 {
			endLine = start.Line
		}
		oneLine := endLine == 0 || endLine == start.Line
		if oneLine && start.Column > 0 {
			props = append(props, prop{"col", strconv.Itoa(int(start.Column))})
		}
		if endLine > 0 {
			props = append(props, prop{"endLine", strconv.Itoa(int(endLine))})
		}
		if oneLine && start.Column > 0 && end.Column > 0 {
			props = append(props, prop{"endColumn", strconv.Itoa(int(end.Column))})
		}
	}
	props = append(props, prop{"title", f.RuleID})
	parts := make([]string, len(props))
	for i, p := range props {
		parts[i] = p.key + "=" + escapeProperty(p.value)
	}
	return strings.Join(parts, ",")
}

// escapeData escapes a workflow command's message as the Actions runner
// expects (escapeData in @actions/core).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as data, plus
// the ':' and ',' that delimit properties (escapeProperty in @actions/core).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
