package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// TestSchemaDescribesRealModels validates the model that real fixtures and
// the examples load into against the published schema: the schema is what
// policies receive, not a hope.
func TestSchemaDescribesRealModels(t *testing.T) {
	b, err := json.Marshal(model.Schema())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("input.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("input.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"apis": [{"id": "x", "bogus": 1}]}`)))
	if sch.Validate(bad) == nil {
		t.Fatal("the schema accepts an unknown field: it checks nothing")
	}
	for _, dir := range []string{"../../examples/infra", "../../testdata/rules", "../../testdata/terraform"} {
		abs, _ := filepath.Abs(dir)
		res, err := analyzer.Run(context.Background(), analyzer.Options{Paths: []string{abs}, WorkDir: abs})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Project.APIs) == 0 {
			t.Fatalf("%s: no API loaded", dir)
		}
		raw, err := json.Marshal(res.Project)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: the model does not match the schema:\n%v", dir, err)
		}
	}
}
