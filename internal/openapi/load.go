// Package openapi reads Swagger 2.0 and OpenAPI 3.x documents, JSON or YAML,
// with their x-amazon-apigateway-* extensions, into the model.
//
// Real API Gateway exports are messier than the specification: status codes
// written as integers, CloudFormation intrinsics where a string belongs,
// dangling $refs. A strict decoder rejects about one in six of them, and would
// lose every API Gateway finding in those files. So the API Gateway parts are
// read from the document's node tree, tolerant of all that, and kin-openapi
// validates the document on the side: its complaints are APIGW007 notes.
package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Diagnostic rule IDs of loading.
const (
	RuleParse      = "APIGW001" // the file or an extension cannot be read
	RuleNotOpenAPI = "APIGW007" // kin-openapi's validation complaints
)

// Options tune Load.
type Options struct {
	// SkipValidation turns off kin-openapi's validation (APIGW007).
	SkipValidation bool
}

// Load reads one document. It returns ok=false, and no fragment, when src is
// not an OpenAPI document (no top-level `openapi: 3.x` or `swagger: "2.0"`).
// Problems in the document are diagnostics in the fragment, never an error.
func Load(filename string, src []byte) (frag *model.Fragment, ok bool) {
	return LoadWith(filename, src, Options{})
}

// LoadWith is Load with options.
func LoadWith(filename string, src []byte, opts Options) (frag *model.Fragment, ok bool) {
	frag, ok, wait := LoadDeferred(filename, src, opts)
	if frag != nil {
		frag.Diagnostics = append(frag.Diagnostics, wait()...)
	}
	return frag, ok
}

// LoadDeferred is LoadWith that returns before kin-openapi's validation is
// done, so that a large export's validation can overlap the rules: wait
// blocks until it is and returns its APIGW007 finding, if any. The
// validation reads only the document's parse tree, never the fragment, so
// the fragment may be used meanwhile. wait is never nil.
func LoadDeferred(filename string, src []byte, opts Options) (frag *model.Fragment, ok bool, wait func() []model.Finding) {
	wait = func() []model.Finding { return nil }
	d := &doc{filename: filename, lines: model.NewLineIndex(src)}
	var top yaml.Node
	err := yamltree.Parse(src, &top)
	if fixed := UnescapeSolidus(src); err != nil && fixed != nil {
		if yamltree.Parse(fixed, &top) == nil {
			src, err = fixed, nil
			d.lines = model.NewLineIndex(src)
		}
	}
	if err != nil {
		if !Sniff(src) {
			return nil, false, wait
		}
		frag := &model.Fragment{}
		f := parseError(d, err)
		if yamltree.DepthError(err) {
			f.RuleID, f.Severity = RuleTooLarge, model.SeverityWarning
			f.Message = "the document nests deeper than the parser's cap: it is not checked; flatten it, or exclude the file"
		}
		frag.Diagnostics = append(frag.Diagnostics, f)
		return frag, true, wait
	}
	if len(top.Content) == 0 || !yamltree.IsMap(top.Content[0]) {
		return nil, false, wait
	}
	d.root = top.Content[0]
	spec, isDoc := version(d.root)
	if !isDoc {
		return nil, false, wait
	}
	if f, ok := TooLarge(filename, d.lines, &top); !ok {
		return &model.Fragment{Diagnostics: []model.Finding{f}}, true, wait
	}
	// kin-openapi validates a copy of the tree while the loader reads it
	// (neither writes to it): a single large export takes the time of the
	// longer of the two, not of both.
	var kinErr error
	var wg sync.WaitGroup
	if !opts.SkipValidation {
		wg.Go(func() { kinErr = kinValidate(&top, src, spec) })
	}
	api := d.readAPI(spec)
	frag = &model.Fragment{APIs: []*model.API{api}, Authorizers: d.authorizers}
	frag.Ignores = d.ignores(d.root, nil, 0)
	if !bytes.HasPrefix(bytes.TrimSpace(src), []byte("{")) {
		// JSON decoders keep the last of duplicate keys too, but a JSON
		// document is rarely edited by hand: YAML only, as for templates.
		dups := DuplicateKeys(d.filename, d.lines, &top)
		d.diags = append(d.diags, dups...)
	}
	frag.Diagnostics = d.diags
	wait = sync.OnceValue(func() []model.Finding {
		wg.Wait()
		late := &doc{filename: d.filename, lines: d.lines, root: d.root}
		late.reportInvalid(kinErr)
		return late.diags
	})
	return frag, true, wait
}

