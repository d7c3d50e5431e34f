package analyzer

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// A Baseline is the findings a team accepted when it adopted apigw-lint,
// recorded by fingerprint: with `--baseline FILE` only new findings are
// reported. Fingerprints hash the rule, the file and the text of the
// finding's line, so moving lines does not invalidate the baseline.
type Baseline struct {
	Path    string          `json:"-"`
	Version int             `json:"version"`
	Entries []BaselineEntry `json:"findings"`
	// left counts the entries not yet matched, by fingerprint.
	left map[string]int
}

// A BaselineEntry is one accepted finding. Rule, file and message are kept
// for the reader of the file; only the fingerprint is matched.
type BaselineEntry struct {
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
}

const baselineVersion = 1

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var base Baseline
	if err := json.Unmarshal(b, &base); err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	if base.Version != baselineVersion {
		return nil, fmt.Errorf("read baseline %s: version %d, want %d", path, base.Version, baselineVersion)
	}
	base.Path = path
	base.left = map[string]int{}
	for _, e := range base.Entries {
		base.left[e.Fingerprint]++
	}
	return &base, nil
}

// Take reports whether f is in the baseline, and consumes one entry: two
// findings with one fingerprint need two entries.
func (b *Baseline) Take(f model.Finding) bool {
	if b == nil || b.left[f.Fingerprint] == 0 {
		return false
	}
	b.left[f.Fingerprint]--
	return true
}

// WriteBaseline records the unsuppressed findings.
func WriteBaseline(w io.Writer, findings []model.Finding) error {
	base := Baseline{Version: baselineVersion, Entries: []BaselineEntry{}}
	for _, f := range findings {
		if f.Suppression != nil || f.RuleID == RuleInternal {
			continue
		}
		base.Entries = append(base.Entries, BaselineEntry{RuleID: f.RuleID, File: f.Range.Filename, Message: f.Message, Fingerprint: f.Fingerprint})
	}
	sort.SliceStable(base.Entries, func(i, j int) bool {
		a, b := base.Entries[i], base.Entries[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Fingerprint < b.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(base); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}
