package cloudformation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// rng compares ranges without byte offsets, as tflint's loader tests do.
func rng(r model.Range) [4]int {
	return [4]int{int(r.Start.Line), int(r.Start.Column), int(r.End.Line), int(r.End.Column)}
}

func mustLoad(t *testing.T, name, src string, opts Options) *model.Fragment {
	t.Helper()
	frag, ok := Load(name, []byte(src), opts)
	if !ok {
		t.Fatalf("%s not recognised as a template", name)
	}
	return frag
}

func noDiags(t *testing.T, frag *model.Fragment) {
	t.Helper()
	for _, d := range frag.Diagnostics {
		t.Errorf("unexpected diagnostic %s at %v: %s", d.RuleID, rng(d.Range), d.Message)
	}
}

const restYAML = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Backend:
    Type: String
    Default: https://orders.example.com
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !Sub "${AWS::StackName}-orders"
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  Order:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !Ref Orders
      PathPart: "{id}"
  GetOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Order
      HttpMethod: get
      AuthorizationType: NONE
      MethodResponses:
        - StatusCode: 200
        - !If [Cond, {StatusCode: 404}, !Ref AWS::NoValue]
      Integration:
        Type: AWS
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
        RequestTemplates:
          application/json: |
            {"id": "$input.params('id')"}
        IntegrationResponses:
          - StatusCode: 200
          - SelectionPattern: '.*NotFound.*'
            StatusCode: "404"
            ResponseTemplates:
              application/json: '{"error": "$input.path(''$.errorMessage'')"}'
  PostOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: POST
      Integration:
        Type: HTTP
        Uri: !Sub ${Backend}/orders
        IntegrationResponses: !If [Cond, [], [{StatusCode: 200}]]