// Sniff reports whether src looks like an OpenAPI document by its first
// top-level keys, for files that do not parse.
func Sniff(src []byte) bool {
	for _, line := range bytes.SplitN(src, []byte("\n"), 200) {
		s := strings.TrimSpace(strings.TrimPrefix(string(line), "{"))
		s = strings.Trim(s, `"'`)
		if strings.HasPrefix(s, "openapi") || strings.HasPrefix(s, "swagger") {
			rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(s, "openapi"), "swagger"), `"' `)
			if strings.HasPrefix(rest, ":") {
				return true
			}
		}
	}
	return false
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseError positions a syntax error. A JSON file is re-read with
// encoding/json, whose error has the exact offset: yaml.v3 names the line
// where the enclosing object opened, which in JSON can be line 1.
func parseError(d *doc, err error) model.Finding {
	src := d.src()
	if trimmed := bytes.TrimSpace(src); len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		var v any
		var se *json.SyntaxError
		if jerr := json.Unmarshal(src, &v); errors.As(jerr, &se) {
			off := int(se.Offset) - 1
			if off < 0 {
				off = 0
			}
			p := d.lines.Pos(off)
			return model.Finding{
				RuleID:   RuleParse,
				Severity: model.SeverityError,
				Message:  fmt.Sprintf("file cannot be parsed: %s; fix the syntax so the file can be checked", se.Error()),
				Range:    model.Range{Filename: d.filename, Start: p, End: p},
			}
		}
	}
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 reports a parser error at its context mark, counted from
		// 0, and a scanner error at the problem, counted from 1. Parser
		// errors are the "did not find expected …" ones; their context is
		// where the unclosed construct starts.
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	pos := d.lines.At(line, 1)
	r := model.Range{Filename: d.filename, Start: pos, End: pos}
	return model.Finding{
		RuleID:   RuleParse,
		Severity: model.SeverityError,
		Message:  fmt.Sprintf("file cannot be parsed: %s; fix the syntax so the file can be checked", msg),
		Range:    r,
	}
}

// version returns the document's OpenAPI or Swagger version.
func version(root *yaml.Node) (string, bool) {
	if v, _ := yamltree.Get(root, "openapi"); v != nil && v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "3") {
		return v.Value, true
	}
	if v, _ := yamltree.Get(root, "swagger"); v != nil && v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "2") {
		return v.Value, true
	}
	return "", false
}

// verbs are the operation keys of a path item.
var verbs = map[string]string{
	"get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS",
	"head": "HEAD", "patch": "PATCH", "trace": "TRACE",
	"x-amazon-apigateway-any-method": "ANY",
}

func (d *doc) readAPI(spec string) *model.API {
	api := &model.API{
		ID:     "openapi:" + d.filename,
		Source: model.SourceOpenAPI,
		Kind:   model.KindREST,
		Spec:   spec,
		Range:  d.rangeOf(d.root.Content[0]),
	}
	defer d.readSecurity(api) // once the methods are read
	if info, _ := yamltree.Get(d.root, "info"); info != nil {
		if t, _ := yamltree.Get(info, "title"); t != nil {
			api.Name = d.value(t)
		}
	}
	api.Export = hasExtensions(d.root, 0)
	if isHTTPAPI(d.root) {
		api.Kind = model.KindHTTP
	}
	if ec, _ := yamltree.Get(d.root, "x-amazon-apigateway-endpoint-configuration"); ec != nil {
		if v, _ := yamltree.Get(ec, "disableExecuteApiEndpoint"); v != nil {
			api.DisableExecuteAPIEndpoint = d.value(v)
		}
	}
	if servers, _ := yamltree.Get(d.root, "servers"); servers != nil && servers.Kind == yaml.SequenceNode {
		for _, s := range servers.Content {
			if ec, _ := yamltree.Get(s, "x-amazon-apigateway-endpoint-configuration"); ec != nil {
				if v, _ := yamltree.Get(ec, "disableExecuteApiEndpoint"); v != nil {
					api.DisableExecuteAPIEndpoint = d.value(v)
				}
			}
		}
	}
	paths, pathsKey := yamltree.Get(d.root, "paths")
	if paths == nil {
		return api
	}
	if !yamltree.IsMap(paths) {
		d.report(RuleParse, model.SeverityError, pathsKey, "%q must be a map of paths; the API's operations cannot be read", "paths")
		return api
	}
	for _, p := range yamltree.Pairs(paths) {
		path, item := p[0].Value, p[1]
		if !yamltree.IsMap(item) {
			continue
		}
		for _, op := range yamltree.Pairs(item) {
			verb, isVerb := verbs[op[0].Value]
			if !isVerb {
				continue
			}
			if !yamltree.IsMap(op[1]) {
				d.report(RuleParse, model.SeverityError, op[0], "operation %s %s must be a map; it cannot be read", verb, path)
				continue
			}
			api.Methods = append(api.Methods, d.readMethod(path, verb, op[0], op[1]))
		}
	}
	return api
}

