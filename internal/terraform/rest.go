package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A triple is how Terraform ties a method's parts together: the identities
// of rest_api_id, resource_id and http_method. An empty part is unknown.
type triple [3]string

func (s scope) triple(b *body) triple {
	return triple{s.identity(b.attr("rest_api_id")), s.identity(b.attr("resource_id")), s.identity(b.attr("http_method"))}
}

// complete reports whether every part is known.
func (t triple) complete() bool { return t[0] != "" && t[1] != "" && t[2] != "" }

// mayBe reports whether t, with unknown parts, may name the same method as
// o. An unresolved reference ("u:var.verb" with no value) may stand for any
// value, as an empty part does.
func (t triple) mayBe(o triple) bool {
	for i := range t {
		if t[i] != "" && o[i] != "" && t[i] != o[i] && !strings.HasPrefix(t[i], "u:") && !strings.HasPrefix(o[i], "u:") {
			return false
		}
	}
	return true
}

// restAPIs builds REST APIs with their methods, method responses,
// integrations and integration responses.
func (b *builder) restAPIs() {
	for _, ri := range b.byType["aws_api_gateway_rest_api"] {
		s, bd := ri.scope(), ri.cfg.body
		api := &model.API{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Kind: model.KindREST, Ref: ri.addr,
			Name:                      s.val(bd.attr("name")),
			DisableExecuteAPIEndpoint: s.val(bd.attr("disable_execute_api_endpoint")),
			Methods:                   []*model.Method{},
		}
		if ec := bd.block("endpoint_configuration"); ec != nil {
			if types, _, _ := s.list(ec.attr("types")); len(types) > 0 {
				api.EndpointType = types[0]
			}
		}
		b.body(ri, api)
		b.apis["r:"+ri.id+".id"] = api
		b.l.frag.APIs = append(b.l.frag.APIs, api)
	}

	paths := b.resourcePaths()

	// Method responses and integration responses by the method they name.
	type mresp struct {
		t triple
		r *model.MethodResponse
	}
	var mrs []mresp
	for _, ri := range b.byType["aws_api_gateway_method_response"] {
		s := ri.scope()
		sc := ri.cfg.body.attr("status_code")
		r := &model.MethodResponse{Range: ri.def(), StatusCode: s.val(sc)}
		if sc != nil {
			r.Range = rng(sc.Expr.Range())
		}
		mrs = append(mrs, mresp{s.triple(ri.cfg.body), r})
	}
	type iresp struct {
		t triple
		r *model.IntegrationResponse
	}
	var irs []iresp
	for _, ri := range b.byType["aws_api_gateway_integration_response"] {
		s, bd := ri.scope(), ri.cfg.body
		r := &model.IntegrationResponse{
			ID: ri.id, Range: ri.def(), Ref: ri.addr,
			Pattern:    s.val(bd.attr("selection_pattern")),
			StatusCode: s.val(bd.attr("status_code")),
		}
		r.ResponseTemplates = b.templates(s, bd.attr("response_templates"), model.SideResponse, ri.id+".response_templates")
		irs = append(irs, iresp{s.triple(bd), r})
	}
	type integ struct {
		t  triple
		in *model.Integration
	}
	var ins []integ
	// Fields stay empty for Terraform: the provider validates its own
	// schema, and rules compare Fields with OpenAPI's field names.
	for _, ri := range b.byType["aws_api_gateway_integration"] {
		s, bd := ri.scope(), ri.cfg.body
		in := &model.Integration{
			ID: ri.id, Range: ri.def(), Ref: ri.addr,
			Type:                s.val(bd.attr("type")),
			URI:                 s.val(bd.attr("uri")),
			HTTPMethod:          s.val(bd.attr("integration_http_method")),
			PassthroughBehavior: s.val(bd.attr("passthrough_behavior")),
			InvocationType:      s.mapEntry(bd.attr("request_parameters"), model.InvocationHeader),
			Responses:           []*model.IntegrationResponse{},
		}
		in.RequestTemplates = b.templates(s, bd.attr("request_templates"), model.SideRequest, ri.id+".request_templates")
		t := s.triple(bd)
		in.ResponsesKnown = t.complete()
		for _, ir := range irs {
			switch {
			case ir.t.complete() && ir.t == t:
				in.Responses = append(in.Responses, ir.r)
			case ir.t.mayBe(t):
				in.ResponsesKnown = false
			}
		}
		ins = append(ins, integ{t, in})
	}

	placeholders := map[string]*model.API{}
	for _, ri := range b.byType["aws_api_gateway_method"] {
		s, bd := ri.scope(), ri.cfg.body
		t := s.triple(bd)
		m := &model.Method{
			ID: ri.id, Range: ri.def(), Ref: ri.addr,
			Verb:           textOf(s.val(bd.attr("http_method"))),
			Authorization:  s.val(bd.attr("authorization")),
			APIKeyRequired: s.val(bd.attr("api_key_required")),
			Responses:      []*model.MethodResponse{},
			ResponsesKnown: t.complete(),
		}
		if p, ok := paths[t[1]]; ok {
			m.Path = p
		} else {
			m.Path = "/" + textOf(s.val(bd.attr("resource_id")))
		}
		for _, mr := range mrs {
			switch {
			case mr.t.complete() && mr.t == t:
				m.Responses = append(m.Responses, mr.r)
			case mr.t.mayBe(t):
				m.ResponsesKnown = false
			}
		}
		for _, in := range ins {
			if in.t.complete() && in.t == t {
				m.Integration = in.in
				break
			}
		}
		api := b.apis[t[0]]
		if api == nil {
			api = b.placeholderAPI(placeholders, t[0], ri, model.KindREST)
		}
		api.Methods = append(api.Methods, m)
	}
}

