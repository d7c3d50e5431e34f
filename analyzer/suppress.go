package analyzer

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// RuleSuppression is the rule ID of problems with suppressions: one without
// a reason, one that suppresses nothing.
const RuleSuppression = "APIGW003"

const marker = "apigw-lint:ignore"

// suppressComment finds `apigw-lint:ignore APIGW301[,APIGW302] -- reason` in
// a comment: `#` (YAML, HCL, VTL's `##`), `//` or `/* */` (HCL).
var suppressComment = regexp.MustCompile(`(?:#|//|/\*)\s*apigw-lint:ignore\s+(APIGW\d{3}(?:\s*,\s*APIGW\d{3})*)\s*(?:--)?\s*(.*?)\s*(?:\*/)?\s*$`)

// An inline suppression is one comment.
type inline struct {
	at     model.Range
	rules  map[string]bool
	reason string
	used   bool
	// last is the last line covered: the comment's next line, or the end
	// of the object that carries an x-apigw-lint-ignore extension.
	last int32
}

// covers reports whether the suppression covers a line: a comment its own
// line and the next, an extension its object's lines.
func (s *inline) covers(line int32) bool {
	return line >= s.at.Start.Line && line <= s.last
}

// fromIgnores turns documents' x-apigw-lint-ignore extensions into
// suppressions.
func fromIgnores(out map[string][]*inline, igs []model.Ignore) {
	for _, ig := range igs {
		s := &inline{at: ig.Range, rules: map[string]bool{}, reason: ig.Reason, last: ig.Range.End.Line}
		for _, r := range ig.Rules {
			s.rules[r] = true
		}
		out[ig.Range.Filename] = append(out[ig.Range.Filename], s)
	}
}

// scanSuppressions reads the suppression comments of the given files.
// Malformed ones (no rule ID) are reported; the others are returned by file.
func scanSuppressions(files []string, texts *sources) (map[string][]*inline, []model.Finding) {
	out := map[string][]*inline{}
	var diags []model.Finding
	for _, name := range files {
		src, err := texts.read(name)
		if err != nil || !bytes.Contains(src, []byte(marker)) {
			continue
		}
		for i, line := range strings.Split(string(src), "\n") {
			col := strings.Index(line, marker)
			if col < 0 {
				continue
			}
			pos := model.Pos{Line: int32(i + 1), Column: int32(len([]rune(line[:col])) + 1)}
			at := model.Range{Filename: name, Start: pos, End: model.Pos{Line: int32(i + 1), Column: int32(len([]rune(line)) + 1)}}
			m := suppressComment.FindStringSubmatch(line)
			if m == nil {
				diags = append(diags, model.Finding{
					RuleID: RuleSuppression, Severity: model.SeverityWarning, Range: at,
					Message: "suppression names no rule; write `apigw-lint:ignore APIGWnnn -- reason`",
				})
				continue
			}
			s := &inline{at: at, rules: map[string]bool{}, reason: strings.TrimSpace(m[2]), last: int32(i + 2)}
			for _, id := range strings.Split(m[1], ",") {
				s.rules[strings.TrimSpace(id)] = true
			}
			out[name] = append(out[name], s)
		}
	}
	return out, diags
}

// suppress marks the findings that inline comments, the configuration's
// ignores or the baseline accept, and reports suppressions without a reason
// (which suppress nothing) and suppressions that matched nothing.
func suppress(findings []model.Finding, inlines map[string][]*inline, ignored func(f model.Finding) (string, bool), base *Baseline) []model.Finding {
	for i := range findings {
		f := &findings[i]
		if f.RuleID == RuleSuppression || f.RuleID == RuleInternal {
			continue
		}
		// A comment on the finding's line or on the line above it.
		for _, s := range inlines[f.Range.Filename] {
			if !s.rules[f.RuleID] || s.reason == "" {
				continue
			}
			if s.covers(f.Range.Start.Line) {
				s.used = true
				f.Suppression = &model.Suppression{Kind: model.SuppressionInSource, Justification: s.reason}
				break
			}
		}
		if f.Suppression != nil {
			continue
		}
		if ignored != nil {
			if reason, ok := ignored(*f); ok {
				f.Suppression = &model.Suppression{Kind: model.SuppressionExternal, Justification: reason}
				continue
			}
		}
		if base.Take(*f) {
			f.Suppression = &model.Suppression{Kind: model.SuppressionExternal, Justification: "in the baseline " + base.Path}
		}
	}
	var extra []model.Finding
	// In file order: the findings' fingerprints count occurrences in order.
	names := make([]string, 0, len(inlines))
	for name := range inlines {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, s := range inlines[name] {
			switch {
			case s.reason == "":
				extra = append(extra, model.Finding{
					RuleID: RuleSuppression, Severity: model.SeverityWarning, Range: s.at,
					Message: fmt.Sprintf("suppression of %s has no reason, so it suppresses nothing; write `%s %s -- why this is accepted`", ids(s.rules), marker, ids(s.rules)),
				})
			case !s.used:
				extra = append(extra, model.Finding{
					RuleID: RuleSuppression, Severity: model.SeverityNote, Range: s.at,
					Message: fmt.Sprintf("suppression of %s matches no finding where it applies; remove it", ids(s.rules)),
				})
			}
		}
	}
	return append(findings, extra...)
}

func ids(set map[string]bool) string {
	var out []string
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
