// Package policies holds the built-in Rego policies of apigw-lint (OPA v1
// syntax, one policy per file with its METADATA and its _test.rego beside
// it) and the engine that evaluates them over the model.
package policies

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Builtin is the embedded policy tree.
//
//go:embed apigw
var Builtin embed.FS

// Policies live in packages data.apigw.rules.<category>.<name> and report
// through a deny set. Every finding of every policy is found by queries
// evaluated side by side over one input (see queriesFor).

// heavy are the categories evaluated in queries of their own: selection
// (APIGW110 visits every integration response) and security (several
// policies visit every method).
var heavy = []string{"selection", "security"}

// A policyQuery is one of the queries and the policy packages it covers.
type policyQuery struct {
	text     string
	packages []string // data.apigw.rules.<category>.<name>
}

// queriesFor returns the queries over the compiled policies' categories: one
// per heavy category, and one for all the others, the user's own included.
// A category is bound before the reference is taken, so that each query
// evaluates its own policies only.
func queriesFor(c *ast.Compiler) []policyQuery {
	prefix := ast.MustParseRef("data.apigw.rules")
	byCategory := map[string][]string{}
	for _, m := range c.Modules {
		path := m.Package.Path
		if len(path) <= len(prefix)+1 || !path.HasPrefix(prefix) {
			continue
		}
		if s, ok := path[len(prefix)].Value.(ast.String); ok {
			byCategory[string(s)] = append(byCategory[string(s)], path.String())
		}
	}
	var out []policyQuery
	var rest []string
	var restPkgs []string
	for _, h := range heavy {
		if pkgs, ok := byCategory[h]; ok {
			out = append(out, policyQuery{fmt.Sprintf("finding := data.apigw.rules[%q][_].deny[_]", h), pkgs})
			delete(byCategory, h)
		}
	}
	for c, pkgs := range byCategory {
		rest = append(rest, strconv.Quote(c))
		restPkgs = append(restPkgs, pkgs...)
	}
	if len(rest) > 0 {
		sort.Strings(rest)
		out = append(out, policyQuery{fmt.Sprintf("some category in {%s}; finding := data.apigw.rules[category][_].deny[_]", strings.Join(rest, ", ")), restPkgs})
	}
	for i := range out {
		sort.Strings(out[i].packages)
		out[i].packages = slices.Compact(out[i].packages)
	}
	return out
}

// DefaultTimeout bounds one evaluation over the whole model.
const DefaultTimeout = 30 * time.Second

// An Engine is the compiled policies with their query prepared once.
type Engine struct {
	prepared []rego.PreparedEvalQuery
	queries  []policyQuery
	compiler *ast.Compiler
	rules    []model.RuleInfo
	Timeout  time.Duration
	// builtinOnly is set when no user policy is loaded: the input then
	// leaves out what no built-in policy reads (see builtinPrune).
	builtinOnly bool
	// FullInput turns that off (the test that checks the pruning uses it).
	FullInput bool
}

// denied are the built-ins a policy may not call: policies see the model
// and nothing else. No network, no environment, no clock-dependent results.
var denied = []string{"http.send", "opa.runtime", "net.", "time.now_ns", "trace", "rand.", "uuid.rfc4122", "io.jwt.decode_verify", "providers.aws.sign_req"}

// Capabilities returns OPA's capabilities less the denied built-ins.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !isDenied(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

func isDenied(name string) bool {
	for _, d := range denied {
		if name == d || (strings.HasSuffix(d, ".") && strings.HasPrefix(name, d)) {
			return true
		}
	}
	return false
}

// Modules reads every non-test .rego file of fsys.
func Modules(fsys fs.FS) (map[string]string, error) {
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".rego") || strings.HasSuffix(path, "_test.rego") {
			return nil
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		out[path] = string(b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read policies: %w", err)
	}
	return out, nil
}

// New compiles the built-in policies and the users' policy directories
// (every non-test .rego file below them), and prepares the query.
func New(ctx context.Context, dirs ...string) (*Engine, error) {
	srcs, err := Modules(Builtin)
	if err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		user, err := Modules(os.DirFS(dir))
		if err != nil {
			return nil, fmt.Errorf("policy directory %s: %w", dir, err)
		}
		for name, src := range user {
			srcs[filepath.ToSlash(filepath.Join(dir, name))] = src
		}
	}
	e, err := Compile(ctx, srcs)
	if err != nil {
		return nil, err
	}
	e.builtinOnly = len(dirs) == 0
	return e, nil
}

// Compile parses and compiles the given modules (name → source) and prepares
// the query once.
func Compile(ctx context.Context, srcs map[string]string) (*Engine, error) {
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)
	modules := map[string]*ast.Module{}
	for _, n := range names {
		m, err := ast.ParseModuleWithOpts(n, srcs[n], ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("parse policy %s: %w", n, err)
		}
		modules[n] = m
	}
	compiler := ast.NewCompiler().WithCapabilities(Capabilities()).WithEnablePrintStatements(false)
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, fmt.Errorf("compile policies: %w", compiler.Errors)
	}
	rules, err := ruleInfos(compiler)
	if err != nil {
		return nil, err
	}
	e := &Engine{rules: rules, Timeout: DefaultTimeout, compiler: compiler}
	for _, q := range queriesFor(compiler) {
		e.queries = append(e.queries, q)
		prepared, err := rego.New(
			rego.Query(q.text),
			rego.Compiler(compiler),
			rego.StrictBuiltinErrors(true),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare policy query: %w", err)
		}
		e.prepared = append(e.prepared, prepared)
	}
	return e, nil
}

