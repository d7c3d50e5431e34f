package openapi

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// IgnoreKey is the extension that suppresses findings in documents without
// comments (JSON): on an object, it covers the object's lines.
//
//	"x-apigw-lint-ignore": [{"rule": "APIGW112", "reason": "vendored export"}]
//	x-apigw-lint-ignore: {APIGW112: vendored export}
const IgnoreKey = "x-apigw-lint-ignore"

// ignores collects every x-apigw-lint-ignore of the document. key is the
// node that names the object (its key in the parent), for the start line.
func (d *doc) ignores(n, key *yaml.Node, depth int) []model.Ignore {
	// Aliases are not followed: an alias bomb would expand exponentially,
	// and the extension is positioned where it is written.
	if n == nil || n.Kind == yaml.AliasNode || depth > 64 {
		return nil
	}
	var out []model.Ignore
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == IgnoreKey {
				start := n
				if key != nil {
					start = key
				}
				out = append(out, d.ignore(start, n, v)...)
				continue
			}
			out = append(out, d.ignores(v, k, depth+1)...)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, d.ignores(c, nil, depth+1)...)
		}
	}
	return out
}

// ignore reads one extension value, covering the lines from start to the
// last line of obj.
func (d *doc) ignore(start, obj, v *yaml.Node) []model.Ignore {
	r := d.rangeOf(start)
	r.End = d.lines.At(lastLine(obj, 0), 1)
	var out []model.Ignore
	add := func(rule, reason string) {
		out = append(out, model.Ignore{Range: r, Rules: []string{strings.TrimSpace(rule)}, Reason: strings.TrimSpace(reason)})
	}
	v = yamltree.Deref(v)
	switch {
	case v == nil:
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			rule, _ := yamltree.Get(item, "rule")
			reason, _ := yamltree.Get(item, "reason")
			if rule != nil && rule.Kind == yaml.ScalarNode {
				text := ""
				if reason != nil {
					text = reason.Value
				}
				add(rule.Value, text)
			}
		}
	case v.Kind == yaml.MappingNode:
		for _, p := range yamltree.Pairs(v) {
			add(p[0].Value, p[1].Value)
		}
	}
	return out
}

// lastLine is the last line a node's content reaches.
func lastLine(n *yaml.Node, depth int) int {
	if n == nil {
		return 0
	}
	last := n.Line + strings.Count(n.Value, "\n")
	if depth > 64 {
		return last
	}
	for _, c := range n.Content {
		last = max(last, lastLine(c, depth+1))
	}
	return last
}
