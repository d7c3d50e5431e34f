package policies

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// toValue converts a model value to OPA's ast.Value directly, following the
// encoding/json rules the model's JSON form is defined by (json tags,
// omitempty, "-", json.Marshaler types). Going through JSON text instead —
// encode, decode into interfaces, convert — costs three passes and three
// copies of a model that holds thousands of ranges; this is one.
//
// Terms that repeat are shared rather than rebuilt: object keys (one term per
// struct field), line and column numbers, and the file name of consecutive
// ranges. OPA never mutates input terms, and a model of a thousand stacks
// holds hundreds of thousands of ranges: sharing halves what the input
// costs to build and to keep.
func toValue(v reflect.Value) (ast.Value, error) {
	c := &converter{}
	return c.value(v)
}

type converter struct {
	lastFile     string
	lastFileTerm *ast.Term
	prune        map[reflect.Type]map[string]int
	keep         map[reflect.Type]func(elem, parent reflect.Value) bool
	// workers, when above 1, converts the long slices of the value given
	// (the project's element lists) in that many goroutines, each with a
	// converter of its own.
	workers int
}

// object converts a struct, leaving out what c.prune says and, when
// noRange is set, its range.
func (c *converter) object(v reflect.Value, noRange bool) (ast.Value, error) {
	fields := structFields(v.Type())
	skip := c.prune[v.Type()]
	kvs := make([][2]*ast.Term, 0, len(fields))
	for _, f := range fields {
		kind := skip[f.name]
		if kind == pruneField || (noRange && f.name == "range") {
			continue
		}
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		if fv.Kind() == reflect.Slice && !fv.IsNil() && c.keep != nil {
			fv = c.filter(fv, v)
		}
		var x ast.Value
		var err error
		if kind == pruneRange {
			x, err = c.withoutRange(fv)
		} else {
			x, err = c.value(fv)
		}
		if err != nil {
			return nil, err
		}
		kvs = append(kvs, [2]*ast.Term{f.key, ast.NewTerm(x)})
	}
	return ast.NewObject(kvs...), nil
}

// filter returns the elements of a slice that c.keep keeps; parent is
// the struct that holds the slice.
func (c *converter) filter(v, parent reflect.Value) reflect.Value {
	et := v.Type().Elem()
	isPtr := et.Kind() == reflect.Pointer
	if isPtr {
		et = et.Elem()
	}
	keep := c.keep[et]
	if keep == nil {
		return v
	}
	out := reflect.MakeSlice(v.Type(), 0, v.Len())
	for i := range v.Len() {
		e := v.Index(i)
		if isPtr {
			if e.IsNil() {
				continue
			}
			if !keep(e.Elem(), parent) {
				continue
			}
		} else if !keep(e, parent) {
			continue
		}
		out = reflect.Append(out, e)
	}
	return out
}

// withoutRange converts a value (a *model.Value) without its range.
func (c *converter) withoutRange(v reflect.Value) (ast.Value, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return ast.Null{}, nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct || v.Type() == rangeType {
		return c.value(v)
	}
	return c.object(v, true)
}

// parallelMin is the length from which a slice is split across workers.
const parallelMin = 256

