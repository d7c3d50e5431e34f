package cloudformation

import (
	"sort"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// stageFacts fills what the throttling and usage plan policies need of the
// template's REST stages, as the Terraform loader does for a module: the
// stage's method settings are its own properties (SettingsKnown), the usage
// plans that name it (Plans, known when every plan's stages resolve), and
// the methods of its API known not to require an API key. A template is one
// stack: a usage plan in another stack can name a stage only through an
// import, which stays unresolved there.
func (t *tpl) stageFacts() {
	stages := map[string]*model.Stage{}
	for _, st := range t.frag.Stages {
		if st.Version == "v1" {
			stages[st.ID] = st
		}
	}
	plansKnown := true
	for _, p := range t.frag.UsagePlans {
		if !p.StagesKnown {
			plansKnown = false
		}
		for _, ps := range p.Stages {
			if ps.StageLink == nil {
				plansKnown = false
				continue
			}
			if st := stages[ps.StageLink.ID]; st != nil {
				st.Plans = append(st.Plans, &model.Link{Kind: "AWS::ApiGateway::UsagePlan", ID: p.ID})
			}
		}
	}
	apis := map[string]*model.API{}
	for _, a := range t.frag.APIs {
		apis[a.ID] = a
	}
	// A Deployment's StageName and a Stage resource (or a SAM Api's own
	// stage) can be one stage read twice: a stage whose name is unknown, or
	// that shares its API and name with another, has unknown facts.
	perName := map[string]int{}
	for _, st := range t.frag.Stages {
		if name, ok := st.Name.Get(); ok && st.Version == "v1" && st.APILink != nil {
			perName[st.APILink.ID+"|"+name]++
		}
	}
	// SAM creates usage plans from Auth.UsagePlan (on the Api or in
	// Globals, SHARED or PER_API, with Globals' throttle and quota) that are
	// not all modelled faithfully: stages of such SAM APIs have unknown
	// plans.
	samAuthPlans := yamltree.Path(t.globals, "Api", "Auth", "UsagePlan") != nil
	for _, st := range t.frag.Stages {
		if st.Version != "v1" {
			// A v2 stage's route settings are its own properties.
			st.SettingsKnown = true
			continue
		}
		name, named := st.Name.Get()
		single := st.APILink != nil && perName[st.APILink.ID+"|"+name] == 1
		st.SettingsKnown = named && single
		st.PlansKnown = plansKnown && named && single
		if st.APILink != nil && st.APILink.Kind == typeSAMAPI {
			if r := t.resources[strings.TrimPrefix(st.APILink.ID, t.idPrefix)]; samAuthPlans || (r != nil && yamltree.Path(r.props, "Auth", "UsagePlan") != nil) {
				st.PlansKnown = false
			}
		}
		t.frag.MethodSettings = append(t.frag.MethodSettings, st.Settings...)
		if st.APILink == nil || apis[st.APILink.ID] == nil {
			continue
		}
		for _, m := range apis[st.APILink.ID].Methods {
			// Methods from an OpenAPI body say nothing about keys here.
			if strings.Contains(m.ID, ".Body#") || strings.Contains(m.ID, "#openapi") {
				continue
			}
			if m.APIKeyRequired == nil || m.APIKeyRequired.Is("false") {
				st.KeylessMethods = append(st.KeylessMethods, strings.TrimSpace(m.Verb+" "+m.Path))
			}
		}
		sort.Strings(st.KeylessMethods)
	}
}
