// Command apigw-lint is a static analyzer for AWS API Gateway configuration:
// OpenAPI exports, Terraform and VTL mapping templates.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/cloudformation"
	"github.com/apigw-lint/apigw-lint/internal/config"
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
	format     string
	output     string
	failOn     string
	noColor    bool
	varFiles   []string
	jobs       int
	configPath string
	enable     []string
	disable    []string
	exclude    []string
	policies   []string
	baseline   string
	quiet      bool
	now        string
	params     []string
	paramFiles []string
	noCache    bool
	cacheDir   string
	cpuProfile string
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
			return lint(cmd, stdout, args, o)
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
	f.IntVar(&o.jobs, "jobs", 0, "workers for loading and checking (0: one per CPU)")
	f.StringVar(&o.configPath, "config", "", "configuration file (default: .apigw-lint.yaml found from the working directory upward)")
	f.StringSliceVar(&o.enable, "enable", nil, "rules to turn on (comma-separated IDs)")
	f.StringSliceVar(&o.disable, "disable", nil, "rules to turn off (comma-separated IDs)")
	f.StringArrayVar(&o.exclude, "exclude", nil, "paths not to lint (doublestar glob, repeatable)")
	f.StringArrayVar(&o.policies, "policy", nil, "directory of extra Rego policies (repeatable)")
	f.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this baseline file")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print findings only: no summary line")
	f.StringArrayVar(&o.params, "parameter", nil, "CloudFormation template parameter Key=Value (repeatable)")
	f.StringArrayVar(&o.paramFiles, "parameters", nil, "CloudFormation parameters file (CLI list, CodePipeline or plain JSON object; repeatable)")
	f.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	_ = f.MarkHidden("cpuprofile")
	f.BoolVar(&o.noCache, "no-cache", false, "do not read or write the result cache")
	f.StringVar(&o.cacheDir, "cache-dir", "", "result cache directory (default: $APIGW_LINT_CACHE_DIR, else apigw-lint in the user cache directory)")
	f.StringVar(&o.now, "now", "", "check certificate expiry against this date (2006-01-02 or RFC 3339) instead of the clock")
	cmd.AddCommand(newRulesCmd(stdout), newExplainCmd(stdout), newVersionCmd(stdout),
		newInitCmd(stdout), newBaselineCmd(stdout), newTestCmd(stdout), newDocsCmd(stdout), newSchemaCmd(stdout))
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		fmt.Fprintln(stderr, "apigw-lint:", err)
		return exitErr{exitError}
	})
	return cmd
}

// loadConfig reads the configuration file and merges the flags that were
// set into it: flags override the file.
func loadConfig(cmd *cobra.Command, o *lintOptions) (*config.Config, error) {
	cfg := config.Default()
	path := o.configPath
	if path == "" {
		if cwd, err := os.Getwd(); err == nil {
			path, _ = config.Find(cwd)
		}
	}
	if path != "" {
		var err error
		if cfg, err = config.Load(path); err != nil {
			return nil, err
		}
	}
	flags := cmd.Flags()
	if flags.Changed("fail-on") || cfg.FailOn == "" {
		cfg.FailOn = o.failOn
	}
	if !flags.Changed("format") && cfg.Format != "" {
		o.format = cfg.Format
	}
	cfg.Enable = append(cfg.Enable, o.enable...)
	cfg.Disable = append(cfg.Disable, o.disable...)
	for _, id := range o.enable {
		cfg.Disable = slices.DeleteFunc(cfg.Disable, func(d string) bool { return d == id })
	}
	cfg.Exclude = append(cfg.Exclude, o.exclude...)
	for _, p := range cfg.Policies {
		o.policies = append(o.policies, cfg.Resolve(p))
	}
	for _, v := range cfg.VarFiles {
		o.varFiles = append(o.varFiles, cfg.Resolve(v))
	}
	return cfg, nil
}

// analyze runs the analyzer as the flags and configuration say.
func analyze(cmd *cobra.Command, paths []string, o *lintOptions) (*analyzer.Result, *config.Config, error) {
	cfg, err := loadConfig(cmd, o)
	if err != nil {
		return nil, nil, err
	}
	opts := analyzer.Options{Paths: paths, VarFiles: o.varFiles, Jobs: o.jobs, Config: cfg, Policies: o.policies}
	if !o.noCache {
		opts.CacheDir = o.cacheDir
		if opts.CacheDir == "" {
			opts.CacheDir = os.Getenv("APIGW_LINT_CACHE_DIR")
		}
		if opts.CacheDir == "" {
			opts.CacheDir = analyzer.DefaultCacheDir()
		}
	}
	for _, file := range o.paramFiles {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, fmt.Errorf("--parameters: %w", err)
		}
		ps, err := cloudformation.ParseParameters(b)
		if err != nil {
			return nil, nil, fmt.Errorf("--parameters %s: %w", file, err)
		}
		if opts.Parameters == nil {
			opts.Parameters = map[string]string{}
		}
		maps.Copy(opts.Parameters, ps)
	}
	for _, kv := range o.params {
		k, v, err := cloudformation.ParseParameterFlag(kv)
		if err != nil {
			return nil, nil, fmt.Errorf("--parameter: %w", err)
		}
		if opts.Parameters == nil {
			opts.Parameters = map[string]string{}
		}
		opts.Parameters[k] = v
	}
	if o.now != "" {
		t, err := time.Parse(time.RFC3339, o.now)
		if err != nil {
			if t, err = time.Parse(time.DateOnly, o.now); err != nil {
				return nil, nil, fmt.Errorf("--now: %q is not a date (2006-01-02) or an RFC 3339 time", o.now)
			}
		}
		opts.Now = t
	}
	if o.baseline != "" {
		if opts.Baseline, err = analyzer.ReadBaseline(o.baseline); err != nil {
			return nil, nil, err
		}
	}
	res, err := analyzer.Run(cmd.Context(), opts)
	return res, cfg, err
}

func lint(cmd *cobra.Command, stdout io.Writer, paths []string, o lintOptions) error {
	if _, err := model.ParseSeverity(o.failOn); err != nil {
		return fmt.Errorf("--fail-on: %w", err)
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			_ = f.Close()
		}()
	}
	res, cfg, err := analyze(cmd, paths, &o)
	if err != nil {
		return err
	}
	if !validFormat(o.format) {
		return fmt.Errorf("--format: unknown format %q (want %s)", o.format, strings.Join(report.Formats, ", "))
	}
	failOn, _ := model.ParseSeverity(cfg.FailOn)
	cwd, _ := os.Getwd()
	in := report.Input{
		Findings:       res.Findings,
		Rules:          res.Rules,
		ToolName:       "apigw-lint",
		ToolVersion:    version,
		InformationURI: "https://github.com/apigw-lint/apigw-lint",
		FilesScanned:   res.Files,
		Quiet:          o.quiet,
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
		if f.Suppression == nil && f.Severity >= failOn {
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
