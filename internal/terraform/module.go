package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A loader loads one root module and the local modules it calls. It is used
// by one goroutine.
type loader struct {
	opts     Options
	dir      string // the root module directory as given
	rootAbs  string
	roots    []string
	idPrefix string
	frag     *model.Fragment
	remote   []remoteCall
	files    map[string]*srcFile   // by display path
	configs  map[string]*modConfig // by absolute directory
	diagSeen map[string]bool
	mods     []*modInst // every module instance, callers before callees
	events   []fileEvent
	varFiles map[string]bool              // -var-file paths: given by the user, read wherever they are
	funcs    map[string]function.Function // functions that read no file
}

// A fileEvent is a file function's refusal to read, reported at the call.
type fileEvent struct {
	err     error
	display string
}

func newLoader(dir string, opts Options) *loader {
	abs, err := filepath.Abs(dir)
	if opts.WorkDir != "" && !filepath.IsAbs(dir) {
		abs, err = filepath.Join(opts.WorkDir, dir), nil
	}
	if err != nil {
		abs = filepath.Clean(dir)
	}
	l := &loader{
		opts: opts, dir: filepath.Clean(dir), rootAbs: abs,
		frag:     &model.Fragment{},
		files:    map[string]*srcFile{},
		configs:  map[string]*modConfig{},
		diagSeen: map[string]bool{},
		varFiles: map[string]bool{},
	}
	l.idPrefix = "tf:"
	if d := cleanDir(dir); d != "." {
		l.idPrefix += d + ":"
	}
	l.setRoots()
	l.funcs = baseFunctions()
	return l
}

// diag records a loading diagnostic once.
func (l *loader) diag(id string, sev model.Severity, at model.Range, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := id + "\x00" + at.String() + "\x00" + msg
	if l.diagSeen[key] {
		return
	}
	l.diagSeen[key] = true
	l.frag.Diagnostics = append(l.frag.Diagnostics, model.Finding{RuleID: id, Severity: sev, Message: msg, Range: at})
}

// load reads the root module, walks its local modules and builds the model.
func (l *loader) load() {
	cfg := l.config(l.rootAbs, l.dir)
	root := l.newModInst(cfg, nil, "", ".", 0)
	root.tfvars = l.readVarFiles(cfg)
	root.providers = map[string]*providerRef{}
	for _, p := range cfg.providers {
		root.providers[p.name] = &providerRef{mod: root, cfg: p}
	}
	// Expand every module instance and resource group; children are
	// appended to l.mods while it is walked.
	for i := 0; i < len(l.mods); i++ { //nolint:intrange // l.mods grows inside the loop; a range would stop at its first length
		m := l.mods[i]
		for _, rc := range m.cfg.resources {
			m.group(rc.addr())
		}
		for _, c := range m.cfg.calls {
			m.child(c.name)
		}
	}
	l.build()
}

// readVarFiles reads terraform.tfvars, *.auto.tfvars and the -var-file
// files, later files overriding earlier ones, as Terraform applies them.
func (l *loader) readVarFiles(cfg *modConfig) map[string]cty.Value {
	vals := map[string]cty.Value{}
	read := func(abs, display string) {
		b := l.parseFile(abs, display)
		if b == nil {
			return
		}
		for name, a := range justAttributes(b) {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() {
				vals[name] = v
			}
		}
	}
	for _, name := range cfg.varFiles {
		read(filepath.Join(cfg.abs, name), filepath.Join(cfg.dir, name))
	}
	for _, f := range l.opts.VarFiles {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		l.varFiles[abs] = true
		read(abs, filepath.Clean(f))
	}
	return vals
}

// A modInst is one instance of a module: the root, or one instance of a
// module call. Values are computed on demand and memoized.
type modInst struct {
	l          *loader
	cfg        *modConfig
	parent     *modInst
	call       *moduleCall
	callScope  scope  // the caller's scope for the call's arguments
	prefix     string // "" or `module.api.` / `module.api["k"].`
	pathModule string // path.module, relative to the root module
	depth      int
	tfvars     map[string]cty.Value
	providers  map[string]*providerRef
	memo       map[string]cty.Value
	busy       map[string]bool
	groups     map[string]*resGroup
	children   map[string]*childGroup
	funcs      map[string]function.Function
}

// A providerRef is a provider configuration as seen from a module.
type providerRef struct {
	mod *modInst
	cfg *providerConfig
}