`

func TestLoadRestAPIYAML(t *testing.T) {
	frag := mustLoad(t, "template.yaml", restYAML, Options{})
	noDiags(t, frag)
	if len(frag.APIs) != 1 {
		t.Fatalf("want 1 API, got %d", len(frag.APIs))
	}
	api := frag.APIs[0]
	if api.ID != "cfn:template.yaml#Api" || api.Source != model.SourceCloudFormation || api.Kind != model.KindREST || api.Ref != "Api" {
		t.Errorf("api = %s %s %s %s", api.ID, api.Source, api.Kind, api.Ref)
	}
	if diff := cmp.Diff([4]int{7, 3, 7, 6}, rng(api.Range)); diff != "" {
		t.Errorf("api range (-want +got):\n%s", diff)
	}
	if api.Name.Known || api.Name.Partial != "${AWS::StackName}-orders" {
		t.Errorf("name = %+v, want the Sub template as partial", api.Name)
	}
	if diff := cmp.Diff([4]int{10, 13, 10, 44}, rng(api.Name.Range)); diff != "" {
		t.Errorf("short-form Sub range spans tag and quoted argument (-want +got):\n%s", diff)
	}
	if len(api.Methods) != 2 {
		t.Fatalf("want 2 methods, got %d", len(api.Methods))
	}
	m := api.Methods[0]
	if m.Verb != "GET" || m.Path != "/orders/{id}" || m.ID != "cfn:template.yaml#GetOrder" {
		t.Errorf("method = %s %s (%s)", m.Verb, m.Path, m.ID)
	}
	if diff := cmp.Diff([4]int{23, 3, 23, 11}, rng(m.Range)); diff != "" {
		t.Errorf("method range (-want +got):\n%s", diff)
	}
	if m.ResponsesKnown || len(m.Responses) != 1 {
		t.Errorf("a response under Fn::If makes the list unknown: known %v, %d responses", m.ResponsesKnown, len(m.Responses))
	}
	if diff := cmp.Diff([4]int{31, 23, 31, 26}, rng(m.Responses[0].Range)); diff != "" {
		t.Errorf("method response range (-want +got):\n%s", diff)
	}
	in := m.Integration
	if diff := cmp.Diff([4]int{33, 7, 33, 18}, rng(in.Range)); diff != "" {
		t.Errorf("integration range (-want +got):\n%s", diff)
	}
	if got := in.Classify(); got != model.SubjectErrorMessage {
		t.Errorf("a Sub Lambda URI is a Lambda integration, got %q (uri %+v)", got, in.URI)
	}
	if !in.ResponsesKnown || len(in.Responses) != 2 {
		t.Fatalf("integration responses: known %v, %d", in.ResponsesKnown, len(in.Responses))
	}
	def, nf := in.Responses[0], in.Responses[1]
	if !def.IsDefault() || def.StatusCode.Literal != "200" {
		t.Errorf("first response = %+v, want the default 200", def)
	}
	if diff := cmp.Diff([4]int{41, 13, 41, 23}, rng(def.Range)); diff != "" {
		t.Errorf("response range is its first key (-want +got):\n%s", diff)
	}
	if p, _ := nf.Pattern.Get(); p != ".*NotFound.*" || nf.IsDefault() {
		t.Errorf("pattern = %+v", nf.Pattern)
	}
	if diff := cmp.Diff([4]int{42, 31, 42, 45}, rng(nf.Pattern.Range)); diff != "" {
		t.Errorf("pattern range (-want +got):\n%s", diff)
	}
	if len(in.RequestTemplates) != 1 || !in.RequestTemplates[0].Origin.Exact {
		t.Fatalf("request templates = %+v", in.RequestTemplates)
	}
	if got := in.RequestTemplates[0].Origin.Start; got.Line != 39 || got.Column != 13 {
		t.Errorf("block template starts at %d:%d, want 39:13", got.Line, got.Column)
	}
	rt := nf.ResponseTemplates
	if len(rt) != 1 || rt[0].Body.Literal != `{"error": "$input.path('$.errorMessage')"}` {
		t.Errorf("response templates = %+v", rt)
	}

	post := api.Methods[1]
	if post.Path != "/orders" {
		t.Errorf("post path = %q", post.Path)
	}
	if post.Integration.ResponsesKnown {
		t.Error("IntegrationResponses under Fn::If must be unknown")
	}
	if u, _ := post.Integration.URI.Get(); u != "https://orders.example.com/orders" {
		t.Errorf("Sub of a parameter default = %+v", post.Integration.URI)
	}
}

func TestIntrinsics(t *testing.T) {
	const src = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage: {Type: String, Default: dev}
  Zone: {Type: String}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
Mappings:
  Env:
    dev: {Policy: TLS_1_0}
    prod: {Policy: TLS_1_2}
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: example.com
  Values:
    Type: Custom::Values
    Properties:
      a: !Ref Stage
      b: !Ref Zone
      c: !FindInMap [Env, !Ref Stage, Policy]
      d: {"Fn::Join": ["-", [x, !Ref Stage, y]]}
      e: !Join ["", ["https://", !GetAtt Domain.RegionalDomainName, "/v1"]]
      f: !Select [1, !Ref Names]
      g: !If [Cond, same, same]
      h: !If [Cond, one, two]
      i: !ImportValue shared-api-id
      j: !Sub
        - "${Name}.${AWS::Region}.${Stage}"
        - Name: !Ref Stage
      k: !Sub "${!Literal}-${Stage}"
      l: !GetAtt Domain.RegionalDomainName
      m: !Select [1, !Split [",", "p,q"]]
      n: !Base64 text
`
	tests := []struct {
		key      string
		known    bool
		text     string // literal or partial
		ref      string
		linkAttr string
		computed bool
	}{
		{"a", true, "dev", "!Ref Stage", "", false},
		{"b", false, "", "!Ref Zone", "", false},
		{"c", true, "TLS_1_0", "!FindInMap Env.dev.Policy", "", false},
		{"d", true, "x-dev-y", "", "", false},
		{"e", false, "https://${Domain.RegionalDomainName}/v1", "!Join", "regional_domain_name", true},
		{"f", true, "b", "", "", false},
		{"g", true, "same", "", "", false},
		{"h", false, "", "!If Cond", "", false},
		{"i", false, "", "!ImportValue shared-api-id", "", false},
		{"j", false, "dev.${AWS::Region}.dev", "!Sub", "", false},
		{"k", true, "${Literal}-dev", "", "", false},
		{"l", false, "", "!GetAtt Domain.RegionalDomainName", "regional_domain_name", false},
		{"m", true, "q", "", "", false},
		{"n", false, "", "!Base64 text", "", false},
	}
	frag := mustLoad(t, "t.yaml", src, Options{})
	noDiags(t, frag)
	tp := newTestTpl(t, "t.yaml", src, Options{})
	props := tp.resources["Values"].props
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			v, l := tp.valLink(yamltree.Path(props, tc.key))
			if v.Known != tc.known || v.Text() != tc.text || (tc.ref != "" && v.Ref != tc.ref) {
				t.Errorf("value = %+v, want known %v text %q ref %q", v, tc.known, tc.text, tc.ref)
			}
			switch {
			case tc.linkAttr == "" && l != nil:
				t.Errorf("unexpected link %+v", l)
			case tc.linkAttr != "" && (l == nil || l.Attribute != tc.linkAttr || l.Computed != tc.computed || l.ID != "cfn:t.yaml#Domain"):
				t.Errorf("link = %+v, want attribute %q computed %v", l, tc.linkAttr, tc.computed)
			}
		})
	}
}

