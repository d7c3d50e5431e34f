package cloudformation

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// security reads what the access-control and logging policies need:
// resource policies, SAM's Auth defaults, authorizers, Lambda permissions,
// request validators, WAF associations, and the stages' logging and client
// certificate facts.
func (t *tpl) security() {
	t.stageSecurity()
	t.resourcePolicies()
	t.authorizers()
	t.lambdaPermissions()
	t.requestValidators()
	t.wafAssociations()
	t.connectionTypes()
}

// connectionTypes sets the connection type of AWS::ApiGateway::Method
// integrations.
func (t *tpl) connectionTypes() {
	methods := map[string]*model.Method{}
	for _, api := range t.frag.APIs {
		for _, m := range api.Methods {
			methods[m.ID] = m
		}
	}
	for _, r := range t.byType("AWS::ApiGateway::Method") {
		if m := methods[r.id]; m != nil && m.Integration != nil {
			m.Integration.ConnectionType = t.val(yamltree.Path(t.prop(r, "Integration"), "ConnectionType"))
		}
	}
}

// stageSecurity marks the stages' access log facts as read, and reads their
// client certificates.
func (t *tpl) stageSecurity() {
	for _, st := range t.frag.Stages {
		st.AccessLogsKnown = true
	}
	for _, r := range t.byType(typeStageV1) {
		if st := t.stages[r.name]; st != nil {
			st.ClientCertificate = t.val(t.prop(r, "ClientCertificateId"))
		}
	}
	for _, r := range t.byType("AWS::ApiGateway::Deployment") {
		st := t.stages[r.name+".Stage"]
		if st == nil {
			continue
		}
		st.ClientCertificate = t.val(yamltree.Path(t.prop(r, "StageDescription"), "ClientCertificateId"))
		// A deployment that names a stage declared elsewhere (SAM's
		// `!Ref Api.Stage`, a name that is not literal, the name of
		// another stage of the API) deploys to that stage, whose settings
		// are not the deployment's.
		name, known := st.Name.Get()
		if !known {
			st.AccessLogsKnown = false
			continue
		}
		for _, o := range t.frag.Stages {
			if o != st && o.Version == "v1" && sameAPI(o, st) {
				if n, ok := o.Name.Get(); !ok || n == name {
					st.AccessLogsKnown = false
				}
			}
		}
	}
	for _, r := range t.byType(typeStageV2) {
		if st := t.stages[r.name]; st != nil {
			st.ClientCertificate = t.val(t.prop(r, "ClientCertificateId"))
		}
	}
	// A SAM API's stage has no client certificate property: what the
	// deployed stage has is not the template's to say.
	for _, r := range t.byType(typeSAMAPI, typeSAMHTTPAPI) {
		if st := t.stages[r.name+".Stage"]; st != nil {
			st.ClientCertificate = model.Unknown("not set by SAM", st.Range)
		}
	}
}

// resourcePolicies reads RestApi `Policy`, and SAM `Auth.ResourcePolicy`,
// `Auth.DefaultAuthorizer` and `Auth.ApiKeyRequired`, which SAM applies to
// every operation of the API's definition.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html
func (t *tpl) resourcePolicies() {
	for _, r := range t.byType(typeRestAPI, typeSAMAPI, typeSAMHTTPAPI) {
		api := t.apis[r.name]
		if api == nil {
			continue
		}
		if r.typ != typeSAMHTTPAPI {
			api.PolicyKnown = true
			if p, k := t.propKey(r, "Policy"); present(p) {
				api.Policy = t.policyValue(p, k)
			}
		}
		if r.typ == typeRestAPI {
			continue
		}
		auth, authKey := t.propKey(r, "Auth")
		if !yamltree.IsMap(yamltree.Deref(auth)) {
			continue
		}
		if rp, k := yamltree.Get(yamltree.Deref(auth), "ResourcePolicy"); present(rp) {
			api.Policy = model.Unknown("Auth.ResourcePolicy", t.rangeOf(k))
		}
		da, daKey := yamltree.Get(yamltree.Deref(auth), "DefaultAuthorizer")
		keyed := t.val(yamltree.Path(yamltree.Deref(auth), "ApiKeyRequired"))
		for _, m := range api.Methods {
			if da != nil && !t.val(da).Is("NONE") && m.Authorization.Is("NONE") {
				m.Authorization = model.Unknown("Auth.DefaultAuthorizer", t.rangeOf(daKey))
			}
			if keyed != nil && !keyed.Is("false") && m.APIKeyRequired.Is("false") {
				m.APIKeyRequired = model.Unknown("Auth.ApiKeyRequired", t.rangeOf(authKey))
			}
		}
	}
}

// policyValue reads a policy document: a JSON string, or a map whose JSON
// text is known when it holds no intrinsic; with intrinsics, Partial keeps
// the JSON with each intrinsic as a "${…}" string, so that its shape
// (principals, conditions) can still be read.
func (t *tpl) policyValue(n, key *yaml.Node) *model.Value {
	r := t.rangeOf(key)
	n = yamltree.Deref(n)
	if n.Kind == yaml.ScalarNode {
		return t.val(n)
	}
	if _, _, ok := intrinsic(n); ok {
		v := t.val(n)
		v.Range = r
		return v
	}
	partial := false
	doc := t.plain(n, 0, &partial)
	b, err := json.Marshal(doc)
	if err != nil {
		return model.Unknown("Policy", r)
	}
	if partial {
		return &model.Value{Ref: "Policy", Partial: string(b), Range: r}
	}
	return model.Lit(string(b), r)
}

