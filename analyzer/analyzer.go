// Package analyzer is the pipeline of apigw-lint: discover files, load them
// in parallel into one model, run the Go rules and the Rego policies over it,
// and order the findings. It is the only package that knows every file format
// and every rule; a Go program can embed it through Run.
package analyzer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/cloudformation"
	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/openapi"
	"github.com/apigw-lint/apigw-lint/internal/terraform"
	"github.com/apigw-lint/apigw-lint/policies"
	"github.com/apigw-lint/apigw-lint/rules"
)

// Options configure one run.
type Options struct {
	Paths    []string
	VarFiles []string
	// Jobs bounds the loaders' worker pool and the rules that run at once;
	// 0 means GOMAXPROCS.
	Jobs int
	// WorkDir is what finding paths are relative to; "" is the current
	// directory.
	WorkDir string
	// Only, when set, restricts the rules that run to these IDs (the
	// fixtures' harness uses it); loading diagnostics are always kept.
	Only map[string]bool
	// Config is the configuration file's settings, with the command line's
	// already merged in; nil means the defaults.
	Config *config.Config
	// Baseline, when set, suppresses the findings it records.
	Baseline *Baseline
	// Policies are extra Rego policy directories.
	Policies []string
	// Now is the time certificates are checked against; zero means now.
	Now time.Time
	// Parameters are CloudFormation template parameter values; they
	// override the templates' defaults.
	Parameters map[string]string
	// CacheDir, when set, keeps each run's findings there, keyed by the
	// run's inputs and checked against the content of every file it read
	// (see cache.go); "" turns the cache off.
	CacheDir string
}

// A Result is one run's output.
type Result struct {
	Findings []model.Finding
	Project  *model.Project
	Files    int
	Rules    []model.RuleInfo
	// Cached is set when the findings came from the cache; Project is then
	// empty.
	Cached bool
	// Reused counts the documents whose loading was taken from the parse
	// cache.
	Reused int
}

// RuleInternal is the rule ID of a rule or policy that failed to run.
const RuleInternal = "APIGW000"

