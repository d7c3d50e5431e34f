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
// believe. Aliases are not followed: a parsed tree reaches each node once
// through Content.
func DuplicateKeys(filename string, lines *model.LineIndex, root *yaml.Node) []model.Finding {
	d := &doc{filename: filename, lines: lines}
	d.duplicateKeys(root, 0)
	return d.diags
}

func (d *doc) duplicateKeys(n *yaml.Node, depth int) {
	if n == nil || depth > 256 {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			d.duplicateKeys(c, depth+1)
		}
	case yaml.MappingNode:
		// A small mapping (most are) is searched, a large one indexed.
		var first map[string]*yaml.Node
		if len(n.Content) > 32 {
			first = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
				if prev := firstKey(n, i, k.Value, first); prev != nil {
					d.diags = append(d.diags, model.Finding{
						RuleID:   RuleDuplicateKey,
						Severity: model.SeverityWarning,
						Message: fmt.Sprintf("key %q is repeated in this mapping (first at line %d): only the last one takes effect, the earlier value is silently dropped; remove or rename one of them",
							k.Value, prev.Line),
						Range:   d.rangeOf(k),
						Related: []model.Related{{Message: "the dropped value's key", Range: d.rangeOf(prev)}},
					})
				} else if first != nil {
					first[k.Value] = k
				}
			}
			d.duplicateKeys(n.Content[i+1], depth+1)
		}
	}
}

// firstKey returns the first scalar key before position i of mapping n
// spelled key (through index when there is one), or nil.
func firstKey(n *yaml.Node, i int, key string, index map[string]*yaml.Node) *yaml.Node {
	if index != nil {
		return index[key]
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Value == key && k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
			return k
		}
	}
	return nil
}