// placeholderAPI returns the API that methods whose API is not declared in
// the tree (a literal ID, a variable without value, a data source) belong
// to: one per identity, so that their rules still run.
func (b *builder) placeholderAPI(seen map[string]*model.API, identity string, ri *resInst, kind string) *model.API {
	if api, ok := seen[identity]; ok {
		return api
	}
	key := identity
	if key == "" {
		key = "?" + ri.mod.prefix
	}
	api := &model.API{
		ID: b.l.idPrefix + "api(" + key + ")", Range: ri.def(), Source: model.SourceTerraform, Kind: kind,
		Ref: strings.TrimPrefix(strings.TrimPrefix(identity, "u:"), "l:"), Methods: []*model.Method{},
	}
	seen[identity] = api
	b.l.frag.APIs = append(b.l.frag.APIs, api)
	return api
}

// resourcePaths returns the path of every aws_api_gateway_resource and API
// root by the identity of its id: "/" for root_resource_id, then
// path_part appended along parent_id chains.
func (b *builder) resourcePaths() map[string]string {
	paths := map[string]string{}
	for key := range b.apis {
		paths[strings.TrimSuffix(key, ".id")+".root_resource_id"] = "/"
	}
	byID := map[string]*resInst{}
	for _, ri := range b.byType["aws_api_gateway_resource"] {
		byID["r:"+ri.id+".id"] = ri
	}
	var pathOf func(key string, depth int) (string, bool)
	pathOf = func(key string, depth int) (string, bool) {
		if p, ok := paths[key]; ok {
			return p, true
		}
		ri := byID[key]
		if ri == nil || depth > 64 {
			return "", false
		}
		s := ri.scope()
		part := textOf(s.val(ri.cfg.body.attr("path_part")))
		parent, ok := pathOf(s.identity(ri.cfg.body.attr("parent_id")), depth+1)
		if !ok {
			parent = "/" + textOf(s.val(ri.cfg.body.attr("parent_id")))
		}
		p := strings.TrimSuffix(parent, "/") + "/" + part
		paths[key] = p
		return p, true
	}
	for key := range byID {
		pathOf(key, 0)
	}
	return paths
}