func (l *loader) newModInst(cfg *modConfig, parent *modInst, prefix, pathModule string, depth int) *modInst {
	m := &modInst{
		l: l, cfg: cfg, parent: parent, prefix: prefix, pathModule: pathModule, depth: depth,
		memo: map[string]cty.Value{}, busy: map[string]bool{},
		groups: map[string]*resGroup{}, children: map[string]*childGroup{},
	}
	m.funcs = l.fileFunctions(l.funcs)
	l.mods = append(l.mods, m)
	return m
}

// memoize computes key once; a key that is asked for while being computed
// (a reference cycle) is unknown.
func (m *modInst) memoize(key string, f func() cty.Value) cty.Value {
	if v, ok := m.memo[key]; ok {
		return v
	}
	if m.busy[key] {
		return cty.DynamicVal
	}
	m.busy[key] = true
	v := f()
	delete(m.busy, key)
	m.memo[key] = v
	return v
}

// varValue returns var.name: the caller's argument, else a tfvars value (root
// modules), else the default, else unknown.
func (m *modInst) varValue(name string) cty.Value {
	return m.memoize("var."+name, func() cty.Value {
		vc := m.cfg.variables[name]
		var v cty.Value
		switch {
		case m.call != nil && m.call.args[name] != nil:
			v = m.callScope.eval(m.call.args[name].Expr)
		case m.tfvars != nil && m.tfvars[name] != cty.NilVal:
			v = m.tfvars[name]
		case vc != nil && vc.def != nil:
			v = scope{mod: m}.eval(vc.def.Expr)
		default:
			return cty.DynamicVal
		}
		if vc != nil && vc.typeExpr != nil {
			v = convertToType(v, vc.typeExpr)
		}
		return v
	})
}

func (m *modInst) localValue(name string) cty.Value {
	return m.memoize("local."+name, func() cty.Value {
		a := m.cfg.locals[name]
		if a == nil {
			return cty.DynamicVal
		}
		return scope{mod: m}.eval(a.Expr)
	})
}

func (m *modInst) outputValue(name string) cty.Value {
	return m.memoize("output."+name, func() cty.Value {
		a := m.cfg.outputs[name]
		if a == nil {
			return cty.DynamicVal
		}
		return scope{mod: m}.eval(a.Expr)
	})
}

// outputObject returns the module instance as an object of the named
// outputs (all of them for "*").
func (m *modInst) outputObject(names map[string]bool) cty.Value {
	attrs := map[string]cty.Value{}
	if names["*"] {
		for name := range m.cfg.outputs {
			attrs[name] = m.outputValue(name)
		}
	}
	for name := range names {
		if name != "*" {
			attrs[name] = m.outputValue(name)
		}
	}
	return cty.ObjectVal(attrs)
}

// Expansion modes of a resource or module call.
type expandMode int

const (
	expandSingle  expandMode = iota
	expandCount              // count: instances by index
	expandForEach            // for_each: instances by key
	expandUnknown            // count or for_each not known: one instance with unknown keys
)

// An instance is one key of an expansion.
type instance struct {
	key  cty.Value // NilVal for a single instance
	each *eachData
}

// keyText returns the instance key as Terraform writes it in an address.
func (in instance) keyText() string {
	if in.key == cty.NilVal {
		return ""
	}
	if in.key.Type() == cty.Number {
		return "[" + in.key.AsBigFloat().Text('f', -1) + "]"
	}
	return fmt.Sprintf("[%q]", in.key.AsString())
}

// eachData is what each.* and count.* read in one instance.
type eachData struct {
	key, value, index cty.Value
}

// expand evaluates count or for_each in the caller's scope.
func (s scope) expand(count, forEach *hcl.Attribute) (expandMode, []instance) {
	unknown := []instance{{each: &eachData{key: cty.DynamicVal, value: cty.DynamicVal, index: cty.UnknownVal(cty.Number)}}}
	switch {
	case forEach != nil:
		v := s.eval(forEach.Expr)
		if !v.IsKnown() || v.IsNull() {
			return expandUnknown, unknown
		}
		// A map's keys are known when the map is, even with unknown values
		// (for_each over another resource); a set needs every element.
		ty := v.Type()
		if !(ty.IsMapType() || ty.IsObjectType() || (ty.IsSetType() && ty.ElementType() == cty.String && v.IsWhollyKnown())) {
			return expandUnknown, unknown
		}
		var out []instance
		for it := v.ElementIterator(); it.Next(); {
			k, val := it.Element()
			if ty.IsSetType() {
				k = val
			}
			out = append(out, instance{key: k, each: &eachData{key: k, value: val, index: cty.DynamicVal}})
			if len(out) == maxInstances {
				s.mod.l.diag(DiagNotLoaded, model.SeverityNote, rangeFromHCL(forEach.Expr.Range()), "for_each has more than %d instances; only the first %d are checked", maxInstances, maxInstances)
				break
			}
		}
		return expandForEach, out
	case count != nil:
		v := s.eval(count.Expr)
		if !v.IsKnown() || v.IsNull() || v.Type() != cty.Number {
			return expandUnknown, unknown
		}
		n, acc := v.AsBigFloat().Int64()
		if acc != 0 && n == 0 {
			return expandUnknown, unknown
		}
		if n > maxInstances {
			s.mod.l.diag(DiagNotLoaded, model.SeverityNote, rangeFromHCL(count.Expr.Range()), "count is %d; only the first %d instances are checked", n, maxInstances)
			n = maxInstances
		}
		out := make([]instance, 0, max(n, 0))
		for i := range max(n, 0) {
			k := cty.NumberIntVal(i)
			out = append(out, instance{key: k, each: &eachData{key: cty.DynamicVal, value: cty.DynamicVal, index: k}})
		}
		return expandCount, out
	}
	return expandSingle, []instance{{}}
}

