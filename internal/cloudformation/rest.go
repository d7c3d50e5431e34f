package cloudformation

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/openapi"
)

// restAPIs builds REST APIs (AWS::ApiGateway::RestApi, AWS::Serverless::Api)
// with the methods of their OpenAPI body and of AWS::ApiGateway::Method
// resources.
func (t *tpl) restAPIs() {
	for _, r := range t.byType("AWS::ApiGateway::RestApi", "AWS::Serverless::Api") {
		api := &model.API{
			ID: r.id, Range: t.def(r), Source: model.SourceCloudFormation, Kind: model.KindREST, Ref: r.name,
			Name:                      t.val(t.prop(r, "Name")),
			DisableExecuteAPIEndpoint: t.val(t.prop(r, "DisableExecuteApiEndpoint")),
			Methods:                   []*model.Method{},
		}
		ec := t.prop(r, "EndpointConfiguration")
		if r.typ == "AWS::Serverless::Api" {
			// SAM: a string, or {Type, VPCEndpointIds}.
			if yamltree.IsMap(ec) {
				api.EndpointType = t.val(yamltree.Path(ec, "Type"))
			} else {
				api.EndpointType = t.val(ec)
			}
			t.body(api, t.prop(r, "DefinitionBody"))
			t.definitionURI(api, t.prop(r, "DefinitionUri"))
		} else {
			if types, _, _ := t.list(yamltree.Path(ec, "Types")); len(types) > 0 {
				api.EndpointType = types[0]
			}
			t.body(api, t.prop(r, "Body"))
		}
		t.apis[r.name] = api
		t.frag.APIs = append(t.frag.APIs, api)
	}
	t.methods()
}

// body reads an OpenAPI body: inline (positions in the template), or pulled
// in with Fn::Transform AWS::Include from a local file.
func (t *tpl) body(api *model.API, n *yaml.Node) {
	n = yamltree.Deref(n)
	if n == nil {
		return
	}
	if name, arg, ok := intrinsic(n); ok {
		if name == "Fn::Transform" {
			t.include(api, arg)
		}
		return
	}
	if !yamltree.IsMap(n) {
		return
	}
	frag := openapi.LoadNode(t.filename, t.lines, n)
	// The document's IDs name the template; make them name the API.
	old := "openapi:" + t.filename
	for _, fa := range frag.APIs {
		for _, m := range fa.Methods {
			renameMethod(m, old, api.ID+".Body")
		}
	}
	api.BodyFile = t.filename
	t.merge(api, frag)
}

// include reads `Fn::Transform: {Name: AWS::Include, Parameters: {Location}}`
// when the location is a local file.
func (t *tpl) include(api *model.API, arg *yaml.Node) {
	if name := t.val(yamltree.Path(arg, "Name")); !name.Is("AWS::Include") {
		return
	}
	locNode := yamltree.Path(arg, "Parameters", "Location")
	loc := t.val(locNode)
	if s, ok := loc.Get(); ok {
		t.localBody(api, s, locNode)
	}
}

// definitionURI reads a SAM DefinitionUri that names a local file; an S3
// location ({Bucket, Key} or s3://) is not read.
func (t *tpl) definitionURI(api *model.API, n *yaml.Node) {
	n = yamltree.Deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return
	}
	if s, ok := t.val(n).Get(); ok {
		t.localBody(api, s, n)
	}
}

