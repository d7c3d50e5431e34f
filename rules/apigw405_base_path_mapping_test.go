package rules

import (
	"strings"
	"testing"
)

func TestInvalidBasePath(t *testing.T) {
	tests := []struct {
		name, path string
		bad        bool
	}{
		{"root", "", false},
		{"plain", "orders", false},
		{"every allowed punctuation", "v1.2_beta-($+!*')", false},
		{"multi-level", "orders/v1/items", false},
		{"space", "orders v2", true},
		{"query character", "orders?x", true},
		{"non-ASCII letter", "bestellungen-ü", true},
		{"300 characters", strings.Repeat("a", 300), false},
		{"301 characters", strings.Repeat("a", 301), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := invalidBasePath(tc.path); (got != "") != tc.bad {
				t.Errorf("invalidBasePath(%q) = %q; want bad=%v", tc.path, got, tc.bad)
			}
		})
	}
}
