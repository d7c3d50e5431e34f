package rules

import (
	"strings"
	"sync"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

type parsedTemplate struct {
	once sync.Once
	tree *vtl.Template
	errs []*vtl.Error
}

// parseTemplate returns the parse of t's body, or ok=false when the body is
// not known (a Terraform templatefile with unknown variables). The parse is
// kept in the run's cache (Patterns), so that the APIGW2xx rules, which run
// concurrently, parse every template once per run, and the parses are
// garbage as soon as the Go rules are done.
func parseTemplate(c *Patterns, t *model.Template) (tree *vtl.Template, errs []*vtl.Error, ok bool) {
	src, ok := t.Body.Get()
	if !ok {
		return nil, nil, false
	}
	if c == nil {
		tree, errs = vtl.Parse(src)
		return tree, errs, true
	}
	v, _ := c.templates.LoadOrStore(t, &parsedTemplate{})
	pt := v.(*parsedTemplate)
	pt.once.Do(func() { pt.tree, pt.errs = vtl.Parse(src) })
	return pt.tree, pt.errs, true
}

// A tmpl is one mapping template as the APIGW2xx rules see it: the model's
// template, where it is used, and its parse.
type tmpl struct {
	*model.Template
	Method   *model.Method              // nil for a standalone file
	Response *model.IntegrationResponse // set for a response template
	Tree     *vtl.Template
	Errs     []*vtl.Error
}

// eachTemplate calls fn for every template whose text is known.
func eachTemplate(p *Pass, fn func(t *tmpl)) {
	p.Project.AllTemplates(func(t *model.Template, m *model.Method, r *model.IntegrationResponse) {
		tree, errs, ok := parseTemplate(p.Patterns, t)
		if !ok {
			return
		}
		fn(&tmpl{Template: t, Method: m, Response: r, Tree: tree, Errs: errs})
	})
}

// Node returns the range of a node of the template in its file.
func (t *tmpl) Node(n vtl.Node) model.Range { return templateRange(t.Template, n.Pos(), n.End()) }

// Span returns the range of a span of the template in its file.
func (t *tmpl) Span(start, end vtl.Pos) model.Range { return templateRange(t.Template, start, end) }

// templateRange maps a span of a template's text to the file where the user
// sees it. It is the one place that knows how templates sit in files:
//   - a standalone .vtl file (Origin nil): the template is the file;
//   - an exact origin with Offsets (a quoted Terraform string with escapes, a
//     <<- heredoc): each byte's position is listed;
//   - an exact origin without Offsets (a YAML block scalar, a single-line
//     string without escapes, a Terraform heredoc): lines follow one another
//     from Start, each indented by Indent columns;
//   - otherwise (a JSON string with \n escapes, a folded scalar, a
//     template built by an expression) positions inside the text are not
//     known, and the whole template from its first character is reported.
func templateRange(t *model.Template, start, end vtl.Pos) model.Range {
	filename := t.Range.Filename
	o := t.Origin
	switch {
	case o == nil && t.Side == model.SideStandalone:
		return model.Range{Filename: filename, Start: vtlPos(start), End: vtlPos(end)}
	case o == nil:
		return t.Range
	case !o.Exact:
		r := model.Range{Filename: filename, Start: o.Start, End: t.Range.End}
		if t.Range.End.Line < o.Start.Line || t.Range.End.Line == o.Start.Line && t.Range.End.Column < o.Start.Column {
			r.End = o.Start
		}
		return r
	}
	return model.Range{Filename: filename, Start: originPos(o, start), End: originPos(o, end)}
}

func vtlPos(p vtl.Pos) model.Pos {
	return model.Pos{Line: int32(p.Line), Column: int32(p.Column), Byte: int32(p.Offset)}
}

func originPos(o *model.TextOrigin, p vtl.Pos) model.Pos {
	if o.Offsets != nil {
		switch {
		case len(o.Offsets) == 0:
			return o.Start
		case p.Offset < len(o.Offsets):
			return o.Offsets[p.Offset]
		default:
			last := o.Offsets[len(o.Offsets)-1]
			last.Column++
			last.Byte++
			return last
		}
	}
	if p.Line <= 1 {
		return model.Pos{Line: o.Start.Line, Column: o.Start.Column + int32(p.Column) - 1, Byte: o.Start.Byte + int32(p.Offset)}
	}
	return model.Pos{
		Line:   o.Start.Line + int32(p.Line) - 1,
		Column: int32(o.Indent + p.Column),
		Byte:   o.Start.Byte + int32(p.Offset+o.Indent*(p.Line-1)),
	}
}

// isJSONContentType reports whether a template's content type is JSON:
// application/json and the application/x-amz-json-1.x of AWS service
// integrations (DynamoDB, Step Functions, Kinesis).
func isJSONContentType(ct string) bool {
	ct, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(ct)), ";")
	ct = strings.TrimSpace(ct)
	return ct == "application/json" || strings.HasPrefix(ct, "application/x-amz-json") || strings.HasSuffix(ct, "+json")
}

