// Package terraform reads Terraform configuration (.tf and .tf.json) into the
// model, the way Terraform itself would see it without running it: variables,
// tfvars, locals, local modules, count and for_each are evaluated where every
// input is known, and everything else stays a symbolic reference. Nothing is
// executed or fetched, and no file outside the scan roots is read.
package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Diagnostic rule IDs of the loader.
const (
	// DiagInternal is a panic inside the loader, recovered.
	DiagInternal = "APIGW000"
	// DiagSyntax is a file that could not be read or parsed, or was too
	// large to read.
	DiagSyntax = "APIGW001"
	// DiagOutsideRoots is a file, template or module source that leaves the
	// scan roots and was therefore not read.
	DiagOutsideRoots = "APIGW002"
	// DiagRemoteModule says once per run that registry and git modules were
	// not fetched, so their outputs are unknown.
	DiagRemoteModule = "APIGW008"
	// DiagNotLoaded (the same ID, module-not-loaded) is a bound that stopped
	// loading: a module call cycle, modules nested too deeply, a local
	// module that does not exist, more instances than are checked.
	DiagNotLoaded = "APIGW008"
)

// Bounds on hostile input.
const (
	maxFileSize    = 8 << 20 // bytes of one .tf, tfvars, file() or body document
	maxModuleDepth = 10      // nested local module calls
	maxFollow      = 32      // reference hops followed through vars, locals and outputs
	maxInstances   = 1000    // instances of one count or for_each
)

// Options configure loading.
type Options struct {
	// Roots are the scan roots (absolute, cleaned): file(), templatefile()
	// and module sources outside them are not read (APIGW002). When empty,
	// the module directory given to LoadModule is the only root.
	Roots []string
	// VarFiles are extra -var-file paths, applied after terraform.tfvars and
	// *.auto.tfvars, to root modules only (as Terraform does).
	VarFiles []string
	// Jobs is the worker pool size for LoadTree; 0 means GOMAXPROCS.
	Jobs int
	// WorkDir is what relative module directories are relative to; ""
	// means the process's working directory. Findings keep the relative
	// names.
	WorkDir string
	// ReadFile, when set, reads every file the loader reads (the analyzer
	// records them for its cache); nil is os.ReadFile.
	ReadFile func(name string) ([]byte, error)
}

// LoadModule reads the Terraform module in dir (every .tf/.tf.json there,
// plus terraform.tfvars and *.auto.tfvars) and the local modules it calls,
// as a root module. Problems are diagnostics in the fragment; it never
// panics and never returns nil.
func LoadModule(dir string, opts Options) *model.Fragment {
	res := loadRoot(dir, opts)
	frag := res.frag
	frag.Diagnostics = append(frag.Diagnostics, remoteModuleNote(res.remote)...)
	return frag
}

// LoadTree loads every given module directory as a root module, in parallel
// on a bounded worker pool, and merges the fragments in the order of dirs.
//
// Each directory is loaded as a root: a directory that one given module also
// calls as a local module is loaded twice, once as a root (its variables
// from its defaults and tfvars) and once inside its caller (its variables
// from the call), and the two loads yield elements with different IDs and
// Refs. Choosing which dirs are roots (for example, skipping directories
// that another given directory calls) is the analyzer's concern.
//
// The APIGW008 note about unfetched modules is emitted once for the whole
// tree, at the first such module block, with the others as related
// locations.
func LoadTree(dirs []string, opts Options) *model.Fragment {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	results := make([]rootResult, len(dirs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(dirs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = loadRoot(dirs[i], opts)
			}
		}()
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()

	out := &model.Fragment{}
	var remote []remoteCall
	for _, r := range results {
		out.Merge(r.frag)
		remote = append(remote, r.remote...)
	}
	out.Diagnostics = append(out.Diagnostics, remoteModuleNote(remote)...)
	return out
}

// A rootResult is one root module's fragment and its unfetched module calls,
// whose note is emitted once per run by the caller.
type rootResult struct {
	frag   *model.Fragment
	remote []remoteCall
}

// A remoteCall is a module block whose source is not a local path.
type remoteCall struct {
	name, source string
	rng          model.Range
}

// loadRoot loads one root module, turning a panic into an APIGW000
// diagnostic that names the module.
func loadRoot(dir string, opts Options) (res rootResult) {
	defer func() {
		if r := recover(); r != nil {
			res = rootResult{frag: &model.Fragment{Diagnostics: []model.Finding{{
				RuleID:   DiagInternal,
				Severity: model.SeverityError,
				Message:  fmt.Sprintf("internal error while loading Terraform module %q: %v; please report this with the module attached", dir, r),
				Range:    model.Range{Filename: dir},
			}}}}
			if os.Getenv("APIGW_LINT_DEBUG") != "" {
				debug.PrintStack()
			}
		}
	}()
	l := newLoader(dir, opts)
	l.load()
	return rootResult{frag: l.frag, remote: l.remote}
}

// remoteModuleNote returns the one APIGW008 note for the given calls, or
// nothing when there are none.
func remoteModuleNote(calls []remoteCall) []model.Finding {
	if len(calls) == 0 {
		return nil
	}
	sort.SliceStable(calls, func(i, j int) bool { return calls[i].rng.Before(calls[j].rng) })
	seen := map[model.Range]bool{}
	var uniq []remoteCall
	for _, c := range calls {
		if !seen[c.rng] {
			seen[c.rng] = true
			uniq = append(uniq, c)
		}
	}
	first := uniq[0]
	msg := fmt.Sprintf("module %q (source %q) is not fetched: its outputs are unknown, so values that come from it are not checked", first.name, first.source)
	if n := len(uniq) - 1; n > 0 {
		msg += fmt.Sprintf("; %d other non-local module call(s) likewise", n)
	}
	f := model.Finding{RuleID: DiagRemoteModule, Severity: model.SeverityNote, Message: msg, Range: first.rng}
	for _, c := range uniq[1:] {
		f.Related = append(f.Related, model.Related{Message: fmt.Sprintf("module %q (source %q) is not fetched", c.name, c.source), Range: c.rng})
	}
	return []model.Finding{f}
}

// cleanDir returns dir in the form used in IDs.
func cleanDir(dir string) string { return filepath.ToSlash(filepath.Clean(dir)) }
