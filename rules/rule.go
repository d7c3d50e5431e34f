// Package rules holds the built-in Go rules of apigw-lint: one rule per file,
// each a value with an ID, a severity and a Check function over the model.
// A rule's doc comment is its documentation.
package rules

import (
	"fmt"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A Rule is one check. Check returns an error only when the rule could not
// run; what is wrong with the user's configuration is reported through the
// Pass.
type Rule struct {
	ID       string // "APIGW101": stable forever, never reused
	Name     string // "invalid-selection-pattern"
	Severity model.Severity
	// Tags group rules in SARIF (`properties.tags`); "security" marks the
	// ones GitHub ranks by SecuritySeverity.
	Tags             []string
	SecuritySeverity string
	Check            func(*Pass) error

	// doc and title are filled from the rule's doc comment by All.
	doc   string
	title string
}

// Doc returns the rule's documentation: its doc comment.
func (r *Rule) Doc() string { return r.doc }

// Title returns the first sentence of the doc comment after "ID name:".
func (r *Rule) Title() string { return r.title }

// Info returns what the output formats need to know about the rule.
func (r *Rule) Info() model.RuleInfo {
	return model.RuleInfo{
		ID:               r.ID,
		Name:             r.Name,
		Title:            r.title,
		Severity:         r.Severity,
		Doc:              r.doc,
		HelpURI:          model.DocsBase + r.ID + ".md",
		Tags:             r.Tags,
		SecuritySeverity: r.SecuritySeverity,
	}
}

// A Pass is one rule's view of one run. Reportf is not safe for concurrent
// use: each rule runs on its own Pass.
type Pass struct {
	Rule     *Rule
	Project  *model.Project
	Patterns *Patterns
	Report   func(model.Finding)
	// Now is the time certificates are checked against (`--now`; the zero
	// time means the clock).
	Now time.Time
	// Params are the configuration's rule parameters.
	Params config.Params
}

// Reportf reports a finding at the rule's default severity.
func (p *Pass) Reportf(at model.Range, format string, args ...any) {
	p.ReportSeverityf(p.Rule.Severity, at, format, args...)
}

// ReportSeverityf reports a finding at a given severity: for rules whose
// documentation names more than one (an expired certificate is an error, an
// expiring one a warning).
func (p *Pass) ReportSeverityf(sev model.Severity, at model.Range, format string, args ...any) {
	if at.Filename == "" {
		panic(fmt.Sprintf("rule %s reported a finding without a range", p.Rule.ID))
	}
	p.Report(model.Finding{
		RuleID:   p.Rule.ID,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Range:    at,
	})
}

// ReportRelated reports a finding with related locations.
func (p *Pass) ReportRelated(at model.Range, related []model.Related, format string, args ...any) {
	p.Report(model.Finding{
		RuleID:   p.Rule.ID,
		Severity: p.Rule.Severity,
		Message:  fmt.Sprintf(format, args...),
		Range:    at,
		Related:  related,
	})
}