// slice converts a long slice in parallel: workers take chunks of 32
// elements in turn, so that a run of heavy elements (the OpenAPI exports'
// APIs come before Terraform's) does not fall to one worker.
func (c *converter) slice(v reflect.Value) (ast.Value, error) {
	const chunk = 32
	n := v.Len()
	terms := make([]*ast.Term, n)
	errs := make([]error, c.workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range c.workers {
		wg.Go(func() {
			defer func() {
				if v := recover(); v != nil {
					errs[w] = fmt.Errorf("panic: %v", v)
				}
			}()
			sub := &converter{prune: c.prune, keep: c.keep}
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					x, err := sub.value(v.Index(i))
					if err != nil {
						errs[w] = err
						return
					}
					terms[i] = ast.NewTerm(x)
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ast.NewArray(terms...), nil
}

// Kinds of pruning (see builtinPrune).
const (
	pruneField = iota + 1 // leave the field out
	pruneRange            // keep the field's value, without its range
)

// builtinPrune are the parts of the model no built-in policy reads, by
// struct type and JSON field name: a method's declared responses, the
// mapping templates, the integration values no built-in reads, a pattern's
// status ranges, and the ranges of an integration's and an integration
// response's values (no built-in policy reports at them; the pattern's is
// kept, APIGW110 reports there) — about half the objects of a large model.
// When only the built-in policies are loaded they are left out of the
// input; a user's policy sees everything. TestPrunedInputKeepsFindings
// (analyzer) evaluates the built-in policies over every fixture with and
// without them and requires the same findings, so a built-in policy that
// starts reading one of them fails it.
var builtinPrune = map[reflect.Type]map[string]int{
	reflect.TypeFor[model.Method](): {"responses": pruneField, "responses_known": pruneField},
	reflect.TypeFor[model.Integration](): {
		"request_templates": pruneField, "range": pruneField, "responses_known": pruneField,
		"http_method": pruneField, "passthrough_behavior": pruneField, "invocation_type": pruneField,
		"type": pruneRange, "uri": pruneRange, "connection_type": pruneRange,
	},
	reflect.TypeFor[model.IntegrationResponse](): {"response_templates": pruneField, "range": pruneField, "status_code": pruneRange},
	reflect.TypeFor[model.PatternFacts]():        {"status_ranges": pruneField},
	reflect.TypeFor[model.Project]():             {"templates": pruneField},
}

// builtinKeep filters the elements of lists in the built-in-only input of
// p, by element type; it is given the element and the struct that holds
// the list. Each test is a necessary condition of some built-in policy
// reporting the element, written with the functions OPA's upper and lower
// use, so an element it drops is one no built-in policy can report. The
// same differential test guards it.
//
// The only built-in policy that reads integration responses is APIGW110,
// and it reports only a pattern that matches the empty error message or
// every status code (facts computed in Go): the others, nearly all of a
// large model's responses, are left out. Methods are read by APIGW601,
// APIGW605, APIGW504, APIGW706 and APIGW110 (keepMethod): the methods of a
// healthy model — authorized or behind a resource policy, validated,
// keyless, with no HTTP backend — are left out.
func builtinKeep(p *model.Project) map[reflect.Type]func(elem, parent reflect.Value) bool {
	// APIGW504 and APIGW706 read the methods of the APIs that a REST
	// stage names (index.apis[stage.api_link.id]).
	staged := map[string]bool{}
	for _, st := range p.Stages {
		if st != nil && st.Version == "v1" && st.APILink != nil {
			staged[st.APILink.ID] = true
		}
	}
	return map[reflect.Type]func(elem, parent reflect.Value) bool{
		reflect.TypeFor[model.IntegrationResponse](): func(v, parent reflect.Value) bool {
			if !parent.CanAddr() || parent.Type() != reflect.TypeFor[model.Integration]() {
				return true
			}
			return keepResponse(parent.Addr().Interface().(*model.Integration), v.Addr().Interface().(*model.IntegrationResponse))
		},
		reflect.TypeFor[model.Method](): func(v, parent reflect.Value) bool {
			if !parent.CanAddr() || parent.Type() != reflect.TypeFor[model.API]() {
				return true
			}
			api := parent.Addr().Interface().(*model.API)
			return keepMethod(api, staged[api.ID], v.Addr().Interface().(*model.Method))
		},
	}
}

// keepResponse reports whether APIGW110 may report the response of
// integ: a valid pattern that matches the empty error message of a
// synchronous Lambda integration, or every status code of a non-MOCK one.
func keepResponse(integ *model.Integration, r *model.IntegrationResponse) bool {
	if r == nil || r.Facts == nil || !r.Facts.Valid {
		return false
	}
	switch integ.Subject {
	case model.SubjectErrorMessage:
		return !integ.Async && r.Facts.MatchesEmpty
	case model.SubjectStatusCode:
		return r.Facts.MatchesAllStatus && (integ.Type == nil || !integ.Type.Known || strings.ToUpper(integ.Type.Literal) != "MOCK")
	}
	return false
}

// keepMethod reports whether a built-in policy may report the method of
// api; staged says whether a REST stage names the API.
func keepMethod(api *model.API, staged bool, m *model.Method) bool {
	upper := func(v *model.Value, s string) bool { return v.Known && strings.ToUpper(v.Literal) == s }
	lower := func(v *model.Value, s string) bool { return v.Known && strings.ToLower(v.Literal) == s }
	verb := strings.ToUpper(m.Verb)
	rest := api.Kind == model.KindREST
	// APIGW601: a public API without a resource policy, a method without
	// authorization (or NONE) and without an API key.
	public := api.EndpointType == nil || (api.EndpointType.Known && strings.ToUpper(api.EndpointType.Literal) != "PRIVATE")
	unprotected := api.Kind == model.KindHTTP || (rest && api.PolicyKnown && api.Policy == nil)
	if public && unprotected && verb != "OPTIONS" &&
		(m.Authorization == nil || upper(m.Authorization, "NONE")) &&
		(m.APIKeyRequired == nil || lower(m.APIKeyRequired, "false")) {
		return true
	}
	// APIGW605: a body method of a REST API that no validator checks.
	if rest && (verb == "POST" || verb == "PUT" || verb == "PATCH") &&
		(m.BodyValidation == nil || lower(m.BodyValidation, "false")) {
		return true
	}
	// APIGW504: a method of a staged REST API that requires an API key.
	if rest && staged && m.APIKeyRequired != nil && lower(m.APIKeyRequired, "true") {
		return true
	}
	integ := m.Integration
	if integ == nil {
		return false
	}
	// APIGW706: an HTTP backend of a staged REST API.
	if rest && staged && integ.Type != nil && (upper(integ.Type, "HTTP") || upper(integ.Type, "HTTP_PROXY")) {
		return true
	}
	// APIGW110: a catch-all selection pattern.
	return slices.ContainsFunc(integ.Responses, func(r *model.IntegrationResponse) bool { return keepResponse(integ, r) })
}

var (
	rangeKeys = [5]*ast.Term{
		ast.StringTerm("filename"), ast.StringTerm("line"), ast.StringTerm("column"),
		ast.StringTerm("end_line"), ast.StringTerm("end_column"),
	}
	intTermsOnce sync.Once
	intTerms     []*ast.Term
)

// intTerm returns a shared term for a line or column number.
func intTerm(i int) *ast.Term {
	intTermsOnce.Do(func() {
		intTerms = make([]*ast.Term, 1<<15)
		for n := range intTerms {
			intTerms[n] = ast.IntNumberTerm(n)
		}
	})
	if i >= 0 && i < len(intTerms) {
		return intTerms[i]
	}
	return ast.IntNumberTerm(i)
}

func (c *converter) file(name string) *ast.Term {
	if c.lastFileTerm == nil || name != c.lastFile {
		c.lastFile, c.lastFileTerm = name, ast.StringTerm(name)
	}
	return c.lastFileTerm
}

func (c *converter) value(v reflect.Value) (ast.Value, error) {
	if !v.IsValid() {
		return ast.Null{}, nil
	}
	if v.Type() == rangeType {
		r := v.Interface().(model.Range)
		return ast.NewObject(
			[2]*ast.Term{rangeKeys[0], c.file(r.Filename)},
			[2]*ast.Term{rangeKeys[1], intTerm(int(r.Start.Line))},
			[2]*ast.Term{rangeKeys[2], intTerm(int(r.Start.Column))},
			[2]*ast.Term{rangeKeys[3], intTerm(int(r.End.Line))},
			[2]*ast.Term{rangeKeys[4], intTerm(int(r.End.Column))},
		), nil
	}
	if v.Type().Implements(marshalerType) && (v.Kind() != reflect.Pointer || !v.IsNil()) {
		return marshaled(v.Interface().(json.Marshaler))
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ast.Null{}, nil
		}
		return c.value(v.Elem())
	case reflect.String:
		return ast.String(v.String()), nil
	case reflect.Bool:
		return ast.Boolean(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if i := v.Int(); i >= 0 && i < 1<<15 {
			return intTerm(int(i)).Value, nil
		}
		return ast.Number(json.Number(strconv.FormatInt(v.Int(), 10))), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return ast.Number(json.Number(fmt.Sprint(v.Uint()))), nil
	case reflect.Float32, reflect.Float64:
		b, err := json.Marshal(v.Interface())
		if err != nil {
			return nil, err
		}
		return ast.Number(json.Number(b)), nil
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return ast.Null{}, nil
		}
		if c.workers > 1 && v.Len() >= parallelMin {
			return c.slice(v)
		}
		terms := make([]*ast.Term, v.Len())
		for i := range v.Len() {
			x, err := c.value(v.Index(i))
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(x)
		}
		return ast.NewArray(terms...), nil
	case reflect.Map:
		if v.IsNil() {
			return ast.Null{}, nil
		}
		obj := ast.NewObject()
		iter := v.MapRange()
		for iter.Next() {
			x, err := c.value(iter.Value())
			if err != nil {
				return nil, err
			}
			obj.Insert(ast.StringTerm(fmt.Sprint(iter.Key().Interface())), ast.NewTerm(x))
		}
		return obj, nil
	case reflect.Struct:
		return c.object(v, false)
	}
	return nil, fmt.Errorf("policy input: cannot convert %s", v.Type())
}

var (
	marshalerType = reflect.TypeFor[json.Marshaler]()
	rangeType     = reflect.TypeFor[model.Range]()
)

// marshaled converts a value through its own JSON encoding (Range,
// Severity).
func marshaled(m json.Marshaler) (ast.Value, error) {
	b, err := m.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return ast.ValueFromReader(strings.NewReader(string(b)))
}

type field struct {
	name      string
	key       *ast.Term // shared by every object of the type
	index     int
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type → []field

func structFields(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		out = append(out, field{name: name, key: ast.StringTerm(name), index: i, omitEmpty: strings.Contains(opts, "omitempty")})
	}
	fieldCache.Store(t, out)
	return out
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}
