// Command plan is `make plan`: it runs the organization baseline program
// (examples/baseline) with a stack configuration under Pulumi's mock runtime,
// with no AWS account and no network, and prints every resource in create
// order with its parent and dependencies, the destroy order, and the
// validation errors; above plan.SummaryThreshold resources, a summary instead
// (-format full for every resource, summary for the summary at any size).
// -format mermaid writes the dependency graph as a Mermaid diagram instead.
// It exits 1 when the configuration is invalid.
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
	format := flag.String("format", "text", "text (the summary above a size), full, summary, "+
		"or mermaid for the dependency graph")
	flag.Parse()
	f, err := plan.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(2)
	}

	plan.TuneGC()
	p, err := plan.Run(plan.Options{StackConfig: *config, Fixtures: *fixtures, Stack: *stack})
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(2)
	}
	if err := p.Write(os.Stdout, os.Stderr, f); err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(2)
	}
	if len(p.Errors) > 0 {
		os.Exit(1)
	}
}
