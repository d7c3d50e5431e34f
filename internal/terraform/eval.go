package terraform

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A scope is where an expression is evaluated: a module instance and, inside
// an expanded resource or module call, its each/count values.
type scope struct {
	mod  *modInst
	each *eachData
}

// eval evaluates expr to a value. Whatever cannot be known (a computed
// attribute, a variable without value, an unsupported function, an error)
// is unknown: rules never see a guess.
func (s scope) eval(expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if v, ok := s.quick(expr); ok && quickEval {
		return v
	}
	l := s.mod.l
	n := len(l.events)
	ctx := s.context(expr.Variables())
	v, diags := expr.Value(ctx)
	if len(l.events) > n {
		at := fileCallRange(expr)
		for _, e := range l.events[n:] {
			l.fileError(e.err, at, e.display)
		}
		l.events = l.events[:n]
	}
	if diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// quick evaluates, without building an evaluation context, the
// expressions most arguments are — a literal, a quoted string without
// interpolation, a variable, a local, each.key, each.value, count.index, a
// reference to an attribute of a single resource
// (`aws_api_gateway_rest_api.api.id`) — to what eval would give. ok is
// false for every other expression.
func (s scope) quick(expr hcl.Expression) (v cty.Value, ok bool) {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val, true
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) != 1 {
			return cty.NilVal, false
		}
		if lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			return lit.Val, true
		}
	case *hclsyntax.ScopeTraversalExpr:
		t := e.Traversal
		name, ok1 := stepName(t, 1)
		if len(t) == 2 && ok1 {
			return s.quickName(t.RootName(), name)
		}
		attr, ok2 := stepName(t, 2)
		if len(t) != 3 || !ok1 || !ok2 || !isResourceRoot(t.RootName()) {
			return cty.NilVal, false
		}
		g := s.mod.group(t.RootName() + "." + name)
		if g == nil {
			return cty.DynamicVal, true
		}
		if g.mode != expandSingle || len(g.insts) != 1 {
			return cty.NilVal, false
		}
		return g.insts[0].attrValue(attr), true
	}
	return cty.NilVal, false
}

// quickName is quick for a reference of two names: var.x, local.x,
// each.key, each.value, count.index.
func (s scope) quickName(root, name string) (cty.Value, bool) {
	switch {
	case root == "var":
		return s.mod.varValue(name), true
	case root == "local":
		return s.mod.localValue(name), true
	case root == "each" && (name == "key" || name == "value"):
		if s.each == nil || s.each.key == cty.NilVal {
			return cty.DynamicVal, true
		}
		if name == "key" {
			return s.each.key, true
		}
		return s.each.value, true
	case root == "count" && name == "index":
		if s.each == nil || s.each.index == cty.NilVal {
			return cty.DynamicVal, true
		}
		return s.each.index, true
	}
	return cty.NilVal, false
}

// quickEval is turned off by the test that checks quick against the full
// evaluation.
var quickEval = true

// isResourceRoot reports whether a reference starting with root names a
// managed resource: the roots context does not handle by name.
func isResourceRoot(root string) bool {
	switch root {
	case "var", "local", "each", "count", "path", "terraform", "module", "data", "self", "ephemeral":
		return false
	}
	return true
}

