package analyzer

import (
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
		in.roots = append(in.roots, abs)
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				pos := model.Pos{Line: 1, Column: 1}
				in.diags = append(in.diags, model.Finding{
					RuleID: "APIGW001", Severity: model.SeverityError,
					Message: fmt.Sprintf("cannot be read: %v; fix its permissions or exclude it", err),
					Range:   model.Range{Filename: display(path, cwd), Start: pos, End: pos},
				})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != abs && (skipDirs[d.Name()] || cfg.Excluded(display(path, cwd), path)) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil // symbolic links are not followed out of the tree
			}
			if k := kindOf(d.Name()); k != "" {
				add(path, k)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, err)
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
