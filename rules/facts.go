package rules

import (
	"path"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// annotateDomains links each domain to the APIs mapped onto it, so that
// policies need not join mappings with domains (a join that, written in
// Rego over lists, is quadratic in the size of the tree). A mapping names
// its domain by reference, or by literal name: by name only within one
// directory (one Terraform module, one template's folder), since separate
// projects scanned together often share example names.
func annotateDomains(p *model.Project) {
	apis := map[string]bool{}
	for _, a := range p.APIs {
		apis[a.ID] = true
	}
	byID := map[string][]*model.BasePathMapping{}
	byName := map[string][]*model.BasePathMapping{}
	for _, m := range p.BasePathMappings {
		if m.DomainLink != nil && m.DomainLink.ID != "" {
			byID[m.DomainLink.ID] = append(byID[m.DomainLink.ID], m)
		}
		if name, ok := m.Domain.Get(); ok {
			k := nameKey(name, m.Range)
			byName[k] = append(byName[k], m)
		}
	}
	for _, d := range p.Domains {
		d.MappedAPIs = nil
		seen := map[string]bool{}
		ms := byID[d.ID]
		if name, ok := d.Name.Get(); ok {
			ms = append(ms, byName[nameKey(name, d.Range)]...)
		}
		for _, m := range ms {
			if m.APILink == nil || !apis[m.APILink.ID] || seen[m.APILink.ID] {
				continue
			}
			seen[m.APILink.ID] = true
			d.MappedAPIs = append(d.MappedAPIs, m.APILink)
		}
	}
}

func nameKey(name string, r model.Range) string {
	return strings.ToLower(name) + "|" + path.Dir(r.Filename)
}
