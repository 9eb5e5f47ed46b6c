// Command pulumi-gen-orgtrust generates the orgtrust package's schema and
// SDKs (`make schema`, `make sdks`):
//
//	pulumi-gen-orgtrust schema [-out schema/schema.json]
//	pulumi-gen-orgtrust sdks [-schema schema/schema.json] [-out sdk] [-version 0.1.0-dev]
//
// schema gets the schema from the provider in-process, with no Pulumi CLI and
// no plugin binary; sdks runs Pulumi's code generators on it.
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand: its name, a one-line summary and the function
// that runs it with its arguments.
type command struct {
	name    string
	summary string
	run     func(args []string) error
}

// commands are the subcommands, in the order the usage lists them.
var commands = []command{schemaCommand, sdksCommand}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	if len(args) > 0 {
		for _, c := range commands {
			if c.name == args[0] {
				if err := c.run(args[1:]); err != nil {
					fmt.Fprintf(stderr, "pulumi-gen-orgtrust %s: %v\n", c.name, err)
					return 1
				}
				return 0
			}
		}
		fmt.Fprintf(stderr, "pulumi-gen-orgtrust: unknown command %q\n", args[0])
	}
	fmt.Fprintln(stderr, "usage: pulumi-gen-orgtrust <command> [flags]")
	fmt.Fprintln(stderr)
	fmt.Fprintln(stderr, "commands:")
	for _, c := range commands {
		fmt.Fprintf(stderr, "  %-8s %s\n", c.name, c.summary)
	}
	return 2
}
