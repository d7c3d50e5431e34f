package terraform

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"

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
			// Method settings and usage plans that may name this stage
			// without being tied to it clear these (usagePlans).
			SettingsKnown: true, PlansKnown: true,
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
			// Dynamic route settings blocks are not expanded.
			SettingsKnown: !bd.dynamic["default_route_settings"] && !bd.dynamic["route_settings"],
			PlansKnown:    true,
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
		if m.DomainLink == nil {
			m.DomainLink = b.domainByName(m.Domain)
		}
		m.APILink = linkKind(al, "aws_api_gateway_rest_api", "aws_apigatewayv2_api")
		m.StageLink, _ = b.stageLink(s, m.Stage, sl, s.identity(bd.attr("api_id")))
		m.StageNotFound = m.StageLink == nil && b.stageNotFound(m.APILink, m.Stage)
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
			if r.AliasTarget == nil && al.attr("name") != nil {
				r.AliasTarget = deploymentLink(s, al.attr("name").Expr)
			}
		}
		if a := bd.attr("records"); a != nil {
			if exprs, diags := hcl.ExprList(a.Expr); !diags.HasErrors() && len(exprs) == len(r.Values) {
				for i, e := range exprs {
					if l := deploymentLink(s, e); l != nil && r.ValueTargets[i] == nil {
						if r.ValueTargets == nil {
							r.ValueTargets = map[int]*model.Link{}
						}
						r.ValueTargets[i] = l
					}
				}
			}
		}
		r.ZoneName = zoneName(s, bd.attr("zone_id"))
		b.l.frag.DNSRecords = append(b.l.frag.DNSRecords, r)
	}
}

// deploymentLink links a value that reads a REST deployment's invoke_url
// (AWS provider 5 and older): deployments are no model element, but a DNS
// record that points at one points at an execute-api host.
func deploymentLink(s scope, expr hcl.Expression) *model.Link {
	t, computed := target{}, false
	if tt, ok := s.follow(expr); ok {
		t = tt
	} else if vars := expr.Variables(); len(vars) == 1 {
		t, computed = s.followTraversal(vars[0]), true
	}
	if t.inst == nil || t.inst.cfg.data || t.inst.cfg.typ != "aws_api_gateway_deployment" {
		return nil
	}
	return &model.Link{Kind: t.inst.cfg.typ, ID: t.inst.id, Attribute: t.attr, Computed: computed}
}

// zoneName returns the name of the hosted zone a record's zone_id reads: an
// aws_route53_zone resource, or data source in the record's module; nil
// when it reads neither.
func zoneName(s scope, a *hcl.Attribute) *model.Value {
	if a == nil {
		return nil
	}
	t, ok := s.traversalOf(a.Expr)
	if !ok {
		return nil
	}
	var ri *resInst
	if t.RootName() == "data" {
		// The loader does not follow data sources; they are looked up here.
		typ, ok1 := stepName(t, 1)
		name, ok2 := stepName(t, 2)
		if !ok1 || !ok2 || typ != "aws_route53_zone" {
			return nil
		}
		g := s.mod.group("data." + typ + "." + name)
		if g == nil {
			return nil
		}
		idx := -1
		if k, isIdx := indexAt(t, 3); isIdx {
			keys := make([]instance, len(g.insts))
			for j, gi := range g.insts {
				keys[j] = gi.in
			}
			idx = findKey(keys, k)
		} else if g.mode == expandSingle && len(g.insts) == 1 {
			idx = 0
		}
		if idx < 0 {
			return nil
		}
		ri = g.insts[idx]
	} else {
		tt := s.followTraversal(t)
		if tt.inst == nil || tt.inst.cfg.typ != "aws_route53_zone" {
			return nil
		}
		ri = tt.inst
	}
	return ri.scope().val(ri.cfg.body.attr("name"))
}

// domainByName links a mapping's domain name to the one custom domain of
// the module tree with that name, for mappings that write the name (or the
// variable or local the domain's name also reads) instead of referring to
// the domain resource.
func (b *builder) domainByName(name *model.Value) *model.Link {
	if name == nil {
		return nil
	}
	lit, known := name.Get()
	if !known && (name.Ref == "" || strings.Contains(name.Ref, "each.") || strings.Contains(name.Ref, "count.")) {
		return nil // only a variable or local names the same value wherever it is read
	}
	same := func(d *model.Domain) bool {
		if known {
			n, ok := d.Name.Get()
			return ok && strings.EqualFold(strings.TrimSuffix(n, "."), strings.TrimSuffix(lit, "."))
		}
		return d.Name != nil && !d.Name.Known && d.Name.Partial == "" && d.Name.Ref == name.Ref
	}
	var found *model.Domain
	for _, d := range b.l.frag.Domains {
		if same(d) {
			if found != nil {
				return nil // two domains of that name (count, environments): ambiguous
			}
			found = d
		}
	}
	if found == nil {
		return nil
	}
	kind := "aws_api_gateway_domain_name"
	if found.Version == "v2" {
		kind = "aws_apigatewayv2_domain_name"
	}
	return &model.Link{Kind: kind, ID: found.ID, Attribute: "domain_name"}
}

