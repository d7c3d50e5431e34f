package terraform

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A builder turns the expanded resource instances of one root module (and
// its local modules) into model elements.
type builder struct {
	l      *loader
	byType map[string][]*resInst
	// apis maps the identity of an API's id ("r:<ID>.id") to the API.
	apis map[string]*model.API
	// stages maps a stage instance's ID, and "<api identity>|<stage name>",
	// to the stage.
	stages map[string]*model.Stage
	// elements maps an instance ID to what it became, for links by ID.
	plans map[string]*model.UsagePlan
}

// build builds the model of every resource instance, in module walk order
// and source order within a module.
func (l *loader) build() {
	b := &builder{l: l, byType: map[string][]*resInst{}, apis: map[string]*model.API{},
		stages: map[string]*model.Stage{}, plans: map[string]*model.UsagePlan{}}
	for _, m := range l.mods {
		for _, rc := range m.cfg.resources {
			if rc.data {
				continue
			}
			if g := m.groups[rc.addr()]; g != nil {
				b.byType[rc.typ] = append(b.byType[rc.typ], g.insts...)
			}
		}
	}
	b.restAPIs()
	b.v2APIs()
	b.certificates()
	b.domains()
	b.stagesV1()
	b.stagesV2()
	b.methodSettings()
	b.mappings()
	b.records()
	b.distributions()
	b.usagePlans()
	b.security()
}

// rng converts a block's or expression's range.
func rng(r hcl.Range) model.Range { return rangeFromHCL(r) }

// def returns the range of the instance's block header.
func (ri *resInst) def() model.Range { return rng(ri.cfg.block.DefRange) }

// region returns the region an instance is created in: its own region
// argument (AWS provider 6), else the region of the provider configuration
// it uses; unknown when neither is known.
func (b *builder) region(ri *resInst) *model.Value {
	if a := ri.cfg.body.attrs["region"]; a != nil {
		return ri.scope().val(a)
	}
	name := "aws"
	if ri.cfg.provider != nil {
		if t, diags := hcl.AbsTraversalForExpr(ri.cfg.provider.Expr); !diags.HasErrors() {
			name = traversalText(t)
		}
	}
	if p := ri.mod.providers[name]; p != nil {
		if a := p.cfg.attrs["region"]; a != nil {
			return scope{mod: p.mod}.val(a)
		}
	}
	return model.Unknown("provider."+name+".region", ri.def())
}

// linkOf returns the link of a reference attribute, or nil.
func linkOf(s scope, a *hcl.Attribute) *model.Link {
	if a == nil {
		return nil
	}
	_, link := s.valLink(a.Expr)
	return link
}

// valAndLink returns the value of an attribute and its link.
func valAndLink(s scope, a *hcl.Attribute) (*model.Value, *model.Link) {
	if a == nil {
		return nil, nil
	}
	return s.valLink(a.Expr)
}

// linkKind returns link when it targets a resource of one of the kinds.
func linkKind(link *model.Link, kinds ...string) *model.Link {
	if link == nil {
		return nil
	}
	for _, k := range kinds {
		if link.Kind == k {
			return link
		}
	}
	return nil
}

// textOf returns what a path or verb segment reads as: the literal, else
// the template text, else "${reference}".
func textOf(v *model.Value) string {
	switch {
	case v == nil:
		return ""
	case v.Known:
		return v.Literal
	case v.Partial != "":
		return v.Partial
	case v.Ref != "":
		return "${" + v.Ref + "}"
	}
	return "${?}"
}