// ruleInfos reads each policy package's METADATA into rule descriptions.
func ruleInfos(c *ast.Compiler) ([]model.RuleInfo, error) {
	var out []model.RuleInfo
	for _, ref := range c.GetAnnotationSet().Flatten() {
		a := ref.Annotations
		if a == nil || a.Scope != "package" || a.Custom == nil {
			continue
		}
		id, _ := a.Custom["id"].(string)
		if id == "" {
			continue
		}
		sevName, _ := a.Custom["severity"].(string)
		sev, err := model.ParseSeverity(sevName)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", id, err)
		}
		name, _ := a.Custom["name"].(string)
		title := strings.TrimSpace(strings.TrimPrefix(a.Title, id+" "+name))
		desc := strings.TrimSpace(a.Description)
		if first, _, _ := strings.Cut(desc, "\n"); title == "" || title == a.Title {
			title = strings.TrimSuffix(first, ".")
		}
		doc := id + " " + name + ": " + desc
		for _, rr := range a.RelatedResources {
			if rr != nil && rr.Ref.String() != "" {
				doc += "\n\n" + rr.Ref.String()
			}
		}
		info := model.RuleInfo{
			ID: id, Name: name, Title: strings.TrimSuffix(title, "."), Severity: sev, Doc: doc,
			HelpURI: model.DocsBase + id + ".md",
		}
		if tags, ok := a.Custom["tags"].([]any); ok {
			for _, t := range tags {
				if s, ok := t.(string); ok {
					info.Tags = append(info.Tags, s)
				}
			}
		}
		if s, ok := a.Custom["security_severity"].(string); ok {
			info.SecuritySeverity = s
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Rules returns the descriptions of the compiled policies, sorted by ID.
func (e *Engine) Rules() []model.RuleInfo { return e.rules }

// Eval evaluates every policy once over the whole model, with one worker
// per CPU.
func (e *Engine) Eval(ctx context.Context, p *model.Project) ([]model.Finding, error) {
	return e.EvalJobs(ctx, p, runtime.GOMAXPROCS(0))
}

// EvalJobs evaluates every policy once over the whole model: the model is
// converted to OPA's input with up to jobs goroutines, and the queries
// (see queriesFor) run side by side when jobs allows. When a policy fails,
// the others' findings are still returned, with a *PolicyError for each
// one that failed (joined); any other error means no findings.
func (e *Engine) EvalJobs(ctx context.Context, p *model.Project, jobs int) ([]model.Finding, error) {
	c := &converter{workers: max(jobs, 1)}
	if e.builtinOnly && !e.FullInput {
		c.prune, c.keep = builtinPrune, builtinKeep(p)
	}
	input, err := c.value(reflect.ValueOf(p))
	if err != nil {
		return nil, fmt.Errorf("convert policy input: %w", err)
	}
	if e.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.Timeout)
		defer cancel()
	}
	results := make([]rego.ResultSet, len(e.prepared))
	errs := make([]error, len(e.prepared))
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	for i, q := range e.prepared {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			defer func() {
				if v := recover(); v != nil {
					errs[i] = fmt.Errorf("panic: %v", v)
				}
			}()
			results[i], errs[i] = q.Eval(ctx, rego.EvalParsedInput(input))
		})
	}
	wg.Wait()
	var out []model.Finding
	var failed []error
	for i, rs := range results {
		var fs []model.Finding
		err := errs[i]
		if err == nil {
			fs, err = decodeFindings(rs)
		}
		if err != nil {
			if ctx.Err() != nil {
				return out, fmt.Errorf("evaluate policies: %w", err)
			}
			// A policy failed or returned a malformed finding: find it,
			// and keep the others' findings.
			var perr []error
			fs, perr = e.isolate(ctx, i, input)
			failed = append(failed, perr...)
		}
		out = append(out, fs...)
	}
	return out, errors.Join(failed...)
}

// A PolicyError is the failure of one policy's evaluation.
type PolicyError struct {
	Policy string // its package
	Err    error
}

func (e *PolicyError) Error() string { return e.Policy + ": " + e.Err.Error() }
func (e *PolicyError) Unwrap() error { return e.Err }

// isolate evaluates the policies of query i one package at a time, after
// the query as a whole failed: the findings of those that succeed, and a
// PolicyError for each that does not.
func (e *Engine) isolate(ctx context.Context, i int, input ast.Value) ([]model.Finding, []error) {
	var out []model.Finding
	var failed []error
	for _, pkg := range e.queries[i].packages {
		fs, err := e.evalPackage(ctx, pkg, input)
		if err != nil {
			failed = append(failed, &PolicyError{Policy: strings.TrimPrefix(pkg, "data."), Err: err})
			continue
		}
		out = append(out, fs...)
	}
	return out, failed
}

// evalPackage evaluates one policy package; a panic is its error.
func (e *Engine) evalPackage(ctx context.Context, pkg string, input ast.Value) (fs []model.Finding, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v", v)
		}
	}()
	q, err := rego.New(
		rego.Query("finding := "+pkg+".deny[_]"),
		rego.Compiler(e.compiler),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, err
	}
	return decodeFindings(rs)
}

// decodeFindings reads the findings a query returned.
func decodeFindings(rs rego.ResultSet) ([]model.Finding, error) {
	var out []model.Finding
	for _, r := range rs {
		raw, err := json.Marshal(r.Bindings["finding"])
		if err != nil {
			return nil, fmt.Errorf("encode policy finding: %w", err)
		}
		var f model.Finding
		if err := json.Unmarshal(raw, &f); err != nil {
			return nil, fmt.Errorf("policy finding %s: %w", raw, err)
		}
		if f.RuleID == "" || f.Range.Filename == "" {
			return nil, fmt.Errorf("policy finding without rule ID or range: %s", raw)
		}
		out = append(out, f)
	}
	return out, nil
}
