package vtl

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusRejects lists corpus templates that Velocity itself rejects, with
// the reason; the corpus test expects errors for them instead of none.
// Every template in the corpus is currently valid.
var corpusRejects = map[string]string{}

func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	if files == nil {
		t.Skipf("corpus %s not present", corpusDir)
	}
	for _, path := range files {
		rel, err := filepath.Rel(corpusDir, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			tpl, errs := Parse(src)
			if err := checkTree(src, tpl, errs); err != nil {
				t.Error(err)
			}
			if reason, ok := corpusRejects[filepath.ToSlash(rel)]; ok {
				if len(errs) == 0 {
					t.Errorf("listed as rejected (%s) but parsed without errors", reason)
				}
				return
			}
			for _, e := range errs {
				t.Errorf("%v-%v: %s", e.Pos, e.End, e.Msg)
			}
		})
	}
	t.Logf("parsed %d .vtl files", len(files))
}