// context builds an evaluation context holding exactly what the traversals
// refer to, each computed on demand.
func (s scope) context(travs []hcl.Traversal) *hcl.EvalContext {
	m := s.mod
	ctx := &hcl.EvalContext{Functions: m.funcs, Variables: map[string]cty.Value{}}
	if len(travs) == 0 {
		return ctx
	}
	named := map[string]map[string]bool{} // var, local: names
	mods := map[string]map[string]bool{}  // module name → outputs
	res := map[string]map[string]*need{}  // type → name → what is read
	for _, t := range travs {
		root := t.RootName()
		// Every root that is not a managed resource's type has its case
		// here, and is in isResourceRoot's list, which quick relies on.
		switch root {
		case "var", "local":
			if name, ok := stepName(t, 1); ok {
				addName(named, root, name)
			}
		case "each":
			if s.each != nil && s.each.key != cty.NilVal {
				ctx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": s.each.key, "value": s.each.value})
			} else {
				ctx.Variables["each"] = cty.DynamicVal
			}
		case "count":
			if s.each != nil && s.each.index != cty.NilVal {
				ctx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": s.each.index})
			} else {
				ctx.Variables["count"] = cty.DynamicVal
			}
		case "path":
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(m.pathModule), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
			})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "module":
			name, ok := stepName(t, 1)
			if !ok {
				continue
			}
			addName(mods, name, attrAfterInstance(t, 2))
		case "data", "self", "ephemeral":
			ctx.Variables[root] = cty.DynamicVal
		default:
			name, ok := stepName(t, 1)
			if !ok {
				continue
			}
			if res[root] == nil {
				res[root] = map[string]*need{}
			}
			n := res[root][name]
			if n == nil {
				n = &need{attrs: map[string]bool{}}
				res[root][name] = n
			}
			n.attrs[attrAfterInstance(t, 2)] = true
			if k, ok := indexAt(t, 2); ok && k.IsKnown() && !k.IsNull() {
				n.keys = append(n.keys, k)
			} else {
				n.allKeys = true
			}
		}
	}
	for root, names := range named {
		attrs := map[string]cty.Value{}
		for name := range names {
			if root == "var" {
				attrs[name] = m.varValue(name)
			} else {
				attrs[name] = m.localValue(name)
			}
		}
		ctx.Variables[root] = cty.ObjectVal(attrs)
	}
	if len(mods) > 0 {
		attrs := map[string]cty.Value{}
		for name, outs := range mods {
			attrs[name] = m.moduleValue(name, outs)
		}
		ctx.Variables["module"] = cty.ObjectVal(attrs)
	}
	for typ, byName := range res {
		attrs := map[string]cty.Value{}
		for name, want := range byName {
			if g := m.group(typ + "." + name); g != nil {
				attrs[name] = g.value(want)
			} else {
				attrs[name] = cty.DynamicVal
			}
		}
		ctx.Variables[typ] = cty.ObjectVal(attrs)
	}
	return ctx
}

// A need is what an expression reads of one resource: attributes, and the
// instance keys it indexes (all of them when allKeys).
type need struct {
	attrs   map[string]bool
	keys    []cty.Value
	allKeys bool
}

// wants reports whether the instance with key k is read.
func (n *need) wants(k cty.Value) bool {
	if n.allKeys || k == cty.NilVal {
		return true
	}
	return findKeyIn(n.keys, k)
}

// findKeyIn reports whether k is one of keys.
func findKeyIn(keys []cty.Value, k cty.Value) bool {
	for _, key := range keys {
		if findKey([]instance{{key: k}}, key) == 0 {
			return true
		}
	}
	return false
}

func addName(m map[string]map[string]bool, k, name string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][name] = true
}

// stepName returns the attribute name at step i of t.
func stepName(t hcl.Traversal, i int) (string, bool) {
	if i >= len(t) {
		return "", false
	}
	switch st := t[i].(type) {
	case hcl.TraverseAttr:
		return st.Name, true
	case hcl.TraverseRoot:
		return st.Name, true
	}
	return "", false
}

// attrAfterInstance returns the attribute a traversal reads after the
// object at step i-1 (skipping one instance key), or "*" when it reads the
// whole object.
func attrAfterInstance(t hcl.Traversal, i int) string {
	if i < len(t) {
		if _, ok := t[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	if name, ok := stepName(t, i); ok {
		return name
	}
	return "*"
}

// traversalText renders a traversal as Terraform writes it.
func traversalText(t hcl.Traversal) string {
	var b strings.Builder
	for _, st := range t {
		switch st := st.(type) {
		case hcl.TraverseRoot:
			b.WriteString(st.Name)
		case hcl.TraverseAttr:
			b.WriteString(".")
			b.WriteString(st.Name)
		case hcl.TraverseIndex:
			b.WriteString(instance{key: st.Key}.keyTextAny())
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		}
	}
	return b.String()
}

// keyTextAny is keyText for any index value.
func (in instance) keyTextAny() string {
	k := in.key
	if !k.IsKnown() || k.IsNull() {
		return "[?]"
	}
	switch k.Type() {
	case cty.Number, cty.String:
		return in.keyText()
	}
	return "[?]"
}

// convertToType converts v to the variable's type constraint, as Terraform
// does before the module sees it; v stays as it is when it does not convert.
func convertToType(v cty.Value, typeExpr hcl.Expression) cty.Value {
	ty, diags := typeexpr.TypeConstraint(typeExpr)
	if diags.HasErrors() {
		return v
	}
	if c, err := convert.Convert(v, ty); err == nil {
		return c
	}
	return v
}

// baseFunctions returns Terraform's built-in functions that need no file
// system, from go-cty's stdlib and HCL's tryfunc. Functions Terraform has
// and these do not (base64*, cidr*, file hashes…) are unknown calls, so
// their results are unknown.
func baseFunctions() map[string]function.Function {
	return map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "can": tryfunc.CanFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc,
		"chunklist": stdlib.ChunklistFunc, "coalesce": stdlib.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
		"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
		"csvdecode": stdlib.CSVDecodeFunc, "distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc,
		"flatten": stdlib.FlattenFunc, "floor": stdlib.FloorFunc, "format": stdlib.FormatFunc,
		"formatdate": stdlib.FormatDateFunc, "formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc,
		"index": stdlib.IndexFunc, "join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc,
		"jsonencode": stdlib.JSONEncodeFunc, "keys": stdlib.KeysFunc, "length": lengthFunc, "log": stdlib.LogFunc,
		"lookup": stdlib.LookupFunc, "lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc,
		"min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "range": stdlib.RangeFunc,
		"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "replace": replaceFunc,
		"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
		"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc, "setunion": stdlib.SetUnionFunc,
		"signum": stdlib.SignumFunc, "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc, "split": stdlib.SplitFunc,
		"strrev": stdlib.ReverseFunc, "substr": stdlib.SubstrFunc, "timeadd": stdlib.TimeAddFunc,
		"title": stdlib.TitleFunc, "tobool": stdlib.MakeToFunc(cty.Bool),
		"tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber": stdlib.MakeToFunc(cty.Number), "toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring": stdlib.MakeToFunc(cty.String), "trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "trimsuffix": stdlib.TrimSuffixFunc, "try": tryfunc.TryFunc,
		"upper": stdlib.UpperFunc, "values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
	}
}

// lengthFunc is Terraform's length: stdlib's for collections, strlen for
// strings.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowMarked: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		return cty.Number, nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if args[0].Type() == cty.String {
			return stdlib.Strlen(args[0])
		}
		return stdlib.Length(args[0])
	},
})

