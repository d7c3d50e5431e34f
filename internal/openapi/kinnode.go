package openapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi3"
	yaml4 "go.yaml.in/yaml/v4"
	"gopkg.in/yaml.v3"
)

// The document is parsed once, by yaml.v3, into the tree the loader reads.
// kin-openapi parses with go.yaml.in/yaml/v4, whose Node has the same shape,
// and decodes its OpenAPI 3 types straight from such a node (the types
// implement UnmarshalYAML); given the bytes it would parse them a second
// time, which was half the cost of loading an export. So the tree is copied
// into v4 nodes and handed over, prepared the way kin-openapi's own
// unmarshal prepares it (see prepareKin). Swagger 2 types decode from JSON
// only: a plain tree is written as JSON directly and decoded piece by piece
// (kinjson.go), any other goes node → any → JSON, as kin-openapi's yamlconv
// does, minus the parse. Whenever the node path refuses a document, the
// bytes path decides, so an invalid document gets kin-openapi's own
// message.

// kinDecodeV3 decodes the document into kin-openapi's OpenAPI 3 model and
// resolves its local references.
func kinDecodeV3(top *yaml.Node, loader *openapi3.Loader) (*openapi3.T, error) {
	root := toYAML4(top, gatewayDrops(top))
	if err := prepareKin(root); err != nil {
		return nil, err
	}
	doc := &openapi3.T{}
	if err := root.Decode(doc); err != nil {
		return nil, err
	}
	if err := loader.ResolveRefsIn(doc, nil); err != nil {
		return nil, err
	}
	return doc, nil
}

// kinDecodeV2 decodes a Swagger 2 document into kin-openapi's model: piece
// by piece when it can (decodeV2), else from its whole JSON text.
func kinDecodeV2(top *yaml.Node) (*openapi2.T, error) {
	if doc, ok := decodeV2(top); ok {
		return doc, nil
	}
	j, err := v2JSONGeneral(top)
	if err != nil {
		return nil, err
	}
	var v2 openapi2.T
	if err := json.Unmarshal(j, &v2); err != nil {
		return nil, err
	}
	return &v2, nil
}

// v2JSONGeneral is the JSON text kin-openapi's Swagger 2 decoder is given
// for any tree: the tree copied (API Gateway's extension values dropped,
// see gatewayDrops), decoded as go.yaml.in/yaml/v4 decodes it, encoded.
func v2JSONGeneral(top *yaml.Node) ([]byte, error) {
	root := toYAML4(top, gatewayDrops(top))
	prepareJSON(root)
	var generic any
	if err := root.Decode(&generic); err != nil {
		return nil, err
	}
	return json.Marshal(generic)
}

// toYAML4 copies a yaml.v3 tree into go.yaml.in/yaml/v4 nodes, the nodes
// in drop as nulls. An anchored node is copied once, whatever number of
// aliases reach it, so the copy is linear in the size of the text even for
// an alias bomb.
func toYAML4(n *yaml.Node, drop map[*yaml.Node]bool) *yaml4.Node {
	return (&copier{seen: map[*yaml.Node]*yaml4.Node{}, drop: drop}).copy(n)
}

// A copier is one toYAML4 copy: the anchored nodes copied so far (seen).
type copier struct {
	seen map[*yaml.Node]*yaml4.Node
	drop map[*yaml.Node]bool
}

func (cp *copier) copy(n *yaml.Node) *yaml4.Node {
	if n == nil {
		return nil
	}
	if cp.drop[n] {
		return &yaml4.Node{Kind: yaml4.ScalarNode, Tag: kinNullTag, Value: "null", Line: n.Line, Column: n.Column}
	}
	seen := cp.seen
	if n.Anchor != "" {
		if c, ok := seen[n]; ok {
			return c
		}
	}
	c := &yaml4.Node{
		Kind:        yaml4.Kind(n.Kind),
		Style:       yaml4.Style(n.Style),
		Tag:         n.Tag,
		Value:       n.Value,
		Anchor:      n.Anchor,
		HeadComment: n.HeadComment,
		LineComment: n.LineComment,
		FootComment: n.FootComment,
		Line:        n.Line,
		Column:      n.Column,
	}
	if n.Anchor != "" {
		seen[n] = c
	}
	if n.Alias != nil {
		c.Alias = cp.copy(n.Alias)
	}
	if len(n.Content) > 0 {
		c.Content = make([]*yaml4.Node, len(n.Content))
		for i, x := range n.Content {
			c.Content[i] = cp.copy(x)
		}
	}
	return c
}

