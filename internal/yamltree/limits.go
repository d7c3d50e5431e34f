package yamltree

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

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

// CheckLimits reports whether the parsed document nests deeper than
// MaxDepth or its aliases expand to more than MaxExpansion nodes beyond
// those it holds: when it does, at is the node where the cap is crossed and
// problem says which (for a finding: "the document …"). The walk visits
// every node once: an alias's expansion is counted from its anchor's, which
// is computed once.
func CheckLimits(doc *yaml.Node) (at *yaml.Node, problem string) {
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
	if deepest != nil {
		return deepest, fmt.Sprintf("nests deeper than %d levels", MaxDepth)
	}
	if total-held > MaxExpansion {
		return firstAlias(doc), fmt.Sprintf("has aliases that expand to more than %d nodes (an alias bomb?)", MaxExpansion)
	}
	return nil, ""
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
