package openapi

import (
	"context"
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
	// Unbounded, this took 10.9 s and grew with every level; bounded it is
	// milliseconds. The deadline only keeps a regression from hanging CI.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		Load("x.yaml", []byte(b.String()))
	}()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatal("loading a merge-key bomb did not finish before the deadline")
	}
}
