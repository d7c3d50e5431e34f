// Package config reads `.apigw-lint.yaml`: which rules run and at which
// severity, which paths are excluded, what is suppressed without a comment,
// extra policy directories, Terraform variable files and rule parameters.
// Unknown keys and wrong types are errors that name the key and its line:
// a misspelt setting must not be silently ignored.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"gopkg.in/yaml.v3"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// FileNames are the names searched for, from the working directory upward.
var FileNames = []string{".apigw-lint.yaml", ".apigw-lint.yml"}

// A Config is one configuration file, with paths resolved against its
// directory.
type Config struct {
	// Path is the file it was read from; "" for the defaults.
	Path string `yaml:"-"`
	// Dir is the directory relative paths and globs are resolved against.
	Dir string `yaml:"-"`

	FailOn   string            `yaml:"fail-on"`
	Enable   []string          `yaml:"enable"`
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
	Exclude  []string          `yaml:"exclude"`
	Ignore   []Ignore          `yaml:"ignore"`
	Policies []string          `yaml:"policies"`
	VarFiles []string          `yaml:"var-files"`
	Params   Params            `yaml:"parameters"`
	Format   string            `yaml:"format"`
}

// An Ignore suppresses a rule's findings in the files its globs match: the
// way to suppress in JSON, which has no comments.
type Ignore struct {
	Rule   string   `yaml:"rule"`
	Paths  []string `yaml:"paths"`
	Reason string   `yaml:"reason"`
}

// Params are the rules' tunable values.
type Params struct {
	// CertificateExpiryDays is the warning window of APIGW306.
	CertificateExpiryDays int `yaml:"certificate-expiry-days" json:"certificate_expiry_days"`
	// ThrottleMaxRate and ThrottleMaxBurst are the account defaults APIGW502
	// compares limits against.
	ThrottleMaxRate  float64 `yaml:"throttle-max-rate" json:"throttle_max_rate"`
	ThrottleMaxBurst float64 `yaml:"throttle-max-burst" json:"throttle_max_burst"`
	// AllowedSecurityPolicies, when set, are the only TLS policies accepted.
	AllowedSecurityPolicies []string `yaml:"allowed-security-policies" json:"allowed_security_policies,omitempty"`
}

// Default returns the configuration used when there is no file.
func Default() *Config {
	return &Config{Params: DefaultParams()}
}

// DefaultParams are the documented defaults: a 30-day certificate window and
// the account's default throttle (10,000 requests per second, burst 5,000).
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
func DefaultParams() Params {
	return Params{CertificateExpiryDays: 30, ThrottleMaxRate: 10000, ThrottleMaxBurst: 5000}
}

// Find looks for a configuration file in dir and its parents.
func Find(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
				return p, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load reads and checks a configuration file.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, src)
}

var ruleID = regexp.MustCompile(`^APIGW\d{3}$`)