// newTestTpl reads a template as Load does and returns the reader, for tests
// of value evaluation.
func newTestTpl(t *testing.T, name, src string, opts Options) *tpl {
	t.Helper()
	frag, ok := Load(name, []byte(src), opts)
	if !ok || frag == nil {
		t.Fatal("not a template")
	}
	tp := &tpl{filename: name, lines: model.NewLineIndex([]byte(src)), opts: opts, idPrefix: "cfn:" + name + "#", frag: &model.Fragment{}}
	root := parseRoot(t, src)
	tp.root = root
	tp.readParams()
	tp.mappings, _ = yamltree.Get(root, "Mappings")
	tp.resources = map[string]*resource{}
	for _, p := range yamltree.Pairs(yamltree.Path(root, "Resources")) {
		typ, _ := yamltree.Get(p[1], "Type")
		props, _ := yamltree.Get(p[1], "Properties")
		tp.resources[p[0].Value] = &resource{name: p[0].Value, typ: typ.Value, id: tp.idPrefix + p[0].Value, key: p[0], props: props}
	}
	return tp
}

func TestParameters(t *testing.T) {
	const src = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Policy: {Type: String, Default: TLS_1_0}
Resources:
  Domain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      SecurityPolicy: !Ref Policy
`
	frag := mustLoad(t, "t.yaml", src, Options{})
	if p, _ := frag.Domains[0].SecurityPolicy.Get(); p != "TLS_1_0" {
		t.Errorf("default: policy = %+v", frag.Domains[0].SecurityPolicy)
	}
	if diff := cmp.Diff([4]int{9, 23, 9, 34}, rng(frag.Domains[0].SecurityPolicy.Range)); diff != "" {
		t.Errorf("a parameter's value is positioned where it is used (-want +got):\n%s", diff)
	}
	frag = mustLoad(t, "t.yaml", src, Options{Parameters: map[string]string{"Policy": "TLS_1_2"}})
	if p, _ := frag.Domains[0].SecurityPolicy.Get(); p != "TLS_1_2" {
		t.Errorf("given value: policy = %+v", frag.Domains[0].SecurityPolicy)
	}

	files := map[string]string{
		"cli list":     `[{"ParameterKey": "Policy", "ParameterValue": "TLS_1_2"}, {"ParameterKey": "Names", "ParameterValue": ["a", "b"]}]`,
		"codepipeline": `{"Parameters": {"Policy": "TLS_1_2", "Names": "a,b"}}`,
		"plain object": `{"Policy": "TLS_1_2", "Names": "a,b"}`,
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			got, err := ParseParameters([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[string]string{"Policy": "TLS_1_2", "Names": "a,b"}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := ParseParameters([]byte(`[{"ParameterValue": "x"}]`)); err == nil {
		t.Error("an entry without a key must be an error")
	}
	if k, v, err := ParseParameterFlag("Stage=prod=1"); err != nil || k != "Stage" || v != "prod=1" {
		t.Errorf("flag = %q %q %v", k, v, err)
	}
}

const samYAML = `Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    EndpointConfiguration: REGIONAL
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      MethodSettings:
        - ResourcePath: "/*"
          HttpMethod: "*"
          ThrottlingRateLimit: 100
          ThrottlingBurstLimit: 50
      Domain:
        DomainName: api.example.com
        CertificateArn: !Ref Cert
        BasePath: [/, /v1]
        Route53:
          HostedZoneId: Z123
      Auth:
        UsagePlan:
          CreateUsagePlan: PER_API
          Throttle: {RateLimit: 10, BurstLimit: 20}
      DefinitionBody:
        swagger: "2.0"
        info: {title: orders}
        paths:
          /orders:
            get:
              responses:
                "200": {description: ok}
              x-amazon-apigateway-integration:
                type: mock
                requestTemplates:
                  application/json: '{"statusCode": 200}'
                responses:
                  default:
                    statusCode: "200"
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: api.example.com
      SubjectAlternativeNames: [www.example.com]
`

func TestLoadSAM(t *testing.T) {
	frag := mustLoad(t, "sam.yaml", samYAML, Options{})
	noDiags(t, frag)
	api := frag.APIs[0]
	if api.Kind != model.KindREST || api.Export != true || api.BodyFile != "sam.yaml" {
		t.Errorf("api = kind %s export %v body %q", api.Kind, api.Export, api.BodyFile)
	}
	if e, _ := api.EndpointType.Get(); e != "REGIONAL" {
		t.Errorf("endpoint type from Globals = %+v", api.EndpointType)
	}
	if len(api.Methods) != 1 {
		t.Fatalf("want the body's method, got %d", len(api.Methods))
	}
	m := api.Methods[0]
	if m.ID != "cfn:sam.yaml#Api.Body#GET /orders" || m.Integration.ID != m.ID+"#integration" {
		t.Errorf("method IDs name the API: %q, %q", m.ID, m.Integration.ID)
	}
	if diff := cmp.Diff([4]int{30, 13, 30, 16}, rng(m.Range)); diff != "" {
		t.Errorf("body method range is in the template (-want +got):\n%s", diff)
	}
	if o := m.Integration.RequestTemplates[0].Origin; o == nil || o.Start.Line != 36 || o.Start.Column != 38 {
		t.Errorf("body template origin = %+v, want 36:38", o)
	}

	if len(frag.Stages) != 1 {
		t.Fatalf("want SAM's stage, got %d", len(frag.Stages))
	}
	st := frag.Stages[0]
	if n, _ := st.Name.Get(); n != "prod" || st.APILink == nil || st.APILink.ID != api.ID || len(st.Settings) != 1 {
		t.Fatalf("stage = %+v", st)
	}
	if mp, _ := st.Settings[0].MethodPath.Get(); mp != "*/*" {
		t.Errorf("method path = %q", mp)
	}
	if r, _ := st.Settings[0].RateLimit.Get(); r != "100" {
		t.Errorf("rate limit = %q", r)
	}

	if len(frag.Domains) != 1 || len(frag.Certificates) != 1 {
		t.Fatalf("domains %d, certificates %d", len(frag.Domains), len(frag.Certificates))
	}
	d := frag.Domains[0]
	if d.RegionalCertificateARN == nil || d.CertificateARN != nil || d.Certificate == nil || d.Certificate.ID != "cfn:sam.yaml#Cert" {
		t.Errorf("a REGIONAL SAM domain's certificate is the regional one, linked: %+v", d)
	}
	if len(frag.BasePathMappings) != 2 || frag.BasePathMappings[1].StageLink == nil || frag.BasePathMappings[1].DomainLink.ID != d.ID {
		t.Errorf("mappings = %+v", frag.BasePathMappings)
	}
	if len(frag.DNSRecords) != 1 || frag.DNSRecords[0].AliasTarget.Attribute != "regional_domain_name" {
		t.Errorf("records = %+v", frag.DNSRecords)
	}
	if len(frag.UsagePlans) != 1 || len(frag.UsagePlans[0].Stages) != 1 || frag.UsagePlans[0].Stages[0].StageLink == nil || len(frag.UsagePlans[0].Keys) != 1 {
		t.Errorf("usage plans = %+v", frag.UsagePlans)
	}
	if c := frag.Certificates[0]; !c.SANsKnown || len(c.SubjectAlternativeNames) != 1 {
		t.Errorf("certificate = %+v", c)
	}
}

func TestLoadCDKJSON(t *testing.T) {
	name := "../../testdata/cloudformation/cdk.out/OrdersStack.template.json"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	frag := mustLoad(t, "OrdersStack.template.json", string(src), Options{})
	noDiags(t, frag)
	api := frag.APIs[0]
	if e, _ := api.EndpointType.Get(); e != "REGIONAL" || len(api.Methods) != 1 {
		t.Fatalf("api = %+v", api)
	}
	m := api.Methods[0]
	if m.Path != "/orders" || m.Verb != "GET" {
		t.Errorf("method = %s %s", m.Verb, m.Path)
	}
	if diff := cmp.Diff([4]int{35, 3, 35, 31}, rng(m.Range)); diff != "" {
		t.Errorf("method range (-want +got):\n%s", diff)
	}
	in := m.Integration
	if in.URI.Known || !strings.Contains(in.URI.Partial, ":lambda:path/2015-03-31/functions/${ListOrdersFunctionA1B2C3D4.Arn}/invocations") {
		t.Errorf("Join URI = %+v", in.URI)
	}
	if in.Classify() != model.SubjectErrorMessage {
		t.Error("a Join Lambda URI is a Lambda integration")
	}
	if len(in.Responses) != 3 {
		t.Fatalf("responses = %d", len(in.Responses))
	}
	if diff := cmp.Diff([4]int{47, 28, 47, 48}, rng(in.Responses[1].Pattern.Range)); diff != "" {
		t.Errorf("JSON pattern range, escapes included (-want +got):\n%s", diff)
	}
	if p, _ := in.Responses[1].Pattern.Get(); p != `.*\[NotFound\].*` {
		t.Errorf("pattern = %q", p)
	}
	if len(frag.Stages) != 1 || frag.Stages[0].APILink == nil || len(frag.Stages[0].Settings) != 1 {
		t.Fatalf("stages = %+v", frag.Stages)
	}
	if mp, _ := frag.Stages[0].Settings[0].MethodPath.Get(); mp != "*/*" {
		t.Errorf("method path = %q", mp)
	}
	bpm := frag.BasePathMappings[0]
	if bpm.DomainLink == nil || bpm.APILink == nil || bpm.StageLink == nil || bpm.StageLink.ID != frag.Stages[0].ID {
		t.Errorf("mapping links = %+v %+v %+v", bpm.DomainLink, bpm.APILink, bpm.StageLink)
	}
	rec := frag.DNSRecords[0]
	if rec.AliasTarget == nil || rec.AliasTarget.Attribute != "regional_domain_name" || rec.AliasTarget.ID != frag.Domains[0].ID ||
		rec.AliasZoneTarget == nil || rec.AliasZoneTarget.Attribute != "regional_zone_id" {
		t.Errorf("alias links = %+v %+v", rec.AliasTarget, rec.AliasZoneTarget)
	}
	if d := frag.Domains[0]; d.Certificate == nil || d.Certificate.Kind != "aws_acm_certificate" {
		t.Errorf("domain certificate link = %+v", d.Certificate)
	}
}

func TestInclude(t *testing.T) {
	dir, err := filepath.Abs("../../testdata/cloudformation/include")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "template.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	frag := mustLoad(t, "template.yaml", string(src), Options{Roots: []string{dir}, WorkDir: dir})
	if len(frag.APIs) != 3 {
		t.Fatalf("want 3 APIs, got %d", len(frag.APIs))
	}
	orders, pets := frag.APIs[0], frag.APIs[1]
	if orders.BodyFile != "openapi/orders.yaml" || len(orders.Methods) != 1 || orders.Methods[0].Range.Filename != "openapi/orders.yaml" {
		t.Errorf("AWS::Include: body %q, methods %+v", orders.BodyFile, orders.Methods)
	}
	if pets.BodyFile != "openapi/pets.yaml" || len(pets.Methods) != 1 || pets.Methods[0].Verb != "POST" {
		t.Errorf("DefinitionUri: body %q, methods %+v", pets.BodyFile, pets.Methods)
	}
	if len(frag.Diagnostics) != 1 || frag.Diagnostics[0].RuleID != DiagOutsideRoots {
		t.Fatalf("diagnostics = %+v, want one APIGW002", frag.Diagnostics)
	}
	if diff := cmp.Diff([4]int{22, 22, 22, 40}, rng(frag.Diagnostics[0].Range)); diff != "" {
		t.Errorf("APIGW002 range (-want +got):\n%s", diff)
	}
}

func TestServerlessFramework(t *testing.T) {
	const src = `service: notifications
provider:
  name: aws
  stage: ${opt:stage, 'dev'}
resources:
  Resources:
    Domain:
      Type: AWS::ApiGateway::DomainName
      Properties:
        DomainName: ${self:custom.domain}
        SecurityPolicy: TLS_1_0
`
	frag := mustLoad(t, "serverless.yml", src, Options{})
	noDiags(t, frag)
	if len(frag.Domains) != 1 {
		t.Fatalf("domains = %d", len(frag.Domains))
	}
	d := frag.Domains[0]
	if d.Name.Known || d.Name.Partial != "${self:custom.domain}" {
		t.Errorf("a Serverless variable stays unknown: %+v", d.Name)
	}
	if p, _ := d.SecurityPolicy.Get(); p != "TLS_1_0" {
		t.Errorf("policy = %+v", d.SecurityPolicy)
	}
	if _, ok := Load("serverless.yml", []byte("service: x\nprovider: {name: aws}\n"), Options{}); !ok {
		t.Error("a serverless.yml without resources is still read (for APIGW006)")
	}
}

func TestMalformed(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            [4]int
	}{
		{"yaml", "template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n  Bad:x\n    Type: AWS::S3::Bucket\n", [4]int{5, 1, 5, 1}},
		{"json", "template.json", "{\n \"Resources\": {\n  \"Api\": {\n   \"Type\": \"AWS::ApiGateway::RestApi\"\n   \"Properties\": {}\n  }\n }\n}\n", [4]int{5, 4, 5, 4}},
		{"tabs in serverless.yml", "serverless.yml", "service: x\n\tprovider: aws\n", [4]int{2, 1, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			frag, ok := Load(tc.file, []byte(tc.src), Options{})
			if !ok || len(frag.Diagnostics) != 1 || frag.Diagnostics[0].RuleID != DiagParse {
				t.Fatalf("want one APIGW001, got ok %v %+v", ok, frag)
			}
			if diff := cmp.Diff(tc.want, rng(frag.Diagnostics[0].Range)); diff != "" {
				t.Errorf("range (-want +got):\n%s\n%s", diff, frag.Diagnostics[0].Message)
			}
		})
	}
	if _, ok := Load("config.yaml", []byte("a: [\n"), Options{}); ok {
		t.Error("broken YAML that is not a template is not ours")
	}
}

func TestDuplicateKeys(t *testing.T) {
	const src = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: a
      Name: "b"
  Api:
    Type: AWS::S3::Bucket
`
	frag := mustLoad(t, "t.yaml", src, Options{})
	var got [][4]int
	for _, d := range frag.Diagnostics {
		if d.RuleID != DiagDuplicateKey || d.Severity != model.SeverityWarning || len(d.Related) != 1 {
			t.Errorf("diagnostic = %+v", d)
		}
		got = append(got, rng(d.Range))
	}
	if diff := cmp.Diff([][4]int{{7, 7, 7, 11}, {8, 3, 8, 6}}, got); diff != "" {
		t.Errorf("duplicate key ranges (-want +got):\n%s", diff)
	}
	if len(frag.APIs) != 0 {
		t.Error("the last duplicate wins, as in CloudFormation: Api is a bucket")
	}
}

