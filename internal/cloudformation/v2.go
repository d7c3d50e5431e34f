package cloudformation

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// v2APIs builds HTTP and WebSocket APIs (AWS::ApiGatewayV2::Api,
// AWS::Serverless::HttpApi) with their routes and integrations.
func (t *tpl) v2APIs() {
	for _, r := range t.byType("AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi") {
		api := &model.API{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Kind: model.KindHTTP, Ref: r.name,
			Name:                      t.val(t.prop(r, "Name")),
			DisableExecuteAPIEndpoint: t.val(t.prop(r, "DisableExecuteApiEndpoint")),
			Methods:                   []*model.Method{},
		}
		if r.typ == "AWS::Serverless::HttpApi" {
			t.body(api, t.prop(r, "DefinitionBody"))
			t.definitionURI(api, t.prop(r, "DefinitionUri"))
		} else {
			pt := t.val(t.prop(r, "ProtocolType"))
			switch {
			case pt.Is("WEBSOCKET"):
				api.Kind = model.KindWebSocket
			case !pt.Is("HTTP") && pt != nil:
				api.Kind = "" // unknown protocol
			}
			t.body(api, t.prop(r, "Body"))
		}
		t.apis[r.name] = api
		t.frag.APIs = append(t.frag.APIs, api)
	}
	integrations := map[string]*model.Integration{}
	for _, r := range t.byType("AWS::ApiGatewayV2::Integration") {
		in := &model.Integration{
			ID: r.id, Range: t.def(r), Ref: r.name,
			Type:                t.val(t.prop(r, "IntegrationType")),
			URI:                 t.val(t.prop(r, "IntegrationUri")),
			HTTPMethod:          t.val(t.prop(r, "IntegrationMethod")),
			PassthroughBehavior: t.val(t.prop(r, "PassthroughBehavior")),
			Responses:           []*model.IntegrationResponse{},
		}
		rt, rtk := yamltree.Get(r.props, "RequestTemplates")
		in.RequestTemplates = t.templates(r.id+".RequestTemplates", model.SideRequest, rt, rtk)
		integrations[r.name] = in
	}
	placeholders := map[string]*model.API{}
	for _, r := range t.byType("AWS::ApiGatewayV2::Route") {
		m := &model.Method{ID: r.id, Range: t.def(r), Ref: r.name, Responses: []*model.MethodResponse{},
			Authorization: t.val(t.prop(r, "AuthorizationType")), APIKeyRequired: t.val(t.prop(r, "ApiKeyRequired"))}
		key := t.val(t.prop(r, "RouteKey"))
		if k, ok := key.Get(); ok {
			if verb, p, found := strings.Cut(k, " "); found {
				m.Verb, m.Path = verb, p
			} else {
				m.Verb, m.Path = "ANY", k // $default, $connect, a WebSocket route key
			}
		} else {
			m.Path = textOf(key)
		}
		// Target is "integrations/<IntegrationId>", built with Sub or Join.
		if _, link := t.valLink(t.prop(r, "Target")); link != nil && link.Kind == "AWS::ApiGatewayV2::Integration" {
			m.Integration = integrations[strings.TrimPrefix(link.ID, t.idPrefix)]
		}
		apiNode := t.prop(r, "ApiId")
		var api *model.API
		if ar := t.target(apiNode); ar != nil {
			api = t.apis[ar.name]
		}
		if api == nil {
			k := textOf(t.val(apiNode))
			api = placeholders[k]
			if api == nil {
				api = &model.API{ID: t.idPrefix + "api(" + k + ")", Range: t.def(r), Source: model.SourceCloudFormation,
					Kind: model.KindHTTP, Ref: k, Methods: []*model.Method{}}
				placeholders[k] = api
				t.frag.APIs = append(t.frag.APIs, api)
			}
		}
		if api.Kind == model.KindWebSocket && key.Known {
			m.Verb, m.Path = "", key.Literal
		}
		api.Methods = append(api.Methods, m)
	}
}
