// Package cloudformation reads AWS CloudFormation and SAM templates (YAML
// with the short-form intrinsic tags, or JSON), the CloudFormation block of
// a Serverless Framework `serverless.yml`, and CDK's synthesised
// `*.template.json`, into the model, with positions in the template.
//
// Parameters take their given value or default, Mappings and Fn::Sub of known
// values are evaluated, and Ref/Fn::GetAtt between resources become model
// links. Everything else stays unknown, with its reference kept; Conditions
// are not guessed: a resource under a condition is read as present. Nothing
// is fetched: `BodyS3Location` and S3 `DefinitionUri`s are not read, and a
// local `DefinitionUri` or `AWS::Include` location is read only inside the
// scan roots.
package cloudformation

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/openapi"
)

// Diagnostic rule IDs of the loader.
const (
	DiagParse        = "APIGW001" // the template cannot be parsed or a part of it read
	DiagOutsideRoots = "APIGW002" // a local file the template names is outside the scan roots
	DiagDuplicateKey = "APIGW006" // a key repeated in one YAML mapping
)

// maxFileSize bounds the size of a template or an included document.
const maxFileSize = 8 << 20

// Options configure Load.
type Options struct {
	// Roots are the absolute scan roots: a DefinitionUri or AWS::Include
	// location outside them is not read (APIGW002). When empty, the
	// template's directory is the only root.
	Roots []string
	// WorkDir is what relative file names are relative to, and what the
	// names of included files are made relative to; "" is the process's
	// working directory.
	WorkDir string
	// Parameters are values given for template parameters (`--parameter
	// Key=Value`, a parameters file); they override the defaults.
	Parameters map[string]string
	// ReadFile, when set, reads the files a template includes (the analyzer
	// records them for its cache); nil is os.ReadFile.
	ReadFile func(name string) ([]byte, error)
}

// A tpl is one template being read.
type tpl struct {
	filename   string
	lines      *model.LineIndex
	root       *yaml.Node // the mapping that holds Resources
	opts       Options
	serverless bool
	idPrefix   string // "cfn:<file>#"

	params    map[string]*param
	mappings  *yaml.Node
	globals   *yaml.Node
	resources map[string]*resource
	order     []*resource

	frag   *model.Fragment
	apis   map[string]*model.API // by logical ID
	stages map[string]*model.Stage
	plans  map[string]*model.UsagePlan
}

// A resource is one entry of Resources.
type resource struct {
	name  string // the logical ID
	typ   string
	id    string // "cfn:<file>#<LogicalId>"
	key   *yaml.Node
	props *yaml.Node // nil when there are none
}

// A param is a template parameter's value, when known.
type param struct {
	value string
	known bool
	list  bool // CommaDelimitedList or List<…>
}

// Load reads one template. It returns ok=false, and no fragment, when src
// is not a CloudFormation or SAM template nor a Serverless Framework file.
// Problems in the template are diagnostics in the fragment, never an error.
func Load(filename string, src []byte, opts Options) (frag *model.Fragment, ok bool) {
	lines := model.NewLineIndex(src)
	if len(src) > maxFileSize {
		if !Sniff(filename, src) {
			return nil, false
		}
		p := lines.At(1, 1)
		return &model.Fragment{Diagnostics: []model.Finding{{
			RuleID: DiagParse, Severity: model.SeverityError,
			Message: fmt.Sprintf("template is larger than %d MB and is not read; split it or exclude it", maxFileSize>>20),
			Range:   model.Range{Filename: filename, Start: p, End: p},
		}}}, true
	}
	var doc yaml.Node
	err := yamltree.Parse(src, &doc)
	if fixed := openapi.UnescapeSolidus(src); err != nil && fixed != nil {
		if yamltree.Parse(fixed, &doc) == nil {
			src, err = fixed, nil
			lines = model.NewLineIndex(src)
		}
	}
	if err != nil {
		if !Sniff(filename, src) {
			return nil, false
		}
		f := parseError(filename, lines, src, err)
		if yamltree.DepthError(err) {
			f.RuleID, f.Severity = openapi.RuleTooLarge, model.SeverityWarning
			f.Message = "the template nests deeper than the parser's cap: it is not checked; flatten it, or exclude the file"
		}
		return &model.Fragment{Diagnostics: []model.Finding{f}}, true
	}
	if len(doc.Content) == 0 {
		return nil, false
	}
	top := yamltree.Deref(doc.Content[0])
	if !yamltree.IsMap(top) {
		return nil, false
	}
	root, serverless := templateRoot(top)
	if root == nil {
		return nil, false
	}
	if f, ok := openapi.TooLarge(filename, lines, &doc); !ok {
		return &model.Fragment{Diagnostics: []model.Finding{f}}, true
	}
	t := &tpl{
		filename: filename, lines: lines, root: root, opts: opts, serverless: serverless,
		idPrefix: "cfn:" + filename + "#",
		frag:     &model.Fragment{},
		apis:     map[string]*model.API{}, stages: map[string]*model.Stage{}, plans: map[string]*model.UsagePlan{},
	}
	t.frag.Diagnostics = DuplicateKeys(filename, lines, &doc)
	t.read()
	t.stageFacts()
	normalizeLinks(t.frag)
	return t.frag, true
}

