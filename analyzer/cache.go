package analyzer

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// The run cache makes a second run over an unchanged tree nearly free.
//
// An entry answers one question — these paths, with this configuration,
// these policies, this baseline, this build of the tool — and records what
// answering it read: the path and SHA-256 of every file, and a digest of the
// listing of every directory a file was read from or a Terraform module was
// loaded from (a file added next to them changes what is loaded). The entry
// is used only when every one of those files still has the recorded content
// and every listing the recorded names; then the run reports the recorded
// findings without loading or checking anything. Any other change is a miss
// and the run is cold.
//
// Entries live in files named by the question's hash, written to a
// temporary file and renamed into place, so concurrent runs never see half
// an entry; each carries a checksum of its body, and one that does not
// match (or does not decode) is a miss, overwritten by the run that follows.

// cacheFormat changes whenever an entry's layout or meaning does.
const cacheFormat = 1

type cacheEntry struct {
	Format   int              `json:"format"`
	Files    []cachedDigest   `json:"files"`
	Dirs     []cachedDigest   `json:"dirs"`
	Findings []model.Finding  `json:"findings"`
	Scanned  int              `json:"scanned"`
	Rules    []model.RuleInfo `json:"rules"`
}

type cachedDigest struct {
	Path string `json:"path"`
	Sum  string `json:"sum"`
}

// Entries are gob-encoded (readEntry, writeEntry), which keeps every field
// of a finding (its JSON form leaves out byte offsets).

// readLog records the files a run reads, by absolute path, with their
// SHA-256. It is nil when the cache is off.
type readLog struct {
	mu    sync.Mutex
	files map[string]string
	dirs  map[string]bool
}

func newReadLog() *readLog {
	return &readLog{files: map[string]string{}, dirs: map[string]bool{}}
}

// record logs a file read and returns its digest ("" when nothing is
// logged).
func (l *readLog) record(abs string, b []byte) string {
	if l == nil {
		return ""
	}
	sum := digest(b)
	l.mu.Lock()
	l.files[abs] = sum
	l.dirs[filepath.Dir(abs)] = true
	l.mu.Unlock()
	return sum
}

// missing records a file that could not be read: the entry holds only
// while it still cannot be.
func (l *readLog) missing(abs string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.files[abs] = missingSum
	l.dirs[filepath.Dir(abs)] = true
	l.mu.Unlock()
}

const missingSum = "-"

func (l *readLog) dir(abs string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.dirs[abs] = true
	l.mu.Unlock()
}

// cacheKey hashes the question a run answers: everything that decides its
// findings except the content of the files it reads, which the entry
// records and checks.
func cacheKey(opts Options, in *input, cwd string, now time.Time) (string, error) {
	policyFiles, err := digestTree(opts.Policies)
	if err != nil {
		return "", err
	}
	var varFiles []cachedDigest
	for _, f := range opts.VarFiles {
		b, err := os.ReadFile(filepath.Join(cwd, f))
		if err != nil {
			b = nil // the run reports it; the key still changes when it appears
		}
		varFiles = append(varFiles, cachedDigest{Path: f, Sum: digest(b)})
	}
	only := make([]string, 0, len(opts.Only))
	for id, on := range opts.Only {
		if on {
			only = append(only, id)
		}
	}
	sort.Strings(only)
	q := struct {
		Format      int
		Tool        string
		MaxFileSize int64
		WorkDir     string
		Paths       []string
		VarFiles    []cachedDigest
		Only        []string
		Config      any
		Baseline    any
		Policies    []cachedDigest
		Now         string
		Parameters  map[string]string
		Docs, VTL   []string
		TFDirs      []string
		Roots       []string
	}{
		Format: cacheFormat, Tool: toolIdentity(), MaxFileSize: MaxFileSize, WorkDir: cwd,
		Paths: opts.Paths, VarFiles: varFiles, Only: only, Config: opts.Config, Baseline: opts.Baseline,
		Policies: policyFiles, Parameters: opts.Parameters,
		Docs: in.docs, VTL: in.vtl, TFDirs: in.tfDirs, Roots: in.roots,
	}
	// Certificates are checked against the clock: an entry made without a
	// fixed --now serves for the hour it was made in.
	if opts.Now.IsZero() {
		q.Now = now.UTC().Format("2006-01-02T15")
	} else {
		q.Now = opts.Now.UTC().Format(time.RFC3339Nano)
	}
	b, err := json.Marshal(q)
	if err != nil {
		return "", fmt.Errorf("cache key: %w", err)
	}
	return digest(b), nil
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// digestTree digests every file under the policy directories.
func digestTree(dirs []string) ([]cachedDigest, error) {
	var out []cachedDigest
	for _, d := range dirs {
		fsys := os.DirFS(d)
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			out = append(out, cachedDigest{Path: filepath.Join(d, p), Sum: digest(b)})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cache key: %w", err)
		}
	}
	return out, nil
}

var (
	toolOnce sync.Once
	toolID   string
)

