package rules

import (
	"fmt"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW405 base-path-mapping: a base path or API mapping repeats a base path on its domain, maps a stage the API does not have, or uses a base path API Gateway rejects.
//
// A custom domain routes each request by the longest mapping path that
// matches, so each base path (`api_mapping_key`) maps one API stage; a
// second mapping with the same path on the same domain (a REST base path
// mapping and a v2 API mapping count alike) cannot be created, and the
// apply fails. The empty base path (or `(none)`) is the domain root.
//
// A mapping names a stage of its API. When the API is declared in the
// tree and none of its stages (`aws_api_gateway_stage`,
// `aws_apigatewayv2_stage`, a legacy `aws_api_gateway_deployment`
// `stage_name`, the `$default` stage of a quick-created HTTP API) has that
// name, creating the mapping fails. Refer to the stage resource
// (`stage_name = aws_api_gateway_stage.x.stage_name`) so that Terraform
// also creates the stage first.
//
// Mapping paths may contain only letters, digits and `$-_.+!*'()/`, and
// are at most 300 characters long.
//
// Stages and paths that stay unknown are not checked.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mappings.html
var BasePathMappingProblems = &Rule{
	ID:       "APIGW405",
	Name:     "base-path-mapping",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "dns"},
	Check:    checkBasePathMapping,
}

// maxBasePath is the longest mapping path API Gateway accepts.
const maxBasePath = 300

func checkBasePathMapping(p *Pass) error {
	type key struct{ domain, path string }
	first := map[key]*model.BasePathMapping{}
	for _, m := range p.Project.BasePathMappings {
		path, known := basePathOf(m)
		if known {
			if msg := invalidBasePath(path); msg != "" {
				p.Reportf(m.BasePath.RangeOr(m.Range), "base path %q %s: API Gateway rejects the mapping; use only letters, digits and $-_.+!*'()/, at most %d characters", path, msg, maxBasePath)
			}
			if m.DomainLink != nil {
				k := key{m.DomainLink.ID, path}
				if prev := first[k]; prev != nil {
					p.ReportRelated(m.BasePath.RangeOr(m.Range), []model.Related{{Message: "the first mapping of this base path", Range: prev.Range}},
						"base path %s is already mapped on domain %s by %s: a domain has one mapping per base path, so applying this one fails; give each API stage its own base path",
						displayBasePath(path), domainName(m), prev.Ref)
				} else {
					first[k] = m
				}
			}
		}
		if m.StageNotFound {
			stage, _ := m.Stage.Get()
			api := m.APILink.ID
			if m.API != nil && m.API.Ref != "" {
				api = strings.TrimSuffix(m.API.Ref, ".id")
			}
			p.Reportf(m.Stage.RangeOr(m.Range), "stage %q is not a stage of %s: creating the mapping fails; refer to the stage resource (e.g. stage_name = aws_api_gateway_stage.<name>.stage_name) or map an existing stage",
				stage, api)
		}
	}
	return nil
}

// basePathOf returns a mapping's base path, "" for the domain root, and
// whether it is known.
func basePathOf(m *model.BasePathMapping) (string, bool) {
	if m.BasePath == nil {
		return "", true // omitted: the root
	}
	path, ok := m.BasePath.Get()
	if !ok {
		return "", false
	}
	if path == "(none)" {
		return "", true
	}
	return path, true
}

func displayBasePath(path string) string {
	if path == "" {
		return "(none) (the domain root)"
	}
	return fmt.Sprintf("%q", path)
}

func domainName(m *model.BasePathMapping) string {
	if n, ok := m.Domain.Get(); ok {
		return fmt.Sprintf("%q", n)
	}
	if m.Domain != nil && m.Domain.Ref != "" {
		return m.Domain.Ref
	}
	return m.DomainLink.ID
}

// invalidBasePath says what is wrong with a base path, or "" when API
// Gateway accepts it.
func invalidBasePath(path string) string {
	if len(path) > maxBasePath {
		return fmt.Sprintf("is %d characters long", len(path))
	}
	for _, r := range path {
		if !basePathChar(r) {
			return fmt.Sprintf("contains %q", r)
		}
	}
	return ""
}

func basePathChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune("$-_.+!*'()/", r)
}
