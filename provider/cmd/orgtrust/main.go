// Command orgtrust is the orgtrust command-line program:
//
//	orgtrust plan [-config Pulumi.example.yaml] [-fixtures ...] [-stack name] [-format text|mermaid]
//	orgtrust discover --stack NAME [--out DIR] [--services key,...] [--regions r,...]
//
// Each subcommand lives in its own file (plan.go, discover.go) and is listed in commands.
// An unknown subcommand prints the usage and exits 2.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand: its name, a one-line summary for the usage, and
// the function that runs it with its arguments and returns the exit code.
type command struct {
	name    string
	summary string
	run     func(args []string) int
}

// commands are the subcommands, in the order the usage lists them.
var commands = []command{
	planCommand,
	discoverCommand,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return 2
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:])
		}
	}
	fmt.Fprintf(stderr, "orgtrust: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: orgtrust <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run orgtrust <command> -h for the flags of a command.")
}

// newFlagSet returns the flag set of subcommand name: errors exit 2, as for
// an unknown command.
func newFlagSet(name string) *flag.FlagSet {
	return flag.NewFlagSet("orgtrust "+name, flag.ExitOnError)
}