// templateRoot returns the mapping that holds a template's Resources: the
// document itself for a CloudFormation or SAM template, the `resources`
// block of a Serverless Framework file; nil for anything else.
func templateRoot(top *yaml.Node) (root *yaml.Node, serverless bool) {
	if v, _ := yamltree.Get(top, "AWSTemplateFormatVersion"); v != nil {
		return top, false
	}
	if tr, _ := yamltree.Get(top, "Transform"); tr != nil {
		for _, n := range append([]*yaml.Node{tr}, yamltree.Items(tr)...) {
			if n != nil && n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Value, "AWS::Serverless") {
				return top, false
			}
		}
	}
	if hasAWSResources(top) {
		return top, false
	}
	if svc, _ := yamltree.Get(top, "service"); svc != nil {
		if prov, _ := yamltree.Get(top, "provider"); prov != nil {
			if res, _ := yamltree.Get(top, "resources"); yamltree.IsMap(res) {
				return res, true
			}
			return &yaml.Node{Kind: yaml.MappingNode}, true
		}
	}
	return nil, false
}

// hasAWSResources reports whether n has a Resources map with at least one
// entry of an `AWS::` type.
func hasAWSResources(n *yaml.Node) bool {
	for _, p := range yamltree.Pairs(yamltree.Path(n, "Resources")) {
		if typ, _ := yamltree.Get(p[1], "Type"); typ != nil && typ.Kind == yaml.ScalarNode && strings.HasPrefix(typ.Value, "AWS::") {
			return true
		}
	}
	return false
}

var sniffType = regexp.MustCompile(`(?m)^\s*"?Type"?\s*:\s*"?AWS::`)

