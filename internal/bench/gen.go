// Package bench generates realistic, deterministic trees of API Gateway
// configuration for benchmarks and recall tests: per API stack a Terraform
// module, an OpenAPI export (Swagger 2 or OpenAPI 3, JSON or YAML) and a
// standalone mapping template, with defects planted in some stacks and
// recorded in a manifest.
package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A Defect is a planted finding: the rule that must report it, where.
type Defect struct {
	File string // relative to the tree's root, forward slashes
	Line int
	Rule string
}

// A Manifest lists a generated tree's files and planted defects.
type Manifest struct {
	Files   []string
	Bytes   int64
	Defects []Defect
}

// Options shape a tree.
type Options struct {
	Stacks int
	// DefectEvery plants defects in every n-th stack (0: none).
	DefectEvery int
	// Operations per OpenAPI export (default 12).
	Operations int
}

// Generate writes a tree into dir.
func Generate(dir string, opts Options) (*Manifest, error) {
	if opts.Operations == 0 {
		opts.Operations = 12
	}
	m := &Manifest{}
	for i := range opts.Stacks {
		defective := opts.DefectEvery > 0 && i%opts.DefectEvery == opts.DefectEvery-1
		g := &stack{i: i, defective: defective, ops: opts.Operations}
		for _, f := range g.files() {
			p := filepath.Join(dir, filepath.FromSlash(f.name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return nil, fmt.Errorf("generate: %w", err)
			}
			if err := os.WriteFile(p, []byte(f.body), 0o644); err != nil {
				return nil, fmt.Errorf("generate: %w", err)
			}
			m.Files = append(m.Files, f.name)
			m.Bytes += int64(len(f.body))
			for _, d := range f.defects {
				m.Defects = append(m.Defects, Defect{File: f.name, Line: d.line, Rule: d.rule})
			}
		}
	}
	sort.Slice(m.Defects, func(i, j int) bool {
		a, b := m.Defects[i], m.Defects[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
	return m, nil
}

type planted struct {
	line int
	rule string
}

type file struct {
	name    string
	body    string
	defects []planted
}

// A writer builds a file line by line, so that defects know their line.
type writer struct {
	b       strings.Builder
	line    int
	defects []planted
}

func (w *writer) p(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	w.line += 1 + strings.Count(s, "\n")
}

// defect records that the next line written carries a finding of rule.
func (w *writer) defect(rule string) { w.defects = append(w.defects, planted{w.line + 1, rule}) }

type stack struct {
	i         int
	defective bool
	ops       int
}

func (s *stack) files() []file {
	dir := fmt.Sprintf("stacks/s%04d", s.i)
	var api file
	switch s.i % 4 {
	case 0:
		api = s.yamlExport(dir+"/api/openapi.yaml", true)
	case 1:
		api = s.yamlExport(dir+"/api/swagger.yaml", false)
	case 2:
		api = s.jsonExport(dir+"/api/openapi.json", true)
	default:
		api = s.jsonExport(dir+"/api/swagger.json", false)
	}
	return []file{api, s.terraform(dir + "/terraform/main.tf"), s.template(dir + "/templates/create.vtl")}
}
