package terraform

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// literal returns a wholly known, non-null value as the model writes it.
func literal(v cty.Value) (string, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() {
		return "", false
	}
	s, err := ctyString(v)
	return s, err == nil
}

// ctyString formats a known value: strings as they are, numbers without
// exponent, bools as true/false, collections as JSON.
func ctyString(v cty.Value) (string, error) {
	if !v.IsKnown() || v.IsNull() {
		return "", fmt.Errorf("value is not known")
	}
	switch v.Type() {
	case cty.String:
		return v.AsString(), nil
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), nil
	case cty.Bool:
		if v.True() {
			return "true", nil
		}
		return "false", nil
	}
	b, err := ctyjson.Marshal(v, v.Type())
	return string(b), err
}

// val returns the model value of an attribute: nil when absent or null, a
// literal when known, else an unknown value that keeps its reference and
// template text.
func (s scope) val(a *hcl.Attribute) *model.Value {
	if a == nil {
		return nil
	}
	v, _ := s.valLink(a.Expr)
	return v
}

// valLink is val for an expression, with the link its reference makes.
func (s scope) valLink(expr hcl.Expression) (*model.Value, *model.Link) {
	rng := rangeFromHCL(expr.Range())
	v := s.eval(expr)
	t, followed := s.follow(expr)
	var link *model.Link
	if followed {
		link = t.link()
	}
	if lit, ok := literal(v); ok {
		return model.Lit(lit, rng), link
	}
	if v.IsKnown() && v.IsNull() {
		return nil, nil
	}
	out := &model.Value{Range: rng}
	if followed {
		out.Ref = t.text
		return out, link
	}
	out.Partial = s.partial(expr)
	// A value computed from one reference (replace(stage.invoke_url, …))
	// still names it.
	var only *target
	for _, tr := range expr.Variables() {
		if _, known := literal(s.eval(&hclsyntax.ScopeTraversalExpr{Traversal: tr, SrcRange: tr.SourceRange()})); known {
			continue // a known part (var.region with a default) does not decide what the value reads
		}
		tt := s.followTraversal(tr)
		if only != nil && only.text != tt.text {
			only = nil
			break
		}
		only = &tt
	}
	if only != nil {
		out.Ref = only.text
		if link = only.link(); link != nil {
			link.Computed = true
		}
	}
	return out, link
}

// partial returns a string template's text with its known parts filled in
// and its unknown parts left as ${…} source, or "" when expr is not a
// template.
func (s scope) partial(expr hcl.Expression) string {
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		var b strings.Builder
		for _, p := range e.Parts {
			if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
				b.WriteString(lit.Val.AsString())
				continue
			}
			if s, ok := literal(s.eval(p)); ok {
				b.WriteString(s)
				continue
			}
			b.WriteString("${" + s.mod.l.text(p.Range()) + "}")
		}
		return b.String()
	case hclsyntax.Expression:
		return ""
	}
	text := strings.TrimSpace(s.mod.l.text(expr.Range()))
	if strings.HasPrefix(text, `"`) && strings.Contains(text, "${") {
		return strings.Trim(text, `"`)
	}
	return ""
}

// list returns the elements of a list attribute with their links by index.
// known is false when the list itself is not known (a reference, a for
// expression over unknown input).
func (s scope) list(a *hcl.Attribute) (vals []*model.Value, links map[int]*model.Link, known bool) {
	if a == nil {
		return nil, nil, true
	}
	if exprs, diags := hcl.ExprList(a.Expr); !diags.HasErrors() {
		for _, e := range exprs {
			v, link := s.valLink(e)
			if v == nil {
				continue
			}
			if link != nil {
				if links == nil {
					links = map[int]*model.Link{}
				}
				links[len(vals)] = link
			}
			vals = append(vals, v)
		}
		return vals, links, true
	}
	v := s.eval(a.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		return nil, nil, false
	}
	rng := rangeFromHCL(a.Expr.Range())
	for it := v.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		if lit, ok := literal(ev); ok {
			vals = append(vals, model.Lit(lit, rng))
		}
	}
	return vals, nil, true
}

// A pair is one entry of a map attribute.
type pair struct {
	key  string
	expr hcl.Expression // nil when the map was evaluated as a whole
	val  cty.Value      // the value when expr is nil
	rng  hcl.Range
}

// pairs returns the entries of a map attribute, in source order when it is
// written as an object, else sorted by key. known is false when the map is
// not known.
func (s scope) pairs(a *hcl.Attribute) (out []pair, known bool) {
	if a == nil {
		return nil, true
	}
	if kvs, diags := hcl.ExprMap(a.Expr); !diags.HasErrors() {
		for _, kv := range kvs {
			k, ok := literal(s.eval(kv.Key))
			if !ok {
				return out, false
			}
			out = append(out, pair{key: k, expr: kv.Value, rng: kv.Value.Range()})
		}
		return out, true
	}
	v := s.eval(a.Expr)
	if !v.IsWhollyKnown() || v.IsNull() || !(v.Type().IsMapType() || v.Type().IsObjectType()) {
		return nil, false
	}
	for it := v.ElementIterator(); it.Next(); {
		k, ev := it.Element()
		out = append(out, pair{key: k.AsString(), val: ev, rng: a.Expr.Range()})
	}
	return out, true
}

// mapEntry returns one entry of a map attribute, known when the map and the
// entry evaluate to a literal; nil when the attribute or the key is absent.
func (s scope) mapEntry(a *hcl.Attribute, key string) *model.Value {
	if a == nil {
		return nil
	}
	v := s.eval(a.Expr)
	r := rangeFromHCL(a.Expr.Range())
	if !v.IsWhollyKnown() || v.IsNull() || !(v.Type().IsMapType() || v.Type().IsObjectType()) {
		return model.Unknown(key, r)
	}
	if v.Type().IsObjectType() && !v.Type().HasAttribute(key) {
		return nil
	}
	if v.Type().IsMapType() && !v.HasIndex(cty.StringVal(key)).True() {
		return nil
	}
	var entry cty.Value
	if v.Type().IsObjectType() {
		entry = v.GetAttr(key)
	} else {
		entry = v.Index(cty.StringVal(key))
	}
	lit, ok := literal(entry)
	if !ok {
		return model.Unknown(key, r)
	}
	return model.Lit(lit, r)
}
