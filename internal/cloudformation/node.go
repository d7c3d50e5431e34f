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

// DuplicateKeys returns an APIGW006 warning for every key that appears
// twice in one mapping of the tree under root: YAML decoders, and
// CloudFormation, silently keep the last one, so the first is dead text
// that readers still believe. lines indexes the file's text.
func DuplicateKeys(filename string, lines *model.LineIndex, root *yaml.Node) []model.Finding {
	return openapi.DuplicateKeys(filename, lines, root)
}
