package openapi

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A scheme is what a security scheme means to API Gateway.
type scheme struct {
	authorization string // NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS, JWT; "" unknown
	apiKey        bool
}

// readSecurity reads what API Gateway makes of a document's security: the
// resource policy (x-amazon-apigateway-policy), the authorizers of its
// security schemes, each method's authorization and API key requirement
// from `security`, and the request validators. Only a document with
// x-amazon-apigateway-* extensions says how API Gateway imports it; a plain
// document's methods keep an unknown authorization.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html
func (d *doc) readSecurity(api *model.API) {
	// A resource policy can be attached outside the document (CloudFormation
	// Policy, Terraform policy, the CLI): without the extension it is
	// unknown, not absent. The Terraform and CloudFormation loaders, which
	// see the whole API, decide it for the documents they embed.
	if p, k := yamltree.Get(d.root, "x-amazon-apigateway-policy"); p != nil {
		api.Policy = d.jsonValue(p, k)
		api.PolicyKnown = true
	}
	if !api.Export {
		return
	}
	schemes := d.schemes(api)
	rootSec, rootKey := yamltree.Get(d.root, "security")
	validators, _ := yamltree.Get(d.root, "x-amazon-apigateway-request-validators")
	rootValidator, _ := yamltree.Get(d.root, "x-amazon-apigateway-request-validator")
	paths, _ := yamltree.Get(d.root, "paths")
	ops := map[string]*yaml.Node{}
	for _, p := range yamltree.Pairs(paths) {
		for _, op := range yamltree.Pairs(p[1]) {
			if verb, ok := verbs[op[0].Value]; ok {
				ops[verb+" "+p[0].Value] = op[1]
			}
		}
	}
	for _, m := range api.Methods {
		op := ops[m.Verb+" "+m.Path]
		if op == nil {
			continue
		}
		sec, key := yamltree.Get(op, "security")
		if sec == nil {
			sec, key = rootSec, rootKey
		}
		auth, apiKey := d.methodSecurity(m, sec, key, schemes)
		if m.Authorization == nil {
			m.Authorization = auth
		}
		if m.APIKeyRequired == nil {
			m.APIKeyRequired = apiKey
		}
		if m.Integration != nil {
			if ct, _ := yamltree.Get(yamltree.Deref(child(op, "x-amazon-apigateway-integration")), "connectionType"); ct != nil {
				m.Integration.ConnectionType = d.value(ct)
			}
		}
		v, _ := yamltree.Get(op, "x-amazon-apigateway-request-validator")
		if v == nil {
			v = rootValidator
		}
		if v != nil {
			m.BodyValidation = d.validation(validators, v)
		}
	}
}

// methodSecurity returns the authorization and API key requirement that a
// `security` list gives a method.
func (d *doc) methodSecurity(m *model.Method, sec, key *yaml.Node, schemes map[string]scheme) (auth, apiKey *model.Value) {
	sec = yamltree.Deref(sec)
	if sec == nil {
		return model.Lit("NONE", m.Range), model.Lit("false", m.Range)
	}
	r := d.rangeOf(key)
	if sec.Kind != yaml.SequenceNode {
		return model.Unknown("security", r), model.Unknown("security", r)
	}
	authz, hasKey, known := "NONE", false, true
	for _, req := range sec.Content {
		for _, p := range yamltree.Pairs(req) {
			s, ok := schemes[p[0].Value]
			if !ok || (s.authorization == "" && !s.apiKey) {
				known = false
				continue
			}
			if s.apiKey {
				hasKey = true
			}
			if s.authorization != "" && s.authorization != "NONE" {
				authz = s.authorization
			}
		}
	}
	apiKey = model.Lit(fmt.Sprint(hasKey), r)
	if !known {
		if !hasKey {
			apiKey = model.Unknown("security", r)
		}
		return model.Unknown("security", r), apiKey
	}
	return model.Lit(authz, r), apiKey
}

