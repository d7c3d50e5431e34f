package openapi

import (
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/yamltree"
)

// RuleTooLarge is the rule ID of input that is not loaded because it
// exceeds a cap (APIGW005).
const RuleTooLarge = "APIGW005"

// TooLarge returns an APIGW005 finding when the parsed document is over
// yamltree's caps (nesting, alias expansion), positioned where the cap is
// crossed; ok is true when it is within them. The CloudFormation loader
// reports its templates through it too.
func TooLarge(filename string, lines *model.LineIndex, doc *yaml.Node) (f model.Finding, ok bool) {
	at, problem := yamltree.CheckLimits(doc)
	if at == nil {
		return model.Finding{}, true
	}
	p := lines.At(max(at.Line, 1), max(at.Column, 1))
	return model.Finding{
		RuleID: RuleTooLarge, Severity: model.SeverityWarning,
		Range:   model.Range{Filename: filename, Start: p, End: p},
		Message: "the document " + problem + ": it is not checked; reduce it, or exclude the file",
	}, false
}
