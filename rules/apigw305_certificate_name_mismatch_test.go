package rules

import "testing"

func TestCertCovers(t *testing.T) {
	tests := []struct {
		name, cert, host string
		want             bool
	}{
		{"exact name", "api.example.com", "api.example.com", true},
		{"case and final dot ignored", "API.Example.com.", "api.example.COM", true},
		{"wildcard covers one label", "*.example.com", "api.example.com", true},
		{"wildcard does not cover the apex", "*.example.com", "example.com", false},
		{"wildcard does not cover two labels", "*.example.com", "a.b.example.com", false},
		{"wildcard covers the same wildcard domain", "*.example.com", "*.example.com", true},
		{"wildcard does not cover a deeper wildcard domain", "*.example.com", "*.a.example.com", false},
		{"partial-label wildcard matches nothing", "api*.example.com", "api1.example.com", false},
		{"wildcard in a later label matches nothing", "api.*.example.com", "api.x.example.com", false},
		{"wildcard over a top-level domain matches nothing", "*.com", "example.com", false},
		{"other name", "www.example.com", "api.example.com", false},
		{"suffix is not a label boundary", "*.example.com", "api.badexample.com", false},
		{"empty names", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := certCovers(tc.cert, tc.host); got != tc.want {
				t.Errorf("certCovers(%q, %q) = %v, want %v", tc.cert, tc.host, got, tc.want)
			}
		})
	}
}

func TestCoverAdvice(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		host  string
		want  string
	}{
		{"apex", []string{"*.example.com"}, "example.com", `a wildcard does not cover the apex: add "example.com" to subject_alternative_names`},
		{"two labels", []string{"*.example.com"}, "a.b.example.com", `a wildcard covers exactly one label: add "a.b.example.com" to subject_alternative_names`},
		{"unrelated", []string{"www.example.org"}, "api.example.com", `add "api.example.com" to subject_alternative_names, or use a certificate for that name`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := coverAdvice(tc.names, tc.host); got != tc.want {
				t.Errorf("coverAdvice = %q, want %q", got, tc.want)
			}
		})
	}
}
