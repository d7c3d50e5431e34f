package cloudformation

import (
	"reflect"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// terraformKinds names each CloudFormation type by the Terraform resource
// type of the same thing. Links carry these names, so that every rule and
// policy reads one vocabulary whatever format the tree is written in; the
// attribute names are mapped the same way (attrNames).
var terraformKinds = map[string]string{
	"AWS::ApiGateway::RestApi":             "aws_api_gateway_rest_api",
	"AWS::ApiGateway::Stage":               "aws_api_gateway_stage",
	"AWS::ApiGateway::Deployment":          "aws_api_gateway_deployment",
	"AWS::ApiGateway::DomainName":          "aws_api_gateway_domain_name",
	"AWS::ApiGateway::BasePathMapping":     "aws_api_gateway_base_path_mapping",
	"AWS::ApiGateway::UsagePlan":           "aws_api_gateway_usage_plan",
	"AWS::ApiGateway::ApiKey":              "aws_api_gateway_api_key",
	"AWS::ApiGatewayV2::Api":               "aws_apigatewayv2_api",
	"AWS::ApiGatewayV2::Stage":             "aws_apigatewayv2_stage",
	"AWS::ApiGatewayV2::DomainName":        "aws_apigatewayv2_domain_name",
	"AWS::ApiGatewayV2::ApiMapping":        "aws_apigatewayv2_api_mapping",
	"AWS::CertificateManager::Certificate": "aws_acm_certificate",
	"AWS::CloudFront::Distribution":        "aws_cloudfront_distribution",
	"AWS::Route53::RecordSet":              "aws_route53_record",
	"AWS::Serverless::Api":                 "aws_api_gateway_rest_api",
	"AWS::Serverless::HttpApi":             "aws_apigatewayv2_api",
	"AWS::Lambda::Function":                "aws_lambda_function",
	"AWS::WAFv2::WebACLAssociation":        "aws_wafv2_web_acl_association",
	"AWS::ApiGateway::ClientCertificate":   "aws_api_gateway_client_certificate",
	"AWS::ApiGateway::Authorizer":          "aws_api_gateway_authorizer",
	"AWS::ApiGatewayV2::Authorizer":        "aws_apigatewayv2_authorizer",
	"AWS::ApiGateway::UsagePlanKey":        "aws_api_gateway_usage_plan_key",
	"AWS::Route53::RecordSetGroup":         "aws_route53_record",
}

// refIsID lists the types whose Ref is their ID, as Terraform's `.id`.
var refIsID = map[string]bool{
	"aws_api_gateway_rest_api":   true,
	"aws_apigatewayv2_api":       true,
	"aws_api_gateway_deployment": true,
}

// normalizeLinks renames the kinds (and a Ref's empty attribute) of every
// link in a fragment to the Terraform vocabulary.
func normalizeLinks(frag *model.Fragment) {
	seen := map[uintptr]bool{}
	walkLinks(reflect.ValueOf(frag), seen, func(l *model.Link) {
		if k := terraformKinds[l.Kind]; k != "" {
			l.Kind = k
		}
		if l.Attribute == "" && refIsID[l.Kind] {
			l.Attribute = "id"
		}
	})
}

var linkType = reflect.TypeFor[model.Link]()

func walkLinks(v reflect.Value, seen map[uintptr]bool, fn func(*model.Link)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if v.Elem().Type() == linkType {
			fn(v.Interface().(*model.Link))
			return
		}
		walkLinks(v.Elem(), seen, fn)
	case reflect.Interface:
		if !v.IsNil() {
			walkLinks(v.Elem(), seen, fn)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkLinks(v.Field(i), seen, fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkLinks(v.Index(i), seen, fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkLinks(iter.Value(), seen, fn)
		}
	}
}
