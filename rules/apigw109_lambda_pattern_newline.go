package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/javaregex"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW109 lambda-pattern-newline: a Lambda selection pattern built on `.` cannot match an error message that contains a newline.
//
// In Java regexes `.` does not match a line terminator. Error messages of
// many runtimes (stack traces, multi-line exception text) contain newlines,
// and a pattern like `.*Error.*` or `.+` then fails to match them in full, so
// the error falls through to the default response. AWS's documentation warns
// that `.+` may not match a response containing a newline and suggests
// `(\n|.)+`. Whether API Gateway honours the inline flag `(?s)` is not
// documented.
//
// Write `(\n|.)` where the message may span lines: `(\n|.)*Error(\n|.)*`.
//
// https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html
var LambdaPatternNewline = &Rule{
	ID:       "APIGW109",
	Name:     "lambda-pattern-newline",
	Severity: model.SeverityNote,
	Tags:     []string{"correctness", "selection-pattern", "lambda"},
	Check:    checkLambdaPatternNewline,
}

func checkLambdaPatternNewline(p *Pass) error {
	eachErrorPattern(p, func(r *model.IntegrationResponse, src string, re *javaregex.Pattern) {
		if re.UsesDot() && !re.CanMatchNewline() {
			p.Reportf(r.Pattern.Range, "selection pattern %s cannot match an error message that contains a newline (`.` does not match line breaks), such as a stack trace; use \"(\\n|.)\" in place of \".\"", show(src))
		}
	})
	return nil
}
