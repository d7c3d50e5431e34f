package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/apigw-lint/apigw-lint/analyzer"
	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/policies"
)

func newInitCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter .apigw-lint.yaml in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			name := config.FileNames[0]
			f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%s already exists; edit it, or remove it to start over", name)
			}
			if err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
			if _, err := io.WriteString(f, config.Starter); err != nil {
				_ = f.Close()
				return fmt.Errorf("write %s: %w", name, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("write %s: %w", name, err)
			}
			fmt.Fprintf(stdout, "wrote %s\n", name)
			return nil
		},
	}
}

func newBaselineCmd(stdout io.Writer) *cobra.Command {
	var o lintOptions
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Record today's findings so that --baseline reports only new ones",
	}
	write := &cobra.Command{
		Use:   "write FILE [PATH...]",
		Short: "Write the findings of PATHs (default .) to FILE",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			paths := args[1:]
			if len(paths) == 0 {
				paths = []string{"."}
			}
			res, _, err := analyze(cmd, paths, &o)
			if err != nil {
				return err
			}
			f, err := os.Create(args[0])
			if err != nil {
				return fmt.Errorf("write baseline: %w", err)
			}
			if err := analyzer.WriteBaseline(f, res.Findings); err != nil {
				_ = f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("write baseline: %w", err)
			}
			n := 0
			for _, fd := range res.Findings {
				if fd.Suppression == nil {
					n++
				}
			}
			fmt.Fprintf(stdout, "wrote %d findings to %s\n", n, args[0])
			return nil
		},
	}
	fl := write.Flags()
	fl.StringVar(&o.configPath, "config", "", "configuration file")
	fl.StringArrayVar(&o.varFiles, "var-file", nil, "Terraform variable file (repeatable)")
	fl.StringArrayVar(&o.policies, "policy", nil, "directory of extra Rego policies (repeatable)")
	fl.StringVar(&o.failOn, "fail-on", "error", "unused; accepted for symmetry with lint")
	cmd.AddCommand(write)
	return cmd
}

// newTestCmd runs the _test.rego tests of policy directories with OPA's
// tester, next to the built-in library (data.apigw.lib.result).
func newTestCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "test DIR...",
		Short: "Run the Rego tests (_test.rego) of policy directories",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, dirs []string) error {
			modules := map[string]*ast.Module{}
			add := func(fsys fs.FS, prefix string, withTests bool) error {
				return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") {
						return err
					}
					if !withTests && strings.HasSuffix(path, "_test.rego") {
						return nil
					}
					b, err := fs.ReadFile(fsys, path)
					if err != nil {
						return err
					}
					name := filepath.ToSlash(filepath.Join(prefix, path))
					m, err := ast.ParseModuleWithOpts(name, string(b), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
					if err != nil {
						return err
					}
					modules[name] = m
					return nil
				})
			}
			if err := add(policies.Builtin, "builtin", false); err != nil {
				return err
			}
			for _, dir := range dirs {
				if err := add(os.DirFS(dir), dir, true); err != nil {
					return fmt.Errorf("policy directory %s: %w", dir, err)
				}
			}
			compiler := ast.NewCompiler().WithCapabilities(policies.Capabilities()).WithEnablePrintStatements(true)
			ch, err := tester.NewRunner().SetCompiler(compiler).SetModules(modules).RunTests(cmd.Context(), nil)
			if err != nil {
				return fmt.Errorf("run policy tests: %w", err)
			}
			pass, fail := 0, 0
			for r := range ch {
				status := "PASS"
				if r.Fail || r.Error != nil {
					status = "FAIL"
					fail++
				} else {
					pass++
				}
				fmt.Fprintf(stdout, "%s %s.%s", status, r.Package, r.Name)
				if r.Error != nil {
					fmt.Fprintf(stdout, ": %v", r.Error)
				}
				fmt.Fprintln(stdout)
			}
			fmt.Fprintf(stdout, "%d passed, %d failed\n", pass, fail)
			if pass+fail == 0 {
				return errors.New("no policy test found (tests are rules named test_* in _test.rego files)")
			}
			if fail > 0 {
				return exitErr{exitFindings}
			}
			return nil
		},
	}
}
