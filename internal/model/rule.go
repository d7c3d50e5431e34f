package model

// RuleInfo is what the output formats need to know about a rule, Go or Rego:
// SARIF's reportingDescriptor, the text of `apigw-lint explain`.
type RuleInfo struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	// Doc is the rule's full documentation in Markdown; its first paragraph
	// is the title line.
	Doc     string   `json:"doc"`
	HelpURI string   `json:"help_uri"`
	Tags    []string `json:"tags,omitempty"`
	// SecuritySeverity is GitHub's CVSS-like score ("8.0") for security
	// rules, "" for the others.
	SecuritySeverity string `json:"security_severity,omitempty"`
}

// DocsBase is where the rule pages live.
const DocsBase = "https://github.com/apigw-lint/apigw-lint/blob/main/docs/rules/"
