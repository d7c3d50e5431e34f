package model

import (
	"encoding/json"
	"fmt"
)

// A Severity ranks a finding. The zero value is SeverityInvalid, so a finding
// whose severity was never set is detectable.
type Severity int

// The severities, lowest first.
const (
	SeverityInvalid Severity = iota
	SeverityNote
	SeverityWarning
	SeverityError
)

// String returns the lowercase name used in every output format.
func (s Severity) String() string {
	switch s {
	case SeverityNote:
		return "note"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "invalid"
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "note", "info":
		return SeverityNote, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityInvalid, fmt.Errorf("unknown severity %q (want error, warning or note)", s)
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity's name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// A Finding is one positioned diagnostic.
type Finding struct {
	RuleID   string    `json:"rule_id"`
	Severity Severity  `json:"severity"`
	Message  string    `json:"message"`
	Range    Range     `json:"range"`
	Related  []Related `json:"related,omitempty"`
	// Fingerprint identifies the finding across commits (see Fingerprinter).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Suppression is set when an inline comment, the configuration or the
	// baseline accepts the finding: it is reported as suppressed (SARIF) or
	// not at all (text), and never fails the run.
	Suppression *Suppression `json:"suppression,omitempty"`
}

// Suppression kinds, as SARIF names them.
const (
	SuppressionInSource = "inSource"
	SuppressionExternal = "external"
)

// A Suppression says who accepted a finding and why.
type Suppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

// A Related location is another place a finding refers to: the method response
// it names, the certificate it compares against.
type Related struct {
	Message string `json:"message"`
	Range   Range  `json:"range"`
}

// Less orders findings by file, line, column, rule ID and message: the one
// order every output format uses.
func (f Finding) Less(o Finding) bool {
	a, b := f.Range, o.Range
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	if a.Start.Line != b.Start.Line {
		return a.Start.Line < b.Start.Line
	}
	if a.Start.Column != b.Start.Column {
		return a.Start.Column < b.Start.Column
	}
	if f.RuleID != o.RuleID {
		return f.RuleID < o.RuleID
	}
	return f.Message < o.Message
}
