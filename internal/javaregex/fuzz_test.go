package javaregex

import (
	"testing"
	"time"
)

// FuzzCompile checks that no pattern makes Compile or Matches panic.
// Timeouts are fine.
func FuzzCompile(f *testing.F) {
	for _, p := range loadCorpus(f) {
		f.Add(p)
	}
	inputs := []string{"", "404", "Error: boom\n  at line 1", "aé😀\r\n", "[BadRequest] x"}
	f.Fuzz(func(t *testing.T, expr string) {
		p, err := compile(expr, 10*time.Millisecond)
		if err != nil {
			return
		}
		for _, in := range inputs {
			_, _ = p.Matches(in) // only panics matter
		}
		p.MaxLen()
		p.Literal()
		p.CanMatchNewline()
		p.UsesDot()
	})
}