// replaceFunc is Terraform's replace: a substring, or a regular expression
// when the substring is written /like this/ (stdlib's regex_replace).
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		sub := args[1].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			if _, err := regexp.Compile(sub[1 : len(sub)-1]); err != nil {
				return cty.DynamicVal, err
			}
			return stdlib.RegexReplace(args[0], cty.StringVal(sub[1:len(sub)-1]), args[2])
		}
		return stdlib.Replace(args[0], args[1], args[2])
	},
})

// fileFunctions returns base plus the functions that read files: file,
// templatefile and fileexists, confined to the scan roots. Relative paths
// are relative to the root module's directory, as Terraform runs there;
// configurations write "${path.module}/x" to reach a module's own files.
func (l *loader) fileFunctions(base map[string]function.Function) map[string]function.Function {
	fns := make(map[string]function.Function, len(base)+3)
	for k, v := range base {
		fns[k] = v
	}
	read := func(p string) (string, error) {
		abs, display := l.resolvePath(p)
		src, err := l.readFile(abs, display)
		if err != nil {
			if errors.Is(err, errOutsideRoots) || errors.Is(err, errTooLarge) {
				l.events = append(l.events, fileEvent{err: err, display: p})
			}
			return "", err
		}
		if !utf8.Valid(src) {
			return "", fmt.Errorf("%s is not UTF-8 text", display)
		}
		return string(src), nil
	}
	fns["file"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(s), nil
		},
	})
	fns["fileexists"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			abs, _ := l.resolvePath(args[0].AsString())
			if !l.inRoots(abs) {
				l.events = append(l.events, fileEvent{err: errOutsideRoots, display: args[0].AsString()})
				return cty.UnknownVal(cty.Bool), errOutsideRoots
			}
			_, err := l.readFile(abs, args[0].AsString())
			return cty.BoolVal(err == nil), nil
		},
	})
	fns["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			s, err := read(p)
			if err != nil {
				return cty.DynamicVal, err
			}
			_, display := l.resolvePath(p)
			return renderTemplate(s, display, args[1], base)
		},
	})
	return fns
}

// renderTemplate renders a templatefile() template with its variables. The
// template may call the base functions but not read files, as in Terraform.
func renderTemplate(src, filename string, vars cty.Value, fns map[string]function.Function) (cty.Value, error) {
	expr, diags := hclsyntax.ParseTemplate([]byte(src), filename, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	if !vars.IsWhollyKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
		return cty.DynamicVal, nil
	}
	ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: fns}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return v, nil
}

// fileCallRange returns the range of the first call in expr that reads a
// file, for a finding "at the call"; the expression's range otherwise.
func fileCallRange(expr hcl.Expression) model.Range {
	at := expr.Range()
	if se, ok := expr.(hclsyntax.Expression); ok {
		found := false
		_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
			if c, ok := n.(*hclsyntax.FunctionCallExpr); ok && !found {
				switch c.Name {
				case "file", "templatefile", "fileexists":
					at, found = c.Range(), true
				}
			}
			return nil
		})
	}
	return rangeFromHCL(at)
}
