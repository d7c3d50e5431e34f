package model

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// A Fingerprinter computes partial fingerprints for the findings of one run,
// in order. A fingerprint hashes the rule ID, the file and the normalised text
// of the finding's first line, not its line number: inserting lines above a
// finding leaves it unchanged. An occurrence counter tells apart findings
// whose rule, file and line text are all the same.
type Fingerprinter struct {
	sources func(string) []byte
	lines   map[string][]string // split sources, by filename
	seen    map[string]int      // occurrences of each hashed tuple
}

// NewFingerprinter returns a Fingerprinter that reads lines through sources
// (nil: fingerprints fall back to the message).
func NewFingerprinter(sources func(string) []byte) *Fingerprinter {
	return &Fingerprinter{sources: sources, lines: map[string][]string{}, seen: map[string]int{}}
}

// Of returns the fingerprint of f; call it for a run's findings in order.
func (fp *Fingerprinter) Of(f Finding) string {
	text, ok := fp.lineText(f.Range.Filename, int(f.Range.Start.Line))
	if !ok {
		// Without the source, the message is the best stand-in: it names
		// the offending value and does not mention line numbers.
		text = "message:" + normalizeSpace(f.Message)
	} else {
		text = "line:" + text
	}
	tuple := f.RuleID + "\x00" + f.Range.Filename + "\x00" + text
	n := fp.seen[tuple]
	fp.seen[tuple] = n + 1
	sum := sha256.Sum256([]byte(tuple + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:])
}

// lineText returns the whitespace-normalised text of a 1-based line of file.
func (fp *Fingerprinter) lineText(file string, line int) (string, bool) {
	if fp.sources == nil || line < 1 {
		return "", false
	}
	lines, ok := fp.lines[file]
	if !ok {
		if src := fp.sources(file); src != nil {
			lines = strings.Split(string(src), "\n")
		}
		fp.lines[file] = lines
	}
	if line > len(lines) {
		return "", false
	}
	return normalizeSpace(lines[line-1]), true
}

// normalizeSpace trims s and collapses its runs of white space, so that
// re-indenting a line or changing its line endings keeps its fingerprint.
func normalizeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