// Sniff reports whether a file that does not parse looks like a template:
// it names a template format version, the SAM transform or an AWS resource
// type, or it is a serverless.yml.
func Sniff(filename string, src []byte) bool {
	base := strings.ToLower(filepath.Base(filename))
	if base == "serverless.yml" || base == "serverless.yaml" {
		return true
	}
	head := src
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	return bytes.Contains(head, []byte("AWSTemplateFormatVersion")) ||
		bytes.Contains(head, []byte("AWS::Serverless")) ||
		sniffType.Match(head)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseError positions a syntax error. A JSON template is re-read with
// encoding/json, whose error has the exact offset; yaml.v3 names a line.
func parseError(filename string, lines *model.LineIndex, src []byte, err error) model.Finding {
	finding := func(p model.Pos, msg string) model.Finding {
		return model.Finding{
			RuleID: DiagParse, Severity: model.SeverityError,
			Message: fmt.Sprintf("template cannot be parsed: %s; fix the syntax so the template can be checked", msg),
			Range:   model.Range{Filename: filename, Start: p, End: p},
		}
	}
	if trimmed := bytes.TrimSpace(src); len(trimmed) > 0 && trimmed[0] == '{' {
		var v any
		var se *json.SyntaxError
		if jerr := json.Unmarshal(src, &v); errors.As(jerr, &se) {
			return finding(lines.Pos(max(int(se.Offset)-1, 0)), se.Error())
		}
	}
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		// yaml.v3 reports a parser error at its context mark, counted from
		// 0, and a scanner error at the problem, counted from 1.
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return finding(lines.At(line, 1), msg)
}

// read builds the model of the whole template.
func (t *tpl) read() {
	t.readParams()
	t.mappings, _ = yamltree.Get(t.root, "Mappings")
	t.globals, _ = yamltree.Get(t.root, "Globals")
	t.resources = map[string]*resource{}
	resources, rk := yamltree.Get(t.root, "Resources")
	if resources != nil && !yamltree.IsMap(resources) {
		t.report(DiagParse, model.SeverityError, rk, "Resources must be a map of logical IDs to resources; the template's resources cannot be read")
		return
	}
	for _, p := range yamltree.Pairs(resources) {
		typ, _ := yamltree.Get(p[1], "Type")
		if typ == nil || typ.Kind != yaml.ScalarNode {
			continue
		}
		props, _ := yamltree.Get(p[1], "Properties")
		if !yamltree.IsMap(props) {
			props = nil
		}
		r := &resource{name: p[0].Value, typ: typ.Value, id: t.idPrefix + p[0].Value, key: p[0], props: props}
		t.resources[r.name] = r
		t.order = append(t.order, r)
	}
	t.restAPIs()
	t.v2APIs()
	t.certificates()
	t.stagesV1()
	t.stagesV2()
	t.samStages()
	t.domains()
	t.mappingsV1V2()
	t.records()
	t.distributions()
	t.usagePlans()
	t.security()
}

// readParams reads Parameters: a given value, else the default.
func (t *tpl) readParams() {
	t.params = map[string]*param{}
	params, _ := yamltree.Get(t.root, "Parameters")
	for _, p := range yamltree.Pairs(params) {
		name := p[0].Value
		pr := &param{}
		if typ, _ := yamltree.Get(p[1], "Type"); typ != nil {
			pr.list = typ.Value == "CommaDelimitedList" || strings.HasPrefix(typ.Value, "List<")
		}
		if v, ok := t.opts.Parameters[name]; ok {
			pr.value, pr.known = v, true
		} else if def, _ := yamltree.Get(p[1], "Default"); def != nil {
			def = yamltree.Deref(def)
			switch {
			case def.Kind == yaml.ScalarNode && !isShortForm(def):
				pr.value, pr.known = def.Value, true
			case def.Kind == yaml.SequenceNode && pr.list:
				var parts []string
				for _, c := range yamltree.Items(def) {
					if c.Kind == yaml.ScalarNode {
						parts = append(parts, c.Value)
					}
				}
				pr.value, pr.known = strings.Join(parts, ","), true
			}
		}
		t.params[name] = pr
	}
}

// byType returns the resources of the given types, in template order.
func (t *tpl) byType(types ...string) []*resource {
	var out []*resource
	for _, r := range t.order {
		for _, typ := range types {
			if r.typ == typ {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// prop returns a property of a resource; for SAM resources a property not
// set on the resource comes from Globals (Api, HttpApi).
func (t *tpl) prop(r *resource, key string) *yaml.Node {
	v, _ := yamltree.Get(r.props, key)
	if v != nil || t.globals == nil {
		return v
	}
	switch r.typ {
	case "AWS::Serverless::Api":
		return yamltree.Path(t.globals, "Api", key)
	case "AWS::Serverless::HttpApi":
		return yamltree.Path(t.globals, "HttpApi", key)
	}
	return nil
}

// propKey returns a property's value and key nodes.
func (t *tpl) propKey(r *resource, key string) (val, k *yaml.Node) {
	if v, kn := yamltree.Get(r.props, key); v != nil {
		return v, kn
	}
	if v := t.prop(r, key); v != nil {
		return v, v
	}
	return nil, nil
}

// def returns the range of a resource's logical ID.
func (t *tpl) def(r *resource) model.Range { return t.rangeOf(r.key) }

// region is where a resource is created: the stack's region, unknown.
func (t *tpl) region(r *resource) *model.Value { return model.Unknown("AWS::Region", t.def(r)) }

// target returns the resource a value refers to (Ref or Fn::GetAtt), or nil.
func (t *tpl) target(n *yaml.Node) *resource {
	_, l := t.valLink(n)
	if l == nil || l.Computed {
		return nil
	}
	return t.resources[strings.TrimPrefix(l.ID, t.idPrefix)]
}

// linkKind returns link when it targets a resource of one of the types.
func linkKind(link *model.Link, kinds ...string) *model.Link {
	if link == nil {
		return nil
	}
	for _, k := range kinds {
		if link.Kind == k {
			return link
		}
	}
	return nil
}

// textOf returns what a path or verb segment reads as: the literal, else
// the template text, else "${reference}".
func textOf(v *model.Value) string {
	switch {
	case v == nil:
		return ""
	case v.Known:
		return v.Literal
	case v.Partial != "":
		return v.Partial
	case v.Ref != "":
		return "${" + v.Ref + "}"
	}
	return "${?}"
}
