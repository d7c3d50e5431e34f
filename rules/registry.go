package rules

import (
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"sync"
)

// The rules' own sources, from which their documentation is read, as x/tools'
// analyzers do with MustExtractDoc.
//
//go:embed apigw*.go
var sources embed.FS

var (
	registryOnce sync.Once
	registry     []*Rule
)

// list is every built-in Go rule: one place to review what ships.
func list() []*Rule {
	return []*Rule{
		PatternBacktracking,
		InvalidSelectionPattern,
		UnreachableStatusPattern,
		ErrorsReturnedAsSuccess,
		LambdaErrorsUnmapped,
		OverlappingPatterns,
		MissingMethodResponse,
		ProxyIntegrationResponses,
		LambdaStatusCodePattern,
		LambdaPatternNewline,
		LambdaDefaultNotSuccess,
		UnknownIntegrationField,
		MultipleDefaultResponses,
		NoIntegrationResponses,
		UnmatchedStatusCodes,
		MissingIntegration,
		TemplateSyntax,
		InvalidStatusOverride,
		OverrideWrongSide,
		UndefinedVariable,
		UnknownVariableMember,
		InvalidJSONPath,
		TemplateInvalidJSON,
		StatusOverrideUndeclared,
		PassthroughWhenNoMatch,
		UnescapedInputInJSON,
		CertificateRegion,
		CertificateNameMismatch,
		ImportedCertificate,
		DNSExecuteAPITarget,
		DNSRecordName,
		BasePathMappingProblems,
		CloudFrontAPIOrigin,
	}
}

// All returns every built-in Go rule, sorted by ID, with its documentation
// read from its doc comment.
func All() []*Rule {
	registryOnce.Do(func() {
		docs, err := extractDocs()
		if err != nil {
			panic(err) // the embedded sources are ours: a parse error is a build defect
		}
		registry = list()
		sort.Slice(registry, func(i, j int) bool { return registry[i].ID < registry[j].ID })
		for _, r := range registry {
			doc := docs[r.ID]
			r.doc = doc
			r.title = titleOf(doc, r)
		}
	})
	return registry
}

// ByID returns the rule with the given ID.
func ByID(id string) (*Rule, bool) {
	for _, r := range All() {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// extractDocs reads the doc comment of every `var X = &Rule{ID: "…"}` in the
// embedded sources, keyed by rule ID.
func extractDocs() (map[string]string, error) {
	entries, err := sources.ReadDir(".")
	if err != nil {
		return nil, fmt.Errorf("read rule sources: %w", err)
	}
	docs := map[string]string{}
	fset := token.NewFileSet()
	for _, e := range entries {
		src, err := sources.ReadFile(e.Name())
		if err != nil {
			return nil, fmt.Errorf("read rule source %s: %w", e.Name(), err)
		}
		f, err := parser.ParseFile(fset, e.Name(), src, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("parse rule source %s: %w", e.Name(), err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR || gd.Doc == nil {
				continue
			}
			if id := ruleID(gd); id != "" {
				docs[id] = strings.TrimSpace(gd.Doc.Text())
			}
		}
	}
	return docs, nil
}

// ruleID finds the ID field of a `&Rule{…}` literal in a var declaration.
func ruleID(gd *ast.GenDecl) string {
	for _, spec := range gd.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for _, v := range vs.Values {
			u, ok := v.(*ast.UnaryExpr)
			if !ok {
				continue
			}
			cl, ok := u.X.(*ast.CompositeLit)
			if !ok {
				continue
			}
			for _, elt := range cl.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "ID" {
					if lit, ok := kv.Value.(*ast.BasicLit); ok {
						return strings.Trim(lit.Value, `"`)
					}
				}
			}
		}
	}
	return ""
}

// titleOf takes the title from the doc's first line, "APIGW101
// invalid-selection-pattern: the title".
func titleOf(doc string, r *Rule) string {
	first, _, _ := strings.Cut(doc, "\n\n")
	first = strings.Join(strings.Fields(first), " ")
	prefix := r.ID + " " + r.Name + ": "
	title := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(first, prefix)), ".")
	if title == "" {
		return ""
	}
	return strings.ToUpper(title[:1]) + title[1:]
}
