package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/report")

const goldenDir = "../../testdata/report"

func rng(file string, line, col, endLine, endCol int32) model.Range {
	return model.Range{
		Filename: file,
		Start:    model.Pos{Line: line, Column: col},
		End:      model.Pos{Line: endLine, Column: endCol},
	}
}

// source builds a file of n lines, empty but for the given ones.
func source(n int, lines map[int]string) []byte {
	out := make([]string, n)
	for i, l := range lines {
		out[i-1] = l
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// fixtureSources are the files the fixture's findings point into. The
// findings in infra/main.tf have no source, so their fingerprints fall back
// to the message.
var fixtureSources = map[string][]byte{
	"api/openapi.yaml": source(45, map[int]string{
		12: `        selectionPattern: "<5\d{2}"`,
		30: `      "500":`,
		40: `    Legacy:`,
	}),
	"infra/my stage/stage.tf": source(20, map[int]string{
		3:  `resource "aws_api_gateway_stage" "prod" {`,
		15: `    throttling_burst_limit = 5000`,
	}),
}

// fixture is a fixed run: all three severities, a related location, a
// multi-line range, an end column without an end line, a path with a space
// and a message with the characters each format escapes.
func fixture() Input {
	return Input{
		ToolName:       "apigw-lint",
		ToolVersion:    "0.1.0",
		InformationURI: "https://github.com/apigw-lint/apigw-lint",
		FilesScanned:   12,
		Sources:        func(name string) []byte { return fixtureSources[name] },
		Rules: []model.RuleInfo{
			{
				ID:       "APIGW101",
				Name:     "invalid-selection-pattern",
				Title:    "a selection pattern is not a valid Java regex",
				Severity: model.SeverityError,
				Doc: "APIGW101 invalid-selection-pattern: a selection pattern is not a valid Java regex.\n\n" +
					"API Gateway reads selection patterns as Java regular expressions.\n" +
					"Go's regexp (RE2) accepts a different language.\n\n" +
					"```yaml\nselectionPattern: \"5\\\\d{2}\"\n```\n",
				HelpURI: model.DocsBase + "APIGW101.md",
				Tags:    []string{"correctness"},
			},
			{
				ID:               "APIGW205",
				Name:             "method-without-authorization",
				Title:            "a method accepts unauthenticated requests",
				Severity:         model.SeverityError,
				Doc:              "APIGW205 method-without-authorization: a method accepts unauthenticated requests.\n\nAnyone who can reach the stage can call the method.\n",
				HelpURI:          model.DocsBase + "APIGW205.md",
				Tags:             []string{"security", "external/cwe/cwe-306"},
				SecuritySeverity: "8.1",
			},
			{
				ID:       "APIGW310",
				Name:     "unused-model",
				Title:    "a model is never referenced",
				Severity: model.SeverityNote,
				Doc:      "APIGW310 unused-model: a model is never referenced.\n",
				HelpURI:  model.DocsBase + "APIGW310.md",
			},
			{
				ID:       "APIGW501",
				Name:     "stage-without-throttle",
				Title:    "a stage has no default throttle",
				Severity: model.SeverityWarning,
				Doc:      "APIGW501 stage-without-throttle: a stage has no default throttle.\n\nA stage without a default throttle lets one client use the whole account limit.\n",
				HelpURI:  model.DocsBase + "APIGW501.md",
				Tags:     []string{"reliability"},
			},
		},
		Findings: []model.Finding{
			{
				RuleID:   "APIGW101",
				Severity: model.SeverityError,
				Message:  `selection pattern "<5\d{2}" is not a valid Java regex: missing closing >`,
				Range:    rng("api/openapi.yaml", 12, 27, 12, 36),
				Related: []model.Related{{
					Message: "the method response it selects",
					Range:   rng("api/openapi.yaml", 30, 7, 30, 12),
				}},
			},
			{
				RuleID:   "APIGW310",
				Severity: model.SeverityNote,
				Message:  `model "Legacy" is never referenced; remove it`,
				Range:    rng("api/openapi.yaml", 40, 5, 44, 1),
			},
			{
				RuleID:   "APIGW205",
				Severity: model.SeverityError,
				Message:  `method "GET /pets" has authorization "NONE"; set an authorizer`,
				Range:    rng("infra/main.tf", 7, 3, 7, 25),
			},
			{
				RuleID:   "APIGW501",
				Severity: model.SeverityWarning,
				Message:  `stage "prod" has no default throttle; set throttling_rate_limit`,
				Range:    rng("infra/my stage/stage.tf", 3, 1, 9, 2),
			},
			{
				RuleID:   "APIGW501",
				Severity: model.SeverityWarning,
				Message:  "stage \"prod\": burst limit is 100% of the account limit, 5000\nlower throttling_burst_limit",
				Range:    rng("infra/my stage/stage.tf", 15, 5, 0, 34),
			},
		},
	}
}

func TestFixtureIsSorted(t *testing.T) {
	fs := fixture().Findings
	if !slices.IsSortedFunc(fs, func(a, b model.Finding) int {
		switch {
		case a.Less(b):
			return -1
		case b.Less(a):
			return 1
		}
		return 0
	}) {
		t.Fatal("fixture findings are not in model.Finding.Less order")
	}
}

// TestGolden compares every format's output for the fixture with its golden
// file, byte for byte. Run `go test ./internal/report -update` to rewrite them.
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		format, golden string
	}{
		{"text", "golden.txt"},
		{"json", "golden.json"},
		{"sarif", "golden.sarif"},
		{"github", "golden.github"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			got := render(t, tc.format, fixture())
			path := filepath.Join(goldenDir, tc.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s output differs from %s (-want +got):\n%s", tc.format, path, diff)
			}
			if again := render(t, tc.format, fixture()); !bytes.Equal(got, again) {
				t.Errorf("%s output is not deterministic", tc.format)
			}
		})
	}
}