// A resGroup is a resource block expanded into its instances.
type resGroup struct {
	cfg   *resourceConfig
	mode  expandMode
	insts []*resInst
}

// A resInst is one instance of a resource.
type resInst struct {
	mod  *modInst
	cfg  *resourceConfig
	in   instance
	addr string // full address: module path, type.name, key
	id   string // model ID
}

// group returns the expanded resource addr ("type.name" or
// "data.type.name"), expanding it on first use; nil when the module declares
// no such resource.
func (m *modInst) group(addr string) *resGroup {
	if g, ok := m.groups[addr]; ok {
		return g
	}
	rc := m.cfg.resByAddr[addr]
	if rc == nil {
		return nil
	}
	if m.busy["group."+addr] {
		return nil // for_each that refers to itself
	}
	m.busy["group."+addr] = true
	mode, ins := scope{mod: m}.expand(rc.count, rc.forEach)
	delete(m.busy, "group."+addr)
	g := &resGroup{cfg: rc, mode: mode}
	for _, in := range ins {
		ri := &resInst{mod: m, cfg: rc, in: in, addr: m.prefix + addr + in.keyText()}
		ri.id = m.l.idPrefix + ri.addr
		g.insts = append(g.insts, ri)
	}
	m.groups[addr] = g
	return g
}

// scope returns the scope the instance's arguments are evaluated in.
func (ri *resInst) scope() scope { return scope{mod: ri.mod, each: ri.in.each} }

// attrValue returns the value of an argument of the instance, or unknown for
// a computed attribute.
func (ri *resInst) attrValue(name string) cty.Value {
	a := ri.cfg.body.attrs[name]
	if a == nil {
		return cty.DynamicVal
	}
	return ri.mod.memoize("attr."+ri.addr+"."+name, func() cty.Value { return ri.scope().eval(a.Expr) })
}

// object returns the instance as an object of the named attributes (all
// arguments for "*").
func (ri *resInst) object(names map[string]bool) cty.Value {
	attrs := map[string]cty.Value{}
	if names["*"] {
		for name := range ri.cfg.body.attrs {
			attrs[name] = ri.attrValue(name)
		}
	}
	for name := range names {
		if name != "*" {
			attrs[name] = ri.attrValue(name)
		}
	}
	return cty.ObjectVal(attrs)
}

// value returns the group as Terraform exposes it to references: one object,
// a tuple by count index, an object by for_each key. Instances the
// expression does not index are unknown rather than computed, so that
// count = 1000 with a reference to [0] stays linear.
func (g *resGroup) value(n *need) cty.Value {
	switch g.mode {
	case expandSingle:
		return g.insts[0].object(n.attrs)
	case expandCount:
		if len(g.insts) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(g.insts))
		for i, ri := range g.insts {
			vals[i] = cty.DynamicVal
			if n.wants(ri.in.key) {
				vals[i] = ri.object(n.attrs)
			}
		}
		return cty.TupleVal(vals)
	case expandForEach:
		attrs := map[string]cty.Value{}
		for _, ri := range g.insts {
			attrs[ri.in.key.AsString()] = cty.DynamicVal
			if n.wants(ri.in.key) {
				attrs[ri.in.key.AsString()] = ri.object(n.attrs)
			}
		}
		return cty.ObjectVal(attrs)
	}
	return cty.DynamicVal
}

// A childGroup is a module call expanded into its instances.
type childGroup struct {
	call  *moduleCall
	mode  expandMode
	insts []*modInst
	keys  []instance
	// skip is set when the module is not read: remote, outside the roots,
	// a cycle or too deep. Its outputs are unknown.
	skip bool
}

