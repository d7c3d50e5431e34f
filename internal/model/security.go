package model

// An Authorizer is a REST (v1) or v2 authorizer: a Terraform
// aws_api_gateway_authorizer / aws_apigatewayv2_authorizer, a CloudFormation
// AWS::ApiGateway::Authorizer, or an OpenAPI security scheme with
// x-amazon-apigateway-authorizer.
type Authorizer struct {
	ID      string `json:"id"`
	Range   Range  `json:"range"`
	Source  string `json:"source"`
	Ref     string `json:"ref,omitempty"`
	Version string `json:"version"` // "v1" or "v2"
	Name    *Value `json:"name,omitempty"`
	// Type as the API spells it: TOKEN, REQUEST, COGNITO_USER_POOLS (REST),
	// REQUEST, JWT (v2). OpenAPI's lower-case spellings are upper-cased.
	Type *Value `json:"type,omitempty"`
	// TTL is the result cache time in seconds; nil when not set.
	TTL *Value `json:"ttl,omitempty"`
	// IdentitySource is the identity source expression as written (comma
	// separated for REQUEST authorizers); nil when not set and the format
	// has no default.
	IdentitySource *Value `json:"identity_source,omitempty"`
	// ProviderARNs are the Cognito user pools of a COGNITO_USER_POOLS
	// authorizer; ProviderARNsKnown is false when the list itself is unknown.
	ProviderARNs      []*Value `json:"provider_arns,omitempty"`
	ProviderARNsKnown bool     `json:"provider_arns_known"`
	API               *Value   `json:"api,omitempty"`
	APILink           *Link    `json:"api_link,omitempty"`
}

// A LambdaPermission is a resource-based permission on a Lambda function
// (aws_lambda_permission, AWS::Lambda::Permission).
type LambdaPermission struct {
	ID        string `json:"id"`
	Range     Range  `json:"range"`
	Source    string `json:"source"`
	Ref       string `json:"ref,omitempty"`
	Principal *Value `json:"principal,omitempty"`
	Action    *Value `json:"action,omitempty"`
	// SourceARN is nil when the permission has none.
	SourceARN *Value `json:"source_arn,omitempty"`
}

// A WAFAssociation attaches a web ACL to a resource
// (aws_wafv2_web_acl_association, aws_wafregional_web_acl_association,
// AWS::WAFv2::WebACLAssociation).
type WAFAssociation struct {
	ID          string `json:"id"`
	Range       Range  `json:"range"`
	Source      string `json:"source"`
	Ref         string `json:"ref,omitempty"`
	ResourceARN *Value `json:"resource_arn,omitempty"`
	// Target links the resource the ARN reads (a stage), when it reads one
	// declared in the tree.
	Target *Link `json:"target,omitempty"`
}
