package javaregex

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

var (
	charNamesOnce sync.Once
	charNames     map[string]rune
)

// lookupCharName resolves the name of \N{name} like Character.codePointOf:
// trimmed and case-insensitive.
func lookupCharName(name string) (rune, bool) {
	charNamesOnce.Do(func() {
		charNames = make(map[string]rune, 40000)
		for c := rune(0); c <= maxRune; c++ {
			n := runenames.Name(c)
			if n == "" || strings.HasPrefix(n, "<") {
				continue
			}
			if _, dup := charNames[n]; !dup {
				charNames[n] = c
			}
		}
	})
	c, ok := charNames[strings.ToUpper(strings.TrimSpace(name))]
	return c, ok
}
