package openapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/yamltree"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// errNoExternalRefs refuses every external $ref: nothing outside the scanned
// file is read or fetched.
var errNoExternalRefs = errors.New("external references are not followed")

func refuseURI(*openapi3.Loader, *url.URL) ([]byte, error) { return nil, errNoExternalRefs }

// reportInvalid reports kin-openapi's first complaint about the document
// (kinValidate) as an APIGW007 note, positioned at the operation it names
// when it names one. A panic inside kin-openapi on hostile input is a
// complaint too.
func (d *doc) reportInvalid(err error) {
	if err == nil {
		return
	}
	msg := strings.TrimPrefix(err.Error(), "failed to unmarshal data: ")
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	at := d.locate(msg)
	d.report(RuleNotOpenAPI, model.SeverityNote, at,
		"not valid OpenAPI: %s; API Gateway may reject the import, fix the document or ignore this note", msg)
}

func kinValidate(top *yaml.Node, src []byte, spec string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the validator could not read it (%v)", r)
		}
	}()
	v3, _, err := kinLoad(top, src, spec)
	if err != nil {
		return err
	}
	return v3.Validate(context.Background(), openapi3.DisableExamplesValidation(), openapi3.AllowExtraSiblingFields("description"))
}

// kinLoad decodes the document into kin-openapi's OpenAPI 3 model, from the
// parsed tree when it can (fromTree) and else from the bytes.
func kinLoad(top *yaml.Node, src []byte, spec string) (v3 *openapi3.T, fromTree bool, err error) {
	isJSON := bytes.HasPrefix(bytes.TrimSpace(src), []byte("{"))
	if strings.HasPrefix(spec, "2") {
		v2, nodeErr := (*openapi2.T)(nil), errors.New("no tree")
		if top != nil && (!isJSON || !bytes.Contains(src, []byte("\u0085"))) {
			v2, nodeErr = kinDecodeV2(top)
		}
		if nodeErr != nil {
			v2 = &openapi2.T{}
			if err := openapi2.UnmarshalFromData(src, v2); err != nil {
				return nil, false, err
			}
		}
		v3, err = openapi2conv.ToV3(v2)
		return v3, nodeErr == nil, err
	}
	newLoader := func() *openapi3.Loader {
		loader := openapi3.NewLoader()
		loader.IsExternalRefsAllowed = false
		loader.ReadFromURIFunc = refuseURI
		loader.Context = context.Background()
		return loader
	}
	// kin-openapi reads a JSON document holding a raw U+0085 as JSON, not
	// YAML (the two disagree on it): the bytes path covers that.
	nodeErr := errors.New("no tree")
	if top != nil && (!isJSON || !bytes.Contains(src, []byte("\u0085"))) {
		v3, nodeErr = kinDecodeV3(top, newLoader())
	}
	if nodeErr == nil {
		return v3, true, nil
	}
	v3, err = newLoader().LoadFromData(src)
	return v3, false, err
}

var (
	invalidPath = regexp.MustCompile(`invalid path (/\S*): invalid operation (\w+)`)
	operation   = regexp.MustCompile(`operation (\w+) (/\S*)`)
	yamlLineRef = regexp.MustCompile(`\bline (\d+):`)
	anyPath     = regexp.MustCompile(`(?:path|paths) (/\S*?):?\s`)
)

// locate finds the node a kin-openapi message names: an operation, a path,
// or else the document's version key.
func (d *doc) locate(msg string) *yaml.Node {
	paths, _ := yamltree.Get(d.root, "paths")
	if m := invalidPath.FindStringSubmatch(msg); m != nil {
		if item, key := yamltree.Get(paths, m[1]); item != nil {
			if _, opKey := yamltree.Get(item, strings.ToLower(m[2])); opKey != nil {
				return opKey
			}
			return key
		}
	}
	if m := yamlLineRef.FindStringSubmatch(msg); m != nil {
		if line, err := strconv.Atoi(m[1]); err == nil && line > 0 {
			return &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: 1}
		}
	}
	if m := operation.FindStringSubmatch(msg); m != nil {
		if item, key := yamltree.Get(paths, m[2]); item != nil {
			if _, opKey := yamltree.Get(item, strings.ToLower(m[1])); opKey != nil {
				return opKey
			}
			return key
		}
	}
	if m := anyPath.FindStringSubmatch(msg); m != nil {
		if _, key := yamltree.Get(paths, strings.TrimSuffix(m[1], ":")); key != nil {
			return key
		}
	}
	if _, k := yamltree.Get(d.root, "openapi"); k != nil {
		return k
	}
	_, k := yamltree.Get(d.root, "swagger")
	return k
}
