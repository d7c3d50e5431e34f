package model

import (
	"reflect"
	"sort"
	"strings"
)

// Schema returns the JSON Schema (draft 2020-12) of the model's JSON form:
// the documented input of every Rego policy, built-in or the user's. It is
// derived from the Go types, so it cannot drift from what policies receive.
func Schema() map[string]any {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeFor[Project](), defs)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://github.com/apigw-lint/apigw-lint/docs/input.schema.json"
	root["title"] = "apigw-lint policy input (model.Project)"
	root["$defs"] = defs
	return root
}

var rangeSchema = map[string]any{
	"type":        "object",
	"description": "A source range: file, 1-based line and column of the start, exclusive end.",
	"properties": map[string]any{
		"filename":   map[string]any{"type": "string"},
		"line":       map[string]any{"type": "integer"},
		"column":     map[string]any{"type": "integer"},
		"end_line":   map[string]any{"type": "integer"},
		"end_column": map[string]any{"type": "integer"},
	},
	"required":             []string{"filename", "line", "column", "end_line", "end_column"},
	"additionalProperties": false,
}

func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), defs)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if t == reflect.TypeFor[Severity]() {
			return map[string]any{"enum": []string{"note", "warning", "error"}}
		}
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": schemaOf(t.Elem(), defs)}
	case reflect.Map:
		return map[string]any{"type": []string{"object", "null"}, "additionalProperties": schemaOf(t.Elem(), defs)}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		if t == reflect.TypeFor[Range]() {
			return rangeSchema
		}
		name := t.Name()
		if _, done := defs[name]; !done && t != reflect.TypeFor[Project]() {
			defs[name] = map[string]any{} // placeholder against recursion
			defs[name] = structSchema(t, defs)
		}
		if t == reflect.TypeFor[Project]() {
			return structSchema(t, defs)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	}
	return map[string]any{}
}

func structSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		s := schemaOf(f.Type, defs)
		if f.Type.Kind() == reflect.Pointer {
			s = map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
		}
		props[name] = s
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	sort.Strings(required)
	out := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}
