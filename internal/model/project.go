package model

// A Project is everything one run read, linked: the input of every rule and
// policy. Its JSON form is the documented input of the Rego policies.
type Project struct {
	APIs             []*API             `json:"apis"`
	Templates        []*Template        `json:"templates"`
	Domains          []*Domain          `json:"domains"`
	Certificates     []*Certificate     `json:"certificates"`
	DNSRecords       []*DNSRecord       `json:"dns_records"`
	BasePathMappings []*BasePathMapping `json:"base_path_mappings"`
	Distributions    []*Distribution    `json:"distributions"`
	Stages           []*Stage           `json:"stages"`
	MethodSettings   []*MethodSettings  `json:"method_settings"`
	UsagePlans       []*UsagePlan       `json:"usage_plans"`
	// Authorizers, LambdaPermissions and WAFAssociations are what the
	// access-control policies (APIGW6xx, APIGW705) read.
	Authorizers       []*Authorizer       `json:"authorizers"`
	LambdaPermissions []*LambdaPermission `json:"lambda_permissions"`
	WAFAssociations   []*WAFAssociation   `json:"waf_associations"`
	// Diagnostics are the APIGW0xx findings of loading: files that did not
	// parse, values that could not be read.
	Diagnostics []Finding `json:"-"`
	// Ignores are suppressions written in a document that has no comments:
	// an `x-apigw-lint-ignore` extension on a JSON or YAML object.
	Ignores []Ignore `json:"-"`
	// Parameters are the rules' tunable values from the configuration
	// (certificate window, throttle ceilings), for policies to read as
	// input.parameters.
	Parameters any `json:"parameters,omitempty"`
}

// A Fragment is what one loader made of one file or module. The analyzer
// merges fragments into a Project.
type Fragment = Project

// Merge appends every element of f to p.
func (p *Project) Merge(f *Fragment) {
	if f == nil {
		return
	}
	p.APIs = append(p.APIs, f.APIs...)
	p.Templates = append(p.Templates, f.Templates...)
	p.Domains = append(p.Domains, f.Domains...)
	p.Certificates = append(p.Certificates, f.Certificates...)
	p.DNSRecords = append(p.DNSRecords, f.DNSRecords...)
	p.BasePathMappings = append(p.BasePathMappings, f.BasePathMappings...)
	p.Distributions = append(p.Distributions, f.Distributions...)
	p.Stages = append(p.Stages, f.Stages...)
	p.MethodSettings = append(p.MethodSettings, f.MethodSettings...)
	p.UsagePlans = append(p.UsagePlans, f.UsagePlans...)
	p.Authorizers = append(p.Authorizers, f.Authorizers...)
	p.LambdaPermissions = append(p.LambdaPermissions, f.LambdaPermissions...)
	p.WAFAssociations = append(p.WAFAssociations, f.WAFAssociations...)
	p.Diagnostics = append(p.Diagnostics, f.Diagnostics...)
	p.Ignores = append(p.Ignores, f.Ignores...)
}

// Methods calls fn for every method of every API.
func (p *Project) Methods(fn func(*API, *Method)) {
	for _, a := range p.APIs {
		for _, m := range a.Methods {
			fn(a, m)
		}
	}
}

// Integrations calls fn for every method that has an integration.
func (p *Project) Integrations(fn func(*Method, *Integration)) {
	p.Methods(func(_ *API, m *Method) {
		if m.Integration != nil {
			fn(m, m.Integration)
		}
	})
}

// AllTemplates calls fn for every mapping template: standalone files, request
// templates and response templates.
func (p *Project) AllTemplates(fn func(*Template, *Method, *IntegrationResponse)) {
	for _, t := range p.Templates {
		fn(t, nil, nil)
	}
	p.Integrations(func(m *Method, in *Integration) {
		for _, t := range in.RequestTemplates {
			fn(t, m, nil)
		}
		for _, r := range in.Responses {
			for _, t := range r.ResponseTemplates {
				fn(t, m, r)
			}
		}
	})
}

// An Ignore suppresses the named rules' findings on the lines of Range: the
// object that carries an `x-apigw-lint-ignore` extension.
type Ignore struct {
	Range  Range
	Rules  []string
	Reason string
}
