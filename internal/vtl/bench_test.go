package vtl

import (
	"strings"
	"testing"
)

// benchTemplate is a ~20 KB template made of real mapping templates.
var benchTemplate = func() string {
	var b strings.Builder
	for b.Len() < 20<<10 {
		b.WriteString(dynamoPutComment)
		b.WriteString(photosForeach)
		b.WriteString(responseOverride)
	}
	return b.String()
}()

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(benchTemplate)))
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := Parse(benchTemplate); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}
