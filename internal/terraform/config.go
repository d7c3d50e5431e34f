package terraform

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A modConfig is one parsed module directory, shared by every instance of
// the module.
type modConfig struct {
	abs, dir  string // absolute and display directory
	variables map[string]*variableConfig
	locals    map[string]*hcl.Attribute
	outputs   map[string]*hcl.Attribute
	resources []*resourceConfig
	resByAddr map[string]*resourceConfig // "type.name"; data sources as "data.type.name"
	calls     []*moduleCall
	providers []*providerConfig
	varFiles  []string // terraform.tfvars and *.auto.tfvars, in the order Terraform applies them
}

// A variableConfig is a variable block.
type variableConfig struct {
	name     string
	def      *hcl.Attribute
	typeExpr hcl.Expression
}

// A resourceConfig is a resource or data block.
type resourceConfig struct {
	typ, name string
	data      bool
	block     *hcl.Block
	body      *body
	count     *hcl.Attribute
	forEach   *hcl.Attribute
	provider  *hcl.Attribute
}

// addr returns the resource's address without module path or instance key.
func (rc *resourceConfig) addr() string {
	if rc.data {
		return "data." + rc.typ + "." + rc.name
	}
	return rc.typ + "." + rc.name
}

// A moduleCall is a module block.
type moduleCall struct {
	name      string
	block     *hcl.Block
	source    *hcl.Attribute
	args      map[string]*hcl.Attribute
	count     *hcl.Attribute
	forEach   *hcl.Attribute
	providers *hcl.Attribute
}

// A providerConfig is a provider block.
type providerConfig struct {
	name  string // "aws" or "aws.alias"
	attrs map[string]*hcl.Attribute
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "module", LabelNames: []string{"name"}},
}}

// config returns the parsed module in abs, parsing it on first use.
func (l *loader) config(abs, display string) *modConfig {
	if c, ok := l.configs[abs]; ok {
		return c
	}
	c := &modConfig{
		abs: abs, dir: display,
		variables: map[string]*variableConfig{},
		locals:    map[string]*hcl.Attribute{},
		outputs:   map[string]*hcl.Attribute{},
		resByAddr: map[string]*resourceConfig{},
	}
	l.configs[abs] = c
	entries, err := os.ReadDir(abs)
	if err != nil {
		l.diag(DiagSyntax, model.SeverityError, model.Range{Filename: display}, "module directory %q could not be read: %v", display, err)
		return c
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		if isAutoVarFile(name) {
			c.varFiles = append(c.varFiles, name)
			continue
		}
		if !isConfigFile(name) {
			continue
		}
		body := l.parseFile(filepath.Join(abs, name), filepath.Join(display, name))
		if body != nil {
			l.decodeFile(c, body)
		}
	}
	// terraform.tfvars first, then *.auto.tfvars in lexical order.
	sort.SliceStable(c.varFiles, func(i, j int) bool {
		ai, aj := strings.HasPrefix(c.varFiles[i], "terraform.tfvars"), strings.HasPrefix(c.varFiles[j], "terraform.tfvars")
		if ai != aj {
			return ai
		}
		return c.varFiles[i] < c.varFiles[j]
	})
	return c
}

// decodeFile adds one file's top-level blocks to c.
func (l *loader) decodeFile(c *modConfig, b hcl.Body) {
	content, _, diags := b.PartialContent(fileSchema)
	l.hclErrors(diags)
	for _, blk := range content.Blocks {
		switch blk.Type {
		case "variable":
			attrs := justAttributes(blk.Body)
			v := &variableConfig{name: blk.Labels[0], def: attrs["default"]}
			if t := attrs["type"]; t != nil {
				v.typeExpr = t.Expr
			}
			c.variables[v.name] = v
		case "locals":
			for name, a := range justAttributes(blk.Body) {
				c.locals[name] = a
			}
		case "output":
			if a := justAttributes(blk.Body)["value"]; a != nil {
				c.outputs[blk.Labels[0]] = a
			}
		case "provider":
			attrs := justAttributes(blk.Body)
			name := blk.Labels[0]
			if a := attrs["alias"]; a != nil {
				if v, d := a.Expr.Value(nil); !d.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().FriendlyName() == "string" {
					name += "." + v.AsString()
				}
			}
			c.providers = append(c.providers, &providerConfig{name: name, attrs: attrs})
		case "resource", "data":
			rc := &resourceConfig{typ: blk.Labels[0], name: blk.Labels[1], data: blk.Type == "data", block: blk}
			rc.body = decodeBody(blk.Body, blockSchemas[rc.typ], blk.DefRange)
			rc.count = rc.body.take("count")
			rc.forEach = rc.body.take("for_each")
			rc.provider = rc.body.take("provider")
			rc.body.take("depends_on")
			if _, dup := c.resByAddr[rc.addr()]; dup {
				continue // Terraform rejects the module; keep the first
			}
			c.resByAddr[rc.addr()] = rc
			c.resources = append(c.resources, rc)
		case "module":
			attrs := justAttributes(blk.Body)
			mc := &moduleCall{name: blk.Labels[0], block: blk, args: map[string]*hcl.Attribute{}}
			for name, a := range attrs {
				switch name {
				case "source":
					mc.source = a
				case "count":
					mc.count = a
				case "for_each":
					mc.forEach = a
				case "providers":
					mc.providers = a
				case "version", "depends_on":
				default:
					mc.args[name] = a
				}
			}
			c.calls = append(c.calls, mc)
		}
	}
}

