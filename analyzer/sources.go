package analyzer

import (
	"os"
	"path/filepath"
	"sync"
)

// sources holds the text of the files one run reads, by absolute path, so
// that loading (the Terraform loader included), suppression comments and
// fingerprints read and hash each file once, whatever name they use.
type sources struct {
	cwd string
	mu  sync.Mutex
	m   map[string][]byte
	log *readLog // nil when the cache is off
	// sums are the SHA-256 of the texts read, when the log computed them.
	sums map[string]string
}

func newSources(cwd string) *sources { return &sources{cwd: cwd, m: map[string][]byte{}} }

// read returns a file's text, reading it on first use.
func (s *sources) read(name string) ([]byte, error) {
	abs := s.abs(name)
	s.mu.Lock()
	b, ok := s.m[abs]
	s.mu.Unlock()
	if ok {
		return b, nil
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		s.log.missing(abs)
		return nil, err
	}
	sum := s.log.record(abs, b)
	s.mu.Lock()
	s.m[abs] = b
	if sum != "" {
		if s.sums == nil {
			s.sums = map[string]string{}
		}
		s.sums[abs] = sum
	}
	s.mu.Unlock()
	return b, nil
}

// digest returns the SHA-256 of a text read under name, computed once per
// run: the run cache's log and the parse cache's key share it.
func (s *sources) digest(name string, b []byte) string {
	s.mu.Lock()
	sum, ok := s.sums[s.abs(name)]
	s.mu.Unlock()
	if ok {
		return sum
	}
	return digest(b)
}

// text is read for callers that treat an unreadable file as empty.
func (s *sources) text(name string) []byte {
	b, _ := s.read(name)
	return b
}

func (s *sources) abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(s.cwd, name)
}
