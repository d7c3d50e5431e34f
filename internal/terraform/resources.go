package terraform

import (
	"strconv"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// certificates builds ACM certificates.
func (b *builder) certificates() {
	for _, ri := range b.byType["aws_acm_certificate"] {
		s, bd := ri.scope(), ri.cfg.body
		c := &model.Certificate{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
			DomainName: s.val(bd.attr("domain_name")),
			Region:     b.region(ri),
			Body:       s.val(bd.attr("certificate_body")),
		}
		c.SubjectAlternativeNames, _, c.SANsKnown = s.list(bd.attr("subject_alternative_names"))
		b.l.frag.Certificates = append(b.l.frag.Certificates, c)
	}
}

// domains builds REST (v1) and v2 custom domain names.
func (b *builder) domains() {
	for _, ri := range b.byType["aws_api_gateway_domain_name"] {
		s, bd := ri.scope(), ri.cfg.body
		d := &model.Domain{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v1",
			Name:               s.val(bd.attr("domain_name")),
			SecurityPolicy:     s.val(bd.attr("security_policy")),
			EndpointAccessMode: s.val(bd.attr("endpoint_access_mode")),
			CertificateBody:    s.val(bd.attr("certificate_body")),
			Region:             b.region(ri),
		}
		var certLink, regLink *model.Link
		d.CertificateARN, certLink = valAndLink(s, bd.attr("certificate_arn"))
		d.RegionalCertificateARN, regLink = valAndLink(s, bd.attr("regional_certificate_arn"))
		d.Certificate = linkKind(regLink, "aws_acm_certificate")
		if d.Certificate == nil {
			d.Certificate = linkKind(certLink, "aws_acm_certificate")
		}
		if ec := bd.block("endpoint_configuration"); ec != nil {
			if types, _, _ := s.list(ec.attr("types")); len(types) > 0 {
				d.EndpointType = types[0]
			}
		} else {
			// The provider's default endpoint type.
			d.EndpointType = model.Lit("EDGE", ri.def())
		}
		if mt := bd.block("mutual_tls_authentication"); mt != nil {
			d.MutualTLS, d.MutualTLSRange = true, rng(mt.rng)
		}
		b.l.frag.Domains = append(b.l.frag.Domains, d)
	}
	for _, ri := range b.byType["aws_apigatewayv2_domain_name"] {
		s, bd := ri.scope(), ri.cfg.body
		d := &model.Domain{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v2",
			Name:   s.val(bd.attr("domain_name")),
			Region: b.region(ri),
		}
		if c := bd.block("domain_name_configuration"); c != nil {
			var link *model.Link
			d.CertificateARN, link = valAndLink(s, c.attr("certificate_arn"))
			d.Certificate = linkKind(link, "aws_acm_certificate")
			d.EndpointType = s.val(c.attr("endpoint_type"))
			d.SecurityPolicy = s.val(c.attr("security_policy"))
		}
		if mt := bd.block("mutual_tls_authentication"); mt != nil {
			d.MutualTLS, d.MutualTLSRange = true, rng(mt.rng)
		}
		b.l.frag.Domains = append(b.l.frag.Domains, d)
	}
}

// stagesV1 builds REST stages.
func (b *builder) stagesV1() {
	for _, ri := range b.byType["aws_api_gateway_stage"] {
		s, bd := ri.scope(), ri.cfg.body
		st := &model.Stage{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v1",
			Name:         s.val(bd.attr("stage_name")),
			Deployment:   s.val(bd.attr("deployment_id")),
			XRayTracing:  s.val(bd.attr("xray_tracing_enabled")),
			AccessLogs:   bd.block("access_log_settings") != nil,
			CacheEnabled: s.val(bd.attr("cache_cluster_enabled")),
		}
		var link *model.Link
		st.API, link = valAndLink(s, bd.attr("rest_api_id"))
		st.APILink = linkKind(link, "aws_api_gateway_rest_api")
		b.addStage(ri, st, s.identity(bd.attr("rest_api_id")))
	}
}

// stagesV2 builds HTTP and WebSocket stages with their route settings.
func (b *builder) stagesV2() {
	for _, ri := range b.byType["aws_apigatewayv2_stage"] {
		s, bd := ri.scope(), ri.cfg.body
		st := &model.Stage{
			ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: "v2",
			Name:       s.val(bd.attr("name")),
			Deployment: s.val(bd.attr("deployment_id")),
			AccessLogs: bd.block("access_log_settings") != nil,
		}
		var link *model.Link
		st.API, link = valAndLink(s, bd.attr("api_id"))
		st.APILink = linkKind(link, "aws_apigatewayv2_api")
		self := &model.Link{Kind: ri.cfg.typ, ID: ri.id}
		settings := func(blk *body, id string, path *model.Value) *model.MethodSettings {
			return &model.MethodSettings{
				ID: id, Range: rng(blk.rng), Ref: ri.addr, Stage: st.Name, StageLink: self, MethodPath: path,
				RateLimit:    s.val(blk.attr("throttling_rate_limit")),
				BurstLimit:   s.val(blk.attr("throttling_burst_limit")),
				DataTrace:    s.val(blk.attr("data_trace_enabled")),
				LoggingLevel: s.val(blk.attr("logging_level")),
			}
		}
		if d := bd.block("default_route_settings"); d != nil {
			st.Settings = append(st.Settings, settings(d, ri.id+".default_route_settings", model.Lit("$default", rng(d.rng))))
		}
		for i, r := range bd.blocks["route_settings"] {
			st.Settings = append(st.Settings, settings(r, ri.id+".route_settings["+strconv.Itoa(i)+"]", s.val(r.attr("route_key"))))
		}
		b.addStage(ri, st, s.identity(bd.attr("api_id")))
	}
}

func (b *builder) addStage(ri *resInst, st *model.Stage, apiIdentity string) {
	b.stages[ri.id] = st
	if name, ok := st.Name.Get(); ok && apiIdentity != "" {
		b.stages[apiIdentity+"|"+name] = st
	}
	b.l.frag.Stages = append(b.l.frag.Stages, st)
}

// stageLink links a stage name attribute to its stage: by reference to the
// stage resource, else by the API's identity and the literal name.
func (b *builder) stageLink(_ scope, stage *model.Value, stageLink *model.Link, apiIdentity string) (*model.Link, *model.Stage) {
	if l := linkKind(stageLink, "aws_api_gateway_stage", "aws_apigatewayv2_stage"); l != nil {
		return l, b.stages[l.ID]
	}
	if name, ok := stage.Get(); ok && apiIdentity != "" {
		if st := b.stages[apiIdentity+"|"+name]; st != nil {
			kind := "aws_api_gateway_stage"
			if st.Version == "v2" {
				kind = "aws_apigatewayv2_stage"
			}
			return &model.Link{Kind: kind, ID: st.ID}, st
		}
	}
	return nil, nil
}

// methodSettings builds aws_api_gateway_method_settings, linked to their
// stage through rest_api_id and stage_name.
func (b *builder) methodSettings() {
	for _, ri := range b.byType["aws_api_gateway_method_settings"] {
		s, bd := ri.scope(), ri.cfg.body
		ms := &model.MethodSettings{ID: ri.id, Range: ri.def(), Ref: ri.addr, MethodPath: s.val(bd.attr("method_path"))}
		var link *model.Link
		ms.Stage, link = valAndLink(s, bd.attr("stage_name"))
		if set := bd.block("settings"); set != nil {
			ms.RateLimit = s.val(set.attr("throttling_rate_limit"))
			ms.BurstLimit = s.val(set.attr("throttling_burst_limit"))
			ms.DataTrace = s.val(set.attr("data_trace_enabled"))
			ms.LoggingLevel = s.val(set.attr("logging_level"))
			ms.CacheEnabled = s.val(set.attr("caching_enabled"))
			ms.CacheEncrypted = s.val(set.attr("cache_data_encrypted"))
		}
		var st *model.Stage
		ms.StageLink, st = b.stageLink(s, ms.Stage, link, s.identity(bd.attr("rest_api_id")))
		if st != nil {
			st.Settings = append(st.Settings, ms)
		}
		b.l.frag.MethodSettings = append(b.l.frag.MethodSettings, ms)
	}
}

// mappings builds base path mappings (v1) and API mappings (v2).
func (b *builder) mappings() {
	build := func(ri *resInst, version, stageAttr, pathAttr string) {
		s, bd := ri.scope(), ri.cfg.body
		m := &model.BasePathMapping{ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Version: version,
			BasePath: s.val(bd.attr(pathAttr))}
		var dl, al, sl *model.Link
		m.Domain, dl = valAndLink(s, bd.attr("domain_name"))
		m.API, al = valAndLink(s, bd.attr("api_id"))
		m.Stage, sl = valAndLink(s, bd.attr(stageAttr))
		m.DomainLink = linkKind(dl, "aws_api_gateway_domain_name", "aws_apigatewayv2_domain_name")
		m.APILink = linkKind(al, "aws_api_gateway_rest_api", "aws_apigatewayv2_api")
		m.StageLink, _ = b.stageLink(s, m.Stage, sl, s.identity(bd.attr("api_id")))
		b.l.frag.BasePathMappings = append(b.l.frag.BasePathMappings, m)
	}
	for _, ri := range b.byType["aws_api_gateway_base_path_mapping"] {
		build(ri, "v1", "stage_name", "base_path")
	}
	for _, ri := range b.byType["aws_apigatewayv2_api_mapping"] {
		build(ri, "v2", "stage", "api_mapping_key")
	}
}

// records builds Route 53 records, linking alias targets and record values
// to what they reference.
func (b *builder) records() {
	for _, ri := range b.byType["aws_route53_record"] {
		s, bd := ri.scope(), ri.cfg.body
		r := &model.DNSRecord{ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
			Name: s.val(bd.attr("name")), Type: s.val(bd.attr("type")), ZoneID: s.val(bd.attr("zone_id"))}
		r.Values, r.ValueTargets, r.ValuesKnown = s.list(bd.attr("records"))
		if bd.dynamic["alias"] {
			r.AliasName = model.Unknown("dynamic alias", ri.def())
		}
		if al := bd.block("alias"); al != nil {
			r.AliasName, r.AliasTarget = valAndLink(s, al.attr("name"))
			r.AliasZoneID, r.AliasZoneTarget = valAndLink(s, al.attr("zone_id"))
		}
		b.l.frag.DNSRecords = append(b.l.frag.DNSRecords, r)
	}
}

// distributions builds CloudFront distributions.
func (b *builder) distributions() {
	for _, ri := range b.byType["aws_cloudfront_distribution"] {
		s, bd := ri.scope(), ri.cfg.body
		d := &model.Distribution{ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr, Origins: []*model.Origin{}}
		for _, o := range bd.blocks["origin"] {
			org := &model.Origin{Range: rng(o.rng), OriginID: s.val(o.attr("origin_id")), OriginPath: s.val(o.attr("origin_path")), SSLKnown: true}
			org.DomainName, org.DomainLink = valAndLink(s, o.attr("domain_name"))
			if c := o.block("custom_origin_config"); c != nil {
				org.ProtocolPolicy = s.val(c.attr("origin_protocol_policy"))
				org.SSLProtocols, _, org.SSLKnown = s.list(c.attr("origin_ssl_protocols"))
			}
			d.Origins = append(d.Origins, org)
		}
		if vc := bd.block("viewer_certificate"); vc != nil {
			d.ViewerMinimumProtocol = s.val(vc.attr("minimum_protocol_version"))
			d.ViewerDefaultCertificate = s.val(vc.attr("cloudfront_default_certificate"))
		}
		behaviors := append(append([]*body{}, bd.blocks["default_cache_behavior"]...), bd.blocks["ordered_cache_behavior"]...)
		for _, cb := range behaviors {
			if fv := cb.block("forwarded_values"); fv != nil {
				hs, _, _ := s.list(fv.attr("headers"))
				d.ForwardedHeaders = append(d.ForwardedHeaders, hs...)
			}
		}
		d.Aliases, _, _ = s.list(bd.attr("aliases"))
		b.l.frag.Distributions = append(b.l.frag.Distributions, d)
	}
}

// usagePlans builds usage plans with their API stages and the API keys
// attached through usage plan keys.
func (b *builder) usagePlans() {
	for _, ri := range b.byType["aws_api_gateway_usage_plan"] {
		s, bd := ri.scope(), ri.cfg.body
		p := &model.UsagePlan{ID: ri.id, Range: ri.def(), Source: model.SourceTerraform, Ref: ri.addr,
			Name: s.val(bd.attr("name")), StagesKnown: !bd.dynamic["api_stages"], KeysKnown: true}
		if t := bd.block("throttle_settings"); t != nil {
			p.RateLimit = s.val(t.attr("rate_limit"))
			p.BurstLimit = s.val(t.attr("burst_limit"))
		}
		for i, as := range bd.blocks["api_stages"] {
			ps := &model.UsagePlanStage{Range: rng(as.rng)}
			var al, sl *model.Link
			ps.API, al = valAndLink(s, as.attr("api_id"))
			ps.APILink = linkKind(al, "aws_api_gateway_rest_api")
			ps.Stage, sl = valAndLink(s, as.attr("stage"))
			ps.StageLink, _ = b.stageLink(s, ps.Stage, sl, s.identity(as.attr("api_id")))
			for j, t := range as.blocks["throttle"] {
				ps.Throttles = append(ps.Throttles, &model.MethodSettings{
					ID:    ri.id + ".api_stages[" + strconv.Itoa(i) + "].throttle[" + strconv.Itoa(j) + "]",
					Range: rng(t.rng), Ref: ri.addr, Stage: ps.Stage, StageLink: ps.StageLink,
					MethodPath: s.val(t.attr("path")), RateLimit: s.val(t.attr("rate_limit")), BurstLimit: s.val(t.attr("burst_limit")),
				})
			}
			p.Stages = append(p.Stages, ps)
		}
		b.plans[ri.id] = p
		b.l.frag.UsagePlans = append(b.l.frag.UsagePlans, p)
	}
	for _, ri := range b.byType["aws_api_gateway_usage_plan_key"] {
		s, bd := ri.scope(), ri.cfg.body
		var plan *model.UsagePlan
		if a := bd.attr("usage_plan_id"); a != nil {
			if pt, ok := s.follow(a.Expr); ok && pt.inst != nil {
				plan = b.plans[pt.inst.id]
			}
		}
		if plan == nil {
			// Not tied to a plan declared here: it may belong to any of them.
			for _, p := range b.plans {
				p.KeysKnown = false
			}
			continue
		}
		key := linkKind(linkOf(s, bd.attr("key_id")), "aws_api_gateway_api_key")
		if key == nil {
			plan.KeysKnown = false
			continue
		}
		plan.Keys = append(plan.Keys, key)
	}
}
