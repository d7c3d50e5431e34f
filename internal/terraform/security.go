package terraform

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// security builds what the access-control and logging policies read:
// resource policies, authorizers, Lambda permissions, request validators,
// WAF associations, and the stages' logging and client certificate facts.
func (b *builder) security() {
	b.stageSecurity()
	b.resourcePolicies()
	b.authorizers()
	b.lambdaPermissions()
	b.requestValidators()
	b.wafAssociations()
	b.connectionTypes()
}

// connectionTypes sets the connection type of integrations.
func (b *builder) connectionTypes() {
	ins := map[string]*model.Integration{}
	for _, api := range b.l.frag.APIs {
		for _, m := range api.Methods {
			if m.Integration != nil {
				ins[m.Integration.ID] = m.Integration
			}
		}
	}
	for _, typ := range []string{"aws_api_gateway_integration", "aws_apigatewayv2_integration"} {
		for _, ri := range b.byType[typ] {
			if in := ins[ri.id]; in != nil {
				in.ConnectionType = ri.scope().val(ri.cfg.body.attr("connection_type"))
			}
		}
	}
}

// stageSecurity completes the stages with their access log and client
// certificate facts.
func (b *builder) stageSecurity() {
	for _, typ := range []string{"aws_api_gateway_stage", "aws_apigatewayv2_stage"} {
		for _, ri := range b.byType[typ] {
			st := b.stages[ri.id]
			if st == nil {
				continue
			}
			s, bd := ri.scope(), ri.cfg.body
			st.AccessLogsKnown = !bd.dynamic["access_log_settings"]
			st.ClientCertificate = s.val(bd.attr("client_certificate_id"))
		}
	}
}

// resourcePolicies sets each REST API's resource policy: its `policy`
// argument, which overrides the body's x-amazon-apigateway-policy, or an
// aws_api_gateway_rest_api_policy that names it.
func (b *builder) resourcePolicies() {
	for _, ri := range b.byType["aws_api_gateway_rest_api"] {
		api := b.apis["r:"+ri.id+".id"]
		if api == nil {
			continue
		}
		api.PolicyKnown = true
		if v := ri.scope().val(ri.cfg.body.attr("policy")); v != nil {
			api.Policy = v
		}
	}
	for _, ri := range b.byType["aws_api_gateway_rest_api_policy"] {
		s, bd := ri.scope(), ri.cfg.body
		policy := s.val(bd.attr("policy"))
		if policy == nil {
			policy = model.Unknown(ri.addr, ri.def())
		}
		if api := b.apis[s.identity(bd.attr("rest_api_id"))]; api != nil {
			api.Policy = policy
			continue
		}
		// Not tied to an API declared here: it may be any REST API's.
		for _, api := range b.l.frag.APIs {
			if api.Kind == model.KindREST && api.Source == model.SourceTerraform {
				api.PolicyKnown = false
			}
		}
	}
}

