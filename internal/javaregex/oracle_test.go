package javaregex

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// lambdaMessages are Lambda-style error messages (and a few odd strings)
// the differential test matches every pattern against, besides the status
// codes 100..599.
var lambdaMessages = []string{
	"", "Error: boom\n  at line 1", "[BadRequest] missing id", "[NotFound] no such item",
	"Not Found", "not found", "Invalid input", "Not.Found", "NotXFound",
	"Task timed out after 3.00 seconds",
	`{"errorMessage":"boom","errorType":"ValidationError"}`,
	`{"message": "Internal server error"}`, `{"status": 404, "error": "Not Found"}`,
	`.. "errorType": "ValidationError" ..`,
	"Error", "error", "ERROR", "Error: x", "Exception", "java.lang.RuntimeException: boom\n\tat Foo.bar(Foo.java:1)",
	"RuntimeException\n", "ValidationError: name is required", "line1\nline2", "line1\r\nline2", "line1\rline2",
	"trailing newline\n", "\n", "\r\n", "\r", "\n\n", "a", "aa", "ab", "abc", "a.b", "aXb", "x", "xx", "xxx",
	"bcd", "default", "DEFAULT", "-", "200 OK", " 404", "404 ", "4044", "40", "Ünïcödé", "日本語エラー", "日本語",
	"😀", "😀😃", "σς", "ΣΑΣ", "σ", "straße", "STRASSE", "STRAẞE", "é", "É", "café", "e\u0301", "\u212A", "ſ",
	"\t", " ", "\u00a0", "\u2028", "a\u2028", "a\n", "a\r", "a\r\n", "a\u0085", "A", "Ab", "AB", "abcabc",
	"aaa", "aab", "xab", "abcd", "abc OK", "123 OK", "hello world", "Hello World", "foo_bar1", "123abc",
	"3.14", "$x", "^", "\\", "*", "a]b", "[a]", "(a)", "{}", "}", "]", "&", "-a", "0", "01", "0101", "AA",
	"a b c", "abc", "a#comment", "a b", "x y", "John Smith", "ü", "àé", "αβγ", "\x0b", "\x0c", "\u00e9",
	"ab\nab", "Error\nline2", "line2", "line1\n", "line1\nline2\n", "bb", "ba", "abab", "abba", "aabb",
	"0000", "111", "1", "12", "A1", "a_b", "__", "xx\n", "x\nx", "\x07\x1b", "\t\n\r\x0c\x07\x1b", "\r\n\n",
}

// oracleInputs returns the status codes 100..599 as text, then lambdaMessages.
func oracleInputs() []string {
	var in []string
	for c := 100; c <= 599; c++ {
		in = append(in, strconv.Itoa(c))
	}
	return append(in, lambdaMessages...)
}

// knownDivergences are corpus patterns whose matching is known to differ
// from Java's, with the reason; see doc.go. Disagreements on them are
// logged, not reported as failures.
var knownDivergences = map[string]string{
	`(?iu)(σ)\1`: "case-insensitive back references compare with regexp2's simple lower-casing, not Java's toUpperCase/toLowerCase pair",
}

// loadCorpus reads testdata/patterns.txt: one pattern per line.
func loadCorpus(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "patterns.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.Split(s, "\n")
}

// javaVerdict is what JavaOracle printed for one pattern.
type javaVerdict struct {
	valid   bool
	index   int    // PatternSyntaxException.getIndex() when !valid
	desc    string // description, or the exception when !valid
	matches string // one of '1', '0', 'X' per input when valid
}