func render(t *testing.T, format string, in Input) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, in); err != nil {
		t.Fatalf("Write(%q): %v", format, err)
	}
	return b.Bytes()
}

func TestFormatsAllWrite(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			render(t, format, Input{ToolName: "apigw-lint"})
		})
	}
}

func TestWriteErrors(t *testing.T) {
	noSeverity := Input{
		ToolName: "apigw-lint",
		Findings: []model.Finding{{RuleID: "APIGW101", Message: "m", Range: rng("a.yaml", 1, 1, 0, 0)}},
	}
	badRule := Input{
		ToolName: "apigw-lint",
		Rules:    []model.RuleInfo{{ID: "APIGW101"}},
	}
	for _, tc := range []struct {
		name, format string
		in           Input
		want         string
	}{
		{"unknown format", "xml", Input{}, `unknown report format "xml"`},
		{"text invalid severity", "text", noSeverity, "write text: finding APIGW101 at a.yaml:1:1 has invalid severity 0"},
		{"json invalid severity", "json", noSeverity, "write json: finding APIGW101"},
		{"sarif invalid severity", "sarif", noSeverity, "write sarif: finding APIGW101"},
		{"github invalid severity", "github", noSeverity, "write github: finding APIGW101"},
		{"sarif rule invalid severity", "sarif", badRule, "write sarif: rule APIGW101 has invalid severity 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tc.format, tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write(%q) error = %v, want one containing %q", tc.format, err, tc.want)
			}
		})
	}
}

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteWrapsWriterError(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			err := Write(errWriter{}, format, fixture())
			if err == nil || !strings.HasPrefix(err.Error(), "write "+format+": ") {
				t.Fatalf("error = %v, want it prefixed with %q", err, "write "+format+": ")
			}
		})
	}
}

func TestTextColor(t *testing.T) {
	in := fixture()
	plain := string(render(t, "text", in))
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("text output without Color has ANSI escapes:\n%q", plain)
	}
	in.Color = true
	colored := string(render(t, "text", in))
	for _, want := range []string{
		"\x1b[1mapi/openapi.yaml:12:27\x1b[0m: \x1b[31merror\x1b[0m APIGW101 ",
		"\x1b[33mwarning\x1b[0m APIGW501 ",
		"\x1b[36mnote\x1b[0m APIGW310 ",
	} {
		if !strings.Contains(colored, want) {
			t.Errorf("colored text output lacks %q:\n%q", want, colored)
		}
	}
	// The summary line is the same either way.
	last := func(s string) string {
		lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
		return lines[len(lines)-1]
	}
	if diff := cmp.Diff(last(plain), last(colored)); diff != "" {
		t.Errorf("summary changes with Color (-plain +color):\n%s", diff)
	}
}

