package rules

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func TestAnnotateDomains(t *testing.T) {
	at := func(file string) model.Range {
		return model.Range{Filename: file, Start: model.Pos{Line: 1, Column: 1}}
	}
	p := &model.Project{
		APIs: []*model.API{{ID: "rest"}, {ID: "ws"}, {ID: "other"}},
		Domains: []*model.Domain{
			{ID: "d", Name: model.Lit("API.example.com", at("infra/domain.tf")), Range: at("infra/domain.tf")},
		},
		BasePathMappings: []*model.BasePathMapping{
			{DomainLink: &model.Link{ID: "d"}, APILink: &model.Link{ID: "rest"}, Range: at("infra/mapping.tf")},
			{Domain: model.Lit("api.example.com", at("infra/ws.tf")), APILink: &model.Link{ID: "ws"}, Range: at("infra/ws.tf")},
			{Domain: model.Lit("api.example.com", at("samples/x.yaml")), APILink: &model.Link{ID: "other"}, Range: at("samples/x.yaml")},
			{DomainLink: &model.Link{ID: "d"}, APILink: &model.Link{ID: "rest"}, Range: at("infra/again.tf")},
			{DomainLink: &model.Link{ID: "d"}, APILink: &model.Link{ID: "missing"}, Range: at("infra/m.tf")},
		},
	}
	annotateDomains(p)
	var got []string
	for _, l := range p.Domains[0].MappedAPIs {
		got = append(got, l.ID)
	}
	// By link; by name in the same directory, case-insensitively; not by
	// name from another project; once each; only APIs that exist.
	if diff := cmp.Diff([]string{"rest", "ws"}, got); diff != "" {
		t.Errorf("mapped APIs (-want +got):\n%s", diff)
	}
}
