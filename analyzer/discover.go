package analyzer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// skipDirs are never walked: version control, dependencies, Terraform's
// download cache.
var skipDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true, ".hg": true, ".svn": true}

// A file kind, by name.
const (
	kindDocument  = "document" // JSON or YAML: an OpenAPI document, or skipped
	kindTerraform = "terraform"
	kindVTL       = "vtl"
)

// input is what discovery found.
type input struct {
	docs      []string // display paths of JSON/YAML files
	vtl       []string
	tfDirs    []string // display paths of Terraform module directories
	roots     []string // absolute scan roots
	diags     []model.Finding
	displayOf map[string]string
}

func kindOf(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".tf"), strings.HasSuffix(lower, ".tf.json"):
		return kindTerraform
	case strings.HasSuffix(lower, ".json"), strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return kindDocument
	case strings.HasSuffix(lower, ".vtl"):
		return kindVTL
	}
	return ""
}

// discover walks the given paths. A directory is walked recursively; a file
// is taken as it is (pre-commit passes file lists), and a Terraform file
// brings in its whole module so that references to unchanged files resolve.
func discover(paths []string, cwd string, cfg *config.Config) (*input, error) {
	in := &input{displayOf: map[string]string{}}
	seen := map[string]bool{}
	tfDirs := map[string]bool{}
	add := func(abs, kind string) {
		if seen[abs] || cfg.Excluded(display(abs, cwd), abs) {
			return
		}
		seen[abs] = true
		disp := display(abs, cwd)
		switch kind {
		case kindDocument:
			in.docs = append(in.docs, disp)
		case kindVTL:
			in.vtl = append(in.vtl, disp)
		case kindTerraform:
			tfDirs[filepath.Dir(abs)] = true
		}
	}
	var walks []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", p, err)
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("scan %s: %w", p, err)
		}
		if !info.IsDir() {
			in.roots = append(in.roots, filepath.Dir(abs))
			if k := kindOf(abs); k != "" {
				add(abs, k)
			}
			continue
		}
		// A root given through a link is walked where it leads.
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		in.roots = append(in.roots, abs)
		walks = append(walks, abs)
	}
	w := &walker{in: in, cwd: cwd, cfg: cfg, add: add}
	for _, r := range in.roots {
		if real, err := filepath.EvalSymlinks(r); err == nil {
			r = real
		}
		w.roots = append(w.roots, r)
	}
	for _, root := range walks {
		if err := w.walk(root); err != nil {
			return nil, fmt.Errorf("walk %s: %w", root, err)
		}
	}
	for d := range tfDirs {
		in.tfDirs = append(in.tfDirs, display(d, cwd))
	}
	sort.Strings(in.docs)
	sort.Strings(in.vtl)
	sort.Strings(in.tfDirs)
	return in, nil
}

// display returns the path findings name: relative to the working directory
// when below it, with forward slashes.
func display(abs, cwd string) string {
	if rel, err := filepath.Rel(cwd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// A walker lists one scan root. Symbolic links are not followed: one whose
// target lies inside the scan roots needs no following (the walk reaches
// the target under its own name, once), one that leaves them is APIGW002
// (nothing outside the roots is read), and one that loops or dangles is
// APIGW001. A linked Terraform file is left to the Terraform loader, which
// reads a module's files as Terraform does and reports those it does not.
type walker struct {
	in    *input
	cwd   string
	cfg   *config.Config
	add   func(abs, kind string)
	roots []string // the scan roots, resolved through their links
}

func (w *walker) report(rule string, sev model.Severity, path, msg string) {
	pos := model.Pos{Line: 1, Column: 1}
	w.in.diags = append(w.in.diags, model.Finding{
		RuleID: rule, Severity: sev, Message: msg,
		Range: model.Range{Filename: display(path, w.cwd), Start: pos, End: pos},
	})
}

func (w *walker) walk(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			w.report("APIGW001", model.SeverityError, path, fmt.Sprintf("cannot be read: %v; fix its permissions or exclude it", err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && (skipDirs[d.Name()] || w.cfg.Excluded(display(path, w.cwd), path)) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			w.link(path, d.Name())
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if k := kindOf(d.Name()); k != "" {
			w.add(path, k)
		}
		return nil
	})
}

// link reports a symbolic link met in the walk that cannot be followed or
// leads out of the scan roots.
func (w *walker) link(path, name string) {
	if w.cfg.Excluded(display(path, w.cwd), path) {
		return
	}
	real, err := filepath.EvalSymlinks(path)
	if kindOf(name) == kindTerraform {
		// A linked .tf file is part of its directory's module, as for
		// Terraform: the module is loaded, and the Terraform loader reads
		// the file or reports why it does not (outside the roots, a loop).
		// It says nothing of a file that does not exist, which here is a
		// dangling link: that is reported below.
		w.add(path, kindTerraform)
		if !errors.Is(err, fs.ErrNotExist) {
			return
		}
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		w.report("APIGW001", model.SeverityWarning, path, fmt.Sprintf("symbolic link cannot be followed (%v): a loop or a missing target; fix or remove it", err))
		return
	}
	if w.inRoots(real) {
		return
	}
	info, err := os.Stat(real)
	if err == nil && (info.IsDir() || kindOf(name) != "") {
		w.report("APIGW002", model.SeverityWarning, path, fmt.Sprintf("symbolic link to %s, outside the scanned directories: it is not read; scan a directory that contains its target", filepath.ToSlash(real)))
	}
}

func (w *walker) inRoots(real string) bool {
	for _, r := range w.roots {
		if rel, err := filepath.Rel(r, real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
