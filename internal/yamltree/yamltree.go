// Package yamltree navigates a parsed YAML document (gopkg.in/yaml.v3 nodes)
// the way YAML decoders read it: aliases resolved, merge keys (`<<`)
// expanded with explicit keys winning, a later duplicate key replacing an
// earlier one. Every loader of YAML documents (OpenAPI exports,
// CloudFormation templates) reads through it, so that the bounds that keep
// hostile documents cheap hold everywhere.
package yamltree

import "gopkg.in/yaml.v3"

// mergeBudget bounds the pairs one mapping's merge keys may bring in: merge
// keys that reference merge keys can multiply like an alias bomb.
const mergeBudget = 10000

// maxMergeDepth bounds how deep merge keys are followed into merged
// mappings.
const maxMergeDepth = 8

// Deref resolves an alias (through at most 16 aliases; a longer chain reads
// as nil).
func Deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 16; depth++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// IsMap reports whether n is a mapping node.
func IsMap(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// Pairs returns the key and value nodes of a mapping node, resolving
// aliases and merge keys; a later duplicate key replaces an earlier one, as
// every YAML decoder does. It returns nil for anything else.
// https://yaml.org/type/merge.html
func Pairs(n *yaml.Node) [][2]*yaml.Node {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	budget := mergeBudget
	return mergedPairs(n, 0, &budget)
}

func mergedPairs(n *yaml.Node, depth int, budget *int) [][2]*yaml.Node {
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	// index is the position of the pair last added under each key; a small
	// mapping (most are) finds it by scanning out from the end instead.
	var index map[string]int
	if len(n.Content) > 2*smallMapping {
		index = map[string]int{}
	}
	find := func(key string) (int, bool) {
		if index != nil {
			i, ok := index[key]
			return i, ok
		}
		for i := len(out) - 1; i >= 0; i-- {
			if out[i][0].Value == key {
				return i, true
			}
		}
		return 0, false
	}
	put := func(k, v *yaml.Node) {
		if i, ok := find(k.Value); ok && k.Kind == yaml.ScalarNode {
			out[i] = [2]*yaml.Node{k, v}
			return
		}
		if index != nil {
			index[k.Value] = len(out)
		}
		out = append(out, [2]*yaml.Node{k, v})
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], Deref(n.Content[i+1])
		if k.Tag != "!!merge" || depth >= maxMergeDepth || *budget <= 0 {
			put(k, v) // a merge key past the bounds stays a plain key
			continue
		}
		sources := []*yaml.Node{v}
		if v != nil && v.Kind == yaml.SequenceNode {
			sources = sources[:0]
			for _, s := range v.Content {
				sources = append(sources, Deref(s))
			}
		}
		for _, s := range sources {
			if !IsMap(s) {
				continue
			}
			for _, p := range mergedPairs(s, depth+1, budget) {
				*budget--
				if _, explicit := find(p[0].Value); !explicit {
					put(p[0], p[1])
				}
			}
		}
	}
	return out
}

// smallMapping is the number of pairs up to which mergedPairs scans
// instead of indexing.
const smallMapping = 16

// Get returns the value of key in a mapping node, and the key node: the
// pair Pairs lists first under key. A mapping without merge keys (nearly
// all) is read in place, without building its pairs.
func Get(n *yaml.Node, key string) (val, k *yaml.Node) {
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag == "!!merge" {
			for _, p := range Pairs(n) {
				if p[0].Value == key {
					return p[1], p[0]
				}
			}
			return nil, nil
		}
	}
	// Pairs keeps the first pair under key in place, and a later scalar key
	// replaces it until a non-scalar key of the same text is added after it.
	for i := 0; i+1 < len(n.Content); i += 2 {
		c := n.Content[i]
		if c.Value != key {
			continue
		}
		if k != nil && c.Kind != yaml.ScalarNode {
			break
		}
		val, k = Deref(n.Content[i+1]), c
	}
	return val, k
}

// Path follows keys through nested mappings.
func Path(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n, _ = Get(n, k)
		if n == nil {
			return nil
		}
	}
	return n
}

// Items returns the elements of a sequence node, aliases resolved.
func Items(n *yaml.Node) []*yaml.Node {
	n = Deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, Deref(c))
	}
	return out
}
