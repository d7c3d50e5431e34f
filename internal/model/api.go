package model

import (
	"strconv"
	"strings"
)

// Where a model element was read from.
const (
	SourceOpenAPI        = "openapi"
	SourceTerraform      = "terraform"
	SourceCloudFormation = "cloudformation"
	SourceVTL            = "vtl"
)

// API kinds.
const (
	KindREST      = "rest"
	KindHTTP      = "http"
	KindWebSocket = "websocket"
)

// An API is a REST (v1) or HTTP/WebSocket (v2) API.
type API struct {
	ID     string `json:"id"`
	Range  Range  `json:"range"`
	Source string `json:"source"`
	Kind   string `json:"kind"`
	Name   *Value `json:"name,omitempty"`
	// Export is set for an OpenAPI document that carries
	// x-amazon-apigateway-* extensions: an API Gateway export or import file.
	Export bool `json:"export"`
	// Spec is the OpenAPI version ("2.0", "3.0.1", …) of a document.
	Spec                      string    `json:"spec,omitempty"`
	EndpointType              *Value    `json:"endpoint_type,omitempty"`
	DisableExecuteAPIEndpoint *Value    `json:"disable_execute_api_endpoint,omitempty"`
	Methods                   []*Method `json:"methods"`
	// Ref is the address of the Terraform or CloudFormation resource that
	// declares the API (`aws_api_gateway_rest_api.main`), when there is one.
	Ref string `json:"ref,omitempty"`
	// Body is the OpenAPI document linked to this API (a Terraform `body`),
	// whose methods are merged into Methods.
	BodyFile string `json:"body_file,omitempty"`
	// Policy is the API's resource policy document (JSON text when known):
	// Terraform `policy` or aws_api_gateway_rest_api_policy, CloudFormation
	// `Policy`, OpenAPI x-amazon-apigateway-policy. nil when there is none.
	Policy *Value `json:"policy,omitempty"`
	// PolicyKnown is false when a resource policy may be attached that the
	// loader could not tie to the API (an aws_api_gateway_rest_api_policy
	// with an unresolved rest_api_id, an API not declared in the tree).
	PolicyKnown bool `json:"policy_known"`
}

// A Method is an operation: a path and an HTTP verb (or ANY).
type Method struct {
	ID             string            `json:"id"`
	Range          Range             `json:"range"`
	Path           string            `json:"path"`
	Verb           string            `json:"verb"`
	Authorization  *Value            `json:"authorization,omitempty"`
	APIKeyRequired *Value            `json:"api_key_required,omitempty"`
	Responses      []*MethodResponse `json:"responses"`
	// ResponsesKnown is false when the method responses could not all be
	// read (an unresolved reference): rules then cannot say one is missing.
	ResponsesKnown bool         `json:"responses_known"`
	Integration    *Integration `json:"integration,omitempty"`
	Ref            string       `json:"ref,omitempty"`
	// BodyValidation says whether a request validator checks the body:
	// "true" or "false" when the method names a validator (or the API's
	// default one applies), unknown when the validator cannot be read, nil
	// when no validator applies.
	BodyValidation *Value `json:"body_validation,omitempty"`
}

// A MethodResponse is a status code the method declares.
type MethodResponse struct {
	Range      Range  `json:"range"`
	StatusCode *Value `json:"status_code"`
}

// Integration types, as the API spells them.
const (
	IntegrationAWS       = "AWS"
	IntegrationAWSProxy  = "AWS_PROXY"
	IntegrationHTTP      = "HTTP"
	IntegrationHTTPProxy = "HTTP_PROXY"
	IntegrationMock      = "MOCK"
)

// What a selection pattern is matched against.
const (
	SubjectUnknown      = ""
	SubjectStatusCode   = "status_code"   // HTTP, AWS services, MOCK
	SubjectErrorMessage = "error_message" // Lambda custom (non-proxy) integrations
	SubjectNone         = "none"          // proxy integrations: responses are not used
)

// An Integration is a method's backend.
type Integration struct {
	ID                  string                 `json:"id"`
	Range               Range                  `json:"range"`
	Type                *Value                 `json:"type,omitempty"`
	URI                 *Value                 `json:"uri,omitempty"`
	HTTPMethod          *Value                 `json:"http_method,omitempty"`
	PassthroughBehavior *Value                 `json:"passthrough_behavior,omitempty"`
	RequestTemplates    []*Template            `json:"request_templates,omitempty"`
	Responses           []*IntegrationResponse `json:"responses"`
	// ResponsesKnown is false when integration responses may exist that the
	// loader could not tie to this integration.
	ResponsesKnown bool    `json:"responses_known"`
	Fields         []Field `json:"-"`
	Ref            string  `json:"ref,omitempty"`
	// Subject is what selection patterns are matched against (Subject*),
	// derived from Type and URI by Classify.
	Subject string `json:"subject"`
	// InvocationType is the value mapped to the request header
	// X-Amz-Invocation-Type (`'Event'` makes a Lambda call asynchronous).
	InvocationType *Value `json:"invocation_type,omitempty"`
	// Async is set for a Lambda integration invoked asynchronously: the
	// function's errors never come back, so no pattern sees one.
	// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-integration-async.html
	Async bool `json:"async"`
	// ConnectionType is INTERNET (nil when not set) or VPC_LINK.
	ConnectionType *Value `json:"connection_type,omitempty"`
}

