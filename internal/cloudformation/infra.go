package cloudformation

import (
	"fmt"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// CloudFormation resource types the infrastructure links name.
const (
	typeCertificate = "AWS::CertificateManager::Certificate"
	typeDomainV1    = "AWS::ApiGateway::DomainName"
	typeDomainV2    = "AWS::ApiGatewayV2::DomainName"
	typeStageV1     = "AWS::ApiGateway::Stage"
	typeStageV2     = "AWS::ApiGatewayV2::Stage"
	typeRestAPI     = "AWS::ApiGateway::RestApi"
	typeV2API       = "AWS::ApiGatewayV2::Api"
	typeSAMAPI      = "AWS::Serverless::Api"
	typeSAMHTTPAPI  = "AWS::Serverless::HttpApi"
	typeAPIKey      = "AWS::ApiGateway::ApiKey" //nolint:gosec // G101: a CloudFormation type name, not a credential
)

// certificates builds ACM certificates.
func (t *tpl) certificates() {
	for _, r := range t.byType(typeCertificate) {
		c := &model.Certificate{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name,
			DomainName: t.val(t.prop(r, "DomainName")),
			Region:     t.region(r),
			SANsKnown:  true,
		}
		if sans := t.prop(r, "SubjectAlternativeNames"); sans != nil {
			c.SubjectAlternativeNames, _, c.SANsKnown = t.list(sans)
		}
		t.frag.Certificates = append(t.frag.Certificates, c)
	}
}

// certLink returns the link of a certificate ARN to a certificate of the
// template.
func certLink(l *model.Link) *model.Link { return linkKind(l, typeCertificate) }

// domains builds REST (v1) and v2 custom domain names, and the domains, base
// path mappings and DNS records that a SAM API's Domain property creates.
func (t *tpl) domains() {
	for _, r := range t.byType(typeDomainV1) {
		d := &model.Domain{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v1",
			Name:               t.val(t.prop(r, "DomainName")),
			SecurityPolicy:     t.val(t.prop(r, "SecurityPolicy")),
			EndpointAccessMode: t.val(t.prop(r, "EndpointAccessMode")),
			Region:             t.region(r),
		}
		var cl, rl *model.Link
		d.CertificateARN, cl = t.valLink(t.prop(r, "CertificateArn"))
		d.RegionalCertificateARN, rl = t.valLink(t.prop(r, "RegionalCertificateArn"))
		if d.Certificate = certLink(rl); d.Certificate == nil {
			d.Certificate = certLink(cl)
		}
		if types, _, _ := t.list(yamltree.Path(t.prop(r, "EndpointConfiguration"), "Types")); len(types) > 0 {
			d.EndpointType = types[0]
		} else {
			// CloudFormation's default endpoint type.
			d.EndpointType = model.Lit("EDGE", t.def(r))
		}
		if mt, k := yamltree.Get(r.props, "MutualTlsAuthentication"); mt != nil && !isNoValue(mt) {
			d.MutualTLS, d.MutualTLSRange = true, t.rangeOf(k)
		}
		t.frag.Domains = append(t.frag.Domains, d)
	}
	for _, r := range t.byType(typeDomainV2) {
		d := &model.Domain{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v2",
			Name:   t.val(t.prop(r, "DomainName")),
			Region: t.region(r),
		}
		if cfgs := yamltree.Items(t.prop(r, "DomainNameConfigurations")); len(cfgs) > 0 {
			c := cfgs[0]
			var link *model.Link
			d.CertificateARN, link = t.valLink(yamltree.Path(c, "CertificateArn"))
			d.Certificate = certLink(link)
			d.EndpointType = t.val(yamltree.Path(c, "EndpointType"))
			d.SecurityPolicy = t.val(yamltree.Path(c, "SecurityPolicy"))
		}
		if mt, k := yamltree.Get(r.props, "MutualTlsAuthentication"); mt != nil && !isNoValue(mt) {
			d.MutualTLS, d.MutualTLSRange = true, t.rangeOf(k)
		}
		t.frag.Domains = append(t.frag.Domains, d)
	}
	for _, r := range t.byType(typeSAMAPI, typeSAMHTTPAPI) {
		t.samDomain(r)
	}
}

// samDomain models what SAM makes of an API's Domain property: a custom
// domain (whose certificate is the regional one unless the endpoint is
// EDGE), a mapping per base path, and a Route 53 alias when Route53 is set.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html
func (t *tpl) samDomain(r *resource) {
	dom, key := t.propKey(r, "Domain")
	dom = yamltree.Deref(dom)
	if !yamltree.IsMap(dom) {
		return
	}
	v2 := r.typ == typeSAMHTTPAPI
	d := &model.Domain{
		ID: r.id + ".Domain", Range: t.rangeOf(key), Source: model.SourceCloudFormation, Ref: r.name + ".Domain", Version: "v1",
		Name:               t.val(yamltree.Path(dom, "DomainName")),
		SecurityPolicy:     t.val(yamltree.Path(dom, "SecurityPolicy")),
		EndpointAccessMode: t.val(yamltree.Path(dom, "EndpointAccessMode")),
		Region:             t.region(r),
	}
	domType := typeDomainV1
	if v2 {
		d.Version, domType = "v2", typeDomainV2
	}
	ep := t.val(yamltree.Path(dom, "EndpointConfiguration"))
	if ep == nil {
		ep = model.Lit("REGIONAL", d.Range) // SAM's default
	}
	d.EndpointType = ep
	arn, link := t.valLink(yamltree.Path(dom, "CertificateArn"))
	d.Certificate = certLink(link)
	if ep.Is("EDGE") || v2 {
		d.CertificateARN = arn
	} else {
		d.RegionalCertificateARN = arn
	}
	if mt, k := yamltree.Get(dom, "MutualTlsAuthentication"); mt != nil {
		d.MutualTLS, d.MutualTLSRange = true, t.rangeOf(k)
	}
	t.frag.Domains = append(t.frag.Domains, d)
	domLink := &model.Link{Kind: domType, ID: d.ID}

	stage := t.val(t.prop(r, "StageName"))
	if v2 && stage == nil {
		stage = model.Lit("$default", d.Range)
	}
	var stageLink *model.Link
	if st := t.stages[r.name+".Stage"]; st != nil {
		stageLink = &model.Link{Kind: stageKind(st), ID: st.ID}
	}
	bases, bk := yamltree.Get(dom, "BasePath")
	var paths []*model.Value
	if bases != nil {
		if vals, _, known := t.list(bases); known {
			paths = vals
		} else if v := t.val(bases); v != nil && (v.Known || bases.Kind == yaml.ScalarNode) {
			paths = []*model.Value{v}
		}
	} else {
		paths = []*model.Value{model.Lit("/", d.Range)}
		bk = key
	}
	version := "v1"
	if v2 {
		version = "v2"
	}
	for i, bp := range paths {
		m := &model.BasePathMapping{
			ID: fmt.Sprintf("%s.Domain.BasePath[%d]", r.id, i), Range: bp.RangeOr(t.rangeOf(bk)), Source: model.SourceCloudFormation,
			Ref: r.name + ".Domain", Version: version, Domain: d.Name, DomainLink: domLink,
			API: model.Unknown("!Ref "+r.name, d.Range), APILink: &model.Link{Kind: r.typ, ID: r.id},
			Stage: stage, StageLink: stageLink, BasePath: bp,
		}
		t.frag.BasePathMappings = append(t.frag.BasePathMappings, m)
	}
	r53, rk := yamltree.Get(dom, "Route53")
	if !yamltree.IsMap(r53) {
		return
	}
	nameAttr, zoneAttr := "regional_domain_name", "regional_zone_id"
	if ep.Is("EDGE") {
		nameAttr, zoneAttr = "cloudfront_domain_name", "cloudfront_zone_id"
	}
	if v2 {
		nameAttr, zoneAttr = "target_domain_name", "hosted_zone_id"
	}
	rec := &model.DNSRecord{
		ID: r.id + ".Domain.Route53", Range: t.rangeOf(rk), Source: model.SourceCloudFormation, Ref: r.name + ".Domain.Route53",
		Name: d.Name, Type: model.Lit("A", t.rangeOf(rk)), ZoneID: t.val(yamltree.Path(r53, "HostedZoneId")),
		ZoneName:        t.val(yamltree.Path(r53, "HostedZoneName")),
		AliasName:       model.Unknown("!GetAtt "+r.name+".Domain."+nameAttr, t.rangeOf(rk)),
		AliasZoneID:     model.Unknown("!GetAtt "+r.name+".Domain."+zoneAttr, t.rangeOf(rk)),
		AliasTarget:     &model.Link{Kind: domType, ID: d.ID, Attribute: nameAttr},
		AliasZoneTarget: &model.Link{Kind: domType, ID: d.ID, Attribute: zoneAttr},
		ValuesKnown:     true,
	}
	if dist := yamltree.Path(r53, "DistributionDomainName"); dist != nil {
		// An alias to a CloudFront distribution in front of the API.
		rec.AliasName, rec.AliasTarget = t.valLink(dist)
		rec.AliasZoneID, rec.AliasZoneTarget = model.Lit("Z2FDTNDATAQYW2", t.rangeOf(rk)), nil
	}
	t.frag.DNSRecords = append(t.frag.DNSRecords, rec)
}

func stageKind(st *model.Stage) string {
	if st.Version == "v2" {
		return typeStageV2
	}
	return typeStageV1
}

// addStage records a stage under its logical name and under "<api>|<name>".
func (t *tpl) addStage(name string, st *model.Stage, api string) {
	t.stages[name] = st
	if n, ok := st.Name.Get(); ok && api != "" {
		t.stages[api+"|"+n] = st
	}
	t.frag.Stages = append(t.frag.Stages, st)
}

// apiOf returns the logical name of the API a value refers to, or "".
func (t *tpl) apiOf(n *yaml.Node) (string, *model.Value, *model.Link) {
	v, l := t.valLink(n)
	l = linkKind(l, typeRestAPI, typeV2API, typeSAMAPI, typeSAMHTTPAPI)
	if l == nil || l.Computed {
		return "", v, nil
	}
	return strings.TrimPrefix(l.ID, t.idPrefix), v, l
}

// stagesV1 builds AWS::ApiGateway::Stage, and the stage an
// AWS::ApiGateway::Deployment creates when it names one.
func (t *tpl) stagesV1() {
	for _, r := range t.byType(typeStageV1) {
		st := &model.Stage{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v1",
			Name:         t.val(t.prop(r, "StageName")),
			Deployment:   t.val(t.prop(r, "DeploymentId")),
			XRayTracing:  t.val(t.prop(r, "TracingEnabled")),
			AccessLogs:   present(t.prop(r, "AccessLogSetting")),
			CacheEnabled: t.val(t.prop(r, "CacheClusterEnabled")),
		}
		api := ""
		api, st.API, st.APILink = t.apiOf(t.prop(r, "RestApiId"))
		self := &model.Link{Kind: r.typ, ID: r.id}
		st.Settings = t.methodSettings(r, t.prop(r, "MethodSettings"), st.Name, self, r.id+".MethodSettings")
		t.addStage(r.name, st, api)
	}
	for _, r := range t.byType("AWS::ApiGateway::Deployment") {
		name := t.prop(r, "StageName")
		if name == nil {
			continue
		}
		desc := yamltree.Deref(t.prop(r, "StageDescription"))
		st := &model.Stage{
			ID: r.id + ".Stage", Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v1",
			Name:         t.val(name),
			Deployment:   model.Unknown("!Ref "+r.name, t.def(r)),
			XRayTracing:  t.val(yamltree.Path(desc, "TracingEnabled")),
			AccessLogs:   present(yamltree.Path(desc, "AccessLogSetting")),
			CacheEnabled: t.val(yamltree.Path(desc, "CacheClusterEnabled")),
		}
		api := ""
		api, st.API, st.APILink = t.apiOf(t.prop(r, "RestApiId"))
		self := &model.Link{Kind: typeStageV1, ID: st.ID}
		if yamltree.IsMap(desc) {
			// The description's own throttle and logging apply to every method.
			all := &model.MethodSettings{
				ID: st.ID + ".StageDescription", Range: t.rangeOf(desc), Ref: r.name, Stage: st.Name, StageLink: self,
				MethodPath:   model.Lit("*/*", t.rangeOf(desc)),
				RateLimit:    t.val(yamltree.Path(desc, "ThrottlingRateLimit")),
				BurstLimit:   t.val(yamltree.Path(desc, "ThrottlingBurstLimit")),
				DataTrace:    t.val(yamltree.Path(desc, "DataTraceEnabled")),
				LoggingLevel: t.val(yamltree.Path(desc, "LoggingLevel")),
				CacheEnabled: t.val(yamltree.Path(desc, "CachingEnabled")),
			}
			if all.RateLimit != nil || all.BurstLimit != nil || all.DataTrace != nil || all.LoggingLevel != nil || all.CacheEnabled != nil {
				st.Settings = append(st.Settings, all)
			}
			st.Settings = append(st.Settings, t.methodSettings(r, yamltree.Path(desc, "MethodSettings"), st.Name, self, st.ID+".MethodSettings")...)
		}
		t.addStage(r.name+".Stage", st, api)
	}
}

// samStages builds the stage SAM creates for an API (StageName; `$default`
// for an HTTP API without one).
func (t *tpl) samStages() {
	for _, r := range t.byType(typeSAMAPI, typeSAMHTTPAPI) {
		v2 := r.typ == typeSAMHTTPAPI
		nameNode, nameKey := t.propKey(r, "StageName")
		st := &model.Stage{
			ID: r.id + ".Stage", Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name + ".Stage", Version: "v1",
			Name:         t.val(nameNode),
			API:          model.Unknown("!Ref "+r.name, t.def(r)),
			APILink:      &model.Link{Kind: r.typ, ID: r.id},
			XRayTracing:  t.val(t.prop(r, "TracingEnabled")),
			CacheEnabled: t.val(t.prop(r, "CacheClusterEnabled")),
		}
		if nameKey != nil {
			st.Range = t.rangeOf(nameKey)
		}
		self := &model.Link{Kind: typeStageV1, ID: st.ID}
		if v2 {
			st.Version, self.Kind = "v2", typeStageV2
			st.AccessLogs = present(t.prop(r, "AccessLogSettings"))
			if st.Name == nil {
				st.Name = model.Lit("$default", t.def(r))
			}
			st.Settings = t.routeSettings(r, st, self)
		} else {
			st.AccessLogs = present(t.prop(r, "AccessLogSetting"))
			st.Settings = t.methodSettings(r, t.prop(r, "MethodSettings"), st.Name, self, st.ID+".MethodSettings")
		}
		t.addStage(r.name+".Stage", st, r.name)
	}
}

// stagesV2 builds AWS::ApiGatewayV2::Stage with its route settings.
func (t *tpl) stagesV2() {
	for _, r := range t.byType(typeStageV2) {
		st := &model.Stage{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: "v2",
			Name:       t.val(t.prop(r, "StageName")),
			Deployment: t.val(t.prop(r, "DeploymentId")),
			AccessLogs: present(t.prop(r, "AccessLogSettings")),
		}
		api := ""
		api, st.API, st.APILink = t.apiOf(t.prop(r, "ApiId"))
		st.Settings = t.routeSettings(r, st, &model.Link{Kind: r.typ, ID: r.id})
		t.addStage(r.name, st, api)
	}
}

// routeSettings reads DefaultRouteSettings and RouteSettings (a map of route
// key to settings) of a v2 stage.
func (t *tpl) routeSettings(r *resource, st *model.Stage, self *model.Link) []*model.MethodSettings {
	var out []*model.MethodSettings
	one := func(n *yaml.Node, id string, p *model.Value) *model.MethodSettings {
		return &model.MethodSettings{
			ID: id, Range: t.rangeOf(n), Ref: r.name, Stage: st.Name, StageLink: self, MethodPath: p,
			RateLimit:    t.val(yamltree.Path(n, "ThrottlingRateLimit")),
			BurstLimit:   t.val(yamltree.Path(n, "ThrottlingBurstLimit")),
			DataTrace:    t.val(yamltree.Path(n, "DataTraceEnabled")),
			LoggingLevel: t.val(yamltree.Path(n, "LoggingLevel")),
		}
	}
	if d, k := t.propKey(r, "DefaultRouteSettings"); yamltree.IsMap(d) {
		out = append(out, one(d, st.ID+".DefaultRouteSettings", model.Lit("$default", t.rangeOf(k))))
	}
	rs, _ := t.propKey(r, "RouteSettings")
	for _, p := range yamltree.Pairs(rs) {
		if yamltree.IsMap(p[1]) {
			out = append(out, one(p[1], st.ID+".RouteSettings["+p[0].Value+"]", t.val(p[0])))
		}
	}
	return out
}

// methodSettings reads a MethodSettings list (Stage, Deployment's
// StageDescription, SAM Api). The method path is "<resource path without
// its leading slash>/<verb>", as Terraform writes it: `*/*`, `users/GET`.
func (t *tpl) methodSettings(r *resource, n *yaml.Node, stage *model.Value, self *model.Link, id string) []*model.MethodSettings {
	var out []*model.MethodSettings
	for i, item := range yamltree.Items(n) {
		if !yamltree.IsMap(item) {
			continue
		}
		rng := t.itemRange(item)
		ms := &model.MethodSettings{
			ID: fmt.Sprintf("%s[%d]", id, i), Range: rng, Ref: r.name, Stage: stage, StageLink: self,
			RateLimit:      t.val(yamltree.Path(item, "ThrottlingRateLimit")),
			BurstLimit:     t.val(yamltree.Path(item, "ThrottlingBurstLimit")),
			DataTrace:      t.val(yamltree.Path(item, "DataTraceEnabled")),
			LoggingLevel:   t.val(yamltree.Path(item, "LoggingLevel")),
			CacheEnabled:   t.val(yamltree.Path(item, "CachingEnabled")),
			CacheEncrypted: t.val(yamltree.Path(item, "CacheDataEncrypted")),
		}
		rp, verb := t.val(yamltree.Path(item, "ResourcePath")), t.val(yamltree.Path(item, "HttpMethod"))
		rps, ok1 := rp.Get()
		vs, ok2 := verb.Get()
		switch {
		case rp == nil && verb == nil:
			ms.MethodPath = model.Lit("*/*", rng)
		case ok1 && ok2:
			p := strings.ReplaceAll(strings.TrimPrefix(rps, "/"), "~1", "/")
			ms.MethodPath = model.Lit(p+"/"+vs, rp.Range)
		default:
			ms.MethodPath = model.Unknown("MethodSettings", rng)
		}
		out = append(out, ms)
	}
	return out
}

// present reports whether a property is set (and not AWS::NoValue).
func present(n *yaml.Node) bool { return yamltree.Deref(n) != nil && !isNoValue(n) }

// stageLink links a stage value to its stage: by reference to a stage
// resource (or SAM's `Api.Stage`), else by the API and the literal name.
func (t *tpl) stageLink(n *yaml.Node, stage *model.Value, api string) *model.Link {
	if name, arg, ok := intrinsic(n); ok && name == "Ref" && arg.Kind == yaml.ScalarNode {
		if st := t.stages[arg.Value]; st != nil {
			return &model.Link{Kind: stageKind(st), ID: st.ID}
		}
	}
	if res := t.target(n); res != nil {
		if st := t.stages[res.name]; st != nil {
			return &model.Link{Kind: stageKind(st), ID: st.ID}
		}
		if st := t.stages[res.name+".Stage"]; st != nil {
			return &model.Link{Kind: stageKind(st), ID: st.ID}
		}
	}
	if s, ok := stage.Get(); ok && api != "" {
		if st := t.stages[api+"|"+s]; st != nil {
			return &model.Link{Kind: stageKind(st), ID: st.ID}
		}
	}
	return nil
}

// mappingsV1V2 builds base path mappings (v1) and API mappings (v2).
func (t *tpl) mappingsV1V2() {
	build := func(r *resource, version, apiProp, pathProp string) {
		m := &model.BasePathMapping{ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Version: version,
			BasePath: t.val(t.prop(r, pathProp))}
		var dl *model.Link
		m.Domain, dl = t.valLink(t.prop(r, "DomainName"))
		m.DomainLink = linkKind(dl, typeDomainV1, typeDomainV2)
		var api string
		api, m.API, m.APILink = t.apiOf(t.prop(r, apiProp))
		stageNode := t.prop(r, "Stage")
		m.Stage = t.val(stageNode)
		m.StageLink = t.stageLink(stageNode, m.Stage, api)
		t.frag.BasePathMappings = append(t.frag.BasePathMappings, m)
	}
	for _, r := range t.byType("AWS::ApiGateway::BasePathMapping", "AWS::ApiGateway::BasePathMappingV2") {
		build(r, "v1", "RestApiId", "BasePath")
	}
	for _, r := range t.byType("AWS::ApiGatewayV2::ApiMapping") {
		build(r, "v2", "ApiId", "ApiMappingKey")
	}
}

// records builds Route 53 record sets and the records of record set groups.
func (t *tpl) records() {
	for _, r := range t.byType("AWS::Route53::RecordSet") {
		t.record(r, r.props, r.id, t.def(r), nil, nil)
	}
	for _, r := range t.byType("AWS::Route53::RecordSetGroup") {
		zone, zoneName := t.prop(r, "HostedZoneId"), t.prop(r, "HostedZoneName")
		for i, item := range yamltree.Items(t.prop(r, "RecordSets")) {
			if yamltree.IsMap(item) {
				t.record(r, item, fmt.Sprintf("%s.RecordSets[%d]", r.id, i), t.itemRange(item), zone, zoneName)
			}
		}
	}
}

func (t *tpl) record(r *resource, n *yaml.Node, id string, rng model.Range, zone, zoneName *yaml.Node) {
	if z := yamltree.Path(n, "HostedZoneId"); z != nil {
		zone = z
	}
	if z := yamltree.Path(n, "HostedZoneName"); z != nil {
		zoneName = z
	}
	rec := &model.DNSRecord{ID: id, Range: rng, Source: model.SourceCloudFormation, Ref: r.name,
		Name: t.val(yamltree.Path(n, "Name")), Type: t.val(yamltree.Path(n, "Type")), ZoneID: t.val(zone), ZoneName: t.val(zoneName), ValuesKnown: true}
	if rr := yamltree.Path(n, "ResourceRecords"); rr != nil {
		rec.Values, rec.ValueTargets, rec.ValuesKnown = t.list(rr)
	}
	if at := yamltree.Deref(yamltree.Path(n, "AliasTarget")); at != nil {
		if yamltree.IsMap(at) {
			rec.AliasName, rec.AliasTarget = t.valLink(yamltree.Path(at, "DNSName"))
			rec.AliasZoneID, rec.AliasZoneTarget = t.valLink(yamltree.Path(at, "HostedZoneId"))
		} else {
			rec.AliasName = model.Unknown("AliasTarget", t.rangeOf(at))
		}
	}
	t.frag.DNSRecords = append(t.frag.DNSRecords, rec)
}

// distributions builds CloudFront distributions.
func (t *tpl) distributions() {
	for _, r := range t.byType("AWS::CloudFront::Distribution") {
		cfg := t.prop(r, "DistributionConfig")
		d := &model.Distribution{ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name, Origins: []*model.Origin{}}
		for _, o := range yamltree.Items(yamltree.Path(cfg, "Origins")) {
			if !yamltree.IsMap(o) {
				continue
			}
			org := &model.Origin{Range: t.itemRange(o), OriginID: t.val(yamltree.Path(o, "Id")), OriginPath: t.val(yamltree.Path(o, "OriginPath")), SSLKnown: true}
			org.DomainName, org.DomainLink = t.valLink(yamltree.Path(o, "DomainName"))
			if c := yamltree.Path(o, "CustomOriginConfig"); yamltree.IsMap(c) {
				org.ProtocolPolicy = t.val(yamltree.Path(c, "OriginProtocolPolicy"))
				if ssl := yamltree.Path(c, "OriginSSLProtocols"); ssl != nil {
					org.SSLProtocols, _, org.SSLKnown = t.list(ssl)
				}
			}
			d.Origins = append(d.Origins, org)
		}
		if vc := yamltree.Path(cfg, "ViewerCertificate"); yamltree.IsMap(vc) {
			d.ViewerMinimumProtocol = t.val(yamltree.Path(vc, "MinimumProtocolVersion"))
			d.ViewerDefaultCertificate = t.val(yamltree.Path(vc, "CloudFrontDefaultCertificate"))
		}
		behaviors := append([]*yaml.Node{yamltree.Path(cfg, "DefaultCacheBehavior")}, yamltree.Items(yamltree.Path(cfg, "CacheBehaviors"))...)
		for _, cb := range behaviors {
			if hs := yamltree.Path(cb, "ForwardedValues", "Headers"); hs != nil {
				vals, _, _ := t.list(hs)
				d.ForwardedHeaders = append(d.ForwardedHeaders, vals...)
			}
		}
		d.Aliases, _, _ = t.list(yamltree.Path(cfg, "Aliases"))
		t.frag.Distributions = append(t.frag.Distributions, d)
	}
}

// usagePlans builds usage plans with their API stages, the API keys that
// usage plan keys attach, and the plans SAM creates for Auth.UsagePlan.
func (t *tpl) usagePlans() {
	for _, r := range t.byType("AWS::ApiGateway::UsagePlan") {
		p := &model.UsagePlan{ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Ref: r.name,
			Name: t.val(t.prop(r, "UsagePlanName")), StagesKnown: true, KeysKnown: true}
		if th := t.prop(r, "Throttle"); yamltree.IsMap(th) {
			p.RateLimit = t.val(yamltree.Path(th, "RateLimit"))
			p.BurstLimit = t.val(yamltree.Path(th, "BurstLimit"))
		}
		stages := yamltree.Deref(t.prop(r, "ApiStages"))
		if stages != nil && (stages.Kind != yaml.SequenceNode || isShortForm(stages)) {
			p.StagesKnown = false
		}
		for i, as := range yamltree.Items(stages) {
			if _, _, isCall := intrinsic(as); isCall || !yamltree.IsMap(as) {
				p.StagesKnown = false
				continue
			}
			ps := &model.UsagePlanStage{Range: t.itemRange(as)}
			var api string
			api, ps.API, ps.APILink = t.apiOf(yamltree.Path(as, "ApiId"))
			stageNode := yamltree.Path(as, "Stage")
			ps.Stage = t.val(stageNode)
			ps.StageLink = t.stageLink(stageNode, ps.Stage, api)
			for _, th := range yamltree.Pairs(yamltree.Path(as, "Throttle")) {
				ps.Throttles = append(ps.Throttles, &model.MethodSettings{
					ID:    fmt.Sprintf("%s.ApiStages[%d].Throttle[%s]", r.id, i, th[0].Value),
					Range: t.rangeOf(th[0]), Ref: r.name, Stage: ps.Stage, StageLink: ps.StageLink,
					MethodPath: t.val(th[0]), RateLimit: t.val(yamltree.Path(th[1], "RateLimit")), BurstLimit: t.val(yamltree.Path(th[1], "BurstLimit")),
				})
			}
			p.Stages = append(p.Stages, ps)
		}
		t.plans[r.name] = p
		t.frag.UsagePlans = append(t.frag.UsagePlans, p)
	}
	t.samUsagePlans()
	for _, r := range t.byType("AWS::ApiGateway::UsagePlanKey") {
		pr := t.target(t.prop(r, "UsagePlanId"))
		var plan *model.UsagePlan
		if pr != nil {
			plan = t.plans[pr.name]
		}
		if plan == nil {
			// Not tied to a plan declared here: it may belong to any of them.
			for _, p := range t.plans {
				p.KeysKnown = false
			}
			continue
		}
		_, kl := t.valLink(t.prop(r, "KeyId"))
		if kl = linkKind(kl, typeAPIKey); kl == nil || kl.Computed {
			plan.KeysKnown = false
			continue
		}
		plan.Keys = append(plan.Keys, kl)
	}
}

// samUsagePlans models Auth.UsagePlan of SAM APIs: PER_API makes a plan, an
// API key and a usage plan key for the API's stage; SHARED one plan for
// every API that asks for it.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiusageplan.html
func (t *tpl) samUsagePlans() {
	var shared *model.UsagePlan
	for _, r := range t.byType(typeSAMAPI) {
		up := yamltree.Path(t.prop(r, "Auth"), "UsagePlan")
		if up == nil {
			if g := yamltree.Path(t.globals, "Api", "Auth", "UsagePlan"); g != nil {
				up = g
			}
		}
		if !yamltree.IsMap(up) {
			continue
		}
		create := t.val(yamltree.Path(up, "CreateUsagePlan"))
		kind, ok := create.Get()
		if !ok || kind == "NONE" {
			continue
		}
		st := t.stages[r.name+".Stage"]
		ps := &model.UsagePlanStage{Range: t.itemRange(up), API: model.Unknown("!Ref "+r.name, t.def(r)),
			APILink: &model.Link{Kind: r.typ, ID: r.id}}
		if st != nil {
			ps.Stage, ps.StageLink = st.Name, &model.Link{Kind: typeStageV1, ID: st.ID}
		}
		if kind == "SHARED" && shared != nil {
			shared.Stages = append(shared.Stages, ps)
			continue
		}
		p := &model.UsagePlan{ID: r.id + ".UsagePlan", Range: t.itemRange(up), Source: model.SourceCloudFormation,
			Ref: r.name + ".UsagePlan", Name: t.val(yamltree.Path(up, "UsagePlanName")), StagesKnown: true, KeysKnown: true,
			Stages: []*model.UsagePlanStage{ps}}
		p.Keys = []*model.Link{{Kind: typeAPIKey, ID: r.id + ".ApiKey"}}
		if kind == "SHARED" {
			p.ID, p.Ref = t.idPrefix+"ServerlessUsagePlan", "ServerlessUsagePlan"
			p.Keys = []*model.Link{{Kind: typeAPIKey, ID: t.idPrefix + "ServerlessApiKey"}}
			shared = p
		}
		if th := yamltree.Path(up, "Throttle"); yamltree.IsMap(th) {
			p.RateLimit = t.val(yamltree.Path(th, "RateLimit"))
			p.BurstLimit = t.val(yamltree.Path(th, "BurstLimit"))
		}
		t.plans[p.Ref] = p
		t.frag.UsagePlans = append(t.frag.UsagePlans, p)
	}
}
