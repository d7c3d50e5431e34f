package openapi

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// RuleTooLarge is the rule ID of input that is not loaded because it
// exceeds a cap (APIGW005).
const RuleTooLarge = "APIGW005"

// Caps on a parsed YAML or JSON document. A real export or template nests
// a few dozen levels and reuses anchors a few times; a document beyond
// these is generated or hostile, and walking it would cost the run.
var (
	// MaxDepth is the deepest nesting of mappings and sequences.
	MaxDepth = 1000
	// MaxExpansion is how many nodes the document may stand for once its
	// aliases are expanded, over the nodes it holds: an alias bomb (each
	// anchor a list of aliases to the previous one) holds a few hundred
	// nodes and stands for billions.
	MaxExpansion = 1_000_000
)

// CheckLimits returns an APIGW005 finding when the parsed document nests
// deeper than MaxDepth or its aliases expand to more than MaxExpansion
// nodes beyond those it holds, positioned at the node where the cap is
// crossed; ok is true when the document is within the caps. The walk visits
// every node once: an alias's expansion is counted from its anchor's, which
// is computed once.
func CheckLimits(filename string, lines *model.LineIndex, doc *yaml.Node) (model.Finding, bool) {
	held := 0
	expanded := map[*yaml.Node]int{}
	var deepest *yaml.Node
	var size func(n *yaml.Node, depth int) int
	size = func(n *yaml.Node, depth int) int {
		if n == nil {
			return 0
		}
		if depth > MaxDepth {
			if deepest == nil {
				deepest = n
			}
			return 1
		}
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return 1
			}
			if s, ok := expanded[n.Alias]; ok {
				return s
			}
			// An anchor is defined before its aliases, so its size is
			// known unless it is still being walked (an alias inside
			// its own anchor): count that as one node.
			return 1
		}
		held++
		s := 1
		for _, c := range n.Content {
			s += size(c, depth+1)
			if s > MaxExpansion+held {
				s = MaxExpansion + held + 1 // saturate: no overflow
			}
		}
		if n.Anchor != "" {
			expanded[n] = s
		}
		return s
	}
	total := size(doc, 0)
	at := func(n *yaml.Node) model.Range {
		p := lines.At(max(n.Line, 1), max(n.Column, 1))
		return model.Range{Filename: filename, Start: p, End: p}
	}
	if deepest != nil {
		return model.Finding{
			RuleID: RuleTooLarge, Severity: model.SeverityWarning, Range: at(deepest),
			Message: fmt.Sprintf("the document nests deeper than %d levels: it is not checked; flatten it, or exclude the file", MaxDepth),
		}, false
	}
	if total-held > MaxExpansion {
		return model.Finding{
			RuleID: RuleTooLarge, Severity: model.SeverityWarning, Range: at(firstAlias(doc)),
			Message: fmt.Sprintf("the document's aliases expand to more than %d nodes (an alias bomb?): it is not checked; reduce the aliasing, or exclude the file", MaxExpansion),
		}, false
	}
	return model.Finding{}, true
}

func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	if n.Kind == yaml.DocumentNode {
		return n
	}
	return nil
}

// DepthError reports whether a parser's error is its own nesting cap
// (yaml.v3 stops at 10,000 levels, encoding/json likewise).
func DepthError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "exceeded max depth")
}