// Run analyzes the given paths.
func Run(ctx context.Context, opts Options) (*Result, error) {
	cwd := opts.WorkDir
	if cwd == "" {
		var err error
		if cwd, err = os.Getwd(); err != nil {
			return nil, fmt.Errorf("find working directory: %w", err)
		}
	}
	cwd, _ = filepath.Abs(cwd)
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	in, err := discover(opts.Paths, cwd, cfg)
	if err != nil {
		return nil, err
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	src := newSources(cwd)
	var key string
	if opts.CacheDir != "" {
		sweep(opts.CacheDir, time.Now())
		if key, err = cacheKey(opts, in, cwd, time.Now()); err != nil {
			return nil, err
		}
		if e, ok := cacheLoad(opts.CacheDir, key); ok {
			return &Result{Findings: e.Findings, Project: &model.Project{}, Files: e.Scanned, Rules: e.Rules, Cached: true}, nil
		}
		src.log = newReadLog()
		for _, d := range in.tfDirs {
			src.log.dir(src.abs(d))
		}
	}
	project, reused, validated := load(in, src, opts, jobs)
	engine, err := policyEngine(ctx, opts.Policies)
	if err != nil {
		return nil, err
	}
	project.Parameters = cfg.Params
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	findings := check(ctx, project, engine, opts.Only, now, cfg.Params, jobs)
	findings = append(findings, validated()...)
	findings = append(findings, project.Diagnostics...)
	findings = append(findings, in.diags...)
	findings = configure(findings, cfg, opts.Only)
	files := append(append(append([]string{}, in.docs...), in.vtl...), terraformFiles(in.tfDirs, cwd)...)
	// One fingerprinter for the run: the findings of suppression problems,
	// added below, continue its occurrence counts.
	fp := model.NewFingerprinter(src.text)
	fingerprint(fp, findings)
	inlines, diags := scanSuppressions(files, src)
	fromIgnores(inlines, project.Ignores)
	findings = append(findings, diags...)
	findings = suppress(findings, inlines, func(f model.Finding) (string, bool) {
		return cfg.Ignored(f.RuleID, f.Range.Filename, src.abs(f.Range.Filename))
	}, opts.Baseline)
	fingerprint(fp, findings)
	findings = order(findings)
	res := &Result{
		Findings: findings,
		Project:  project,
		Files:    len(files),
		Rules:    AllRules(ctx),
		Reused:   reused,
	}
	if key != "" && !slices.ContainsFunc(findings, func(f model.Finding) bool { return f.RuleID == RuleInternal }) {
		// An internal error (a policy cut off at its deadline) may not
		// recur: such a run is not kept. Nor is a failure to write it a
		// failure of the run.
		_ = cacheStore(opts.CacheDir, key, src.log, res)
	}
	return res, nil
}

// configure applies the configuration's rule switches and severity
// overrides.
func configure(fs []model.Finding, cfg *config.Config, only map[string]bool) []model.Finding {
	disabled := map[string]bool{}
	for _, id := range cfg.Disable {
		disabled[id] = true
	}
	for _, id := range cfg.Enable {
		delete(disabled, id)
	}
	for id := range defaultDisabled {
		if !slices.Contains(cfg.Enable, id) && !only[id] {
			disabled[id] = true
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if disabled[f.RuleID] && f.RuleID != RuleInternal {
			continue
		}
		if s, ok := cfg.Severity[f.RuleID]; ok {
			f.Severity, _ = model.ParseSeverity(s)
		}
		out = append(out, f)
	}
	return out
}

// defaultDisabled are rules that flag a legitimate choice: they run only
// when the configuration enables them.
var defaultDisabled = map[string]bool{"APIGW707": true}

// fingerprint sets the fingerprint of every finding that has none.
func fingerprint(fp *model.Fingerprinter, fs []model.Finding) {
	for i := range fs {
		if fs[i].Fingerprint == "" {
			fs[i].Fingerprint = fp.Of(fs[i])
		}
	}
}

var (
	enginesMu sync.Mutex
	engines   = map[string]*policies.Engine{}
)

// policyEngine compiles the built-in policies and the given directories'
// once per process.
func policyEngine(ctx context.Context, dirs []string) (*policies.Engine, error) {
	key := strings.Join(dirs, "\x00")
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if e, ok := engines[key]; ok {
		return e, nil
	}
	e, err := policies.New(ctx, dirs...)
	if err != nil {
		return nil, err
	}
	engines[key] = e
	return e, nil
}

// AllRules describes every built-in rule, Go and Rego, sorted by ID.
func AllRules(ctx context.Context) []model.RuleInfo {
	var out []model.RuleInfo
	for _, r := range rules.All() {
		out = append(out, r.Info())
	}
	if e, err := policyEngine(ctx, nil); err == nil {
		out = append(out, e.Rules()...)
	}
	out = append(out, diagnosticRules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// load runs the loaders in a bounded worker pool and merges their fragments
// in a fixed order, so that the same tree gives the same model.
func load(in *input, src *sources, opts Options, jobs int) (*model.Project, int, func() []model.Finding) {
	cwd := src.cwd
	frags := make([]*model.Fragment, len(in.docs)+len(in.vtl)+1)
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	run := func(i int, fn func() *model.Fragment) {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			frags[i] = safeLoad(fn)
		}()
	}
	pc := newParseCache(opts.CacheDir, cwd, in.roots, opts.Parameters)
	// With no more documents than workers, each export's validation runs on
	// while the rules do (see Run); with more, the workers have other
	// documents to load, and waiting keeps each export's parse tree from
	// outliving its load.
	deferKin := len(in.docs) <= jobs
	waits := make([]func() []model.Finding, len(in.docs))
	for i, path := range in.docs {
		run(i, func() *model.Fragment {
			frag, wait := loadDocument(path, src, in.roots, opts.Parameters, pc)
			if deferKin {
				waits[i] = wait
			} else if late := wait(); frag != nil {
				frag.Diagnostics = append(frag.Diagnostics, late...)
			}
			return frag
		})
	}
	for i, path := range in.vtl {
		run(len(in.docs)+i, func() *model.Fragment { return loadVTL(path, src) })
	}
	if len(in.tfDirs) > 0 {
		roots := in.roots
		wg.Add(1)
		go func() {
			defer wg.Done()
			frags[len(frags)-1] = safeLoad(func() *model.Fragment {
				return terraform.LoadTree(in.tfDirs, terraform.Options{Roots: roots, VarFiles: opts.VarFiles, Jobs: jobs, WorkDir: cwd, ReadFile: src.read})
			})
		}()
	}
	wg.Wait()
	p := &model.Project{}
	for _, f := range frags {
		p.Merge(f)
	}
	reused := 0
	if pc != nil {
		reused = int(pc.hits.Load())
	}
	// wait returns the deferred validations' findings.
	wait := func() []model.Finding {
		var out []model.Finding
		for _, w := range waits {
			if w != nil {
				out = append(out, w()...)
			}
		}
		return out
	}
	return p, reused, wait
}

// safeLoad turns a loader's panic into an internal-error diagnostic.
func safeLoad(fn func() *model.Fragment) (f *model.Fragment) {
	defer func() {
		if r := recover(); r != nil {
			f = &model.Fragment{Diagnostics: []model.Finding{{
				RuleID: RuleInternal, Severity: model.SeverityError,
				Message: fmt.Sprintf("internal error while loading: %v; please report it with the file", r),
				Range:   model.Range{Filename: "apigw-lint", Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}},
			}}}
		}
	}()
	return fn()
}

func readFile(path string, src *sources) ([]byte, *model.Fragment) {
	pos := model.Pos{Line: 1, Column: 1}
	if info, err := os.Stat(src.abs(path)); err == nil && info.Size() > MaxFileSize {
		return nil, &model.Fragment{Diagnostics: []model.Finding{{
			RuleID: RuleTooLarge, Severity: model.SeverityWarning,
			Message: fmt.Sprintf("file is %d MB, over the %d MB cap: it is not checked; split it, or exclude it", info.Size()>>20, MaxFileSize>>20),
			Range:   model.Range{Filename: path, Start: pos, End: pos},
		}}}
	}
	text, err := src.read(path)
	if err != nil {
		return nil, &model.Fragment{Diagnostics: []model.Finding{{
			RuleID: "APIGW001", Severity: model.SeverityError,
			Message: fmt.Sprintf("cannot be read: %v", err),
			Range:   model.Range{Filename: path, Start: pos, End: pos},
		}}}
	}
	return text, nil
}

// MaxFileSize caps the files that are loaded: a larger one is an APIGW005
// finding, not a load that could exhaust memory.
var MaxFileSize int64 = 10 << 20

// RuleTooLarge is the rule ID of input that is not loaded because of a cap.
const RuleTooLarge = "APIGW005"

// loadDocument loads an OpenAPI export or a CloudFormation template. An
// export's kin-openapi validation may still be running when it returns:
// wait returns its finding (it is never nil).
func loadDocument(path string, files *sources, roots []string, params map[string]string, pc *parseCache) (frag *model.Fragment, wait func() []model.Finding) {
	wait = func() []model.Finding { return nil }
	src, failed := readFile(path, files)
	if failed != nil {
		return failed, wait
	}
	var key string
	if pc != nil {
		key = pc.key(path, files.digest(path, src))
		if frag, ok := pc.get(key); ok {
			return frag, wait
		}
	}
	readOther := false
	readFile := func(name string) ([]byte, error) {
		readOther = true
		return files.read(name)
	}
	frag, ok, wait := openapi.LoadDeferred(path, src, openapi.Options{})
	if !ok {
		// A CloudFormation/SAM template or serverless.yml, else a JSON or
		// YAML file that is none of these.
		frag, _ = cloudformation.Load(path, src, cloudformation.Options{Roots: roots, WorkDir: files.cwd, Parameters: params, ReadFile: readFile})
	}
	if pc == nil || readOther {
		return frag, wait
	}
	enc, ok := pc.encode(frag) // now: the run annotates the fragment later
	if !ok {
		return frag, wait
	}
	validated := wait
	return frag, sync.OnceValue(func() []model.Finding {
		late := validated()
		pc.put(key, enc, late)
		return late
	})
}

func loadVTL(path string, files *sources) *model.Fragment {
	src, failed := readFile(path, files)
	if failed != nil {
		return failed
	}
	ix := model.NewLineIndex(src)
	r := model.Range{Filename: path, Start: ix.Pos(0), End: ix.Pos(len(src))}
	return &model.Fragment{Templates: []*model.Template{{
		ID:    "vtl:" + path,
		Range: r,
		Side:  model.SideStandalone,
		Body:  model.Lit(string(src), r),
	}}}
}

// check runs every Go rule and the policies, in parallel, over the model.
func check(ctx context.Context, p *model.Project, engine *policies.Engine, only map[string]bool, now time.Time, params config.Params, jobs int) []model.Finding {
	return checkRules(ctx, rules.All(), p, engine, only, now, params, jobs)
}

// checkRules is check over the given Go rules.
func checkRules(ctx context.Context, all []*rules.Rule, p *model.Project, engine *policies.Engine, only map[string]bool, now time.Time, params config.Params, jobs int) []model.Finding {
	patterns := rules.NewPatterns()
	rules.Annotate(p, patterns)
	results := make([][]model.Finding, len(all)+1)
	// At most jobs rules (the policy evaluation counts as one) run at a
	// time. The policies go first: they take longest.
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	if engine != nil {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			defer func() {
				if v := recover(); v != nil {
					results[len(all)] = append(results[len(all)], internalError("policies", fmt.Errorf("panic: %v\n%s", v, debug.Stack())))
				}
			}()
			fs, err := engine.EvalJobs(ctx, p, jobs)
			for _, f := range fs {
				if only == nil || only[f.RuleID] {
					results[len(all)] = append(results[len(all)], f)
				}
			}
			results[len(all)] = append(results[len(all)], policyFailures(err)...)
		})
	}
	for i, r := range all {
		if only != nil && !only[r.ID] {
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			results[i] = runRule(&rules.Pass{Rule: r, Project: p, Patterns: patterns, Now: now, Params: params})
		})
	}
	wg.Wait()
	var out []model.Finding
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