// schemes classifies the document's security schemes and records the
// authorizers they declare.
func (d *doc) schemes(api *model.API) map[string]scheme {
	defs, _ := yamltree.Get(d.root, "securityDefinitions")
	if comps, _ := yamltree.Get(d.root, "components"); comps != nil {
		if s, _ := yamltree.Get(comps, "securitySchemes"); s != nil {
			defs = s
		}
	}
	out := map[string]scheme{}
	for _, p := range yamltree.Pairs(defs) {
		name, n := p[0].Value, yamltree.Deref(p[1])
		if !yamltree.IsMap(n) {
			continue
		}
		var s scheme
		if az, azKey := yamltree.Get(n, "x-amazon-apigateway-authorizer"); az != nil {
			a := d.authorizer(api, name, p[0], az, azKey)
			// A REST token authorizer reads the header the scheme names.
			in, _ := yamltree.Get(n, "in")
			keyName, _ := yamltree.Get(n, "name")
			if a.IdentitySource == nil && a.Type.Is("TOKEN") && in != nil && keyName != nil {
				where := map[string]string{"query": "querystring"}[in.Value]
				if where == "" {
					where = in.Value
				}
				a.IdentitySource = model.Lit("method.request."+where+"."+keyName.Value, d.rangeOf(in))
			}
			switch {
			case a.Type.Is("COGNITO_USER_POOLS"):
				s.authorization = "COGNITO_USER_POOLS"
			case a.Type.Is("JWT"):
				s.authorization = "JWT"
			case a.Type.Is("TOKEN"), a.Type.Is("REQUEST"):
				s.authorization = "CUSTOM"
			}
			out[name] = s
			continue
		}
		typ, _ := yamltree.Get(n, "type")
		authType, _ := yamltree.Get(n, "x-amazon-apigateway-authtype")
		in, _ := yamltree.Get(n, "in")
		keyName, _ := yamltree.Get(n, "name")
		switch {
		case authType != nil && strings.EqualFold(authType.Value, "awsSigv4"):
			s.authorization = "AWS_IAM"
		case typ != nil && typ.Value == "apiKey" && in != nil && in.Value == "header" &&
			keyName != nil && strings.EqualFold(keyName.Value, "x-api-key"):
			s.apiKey = true
		}
		out[name] = s
	}
	return out
}

// authorizer records the authorizer of one security scheme.
func (d *doc) authorizer(api *model.API, name string, nameKey, n, key *yaml.Node) *model.Authorizer {
	a := &model.Authorizer{
		ID: api.ID + "#authorizer " + name, Range: d.rangeOf(nameKey), Source: model.SourceOpenAPI,
		Version: "v1", Name: d.value(nameKey), ProviderARNsKnown: true,
		API: model.Lit(api.ID, d.rangeOf(key)), APILink: &model.Link{Kind: "openapi", ID: api.ID},
	}
	if api.Kind != model.KindREST {
		a.Version = "v2"
	}
	if !yamltree.IsMap(yamltree.Deref(n)) {
		a.Type = model.Unknown("", d.rangeOf(n))
		a.ProviderARNsKnown = false
		d.authorizers = append(d.authorizers, a)
		return a
	}
	if t, _ := yamltree.Get(n, "type"); t != nil {
		a.Type = d.value(t)
		if a.Type != nil && a.Type.Known {
			a.Type.Literal = strings.ToUpper(a.Type.Literal)
		}
	}
	if t, _ := yamltree.Get(n, "authorizerResultTtlInSeconds"); t != nil {
		a.TTL = d.value(t)
	}
	if s, _ := yamltree.Get(n, "identitySource"); s != nil {
		a.IdentitySource = d.value(s)
	}
	if arns, _ := yamltree.Get(n, "providerARNs"); arns != nil {
		arns = yamltree.Deref(arns)
		if arns.Kind == yaml.SequenceNode {
			for _, e := range arns.Content {
				a.ProviderARNs = append(a.ProviderARNs, d.value(e))
			}
		} else {
			a.ProviderARNsKnown = false
		}
	}
	d.authorizers = append(d.authorizers, a)
	return a
}

// validation returns whether the named request validator checks bodies.
func (d *doc) validation(validators, name *yaml.Node) *model.Value {
	r := d.rangeOf(name)
	if name.Kind != yaml.ScalarNode {
		return model.Unknown("x-amazon-apigateway-request-validator", r)
	}
	v, _ := yamltree.Get(validators, name.Value)
	if !yamltree.IsMap(yamltree.Deref(v)) {
		return model.Unknown("x-amazon-apigateway-request-validators."+name.Value, r)
	}
	body, _ := yamltree.Get(v, "validateRequestBody")
	if body == nil {
		return model.Lit("false", r)
	}
	out := d.value(body)
	out.Range = r
	return out
}

// jsonValue returns a JSON document written as YAML (or as a JSON string) as
// its JSON text; unknown when it holds an intrinsic or an alias.
func (d *doc) jsonValue(n, key *yaml.Node) *model.Value {
	r := d.rangeOf(key)
	if name, _, ok := intrinsic(yamltree.Deref(n)); ok {
		return model.Unknown(name, r)
	}
	if n.Kind == yaml.ScalarNode {
		return model.Lit(n.Value, r)
	}
	var v any
	if err := n.Decode(&v); err != nil || hasIntrinsic(n, 0) {
		return model.Unknown("x-amazon-apigateway-policy", r)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return model.Unknown("x-amazon-apigateway-policy", r)
	}
	return model.Lit(string(b), r)
}

// hasIntrinsic reports whether a node tree holds a CloudFormation intrinsic
// or an alias, whose value is not what the text says.
func hasIntrinsic(n *yaml.Node, depth int) bool {
	if n == nil || depth > 32 {
		return n != nil
	}
	if _, _, ok := intrinsic(n); ok || n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasIntrinsic(c, depth+1) {
			return true
		}
	}
	return false
}

// child returns the value of key in a mapping node.
func child(n *yaml.Node, key string) *yaml.Node {
	v, _ := yamltree.Get(n, key)
	return v
}
