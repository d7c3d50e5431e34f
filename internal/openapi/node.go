package openapi

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A doc is one document's node tree with what is needed to position its nodes.
type doc struct {
	filename string
	root     *yaml.Node // the top-level mapping
	lines    *model.LineIndex
	diags    []model.Finding
	// authorizers are those of the security schemes (readSecurity).
	authorizers []*model.Authorizer
}

// rangeOf returns the range of a node. yaml.v3 gives only a start; the end is
// computed for single-line scalars and is the start otherwise.
func (d *doc) rangeOf(n *yaml.Node) model.Range {
	if n == nil {
		return model.Range{Filename: d.filename, Start: d.lines.At(1, 1), End: d.lines.At(1, 1)}
	}
	start := d.lines.At(n.Line, n.Column)
	end := start
	if n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		width := utf8.RuneCountInString(n.Value)
		switch n.Style {
		case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
			width = d.quotedWidth(n)
		case yaml.LiteralStyle, yaml.FoldedStyle:
			width = 1
		}
		end = d.lines.At(n.Line, n.Column+width)
	}
	if n.Kind == yaml.AliasNode {
		end = d.lines.At(n.Line, n.Column+1)
	}
	return model.Range{Filename: d.filename, Start: start, End: end}
}

// quotedWidth measures a quoted scalar in the source, escapes included, by
// scanning to its closing quote on the same line.
func (d *doc) quotedWidth(n *yaml.Node) int {
	off := d.lines.Offset(n.Line, n.Column)
	src := d.src()
	if off >= len(src) {
		return 1
	}
	q := src[off]
	if q != '"' && q != '\'' {
		return utf8.RuneCountInString(n.Value)
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

func (d *doc) src() []byte { return d.lines.Source() }

// report records a loading diagnostic.
func (d *doc) report(id string, sev model.Severity, n *yaml.Node, format string, args ...any) {
	d.diags = append(d.diags, model.Finding{
		RuleID:   id,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Range:    d.rangeOf(n),
	})
}

// intrinsics are the CloudFormation functions that may stand for a value in
// a document pulled in with AWS::Include, in their long and short forms.
var intrinsics = map[string]bool{
	"Ref": true, "Fn::Sub": true, "Fn::GetAtt": true, "Fn::Join": true, "Fn::If": true,
	"Fn::Select": true, "Fn::FindInMap": true, "Fn::ImportValue": true, "Fn::Base64": true,
	"Fn::Split": true, "Fn::GetAZs": true, "Fn::Cidr": true, "Fn::Transform": true,
	"Fn::Equals": true, "Fn::Not": true, "Fn::And": true, "Fn::Or": true, "Fn::ToJsonString": true,
	"Fn::Length": true,
}

// intrinsic reports whether n is a CloudFormation intrinsic function call,
// and returns its name and argument.
func intrinsic(n *yaml.Node) (name string, arg *yaml.Node, ok bool) {
	if n == nil {
		return "", nil, false
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		name = strings.TrimPrefix(n.Tag, "!")
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, n, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && intrinsics[n.Content[0].Value] {
		return n.Content[0].Value, yamltree.Deref(n.Content[1]), true
	}
	return "", nil, false
}

// value reads a scalar as a model value. An intrinsic becomes an unknown value
// that keeps its text; any other non-scalar is unknown with no text.
func (d *doc) value(n *yaml.Node) *model.Value {
	n = yamltree.Deref(n)
	if n == nil {
		return nil
	}
	r := d.rangeOf(n)
	if name, arg, ok := intrinsic(n); ok {
		v := model.Unknown(name, r)
		if name == "Fn::Sub" {
			if arg.Kind == yaml.ScalarNode {
				v.Partial = arg.Value
			} else if arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 && arg.Content[0].Kind == yaml.ScalarNode {
				v.Partial = arg.Content[0].Value
			}
		}
		if arg != nil && arg.Kind == yaml.ScalarNode && name != "Fn::Sub" {
			v.Ref = name + " " + arg.Value
		}
		return v
	}
	if n.Kind != yaml.ScalarNode {
		return model.Unknown("", r)
	}
	if n.Tag == "!!null" {
		return model.Unknown("null", r)
	}
	return model.Lit(n.Value, r)
}
