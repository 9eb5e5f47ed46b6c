// Command plan is `make plan`: it runs the organization baseline program
// (examples/baseline) with a stack configuration under Pulumi's mock runtime,
// with no AWS account and no network, and prints every resource in create
// order with its parent and dependencies, the destroy order, and the
// validation errors. -format mermaid writes the dependency graph as a Mermaid
// diagram instead. It exits 1 when the configuration is invalid.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/orgtrust/pulumi-orgtrust/examples/baseline/plan"
)

func main() {
	config := flag.String("config", "Pulumi.example.yaml", "the stack configuration file")
	fixtures := flag.String("fixtures", "examples/baseline/plan-fixtures.yaml",
		"the answers of the simulated AWS lookups; empty makes them all up")
	stack := flag.String("stack", "", "the stack name; default: <stack> of Pulumi.<stack>.yaml")
	format := flag.String("format", "text", "text, or mermaid for the dependency graph")
	flag.Parse()
	if *format != "text" && *format != "mermaid" {
		fmt.Fprintf(os.Stderr, "plan: -format %q is not a format: use text or mermaid\n", *format)
		os.Exit(2)
	}

	p, err := plan.Run(plan.Options{StackConfig: *config, Fixtures: *fixtures, Stack: *stack})
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(2)
	}
	switch {
	case len(p.Errors) > 0 && *format == "mermaid":
		err = p.WriteErrors(os.Stderr)
	case *format == "mermaid":
		err = p.WriteMermaid(os.Stdout)
	default:
		err = p.WriteText(os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(2)
	}
	if len(p.Errors) > 0 {
		os.Exit(1)
	}
}
