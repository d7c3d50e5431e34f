package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

const (
	// sarifSchemaURI is the OASIS SARIF 2.1.0 (errata 01) schema, the one
	// vendored as testdata/report/sarif-schema-2.1.0.json.
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the uriBaseId of every artifact location: the paths are
	// relative to the directory the run scanned, which the consumer knows
	// (GitHub code scanning resolves it to the checkout).
	srcRoot = "%SRCROOT%"
	// fingerprintKey names apigw-lint's partial fingerprint. The version
	// suffix changes whenever the way it is computed changes.
	fingerprintKey = "apigwLint/v1"
)

// SARIF writes a SARIF 2.1.0 log with one run: the tool with every rule of
// in.Rules, and one result per finding. Each result carries a partial
// fingerprint that survives edits elsewhere in the file, so GitHub code
// scanning tracks an alert across commits instead of closing and reopening it.
func SARIF(w io.Writer, in Input) error {
	if err := checkSeverities(in.Findings); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	log, err := sarifLog(in)
	if err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	doc, err := compactSARIF(log)
	if err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	var b bytes.Buffer
	if err := encodeJSON(&b, doc); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

// sarifLog builds the log with go-sarif's types.
func sarifLog(in Input) (*sarif.Report, error) {
	driver := sarif.NewToolComponent().WithName(in.ToolName)
	if in.ToolVersion != "" {
		driver.WithVersion(in.ToolVersion)
	}
	if in.InformationURI != "" {
		driver.WithInformationURI(in.InformationURI)
	}
	ruleIndex := make(map[string]int, len(in.Rules))
	for i, r := range in.Rules {
		d, err := sarifRule(r)
		if err != nil {
			return nil, err
		}
		driver.AddRule(d)
		if _, dup := ruleIndex[r.ID]; !dup {
			ruleIndex[r.ID] = i
		}
	}
	tool := sarif.NewTool()
	tool.Driver = driver

	run := sarif.NewRun().WithColumnKind("unicodeCodePoints")
	run.Tool = tool
	fp := model.NewFingerprinter(in.Sources)
	for _, f := range in.Findings {
		res := sarif.NewRuleResult(f.RuleID).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(sarifLocation(f.Range)).
			WithPartialFingerprints(map[string]string{fingerprintKey: fingerprintOf(fp, f)})
		// A finding of a rule the run does not list (an internal error, say)
		// keeps the default ruleIndex -1: "no index".
		if i, ok := ruleIndex[f.RuleID]; ok {
			res.WithRuleIndex(i)
		}
		if sup := f.Suppression; sup != nil {
			res.AddSuppression(sarif.NewSuppression().WithKind(sup.Kind).WithJustification(sup.Justification))
		}
		for i, rel := range f.Related {
			loc := sarifLocation(rel.Range).WithMessage(sarif.NewTextMessage(rel.Message))
			loc.ID = i
			res.AddRelatedLocation(loc)
		}
		run.AddResult(res)
	}

	log := sarif.NewReport()
	log.Schema = sarifSchemaURI
	log.AddRun(run)
	return log, nil
}

// compactSARIF returns log as generic JSON without the defaults go-sarif
// spells out: empty arrays (but "results", which SARIF requires of a scan),
// empty property bags, and the -1 that SARIF defines as "unset" for indexes,
// ids, offsets and ranks. They mean the same as leaving the property out,
// and Microsoft's SARIF validator warns about them (SARIF2004); without them
// the log is about a quarter smaller. Objects come out with sorted keys.
func compactSARIF(log *sarif.Report) (any, error) {
	raw, err := json.Marshal(log)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	return compactJSON(doc), nil
}

// unsetMinusOne lists the properties whose value -1 means "unset".
var unsetMinusOne = map[string]bool{
	"index": true, "id": true, "ruleIndex": true, "byteOffset": true, "charOffset": true, "rank": true,
}

func compactJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			e = compactJSON(e)
			v[k] = e
			switch e := e.(type) {
			case []any:
				if len(e) == 0 && k != "results" {
					delete(v, k)
				}
			case map[string]any:
				if len(e) == 0 && k == "properties" {
					delete(v, k)
				}
			case json.Number:
				if e == "-1" && unsetMinusOne[k] {
					delete(v, k)
				}
			}
		}
	case []any:
		for i, e := range v {
			v[i] = compactJSON(e)
		}
	}
	return v
}