const (
	kinStrTag  = "!!str"
	kinNullTag = "!!null"
)

// prepareKin does what kin-openapi's unmarshal does to a parsed tree before
// decoding it (openapi3/native_yaml.go, prepareScalars): an application's
// own tag (!Sub, !md) and a timestamp read as the text they wrote,
// infinities and NaN are refused, mapping keys are read as their text, and
// an alias that leads back into itself is refused.
func prepareKin(root *yaml4.Node) error {
	hasAlias := false
	// The tree is a tree through Content; an alias points elsewhere through
	// Alias only, so each node is visited once.
	var walk func(n *yaml4.Node) error
	walk = func(n *yaml4.Node) error {
		if n == nil {
			return nil
		}
		switch n.Kind {
		case yaml4.AliasNode:
			hasAlias = true
		case yaml4.ScalarNode:
			if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
				n.Tag = kinStrTag
			}
			if n.Tag == "!!timestamp" {
				n.Tag = kinStrTag
			}
			if n.Tag == "!!float" {
				switch strings.ToLower(strings.TrimLeft(n.Value, "+-")) {
				case ".inf", ".nan":
					return fmt.Errorf("line %d: %s has no JSON representation", n.Line, n.Value)
				}
			}
		case yaml4.MappingNode:
			if err := nameKeys(n); err != nil {
				return err
			}
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return err
	}
	if hasAlias {
		return aliasCycles(root)
	}
	return nil
}

func isMergeKey4(k *yaml4.Node) bool {
	return k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0 && (k.Tag == "" || k.Tag == kinStrTag))
}

// nameKeys retags scalar mapping keys as strings, so a member is named by
// the text that spells it (kin-openapi's nameKeys).
func nameKeys(n *yaml4.Node) error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if isMergeKey4(k) {
			continue
		}
		if k.Kind == yaml4.AliasNode && k.Alias != nil && k.Alias.Kind == yaml4.ScalarNode {
			named := *k.Alias
			named.Anchor = ""
			named.Line, named.Column = k.Line, k.Column
			n.Content[i], k = &named, &named
		}
		if k.Kind != yaml4.ScalarNode || k.Tag == kinStrTag {
			continue
		}
		if k.Tag == kinNullTag {
			return fmt.Errorf("line %d: mapping key is null, so it names nothing", k.Line)
		}
		k.Tag = kinStrTag
	}
	return nil
}

// aliasCycles refuses a document in which an alias leads back to a node it
// sits inside; decoding one would recurse until the stack is exhausted.
func aliasCycles(root *yaml4.Node) error {
	const (
		onPath = iota + 1
		done
	)
	state := map[*yaml4.Node]uint8{}
	var walk func(n *yaml4.Node) error
	walk = func(n *yaml4.Node) error {
		switch state[n] {
		case onPath:
			return fmt.Errorf("anchor %q value contains itself", n.Anchor)
		case done:
			return nil
		}
		state[n] = onPath
		if n.Kind == yaml4.AliasNode && n.Alias != nil {
			if err := walk(n.Alias); err != nil {
				return err
			}
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		state[n] = done
		return nil
	}
	return walk(root)
}

// prepareJSON is kin-openapi's yamlconv.PrepareForJSON: timestamps and
// mapping keys become strings, as JSON needs them.
func prepareJSON(root *yaml4.Node) {
	var walk func(n *yaml4.Node)
	walk = func(n *yaml4.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml4.ScalarNode && n.Tag == "!!timestamp" && n.Style != yaml4.TaggedStyle {
			n.Tag = kinStrTag
		}
		if n.Kind == yaml4.MappingNode {
			for i := 0; i < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind == yaml4.ScalarNode && k.Tag != kinStrTag {
					k.Tag = kinStrTag
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
}