// runOracle compiles JavaOracle.java and runs it once over all patterns and
// inputs.
func runOracle(t *testing.T, patterns, inputs []string) []javaVerdict {
	t.Helper()
	javac, err1 := exec.LookPath("javac")
	java, err2 := exec.LookPath("java")
	if err1 != nil || err2 != nil {
		t.Skip("javac/java not in PATH; skipping the differential test against java.util.regex")
	}
	dir := t.TempDir()
	if out, err := exec.Command(javac, "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-d", dir, filepath.Join("testdata", "JavaOracle.java")).CombinedOutput(); err != nil {
		t.Fatalf("javac: %v\n%s", err, out)
	}
	var stdin bytes.Buffer
	fmt.Fprintln(&stdin, len(inputs))
	for _, s := range inputs {
		fmt.Fprintln(&stdin, hex.EncodeToString([]byte(s)))
	}
	for _, p := range patterns {
		fmt.Fprintln(&stdin, hex.EncodeToString([]byte(p)))
	}
	cmd := exec.Command(java, "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", dir, "JavaOracle")
	cmd.Stdin = &stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("java JavaOracle: %v\n%s", err, stderr.String())
	}
	var verdicts []javaVerdict
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		var v javaVerdict
		switch {
		case len(f) == 2 && f[0] == "V":
			v = javaVerdict{valid: true, matches: f[1]}
		case len(f) == 3 && f[0] == "E":
			v.index, _ = strconv.Atoi(f[1])
			d, _ := hex.DecodeString(f[2])
			v.desc = string(d)
		case len(f) == 2 && f[0] == "T":
			d, _ := hex.DecodeString(f[1])
			v.index, v.desc = -2, string(d)
		default:
			t.Fatalf("bad oracle line %q", sc.Text())
		}
		verdicts = append(verdicts, v)
	}
	if len(verdicts) != len(patterns) {
		t.Fatalf("oracle answered %d patterns, want %d", len(verdicts), len(patterns))
	}
	return verdicts
}

// TestDifferentialAgainstJava compares Compile and Matches with the real
// java.util.regex on every pattern of testdata/patterns.txt and every input
// of oracleInputs.
func TestDifferentialAgainstJava(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the differential test in -short mode")
	}
	start := time.Now()
	patterns := loadCorpus(t)
	inputs := oracleInputs()
	verdicts := runOracle(t, patterns, inputs)
	javaTime := time.Since(start)

	var valid, invalid, pairs, agreed, descAgreed int
	var problems []string
	for i, expr := range patterns {
		v := verdicts[i]
		p, err := compile(expr, time.Second)
		var se *SyntaxError
		switch {
		case !v.valid && err == nil:
			problems = append(problems, fmt.Sprintf("%q: Java rejects it (%s, index %d), Compile accepts it", expr, v.desc, v.index))
			continue
		case !v.valid:
			invalid++
			if errors.As(err, &se) && se.Desc == v.desc && se.Index == v.index {
				descAgreed++
			} else if v.index != -2 {
				t.Logf("%q: Java says %q at %d, Compile says %v", expr, v.desc, v.index, err)
			}
			continue
		case err != nil:
			problems = append(problems, fmt.Sprintf("%q: Java accepts it, Compile says %v", expr, err))
			continue
		}
		valid++
		for j, in := range inputs {
			pairs++
			want := v.matches[j]
			ok, err := p.Matches(in)
			got := byte('0')
			switch {
			case err != nil:
				got = 'X'
			case ok:
				got = '1'
			}
			if got == want {
				agreed++
				continue
			}
			if why, ok := knownDivergences[expr]; ok {
				t.Logf("known divergence: %q matches %q: Java %c, Go %c: %s", expr, in, want, got, why)
				continue
			}
			problems = append(problems, fmt.Sprintf("%q matches %q: Java %c, Go %c (regexp2 %s)", expr, in, want, got, truncate(p.Translated(), 200)))
		}
	}
	t.Logf("%d patterns (%d valid, %d invalid; %d invalid with the same description and index), %d inputs, %d/%d (pattern, input) pairs agree; java took %v, all %v",
		len(patterns), valid, invalid, descAgreed, len(inputs), agreed, pairs, javaTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	for i, pr := range problems {
		if i == 60 {
			t.Errorf("... and %d more disagreements", len(problems)-i)
			break
		}
		t.Error(pr)
	}
}
