package openapi

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi2"
	yaml4 "go.yaml.in/yaml/v4"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"
)

// A jsonWriter writes a plain yaml.v3 tree (see value) as the JSON text
// the general path (v2JSONGeneral) gives kin-openapi's Swagger 2 decoder
// for it — what go.yaml.in/yaml/v4 decodes the copied tree into, the
// values in drop as nulls, encoded by encoding/json with its sorted keys —
// without the copy, the decode and the encode, which were half the cost
// of validating a Swagger 2 export. ok turns false on anything outside
// the plain subset: an alias, an anchor, a merge key, an explicit tag, a
// duplicate key, a number JSON cannot hold. TestV2JSONAgrees compares the
// two texts.
type jsonWriter struct {
	buf  []byte
	ok   bool
	drop map[*yaml.Node]bool // see gatewayDrops
}

// value writes a mapping with scalar keys, a sequence, or a scalar tagged
// !!str, !!null, !!bool, !!int, !!float or (untagged) !!timestamp.
func (w *jsonWriter) value(n *yaml.Node) {
	if !w.ok {
		return
	}
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		w.ok = false
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		w.object(n, nil)
	case yaml.SequenceNode:
		w.buf = append(w.buf, '[')
		for i, c := range n.Content {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.value(c)
		}
		w.buf = append(w.buf, ']')
	case yaml.ScalarNode:
		w.scalar(n)
	default:
		w.ok = false
	}
}

// object writes a mapping, and for the keys in holes an empty object or
// list in place of the value (which the caller decodes on its own).
func (w *jsonWriter) object(n *yaml.Node, holes map[string]bool) {
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Anchor != "" || k.Style&yaml.TaggedStyle != 0 || k.Tag == "!!merge" {
			w.ok = false
			return
		}
		pairs = append(pairs, pair{k, n.Content[i+1]})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return strings.Compare(a.k.Value, b.k.Value) })
	w.buf = append(w.buf, '{')
	for i, p := range pairs {
		if i > 0 {
			if p.k.Value == pairs[i-1].k.Value {
				w.ok = false // a duplicate key: the decoder refuses it
				return
			}
			w.buf = append(w.buf, ',')
		}
		w.str(p.k.Value)
		w.buf = append(w.buf, ':')
		if holes[p.k.Value] {
			if p.v.Kind == yaml.SequenceNode {
				w.buf = append(w.buf, '[', ']')
			} else {
				w.buf = append(w.buf, '{', '}')
			}
			continue
		}
		if w.drop[p.v] {
			w.buf = append(w.buf, "null"...)
			continue
		}
		w.value(p.v)
		if !w.ok {
			return
		}
	}
	w.buf = append(w.buf, '}')
}

// check reports whether the writer would write n, without writing it.
func (w *jsonWriter) check(n *yaml.Node) bool {
	mark := len(w.buf)
	w.value(n)
	w.buf = w.buf[:mark]
	return w.ok
}

func (w *jsonWriter) scalar(n *yaml.Node) {
	switch n.Tag {
	case "!!str", "!!timestamp":
		w.str(n.Value)
	case "!!null":
		w.buf = append(w.buf, "null"...)
	case "!!bool", "!!int", "!!float":
		// As rare as they are in a specification, numbers and booleans
		// are decoded by the decoder the general path uses.
		var x any
		if err := (&yaml4.Node{Kind: yaml4.ScalarNode, Tag: n.Tag, Value: n.Value}).Decode(&x); err != nil {
			w.ok = false
			return
		}
		switch f := x.(type) {
		case bool, int, int64, uint64:
		case float64:
			if math.IsInf(f, 0) || math.IsNaN(f) {
				w.ok = false
				return
			}
		default:
			w.ok = false
			return
		}
		b, err := json.Marshal(x)
		if err != nil {
			w.ok = false
			return
		}
		w.buf = append(w.buf, b...)
	default:
		w.ok = false
	}
}

