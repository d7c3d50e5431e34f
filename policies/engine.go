// Package policies holds the built-in Rego policies of apigw-lint (OPA v1
// syntax, one policy per file with its METADATA and its _test.rego beside
// it) and the engine that evaluates them over the model.
package policies

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Builtin is the embedded policy tree.
//
//go:embed apigw
var Builtin embed.FS

// query finds every finding of every policy: policies live in packages
// apigw.rules.<category>.<name> and report through a `deny` set.
const query = "finding := data.apigw.rules[_][_].deny[_]"

// DefaultTimeout bounds one evaluation over the whole model.
const DefaultTimeout = 30 * time.Second

// An Engine is the compiled policies with their query prepared once.
type Engine struct {
	prepared rego.PreparedEvalQuery
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
	prepared, err := rego.New(
		rego.Query(query),
		rego.Compiler(compiler),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare policy query: %w", err)
	}
	return &Engine{prepared: prepared, rules: rules, Timeout: DefaultTimeout}, nil
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

// Eval evaluates every policy once over the whole model.
func (e *Engine) Eval(ctx context.Context, p *model.Project) ([]model.Finding, error) {
	var input ast.Value
	var err error
	if e.builtinOnly && !e.FullInput {
		input, err = toValuePruned(reflect.ValueOf(p), builtinPrune)
	} else {
		input, err = toValue(reflect.ValueOf(p))
	}
	if err != nil {
		return nil, fmt.Errorf("convert policy input: %w", err)
	}
	if e.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, e.Timeout)
		defer cancel()
	}
	rs, err := e.prepared.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", err)
	}
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
