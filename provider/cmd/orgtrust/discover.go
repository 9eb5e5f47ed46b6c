package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// discoverCommand is `orgtrust discover`: it reads an existing organization,
// read-only, with the AWS SDK's standard configuration (AWS_PROFILE,
// AWS_REGION, the shared files, AWS_ENDPOINT_URL and
// AWS_ENDPOINT_URL_<SERVICE>), and writes the baseline's stack configuration
// that reproduces it, with the adopt sections that make the first `pulumi up`
// import what exists, the plan fixtures of its lookups, and a report. It
// writes nothing unless every step succeeds. Exit codes: 0 done, 1 a failure
// (bad AWS configuration or credentials, an unreadable organization), 2 bad
// flags.
var discoverCommand = command{
	name:    "discover",
	summary: "read an existing organization and write the baseline configuration that adopts it",
	run: func(args []string) int {
		return runDiscover(context.Background(), args, os.Stdout, os.Stderr)
	},
}

// stackNamePattern is the characters Pulumi allows in a stack name.
var stackNamePattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,100}$`)

func runDiscover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("discover")
	fs.SetOutput(stderr)
	stack := fs.String("stack", "", "the stack name: writes Pulumi.<stack>.yaml (required)")
	out := fs.String("out", ".", "the directory to write the files to")
	services := fs.String("services", "", "catalog keys to read, comma-separated (default: every service; "+
		"sso is IAM Identity Center, servicecatalog Service Catalog)")
	regions := fs.String("regions", "", "Regions to read the per-Region administrator APIs in, comma-separated "+
		"(default: the configured Region)")
	adminRole := fs.String("administrator-role", "", "the role to assume in the services' delegated "+
		"administrator accounts to read their organization configuration: a role name or ARN (default "+
		components.DefaultAdministratorRole+")")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "orgtrust discover: unexpected arguments %q\n", fs.Args())
		return 2
	case *stack == "":
		fmt.Fprintln(stderr, "orgtrust discover: --stack is required: the name of the stack to write "+
			"Pulumi.<stack>.yaml for, such as --stack prod")
		return 2
	case !stackNamePattern.MatchString(*stack):
		fmt.Fprintf(stderr, "orgtrust discover: --stack %q is not a stack name: use letters, digits, '-', '_' "+
			"and '.'\n", *stack)
		return 2
	}

	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "orgtrust discover: loading the AWS configuration: %v; check AWS_PROFILE and the "+
			"shared config and credentials files\n", err)
		return 1
	}
	res, err := discover.Run(ctx, discover.Options{
		Config: cfg, Services: splitList(*services), Regions: splitList(*regions), Progress: stderr,
		AdministratorRole: *adminRole,
	})
	if err != nil {
		fmt.Fprintf(stderr, "orgtrust discover: %v\nNothing was written.\n", err)
		return 1
	}
	files, err := writeDiscovered(*stack, *out, res)
	if err != nil {
		fmt.Fprintf(stderr, "orgtrust discover: %v\n", err)
		return 1
	}
	written := files.StackConfig
	if files.Sections != "" {
		written += ", " + files.Sections
	}
	fmt.Fprintf(stdout, "Wrote %s, %s and %s (%d calls).\n", written, files.Fixtures, files.Report,
		res.TotalCalls())
	return 0
}

// writeDiscovered builds the configuration, plans it under the mock runtime
// for the report, and writes the files: all of them, or none.
func writeDiscovered(stack, dir string, res *discover.Result) (discover.Files, error) {
	g := discover.Build(res.Inventory)
	cfg, err := g.ConfigFiles(stack)
	if err != nil {
		return discover.Files{}, err
	}
	fixtures, err := g.FixturesYAML(stack)
	if err != nil {
		return discover.Files{}, err
	}
	files := discover.Files{
		Fixtures: filepath.Join(dir, "plan-fixtures."+stack+".yaml"),
		Report:   filepath.Join(dir, "discover-report."+stack+".txt"),
	}

	// The plan reads the files: write them to a scratch directory first.
	scratch, err := os.MkdirTemp("", "orgtrust-discover-")
	if err != nil {
		return files, fmt.Errorf("making a scratch directory: %w", err)
	}
	defer os.RemoveAll(scratch)
	writeFile := func(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
	cfgPath, _, err := cfg.WriteTo(scratch, stack, writeFile)
	if err != nil {
		return files, err
	}
	fxPath := filepath.Join(scratch, "fixtures.yaml")
	if err := writeFile(fxPath, fixtures); err != nil {
		return files, err
	}
	p, err := plan.Run(plan.Options{StackConfig: cfgPath, Fixtures: fxPath, Stack: stack})
	if err != nil {
		return files, fmt.Errorf("planning the written configuration: %w; nothing was written", err)
	}
	if len(p.Errors) > 0 {
		return files, fmt.Errorf("the configuration written from the organization does not plan, which is a bug "+
			"of orgtrust discover; nothing was written:\n  %s", strings.Join(p.Errors, "\n  "))
	}
	files.StackConfig = filepath.Join(dir, "Pulumi."+stack+".yaml")
	if cfg.SectionsName != "" {
		files.Sections = filepath.Join(dir, cfg.SectionsName)
	}
	var report bytes.Buffer
	if err := discover.WriteReport(&report, stack, g, p, files); err != nil {
		return files, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return files, fmt.Errorf("making %s: %w", dir, err)
	}
	if _, _, err := cfg.WriteTo(dir, stack, writeAtomically); err != nil {
		return files, err
	}
	for path, data := range map[string][]byte{files.Fixtures: fixtures, files.Report: report.Bytes()} {
		if err := writeAtomically(path, data); err != nil {
			return files, err
		}
	}
	return files, nil
}

// writeAtomically writes data to path through a temporary file beside it.
func writeAtomically(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
