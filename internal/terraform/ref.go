package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A target is where a reference leads once variables, locals, module
// outputs and resource arguments that are themselves references have been
// followed, the way Terraform passes the value along.
type target struct {
	text string   // the last reference, with its module prefix
	inst *resInst // the resource instance it reads, if it reads one
	attr string   // the last attribute name read on inst ("target_domain_name")
	path string   // the attribute path read on inst ("domain_name_configuration[0].target_domain_name")
}

// follow follows the reference that expr is, if it is one.
func (s scope) follow(expr hcl.Expression) (target, bool) {
	t, ok := s.traversalOf(expr)
	if !ok {
		return target{}, false
	}
	return s.followTraversal(t), true
}

func (s scope) followTraversal(t hcl.Traversal) target {
	var last target
	for range maxFollow {
		m := s.mod
		last = target{text: m.prefix + traversalText(t)}
		name, ok := stepName(t, 1)
		if !ok {
			return last
		}
		var (
			next  hcl.Traversal
			nextS scope
			rest  hcl.Traversal
		)
		switch t.RootName() {
		case "var":
			if m.call == nil || m.call.args[name] == nil {
				return last
			}
			nextS, rest = m.callScope, t[2:]
			next, ok = nextS.traversalOf(m.call.args[name].Expr)
		case "local":
			a := m.cfg.locals[name]
			if a == nil {
				return last
			}
			nextS, rest = scope{mod: m}, t[2:]
			next, ok = nextS.traversalOf(a.Expr)
		case "module":
			g := m.child(name)
			if g == nil || g.skip {
				return last
			}
			i, idx := 2, -1
			if k, isIdx := indexAt(t, 2); isIdx {
				idx, i = findKey(g.keys, k), 3
			} else if g.mode == expandSingle {
				idx = 0
			}
			out, isAttr := stepName(t, i)
			if idx < 0 || !isAttr {
				return last
			}
			c := g.insts[idx]
			a := c.cfg.outputs[out]
			if a == nil {
				return last
			}
			nextS, rest = scope{mod: c}, t[i+1:]
			next, ok = nextS.traversalOf(a.Expr)
		case "each", "count", "path", "data", "self", "terraform", "ephemeral":
			return last
		default:
			g := m.group(t.RootName() + "." + name)
			if g == nil {
				return last
			}
			i, idx := 2, -1
			if k, isIdx := indexAt(t, 2); isIdx {
				keys := make([]instance, len(g.insts))
				for j, ri := range g.insts {
					keys[j] = ri.in
				}
				idx, i = findKey(keys, k), 3
			} else if g.mode == expandSingle {
				idx = 0
			}
			if idx < 0 {
				return last
			}
			ri := g.insts[idx]
			attr, isAttr := stepName(t, i)
			if !isAttr {
				last.inst = ri
				return last
			}
			if a := ri.cfg.body.attrs[attr]; a != nil {
				nextS, rest = ri.scope(), t[i+1:]
				next, ok = nextS.traversalOf(a.Expr)
			} else {
				ok = false
			}
			if !ok {
				last.inst = ri
				last.path = relText(t[i:])
				last.attr = lastAttr(t[i:])
				return last
			}
		}
		if !ok {
			return last
		}
		t = append(append(hcl.Traversal{}, next...), rest...)
		s = nextS
	}
	return last
}

// indexAt returns the key of an index step at i.
func indexAt(t hcl.Traversal, i int) (cty.Value, bool) {
	if i < len(t) {
		if st, ok := t[i].(hcl.TraverseIndex); ok {
			return st.Key, true
		}
	}
	return cty.NilVal, false
}

// findKey returns the index of the instance whose key is k, or -1.
func findKey(ins []instance, k cty.Value) int {
	if !k.IsKnown() || k.IsNull() {
		return -1
	}
	for i, in := range ins {
		if in.key == cty.NilVal || !in.key.IsKnown() {
			continue
		}
		if in.key.Type().Equals(k.Type()) {
			if in.key.Equals(k).True() {
				return i
			}
			continue
		}
		// count.index keys written as strings, for_each keys written as numbers.
		if ks, err := ctyString(k); err == nil {
			if is, err := ctyString(in.key); err == nil && is == ks {
				return i
			}
		}
	}
	return -1
}