// localBody loads the OpenAPI document at location and merges its methods
// into api. `aws cloudformation package` and `sam build` read a local
// location relative to the template's directory; some repositories run them
// from the repository root, so a scan root is tried next. A location that
// names no file in either place (the file is generated at build time, or
// the location is a placeholder) leaves the definition unknown, silently.
func (t *tpl) localBody(api *model.API, location string, at *yaml.Node) {
	if location == "" || strings.Contains(location, "://") || strings.Contains(location, "${") {
		return
	}
	wd := t.opts.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	self := t.filename
	if !filepath.IsAbs(self) {
		self = filepath.Join(wd, filepath.FromSlash(self))
	}
	roots := t.opts.Roots
	if len(roots) == 0 {
		roots = []string{filepath.Dir(self)}
	}
	within := func(file string) bool {
		for _, root := range roots {
			if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var file string
	outside := !within(filepath.Clean(filepath.Join(filepath.Dir(self), filepath.FromSlash(location))))
	for _, base := range append([]string{filepath.Dir(self)}, roots...) {
		cand := filepath.Clean(filepath.Join(base, filepath.FromSlash(location)))
		if !within(cand) {
			continue
		}
		if info, err := os.Stat(cand); err == nil && info.Mode().IsRegular() {
			file = cand
			break
		}
	}
	if file == "" {
		if outside {
			t.report(DiagOutsideRoots, model.SeverityWarning, at,
				"%q is outside the scanned directories and is not read, so the API's definition is not checked; scan a directory that contains it", location)
		}
		return
	}
	read := os.ReadFile
	if t.opts.ReadFile != nil {
		read = t.opts.ReadFile
	}
	src, err := read(file)
	if err != nil {
		t.report(DiagParse, model.SeverityError, at, "the API definition %q cannot be read: %v", location, errors.Unwrap(err))
		return
	}
	if len(src) > maxFileSize {
		t.report(DiagParse, model.SeverityError, at, "the API definition %q is larger than %d MB and is not read", location, maxFileSize>>20)
		return
	}
	disp := filepath.ToSlash(file)
	if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
		disp = filepath.ToSlash(rel)
	}
	frag, ok := openapi.LoadWith(disp, src, openapi.Options{SkipValidation: true})
	if !ok || frag == nil {
		return
	}
	api.BodyFile = disp
	t.merge(api, frag)
}

// merge adds the methods of an OpenAPI fragment to api; the resource's own
// properties win over the document's extensions.
func (t *tpl) merge(api *model.API, frag *model.Fragment) {
	for _, fa := range frag.APIs {
		api.Methods = append(api.Methods, fa.Methods...)
		api.Export = api.Export || fa.Export
		if api.Spec == "" {
			api.Spec = fa.Spec
		}
		if api.Name == nil {
			api.Name = fa.Name
		}
		if api.EndpointType == nil {
			api.EndpointType = fa.EndpointType
		}
		if api.DisableExecuteAPIEndpoint == nil {
			api.DisableExecuteAPIEndpoint = fa.DisableExecuteAPIEndpoint
		}
		if api.Policy == nil {
			api.Policy = fa.Policy // the Policy property overrides it (security.go)
		}
	}
	frag.APIs = nil
	t.frag.Merge(frag)
}

// renameMethod replaces the ID prefix old of a method and its parts.
func renameMethod(m *model.Method, old, repl string) {
	re := func(id string) string {
		if strings.HasPrefix(id, old) {
			return repl + strings.TrimPrefix(id, old)
		}
		return id
	}
	m.ID = re(m.ID)
	if in := m.Integration; in != nil {
		in.ID = re(in.ID)
		for _, tm := range in.RequestTemplates {
			tm.ID = re(tm.ID)
		}
		for _, r := range in.Responses {
			r.ID = re(r.ID)
			for _, tm := range r.ResponseTemplates {
				tm.ID = re(tm.ID)
			}
		}
	}
}

// resourcePaths returns the path of every AWS::ApiGateway::Resource by
// logical ID, following ParentId to the API's RootResourceId.
func (t *tpl) resourcePaths() map[string]string {
	paths := map[string]string{}
	byName := map[string]*resource{}
	for _, r := range t.byType("AWS::ApiGateway::Resource") {
		byName[r.name] = r
	}
	var pathOf func(r *resource, depth int) string
	pathOf = func(r *resource, depth int) string {
		if p, ok := paths[r.name]; ok {
			return p
		}
		part := textOf(t.val(t.prop(r, "PathPart")))
		parentNode := t.prop(r, "ParentId")
		parent := "/" + textOf(t.val(parentNode))
		if isRootResource(parentNode) {
			parent = "/"
		} else if pr := t.target(parentNode); pr != nil && byName[pr.name] != nil && depth < 64 {
			parent = pathOf(pr, depth+1)
		}
		p := strings.TrimSuffix(parent, "/") + "/" + part
		paths[r.name] = p
		return p
	}
	for _, r := range t.byType("AWS::ApiGateway::Resource") {
		pathOf(r, 0)
	}
	return paths
}

// isRootResource reports whether n is `Fn::GetAtt Api.RootResourceId`: the
// API's root path, whether or not the API is declared in the template (the
// Serverless Framework declares its own).
func isRootResource(n *yaml.Node) bool {
	name, arg, ok := intrinsic(n)
	if !ok || name != "Fn::GetAtt" {
		return false
	}
	_, attr := getAttArgs(arg)
	return attr == "RootResourceId"
}

// methods builds AWS::ApiGateway::Method resources into their APIs.
func (t *tpl) methods() {
	paths := t.resourcePaths()
	placeholders := map[string]*model.API{}
	for _, r := range t.byType("AWS::ApiGateway::Method") {
		m := &model.Method{
			ID: r.id, Range: t.def(r), Ref: r.name,
			Verb:           strings.ToUpper(textOf(t.val(t.prop(r, "HttpMethod")))),
			Authorization:  t.val(t.prop(r, "AuthorizationType")),
			APIKeyRequired: t.val(t.prop(r, "ApiKeyRequired")),
			Responses:      []*model.MethodResponse{},
			ResponsesKnown: true,
		}
		resID := t.prop(r, "ResourceId")
		m.Path = "/" + textOf(t.val(resID))
		if isRootResource(resID) {
			m.Path = "/"
		} else if res := t.target(resID); res != nil {
			if p, ok := paths[res.name]; ok {
				m.Path = p
			}
		}
		mrs, mrsKey := t.propKey(r, "MethodResponses")
		t.methodResponses(m, mrs, mrsKey)
		if in, ik := t.propKey(r, "Integration"); in != nil {
			m.Integration = t.integration(r, in, ik)
		}
		apiNode := t.prop(r, "RestApiId")
		var api *model.API
		if ar := t.target(apiNode); ar != nil {
			api = t.apis[ar.name]
		}
		if api == nil {
			key := textOf(t.val(apiNode))
			api = placeholders[key]
			if api == nil {
				api = &model.API{ID: t.idPrefix + "api(" + key + ")", Range: t.def(r), Source: model.SourceCloudFormation,
					Kind: model.KindREST, Ref: key, Methods: []*model.Method{}}
				placeholders[key] = api
				t.frag.APIs = append(t.frag.APIs, api)
			}
		}
		api.Methods = append(api.Methods, m)
	}
}

func (t *tpl) methodResponses(m *model.Method, n, key *yaml.Node) {
	n = yamltree.Deref(n)
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode || isShortForm(n) {
		m.ResponsesKnown = false
		if _, _, isCall := intrinsic(n); !isCall {
			t.report(DiagParse, model.SeverityError, key, "MethodResponses of %s %s must be a list; they cannot be read", m.Verb, m.Path)
		}
		return
	}
	for _, item := range yamltree.Items(n) {
		if _, _, isCall := intrinsic(item); isCall || !yamltree.IsMap(item) {
			m.ResponsesKnown = false
			continue
		}
		sc := yamltree.Path(item, "StatusCode")
		mr := &model.MethodResponse{Range: t.itemRange(item), StatusCode: t.val(sc)}
		if sc != nil {
			mr.Range = t.rangeOf(sc)
		}
		m.Responses = append(m.Responses, mr)
	}
}

// itemRange is the range of a list item that is a mapping: its first key,
// tight and visible.
func (t *tpl) itemRange(item *yaml.Node) model.Range {
	if yamltree.IsMap(item) && len(item.Content) > 0 {
		return t.rangeOf(item.Content[0])
	}
	return t.rangeOf(item)
}

// integration reads a method's Integration property.
func (t *tpl) integration(r *resource, n, key *yaml.Node) *model.Integration {
	in := &model.Integration{ID: r.id + ".Integration", Range: t.rangeOf(key), Ref: r.name, Responses: []*model.IntegrationResponse{}}
	n = yamltree.Deref(n)
	if !yamltree.IsMap(n) {
		if _, _, isCall := intrinsic(n); !isCall {
			t.report(DiagParse, model.SeverityError, key, "Integration of %s must be a map; it cannot be read", r.name)
		}
		return in
	}
	in.ResponsesKnown = true
	in.Type = t.val(yamltree.Path(n, "Type"))
	in.URI = t.val(yamltree.Path(n, "Uri"))
	in.HTTPMethod = t.val(yamltree.Path(n, "IntegrationHttpMethod"))
	in.PassthroughBehavior = t.val(yamltree.Path(n, "PassthroughBehavior"))
	if v := yamltree.Path(n, "RequestParameters", model.InvocationHeader); v != nil {
		in.InvocationType = t.val(v)
	}
	rt, rtk := yamltree.Get(n, "RequestTemplates")
	in.RequestTemplates = t.templates(in.ID+".RequestTemplates", model.SideRequest, rt, rtk)
	irs, irsKey := yamltree.Get(n, "IntegrationResponses")
	irs = yamltree.Deref(irs)
	if irs == nil || isNoValue(irs) {
		return in
	}
	if irs.Kind != yaml.SequenceNode || isShortForm(irs) {
		in.ResponsesKnown = false
		if _, _, isCall := intrinsic(irs); !isCall {
			t.report(DiagParse, model.SeverityError, irsKey, "IntegrationResponses of %s must be a list; they cannot be read", r.name)
		}
		return in
	}
	for i, item := range yamltree.Items(irs) {
		if _, _, isCall := intrinsic(item); isCall || !yamltree.IsMap(item) {
			in.ResponsesKnown = false
			continue
		}
		resp := &model.IntegrationResponse{
			ID: fmt.Sprintf("%s.IntegrationResponses[%d]", in.ID, i), Range: t.itemRange(item), Ref: r.name,
			StatusCode: t.val(yamltree.Path(item, "StatusCode")),
		}
		// An absent or empty SelectionPattern is the default response.
		// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-method-integrationresponse.html
		if sp := yamltree.Path(item, "SelectionPattern"); sp != nil && !isNoValue(sp) {
			resp.Pattern = t.val(sp)
		}
		rts, rtsKey := yamltree.Get(item, "ResponseTemplates")
		resp.ResponseTemplates = t.templates(resp.ID+".ResponseTemplates", model.SideResponse, rts, rtsKey)
		in.Responses = append(in.Responses, resp)
	}
	return in
}

// templates reads a map of content type to mapping template.
func (t *tpl) templates(id, side string, n, key *yaml.Node) []*model.Template {
	n = yamltree.Deref(n)
	if n == nil {
		return nil
	}
	if !yamltree.IsMap(n) || isShortForm(n) {
		if _, _, isCall := intrinsic(n); !isCall {
			t.report(DiagParse, model.SeverityError, key, "%s must be a map of content type to template", key.Value)
		}
		return nil
	}
	if _, _, isCall := intrinsic(n); isCall {
		return nil
	}
	var out []*model.Template
	for _, p := range yamltree.Pairs(n) {
		body := t.val(p[1])
		if body == nil {
			continue
		}
		tm := &model.Template{
			ID:    id + `["` + p[0].Value + `"]`,
			Range: t.rangeOf(p[1]), Side: side, ContentType: p[0].Value, Body: body,
		}
		if lit, ok := body.Get(); ok && lit == p[1].Value {
			tm.Origin = t.origin(p[1])
		}
		out = append(out, tm)
	}
	return out
}

// origin locates a template's text in the file: a block scalar's text starts
// on the next line at its indentation; a single-line string without escapes
// starts after its quote. Other strings are positioned at their start only.
func (t *tpl) origin(n *yaml.Node) *model.TextOrigin {
	if n == nil || n.Kind != yaml.ScalarNode {
		return nil
	}
	col := n.Column
	style := n.Style &^ yaml.TaggedStyle
	if isShortForm(n) && style != yaml.LiteralStyle && style != yaml.FoldedStyle {
		c, ok := t.afterTag(n)
		if !ok {
			return nil
		}
		col = c
	}
	switch style {
	case yaml.LiteralStyle:
		off := t.lines.Offset(n.Line+1, 1)
		src := t.lines.Source()
		indent := 0
		for off+indent < len(src) && src[off+indent] == ' ' {
			indent++
		}
		return &model.TextOrigin{Start: t.lines.At(n.Line+1, indent+1), Indent: indent, Exact: true}
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		exact := !strings.Contains(n.Value, "\n") && t.quotedWidth(n.Line, col) == len([]rune(n.Value))+2
		return &model.TextOrigin{Start: t.lines.At(n.Line, col+1), Exact: exact}
	case 0:
		return &model.TextOrigin{Start: t.lines.At(n.Line, col), Exact: !strings.Contains(n.Value, "\n")}
	}
	return &model.TextOrigin{Start: t.lines.At(n.Line, col)}
}
