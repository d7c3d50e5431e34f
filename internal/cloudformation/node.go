package cloudformation

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/openapi"
)

// rangeOf returns the range of a node. yaml.v3 gives only a start; the end
// is computed for single-line scalars, short-form intrinsics included
// (`!Ref Name` spans the tag and its argument), and is the start otherwise.
func (t *tpl) rangeOf(n *yaml.Node) model.Range {
	if n == nil {
		p := t.lines.At(1, 1)
		return model.Range{Filename: t.filename, Start: p, End: p}
	}
	start := t.lines.At(n.Line, n.Column)
	end := start
	switch {
	case n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n"):
		col := n.Column
		if isShortForm(n) {
			// The node starts at its tag; the value follows on the line.
			c, ok := t.afterTag(n)
			if !ok {
				break
			}
			col = c
		}
		width := utf8.RuneCountInString(n.Value)
		switch n.Style &^ yaml.TaggedStyle {
		case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			width = t.quotedWidth(n.Line, col)
		case yaml.LiteralStyle, yaml.FoldedStyle:
			width = 1
		}
		end = t.lines.At(n.Line, col+width)
	case n.Kind == yaml.AliasNode:
		end = t.lines.At(n.Line, n.Column+1)
	case n.Kind == yaml.MappingNode && len(n.Content) == 2 && intrinsicNames[n.Content[0].Value]:
		// A long-form intrinsic on one line spans its key to its argument.
		if arg := n.Content[1]; arg.Kind == yaml.ScalarNode && arg.Line == n.Line {
			end = t.rangeOf(arg).End
		}
	}
	return model.Range{Filename: t.filename, Start: start, End: end}
}

// afterTag returns the column where a short-form intrinsic's scalar starts:
// after the tag and the blanks that follow it, on the same line.
func (t *tpl) afterTag(n *yaml.Node) (int, bool) {
	src := t.lines.Source()
	off := t.lines.Offset(n.Line, n.Column)
	if off >= len(src) || src[off] != '!' {
		return 0, false
	}
	col := n.Column
	for off < len(src) && src[off] != ' ' && src[off] != '\t' && src[off] != '\n' {
		off++
		col++
	}
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
		col++
	}
	if off >= len(src) || src[off] == '\n' || src[off] == '\r' {
		return 0, false
	}
	return col, true
}

// quotedWidth measures a quoted scalar in the source, escapes included, by
// scanning to its closing quote on the same line.
func (t *tpl) quotedWidth(line, col int) int {
	src := t.lines.Source()
	off := t.lines.Offset(line, col)
	if off >= len(src) {
		return 1
	}
	q := src[off]
	if q != '"' && q != '\'' {
		return 1
	}
	width := 1
	for i := off + 1; i < len(src) && src[i] != '\n'; {
		r, size := utf8.DecodeRune(src[i:])
		width++
		if r == '\\' && q == '"' && i+size < len(src) {
			i += size
			_, size = utf8.DecodeRune(src[i:])
			width++
		} else if r == rune(q) {
			if q == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				i += 2
				width++
				continue
			}
			return width
		}
		i += size
	}
	return width
}

// report records a loading diagnostic at a node.
func (t *tpl) report(id string, sev model.Severity, n *yaml.Node, format string, args ...any) {
	t.frag.Diagnostics = append(t.frag.Diagnostics, model.Finding{
		RuleID: id, Severity: sev, Message: fmt.Sprintf(format, args...), Range: t.rangeOf(n),
	})
}

// isShortForm reports whether n is a short-form intrinsic (`!Ref X`).
func isShortForm(n *yaml.Node) bool {
	return strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!")
}

// pairs returns the key and value nodes of a mapping node, resolving
// aliases and merge keys; a later duplicate key replaces an earlier one, as
// every YAML decoder does (APIGW006 reports it). It returns nil for anything
// else.
func pairs(n *yaml.Node) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	return mergedPairs(n, 0)
}

func mergedPairs(n *yaml.Node, depth int) [][2]*yaml.Node {
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	index := map[string]int{}
	put := func(k, v *yaml.Node) {
		if i, ok := index[k.Value]; ok && k.Kind == yaml.ScalarNode {
			out[i] = [2]*yaml.Node{k, v}
			return
		}
		index[k.Value] = len(out)
		out = append(out, [2]*yaml.Node{k, v})
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		if k.Tag == "!!merge" && depth < 8 {
			var sources []*yaml.Node
			if v != nil && v.Kind == yaml.SequenceNode {
				for _, s := range v.Content {
					sources = append(sources, deref(s))
				}
			} else {
				sources = append(sources, v)
			}
			for _, s := range sources {
				if s != nil && s.Kind == yaml.MappingNode {
					for _, p := range mergedPairs(s, depth+1) {
						if _, explicit := index[p[0].Value]; !explicit {
							put(p[0], p[1])
						}
					}
				}
			}
			continue
		}
		put(k, v)
	}
	return out
}

// get returns the value of key in a mapping node, and the key node.
func get(n *yaml.Node, key string) (val, k *yaml.Node) {
	for _, p := range pairs(n) {
		if p[0].Value == key {
			return p[1], p[0]
		}
	}
	return nil, nil
}

// path follows keys through nested mappings.
func path(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n, _ = get(n, k)
		if n == nil {
			return nil
		}
	}
	return n
}

func deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 16; depth++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

func isMap(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// items returns the elements of a sequence node.
func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, deref(c))
	}
	return out
}

// DuplicateKeys returns an APIGW006 warning for every key that appears
// twice in one mapping of the tree under root: YAML decoders, and
// CloudFormation, silently keep the last one, so the first is dead text
// that readers still believe. lines indexes the file's text.
func DuplicateKeys(filename string, lines *model.LineIndex, root *yaml.Node) []model.Finding {
	return openapi.DuplicateKeys(filename, lines, root)
}
