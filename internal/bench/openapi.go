package bench

import (
	"fmt"
	"strings"
)

// An op is one generated operation.
type op struct {
	path, verb string
	kind       int // 0 Lambda custom, 1 HTTP, 2 AWS service (SQS), 3 Lambda proxy
	uri        string
	responses  []resp // integration responses; pattern "" is the default
}

type resp struct {
	pattern, status string
	defect          string // the rule that reports this response, if planted
}

var verbs = []string{"get", "post", "put", "delete"}

func (s *stack) operations() []op {
	var ops []op
	for j := range s.ops {
		o := op{path: fmt.Sprintf("/items%d/{id}", j/len(verbs)), verb: verbs[j%len(verbs)], kind: j % 4}
		switch o.kind {
		case 0:
			o.uri = fmt.Sprintf("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:s%d-op%d/invocations", s.i, j)
			o.responses = []resp{{"", "200", ""}, {`(\n|.)*\[BadRequest\](\n|.)*`, "400", ""}, {`(\n|.)+`, "500", ""}}
		case 1:
			o.uri = fmt.Sprintf("https://backend%d.example.com/items/{id}", s.i)
			o.responses = []resp{{"", "200", ""}, {`4\d{2}`, "400", ""}, {`5\d{2}`, "502", ""}}
			if s.defective && j == 1 {
				o.responses[2] = resp{`5\d{2`, "502", "APIGW101"}
			}
		case 2:
			o.uri = fmt.Sprintf("arn:aws:apigateway:eu-west-1:sqs:path/123456789012/queue%d", s.i)
			o.responses = []resp{{"", "200", ""}, {`4\d{2}`, "400", ""}, {`5\d{2}`, "502", ""}}
			if s.defective && j == 2 {
				o.responses = []resp{{"", "200", "APIGW103"}}
			}
		default:
			o.uri = fmt.Sprintf("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:s%d-proxy%d/invocations", s.i, j)
		}
		ops = append(ops, o)
	}
	return ops
}

func (o op) integrationType() string {
	return [...]string{"aws", "http", "aws", "aws_proxy"}[o.kind]
}

func (o op) httpMethod() string {
	if o.kind == 1 {
		return strings.ToUpper(o.verb)
	}
	return "POST"
}

// yamlExport writes an OpenAPI 3 or Swagger 2 export in YAML.
func (s *stack) yamlExport(name string, v3 bool) file {
	w := &writer{}
	if v3 {
		w.p("openapi: 3.0.1")
	} else {
		w.p(`swagger: "2.0"`)
	}
	w.p("info:\n  title: stack-%04d\n  version: \"2024-01-01\"", s.i)
	w.p("x-amazon-apigateway-request-validators:\n  all:\n    validateRequestBody: true\n    validateRequestParameters: true")
	w.p("x-amazon-apigateway-request-validator: all")
	w.p("paths:")
	last := ""
	for _, o := range s.operations() {
		if o.path != last {
			w.p("  %s:", o.path)
			last = o.path
		}
		w.p("    %s:", o.verb)
		w.p("      operationId: %s%s", o.verb, strings.NewReplacer("/", "", "{", "", "}", "").Replace(o.path))
		w.p("      parameters:\n        - name: id\n          in: path\n          required: true")
		if v3 {
			w.p("          schema:\n            type: string")
		} else {
			w.p("          type: string")
		}
		w.p("      responses:")
		for _, c := range []string{"200", "400", "500", "502"} {
			w.p("        \"%s\":\n          description: status %s", c, c)
		}
		w.p("      x-amazon-apigateway-integration:")
		w.p("        type: %s\n        httpMethod: %s\n        uri: %s", o.integrationType(), o.httpMethod(), o.uri)
		if o.kind == 0 || o.kind == 2 {
			w.p("        passthroughBehavior: when_no_templates\n        requestTemplates:\n          application/json: |")
			w.p(`            {"id": "$util.escapeJavaScript($input.params('id'))", "requestId": "$context.requestId", "body": $input.json('$')}`)
		}
		if len(o.responses) > 0 {
			w.p("        responses:")
			for _, r := range o.responses {
				key := "default"
				if r.pattern != "" {
					key = `"` + strings.ReplaceAll(r.pattern, `\`, `\\`) + `"`
				}
				if r.defect != "" {
					w.defect(r.defect)
				}
				w.p("          %s:\n            statusCode: \"%s\"", key, r.status)
			}
		}
	}
	return file{name: name, body: w.b.String(), defects: w.defects}
}

// jsonExport writes the same export as JSON, one key per line.
func (s *stack) jsonExport(name string, v3 bool) file {
	w := &writer{}
	w.p("{")
	if v3 {
		w.p(`  "openapi": "3.0.1",`)
	} else {
		w.p(`  "swagger": "2.0",`)
	}
	w.p(`  "info": {"title": "stack-%04d", "version": "2024-01-01"},`, s.i)
	w.p(`  "x-amazon-apigateway-request-validators": {"all": {"validateRequestBody": true, "validateRequestParameters": true}},`)
	w.p(`  "x-amazon-apigateway-request-validator": "all",`)
	w.p(`  "paths": {`)
	ops := s.operations()
	for k := 0; k < len(ops); {
		path := ops[k].path
		w.p(`    "%s": {`, path)
		first := true
		for ; k < len(ops) && ops[k].path == path; k++ {
			o := ops[k]
			if !first {
				w.p("      ,")
			}
			first = false
			w.p(`      "%s": {`, o.verb)
			if v3 {
				w.p(`        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],`)
			} else {
				w.p(`        "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],`)
			}
			w.p(`        "responses": {"200": {"description": "ok"}, "400": {"description": "bad"}, "500": {"description": "failed"}, "502": {"description": "backend"}},`)
			w.p(`        "x-amazon-apigateway-integration": {`)
			w.p(`          "type": "%s", "httpMethod": "%s", "uri": "%s"`, o.integrationType(), o.httpMethod(), o.uri)
			if o.kind == 0 || o.kind == 2 {
				w.p(`          , "passthroughBehavior": "when_no_templates"`)
				w.p(`          , "requestTemplates": {"application/json": "{\"id\": \"$util.escapeJavaScript($input.params('id'))\", \"body\": $input.json('$')}"}`)
			}
			if len(o.responses) > 0 {
				w.p(`          , "responses": {`)
				for n, r := range o.responses {
					key := "default"
					if r.pattern != "" {
						key = strings.ReplaceAll(r.pattern, `\`, `\\`)
					}
					sep := ","
					if n == len(o.responses)-1 {
						sep = ""
					}
					if r.defect != "" {
						w.defect(r.defect)
					}
					w.p(`            "%s": {"statusCode": "%s"}%s`, key, r.status, sep)
				}
				w.p("          }")
			}
			w.p("        }")
			w.p("      }")
		}
		if k < len(ops) {
			w.p("    },")
		} else {
			w.p("    }")
		}
	}
	w.p("  }")
	w.p("}")
	return file{name: name, body: w.b.String(), defects: w.defects}
}

// template writes a standalone request template.
func (s *stack) template(name string) file {
	w := &writer{}
	w.p("## Request template for the orders queue of stack %d.", s.i)
	w.p("#set($body = $input.path('$'))")
	w.p("{")
	w.p(`  "QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/queue%d",`, s.i)
	w.p(`  "MessageBody": "$util.escapeJavaScript($input.body)",`)
	w.p(`  "MessageAttributes": {`)
	w.p(`    "requestId": {"DataType": "String", "StringValue": "$context.requestId"}`)
	w.p("  }")
	w.p("}")
	return file{name: name, body: w.b.String()}
}
