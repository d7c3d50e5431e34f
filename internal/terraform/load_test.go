package terraform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

const fixtures = "../../testdata/terraform"

var ignoreByte = cmpopts.IgnoreFields(model.Pos{}, "Byte")

// rg builds a range for comparisons (Byte ignored).
func rg(file string, l1, c1, l2, c2 int32) model.Range {
	return model.Range{Filename: file, Start: model.Pos{Line: l1, Column: c1}, End: model.Pos{Line: l2, Column: c2}}
}

func load(t *testing.T, dir string, opts Options) *model.Fragment {
	t.Helper()
	f := LoadModule(filepath.Join(fixtures, dir), opts)
	for _, d := range f.Diagnostics {
		t.Logf("diagnostic %s %s: %s", d.RuleID, d.Range, d.Message)
	}
	return f
}

func noDiagnostics(t *testing.T, f *model.Fragment) {
	t.Helper()
	if len(f.Diagnostics) != 0 {
		t.Errorf("want no diagnostics, got %d", len(f.Diagnostics))
	}
}

func apiByRef(t *testing.T, f *model.Fragment, ref string) *model.API {
	t.Helper()
	for _, a := range f.APIs {
		if a.Ref == ref {
			return a
		}
	}
	t.Fatalf("no API %s", ref)
	return nil
}

func lit(v *model.Value) string {
	if s, ok := v.Get(); ok {
		return s
	}
	return "<unknown " + v.Ref + ">"
}