func TestNotATemplate(t *testing.T) {
	for name, src := range map[string]string{
		"openapi.yaml":  "openapi: 3.0.1\ninfo: {title: x}\npaths: {}\n",
		"config.yaml":   "Resources:\n  x: {Type: Custom::Thing}\n",
		"list.json":     "[1, 2]\n",
		"k8s.yaml":      "apiVersion: v1\nkind: ConfigMap\n",
		"package.json":  `{"name": "x", "version": "1.0.0"}`,
		"empty.yaml":    "",
		"scalar.yaml":   "just text\n",
		"compose.yml":   "services:\n  web: {image: nginx}\n",
		"workflow.yaml": "on: push\njobs: {}\n",
	} {
		if _, ok := Load(name, []byte(src), Options{}); ok {
			t.Errorf("%s read as a template", name)
		}
	}
}

func TestV2(t *testing.T) {
	const src = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  HttpApi:
    Type: AWS::ApiGatewayV2::Api
    Properties: {Name: h, ProtocolType: HTTP}
  Integ:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref HttpApi
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Fn.Arn
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref HttpApi
      RouteKey: GET /items
      Target: !Join [/, [integrations, !Ref Integ]]
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref HttpApi
      StageName: $default
      DefaultRouteSettings: {ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10}
      RouteSettings:
        GET /items: {ThrottlingRateLimit: 1}
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties:
      DomainName: h.example.com
      DomainNameConfigurations:
        - {CertificateArn: arn:aws:acm:eu-west-1:1:certificate/x, EndpointType: REGIONAL, SecurityPolicy: TLS_1_2}
  Mapping:
    Type: AWS::ApiGatewayV2::ApiMapping
    Properties:
      ApiId: !Ref HttpApi
      DomainName: !Ref Domain
      Stage: !Ref Stage
`
	frag := mustLoad(t, "v2.yaml", src, Options{})
	noDiags(t, frag)
	api := frag.APIs[0]
	if api.Kind != model.KindHTTP || len(api.Methods) != 1 || api.Methods[0].Integration == nil || api.Methods[0].Path != "/items" {
		t.Fatalf("api = %+v", api)
	}
	st := frag.Stages[0]
	if st.Version != "v2" || len(st.Settings) != 2 || st.APILink == nil {
		t.Errorf("stage = %+v", st)
	}
	if d := frag.Domains[0]; d.Version != "v2" || !d.SecurityPolicy.Is("TLS_1_2") {
		t.Errorf("domain = %+v", d)
	}
	if m := frag.BasePathMappings[0]; m.Version != "v2" || m.StageLink == nil || m.DomainLink == nil || m.APILink == nil {
		t.Errorf("mapping = %+v", m)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(restYAML))
	f.Add([]byte(samYAML))
	f.Add([]byte("AWSTemplateFormatVersion: x\nResources: {A: {Type: AWS::ApiGateway::Method, Properties: {Integration: {IntegrationResponses: [{SelectionPattern: !Sub '${A}'}]}}}}\n"))
	f.Add([]byte(`{"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Body": {"swagger": "2.0", "paths": {"/": {"get": {}}}}}}}}`))
	f.Add([]byte("AWSTemplateFormatVersion: x\nParameters: {P: {Default: &a [*a]}}\nResources:\n  A: &r {Type: AWS::ApiGateway::Resource, Properties: {ParentId: !Ref A}}\n  B: *r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		frag, ok := Load("fuzz.yaml", src, Options{Roots: []string{"/nonexistent"}, WorkDir: "/nonexistent"})
		if !ok {
			return
		}
		for _, d := range frag.Diagnostics {
			if d.Range.Filename == "" || d.Severity == model.SeverityInvalid {
				t.Fatalf("diagnostic without range or severity: %+v", d)
			}
		}
	})
}

func parseRoot(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}
