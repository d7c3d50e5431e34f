package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// TestRegistry checks every rule's metadata: IDs and names well-formed and
// unique, documentation from the doc comment starting with "ID name:", a
// title, a severity, sorted order.
func TestRegistry(t *testing.T) {
	idRE := regexp.MustCompile(`^APIGW\d{3}$`)
	nameRE := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	all := All()
	if len(all) == 0 {
		t.Fatal("no rules")
	}
	for i, r := range all {
		if !idRE.MatchString(r.ID) || seen[r.ID] {
			t.Errorf("bad or duplicate ID %q", r.ID)
		}
		seen[r.ID] = true
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("registry not sorted at %s", r.ID)
		}
		if !nameRE.MatchString(r.Name) {
			t.Errorf("%s: bad name %q", r.ID, r.Name)
		}
		if !strings.HasPrefix(r.Doc(), r.ID+" "+r.Name+": ") {
			t.Errorf("%s: doc comment must start with %q, got %q", r.ID, r.ID+" "+r.Name+": ", firstLine(r.Doc()))
		}
		if r.Title() == "" || strings.Count(r.Doc(), "\n\n") < 1 {
			t.Errorf("%s: doc needs a title line and at least one paragraph", r.ID)
		}
		if r.Severity == model.SeverityInvalid || r.Check == nil {
			t.Errorf("%s: no severity or no Check", r.ID)
		}
		if !strings.Contains(r.Doc(), "https://") {
			t.Errorf("%s: the doc should cite its AWS source", r.ID)
		}
		info := r.Info()
		if info.HelpURI == "" || info.Title != r.Title() {
			t.Errorf("%s: incomplete Info %+v", r.ID, info)
		}
	}
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

func TestFormatCodes(t *testing.T) {
	tests := []struct {
		name  string
		codes []int
		want  string
	}{
		{"one code", []int{404}, "404"},
		{"a range and singles", []int{400, 401, 402, 404, 500}, "400–402, 404, 500"},
		{"nothing", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatCodes(tc.codes); got != tc.want {
				t.Errorf("formatCodes(%v) = %q, want %q", tc.codes, got, tc.want)
			}
		})
	}
}