// isHTTPAPI reports whether a document describes an HTTP API (v2): it
// carries extensions that only HTTP APIs read, or integrations with a
// payloadFormatVersion.
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api.html
func isHTTPAPI(root *yaml.Node) bool {
	for _, key := range []string{"x-amazon-apigateway-cors", "x-amazon-apigateway-importexport-version"} {
		if v, _ := yamltree.Get(root, key); v != nil {
			return true
		}
	}
	if comps, _ := yamltree.Get(root, "components"); comps != nil {
		if v, _ := yamltree.Get(comps, "x-amazon-apigateway-integrations"); v != nil {
			return true
		}
	}
	paths, _ := yamltree.Get(root, "paths")
	for _, p := range yamltree.Pairs(paths) {
		for _, op := range yamltree.Pairs(p[1]) {
			if in, _ := yamltree.Get(op[1], "x-amazon-apigateway-integration"); in != nil {
				if v, _ := yamltree.Get(in, "payloadFormatVersion"); v != nil {
					return true
				}
			}
		}
	}
	return false
}

// hasExtensions reports whether the tree carries x-amazon-apigateway-* keys
// at the root or in an operation.
func hasExtensions(n *yaml.Node, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, p := range yamltree.Pairs(n) {
		if strings.HasPrefix(p[0].Value, "x-amazon-apigateway-") {
			return true
		}
		if (depth == 0 && (p[0].Value == "paths" || p[0].Value == "components")) || depth > 0 {
			if hasExtensions(p[1], depth+1) {
				return true
			}
		}
	}
	return false
}

func (d *doc) readMethod(path, verb string, key, op *yaml.Node) *model.Method {
	m := &model.Method{
		ID:             fmt.Sprintf("openapi:%s#%s %s", d.filename, verb, path),
		Range:          d.rangeOf(key),
		Path:           path,
		Verb:           verb,
		ResponsesKnown: true,
	}
	if auth, _ := yamltree.Get(op, "x-amazon-apigateway-auth"); auth != nil {
		if t, _ := yamltree.Get(auth, "type"); t != nil {
			m.Authorization = d.value(t)
		}
	}
	if resps, rk := yamltree.Get(op, "responses"); resps != nil {
		if !yamltree.IsMap(resps) {
			m.ResponsesKnown = false
			d.report(RuleParse, model.SeverityError, rk, "responses of %s %s must be a map of status codes", verb, path)
		}
		for _, p := range yamltree.Pairs(resps) {
			if _, _, isIntrinsic := intrinsic(p[1]); isIntrinsic || p[0].Value == "$ref" {
				m.ResponsesKnown = false
				continue
			}
			m.Responses = append(m.Responses, &model.MethodResponse{
				Range:      d.rangeOf(p[0]),
				StatusCode: d.value(p[0]),
			})
		}
	}
	integ, ik := yamltree.Get(op, "x-amazon-apigateway-integration")
	if integ == nil {
		return m
	}
	if ref, _ := yamltree.Get(integ, "$ref"); ref != nil {
		integ = d.resolveRef(ref)
		if integ == nil {
			// A dangling reference: an integration exists, we cannot read it.
			m.Integration = &model.Integration{ID: m.ID + "#integration", Range: d.rangeOf(ik)}
			return m
		}
	}
	if !yamltree.IsMap(integ) {
		if _, _, isIntrinsic := intrinsic(integ); !isIntrinsic {
			d.report(RuleParse, model.SeverityError, integ,
				"x-amazon-apigateway-integration of %s %s must be a map; it cannot be read", verb, path)
		}
		m.Integration = &model.Integration{ID: m.ID + "#integration", Range: d.rangeOf(ik)}
		return m
	}
	m.Integration = d.readIntegration(m, ik, integ)
	return m
}