// looksLikeJSON reports whether a standalone template, which has no content
// type, writes JSON: its first text, outside directives and comments, starts
// with '{' or '['.
func looksLikeJSON(tree *vtl.Template) bool {
	found, isJSON := false, false
	vtl.Walk(tree, func(n vtl.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *vtl.Template, *vtl.If, *vtl.IfBranch, *vtl.ElseBranch, *vtl.Foreach:
			return true
		case *vtl.Text:
			s := strings.TrimSpace(n.Value)
			if s == "" {
				return false
			}
			found, isJSON = true, s[0] == '{' || s[0] == '['
		case *vtl.Reference, *vtl.Unparsed:
			found = true
		}
		return false
	})
	return isJSON
}

// writesJSON reports whether the template's output is meant to be JSON. A
// response template's content type is that of its output; a request
// template's is that of the client's request, and its output is what the
// backend takes (JSON for DynamoDB, form data for SQS), so a request
// template, like a standalone file, is read as JSON when its text starts
// with '{' or '['.
func (t *tmpl) writesJSON() bool {
	if t.Side == model.SideResponse {
		return isJSONContentType(t.ContentType)
	}
	return looksLikeJSON(t.Tree)
}

// bindings are the variables a template defines: #set targets (with their
// values), #foreach variables, macro parameters and #define names.
type bindings struct {
	sets  map[string][]vtl.Expr // simple #set($x = …) targets
	names map[string]bool       // every name bound anywhere
}

func bindingsOf(tree *vtl.Template) *bindings {
	b := &bindings{sets: map[string][]vtl.Expr{}, names: map[string]bool{}}
	vtl.Walk(tree, func(n vtl.Node) bool {
		switch n := n.(type) {
		case *vtl.Set:
			if n.Target != nil {
				b.names[n.Target.Name] = true
				if len(n.Target.Parts) == 0 {
					b.sets[n.Target.Name] = append(b.sets[n.Target.Name], n.Value)
				}
			}
		case *vtl.Foreach:
			if n.Var != nil {
				b.names[n.Var.Name] = true
				// Velocity defines these in the loop body.
				b.names["foreach"] = true
				b.names["velocityCount"] = true
				b.names["velocityHasNext"] = true
			}
		case *vtl.Macro:
			for _, p := range n.Params {
				b.names[p.Name] = true
			}
			b.names["bodyContent"] = true
		case *vtl.Define:
			if n.Target != nil {
				b.names[n.Target.Name] = true
			}
		}
		return true
	})
	return b
}

// literal returns the literal a constant expression denotes: a number, a
// string without interpolation, or a variable every #set of which assigns
// the same such literal. ok is false when it cannot be decided.
func (b *bindings) literal(e vtl.Expr) (val string, isNum bool, ok bool) {
	return b.literalDepth(e, 0)
}

func (b *bindings) literalDepth(e vtl.Expr, depth int) (string, bool, bool) {
	if depth > 8 {
		return "", false, false
	}
	switch e := e.(type) {
	case *vtl.NumberLit:
		return e.Raw, true, true
	case *vtl.StringLit:
		if e.Interpolated {
			return "", false, false
		}
		return e.Value, false, true
	case *vtl.Paren:
		return b.literalDepth(e.X, depth+1)
	case *vtl.Reference:
		if len(e.Parts) > 0 {
			return "", false, false
		}
		vals := b.sets[e.Name]
		if len(vals) == 0 {
			return "", false, false
		}
		v0, n0, ok := b.literalDepth(vals[0], depth+1)
		if !ok {
			return "", false, false
		}
		for _, v := range vals[1:] {
			vi, ni, ok := b.literalDepth(v, depth+1)
			if !ok || vi != v0 || ni != n0 {
				return "", false, false
			}
		}
		return v0, n0, true
	}
	return "", false, false
}

// statusOverrides calls fn for every #set($context.responseOverride.status = v).
func statusOverrides(tree *vtl.Template, fn func(s *vtl.Set)) {
	vtl.Walk(tree, func(n vtl.Node) bool {
		if s, ok := n.(*vtl.Set); ok && s.Target != nil && s.Target.Path() == "context.responseOverride.status" && len(s.Target.Parts) == 2 {
			fn(s)
		}
		return true
	})
}