func TestRESTMethodRanges(t *testing.T) {
	f := load(t, "rest", Options{})
	noDiagnostics(t, f)
	main := filepath.Join(fixtures, "rest", "main.tf")
	api := apiByRef(t, f, "aws_api_gateway_rest_api.pets")
	if diff := cmp.Diff(rg(main, 16, 1, 16, 43), api.Range, ignoreByte); diff != "" {
		t.Errorf("API range (-want +got):\n%s", diff)
	}
	if len(api.Methods) != 1 {
		t.Fatalf("want 1 method, got %d", len(api.Methods))
	}
	m := api.Methods[0]
	if m.ID != "tf:"+filepath.ToSlash(filepath.Join(fixtures, "rest"))+":aws_api_gateway_method.get_pet" {
		t.Errorf("method ID = %q", m.ID)
	}
	if diff := cmp.Diff(rg(main, 37, 1, 37, 44), m.Range, ignoreByte); diff != "" {
		t.Errorf("method range (-want +got):\n%s", diff)
	}
	if m.Path != "/pets/{petId}" || m.Verb != "GET" {
		t.Errorf("method = %s %s, want GET /pets/{petId}", m.Verb, m.Path)
	}
	if lit(m.Authorization) != "NONE" || lit(m.APIKeyRequired) != "true" {
		t.Errorf("authorization %s, api key required %s", lit(m.Authorization), lit(m.APIKeyRequired))
	}
	// Method responses tied through a reference to the method's http_method
	// and through a reference to its resource_id.
	var codes []string
	for _, r := range m.Responses {
		codes = append(codes, lit(r.StatusCode))
	}
	if diff := cmp.Diff([]string{"200", "404"}, codes); diff != "" || !m.ResponsesKnown {
		t.Errorf("method responses (-want +got):\n%s (known %v)", diff, m.ResponsesKnown)
	}
	if diff := cmp.Diff(rg(main, 49, 17, 49, 22), m.Responses[0].Range, ignoreByte); diff != "" {
		t.Errorf("method response range (-want +got):\n%s", diff)
	}

	in := m.Integration
	if in == nil {
		t.Fatal("method has no integration")
	}
	if diff := cmp.Diff(model.Lit("AWS", rg(main, 63, 29, 63, 34)), in.Type, ignoreByte); diff != "" {
		t.Errorf("integration type (-want +got):\n%s", diff)
	}
	if in.URI.Known || in.URI.Ref != "aws_lambda_function.pets.invoke_arn" {
		t.Errorf("uri = %+v, want unknown aws_lambda_function.pets.invoke_arn", in.URI)
	}
	if lit(in.HTTPMethod) != "POST" || lit(in.PassthroughBehavior) != "WHEN_NO_TEMPLATES" {
		t.Errorf("http method %s, passthrough %s", lit(in.HTTPMethod), lit(in.PassthroughBehavior))
	}
	if got := in.Classify(); got != model.SubjectErrorMessage {
		t.Errorf("Classify() = %q, want error_message", got)
	}
	if len(in.Responses) != 2 || !in.ResponsesKnown {
		t.Fatalf("want 2 known integration responses, got %d (known %v)", len(in.Responses), in.ResponsesKnown)
	}
	def, nf := in.Responses[0], in.Responses[1]
	if def.Pattern != nil || !def.IsDefault() || lit(def.StatusCode) != "200" {
		t.Errorf("default response: pattern %+v status %s", def.Pattern, lit(def.StatusCode))
	}
	if diff := cmp.Diff(model.Lit(".*Not Found.*", rg(main, 90, 23, 90, 38)), nf.Pattern, ignoreByte); diff != "" {
		t.Errorf("selection pattern (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(rg(main, 85, 1, 85, 60), nf.Range, ignoreByte); diff != "" {
		t.Errorf("integration response range (-want +got):\n%s", diff)
	}
}

func TestEvaluation(t *testing.T) {
	f := load(t, "rest", Options{})
	api := apiByRef(t, f, "aws_api_gateway_rest_api.pets")
	// local template over a tfvars value; *.auto.tfvars overrides
	// terraform.tfvars; a conditional over it.
	if lit(api.Name) != "dev-pets" || lit(api.EndpointType) != "REGIONAL" || lit(api.DisableExecuteAPIEndpoint) != "true" {
		t.Errorf("name %s, endpoint %s, disable %s", lit(api.Name), lit(api.EndpointType), lit(api.DisableExecuteAPIEndpoint))
	}
	regions := map[string]string{}
	for _, c := range f.Certificates {
		regions[c.Ref] = lit(c.Region)
	}
	want := map[string]string{"aws_acm_certificate.api": "us-east-1", "aws_acm_certificate.regional": "eu-west-1"}
	if diff := cmp.Diff(want, regions); diff != "" {
		t.Errorf("certificate regions (-want +got):\n%s", diff)
	}
	if c := f.Certificates[0]; len(c.SubjectAlternativeNames) != 1 || lit(c.SubjectAlternativeNames[0]) != "www.api.example.com" || !c.SANsKnown {
		t.Errorf("SANs = %+v", c.SubjectAlternativeNames)
	}

	// -var-file applies after the auto files.
	vf := filepath.Join(t.TempDir(), "x.tfvars")
	if err := os.WriteFile(vf, []byte("prefix = \"cli\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f = load(t, "rest", Options{VarFiles: []string{vf}})
	if got := lit(apiByRef(t, f, "aws_api_gateway_rest_api.pets").Name); got != "cli-pets" {
		t.Errorf("with -var-file, name = %s, want cli-pets", got)
	}
}

func TestTemplates(t *testing.T) {
	f := load(t, "rest", Options{})
	main := filepath.Join(fixtures, "rest", "main.tf")
	in := apiByRef(t, f, "aws_api_gateway_rest_api.pets").Methods[0].Integration
	if len(in.RequestTemplates) != 3 {
		t.Fatalf("want 3 request templates, got %d", len(in.RequestTemplates))
	}
	heredoc, quoted, file := in.RequestTemplates[0], in.RequestTemplates[1], in.RequestTemplates[2]

	if heredoc.ContentType != "application/json" || heredoc.Side != model.SideRequest ||
		lit(heredoc.Body) != "#set($id = $input.params('petId'))\n{\"id\": \"$id\"}\n" {
		t.Errorf("heredoc template = %q %q", heredoc.ContentType, lit(heredoc.Body))
	}
	if diff := cmp.Diff(rg(main, 69, 26, 72, 4), heredoc.Range, ignoreByte); diff != "" {
		t.Errorf("heredoc range (-want +got):\n%s", diff)
	}
	wantOrigin := &model.TextOrigin{Start: model.Pos{Line: 70, Column: 1}, Exact: true}
	if diff := cmp.Diff(wantOrigin, heredoc.Origin, ignoreByte); diff != "" {
		t.Errorf("heredoc origin (-want +got):\n%s", diff)
	}

	// "$input.body\n": the escape maps to its backslash.
	o := quoted.Origin
	if o == nil || !o.Exact || len(o.Offsets) != len("$input.body\n") {
		t.Fatalf("quoted origin = %+v", o)
	}
	if diff := cmp.Diff([]model.Pos{{Line: 73, Column: 27}, {Line: 73, Column: 38}}, []model.Pos{o.Offsets[0], o.Offsets[11]}, ignoreByte); diff != "" {
		t.Errorf("quoted offsets (-want +got):\n%s", diff)
	}

	// file(): the template is the file, so its positions are the file's (an exact origin at 1:1).
	vm := filepath.Join(fixtures, "rest", "templates", "request.vm")
	if file.Range.Filename != vm || file.Range.Start.Line != 1 || file.Origin == nil || !file.Origin.Exact || file.Origin.Start.Line != 1 || !strings.HasPrefix(lit(file.Body), "#set($body") {
		t.Errorf("file template: range %v origin %+v body %q", file.Range, file.Origin, lit(file.Body))
	}

	// templatefile() with its variables.
	rt := in.Responses[1].ResponseTemplates
	if len(rt) != 1 || lit(rt[0].Body) != "{\"code\": 404, \"message\": \"$input.path('$.errorMessage')\"}\n" || rt[0].Side != model.SideResponse {
		t.Errorf("templatefile response template = %+v", rt)
	}
}

func TestLinks(t *testing.T) {
	f := load(t, "rest", Options{})
	id := func(addr string) string {
		return "tf:" + filepath.ToSlash(filepath.Join(fixtures, "rest")) + ":" + addr
	}
	records := map[string]*model.DNSRecord{}
	for _, r := range f.DNSRecords {
		records[r.Ref] = r
	}
	alias := records["aws_route53_record.api"]
	if diff := cmp.Diff(&model.Link{Kind: "aws_api_gateway_domain_name", ID: id("aws_api_gateway_domain_name.api"), Attribute: "regional_domain_name"}, alias.AliasTarget); diff != "" {
		t.Errorf("alias target (-want +got):\n%s", diff)
	}
	if alias.AliasName.Known || alias.AliasName.Ref != "aws_api_gateway_domain_name.api.regional_domain_name" {
		t.Errorf("alias name = %+v", alias.AliasName)
	}
	if alias.AliasZoneTarget == nil || alias.AliasZoneTarget.Attribute != "regional_zone_id" {
		t.Errorf("alias zone target = %+v", alias.AliasZoneTarget)
	}
	// A variable without value stays a symbolic reference.
	if alias.ZoneID.Known || alias.ZoneID.Ref != "var.zone_id" {
		t.Errorf("zone id = %+v, want unknown var.zone_id", alias.ZoneID)
	}
	// A reference to a literal argument resolves to the literal.
	if lit(alias.Name) != "api.example.com" {
		t.Errorf("record name = %s", lit(alias.Name))
	}

	stage := records["aws_route53_record.stage"]
	want := map[int]*model.Link{0: {Kind: "aws_api_gateway_stage", ID: id("aws_api_gateway_stage.prod"), Attribute: "invoke_url"}}
	if diff := cmp.Diff(want, stage.ValueTargets); diff != "" || len(stage.Values) != 2 || lit(stage.Values[1]) != "literal.example.com" {
		t.Errorf("record values %v, targets (-want +got):\n%s", stage.Values, diff)
	}

	// The certificate ARN goes through aws_acm_certificate_validation.
	d := f.Domains[0]
	if d.Certificate == nil || d.Certificate.ID != id("aws_acm_certificate.regional") || d.RegionalCertificateARN.Ref != "aws_acm_certificate.regional.arn" {
		t.Errorf("domain certificate link %+v, arn %+v", d.Certificate, d.RegionalCertificateARN)
	}

	bpm := f.BasePathMappings[0]
	if bpm.APILink == nil || bpm.APILink.ID != id("aws_api_gateway_rest_api.pets") ||
		bpm.StageLink == nil || bpm.StageLink.ID != id("aws_api_gateway_stage.prod") || lit(bpm.Stage) != "prod" || lit(bpm.Domain) != "api.example.com" {
		t.Errorf("base path mapping = %+v", bpm)
	}

	// A value computed from one reference names it and links to it.
	o := f.Distributions[0].Origins[0]
	if o.DomainName.Known || o.DomainName.Ref != "aws_api_gateway_stage.prod.invoke_url" || o.DomainLink == nil || o.DomainLink.Attribute != "invoke_url" {
		t.Errorf("origin domain %+v link %+v", o.DomainName, o.DomainLink)
	}
	dist := f.Distributions[0]
	if len(dist.ForwardedHeaders) != 2 || lit(dist.ViewerMinimumProtocol) != "TLSv1.2_2021" || lit(o.ProtocolPolicy) != "https-only" || !o.SSLKnown {
		t.Errorf("distribution = %+v", dist)
	}

	// Method settings tied to the stage by reference and by name.
	st := f.Stages[0]
	if len(st.Settings) != 2 || len(f.MethodSettings) != 2 || !st.AccessLogs {
		t.Fatalf("stage settings %d, project method settings %d", len(st.Settings), len(f.MethodSettings))
	}
	if lit(st.Settings[0].RateLimit) != "100" || lit(st.Settings[1].MethodPath) != "pets/GET" {
		t.Errorf("settings = %+v", st.Settings)
	}

	up := f.UsagePlans[0]
	if len(up.Keys) != 1 || up.Keys[0].ID != id("aws_api_gateway_api_key.client") || !up.KeysKnown || !up.StagesKnown {
		t.Errorf("usage plan keys = %+v", up.Keys)
	}
	if len(up.Stages) != 1 || up.Stages[0].StageLink == nil || len(up.Stages[0].Throttles) != 1 || lit(up.Stages[0].Throttles[0].MethodPath) != "/pets/{petId}/GET" {
		t.Errorf("usage plan stages = %+v", up.Stages)
	}
}

func TestLocalModules(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join(fixtures, "modules"))
	f := load(t, "modules/root", Options{Roots: []string{root}})
	modFile := filepath.Join(fixtures, "modules", "root", "..", "api", "main.tf")

	orders := apiByRef(t, f, `module.api["orders"].aws_api_gateway_rest_api.this`)
	if lit(orders.Name) != "orders-api" {
		t.Errorf("name = %s, want the caller's each.key", lit(orders.Name))
	}
	if diff := cmp.Diff(rg(modFile, 14, 1, 14, 43), orders.Range, ignoreByte); diff != "" {
		t.Errorf("range in the module's file (-want +got):\n%s", diff)
	}
	apiByRef(t, f, `module.api["users"].aws_api_gateway_rest_api.this`)

	for _, m := range f.BasePathMappings {
		if lit(m.Domain) != "api.example.com" || m.StageLink == nil {
			t.Errorf("mapping %s: domain %s (want the caller's argument), stage link %+v", m.Ref, lit(m.Domain), m.StageLink)
		}
	}
	for _, s := range f.Stages {
		if lit(s.Name) != "live" {
			t.Errorf("stage %s name %s, want live", s.Ref, lit(s.Name))
		}
	}

	var rec *model.DNSRecord
	for _, r := range f.DNSRecords {
		rec = r
	}
	wantTarget := &model.Link{Kind: "aws_api_gateway_domain_name", ID: orders.ID[:strings.LastIndex(orders.ID, ":")+1] + `module.api["orders"].aws_api_gateway_domain_name.own`, Attribute: "regional_domain_name"}
	if diff := cmp.Diff(wantTarget, rec.AliasTarget); diff != "" {
		t.Errorf("alias through a module output (-want +got):\n%s", diff)
	}
	if rec.AliasName.Ref != `module.api["orders"].aws_api_gateway_domain_name.own.regional_domain_name` {
		t.Errorf("alias ref = %q", rec.AliasName.Ref)
	}
	// A registry module's output stays unknown.
	if rec.AliasZoneID.Known || rec.AliasZoneID.Ref != "module.labels.zone_id" {
		t.Errorf("alias zone = %+v", rec.AliasZoneID)
	}

	var notes []model.Finding
	for _, d := range f.Diagnostics {
		if d.RuleID == DiagRemoteModule {
			notes = append(notes, d)
		} else {
			t.Errorf("unexpected diagnostic %s %s", d.RuleID, d.Message)
		}
	}
	if len(notes) != 1 || notes[0].Severity != model.SeverityNote || notes[0].Range.Start.Line != 23 || len(notes[0].Related) != 1 {
		t.Errorf("want one APIGW008 note at line 23 with one related location, got %+v", notes)
	}

	// Without the roots covering it, the module is not read.
	f = load(t, "modules/root", Options{})
	if len(f.APIs) != 0 || !hasDiag(f, DiagOutsideRoots, 15) {
		t.Errorf("module outside roots: %d APIs", len(f.APIs))
	}
}

func hasDiag(f *model.Fragment, id string, line int) bool {
	for _, d := range f.Diagnostics {
		if d.RuleID == id && int(d.Range.Start.Line) == line {
			return true
		}
	}
	return false
}

func TestSyntaxError(t *testing.T) {
	f := load(t, "broken", Options{})
	bad := filepath.Join(fixtures, "broken", "bad.tf")
	if len(f.Diagnostics) != 1 {
		t.Fatalf("want 1 diagnostic, got %d", len(f.Diagnostics))
	}
	d := f.Diagnostics[0]
	if d.RuleID != DiagSyntax || d.Severity != model.SeverityError || !strings.Contains(d.Message, "Invalid expression") {
		t.Errorf("diagnostic = %+v", d)
	}
	if diff := cmp.Diff(rg(bad, 3, 17, 4, 1), d.Range, ignoreByte); diff != "" {
		t.Errorf("parser position (-want +got):\n%s", diff)
	}
	if len(f.APIs) != 1 || lit(f.APIs[0].Name) != "still-loaded" {
		t.Errorf("the other file should still load: %+v", f.APIs)
	}
}

func TestOutsideRoots(t *testing.T) {
	f := load(t, "escape/infra", Options{})
	main := filepath.Join(fixtures, "escape", "infra", "main.tf")
	want := []model.Finding{
		{RuleID: DiagOutsideRoots, Severity: model.SeverityWarning, Range: rg(main, 3, 10, 3, 34)},
		{RuleID: DiagOutsideRoots, Severity: model.SeverityWarning, Range: rg(main, 13, 26, 13, 59)},
	}
	if diff := cmp.Diff(want, f.Diagnostics, ignoreByte, cmpopts.IgnoreFields(model.Finding{}, "Message")); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if api := f.APIs[0]; api.BodyFile != "" || len(api.Methods) != 1 || api.Methods[0].Integration == nil {
		t.Errorf("body must not be read: %+v", api)
	}
	if tpl := f.APIs[0].Methods[0].Integration.RequestTemplates; len(tpl) != 1 || tpl[0].Body.Known {
		t.Errorf("template outside roots must stay unknown: %+v", tpl)
	}
	for _, d := range f.Diagnostics {
		if strings.Contains(d.Message, "root:") {
			t.Errorf("content leaked into message: %s", d.Message)
		}
	}
}

func TestSymlinkOutsideRoots(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.vm")
	if err := os.WriteFile(secret, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "link.vm")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(filepath.Join(outside, "x.tf"), filepath.Join(dir, "linked.tf")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "x.tf"), []byte(`resource "aws_api_gateway_rest_api" "outside" {}`), 0o600); err != nil {
		t.Fatal(err)
	}
	src := `resource "aws_api_gateway_integration" "i" {
  rest_api_id = "abc"
  resource_id = "def"
  http_method = "GET"
  type        = "MOCK"
  request_templates = { "application/json" = file("${path.module}/link.vm") }
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	f := LoadModule(dir, Options{Roots: []string{dir}})
	if !hasDiag(f, DiagOutsideRoots, 6) || !hasDiag(f, DiagOutsideRoots, 1) {
		t.Errorf("want APIGW002 for the linked template and the linked .tf, got %+v", f.Diagnostics)
	}
	for _, a := range f.APIs {
		if a.Ref == "aws_api_gateway_rest_api.outside" {
			t.Error("a .tf file linked from outside the roots was read")
		}
	}
}

func TestJSONConfig(t *testing.T) {
	f := load(t, "json", Options{})
	noDiagnostics(t, f)
	api := apiByRef(t, f, "aws_api_gateway_rest_api.api")
	if lit(api.EndpointType) != "PRIVATE" || lit(api.Name) != "json-api" {
		t.Errorf("api = %s %s", lit(api.Name), lit(api.EndpointType))
	}
	main := filepath.Join(fixtures, "json", "main.tf.json")
	if diff := cmp.Diff(rg(main, 7, 14, 7, 15), api.Range, ignoreByte); diff != "" {
		t.Errorf("JSON block range (-want +got):\n%s", diff)
	}
	if st := f.Stages[0]; lit(st.Name) != "prod" || st.APILink == nil || st.APILink.ID != api.ID {
		t.Errorf("stage = %+v", st)
	}
	r := f.DNSRecords[0]
	if r.AliasTarget == nil || r.AliasTarget.Kind != "aws_apigatewayv2_domain_name" || r.AliasTarget.Attribute != "target_domain_name" {
		t.Errorf("alias target = %+v", r.AliasTarget)
	}
	if r.AliasName.Ref != "aws_apigatewayv2_domain_name.d.domain_name_configuration[0].target_domain_name" {
		t.Errorf("alias ref = %q", r.AliasName.Ref)
	}
	if d := f.Domains[0]; d.Version != "v2" || lit(d.EndpointType) != "REGIONAL" || d.Certificate == nil {
		t.Errorf("v2 domain = %+v", d)
	}
}

func TestExpansion(t *testing.T) {
	f := load(t, "expand", Options{})
	for i, name := range []string{"api-0", "api-1"} {
		a := apiByRef(t, f, "aws_api_gateway_rest_api.api["+string(rune('0'+i))+"]")
		if lit(a.Name) != name {
			t.Errorf("count instance %d name %s", i, lit(a.Name))
		}
	}
	got := map[string]string{}
	for _, ms := range f.MethodSettings {
		got[ms.Ref] = lit(ms.RateLimit) + " " + lit(ms.LoggingLevel)
		if ms.StageLink == nil {
			t.Errorf("%s: no stage link", ms.Ref)
		}
	}
	want := map[string]string{
		`aws_api_gateway_method_settings.s["dev"]`:  "5 INFO",
		`aws_api_gateway_method_settings.s["prod"]`: "100 ERROR",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("for_each instances (-want +got):\n%s", diff)
	}
	// An unknown for_each is one instance with unknown values; count = 0 is none.
	if len(f.Certificates) != 1 || f.Certificates[0].Ref != "aws_acm_certificate.maybe" || f.Certificates[0].DomainName.Known || f.Certificates[0].DomainName.Ref != "each.value" {
		t.Errorf("certificates = %+v", f.Certificates)
	}
	ws := apiByRef(t, f, "aws_apigatewayv2_api.ws")
	if ws.Kind != model.KindWebSocket || ws.BodyFile == "" {
		t.Errorf("websocket api = %+v", ws)
	}
}

func TestBody(t *testing.T) {
	f := load(t, "body", Options{})
	fromFile := apiByRef(t, f, "aws_api_gateway_rest_api.from_file")
	yaml := filepath.Join(fixtures, "body", "api.yaml")
	if fromFile.BodyFile != yaml || len(fromFile.Methods) != 1 || fromFile.Methods[0].Range.Filename != yaml || fromFile.Methods[0].Range.Start.Line != 7 {
		t.Errorf("file() body: %s %+v", fromFile.BodyFile, fromFile.Methods)
	}
	inline := apiByRef(t, f, "aws_api_gateway_rest_api.inline")
	if len(inline.Methods) != 1 {
		t.Fatalf("inline body: %d methods", len(inline.Methods))
	}
	// "get" is line 4, column 5 of the heredoc's text, which starts on line
	// 9 of main.tf indented by 4 columns that <<- removes.
	main := filepath.Join(fixtures, "body", "main.tf")
	if got := inline.Methods[0].Range; got.Filename != main || got.Start.Line != 12 || got.Start.Column != 9 {
		t.Errorf("inline body method at %v, want %s:12:9", got, main)
	}
}

func TestHTTPAPI(t *testing.T) {
	f := load(t, "v2", Options{})
	noDiagnostics(t, f)
	api := apiByRef(t, f, "aws_apigatewayv2_api.http")
	if api.Kind != model.KindHTTP || len(api.Methods) != 2 {
		t.Fatalf("api = %+v", api)
	}
	get := api.Methods[0]
	if get.Verb != "GET" || get.Path != "/pets" || get.Integration == nil || lit(get.Integration.Type) != "AWS_PROXY" {
		t.Errorf("route = %s %s %+v", get.Verb, get.Path, get.Integration)
	}
	uri := get.Integration.URI
	if uri.Known || uri.Partial != "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}/invocations" {
		t.Errorf("uri = %+v", uri)
	}
	if def := api.Methods[1]; def.Path != "$default" || def.Integration != nil {
		t.Errorf("default route = %+v", def)
	}
	st := f.Stages[0]
	var paths []string
	for _, s := range st.Settings {
		paths = append(paths, lit(s.MethodPath)+"="+lit(s.RateLimit))
	}
	if diff := cmp.Diff([]string{"$default=50", "GET /pets=10"}, paths); diff != "" {
		t.Errorf("route settings (-want +got):\n%s", diff)
	}
	if m := f.BasePathMappings[0]; m.Version != "v2" || m.StageLink == nil || m.APILink == nil {
		t.Errorf("api mapping = %+v", m)
	}
}

func TestModuleCycleAndDepth(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("main.tf", `module "self" { source = "./" }
module "deep" { source = "./d" }
`)
	// d/d/d/... 12 levels deep.
	p := "d"
	for range 12 {
		write(filepath.Join(p, "main.tf"), `module "next" { source = "./d" }
resource "aws_api_gateway_rest_api" "x" {}
`)
		p = filepath.Join(p, "d")
	}
	f := LoadModule(dir, Options{Roots: []string{dir}})
	var cycle, depth int
	for _, d := range f.Diagnostics {
		switch {
		case d.RuleID == DiagNotLoaded && strings.Contains(d.Message, "calls itself"):
			cycle++
		case d.RuleID == DiagNotLoaded && strings.Contains(d.Message, "deep"):
			depth++
		}
	}
	if cycle != 1 || depth != 1 || len(f.APIs) != maxModuleDepth {
		t.Errorf("cycle %d, depth %d diagnostics, %d APIs; diagnostics %+v", cycle, depth, len(f.APIs), f.Diagnostics)
	}
}

func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	src := `locals {
  a = local.b
  b = local.a
}
resource "aws_api_gateway_rest_api" "x" {
  for_each = aws_api_gateway_rest_api.x
  name     = local.a
}
resource "aws_api_gateway_rest_api" "y" {
  count = 100000000
  name  = aws_api_gateway_rest_api.y[0].name
}
resource "aws_api_gateway_resource" "loop" {
  rest_api_id = "x"
  parent_id   = aws_api_gateway_resource.loop.id
  path_part   = "p"
}
resource "aws_api_gateway_method" "m" {
  rest_api_id = "x"
  resource_id = aws_api_gateway_resource.loop.id
  http_method = "GET"
  authorization = "NONE"
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	f := LoadModule(dir, Options{})
	for _, d := range f.Diagnostics {
		if d.RuleID == DiagInternal {
			t.Errorf("panic: %s", d.Message)
		}
	}
	if !hasDiag(f, DiagNotLoaded, 10) {
		t.Errorf("want a limit diagnostic on the huge count, got %+v", f.Diagnostics)
	}
}

func TestLoadTree(t *testing.T) {
	root, _ := filepath.Abs(fixtures)
	dirs := []string{filepath.Join(fixtures, "rest"), filepath.Join(fixtures, "modules", "root"), filepath.Join(fixtures, "v2"), filepath.Join(fixtures, "broken")}
	f := LoadTree(dirs, Options{Roots: []string{root}, Jobs: 2})
	var notes int
	for _, d := range f.Diagnostics {
		if d.RuleID == DiagRemoteModule {
			notes++
		}
	}
	if notes != 1 || len(f.APIs) != 5 {
		t.Errorf("notes %d, APIs %d", notes, len(f.APIs))
	}
	again := LoadTree(dirs, Options{Roots: []string{root}, Jobs: 3})
	if diff := cmp.Diff(f, again); diff != "" {
		t.Errorf("LoadTree is not deterministic (-first +second):\n%s", diff)
	}
}

// TestCorpus loads every directory with .tf files of the shared corpus:
// nothing may panic.
func TestCorpus(t *testing.T) {
	const corpus = "/work/shared/corpus"
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no corpus")
	}
	dirs := map[string]bool{}
	_ = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) {
			dirs[filepath.Dir(p)] = true
		}
		return nil
	})
	counts := map[string]int{}
	var apis, methods int
	for dir := range dirs {
		f := LoadModule(dir, Options{Roots: []string{corpus}})
		apis += len(f.APIs)
		f.Methods(func(*model.API, *model.Method) { methods++ })
		for _, d := range f.Diagnostics {
			counts[d.RuleID]++
			if d.RuleID == DiagInternal || d.RuleID == DiagSyntax {
				t.Errorf("%s %s: %s", d.RuleID, d.Range, d.Message)
			} else if testing.Verbose() {
				t.Logf("%s %s %s: %s", d.RuleID, d.Severity, d.Range, d.Message)
			}
		}
	}
	t.Logf("%d module dirs, %d APIs, %d methods, diagnostics by rule: %v", len(dirs), apis, methods, counts)
}

// TestQuickEvalAgrees loads every module of the fixtures and of the shared
// corpus with and without the evaluation shortcut (scope.quick), and
// requires the same fragments.
func TestQuickEvalAgrees(t *testing.T) {
	dirs := map[string]string{} // module dir → root
	for _, root := range []string{fixtures, filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "..", "shared", "corpus")} {
		abs, err := filepath.Abs(root)
		if err != nil {
			t.Fatal(err)
		}
		_ = filepath.WalkDir(abs, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json")) {
				dirs[filepath.Dir(p)] = abs
			}
			return nil
		})
	}
	if len(dirs) < 50 {
		t.Fatalf("only %d module directories found", len(dirs))
	}
	defer func() { quickEval = true }()
	for dir, root := range dirs {
		quickEval = true
		quick := LoadModule(dir, Options{Roots: []string{root}})
		quickEval = false
		full := LoadModule(dir, Options{Roots: []string{root}})
		if diff := cmp.Diff(full, quick); diff != "" {
			t.Errorf("%s: the shortcut changes the model (-full +quick):\n%s", dir, diff)
		}
	}
}