// child returns the expanded module call name, walking into it on first use.
func (m *modInst) child(name string) *childGroup {
	if g, ok := m.children[name]; ok {
		return g
	}
	var call *moduleCall
	for _, c := range m.cfg.calls {
		if c.name == name {
			call = c
			break
		}
	}
	if call == nil {
		return nil
	}
	g := &childGroup{call: call, skip: true}
	m.children[name] = g
	l := m.l
	defRange := rangeFromHCL(call.block.DefRange)
	if call.source == nil {
		return g
	}
	src, diags := call.source.Expr.Value(nil)
	if diags.HasErrors() || !src.IsKnown() || src.IsNull() || src.Type() != cty.String {
		return g
	}
	source := src.AsString()
	if !isLocalSource(source) {
		l.remote = append(l.remote, remoteCall{name: name, source: source, rng: defRange})
		return g
	}
	abs := filepath.Join(m.cfg.abs, filepath.FromSlash(source))
	display := filepath.Join(m.cfg.dir, filepath.FromSlash(source))
	if !l.inRoots(abs) {
		l.diag(DiagOutsideRoots, model.SeverityWarning, rangeFromHCL(call.source.Expr.Range()), "module source %q is outside the scan roots and was not read; its outputs are unknown", source)
		return g
	}
	if m.depth+1 > maxModuleDepth {
		l.diag(DiagNotLoaded, model.SeverityNote, defRange, "module %q is nested more than %d modules deep and was not read", name, maxModuleDepth)
		return g
	}
	for p := m; p != nil; p = p.parent {
		if p.cfg.abs == abs {
			l.diag(DiagNotLoaded, model.SeverityNote, defRange, "module %q calls itself through %q; the cycle was not followed", name, source)
			return g
		}
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		l.diag(DiagNotLoaded, model.SeverityNote, rangeFromHCL(call.source.Expr.Range()), "module source %q is not a directory; its outputs are unknown", source)
		return g
	}
	cfg := l.config(abs, display)
	rel, err := filepath.Rel(l.rootAbs, abs)
	if err != nil {
		rel = abs
	}
	g.skip = false
	m.busy["module."+name] = true
	g.mode, g.keys = scope{mod: m}.expand(call.count, call.forEach)
	delete(m.busy, "module."+name)
	for _, in := range g.keys {
		c := l.newModInst(cfg, m, m.prefix+"module."+name+in.keyText()+".", filepath.ToSlash(rel), m.depth+1)
		c.call = call
		c.callScope = scope{mod: m, each: in.each}
		c.providers = m.childProviders(call)
		for _, p := range cfg.providers {
			c.providers[p.name] = &providerRef{mod: c, cfg: p}
		}
		g.insts = append(g.insts, c)
	}
	return g
}

// childProviders returns the provider configurations a called module sees:
// the caller's default (unaliased) ones, and those passed in `providers`.
func (m *modInst) childProviders(call *moduleCall) map[string]*providerRef {
	out := map[string]*providerRef{}
	for name, p := range m.providers {
		if !strings.Contains(name, ".") {
			out[name] = p
		}
	}
	if call.providers == nil {
		return out
	}
	pairs, diags := hcl.ExprMap(call.providers.Expr)
	if diags.HasErrors() {
		return out
	}
	for _, kv := range pairs {
		k, kd := hcl.AbsTraversalForExpr(kv.Key)
		v, vd := hcl.AbsTraversalForExpr(kv.Value)
		if kd.HasErrors() || vd.HasErrors() {
			continue
		}
		if p := m.providers[traversalText(v)]; p != nil {
			out[traversalText(k)] = p
		}
	}
	return out
}

// moduleValue returns module.name as Terraform exposes it to references.
func (m *modInst) moduleValue(name string, outputs map[string]bool) cty.Value {
	if m.busy["module."+name] {
		return cty.DynamicVal
	}
	g := m.child(name)
	if g == nil || g.skip {
		return cty.DynamicVal
	}
	switch g.mode {
	case expandSingle:
		return g.insts[0].outputObject(outputs)
	case expandCount:
		if len(g.insts) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(g.insts))
		for i, c := range g.insts {
			vals[i] = c.outputObject(outputs)
		}
		return cty.TupleVal(vals)
	case expandForEach:
		attrs := map[string]cty.Value{}
		for i, c := range g.insts {
			attrs[g.keys[i].key.AsString()] = c.outputObject(outputs)
		}
		return cty.ObjectVal(attrs)
	}
	return cty.DynamicVal
}

// isLocalSource reports whether a module source is a local path, which
// Terraform recognises by its "./" or "../" prefix.
func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, `.\`) || strings.HasPrefix(s, `..\`)
}
