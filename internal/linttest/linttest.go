// Package linttest checks findings against expectations written in the
// fixtures themselves, like analysistest's `// want`. It knows nothing about
// any one rule.
//
// An expectation is a comment on the line of the finding:
//
//	"4\\d{2": { statusCode: "400" }   # want "APIGW101"
//	selection_pattern = "(4|5"        # want "APIGW101: .*not a valid Java regex"
//	## want +2 "APIGW201"
//
// Each quoted string is a Go regexp matched against "<ID>: <message>"; `+N`
// moves the expectation N lines below the comment (inside a heredoc or a
// block scalar). `#`, `//`, `##` and `/*` comments are recognised. JSON has no
// comments: a JSON fixture's expectations are in a sibling `<name>.want` file,
// one line each: `<line> "<regexp>"…`.
//
// Every finding must match an expectation on its line, and every expectation
// must be met by a finding.
package linttest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// An Expectation is one wanted finding.
type Expectation struct {
	File    string // relative to the fixture directory, forward slashes
	Line    int
	Pattern *regexp.Regexp
	met     bool
}

var (
	wantComment = regexp.MustCompile(`(?:#|//|/\*)\s*want(?:\s*\+(\d+))?((?:\s+"(?:[^"\\]|\\.)*")+)`)
	quoted      = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	wantLine    = regexp.MustCompile(`^(\d+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
)

// Parse reads the expectations of every fixture file under dir.
func Parse(dir string) ([]*Expectation, error) {
	var out []*Expectation
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(path, ".want") {
			exps, err := parseWantFile(path, strings.TrimSuffix(rel, ".want"))
			out = append(out, exps...)
			return err
		}
		exps, err := parseComments(path, rel)
		out = append(out, exps...)
		return err
	})
	return out, err
}

func parseComments(path, rel string) ([]*Expectation, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Expectation
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		m := wantComment.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		at := line
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			at += n
		}
		exps, err := patterns(rel, at, m[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", rel, line, err)
		}
		out = append(out, exps...)
	}
	return out, sc.Err()
}

func parseWantFile(path, rel string) ([]*Expectation, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []*Expectation
	for i, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		m := wantLine.FindStringSubmatch(l)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: want `<line> \"<regexp>\"…`", path, i+1)
		}
		line, _ := strconv.Atoi(m[1])
		exps, err := patterns(rel, line, m[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		out = append(out, exps...)
	}
	return out, nil
}

func patterns(file string, line int, list string) ([]*Expectation, error) {
	var out []*Expectation
	for _, q := range quoted.FindAllString(list, -1) {
		s, err := strconv.Unquote(q)
		if err != nil {
			return nil, fmt.Errorf("bad expectation %s: %w", q, err)
		}
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("bad expectation regexp %s: %w", q, err)
		}
		out = append(out, &Expectation{File: file, Line: line, Pattern: re})
	}
	return out, nil
}

// Check compares findings, whose filenames are relative to dir, with the
// expectations written in dir's fixtures, and reports every missing and
// every unexpected finding, sorted.
func Check(t testing.TB, dir string, findings []model.Finding) {
	t.Helper()
	exps, err := Parse(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range Compare(exps, findings) {
		t.Error(problem)
	}
}

// Compare returns the problems: findings no expectation wants, and
// expectations no finding meets.
func Compare(exps []*Expectation, findings []model.Finding) []string {
	var problems []string
	for _, f := range findings {
		text := f.RuleID + ": " + f.Message
		ok := false
		for _, e := range exps {
			if !e.met && e.File == f.Range.Filename && e.Line == int(f.Range.Start.Line) && e.Pattern.MatchString(text) {
				e.met, ok = true, true
				break
			}
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("%s:%d:%d: unexpected finding %s", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, text))
		}
	}
	for _, e := range exps {
		if !e.met {
			problems = append(problems, fmt.Sprintf("%s:%d: missing finding matching %q", e.File, e.Line, e.Pattern))
		}
	}
	sort.Strings(problems)
	return problems
}
