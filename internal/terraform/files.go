package terraform

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// Reasons a file was not read.
var (
	errOutsideRoots = errors.New("path leaves the scan roots")
	errTooLarge     = fmt.Errorf("file is larger than %d bytes", maxFileSize)
)

// A srcFile is the text of one file the loader read, for positions.
type srcFile struct {
	src   []byte
	lines *model.LineIndex
}

// setRoots resolves the scan roots once, symlinks included, so that a path
// can be checked against both its lexical and its real location.
func (l *loader) setRoots() {
	roots := l.opts.Roots
	if len(roots) == 0 {
		roots = []string{l.rootAbs}
	}
	for _, r := range roots {
		r = filepath.Clean(r)
		l.roots = append(l.roots, r)
		if real, err := filepath.EvalSymlinks(r); err == nil && real != r {
			l.roots = append(l.roots, real)
		}
	}
}

// within reports whether the absolute path p is inside one of the roots.
func (l *loader) within(p string) bool {
	for _, r := range l.roots {
		rel, err := filepath.Rel(r, p)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// inRoots reports whether abs, and what it resolves to through symlinks,
// stay inside the roots.
func (l *loader) inRoots(abs string) bool {
	if !l.within(abs) {
		return false
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		// A path that does not exist is read by nobody; lexical is enough.
		return true
	}
	return l.within(real)
}

// resolvePath turns a path as Terraform sees it (relative to the root
// module's directory, Terraform's working directory) into an absolute path
// and the display path findings use (relative to the analyzer's working
// directory when the root dir was given so).
func (l *loader) resolvePath(p string) (abs, display string) {
	if filepath.IsAbs(p) {
		return filepath.Clean(p), filepath.Clean(p)
	}
	return filepath.Join(l.rootAbs, p), filepath.Join(l.dir, p)
}

// readFile reads a file inside the roots, capped in size. The text is kept
// for positions under its display name.
func (l *loader) readFile(abs, display string) ([]byte, error) {
	if !l.inRoots(abs) && !l.varFiles[abs] {
		return nil, errOutsideRoots
	}
	if f, ok := l.files[display]; ok {
		return f.src, nil
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", display)
	}
	if fi.Size() > maxFileSize {
		return nil, errTooLarge
	}
	read := os.ReadFile
	if l.opts.ReadFile != nil {
		read = l.opts.ReadFile
	}
	src, err := read(abs)
	if err != nil {
		return nil, err
	}
	l.files[display] = &srcFile{src: src, lines: model.NewLineIndex(src)}
	return src, nil
}

// fileRange returns the range of a whole file the loader read.
func (l *loader) fileRange(display string) model.Range {
	r := model.Range{Filename: display, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
	if f, ok := l.files[display]; ok {
		r.End = f.lines.Pos(len(f.src))
	}
	return r
}

// isConfigFile reports whether name is a Terraform configuration file that
// Terraform reads as a normal file. Override files (override.tf,
// *_override.tf) are merged by Terraform into other blocks; they are not
// read here.
func isConfigFile(name string) bool {
	var stem string
	switch {
	case strings.HasSuffix(name, ".tf"):
		stem = strings.TrimSuffix(name, ".tf")
	case strings.HasSuffix(name, ".tf.json"):
		stem = strings.TrimSuffix(name, ".tf.json")
	default:
		return false
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
		return false
	}
	return stem != "override" && !strings.HasSuffix(stem, "_override")
}

// isAutoVarFile reports whether name is read automatically as variable
// values in a root module.
func isAutoVarFile(name string) bool {
	return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
		strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")
}

// parseFile reads and parses one configuration or tfvars file. A file that
// does not parse yields APIGW001 diagnostics and no body: a half-parsed file
// would make findings about what is not there.
func (l *loader) parseFile(abs, display string) hcl.Body {
	src, err := l.readFile(abs, display)
	if err != nil {
		l.fileError(err, l.fileRange(display), display)
		return nil
	}
	var (
		file  *hcl.File
		diags hcl.Diagnostics
	)
	if strings.HasSuffix(display, ".json") {
		file, diags = hcljson.Parse(src, display)
	} else {
		file, diags = hclsyntax.ParseConfig(src, display, hcl.InitialPos)
	}
	if diags.HasErrors() {
		for _, d := range diags {
			if d.Severity != hcl.DiagError {
				continue
			}
			rng := model.Range{Filename: display, Start: model.Pos{Line: 1, Column: 1}, End: model.Pos{Line: 1, Column: 1}}
			if d.Subject != nil {
				rng = rangeFromHCL(*d.Subject)
			}
			msg := d.Summary
			if d.Detail != "" {
				msg += ": " + d.Detail
			}
			l.diag(DiagSyntax, model.SeverityError, rng, "%s; the rest of this file is not checked", strings.TrimSuffix(msg, "."))
		}
		return nil
	}
	return file.Body
}

// fileError reports a file that could not be read.
func (l *loader) fileError(err error, at model.Range, what string) {
	switch {
	case errors.Is(err, errOutsideRoots):
		l.diag(DiagOutsideRoots, model.SeverityWarning, at, "%q is outside the scan roots and was not read; values that come from it are unknown", what)
	case errors.Is(err, errTooLarge):
		l.diag(DiagSyntax, model.SeverityError, at, "%q is larger than %d bytes and was not read", what, maxFileSize)
	case errors.Is(err, fs.ErrNotExist):
		// Terraform would fail; a linter has nothing to say about it that
		// `terraform validate` does not say better.
	default:
		l.diag(DiagSyntax, model.SeverityError, at, "%q could not be read: %v", what, err)
	}
}

// rangeFromHCL converts an HCL range, once, into the model's.
func rangeFromHCL(r hcl.Range) model.Range {
	return model.Range{
		Filename: r.Filename,
		Start:    model.Pos{Line: int32(r.Start.Line), Column: int32(r.Start.Column), Byte: int32(r.Start.Byte)},
		End:      model.Pos{Line: int32(r.End.Line), Column: int32(r.End.Column), Byte: int32(r.End.Byte)},
	}
}