func TestTextSummary(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sevs  []model.Severity
		files int
		want  string
	}{
		{"none", nil, 12, "no findings in 12 files"},
		{"none one file", nil, 1, "no findings in 1 file"},
		{"no files", nil, 0, "no findings in 0 files"},
		{"one of each", []model.Severity{model.SeverityError, model.SeverityWarning, model.SeverityNote}, 1, "1 error, 1 warning, 1 note in 1 file"},
		{"many", []model.Severity{3, 3, 3, 2, 1, 1}, 12, "3 errors, 1 warning, 2 notes in 12 files"},
		{"only notes", []model.Severity{1, 1}, 2, "2 notes in 2 files"},
		{"errors and notes", []model.Severity{3, 1}, 5, "1 error, 1 note in 5 files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Input{FilesScanned: tc.files}
			for _, s := range tc.sevs {
				in.Findings = append(in.Findings, model.Finding{RuleID: "APIGW101", Severity: s, Message: "m", Range: rng("a.tf", 1, 1, 0, 0)})
			}
			out := string(render(t, "text", in))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if diff := cmp.Diff(tc.want, lines[len(lines)-1]); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextLocation(t *testing.T) {
	for _, tc := range []struct {
		r    model.Range
		want string
	}{
		{rng("a.tf", 3, 5, 0, 0), "a.tf:3:5"},
		{rng("a.tf", 3, 0, 0, 0), "a.tf:3"},
		{rng("a.tf", 0, 0, 0, 0), "a.tf"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, textLocation(tc.r)); diff != "" {
				t.Errorf("textLocation (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct {
		in, data, prop string
	}{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"%0A", "%250A", "%250A"},
		{"dir with space/x.tf", "dir with space/x.tf", "dir with space/x.tf"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if diff := cmp.Diff(tc.data, escapeData(tc.in)); diff != "" {
				t.Errorf("escapeData (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.prop, escapeProperty(tc.in)); diff != "" {
				t.Errorf("escapeProperty (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGitHubProperties(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    model.Range
		want string
	}{
		{"one line", rng("a.tf", 3, 5, 3, 9), "file=a.tf,line=3,col=5,endLine=3,endColumn=9,title=R"},
		{"multi-line drops columns", rng("a.tf", 3, 5, 7, 2), "file=a.tf,line=3,endLine=7,title=R"},
		{"end column only", rng("a.tf", 3, 5, 0, 9), "file=a.tf,line=3,col=5,endLine=3,endColumn=9,title=R"},
		{"no end", rng("a.tf", 3, 5, 0, 0), "file=a.tf,line=3,col=5,title=R"},
		{"no position", rng("a,b:c.tf", 0, 0, 0, 0), "file=a%2Cb%3Ac.tf,title=R"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := githubProperties(model.Finding{RuleID: "R", Range: tc.r})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("githubProperties (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFileURI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"api/openapi.yaml", "api/openapi.yaml"},
		{"infra/my stage/stage.tf", "infra/my%20stage/stage.tf"},
		{"a:b/c.tf", "./a:b/c.tf"},
		{"x/100%.tf", "x/100%25.tf"},
		{"x/#1.tf", "x/%231.tf"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, fileURI(tc.in)); diff != "" {
				t.Errorf("fileURI (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFullDescription(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"skips title line", "APIGW1 x: title.\n\nFirst\nparagraph.\n\nSecond.", "First paragraph."},
		{"title only", "APIGW1 x: title.\n", "APIGW1 x: title."},
		{"no title line", "Plain first.\n\nSecond.", "Plain first."},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fullDescription(model.RuleInfo{ID: "APIGW1", Doc: tc.doc})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("fullDescription (-want +got):\n%s", diff)
			}
		})
	}
}

// sarifResults decodes the parts of a SARIF log the tests look at.
type sarifResults struct {
	Runs []struct {
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           *int              `json:"ruleIndex"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func fingerprints(t *testing.T, in Input) []string {
	t.Helper()
	var log sarifResults
	if err := json.Unmarshal(render(t, "sarif", in), &log); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range log.Runs[0].Results {
		out = append(out, r.PartialFingerprints[fingerprintKey])
	}
	return out
}

func TestSARIFFingerprints(t *testing.T) {
	const file = "api/openapi.yaml"
	original := source(20, map[int]string{5: "  selectionPattern: \"5\\d{2}\""})
	// The same file with three lines inserted above the finding, and its
	// line re-indented.
	shifted := source(23, map[int]string{1: "# a", 2: "# b", 3: "# c", 8: "\tselectionPattern:   \"5\\d{2}\"  "})
	input := func(src []byte, rule string, line int32) Input {
		return Input{
			ToolName: "apigw-lint",
			Sources:  func(string) []byte { return src },
			Findings: []model.Finding{{RuleID: rule, Severity: model.SeverityError, Message: "m", Range: rng(file, line, 3, 0, 0)}},
		}
	}
	base := fingerprints(t, input(original, "APIGW101", 5))[0]
	if base == "" {
		t.Fatal("no fingerprint")
	}
	for _, tc := range []struct {
		name string
		in   Input
		same bool
	}{
		{"lines inserted above", input(shifted, "APIGW101", 8), true},
		{"different rule", input(original, "APIGW102", 5), false},
		{"different line text", input(original, "APIGW101", 6), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fingerprints(t, tc.in)[0]
			if (got == base) != tc.same {
				t.Errorf("fingerprint %s, base %s: same = %v, want %v", got, base, got == base, tc.same)
			}
		})
	}
}

func TestSARIFFingerprintOccurrences(t *testing.T) {
	// Two findings of one rule on two identical lines, and a third on the
	// same line as the second: all three fingerprints differ, and shifting
	// the file keeps each one.
	finding := func(line int) model.Finding {
		return model.Finding{RuleID: "APIGW501", Severity: model.SeverityWarning, Message: "m", Range: rng("s.tf", int32(line), 1, 0, 0)}
	}
	in := func(offset int) Input {
		src := source(10+offset, map[int]string{2 + offset: "  stage {", 6 + offset: "  stage {"})
		return Input{
			ToolName: "apigw-lint",
			Sources:  func(string) []byte { return src },
			Findings: []model.Finding{finding(2 + offset), finding(6 + offset), finding(6 + offset)},
		}
	}
	got := fingerprints(t, in(0))
	if len(got) != 3 || got[0] == got[1] || got[1] == got[2] || got[0] == got[2] {
		t.Fatalf("fingerprints not distinct: %q", got)
	}
	if diff := cmp.Diff(got, fingerprints(t, in(4))); diff != "" {
		t.Errorf("fingerprints change when lines are inserted above (-before +after):\n%s", diff)
	}
}

func TestSARIFFingerprintWithoutSources(t *testing.T) {
	in := Input{
		ToolName: "apigw-lint",
		Findings: []model.Finding{{RuleID: "APIGW101", Severity: model.SeverityError, Message: "m", Range: rng("a.yaml", 5, 1, 0, 0)}},
	}
	before := fingerprints(t, in)
	in.Findings[0].Range = rng("a.yaml", 9, 1, 0, 0)
	if diff := cmp.Diff(before, fingerprints(t, in)); diff != "" {
		t.Errorf("without sources the fingerprint depends on the line (-before +after):\n%s", diff)
	}
}

func TestSARIFRuleIndex(t *testing.T) {
	in := fixture()
	in.Findings = append(in.Findings, model.Finding{RuleID: "APIGW000", Severity: model.SeverityError, Message: "internal error", Range: rng("z.tf", 1, 1, 0, 0)})
	var log sarifResults
	if err := json.Unmarshal(render(t, "sarif", in), &log); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(in.Rules))
	for i, r := range in.Rules {
		ids[i] = r.ID
	}
	for _, r := range log.Runs[0].Results {
		got := -1 // an absent ruleIndex means "unset"
		if r.RuleIndex != nil {
			got = *r.RuleIndex
		}
		if want := slices.Index(ids, r.RuleID); got != want {
			t.Errorf("result for %s has ruleIndex %d, want %d", r.RuleID, got, want)
		}
	}
}