// toolIdentity names this build: the VCS revision of a clean build, else a
// digest of the executable, so a rebuilt binary never reads the entries of
// another.
func toolIdentity() string {
	toolOnce.Do(func() {
		if bi, ok := debug.ReadBuildInfo(); ok {
			var rev, modified string
			for _, s := range bi.Settings {
				switch s.Key {
				case "vcs.revision":
					rev = s.Value
				case "vcs.modified":
					modified = s.Value
				}
			}
			if rev != "" && modified == "false" {
				toolID = "rev:" + rev + ":" + bi.GoVersion
				return
			}
		}
		exe, err := os.Executable()
		if err == nil {
			if b, err := os.ReadFile(exe); err == nil {
				toolID = "exe:" + digest(b)
				return
			}
		}
		toolID = fmt.Sprintf("unknown:%d", time.Now().UnixNano()) // never matches
	})
	return toolID
}

func cachePath(dir, key string) string {
	return filepath.Join(dir, "runs", key[:2], key+".entry")
}

// cacheLoad returns the entry for key when it is intact and everything it
// read is unchanged.
func cacheLoad(dir, key string) (*cacheEntry, bool) {
	var e cacheEntry
	if !readEntry(cachePath(dir, key), &e) || e.Format != cacheFormat {
		return nil, false
	}
	for _, d := range e.Files {
		b, err := os.ReadFile(d.Path)
		if err != nil {
			if d.Sum == missingSum {
				continue
			}
			return nil, false
		}
		if digest(b) != d.Sum {
			return nil, false
		}
	}
	for _, d := range e.Dirs {
		if listing(d.Path) != d.Sum {
			return nil, false
		}
	}
	touch(cachePath(dir, key))
	return &e, true
}

// listing digests the names in a directory ("" when it cannot be read).
func listing(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	var b bytes.Buffer
	for _, e := range entries {
		b.WriteString(e.Name())
		if e.IsDir() {
			b.WriteByte('/')
		}
		b.WriteByte(0)
	}
	return digest(b.Bytes())
}

// cacheStore writes the entry for key. A failure to write is not the run's
// failure: the next run is cold.
func cacheStore(dir, key string, log *readLog, res *Result) error {
	e := cacheEntry{Format: cacheFormat, Findings: res.Findings, Scanned: res.Files, Rules: res.Rules}
	log.mu.Lock()
	for p, sum := range log.files {
		e.Files = append(e.Files, cachedDigest{Path: p, Sum: sum})
	}
	for d := range log.dirs {
		e.Dirs = append(e.Dirs, cachedDigest{Path: d, Sum: listing(d)})
	}
	log.mu.Unlock()
	byPath := func(a, b cachedDigest) int { return strings.Compare(a.Path, b.Path) }
	slices.SortFunc(e.Files, byPath)
	slices.SortFunc(e.Dirs, byPath)
	return writeEntry(cachePath(dir, key), e)
}

// An entry file holds a checksum line (entryHeader) and the body: a value
// in encoding/gob.

// readEntry decodes the entry file at path into v; false when it is
// missing, damaged or does not decode.
func readEntry(path string, v any) bool {
	raw, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	if len(raw) < len(entryHeader) {
		return false
	}
	body := raw[len(entryHeader):]
	return string(raw[:len(entryHeader)]) == checksumLine(body) && gob.NewDecoder(bytes.NewReader(body)).Decode(v) == nil
}

// entryHeader is the shape of an entry's first line: the CRC-32C of the
// rest, which catches a truncated or damaged entry (the key, a SHA-256 of
// the question, is what addresses it). It is fixed-length, so that the
// entry is encoded into one buffer, header first.
const entryHeader = "crc32c:00000000\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func checksumLine(body []byte) string {
	return fmt.Sprintf("crc32c:%08x\n", crc32.Checksum(body, castagnoli))
}

// writeEntry writes v as the entry file at path: to a temporary file in the
// same directory, renamed into place, so that a concurrent reader sees the
// old entry or the new one, never half of one.
func writeEntry(path string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(entryHeader)
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	out := buf.Bytes()
	copy(out, checksumLine(out[len(entryHeader):]))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".entry-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(out)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return nil
}

// DefaultCacheDir is where the CLI keeps its cache: the user cache
// directory's apigw-lint folder ("" when there is none).
func DefaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "apigw-lint")
}

// Entries not used for cacheMaxAge are deleted, by a sweep that runs at
// most once a day per cache directory (its time is kept in a marker file):
// a hit refreshes its entry's modification time.
const (
	cacheMaxAge     = 30 * 24 * time.Hour
	cacheSweepEvery = 24 * time.Hour
)

// touch marks an entry as used.
func touch(path string) {
	now := time.Now()
	_ = os.Chtimes(path, now, now)
}

// sweep deletes the entries of dir not used for cacheMaxAge, once a day.
func sweep(dir string, now time.Time) {
	marker := filepath.Join(dir, ".swept")
	if fi, err := os.Stat(marker); err == nil && now.Sub(fi.ModTime()) < cacheSweepEvery {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		return
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return
	}
	defer root.Close()
	_ = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == ".swept" {
			return nil
		}
		if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) > cacheMaxAge {
			_ = root.Remove(p)
		}
		return nil
	})
}
