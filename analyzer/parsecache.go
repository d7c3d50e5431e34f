package analyzer

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"path/filepath"
	"sync/atomic"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// The parse cache keeps what loading one OpenAPI export or CloudFormation
// template made of it (its model fragment and loading findings, kin-openapi's
// validation included), addressed by the SHA-256 of the file's text, its
// name, the CloudFormation parameters and this build of apigw-lint. A tree
// in which a few files changed reloads those files only; the run cache
// (cache.go) covers a tree in which none did. Terraform modules are not
// kept: a module's model depends on its callers, its variables files and
// the files its functions read.
//
// A template that reads another file while loading (a local
// BodyS3Location, an AWS::Include) is not kept, since its fragment depends
// on more than its own text. Entries are written and checked like the run
// cache's: atomic rename, checksum, anything that does not decode is a
// miss.

// parseCache is one run's view of the parse cache; nil when the cache is off.
type parseCache struct {
	dir  string
	ctx  []byte // what else a fragment depends on: parameters, roots, working directory
	hits atomic.Int64
}

func newParseCache(cacheDir, cwd string, roots []string, params map[string]string) *parseCache {
	if cacheDir == "" {
		return nil
	}
	ctx, _ := json.Marshal(struct { // map keys are sorted
		Params map[string]string
		Roots  []string
		Cwd    string
	}{params, roots, cwd})
	return &parseCache{dir: filepath.Join(cacheDir, "parse"), ctx: ctx}
}

// key names a document by its name and content digest (sum).
func (c *parseCache) key(name, sum string) string {
	h := bytes.NewBuffer(nil)
	h.WriteString(toolIdentity())
	h.WriteByte(0)
	h.WriteString(name)
	h.WriteByte(0)
	h.Write(c.ctx)
	h.WriteByte(0)
	h.WriteString(sum)
	return digest(h.Bytes())
}

func (c *parseCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".frag")
}

// get returns the fragment kept for the document, if any.
func (c *parseCache) get(key string) (*model.Fragment, bool) {
	var e parseEntry
	if !readEntry(c.path(key), &e) || e.Format != cacheFormat {
		return nil, false
	}
	var frag *model.Fragment
	if len(e.Fragment) > 0 {
		frag = &model.Fragment{}
		if gob.NewDecoder(bytes.NewReader(e.Fragment)).Decode(frag) != nil {
			return nil, false
		}
		frag.Diagnostics = append(frag.Diagnostics, e.Late...)
	}
	c.hits.Add(1)
	touch(c.path(key))
	return frag, true // nil: not a document apigw-lint reads
}

// encode snapshots a fragment (nil: the file is no document apigw-lint
// reads) as it comes from its loader, before the run annotates it.
func (c *parseCache) encode(f *model.Fragment) ([]byte, bool) {
	if f == nil {
		return nil, true
	}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(f) != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// put keeps an encoded fragment and the findings that came after it (a
// deferred validation's). Failing to write only costs the next run a load.
func (c *parseCache) put(key string, frag []byte, late []model.Finding) {
	_ = writeEntry(c.path(key), parseEntry{Format: cacheFormat, Fragment: frag, Late: late})
}

type parseEntry struct {
	Format   int
	Fragment []byte // the fragment, gob-encoded; empty for a file that is no document
	Late     []model.Finding
}