// authorizers builds REST and v2 authorizers.
func (b *builder) authorizers() {
	for _, ri := range b.byType["aws_api_gateway_authorizer"] {
		s, bd := ri.scope(), ri.cfg.body
		a := &model.Authorizer{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v1",
			Name:           s.val(bd.attr("name")),
			Type:           s.val(bd.attr("type")),
			TTL:            s.val(bd.attr("authorizer_result_ttl_in_seconds")),
			IdentitySource: s.val(bd.attr("identity_source")),
		}
		// The provider's defaults: a TOKEN authorizer reading the
		// Authorization header.
		if a.Type == nil {
			a.Type = model.Lit("TOKEN", ri.def())
		}
		if a.IdentitySource == nil && bd.attr("identity_source") == nil {
			a.IdentitySource = model.Lit("method.request.header.Authorization", ri.def())
		}
		a.ProviderARNs, _, a.ProviderARNsKnown = s.list(bd.attr("provider_arns"))
		var link *model.Link
		a.API, link = valAndLink(s, bd.attr("rest_api_id"))
		a.APILink = linkKind(link, "aws_api_gateway_rest_api")
		b.l.frag.Authorizers = append(b.l.frag.Authorizers, a)
	}
	for _, ri := range b.byType["aws_apigatewayv2_authorizer"] {
		s, bd := ri.scope(), ri.cfg.body
		a := &model.Authorizer{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v2",
			Name:              s.val(bd.attr("name")),
			Type:              s.val(bd.attr("authorizer_type")),
			TTL:               s.val(bd.attr("authorizer_result_ttl_in_seconds")),
			ProviderARNsKnown: true,
		}
		if ids, _, known := s.list(bd.attr("identity_sources")); known && len(ids) > 0 {
			parts := make([]string, 0, len(ids))
			for _, v := range ids {
				parts = append(parts, textOf(v))
			}
			a.IdentitySource = &model.Value{Literal: strings.Join(parts, ","), Known: allKnown(ids), Range: rng(bd.attr("identity_sources").Expr.Range())}
		} else if !known {
			a.IdentitySource = model.Unknown("identity_sources", rng(bd.attr("identity_sources").Expr.Range()))
		}
		var link *model.Link
		a.API, link = valAndLink(s, bd.attr("api_id"))
		a.APILink = linkKind(link, "aws_apigatewayv2_api")
		b.l.frag.Authorizers = append(b.l.frag.Authorizers, a)
	}
}

func allKnown(vs []*model.Value) bool {
	for _, v := range vs {
		if !v.Known {
			return false
		}
	}
	return true
}

// lambdaPermissions builds aws_lambda_permission.
func (b *builder) lambdaPermissions() {
	for _, ri := range b.byType["aws_lambda_permission"] {
		s, bd := ri.scope(), ri.cfg.body
		b.l.frag.LambdaPermissions = append(b.l.frag.LambdaPermissions, &model.LambdaPermission{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
			Principal: s.val(bd.attr("principal")),
			Action:    s.val(bd.attr("action")),
			SourceARN: s.val(bd.attr("source_arn")),
		})
	}
}

// requestValidators sets the body validation of methods that name an
// aws_api_gateway_request_validator (validate_request_body defaults to
// false).
func (b *builder) requestValidators() {
	validators := map[string]*resInst{}
	for _, ri := range b.byType["aws_api_gateway_request_validator"] {
		validators["r:"+ri.id+".id"] = ri
	}
	methods := map[string]*model.Method{}
	for _, api := range b.l.frag.APIs {
		for _, m := range api.Methods {
			methods[m.ID] = m
		}
	}
	for _, ri := range b.byType["aws_api_gateway_method"] {
		s, bd := ri.scope(), ri.cfg.body
		m, a := methods[ri.id], bd.attr("request_validator_id")
		if m == nil || a == nil {
			continue
		}
		at := rng(a.Expr.Range())
		v := validators[s.identity(a)]
		switch {
		case v == nil:
			m.BodyValidation = model.Unknown(textOf(s.val(a)), at)
		case v.cfg.body.attr("validate_request_body") == nil:
			m.BodyValidation = model.Lit("false", at)
		default:
			m.BodyValidation = v.scope().val(v.cfg.body.attr("validate_request_body"))
			if m.BodyValidation != nil {
				m.BodyValidation.Range = at
			}
		}
	}
}

// wafAssociations builds web ACL associations with the resource their ARN
// reads.
func (b *builder) wafAssociations() {
	for _, typ := range []string{"aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"} {
		for _, ri := range b.byType[typ] {
			s, bd := ri.scope(), ri.cfg.body
			w := &model.WAFAssociation{ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
				ResourceARN: s.val(bd.attr("resource_arn"))}
			if a := bd.attr("resource_arn"); a != nil {
				if t, ok := s.follow(a.Expr); ok && t.inst != nil && !t.inst.cfg.data {
					w.Target = &model.Link{Kind: t.inst.cfg.typ, ID: t.inst.id, Attribute: t.attr}
				}
			}
			b.l.frag.WAFAssociations = append(b.l.frag.WAFAssociations, w)
		}
	}
}
