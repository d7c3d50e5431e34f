package analyzer

import "github.com/apigw-lint/apigw-lint/internal/model"

// diagnosticRules describe the APIGW0xx findings that loading and the tool
// itself report: they are not rules over the model, but users see, filter
// and suppress them like rules.
var diagnosticRules = []model.RuleInfo{
	diag("APIGW000", "internal-error", model.SeverityError,
		"A rule, policy or loader failed",
		"apigw-lint hit an internal error while running one rule, policy or loader. The other rules' findings are still reported. Please report the error with the input that caused it."),
	diag("APIGW001", "unreadable-file", model.SeverityError,
		"A file cannot be read or parsed",
		"A file that apigw-lint reads (OpenAPI, Terraform, a mapping template) does not parse, cannot be read, or has a part whose shape is wrong (an integration that is not a map). The finding is positioned where the parser stopped; the rest of the tree is still checked. Fix the syntax so that the file can be checked."),
	diag("APIGW002", "path-outside-scan-root", model.SeverityWarning,
		"A file reference leaves the scanned tree",
		"A `file()`, `templatefile()` or module source names a path outside the directories being scanned. apigw-lint never reads outside its scan roots, so the value stays unknown. Scan a directory that contains the file, or keep referenced files inside the repository."),
	diag("APIGW003", "suppression-problem", model.SeverityNote,
		"A suppression comment has no reason or suppresses nothing",
		"An inline suppression (`# apigw-lint:ignore APIGW301 -- reason`, also with `//`, `/* */` or VTL's `##`) accepts the named rules' findings on its own line and the next. It needs a reason after the rule IDs: one without suppresses nothing and is a warning. One that matches no finding is a note, so that stale suppressions are cleaned up."),
	diag("APIGW005", "input-too-large", model.SeverityWarning,
		"A file is over a cap and is not checked",
		"Files over 10 MB, YAML or JSON documents nesting deeper than 1,000 levels, and YAML whose aliases expand to more than a million nodes beyond those written (an alias bomb) are not loaded, so that one generated or hostile file cannot exhaust the time or memory of a pre-commit hook or a CI job. The finding is at the start of the file, the node past the depth cap, or the first alias. Split or flatten the file, or exclude it in .apigw-lint.yaml."),
	diag("APIGW006", "duplicate-key", model.SeverityWarning,
		"A key is repeated in one YAML mapping",
		"A YAML mapping names the same key twice. YAML decoders, CloudFormation and the Serverless Framework silently keep the last value, so the earlier one is dead text that readers still believe (two `Name`s on one resource, two `Handler`s). Reported with the dropped key as a related location. Remove or rename one of them."),
	diag("APIGW007", "invalid-openapi", model.SeverityNote,
		"The document is not valid OpenAPI",
		"kin-openapi's validator rejects the document (an intrinsic function where a string belongs, `required: true` on a schema, a dangling `$ref`). API Gateway may still import it, and apigw-lint still checks its API Gateway parts; the note says what a strict consumer will complain about."),
	diag("APIGW008", "module-not-loaded", model.SeverityNote,
		"A Terraform module is not read",
		"apigw-lint does not fetch modules: the outputs of a registry or git module are unknown, and nothing is reported on guesses about them (said once per run, with the other such modules as related locations). The same note marks a local module whose directory is missing, a module call cycle or nesting deeper than 10, and a count/for_each over 1,000 instances: what they would declare is not checked."),
}

func diag(id, name string, sev model.Severity, title, doc string) model.RuleInfo {
	return model.RuleInfo{
		ID: id, Name: name, Title: title, Severity: sev,
		Doc:     id + " " + name + ": " + title + ".\n\n" + doc,
		HelpURI: model.DocsBase + id + ".md",
		Tags:    []string{"loading"},
	}
}
