package vtl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of real API Gateway templates, relative to
// this package's directory.
const corpusDir = "../../../shared/corpus"

// corpusFiles returns the paths of the .vtl files under corpusDir, or nil
// when the corpus is absent.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		return nil
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".vtl") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("walking %s: %v", corpusDir, err)
	}
	return files
}

// FuzzParse checks that Parse terminates without panicking on any input and
// that every position it returns is inside the source, with exact line and
// column, and inside its parent node.
func FuzzParse(f *testing.F) {
	for _, path := range corpusFiles(f) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range seedTemplates {
		f.Add(s)
	}
	for _, c := range constructCases {
		f.Add(c.src)
	}
	for _, c := range errorCases {
		f.Add(c.src)
	}
	for _, s := range []string{dynamoPutComment, photosForeach, responseOverride} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		tpl, errs := Parse(src)
		if err := checkTree(src, tpl, errs); err != nil {
			t.Fatal(err)
		}
	})
}

// seedTemplates seeds FuzzParse in addition to the corpus and the table
// tests' inputs.
var seedTemplates = []string{
	"#set($inputRoot = $input.path('$'))\n{\"a\": \"$util.escapeJavaScript($input.path('$.message'))\"}",
	"#if($a)x#elseif($b)y#{else}z#end",
	"#foreach($i in [1..$n])$i#if($foreach.hasNext),#end#end",
	"#macro(m $a $b)$a#end#m(1 \"x\")#@m(1 2)body#end",
	"\\$a \\\\$a \\#if \\\\#if($x)y#end",
	"#set($m = {\"a\": 1, $k: [1, 2]})#set($s = \"Hello ${name}, #if($x)y#end!\")",
	"## c\n#* b *#\n#[[ $raw ]]#\n$!{q} $a[0]['k'] $5.00 #hashtag",
	"#set($x = \"abc)\n\"k\": 1\n#end",
	"#if($a = 1) yes #end #set($x = ($a + 1)\n{}",
	"\"$util.escapeJavaScript($input.path('$.x')\"\n}",
}
