package terraform

import (
	"reflect"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/openapi"
)

// loadOpenAPI reads a `body` document; tests replace it.
var loadOpenAPI = openapi.Load

// body loads an API's `body` OpenAPI document and merges its methods into
// api, which stays the element that names the API (its ID and Ref are the
// Terraform resource's). Positions are in whichever file holds the text: the
// file of a file()/templatefile() call, the .tf lines of an inline string
// or heredoc, or the body attribute as a whole when the text is computed
// (jsonencode, a variable).
func (b *builder) body(ri *resInst, api *model.API) {
	a := ri.cfg.body.attr("body")
	if a == nil {
		return
	}
	s := ri.scope()
	v := s.eval(a.Expr)
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return
	}
	text := v.AsString()
	l := b.l
	var (
		frag *model.Fragment
		ok   bool
	)
	if file, _, isFile := s.fileCall(a.Expr); isFile {
		frag, ok = loadOpenAPI(file, []byte(text))
		api.BodyFile = file
	} else {
		at := rangeFromHCL(a.Expr.Range())
		frag, ok = loadOpenAPI(at.Filename, []byte(text))
		if ok && frag != nil {
			api.BodyFile = at.Filename
			l.shiftInto(frag, at, text, l.origin(a.Expr, text))
		}
	}
	if !ok || frag == nil {
		return
	}
	for _, fa := range frag.APIs {
		api.Methods = append(api.Methods, fa.Methods...)
		api.Export = api.Export || fa.Export
		if api.Spec == "" {
			api.Spec = fa.Spec
		}
		// Arguments override the body's extensions when set.
		if api.Name == nil {
			api.Name = fa.Name
		}
		if api.EndpointType == nil {
			api.EndpointType = fa.EndpointType
		}
		if api.DisableExecuteAPIEndpoint == nil {
			api.DisableExecuteAPIEndpoint = fa.DisableExecuteAPIEndpoint
		}
		if api.Policy == nil {
			api.Policy = fa.Policy // the `policy` argument overrides it (security.go)
		}
	}
	frag.APIs = nil
	l.frag.Merge(frag)
}

// fileCall reports whether expr is a file() or templatefile() call whose
// file was read, and returns that file's display path.
func (s scope) fileCall(expr hcl.Expression) (file string, rendered, ok bool) {
	for {
		switch e := expr.(type) {
		case *hclsyntax.TemplateWrapExpr:
			expr = e.Wrapped
			continue
		case *hclsyntax.ParenthesesExpr:
			expr = e.Expression
			continue
		}
		break
	}
	c, isCall := expr.(*hclsyntax.FunctionCallExpr)
	if !isCall || (c.Name != "file" && c.Name != "templatefile") || len(c.Args) == 0 {
		return "", false, false
	}
	p := s.eval(c.Args[0])
	if !p.IsKnown() || p.IsNull() || p.Type() != cty.String {
		return "", false, false
	}
	_, display := s.mod.l.resolvePath(p.AsString())
	if _, read := s.mod.l.files[display]; !read {
		return "", false, false
	}
	return display, c.Name == "templatefile", true
}

// origin locates the text of a string expression in its .tf file: exactly
// for a literal string or heredoc, approximately (its start) otherwise.
func (l *loader) origin(expr hcl.Expression, text string) *model.TextOrigin {
	te, ok := expr.(*hclsyntax.TemplateExpr)
	if !ok || len(te.Parts) == 0 {
		return &model.TextOrigin{Start: rangeFromHCL(expr.Range()).Start}
	}
	first, last := te.Parts[0].Range(), te.Parts[len(te.Parts)-1].Range()
	start := rangeFromHCL(first).Start
	f := l.files[first.Filename]
	if f == nil || last.End.Byte > len(f.src) || first.Start.Byte > last.End.Byte {
		return &model.TextOrigin{Start: start}
	}
	for _, p := range te.Parts {
		if _, lit := p.(*hclsyntax.LiteralValueExpr); !lit {
			return &model.TextOrigin{Start: start}
		}
	}
	src := f.src[first.Start.Byte:last.End.Byte]
	if string(src) == text {
		return &model.TextOrigin{Start: start, Exact: true}
	}
	quoted := te.SrcRange.Start.Byte < len(f.src) && f.src[te.SrcRange.Start.Byte] == '"'
	offs, ok := align(text, src, first.Start.Byte, f.lines, quoted)
	if !ok {
		return &model.TextOrigin{Start: start}
	}
	return &model.TextOrigin{Start: start, Offsets: offs, Exact: true}
}