// Parse decodes a configuration strictly: an unknown key or a value of the
// wrong type is an error naming the key and its line.
func Parse(path string, src []byte) (*Config, error) {
	c := Default()
	c.Path = path
	if abs, err := filepath.Abs(filepath.Dir(path)); err == nil {
		c.Dir = abs
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	// An empty file is a valid, empty configuration.
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var root yaml.Node
	_ = yaml.Unmarshal(src, &root)
	line := func(key ...string) int { return lineOf(&root, key...) }
	for _, id := range append(append([]string{}, c.Enable...), c.Disable...) {
		if !ruleID.MatchString(id) {
			return nil, fmt.Errorf("%s:%d: %q is not a rule ID (APIGWnnn)", path, line("enable"), id)
		}
	}
	for id, sev := range c.Severity {
		if !ruleID.MatchString(id) {
			return nil, fmt.Errorf("%s:%d: severity: %q is not a rule ID (APIGWnnn)", path, line("severity", id), id)
		}
		if _, err := model.ParseSeverity(sev); err != nil {
			return nil, fmt.Errorf("%s:%d: severity.%s: %w", path, line("severity", id), id, err)
		}
	}
	if c.FailOn != "" {
		if _, err := model.ParseSeverity(c.FailOn); err != nil {
			return nil, fmt.Errorf("%s:%d: fail-on: %w", path, line("fail-on"), err)
		}
	}
	for _, g := range append(append([]string{}, c.Exclude...), ignoreGlobs(c.Ignore)...) {
		if !doublestar.ValidatePattern(g) {
			return nil, fmt.Errorf("%s: %q is not a valid glob", path, g)
		}
	}
	for i, ig := range c.Ignore {
		if !ruleID.MatchString(ig.Rule) {
			return nil, fmt.Errorf("%s:%d: ignore[%d].rule: %q is not a rule ID (APIGWnnn)", path, line("ignore"), i, ig.Rule)
		}
		if strings.TrimSpace(ig.Reason) == "" {
			return nil, fmt.Errorf("%s:%d: ignore[%d] needs a reason: say why %s is accepted there", path, line("ignore"), i, ig.Rule)
		}
	}
	return c, nil
}

func ignoreGlobs(igs []Ignore) []string {
	var out []string
	for _, ig := range igs {
		out = append(out, ig.Paths...)
	}
	return out
}

// lineOf finds the line of a key path in a YAML document, or 1.
func lineOf(root *yaml.Node, keys ...string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 1
	for _, k := range keys {
		found := false
		for i := 0; n != nil && n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				line, n, found = n.Content[i].Line, n.Content[i+1], true
				break
			}
		}
		if !found {
			break
		}
	}
	return line
}

// Excluded reports whether a path (relative to the working directory,
// forward slashes) matches an exclude glob. Globs are relative to the
// configuration file's directory.
func (c *Config) Excluded(rel, abs string) bool {
	return matchAny(c.Exclude, c.relToConfig(rel, abs))
}

// Ignored returns the reason a rule's finding in a file is suppressed by the
// configuration, if it is.
func (c *Config) Ignored(ruleID, rel, abs string) (string, bool) {
	p := c.relToConfig(rel, abs)
	for _, ig := range c.Ignore {
		if ig.Rule == ruleID && matchAny(ig.Paths, p) {
			return ig.Reason, true
		}
	}
	return "", false
}

func (c *Config) relToConfig(rel, abs string) string {
	if c.Dir != "" && abs != "" {
		if r, err := filepath.Rel(c.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return rel
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
		// A directory glob excludes what is below it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", p); ok {
			return true
		}
	}
	return false
}

// Resolve returns a path from the file relative to its directory.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Starter is the commented file `apigw-lint init` writes.
const Starter = `# apigw-lint configuration. Found from the working directory upward;
# command-line flags override it. Docs: apigw-lint explain <RULE>.

# Exit 1 when a finding has this severity or higher: error, warning or note.
fail-on: error

# Rules to turn off, and rules that are off by default to turn on.
disable: []
# - APIGW109
enable: []

# Severity overrides per rule: error, warning or note.
severity: {}
#   APIGW103: error

# Paths not to lint (doublestar globs, relative to this file).
exclude:
  - "**/node_modules/**"
  - "**/.terraform/**"

# Suppress a rule in files whose format has no comments (JSON); elsewhere
# prefer an inline comment:  # apigw-lint:ignore APIGW301 -- reason
ignore: []
# - rule: APIGW112
#   paths: ["vendor/**/*.json"]
#   reason: vendored export we do not edit

# Extra Rego policy directories (OPA v1 syntax), next to the built-in ones.
policies: []

# Terraform variable files applied to every root module.
var-files: []

# Rule parameters.
parameters:
  certificate-expiry-days: 30     # APIGW306 warns this many days before expiry
  throttle-max-rate: 10000        # APIGW502: the account's default rate limit
  throttle-max-burst: 5000        # APIGW502: the account's default burst limit
`
