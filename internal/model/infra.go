package model

// A Link is a resolved reference from one model element to another: a DNS
// record's alias name that is `aws_api_gateway_domain_name.api.regional_domain_name`
// links to that Domain's ID with Attribute "regional_domain_name".
type Link struct {
	Kind      string `json:"kind"` // the target's Terraform/CloudFormation type
	ID        string `json:"id"`   // the target model element's ID
	Attribute string `json:"attribute,omitempty"`
	// Computed is set when the value is computed from the reference
	// (`replace(aws_api_gateway_stage.s.invoke_url, "https://", "")`,
	// `"${aws_api_gateway_rest_api.x.id}.execute-api…"`) rather than being
	// the referenced attribute itself.
	Computed bool `json:"computed,omitempty"`
}

// A Domain is a custom domain name (REST or v2).
type Domain struct {
	ID     string `json:"id"`
	Range  Range  `json:"range"`
	Source string `json:"source"`
	Ref    string `json:"ref,omitempty"`
	// Version is "v1" (aws_api_gateway_domain_name) or "v2"
	// (aws_apigatewayv2_domain_name).
	Version                string `json:"version"`
	Name                   *Value `json:"name,omitempty"`
	EndpointType           *Value `json:"endpoint_type,omitempty"`
	SecurityPolicy         *Value `json:"security_policy,omitempty"`
	EndpointAccessMode     *Value `json:"endpoint_access_mode,omitempty"`
	CertificateARN         *Value `json:"certificate_arn,omitempty"`
	RegionalCertificateARN *Value `json:"regional_certificate_arn,omitempty"`
	// Certificate links to the certificate the ARN resolves to.
	Certificate *Link `json:"certificate,omitempty"`
	// CertificateBody is an uploaded PEM certificate (edge upload fields).
	CertificateBody *Value `json:"certificate_body,omitempty"`
	MutualTLS       bool   `json:"mutual_tls"`
	// MappedAPIs link the APIs that base path or API mappings put on the
	// domain (by reference, or by the domain's literal name within one
	// directory). Computed after loading, for policies.
	MappedAPIs     []*Link `json:"mapped_apis,omitempty"`
	MutualTLSRange Range   `json:"mutual_tls_range,omitempty"`
	Region         *Value  `json:"region,omitempty"`
}

// A Certificate is an ACM certificate declared in the tree.
type Certificate struct {
	ID                      string   `json:"id"`
	Range                   Range    `json:"range"`
	Source                  string   `json:"source"`
	Ref                     string   `json:"ref,omitempty"`
	DomainName              *Value   `json:"domain_name,omitempty"`
	SubjectAlternativeNames []*Value `json:"subject_alternative_names,omitempty"`
	// SANsKnown is false when the list itself is unknown.
	SANsKnown bool   `json:"sans_known"`
	Region    *Value `json:"region,omitempty"`
	// Body is an imported certificate's PEM text.
	Body *Value `json:"body,omitempty"`
}

// A DNSRecord is a Route 53 record.
type DNSRecord struct {
	ID     string   `json:"id"`
	Range  Range    `json:"range"`
	Source string   `json:"source"`
	Ref    string   `json:"ref,omitempty"`
	Name   *Value   `json:"name,omitempty"`
	Type   *Value   `json:"type,omitempty"`
	ZoneID *Value   `json:"zone_id,omitempty"`
	Values []*Value `json:"values,omitempty"`
	// ValuesKnown is false when the records list itself is unknown.
	ValuesKnown bool   `json:"values_known"`
	AliasName   *Value `json:"alias_name,omitempty"`
	AliasZoneID *Value `json:"alias_zone_id,omitempty"`
	// AliasTarget and AliasZoneTarget link the alias to what it resolves to.
	AliasTarget     *Link `json:"alias_target,omitempty"`
	AliasZoneTarget *Link `json:"alias_zone_target,omitempty"`
	// ValueTargets link each of Values that is a reference, by index.
	ValueTargets map[int]*Link `json:"value_targets,omitempty"`
	// ZoneName is the name of the hosted zone ZoneID refers to (an
	// aws_route53_zone resource or data source), unknown otherwise.
	ZoneName *Value `json:"zone_name,omitempty"`
}

// A BasePathMapping maps an API stage onto a custom domain (v1 base path
// mapping or v2 API mapping).
type BasePathMapping struct {
	ID       string `json:"id"`
	Range    Range  `json:"range"`
	Source   string `json:"source"`
	Ref      string `json:"ref,omitempty"`
	Version  string `json:"version"`
	Domain   *Value `json:"domain,omitempty"`
	API      *Value `json:"api,omitempty"`
	Stage    *Value `json:"stage,omitempty"`
	BasePath *Value `json:"base_path,omitempty"`
	// DomainLink, APILink and StageLink are the resolved references.
	DomainLink *Link `json:"domain_link,omitempty"`
	APILink    *Link `json:"api_link,omitempty"`
	StageLink  *Link `json:"stage_link,omitempty"`
	// StageNotFound is set when the mapped API is declared in the tree, all
	// its stages are known, and none is named Stage.
	StageNotFound bool `json:"stage_not_found"`
}

// A Distribution is a CloudFront distribution.
type Distribution struct {
	ID      string    `json:"id"`
	Range   Range     `json:"range"`
	Source  string    `json:"source"`
	Ref     string    `json:"ref,omitempty"`
	Origins []*Origin `json:"origins"`
	// ViewerMinimumProtocol and ViewerDefaultCertificate come from
	// viewer_certificate.
	ViewerMinimumProtocol    *Value `json:"viewer_minimum_protocol,omitempty"`
	ViewerDefaultCertificate *Value `json:"viewer_default_certificate,omitempty"`
	// ForwardedHeaders are the headers forwarded to origins (legacy
	// forwarded_values) of every cache behaviour.
	ForwardedHeaders []*Value `json:"forwarded_headers,omitempty"`
	Aliases          []*Value `json:"aliases,omitempty"`
}