// str writes a JSON string escaped as encoding/json escapes it (HTML
// characters too), so that the text is the general path's byte for byte.
func (w *jsonWriter) str(s string) {
	const hex = "0123456789abcdef"
	w.buf = append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			w.buf = append(w.buf, s[start:i]...)
			switch b {
			case '\\', '"':
				w.buf = append(w.buf, '\\', b)
			case '\b':
				w.buf = append(w.buf, '\\', 'b')
			case '\f':
				w.buf = append(w.buf, '\\', 'f')
			case '\n':
				w.buf = append(w.buf, '\\', 'n')
			case '\r':
				w.buf = append(w.buf, '\\', 'r')
			case '\t':
				w.buf = append(w.buf, '\\', 't')
			default:
				w.buf = append(w.buf, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			w.buf = append(w.buf, s[start:i]...)
			w.buf = append(w.buf, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			w.buf = append(w.buf, s[start:i]...)
			w.buf = append(w.buf, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
}

// decodeV2 decodes a plain Swagger 2 document (see jsonWriter) into
// kin-openapi's model piece by piece: the document with its paths left
// empty, each path item with its operations left empty, and each
// operation, put back together as kin-openapi's decoder would. Its
// decoder reads every level twice, once into the struct and once more
// into the level's extensions map, so the operations, most of a document,
// were read as many times as they are deep; each piece is read at its own
// level only. ok is false when a piece does not decode, when a key could
// stand for the paths or an operation by case folding (encoding/json
// matches fields that way), or for what the writer does not cover: then the
// whole text decides, and so does its error. TestDecodeV2Agrees compares
// the two.
func decodeV2(top *yaml.Node) (*openapi2.T, bool) {
	if top == nil || top.Kind != yaml.DocumentNode || len(top.Content) != 1 || top.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	root := top.Content[0]
	paths, ok := splitKey(root, "paths")
	if !ok || !plainNode(root) || paths == nil || paths.Kind != yaml.MappingNode || !plainNode(paths) {
		return nil, false
	}
	w := &jsonWriter{buf: make([]byte, 0, 1<<12), ok: true, drop: gatewayDrops(top)}
	w.object(root, map[string]bool{"paths": true})
	if !w.ok {
		return nil, false
	}
	var doc openapi2.T
	if json.Unmarshal(w.buf, &doc) != nil || doc.Paths == nil {
		return nil, false
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		key, item := paths.Content[i], paths.Content[i+1]
		if key.Kind != yaml.ScalarNode || !plainNode(key) || key.Tag == "!!merge" || item.Kind != yaml.MappingNode || !plainNode(item) {
			return nil, false
		}
		pi, ok := decodeV2Item(w, item)
		if !ok {
			return nil, false
		}
		doc.Paths[key.Value] = pi
	}
	if len(doc.Paths) != len(paths.Content)/2 {
		return nil, false // a duplicate path
	}
	return &doc, true
}

// v2Verbs are the operations of a Swagger 2 path item.
var v2Verbs = [...]string{"delete", "get", "head", "options", "patch", "post", "put"}

// decodeV2Item decodes a path item, its operations one by one.
func decodeV2Item(w *jsonWriter, item *yaml.Node) (*openapi2.PathItem, bool) {
	holes := map[string]bool{}
	ops := map[string]*yaml.Node{}
	for _, verb := range v2Verbs {
		op, ok := splitKey(item, verb)
		if !ok {
			return nil, false
		}
		if op != nil {
			if op.Kind != yaml.MappingNode {
				return nil, false
			}
			holes[verb], ops[verb] = true, op
		}
	}
	w.buf = w.buf[:0]
	w.object(item, holes)
	if !w.ok {
		return nil, false
	}
	var pi openapi2.PathItem
	if json.Unmarshal(w.buf, &pi) != nil {
		return nil, false
	}
	slots := map[string]**openapi2.Operation{
		"delete": &pi.Delete, "get": &pi.Get, "head": &pi.Head, "options": &pi.Options,
		"patch": &pi.Patch, "post": &pi.Post, "put": &pi.Put,
	}
	for verb, n := range ops {
		op, ok := decodeV2Operation(w, n)
		if !ok {
			return nil, false
		}
		*slots[verb] = op
	}
	return &pi, true
}

// decodeV2Operation decodes an operation, its responses and its
// parameters on their own.
func decodeV2Operation(w *jsonWriter, n *yaml.Node) (*openapi2.Operation, bool) {
	if !plainNode(n) {
		return nil, false
	}
	resps, ok1 := splitKey(n, "responses")
	params, ok2 := splitKey(n, "parameters")
	if !ok1 || !ok2 {
		return nil, false
	}
	holes := map[string]bool{}
	if resps != nil && resps.Kind == yaml.MappingNode && plainNode(resps) {
		holes["responses"] = true
	}
	if params != nil && params.Kind == yaml.SequenceNode && plainNode(params) {
		holes["parameters"] = true
	}
	w.buf = w.buf[:0]
	w.object(n, holes)
	if !w.ok {
		return nil, false
	}
	op := &openapi2.Operation{}
	if json.Unmarshal(w.buf, op) != nil {
		return nil, false
	}
	if holes["responses"] {
		w.buf = w.buf[:0]
		w.value(resps)
		r := &openapi2.Responses{}
		if !w.ok || json.Unmarshal(w.buf, r) != nil {
			return nil, false
		}
		op.Responses = r
	}
	if holes["parameters"] {
		w.buf = w.buf[:0]
		w.value(params)
		var ps openapi2.Parameters
		if !w.ok || json.Unmarshal(w.buf, &ps) != nil {
			return nil, false
		}
		op.Parameters = ps
	}
	return op, true
}

// plainNode reports whether n has no anchor and no explicit tag (what the
// writer's value checks of the nodes it is given).
func plainNode(n *yaml.Node) bool { return n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 }

// splitKey returns the value of key in mapping n (nil when absent); ok is
// false when another key matches it by case folding, as encoding/json
// matches struct fields, or when it is there twice.
func splitKey(n *yaml.Node, key string) (v *yaml.Node, ok bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		switch {
		case k == key:
			if v != nil {
				return nil, false
			}
			v = n.Content[i+1]
		case strings.EqualFold(k, key):
			return nil, false
		}
	}
	return v, true
}

// gatewayDrops returns the values of API Gateway's extensions
// (x-amazon-apigateway-*) that kin-openapi's decoders may be spared, as
// nulls: on the document, its path items, their operations, and its
// security definitions (Swagger 2) or schemes (OpenAPI 3). kin-openapi
// keeps an extension's value without reading it, and in an export they
// are most of the text. A value is kept when decoding it could fail (what
// the writer's check refuses, and a null key, which kin-openapi refuses),
// and all are kept when the document has anchors or aliases (a value
// reached from two places is not dropped from one) or a $ref names an API
// Gateway extension (kin-openapi resolves references into extensions).
// The general path, the JSON writer and the OpenAPI 3 copy all drop this
// one set.
func gatewayDrops(top *yaml.Node) map[*yaml.Node]bool {
	if top == nil || top.Kind != yaml.DocumentNode || len(top.Content) != 1 || top.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	if refersOrAliases(top) {
		return nil
	}
	root := top.Content[0]
	drop := map[*yaml.Node]bool{}
	w := &jsonWriter{ok: true}
	dropIn := func(n *yaml.Node) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && strings.HasPrefix(k.Value, "x-amazon-apigateway-") && !nullKeys(v) {
				w.ok = true
				if w.check(v) {
					drop[v] = true
				}
			}
		}
	}
	dropIn(root)
	for _, p := range yamltree.Pairs(yamltree.Path(root, "securityDefinitions")) {
		dropIn(p[1])
	}
	for _, p := range yamltree.Pairs(yamltree.Path(root, "components", "securitySchemes")) {
		dropIn(p[1])
	}
	for _, p := range yamltree.Pairs(yamltree.Path(root, "paths")) {
		item := p[1]
		dropIn(item)
		for _, verb := range [...]string{"get", "put", "post", "delete", "options", "head", "patch", "trace"} {
			op, _ := yamltree.Get(item, verb)
			dropIn(op)
		}
	}
	return drop
}

// nullKeys reports whether a mapping under n has a null key.
func nullKeys(n *yaml.Node) bool {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			if n.Content[i].Tag == "!!null" {
				return true
			}
		}
	}
	return slices.ContainsFunc(n.Content, nullKeys)
}

// refersOrAliases reports whether a $ref in the document names an API
// Gateway extension, or the document has an anchor or an alias (a value
// reached from two places is not dropped from one).
func refersOrAliases(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return true
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "$ref" && strings.Contains(v.Value, "x-amazon-apigateway-") {
				return true
			}
		}
	}
	return slices.ContainsFunc(n.Content, refersOrAliases)
}
