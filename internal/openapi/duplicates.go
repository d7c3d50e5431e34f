package openapi

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// RuleDuplicateKey is the rule ID of a key repeated in one YAML mapping.
const RuleDuplicateKey = "APIGW006"

// DuplicateKeys reports every key repeated in a mapping of a YAML tree:
// YAML decoders, CloudFormation and the Serverless Framework silently keep
// the last value, so the earlier one is dead text that readers still
// believe. Aliases are not followed: each node is visited once.
func DuplicateKeys(filename string, lines *model.LineIndex, root *yaml.Node) []model.Finding {
	d := &doc{filename: filename, lines: lines}
	d.duplicateKeys(root, map[*yaml.Node]bool{}, 0)
	return d.diags
}

func (d *doc) duplicateKeys(n *yaml.Node, seen map[*yaml.Node]bool, depth int) {
	if n == nil || depth > 256 || seen[n] {
		return
	}
	seen[n] = true
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			d.duplicateKeys(c, seen, depth+1)
		}
	case yaml.MappingNode:
		first := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
				if prev, dup := first[k.Value]; dup {
					d.diags = append(d.diags, model.Finding{
						RuleID:   RuleDuplicateKey,
						Severity: model.SeverityWarning,
						Message: fmt.Sprintf("key %q is repeated in this mapping (first at line %d): only the last one takes effect, the earlier value is silently dropped; remove or rename one of them",
							k.Value, prev.Line),
						Range:   d.rangeOf(k),
						Related: []model.Related{{Message: "the dropped value's key", Range: d.rangeOf(prev)}},
					})
				} else {
					first[k.Value] = k
				}
			}
			d.duplicateKeys(n.Content[i+1], seen, depth+1)
		}
	}
}