// plain converts a node tree to plain values, intrinsics as "${Name}".
func (t *tpl) plain(n *yaml.Node, depth int, partial *bool) any {
	n = yamltree.Deref(n)
	if n == nil || depth > 32 {
		*partial = true
		return "${?}"
	}
	if name, _, ok := intrinsic(n); ok {
		*partial = true
		return "${" + name + "}"
	}
	switch n.Kind {
	case yaml.MappingNode:
		out := map[string]any{}
		for _, p := range yamltree.Pairs(n) {
			out[p[0].Value] = t.plain(p[1], depth+1, partial)
		}
		return out
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			out = append(out, t.plain(c, depth+1, partial))
		}
		return out
	}
	return n.Value
}

// authorizers builds AWS::ApiGateway::Authorizer and
// AWS::ApiGatewayV2::Authorizer.
func (t *tpl) authorizers() {
	for _, r := range t.byType("AWS::ApiGateway::Authorizer") {
		a := &model.Authorizer{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v1",
			Name:           t.val(t.prop(r, "Name")),
			Type:           t.val(t.prop(r, "Type")),
			TTL:            t.val(t.prop(r, "AuthorizerResultTtlInSeconds")),
			IdentitySource: t.val(t.prop(r, "IdentitySource")),
		}
		if a.Type != nil && a.Type.Known {
			a.Type.Literal = strings.ToUpper(a.Type.Literal)
		}
		a.ProviderARNs, _, a.ProviderARNsKnown = t.list(t.prop(r, "ProviderARNs"))
		var link *model.Link
		a.API, link = t.valLink(t.prop(r, "RestApiId"))
		a.APILink = linkKind(link, typeRestAPI)
		t.frag.Authorizers = append(t.frag.Authorizers, a)
	}
	for _, r := range t.byType("AWS::ApiGatewayV2::Authorizer") {
		a := &model.Authorizer{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v2",
			Name:              t.val(t.prop(r, "Name")),
			Type:              t.val(t.prop(r, "AuthorizerType")),
			TTL:               t.val(t.prop(r, "AuthorizerResultTtlInSeconds")),
			ProviderARNsKnown: true,
		}
		var link *model.Link
		a.API, link = t.valLink(t.prop(r, "ApiId"))
		a.APILink = linkKind(link, typeV2API)
		t.frag.Authorizers = append(t.frag.Authorizers, a)
	}
}

// lambdaPermissions builds AWS::Lambda::Permission.
func (t *tpl) lambdaPermissions() {
	for _, r := range t.byType("AWS::Lambda::Permission") {
		t.frag.LambdaPermissions = append(t.frag.LambdaPermissions, &model.LambdaPermission{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name,
			Principal: t.val(t.prop(r, "Principal")),
			Action:    t.val(t.prop(r, "Action")),
			SourceARN: t.val(t.prop(r, "SourceArn")),
		})
	}
}

// requestValidators sets the body validation of AWS::ApiGateway::Method
// resources that name an AWS::ApiGateway::RequestValidator
// (ValidateRequestBody defaults to false).
func (t *tpl) requestValidators() {
	methods := map[string]*model.Method{}
	for _, api := range t.frag.APIs {
		for _, m := range api.Methods {
			methods[m.ID] = m
		}
	}
	for _, r := range t.byType("AWS::ApiGateway::Method") {
		m := methods[r.id]
		n, k := t.propKey(r, "RequestValidatorId")
		if m == nil || !present(n) {
			continue
		}
		at := t.rangeOf(k)
		v := t.target(n)
		switch {
		case v == nil || v.typ != "AWS::ApiGateway::RequestValidator":
			m.BodyValidation = model.Unknown(textOf(t.val(n)), at)
		case t.prop(v, "ValidateRequestBody") == nil:
			m.BodyValidation = model.Lit("false", at)
		default:
			m.BodyValidation = t.val(t.prop(v, "ValidateRequestBody"))
			if m.BodyValidation != nil {
				m.BodyValidation.Range = at
			}
		}
	}
}

// stageARN matches the API Gateway ARN of a stage in a Fn::Sub text:
// `arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}`.
var stageARN = regexp.MustCompile(`/restapis/\$\{([A-Za-z0-9]+)\}/stages/(\$\{([A-Za-z0-9.]+)\}|[A-Za-z0-9_-]+)$`)

// wafAssociations builds AWS::WAFv2::WebACLAssociation and
// AWS::WAFRegional::WebACLAssociation, linking those whose ResourceArn
// names a stage of the template.
func (t *tpl) wafAssociations() {
	for _, r := range t.byType("AWS::WAFv2::WebACLAssociation", "AWS::WAFRegional::WebACLAssociation") {
		prop := "ResourceArn"
		w := &model.WAFAssociation{ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name}
		v, link := t.valLink(t.prop(r, prop))
		w.ResourceARN = v
		if link != nil && !link.Computed {
			w.Target = link
		}
		if m := stageARN.FindStringSubmatch(textOf(v)); m != nil {
			var st *model.Stage
			if m[3] != "" {
				st = t.stages[m[3]]
			} else {
				st = t.stages[m[1]+"|"+m[2]]
			}
			if st != nil {
				w.Target = &model.Link{Kind: stageKind(st), ID: st.ID}
			}
		}
		t.frag.WAFAssociations = append(t.frag.WAFAssociations, w)
	}
}

// sameAPI reports whether two stages may belong to the same API.
func sameAPI(a, b *model.Stage) bool {
	if a.APILink == nil || b.APILink == nil {
		return true
	}
	return a.APILink.ID == b.APILink.ID
}
