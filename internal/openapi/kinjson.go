package openapi

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	yaml4 "go.yaml.in/yaml/v4"
	"gopkg.in/yaml.v3"
)

// v2JSON writes a Swagger 2 document's tree as the JSON text kinDecodeV2's
// general path would hand to kin-openapi — what go.yaml.in/yaml/v4 decodes
// the copied tree into, API Gateway's extensions dropped
// (dropGatewayExtensions), encoded by encoding/json with its sorted keys
// — without the copy, the decode and the encode, which were half the cost
// of validating a Swagger 2 export. It covers the trees a JSON document or
// a plain YAML one parses into: mappings with scalar keys, sequences, and
// scalars tagged !!str, !!null, !!bool, !!int, !!float or (untagged)
// !!timestamp. ok is false for anything else — an alias, an anchor, a merge
// key, an explicit tag, a duplicate key, a number JSON cannot hold — and
// the general path decides. TestV2JSONAgrees compares the two.
func v2JSON(top *yaml.Node) (out []byte, ok bool) {
	if top == nil || top.Kind != yaml.DocumentNode || len(top.Content) != 1 || top.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	w := &jsonWriter{buf: make([]byte, 0, 1<<12), ok: true}
	w.value(top.Content[0], posRoot)
	if !w.ok {
		return nil, false
	}
	return w.buf, true
}

// Where an object sits, for the positions dropGatewayExtensions empties.
type jsonPos uint8

const (
	posOther jsonPos = iota
	posRoot
	posPaths      // the paths object: its values are path items
	posItem       // a path item: its operations are objects that drop too
	posSecurity   // securityDefinitions: its values drop too
	posOperation  // an operation
	posDefinition // a security definition
)

// drops reports whether dropGatewayExtensions empties the API Gateway
// extensions of an object at p.
func (p jsonPos) drops() bool {
	return p == posRoot || p == posItem || p == posOperation || p == posDefinition
}

// child returns the position of the value of key in an object at p.
func (p jsonPos) child(key string) jsonPos {
	switch p {
	case posRoot:
		switch key {
		case "paths":
			return posPaths
		case "securityDefinitions":
			return posSecurity
		}
	case posPaths:
		return posItem
	case posSecurity:
		return posDefinition
	case posItem:
		switch key {
		case "get", "put", "post", "delete", "options", "head", "patch":
			return posOperation
		}
	}
	return posOther
}

type jsonWriter struct {
	buf []byte
	ok  bool
}

func (w *jsonWriter) value(n *yaml.Node, at jsonPos) {
	if !w.ok {
		return
	}
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		w.ok = false
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		w.object(n, at)
	case yaml.SequenceNode:
		w.buf = append(w.buf, '[')
		for i, c := range n.Content {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.value(c, posOther)
		}
		w.buf = append(w.buf, ']')
	case yaml.ScalarNode:
		w.scalar(n)
	default:
		w.ok = false
	}
}

func (w *jsonWriter) object(n *yaml.Node, at jsonPos) {
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
		if at.drops() && strings.HasPrefix(p.k.Value, "x-amazon-apigateway-") {
			// Its value is dropped, once the general path would find it
			// decodable and encodable.
			if !w.check(p.v) {
				return
			}
			w.buf = append(w.buf, "null"...)
			continue
		}
		w.value(p.v, at.child(p.k.Value))
		if !w.ok {
			return
		}
	}
	w.buf = append(w.buf, '}')
}

// check reports whether the writer would write n, without writing it.
func (w *jsonWriter) check(n *yaml.Node) bool {
	mark := len(w.buf)
	w.value(n, posOther)
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