// resolveRef follows a local JSON pointer (`#/components/x-…/name`).
func (d *doc) resolveRef(ref *yaml.Node) *yaml.Node {
	if ref.Kind != yaml.ScalarNode || !strings.HasPrefix(ref.Value, "#/") {
		return nil
	}
	n := d.root
	for _, part := range strings.Split(strings.TrimPrefix(ref.Value, "#/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		n, _ = yamltree.Get(n, part)
		if n == nil {
			return nil
		}
	}
	return n
}

func (d *doc) readIntegration(m *model.Method, key, n *yaml.Node) *model.Integration {
	in := &model.Integration{
		ID:             m.ID + "#integration",
		Range:          d.rangeOf(key),
		ResponsesKnown: true,
	}
	for _, p := range yamltree.Pairs(n) {
		k, v := p[0], p[1]
		in.Fields = append(in.Fields, model.Field{Name: k.Value, Range: d.rangeOf(k)})
		switch k.Value {
		case "type":
			in.Type = d.value(v)
		case "uri":
			in.URI = d.value(v)
		case "httpMethod":
			in.HTTPMethod = d.value(v)
		case "passthroughBehavior":
			in.PassthroughBehavior = d.value(v)
		case "requestParameters":
			if h, _ := yamltree.Get(v, model.InvocationHeader); h != nil {
				in.InvocationType = d.value(h)
			}
		case "requestTemplates":
			in.RequestTemplates = d.templates(in.ID+"#request", model.SideRequest, k, v)
		case "responses":
			if _, _, isIntrinsic := intrinsic(v); isIntrinsic {
				in.ResponsesKnown = false
				continue
			}
			if !yamltree.IsMap(v) {
				in.ResponsesKnown = false
				d.report(RuleParse, model.SeverityError, k,
					"responses of the integration of %s %s must be a map keyed by selection pattern; they cannot be read", m.Verb, m.Path)
				continue
			}
			for _, rp := range yamltree.Pairs(v) {
				in.Responses = append(in.Responses, d.readResponse(in, rp[0], rp[1]))
			}
		}
	}
	return in
}

func (d *doc) readResponse(in *model.Integration, key, n *yaml.Node) *model.IntegrationResponse {
	r := &model.IntegrationResponse{
		ID:    in.ID + "#response " + key.Value,
		Range: d.rangeOf(key),
	}
	// The key is the selection pattern; "default" is the default response.
	// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html
	if key.Value != "default" {
		r.Pattern = d.value(key)
	}
	if !yamltree.IsMap(n) {
		if _, _, isIntrinsic := intrinsic(n); !isIntrinsic {
			d.report(RuleParse, model.SeverityError, key,
				"integration response \"%s\" must be a map with a statusCode; it cannot be read", key.Value)
		}
		return r
	}
	for _, p := range yamltree.Pairs(n) {
		k, v := p[0], p[1]
		r.Fields = append(r.Fields, model.Field{Name: k.Value, Range: d.rangeOf(k)})
		switch k.Value {
		case "statusCode":
			r.StatusCode = d.value(v)
		case "responseTemplates":
			r.ResponseTemplates = d.templates(r.ID, model.SideResponse, k, v)
		}
	}
	return r
}

// templates reads a map of content type to mapping template.
func (d *doc) templates(id, side string, key, n *yaml.Node) []*model.Template {
	if !yamltree.IsMap(n) {
		if _, _, isIntrinsic := intrinsic(n); !isIntrinsic && n != nil {
			d.report(RuleParse, model.SeverityError, key, "%s must be a map of content type to template", key.Value)
		}
		return nil
	}
	var out []*model.Template
	for _, p := range yamltree.Pairs(n) {
		t := &model.Template{
			ID:          id + "#template " + p[0].Value,
			Range:       d.rangeOf(p[1]),
			Side:        side,
			ContentType: p[0].Value,
			Body:        d.value(p[1]),
			Origin:      d.origin(p[1]),
		}
		out = append(out, t)
	}
	return out
}

// origin locates a template's text in the file. A block scalar's text starts
// on the next line at its indentation; a single-line string without escapes
// starts after its quote. Other strings are positioned at their start only.
func (d *doc) origin(n *yaml.Node) *model.TextOrigin {
	if n == nil || n.Kind != yaml.ScalarNode {
		return nil
	}
	start := d.lines.At(n.Line, n.Column)
	switch n.Style {
	case yaml.LiteralStyle:
		// The content starts on the line after the indicator; find its indent.
		off := d.lines.Offset(n.Line+1, 1)
		src := d.src()
		indent := 0
		for off+indent < len(src) && src[off+indent] == ' ' {
			indent++
		}
		s := d.lines.At(n.Line+1, indent+1)
		return &model.TextOrigin{Start: s, Indent: indent, Exact: true}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		s := d.lines.At(n.Line, n.Column+1)
		exact := !strings.Contains(n.Value, "\n") && d.quotedWidth(n) == len([]rune(n.Value))+2
		return &model.TextOrigin{Start: s, Exact: exact}
	case 0:
		return &model.TextOrigin{Start: start, Exact: !strings.Contains(n.Value, "\n")}
	}
	return &model.TextOrigin{Start: start}
}
