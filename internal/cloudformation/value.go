package cloudformation

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// intrinsicNames are the CloudFormation functions in their long form.
var intrinsicNames = map[string]bool{
	"Ref": true, "Fn::Sub": true, "Fn::GetAtt": true, "Fn::Join": true, "Fn::If": true,
	"Fn::Select": true, "Fn::FindInMap": true, "Fn::ImportValue": true, "Fn::Base64": true,
	"Fn::Split": true, "Fn::GetAZs": true, "Fn::Cidr": true, "Fn::Transform": true,
	"Fn::Equals": true, "Fn::Not": true, "Fn::And": true, "Fn::Or": true, "Fn::ToJsonString": true,
	"Fn::Length": true, "Fn::Contains": true, "Fn::EachMemberEquals": true, "Fn::ValueOf": true,
	"Condition": true,
}

// intrinsic reports whether n is an intrinsic function call, and returns its
// long name and its argument. A short form's argument is the node itself
// with the tag removed from consideration: a scalar, sequence or mapping.
func intrinsic(n *yaml.Node) (name string, arg *yaml.Node, ok bool) {
	n = yamltree.Deref(n)
	if n == nil {
		return "", nil, false
	}
	if isShortForm(n) {
		name = strings.TrimPrefix(n.Tag, "!")
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, n, true
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && intrinsicNames[n.Content[0].Value] {
		return n.Content[0].Value, yamltree.Deref(n.Content[1]), true
	}
	return "", nil, false
}

// isNoValue reports whether n is `Ref AWS::NoValue`: the property is absent.
func isNoValue(n *yaml.Node) bool {
	name, arg, ok := intrinsic(n)
	return ok && name == "Ref" && arg != nil && arg.Kind == yaml.ScalarNode && arg.Value == "AWS::NoValue"
}

// pseudo are the pseudo parameters: their values depend on the stack, so
// they stay unknown.
var pseudo = map[string]bool{
	"AWS::AccountId": true, "AWS::NotificationARNs": true, "AWS::Partition": true, "AWS::Region": true,
	"AWS::StackId": true, "AWS::StackName": true, "AWS::URLSuffix": true, "AWS::NoValue": true,
}

// val reads a node as a model value.
func (t *tpl) val(n *yaml.Node) *model.Value {
	v, _ := t.valLink(n)
	return v
}

// valLink reads a node as a model value, positioned at the node, and the link
// to the resource it refers to when it is a Ref or Fn::GetAtt (a link marked
// Computed when the reference is only part of the value). Parameters with a
// default or a given value, mappings and substitutions of known values are
// evaluated; everything else stays unknown, with its reference kept.
func (t *tpl) valLink(n *yaml.Node) (*model.Value, *model.Link) {
	n = yamltree.Deref(n)
	if n == nil || isNoValue(n) {
		return nil, nil
	}
	r := t.rangeOf(n)
	v, link := t.eval(n, 0)
	v.Range = r
	return v, link
}

// eval evaluates a node; the result's range is set by the caller.
func (t *tpl) eval(n *yaml.Node, depth int) (*model.Value, *model.Link) {
	n = yamltree.Deref(n)
	if n == nil {
		return &model.Value{Ref: "null"}, nil
	}
	if depth > 32 {
		return &model.Value{}, nil
	}
	name, arg, isCall := intrinsic(n)
	if !isCall {
		if n.Kind != yaml.ScalarNode {
			return &model.Value{}, nil
		}
		if n.Tag == "!!null" {
			return &model.Value{Ref: "null"}, nil
		}
		if t.serverless && strings.Contains(n.Value, "${") {
			// A Serverless Framework variable (`${self:custom.x}`,
			// `${opt:stage}`) is resolved only by the framework.
			return &model.Value{Partial: n.Value, Ref: "serverless variable"}, nil
		}
		return &model.Value{Literal: n.Value, Known: true}, nil
	}
	switch name {
	case "Ref":
		if arg.Kind != yaml.ScalarNode {
			return &model.Value{Ref: "!Ref"}, nil
		}
		return t.ref(arg.Value)
	case "Fn::GetAtt":
		res, attr := getAttArgs(arg)
		if res == "" {
			return &model.Value{Ref: "!GetAtt"}, nil
		}
		v := &model.Value{Ref: "!GetAtt " + res + "." + attr}
		return v, t.link(res, attr)
	case "Fn::Sub":
		return t.sub(arg, depth)
	case "Fn::Join":
		return t.join(arg, depth)
	case "Fn::FindInMap":
		return t.findInMap(arg, depth)
	case "Fn::Select":
		return t.selectFn(arg, depth)
	case "Fn::If":
		// Conditions are not guessed; a value the same on both branches is
		// known all the same.
		args := yamltree.Items(arg)
		if len(args) == 3 {
			a, la := t.eval(args[1], depth+1)
			b, _ := t.eval(args[2], depth+1)
			if a.Known && b.Known && a.Literal == b.Literal {
				return a, la
			}
		}
		cond := ""
		if len(args) > 0 && args[0].Kind == yaml.ScalarNode {
			cond = " " + args[0].Value
		}
		return &model.Value{Ref: "!If" + cond}, nil
	}
	v := &model.Value{Ref: "!" + strings.TrimPrefix(name, "Fn::")}
	if arg != nil && arg.Kind == yaml.ScalarNode && arg.Value != "" {
		v.Ref += " " + arg.Value
	}
	return v, nil
}

// getAttArgs reads `Res.Attr` or `[Res, Attr]`. An attribute may contain
// dots (`Outputs.Name`).
func getAttArgs(arg *yaml.Node) (res, attr string) {
	if arg.Kind == yaml.ScalarNode {
		res, attr, _ = strings.Cut(arg.Value, ".")
		return res, attr
	}
	parts := yamltree.Items(arg)
	if len(parts) == 2 && parts[0].Kind == yaml.ScalarNode && parts[1].Kind == yaml.ScalarNode && !isShortForm(parts[1]) {
		return parts[0].Value, parts[1].Value
	}
	if len(parts) >= 1 && parts[0].Kind == yaml.ScalarNode {
		return parts[0].Value, "?"
	}
	return "", ""
}

// ref evaluates `Ref name`: a parameter's given value or default, else an
// unknown value that names the parameter, pseudo parameter or resource.
func (t *tpl) ref(name string) (*model.Value, *model.Link) {
	if p, ok := t.params[name]; ok {
		if p.known {
			return &model.Value{Literal: p.value, Known: true, Ref: "!Ref " + name}, nil
		}
		return &model.Value{Ref: "!Ref " + name}, nil
	}
	v := &model.Value{Ref: "!Ref " + name}
	if pseudo[name] {
		return v, nil
	}
	return v, t.link(name, "")
}

// link returns the link to a resource of the template, or nil.
func (t *tpl) link(name, attr string) *model.Link {
	res := t.resources[name]
	if res == nil {
		return nil
	}
	return &model.Link{Kind: res.typ, ID: res.id, Attribute: attrName(res.typ, attr)}
}

// attrNames maps CloudFormation attributes to the names the model uses
// (the Terraform attribute names), so that rules comparing a link's
// Attribute read both formats alike.
var attrNames = map[string]string{
	"RegionalDomainName":       "regional_domain_name",
	"RegionalHostedZoneId":     "regional_zone_id",
	"DistributionDomainName":   "cloudfront_domain_name",
	"DistributionHostedZoneId": "cloudfront_zone_id",
	"RootResourceId":           "root_resource_id",
	"ApiEndpoint":              "api_endpoint",
	"DomainName":               "domain_name",
	"Arn":                      "arn",
}

func attrName(typ, attr string) string {
	if attr == "" {
		return ""
	}
	if typ == "AWS::ApiGatewayV2::DomainName" {
		switch attr {
		case "RegionalDomainName":
			return "target_domain_name"
		case "RegionalHostedZoneId":
			return "hosted_zone_id"
		}
	}
	if typ == "AWS::CloudFront::Distribution" && attr == "DomainName" {
		return "domain_name"
	}
	if n, ok := attrNames[attr]; ok {
		return n
	}
	return attr
}

var subVar = regexp.MustCompile(`\$\{([^}]*)\}`)

// sub evaluates Fn::Sub. Known variables are substituted; the others stay
// as `${Name}` in Partial.
func (t *tpl) sub(arg *yaml.Node, depth int) (*model.Value, *model.Link) {
	var text *yaml.Node
	vars := map[string]*yaml.Node{}
	switch arg.Kind {
	case yaml.ScalarNode:
		text = arg
	case yaml.SequenceNode:
		parts := yamltree.Items(arg)
		if len(parts) == 0 || parts[0].Kind != yaml.ScalarNode {
			return &model.Value{Ref: "!Sub"}, nil
		}
		text = parts[0]
		if len(parts) > 1 {
			for _, p := range yamltree.Pairs(parts[1]) {
				vars[p[0].Value] = p[1]
			}
		}
	default:
		return &model.Value{Ref: "!Sub"}, nil
	}
	known := true
	var links []*model.Link
	out := subVar.ReplaceAllStringFunc(text.Value, func(m string) string {
		name := m[2 : len(m)-1]
		if strings.HasPrefix(name, "!") {
			return "${" + name[1:] + "}" // ${!Literal} is the literal ${Literal}
		}
		name = strings.TrimSpace(name)
		var v *model.Value
		var l *model.Link
		switch {
		case vars[name] != nil:
			v, l = t.eval(vars[name], depth+1)
		case strings.Contains(name, "."):
			res, attr, _ := strings.Cut(name, ".")
			v, l = &model.Value{Ref: "!GetAtt " + name}, t.link(res, attr)
		default:
			v, l = t.ref(name)
		}
		if l != nil {
			links = append(links, l)
		}
		if v.Known {
			return v.Literal
		}
		known = false
		if v.Partial != "" {
			return v.Partial
		}
		return m
	})
	var link *model.Link
	if len(links) > 0 {
		cp := *links[0]
		cp.Computed = len(links) > 1 || !isWholeVar(text.Value)
		link = &cp
	}
	if known {
		return &model.Value{Literal: out, Known: true}, link
	}
	return &model.Value{Partial: out, Ref: "!Sub"}, link
}

// isWholeVar reports whether a Sub text is exactly one variable.
func isWholeVar(s string) bool {
	m := subVar.FindStringIndex(s)
	return m != nil && m[0] == 0 && m[1] == len(s)
}

// join evaluates Fn::Join [delimiter, [parts]].
func (t *tpl) join(arg *yaml.Node, depth int) (*model.Value, *model.Link) {
	args := yamltree.Items(arg)
	if len(args) != 2 || args[0].Kind != yaml.ScalarNode {
		return &model.Value{Ref: "!Join"}, nil
	}
	parts, links, listKnown := t.listVals(args[1], depth+1)
	if !listKnown {
		return &model.Value{Ref: "!Join"}, nil
	}
	known := true
	texts := make([]string, len(parts))
	for i, p := range parts {
		switch {
		case p.Known:
			texts[i] = p.Literal
		case p.Partial != "":
			texts[i], known = p.Partial, false
		case p.Ref != "":
			texts[i], known = "${"+strings.TrimPrefix(strings.TrimPrefix(p.Ref, "!Ref "), "!GetAtt ")+"}", false
		default:
			texts[i], known = "${?}", false
		}
	}
	out := strings.Join(texts, args[0].Value)
	var link *model.Link
	for _, l := range links {
		cp := *l
		cp.Computed = true
		link = &cp
		break
	}
	if known {
		return &model.Value{Literal: out, Known: true}, link
	}
	return &model.Value{Partial: out, Ref: "!Join"}, link
}

// findInMap evaluates Fn::FindInMap [Map, TopKey, SecondKey] when every key
// is known and the entry is a scalar.
func (t *tpl) findInMap(arg *yaml.Node, depth int) (*model.Value, *model.Link) {
	args := yamltree.Items(arg)
	if len(args) < 3 {
		return &model.Value{Ref: "!FindInMap"}, nil
	}
	keys := make([]string, 3)
	for i := range 3 {
		k, _ := t.eval(args[i], depth+1)
		if !k.Known {
			return &model.Value{Ref: "!FindInMap"}, nil
		}
		keys[i] = k.Literal
	}
	ref := "!FindInMap " + strings.Join(keys, ".")
	entry := yamltree.Path(t.mappings, keys...)
	if entry == nil {
		return &model.Value{Ref: ref}, nil
	}
	v, l := t.eval(entry, depth+1)
	if v.Known {
		v.Ref = ref
	}
	return v, l
}

// selectFn evaluates Fn::Select [index, list].
func (t *tpl) selectFn(arg *yaml.Node, depth int) (*model.Value, *model.Link) {
	args := yamltree.Items(arg)
	if len(args) != 2 {
		return &model.Value{Ref: "!Select"}, nil
	}
	idx, _ := t.eval(args[0], depth+1)
	i, err := strconv.Atoi(idx.Literal)
	if !idx.Known || err != nil || i < 0 {
		return &model.Value{Ref: "!Select"}, nil
	}
	vals, links, known := t.listVals(args[1], depth+1)
	if !known || i >= len(vals) {
		return &model.Value{Ref: "!Select"}, nil
	}
	return vals[i], links[i]
}

// listVals evaluates a list: a sequence (an element that is Fn::If or
// AWS::NoValue makes it unknown, since it may be absent), a
// CommaDelimitedList parameter, Fn::Split of a known string.
func (t *tpl) listVals(n *yaml.Node, depth int) (vals []*model.Value, links map[int]*model.Link, known bool) {
	n = yamltree.Deref(n)
	links = map[int]*model.Link{}
	if n == nil || depth > 32 {
		return nil, links, false
	}
	if n.Kind == yaml.SequenceNode && !isShortForm(n) {
		known = true
		for i, c := range yamltree.Items(n) {
			if name, _, ok := intrinsic(c); ok && name == "Fn::If" || isNoValue(c) {
				known = false
			}
			v, l := t.eval(c, depth+1)
			v.Range = t.rangeOf(c)
			vals = append(vals, v)
			if l != nil {
				links[i] = l
			}
		}
		return vals, links, known
	}
	name, arg, ok := intrinsic(n)
	switch {
	case ok && name == "Ref" && arg.Kind == yaml.ScalarNode:
		if p, isParam := t.params[arg.Value]; isParam && p.known && p.list {
			for _, s := range strings.Split(p.value, ",") {
				vals = append(vals, &model.Value{Literal: strings.TrimSpace(s), Known: true, Range: t.rangeOf(n)})
			}
			return vals, links, true
		}
	case ok && name == "Fn::Split":
		args := yamltree.Items(arg)
		if len(args) == 2 && args[0].Kind == yaml.ScalarNode && args[0].Value != "" {
			s, _ := t.eval(args[1], depth+1)
			if s.Known {
				for _, part := range strings.Split(s.Literal, args[0].Value) {
					vals = append(vals, &model.Value{Literal: part, Known: true, Range: t.rangeOf(n)})
				}
				return vals, links, true
			}
		}
	}
	return nil, links, false
}

// list reads a list property: its values, links by index, and whether the
// list itself is known.
func (t *tpl) list(n *yaml.Node) ([]*model.Value, map[int]*model.Link, bool) {
	vals, links, known := t.listVals(n, 0)
	if len(links) == 0 {
		links = nil
	}
	return vals, links, known
}
