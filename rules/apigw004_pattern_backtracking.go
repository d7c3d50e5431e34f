package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW004 pattern-backtracking: a selection pattern backtracks catastrophically on some inputs.
//
// A pattern with nested or overlapping repetition, such as `(a+)+b` or
// `(.*,)*x`, takes time exponential in the length of a subject it does not
// match. On a Lambda integration the subject is the function's error
// message, which the function (and, through it, the client) controls.
// apigw-lint matches every pattern against a few long stress messages built
// from the pattern's own characters, with a time limit; a pattern that hits
// the limit is reported instead of being left to hang a request.
//
// Rewrite the repetition so that each character can be consumed in only one
// way: `a+b` for `(a+)+b`, `[^,]*(,[^,]*)*x` for `(.*,)*x`.
//
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html
var PatternBacktracking = &Rule{
	ID:       "APIGW004",
	Name:     "pattern-backtracking",
	Severity: model.SeverityWarning,
	Tags:     []string{"reliability", "selection-pattern"},
	Check:    checkPatternBacktracking,
}

func checkPatternBacktracking(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject == model.SubjectNone {
			return
		}
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			if p.Patterns.Backtracks(src) {
				p.Reportf(r.Pattern.Range, "selection pattern %s backtracks catastrophically: matching it against a %d-character message did not finish within the time limit; rewrite the nested repetition so that each character can match in only one way", show(src), stressLength)
			}
		}
	})
	return nil
}