// TypeName returns the integration type in upper case, or "" when unknown.
func (i *Integration) TypeName() string {
	t, ok := i.Type.Get()
	if !ok {
		return ""
	}
	return strings.ToUpper(t)
}

// Classify derives Subject from the type and URI. A Lambda custom
// integration is an AWS integration whose URI invokes a Lambda function
// (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/…/invocations`);
// its selection patterns see the Lambda errorMessage, every other non-proxy
// integration's see the status code. See
// https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html
func (i *Integration) Classify() string {
	switch i.TypeName() {
	case IntegrationAWSProxy, IntegrationHTTPProxy:
		return SubjectNone
	case IntegrationHTTP, IntegrationMock:
		return SubjectStatusCode
	case IntegrationAWS:
		if i.URI == nil {
			return SubjectUnknown
		}
		text := i.URI.Text()
		if strings.Contains(text, ":lambda:path/") {
			return SubjectErrorMessage
		}
		ref := i.URI.Ref
		if strings.HasSuffix(ref, ".invoke_arn") &&
			(strings.HasPrefix(ref, "aws_lambda_function.") || strings.HasPrefix(ref, "aws_lambda_alias.")) {
			return SubjectErrorMessage
		}
		// A service action (`arn:aws:apigateway:{region}:sqs:path/…`,
		// `…:states:action/StartExecution`) sees the status code.
		if strings.HasPrefix(text, "arn:") && strings.Contains(text, ":apigateway:") && !strings.Contains(text, ":lambda:") {
			return SubjectStatusCode
		}
		return SubjectUnknown
	}
	return SubjectUnknown
}

// InvocationHeader is the request parameter that selects Lambda's
// invocation type.
const InvocationHeader = "integration.request.header.X-Amz-Invocation-Type"

// IsAsync reports whether the integration invokes Lambda asynchronously: the
// invocation type is mapped to the static value 'Event'.
func (i *Integration) IsAsync() bool {
	v, ok := i.InvocationType.Get()
	return ok && strings.EqualFold(strings.Trim(strings.TrimSpace(v), "'"), "Event")
}

// An IntegrationResponse maps a backend outcome, chosen by its selection
// pattern, to a method response.
type IntegrationResponse struct {
	ID    string `json:"id"`
	Range Range  `json:"range"`
	// Pattern is nil for the default response (no pattern, or the OpenAPI
	// key "default"). An empty known pattern is also the default.
	Pattern           *Value      `json:"pattern,omitempty"`
	StatusCode        *Value      `json:"status_code,omitempty"`
	ResponseTemplates []*Template `json:"response_templates,omitempty"`
	Fields            []Field     `json:"-"`
	Ref               string      `json:"ref,omitempty"`
	// Facts is what Go computed about the pattern for the policies.
	Facts *PatternFacts `json:"facts,omitempty"`
}

// IsDefault reports whether the response is the integration's default: no
// pattern, or an empty one.
func (r *IntegrationResponse) IsDefault() bool {
	if r.Pattern == nil {
		return true
	}
	p, ok := r.Pattern.Get()
	return ok && p == ""
}

// Status returns the known status code as a number.
func (r *IntegrationResponse) Status() (int, bool) { return StatusOf(r.StatusCode) }

// StatusOf reads a known three-digit status code.
func StatusOf(v *Value) (int, bool) {
	s, ok := v.Get()
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}

// PatternFacts are what Go knows about one selection pattern, precomputed so
// that Rego policies stay declarative.
type PatternFacts struct {
	Valid bool `json:"valid"`
	// MatchesEmpty: the pattern matches the empty string, so on a Lambda
	// integration it also takes every successful invocation.
	MatchesEmpty bool `json:"matches_empty"`
	// MatchesAllStatus: the pattern matches every status code 100–599.
	MatchesAllStatus bool `json:"matches_all_status"`
	// StatusCodes matched, as ranges like "400-499".
	StatusRanges []string `json:"status_ranges,omitempty"`
}

// Template sides.
const (
	SideRequest    = "request"
	SideResponse   = "response"
	SideStandalone = "standalone"
)

// A Template is a VTL mapping template.
type Template struct {
	ID          string `json:"id"`
	Range       Range  `json:"range"`
	Side        string `json:"side"`
	ContentType string `json:"content_type,omitempty"`
	Body        *Value `json:"body"`
	// Origin maps offsets of the template text to positions in the file
	// where the user sees it; nil when the text is the whole file.
	Origin *TextOrigin `json:"-"`
}

// A TextOrigin locates a string's characters in the file that holds it. For a
// block scalar or unescaped text, Start is the position of the first
// character and lines follow one another with Indent columns of indentation;
// for a quoted string with escapes, Offsets maps each byte of the decoded text
// to its position.
type TextOrigin struct {
	Start   Pos   `json:"start"`
	Indent  int   `json:"indent"`
	Offsets []Pos `json:"-"`
	// Exact is false when positions inside the text are approximate; rules
	// then report at Start.
	Exact bool `json:"exact"`
}