// relText renders a relative traversal ("a[0].b").
func relText(t hcl.Traversal) string {
	return strings.TrimPrefix(traversalText(append(hcl.Traversal{hcl.TraverseRoot{Name: ""}}, t...)), ".")
}

// lastAttr returns the last attribute name of t.
func lastAttr(t hcl.Traversal) string {
	for i := len(t) - 1; i >= 0; i-- {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			return a.Name
		}
	}
	return ""
}

// traversalOf returns the reference expr is: a traversal, possibly
// wrapped in "${…}" or parentheses, or indexed by a known key
// (aws_x.y[each.key].id).
func (s scope) traversalOf(expr hcl.Expression) (hcl.Traversal, bool) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case *hclsyntax.TemplateWrapExpr:
		return s.traversalOf(e.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return s.traversalOf(e.Expression)
	case *hclsyntax.RelativeTraversalExpr:
		src, ok := s.traversalOf(e.Source)
		if !ok {
			return nil, false
		}
		return append(append(hcl.Traversal{}, src...), e.Traversal...), true
	case *hclsyntax.IndexExpr:
		coll, ok := s.traversalOf(e.Collection)
		if !ok {
			return nil, false
		}
		k := s.eval(e.Key)
		if !k.IsKnown() || k.IsNull() || (k.Type() != cty.String && k.Type() != cty.Number) {
			return nil, false
		}
		return append(append(hcl.Traversal{}, coll...), hcl.TraverseIndex{Key: k}), true
	case hclsyntax.Expression:
		return nil, false
	}
	// JSON: a string that is exactly "${reference}".
	vars := expr.Variables()
	if len(vars) != 1 {
		return nil, false
	}
	text := strings.TrimSpace(s.mod.l.text(expr.Range()))
	if strings.HasPrefix(text, `"${`) && strings.HasSuffix(text, `}"`) && strings.Count(text, "${") == 1 {
		return vars[0], true
	}
	return nil, false
}

// text returns the source text of r, or "" when the file is not known.
func (l *loader) text(r hcl.Range) string {
	f, ok := l.files[r.Filename]
	if !ok || r.Start.Byte < 0 || r.End.Byte > len(f.src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(f.src[r.Start.Byte:r.End.Byte])
}

// linkable are the resource types whose instances are model elements (or,
// for API keys, what usage plan keys link to).
var linkable = map[string]bool{
	"aws_api_gateway_rest_api": true, "aws_apigatewayv2_api": true,
	"aws_api_gateway_domain_name": true, "aws_apigatewayv2_domain_name": true,
	"aws_api_gateway_stage": true, "aws_apigatewayv2_stage": true,
	"aws_acm_certificate": true, "aws_cloudfront_distribution": true, "aws_route53_record": true,
	"aws_api_gateway_usage_plan": true, "aws_api_gateway_api_key": true,
	"aws_api_gateway_base_path_mapping": true, "aws_apigatewayv2_api_mapping": true,
	"aws_api_gateway_method": true, "aws_api_gateway_integration": true, "aws_apigatewayv2_integration": true,
}

// link returns the link a followed reference makes, or nil when it does not
// reach a model element.
func (t target) link() *model.Link {
	if t.inst == nil || t.inst.cfg.data || !linkable[t.inst.cfg.typ] {
		return nil
	}
	return &model.Link{Kind: t.inst.cfg.typ, ID: t.inst.id, Attribute: t.attr}
}

// identity returns what Terraform would compare when two resources name the
// same object: the literal, the resource attribute a reference reaches, or
// (unresolved) the reference text in its module; "" when nothing is known.
func (s scope) identity(a *hcl.Attribute) string {
	if a == nil {
		return ""
	}
	v := s.eval(a.Expr)
	if lit, ok := literal(v); ok {
		return "l:" + lit
	}
	t, ok := s.follow(a.Expr)
	switch {
	case !ok:
		return ""
	case t.inst != nil:
		return "r:" + t.inst.id + "." + t.path
	}
	return "u:" + t.text
}