// align maps each byte of text, the decoded value of the source src (which
// starts at byte base of its file), to its position: escapes in quoted
// strings, "$${" and "%%{" escapes, and indentation that a <<- heredoc
// removes are accounted for.
func align(text string, src []byte, base int, lines *model.LineIndex, quoted bool) ([]model.Pos, bool) {
	offs := make([]model.Pos, 0, len(text))
	i := 0
	for j := 0; j < len(text); {
		if i >= len(src) {
			return nil, false
		}
		c := src[i]
		switch {
		case quoted && c == '\\' && i+1 < len(src):
			dec, n := decodeEscape(src[i:])
			if n == 0 || len(text)-j < len(dec) || text[j:j+len(dec)] != dec {
				return nil, false
			}
			for range len(dec) {
				offs = append(offs, lines.Pos(base+i))
			}
			i, j = i+n, j+len(dec)
		case (c == '$' || c == '%') && i+2 < len(src) && src[i+1] == c && src[i+2] == '{' && text[j] == c:
			offs = append(offs, lines.Pos(base+i))
			i, j = i+2, j+1
		case c == text[j]:
			offs = append(offs, lines.Pos(base+i))
			i, j = i+1, j+1
		case c == ' ' || c == '\t':
			i++
		default:
			return nil, false
		}
	}
	return offs, true
}

// decodeEscape decodes one HCL string escape at the start of b and returns
// the text and the number of source bytes.
func decodeEscape(b []byte) (string, int) {
	switch b[1] {
	case 'n':
		return "\n", 2
	case 'r':
		return "\r", 2
	case 't':
		return "\t", 2
	case '"':
		return `"`, 2
	case '\\':
		return `\`, 2
	case 'u', 'U':
		n := 4
		if b[1] == 'U' {
			n = 8
		}
		if len(b) < 2+n {
			return "", 0
		}
		var r rune
		for _, h := range b[2 : 2+n] {
			d := hexDigit(h)
			if d < 0 {
				return "", 0
			}
			r = r<<4 | rune(d)
		}
		return string(r), 2 + n
	}
	return "", 0
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// shiftInto moves every range of a fragment that was loaded from text, as
// if text were the whole file filename, to where text sits in that file:
// through org when it is exact, else onto the attribute's range at.
func (l *loader) shiftInto(frag *model.Fragment, at model.Range, text string, org *model.TextOrigin) {
	f := l.files[at.Filename]
	idx := model.NewLineIndex([]byte(text))
	pos := func(p model.Pos) model.Pos {
		off := idx.Offset(int(p.Line), int(p.Column))
		switch {
		case f == nil || !org.Exact:
			return at.Start
		case org.Offsets != nil && off < len(org.Offsets):
			return org.Offsets[off]
		case org.Offsets != nil:
			return org.Offsets[len(org.Offsets)-1]
		}
		return f.lines.Pos(int(org.Start.Byte) + off)
	}
	walkRanges(reflect.ValueOf(frag), map[uintptr]bool{}, func(r *model.Range) {
		if r.Filename != at.Filename {
			return
		}
		if !org.Exact {
			*r = at
			return
		}
		r.Start, r.End = pos(r.Start), pos(r.End)
	}, func(p *model.Pos) { *p = pos(*p) })
}

var (
	rangeType  = reflect.TypeOf(model.Range{})
	originType = reflect.TypeOf(model.TextOrigin{})
)

// walkRanges calls fr for every Range and fp for every TextOrigin position
// reachable from v, once per pointer.
func walkRanges(v reflect.Value, seen map[uintptr]bool, fr func(*model.Range), fp func(*model.Pos)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		walkRanges(v.Elem(), seen, fr, fp)
	case reflect.Interface:
		if !v.IsNil() {
			walkRanges(v.Elem(), seen, fr, fp)
		}
	case reflect.Struct:
		switch {
		case !v.CanAddr():
			return
		case v.Type() == rangeType:
			fr(v.Addr().Interface().(*model.Range))
			return
		case v.Type() == originType:
			o := v.Addr().Interface().(*model.TextOrigin)
			fp(&o.Start)
			for i := range o.Offsets {
				fp(&o.Offsets[i])
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkRanges(v.Field(i), seen, fr, fp)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkRanges(v.Index(i), seen, fr, fp)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walkRanges(it.Value(), seen, fr, fp)
		}
	}
}