// sarifRule describes r as a reportingDescriptor.
func sarifRule(r model.RuleInfo) (*sarif.ReportingDescriptor, error) {
	if r.Severity < model.SeverityNote || r.Severity > model.SeverityError {
		return nil, fmt.Errorf("rule %s has invalid severity %d", r.ID, r.Severity)
	}
	d := sarif.NewRule(r.ID)
	if r.Name != "" {
		d.WithName(r.Name)
	}
	if r.Title != "" {
		d.WithDescription(r.Title)
	}
	if desc := fullDescription(r); desc != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(desc))
	}
	if r.Doc != "" {
		d.WithMarkdownHelp(r.Doc)
	}
	if r.HelpURI != "" {
		d.WithHelpURI(r.HelpURI)
	}
	d.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	props := sarif.NewPropertyBag()
	if len(r.Tags) > 0 {
		props.WithTags(append([]string(nil), r.Tags...))
	}
	if r.SecuritySeverity != "" {
		// GitHub code scanning reads this CVSS-like score to rank security
		// alerts (critical, high, medium, low).
		props.Add("security-severity", r.SecuritySeverity)
	}
	if len(props.Tags) > 0 || len(props.Properties) > 0 {
		d.WithProperties(props)
	}
	return d, nil
}

// fullDescription returns the first paragraph of r.Doc, skipping the title
// line (`APIGW101 name: title`) that rule docs start with when more follows:
// shortDescription already carries the title.
func fullDescription(r model.RuleInfo) string {
	paras := paragraphs(r.Doc)
	if len(paras) > 1 && strings.HasPrefix(paras[0], r.ID) {
		paras = paras[1:]
	}
	if len(paras) == 0 {
		return ""
	}
	return paras[0]
}

// paragraphs splits Markdown text at blank lines, joining each paragraph's
// lines with spaces.
func paragraphs(doc string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for line := range strings.Lines(doc) {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

func sarifLevel(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return sarif.LevelError
	case model.SeverityWarning:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// sarifLocation returns a location in r's file, with a region when r has a
// line. End values are left out when unknown; an end column without an end
// line is on the start line.
func sarifLocation(r model.Range) *sarif.Location {
	art := sarif.NewSimpleArtifactLocation(fileURI(r.Filename)).WithURIBaseID(srcRoot)
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(art)
	if r.Start.Line > 0 {
		reg := sarif.NewRegion().WithStartLine(int(r.Start.Line))
		if r.Start.Column > 0 {
			reg.WithStartColumn(int(r.Start.Column))
		}
		endLine := r.End.Line
		if endLine == 0 && r.End.Column > 0 {
			endLine = r.Start.Line
		}
		if endLine > 0 {
			reg.WithEndLine(int(endLine))
		}
		if r.End.Column > 0 {
			reg.WithEndColumn(int(r.End.Column))
		}
		phys.WithRegion(reg)
	}
	return sarif.NewLocationWithPhysicalLocation(phys)
}

// fileURI turns a relative slash-separated path into a relative URI
// reference: spaces and other characters a URI cannot hold are
// percent-encoded, and a first segment with a colon is prefixed with "./" so
// it does not read as a scheme.
func fileURI(path string) string {
	u := url.URL{Path: path}
	return u.String()
}

// fingerprintOf returns the finding's fingerprint: the one the analyzer
// computed, or one computed here.
func fingerprintOf(fp *model.Fingerprinter, f model.Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	return fp.Of(f)
}