// An Origin is one CloudFront origin.
type Origin struct {
	Range          Range    `json:"range"`
	DomainName     *Value   `json:"domain_name,omitempty"`
	DomainLink     *Link    `json:"domain_link,omitempty"`
	OriginID       *Value   `json:"origin_id,omitempty"`
	OriginPath     *Value   `json:"origin_path,omitempty"`
	ProtocolPolicy *Value   `json:"protocol_policy,omitempty"`
	SSLProtocols   []*Value `json:"ssl_protocols,omitempty"`
	SSLKnown       bool     `json:"ssl_known"`
}

// A Stage is a REST or v2 stage.
type Stage struct {
	ID          string `json:"id"`
	Range       Range  `json:"range"`
	Source      string `json:"source"`
	Ref         string `json:"ref,omitempty"`
	Version     string `json:"version"`
	Name        *Value `json:"name,omitempty"`
	API         *Value `json:"api,omitempty"`
	APILink     *Link  `json:"api_link,omitempty"`
	Deployment  *Value `json:"deployment,omitempty"`
	XRayTracing *Value `json:"xray_tracing,omitempty"`
	AccessLogs  bool   `json:"access_logs"`
	// AccessLogsKnown is false when AccessLogs may be wrong: a dynamic
	// access_log_settings block, a property that could not be read.
	AccessLogsKnown bool `json:"access_logs_known"`
	// ClientCertificate is the stage's client certificate ID, nil when
	// none is set.
	ClientCertificate *Value `json:"client_certificate,omitempty"`
	CacheEnabled      *Value `json:"cache_enabled,omitempty"`
	// Settings are the stage's method settings (REST: from
	// aws_api_gateway_method_settings linked to the stage; v2:
	// default_route_settings with MethodPath "$default" and route_settings
	// by route key).
	Settings []*MethodSettings `json:"settings,omitempty"`
	// SettingsKnown is false when Settings may be incomplete: method
	// settings that could not be tied to a stage (an unresolved stage_name
	// or rest_api_id) may be this stage's, v2 route settings are dynamic
	// blocks, or the stage is passed to a module that was not read.
	SettingsKnown bool `json:"settings_known"`
	// Plans link the usage plans whose api_stages name this stage (REST).
	Plans []*Link `json:"plans,omitempty"`
	// PlansKnown is false when Plans may be incomplete: a usage plan's
	// api_stages is dynamic or names a stage that could not be resolved and
	// may be this one.
	PlansKnown bool `json:"plans_known"`
	// KeylessMethods are the methods of the stage's API known not to
	// require an API key ("GET /pets"), which a usage plan's throttle
	// (applied per key) does not limit. Only methods declared as
	// aws_api_gateway_method are counted: OpenAPI bodies say it through
	// security schemes, which the model does not carry.
	KeylessMethods []string `json:"keyless_methods,omitempty"`
}

// MethodSettings are throttle and logging settings for one method path of a
// stage (`*/*` for all).
type MethodSettings struct {
	ID             string `json:"id"`
	Range          Range  `json:"range"`
	Ref            string `json:"ref,omitempty"`
	Stage          *Value `json:"stage,omitempty"`
	StageLink      *Link  `json:"stage_link,omitempty"`
	MethodPath     *Value `json:"method_path,omitempty"`
	RateLimit      *Value `json:"rate_limit,omitempty"`
	BurstLimit     *Value `json:"burst_limit,omitempty"`
	DataTrace      *Value `json:"data_trace,omitempty"`
	LoggingLevel   *Value `json:"logging_level,omitempty"`
	CacheEnabled   *Value `json:"cache_enabled,omitempty"`
	CacheEncrypted *Value `json:"cache_encrypted,omitempty"`
}

// A UsagePlan throttles and meters API keys on API stages.
type UsagePlan struct {
	ID         string            `json:"id"`
	Range      Range             `json:"range"`
	Source     string            `json:"source"`
	Ref        string            `json:"ref,omitempty"`
	Name       *Value            `json:"name,omitempty"`
	RateLimit  *Value            `json:"rate_limit,omitempty"`
	BurstLimit *Value            `json:"burst_limit,omitempty"`
	Stages     []*UsagePlanStage `json:"stages,omitempty"`
	// StagesKnown is false when api_stages is dynamic or unknown.
	StagesKnown bool `json:"stages_known"`
	// Keys link the API keys attached through usage plan keys.
	Keys []*Link `json:"keys,omitempty"`
	// KeysKnown is false when a usage plan key could not be tied to its
	// plan or its key (an unresolved reference): Keys may then be
	// incomplete, and rules cannot say the plan has no key.
	KeysKnown bool `json:"keys_known"`
}

// A UsagePlanStage is one api_stages entry of a usage plan.
type UsagePlanStage struct {
	Range     Range  `json:"range"`
	API       *Value `json:"api,omitempty"`
	APILink   *Link  `json:"api_link,omitempty"`
	Stage     *Value `json:"stage,omitempty"`
	StageLink *Link  `json:"stage_link,omitempty"`
	// Throttles are per-method limits (path "/res/GET").
	Throttles []*MethodSettings `json:"throttles,omitempty"`
}
