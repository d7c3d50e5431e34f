package analyzer

import (
	"os"
	"path/filepath"
	"sync"
)

// sources holds the text of the files one run reads, by the name findings
// use, so that loading, suppression comments and fingerprints read each file
// from disk once.
type sources struct {
	cwd string
	mu  sync.Mutex
	m   map[string][]byte
	log *readLog // nil when the cache is off
}

func newSources(cwd string) *sources { return &sources{cwd: cwd, m: map[string][]byte{}} }

// read returns a file's text, reading it on first use.
func (s *sources) read(name string) ([]byte, error) {
	s.mu.Lock()
	b, ok := s.m[name]
	s.mu.Unlock()
	if ok {
		return b, nil
	}
	abs := s.abs(name)
	b, err := os.ReadFile(abs)
	if err != nil {
		s.log.missing(abs)
		return nil, err
	}
	s.log.record(abs, b)
	s.mu.Lock()
	s.m[name] = b
	s.mu.Unlock()
	return b, nil
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