// hclErrors reports structural errors of a parsed file as APIGW001.
func (l *loader) hclErrors(diags hcl.Diagnostics) {
	for _, d := range diags {
		if d.Severity == hcl.DiagError && d.Subject != nil {
			l.diag(DiagSyntax, model.SeverityError, rangeFromHCL(*d.Subject), "%s", strings.TrimSuffix(d.Summary+": "+d.Detail, "."))
		}
	}
}

// justAttributes returns a body's attributes, ignoring nested blocks.
func justAttributes(b hcl.Body) map[string]*hcl.Attribute {
	if sb, ok := b.(*hclsyntax.Body); ok {
		out := make(map[string]*hcl.Attribute, len(sb.Attributes))
		for name, a := range sb.Attributes {
			out[name] = a.AsHCLAttribute()
		}
		return out
	}
	attrs, _ := b.JustAttributes()
	return attrs
}

// A body is a decoded block body: its attributes and its nested blocks by
// type. Dynamic blocks are not expanded; their type is recorded in dynamic.
type body struct {
	rng     hcl.Range // the block's DefRange
	attrs   map[string]*hcl.Attribute
	blocks  map[string][]*body
	dynamic map[string]bool
}

// A blockSchema names the nested block types of a body and their own nested
// block types. HCL native syntax does not need it; JSON does, since a JSON
// object is an attribute or a block only by schema.
type blockSchema map[string]blockSchema

var (
	cacheBehavior = blockSchema{"forwarded_values": {"cookies": nil}, "lambda_function_association": nil, "function_association": nil, "grpc_config": nil}
	blockSchemas  = map[string]blockSchema{
		"aws_api_gateway_rest_api":        {"endpoint_configuration": nil},
		"aws_api_gateway_integration":     {"tls_config": nil},
		"aws_api_gateway_stage":           {"access_log_settings": nil, "canary_settings": nil},
		"aws_api_gateway_method_settings": {"settings": nil},
		"aws_api_gateway_domain_name":     {"endpoint_configuration": nil, "mutual_tls_authentication": nil},
		"aws_api_gateway_usage_plan":      {"throttle_settings": nil, "quota_settings": nil, "api_stages": {"throttle": nil}},
		"aws_apigatewayv2_api":            {"cors_configuration": nil},
		"aws_apigatewayv2_stage":          {"default_route_settings": nil, "route_settings": nil, "access_log_settings": nil},
		"aws_apigatewayv2_integration":    {"response_parameters": nil, "tls_config": nil},
		"aws_apigatewayv2_domain_name":    {"domain_name_configuration": nil, "mutual_tls_authentication": nil},
		"aws_route53_record": {"alias": nil, "weighted_routing_policy": nil, "latency_routing_policy": nil,
			"failover_routing_policy": nil, "geolocation_routing_policy": nil, "cidr_routing_policy": nil, "geoproximity_routing_policy": nil},
		"aws_acm_certificate": {"options": nil, "validation_option": nil},
		"aws_cloudfront_distribution": {
			"origin":                 {"custom_origin_config": nil, "custom_header": nil, "s3_origin_config": nil, "origin_shield": nil, "vpc_origin_config": nil},
			"default_cache_behavior": cacheBehavior, "ordered_cache_behavior": cacheBehavior,
			"viewer_certificate": nil, "restrictions": {"geo_restriction": nil}, "logging_config": nil,
			"custom_error_response": nil, "origin_group": {"failover_criteria": nil, "member": nil},
		},
	}
	metaBlocks = []string{"lifecycle", "provisioner", "connection", "timeouts"}
)

// decodeBody decodes b with the nested block types of s.
func decodeBody(b hcl.Body, s blockSchema, def hcl.Range) *body {
	out := &body{rng: def, blocks: map[string][]*body{}}
	if sb, ok := b.(*hclsyntax.Body); ok {
		out.attrs = make(map[string]*hcl.Attribute, len(sb.Attributes))
		for name, a := range sb.Attributes {
			out.attrs[name] = a.AsHCLAttribute()
		}
		for _, blk := range sb.Blocks {
			if blk.Type == "dynamic" && len(blk.Labels) == 1 {
				out.setDynamic(blk.Labels[0])
				continue
			}
			out.blocks[blk.Type] = append(out.blocks[blk.Type], decodeBody(blk.Body, s[blk.Type], blk.DefRange()))
		}
		return out
	}
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "dynamic", LabelNames: []string{"type"}}}}
	for name := range s {
		schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: name})
	}
	for _, name := range metaBlocks {
		schema.Blocks = append(schema.Blocks, hcl.BlockHeaderSchema{Type: name})
	}
	content, remain, _ := b.PartialContent(schema)
	for _, blk := range content.Blocks {
		if blk.Type == "dynamic" {
			out.setDynamic(blk.Labels[0])
			continue
		}
		out.blocks[blk.Type] = append(out.blocks[blk.Type], decodeBody(blk.Body, s[blk.Type], blk.DefRange))
	}
	out.attrs, _ = remain.JustAttributes()
	if out.attrs == nil {
		out.attrs = map[string]*hcl.Attribute{}
	}
	return out
}

func (b *body) setDynamic(typ string) {
	if b.dynamic == nil {
		b.dynamic = map[string]bool{}
	}
	b.dynamic[typ] = true
}

// take removes and returns the attribute name.
func (b *body) take(name string) *hcl.Attribute {
	a := b.attrs[name]
	delete(b.attrs, name)
	return a
}

// block returns the first nested block of type typ, or nil.
func (b *body) block(typ string) *body {
	if b == nil || len(b.blocks[typ]) == 0 {
		return nil
	}
	return b.blocks[typ][0]
}

// attr returns the attribute name of b, or nil (also when b is nil).
func (b *body) attr(name string) *hcl.Attribute {
	if b == nil {
		return nil
	}
	return b.attrs[name]
}