// policyFailures turns the policies' evaluation error into APIGW000
// findings: one per failing policy, or one for the evaluation.
func policyFailures(err error) []model.Finding {
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []model.Finding
	for _, e := range errs {
		var pe *policies.PolicyError
		if errors.As(e, &pe) {
			out = append(out, internalError("policy "+pe.Policy, pe.Err))
		} else {
			out = append(out, internalError("policies", e))
		}
	}
	return out
}

func runRule(pass *rules.Pass) (out []model.Finding) {
	r := pass.Rule
	defer func() {
		if v := recover(); v != nil {
			out = append(out, internalError(r.ID, fmt.Errorf("panic: %v\n%s", v, debug.Stack())))
		}
	}()
	pass.Report = func(f model.Finding) { out = append(out, f) }
	if err := r.Check(pass); err != nil {
		out = append(out, internalError(r.ID, err))
	}
	return out
}

func internalError(who string, err error) model.Finding {
	pos := model.Pos{Line: 1, Column: 1}
	return model.Finding{
		RuleID: RuleInternal, Severity: model.SeverityError,
		Message: fmt.Sprintf("internal error in %s: %v; please report it", who, err),
		Range:   model.Range{Filename: "apigw-lint", Start: pos, End: pos},
	}
}

// order sorts findings and removes exact duplicates.
func order(fs []model.Finding) []model.Finding {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Less(fs[j]) })
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f.RuleID == fs[i-1].RuleID && f.Range == fs[i-1].Range && f.Message == fs[i-1].Message {
			continue
		}
		out = append(out, f)
	}
	return out
}

// terraformFiles lists the .tf and .tf.json files of the module
// directories.
func terraformFiles(dirs []string, cwd string) []string {
	var out []string
	for _, d := range dirs {
		dir := d
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(cwd, d)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() && kindOf(e.Name()) == kindTerraform {
				out = append(out, filepath.ToSlash(filepath.Join(d, e.Name())))
			}
		}
	}
	return out
}
