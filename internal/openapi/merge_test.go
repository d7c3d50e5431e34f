package openapi

import (
	"strings"
	"testing"
	"time"
)

func TestMergeKeyBombIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\nx-defs:\n  a0: &a0 {k0: 1}\n")
	for i := 1; i < 9; i++ {
		b.WriteString("  a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + "\n    <<: [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("paths:\n  /a:\n    <<: *a8\n    get:\n      responses: {}\n")
	start := time.Now()
	Load("x.yaml", []byte(b.String()))
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a merge-key bomb took %v", d)
	}
}
