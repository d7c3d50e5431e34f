package rules

import (
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/javaregex"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW108 lambda-status-code-pattern: a Lambda selection pattern only matches a bare status code or one fixed string.
//
// On a Lambda custom integration the selection pattern is matched against
// the function's `errorMessage`, in full, never against a status code. A
// pattern like `4\d{2}` only selects its response when the whole error
// message is three digits; a fixed string like `Not Found` only when the
// message is exactly that text. Both usually mean the author expected a
// status code or a substring match.
//
// Match the error message: `.*Not Found.*`, or a prefix your function
// writes, e.g. `\[BadRequest\].*`.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
var LambdaStatusCodePattern = &Rule{
	ID:       "APIGW108",
	Name:     "lambda-status-code-pattern",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "selection-pattern", "lambda"},
	Check:    checkLambdaStatusCodePattern,
}

func checkLambdaStatusCodePattern(p *Pass) error {
	eachErrorPattern(p, func(r *model.IntegrationResponse, src string, re *javaregex.Pattern) {
		if statusOnly(p.Patterns, src) {
			p.Reportf(r.Pattern.Range, "selection pattern %s matches only a bare status code, but on a Lambda integration it is matched against the whole error message; match the message instead, e.g. \".*Not Found.*\"", show(src))
			return
		}
		if lit, ok := re.Literal(); ok && lit != "" {
			p.Reportf(r.Pattern.Range, "selection pattern %s only matches an error message that is exactly %s (Lambda error messages are matched in full); use \".*%s.*\" to match it anywhere in the message", show(src), strconv.Quote(lit), quoteMeta(lit))
		}
	})
	return nil
}

// quoteMeta escapes a literal for a Java regex, as Pattern.quote would in
// the common cases, for a suggestion in a message.
func quoteMeta(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\.[]{}()*+?^$|`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