// v2APIs builds HTTP and WebSocket APIs with their routes and integrations.
func (b *builder) v2APIs() {
	for _, ri := range b.byType["aws_apigatewayv2_api"] {
		s, bd := ri.scope(), ri.cfg.body
		api := &model.API{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
			Name:                      s.val(bd.attr("name")),
			DisableExecuteAPIEndpoint: s.val(bd.attr("disable_execute_api_endpoint")),
			Methods:                   []*model.Method{},
		}
		pt := s.val(bd.attr("protocol_type"))
		switch {
		case pt.Is("HTTP"):
			api.Kind = model.KindHTTP
		case pt.Is("WEBSOCKET"):
			api.Kind = model.KindWebSocket
		}
		b.body(ri, api)
		b.apis["r:"+ri.id+".id"] = api
		b.l.frag.APIs = append(b.l.frag.APIs, api)
	}
	integrations := map[string]*model.Integration{}
	for _, ri := range b.byType["aws_apigatewayv2_integration"] {
		s, bd := ri.scope(), ri.cfg.body
		in := &model.Integration{
			ID: ri.id, Range: ri.def(), Ref: ri.addr,
			Type:                s.val(bd.attr("integration_type")),
			URI:                 s.val(bd.attr("integration_uri")),
			HTTPMethod:          s.val(bd.attr("integration_method")),
			PassthroughBehavior: s.val(bd.attr("passthrough_behavior")),
			Responses:           []*model.IntegrationResponse{},
		}
		in.RequestTemplates = b.templates(s, bd.attr("request_templates"), model.SideRequest, ri.id+".request_templates")
		integrations[ri.id] = in
	}
	placeholders := map[string]*model.API{}
	for _, ri := range b.byType["aws_apigatewayv2_route"] {
		s, bd := ri.scope(), ri.cfg.body
		m := &model.Method{ID: ri.id, Range: ri.def(), Ref: ri.addr, Responses: []*model.MethodResponse{},
			Authorization: s.val(bd.attr("authorization_type")), APIKeyRequired: s.val(bd.attr("api_key_required"))}
		key := s.val(bd.attr("route_key"))
		if k, ok := key.Get(); ok {
			if verb, path, found := strings.Cut(k, " "); found {
				m.Verb, m.Path = verb, path
			} else {
				m.Verb, m.Path = "ANY", k // $default, $connect, a WebSocket route key
			}
		} else {
			m.Path = textOf(key)
		}
		if tg := bd.attr("target"); tg != nil {
			for _, tr := range tg.Expr.Variables() {
				if t := s.followTraversal(tr); t.inst != nil && t.inst.cfg.typ == "aws_apigatewayv2_integration" {
					m.Integration = integrations[t.inst.id]
				}
			}
		}
		apiID := s.identity(bd.attr("api_id"))
		api := b.apis[apiID]
		if api == nil {
			api = b.placeholderAPI(placeholders, apiID, ri, model.KindHTTP)
		}
		if api.Kind == model.KindWebSocket && key.Known {
			m.Verb, m.Path = "", key.Literal // a WebSocket route key is not a verb and path
		}
		api.Methods = append(api.Methods, m)
	}
}

// templates returns the mapping templates of a request_templates or
// response_templates map, one per content type.
func (b *builder) templates(s scope, a *hcl.Attribute, side, idPrefix string) []*model.Template {
	pairs, _ := s.pairs(a)
	var out []*model.Template
	for _, p := range pairs {
		t := &model.Template{ID: idPrefix + `["` + p.key + `"]`, Side: side, ContentType: p.key, Range: rng(p.rng)}
		if p.expr == nil {
			if lit, ok := literal(p.val); ok {
				t.Body = model.Lit(lit, t.Range)
			}
			out = append(out, t)
			continue
		}
		t.Body, _ = s.valLink(p.expr)
		if t.Body == nil {
			continue
		}
		if file, rendered, ok := s.fileCall(p.expr); ok && t.Body.Known {
			// The text is a whole file: the template's positions are that
			// file's (templatefile output only approximately).
			t.Range = b.l.fileRange(file)
			t.Body.Range = t.Range
			if rendered {
				t.Origin = &model.TextOrigin{Start: t.Range.Start}
			} else {
				// file(): the template is the file, character for character.
				t.Origin = &model.TextOrigin{Start: t.Range.Start, Exact: true}
			}
		} else if t.Body.Known {
			t.Origin = b.l.origin(p.expr, t.Body.Literal)
		}
		out = append(out, t)
	}
	return out
}
