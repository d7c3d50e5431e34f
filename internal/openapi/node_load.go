package openapi

import (
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// LoadNode reads an OpenAPI document that is part of another file's node
// tree, such as a SAM `DefinitionBody` or a CloudFormation `Body`: positions
// are those of the enclosing file, whose text lines indexes. root is the
// document's mapping node. The document is not validated (APIGW007): its
// text is not a document of its own. The fragment holds one API, whose
// Spec is "" when the document names no version.
func LoadNode(filename string, lines *model.LineIndex, root *yaml.Node) *model.Fragment {
	root = yamltree.Deref(root)
	if !yamltree.IsMap(root) || len(root.Content) == 0 {
		return &model.Fragment{}
	}
	d := &doc{filename: filename, lines: lines, root: root}
	spec, _ := version(root)
	api := d.readAPI(spec)
	return &model.Fragment{APIs: []*model.API{api}, Authorizers: d.authorizers, Diagnostics: d.diags}
}
