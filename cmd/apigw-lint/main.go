// Command apigw-lint is a static analyzer for AWS API Gateway configuration:
// OpenAPI exports, Terraform and VTL mapping templates.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/report"
)

// Exit codes.
const (
	exitOK       = 0 // no finding at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage or operational error
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// An exitError carries the process exit code out of a command.
type exitErr struct{ code int }

func (e exitErr) Error() string { return fmt.Sprintf("exit %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmd := newRootCmd(stdout, stderr)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	var ee exitErr
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		fmt.Fprintln(stderr, "apigw-lint:", err)
		return exitError
	}
	return exitOK
}

type lintOptions struct {
	format   string
	output   string
	failOn   string
	noColor  bool
	varFiles []string
	jobs     int
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "apigw-lint [PATH...]",
		Short: "Static analysis for AWS API Gateway: OpenAPI exports, Terraform, mapping templates",
		Long: "apigw-lint checks AWS API Gateway configuration (OpenAPI/Swagger exports with\n" +
			"x-amazon-apigateway-* extensions, Terraform, VTL mapping templates) for the\n" +
			"misconfigurations that only show up in production.\n\n" +
			"Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or internal error.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return lint(cmd.Context(), stdout, args, o)
		},
	}
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding has this severity or higher: error, warning, note")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output")
	f.StringArrayVar(&o.varFiles, "var-file", nil, "Terraform variable file to apply (repeatable)")
	f.IntVar(&o.jobs, "jobs", 0, "loader workers (0: one per CPU)")
	cmd.AddCommand(newRulesCmd(stdout), newExplainCmd(stdout), newVersionCmd(stdout))
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		fmt.Fprintln(stderr, "apigw-lint:", err)
		return exitErr{exitError}
	})
	return cmd
}

func lint(ctx context.Context, stdout io.Writer, paths []string, o lintOptions) error {
	failOn, err := model.ParseSeverity(o.failOn)
	if err != nil {
		return fmt.Errorf("--fail-on: %w", err)
	}
	if !validFormat(o.format) {
		return fmt.Errorf("--format: unknown format %q (want %s)", o.format, strings.Join(report.Formats, ", "))
	}
	res, err := analyzer.Run(ctx, analyzer.Options{Paths: paths, VarFiles: o.varFiles, Jobs: o.jobs})
	if err != nil {
		return err
	}
	cwd, _ := os.Getwd()
	in := report.Input{
		Findings:       res.Findings,
		Rules:          res.Rules,
		ToolName:       "apigw-lint",
		ToolVersion:    version,
		InformationURI: "https://github.com/apigw-lint/apigw-lint",
		FilesScanned:   res.Files,
		Sources: func(name string) []byte {
			if !filepath.IsAbs(name) {
				name = filepath.Join(cwd, name)
			}
			b, _ := os.ReadFile(name)
			return b
		},
	}
	var buf bytes.Buffer
	w := io.Writer(stdout)
	if o.output != "" {
		w = &buf
	} else {
		in.Color = !o.noColor && o.format == "text" && isTerminal(stdout)
	}
	if err := report.Write(w, o.format, in); err != nil {
		return err
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	for _, f := range res.Findings {
		if f.Severity >= failOn {
			return exitErr{exitFindings}
		}
	}
	return nil
}

func validFormat(f string) bool {
	for _, k := range report.Formats {
		if k == f {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a character device (a TTY).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func newRulesCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule: ID, severity, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, r := range analyzer.AllRules(cmd.Context()) {
				fmt.Fprintf(stdout, "%s  %-7s  %-32s  %s\n", r.ID, r.Severity, r.Name, r.Title)
			}
			return nil
		},
	}
}

func newExplainCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print a rule's full documentation",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := strings.ToUpper(args[0])
			for _, r := range analyzer.AllRules(cmd.Context()) {
				if r.ID == id || r.Name == args[0] {
					fmt.Fprintf(stdout, "%s %s (%s)\n\n%s\n\nMore: %s\n", r.ID, r.Name, r.Severity, r.Doc, r.HelpURI)
					return nil
				}
			}
			return fmt.Errorf("no rule %q; `apigw-lint rules` lists them", args[0])
		},
	}
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(*cobra.Command, []string) {
			fmt.Fprintln(stdout, "apigw-lint", version)
		},
	}
}