// stageNotFound reports whether the API api links to is declared here with
// all its stages known, and none of them is named stage. A stage whose API
// or name is unknown, or a legacy deployment stage_name, may be the one.
func (b *builder) stageNotFound(api *model.Link, stage *model.Value) bool {
	name, ok := stage.Get()
	if api == nil || !ok || name == "" {
		return false
	}
	for _, st := range b.l.frag.Stages {
		if st.APILink == nil {
			if _, lit := st.API.Get(); !lit {
				return false // an API we cannot tell: it may be this one
			}
			continue
		}
		if st.APILink.ID != api.ID {
			continue
		}
		n, ok := st.Name.Get()
		if !ok || n == name {
			return false
		}
	}
	for _, ri := range b.byType["aws_api_gateway_deployment"] {
		s, bd := ri.scope(), ri.cfg.body
		if bd.attr("stage_name") == nil {
			continue
		}
		l := linkOf(s, bd.attr("rest_api_id"))
		if l == nil || l.ID == api.ID {
			return false
		}
	}
	if api.Kind == "aws_apigatewayv2_api" && name == "$default" {
		for _, ri := range b.byType["aws_apigatewayv2_api"] {
			if ri.id == api.ID && ri.cfg.body.attr("target") != nil {
				return false // quick create makes the $default stage
			}
		}
	}
	return true
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
	b.stageThrottleFacts()
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

// A stageRef is a stage with the identity of its API's id, to decide
// whether something that names a stage without a resolved link may name it.
type stageRef struct {
	st  *model.Stage
	api string
}

// stageRefs returns every stage of the module tree with its API identity.
func (b *builder) stageRefs() []stageRef {
	var out []stageRef
	for typ, attr := range map[string]string{"aws_api_gateway_stage": "rest_api_id", "aws_apigatewayv2_stage": "api_id"} {
		for _, ri := range b.byType[typ] {
			if st := b.stages[ri.id]; st != nil {
				out = append(out, stageRef{st, ri.scope().identity(ri.cfg.body.attr(attr))})
			}
		}
	}
	return out
}

// mayName reports whether an API identity and a stage name, either of
// which may be unknown, may name the stage.
func (r stageRef) mayName(api string, name *model.Value) bool {
	if api != "" && r.api != "" && api != r.api && !strings.HasPrefix(api, "u:") && !strings.HasPrefix(r.api, "u:") {
		return false
	}
	n, ok := name.Get()
	sn, sok := r.st.Name.Get()
	return !ok || !sok || n == sn
}

// stageThrottleFacts completes what the throttling policies know about each
// stage: the usage plans that name it, whether its method settings and
// plans are all known, and its API's methods that need no API key. Anything
// that may name a stage but could not be tied to it makes the stage's facts
// unknown, so that no policy reports on a guess.
func (b *builder) stageThrottleFacts() {
	refs := b.stageRefs()
	unknown := func(api string, name *model.Value, settings, plans bool) {
		for _, r := range refs {
			if r.st.Version == "v1" && r.mayName(api, name) {
				r.st.SettingsKnown = r.st.SettingsKnown && !settings
				r.st.PlansKnown = r.st.PlansKnown && !plans
			}
		}
	}
	for _, ri := range b.byType["aws_api_gateway_method_settings"] {
		s, bd := ri.scope(), ri.cfg.body
		v, link := valAndLink(s, bd.attr("stage_name"))
		if l, _ := b.stageLink(s, v, link, s.identity(bd.attr("rest_api_id"))); l == nil {
			unknown(s.identity(bd.attr("rest_api_id")), v, true, false)
		}
	}
	for _, ri := range b.byType["aws_api_gateway_usage_plan"] {
		p := b.plans[ri.id]
		if p == nil {
			continue
		}
		if !p.StagesKnown {
			unknown("", nil, false, true)
		}
		s := ri.scope()
		for i, as := range ri.cfg.body.blocks["api_stages"] {
			ps := p.Stages[i]
			if ps.StageLink == nil {
				unknown(s.identity(as.attr("api_id")), ps.Stage, false, true)
				continue
			}
			if st := b.stages[ps.StageLink.ID]; st != nil {
				st.Plans = append(st.Plans, &model.Link{Kind: "aws_api_gateway_usage_plan", ID: p.ID})
			}
		}
	}
	// A module that was not read may declare method settings or usage plans
	// for a stage, or its API, passed to it.
	for _, m := range b.l.mods {
		for _, call := range m.cfg.calls {
			g := m.child(call.name)
			if g == nil || !g.skip {
				continue
			}
			for _, a := range call.args {
				for _, tr := range a.Expr.Variables() {
					t := scope{mod: m}.followTraversal(tr)
					if t.inst == nil {
						continue
					}
					for _, r := range refs {
						if r.st.ID == t.inst.id || strings.HasPrefix(r.api, "r:"+t.inst.id+".") {
							r.st.SettingsKnown, r.st.PlansKnown = false, false
						}
					}
				}
			}
		}
	}
	for _, r := range refs {
		if r.st.Version != "v1" || r.st.APILink == nil {
			continue
		}
		api := b.apis["r:"+r.st.APILink.ID+".id"]
		if api == nil {
			continue
		}
		for _, m := range api.Methods {
			if !strings.Contains(m.Ref, "aws_api_gateway_method.") {
				continue
			}
			if m.APIKeyRequired == nil || m.APIKeyRequired.Is("false") {
				r.st.KeylessMethods = append(r.st.KeylessMethods, strings.TrimSpace(m.Verb+" "+m.Path))
			}
		}
		// Paths that read as paths first: messages name a few.
		sort.SliceStable(r.st.KeylessMethods, func(i, j int) bool {
			a, c := r.st.KeylessMethods[i], r.st.KeylessMethods[j]
			if ua, uc := strings.Contains(a, "${"), strings.Contains(c, "${"); ua != uc {
				return uc
			}
			return a < c
		})
	}
}
