package main

import (
	"fmt"
	"os"

	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// planCommand is `orgtrust plan` (`make plan`): it runs the organization
// baseline program (examples/baseline) with a stack configuration under
// Pulumi's mock runtime, with no AWS account and no network, and prints every
// resource in create order with its parent and dependencies, the destroy
// order, and the validation errors; above plan.SummaryThreshold resources it
// prints a summary instead (-format full lists every resource whatever the
// size, -format summary summarizes whatever the size). -format mermaid writes
// the dependency graph as a Mermaid diagram instead, like resources collapsed
// above the threshold. It exits 1 when the configuration is invalid, 2 on bad
// flags or a failure to run.
var planCommand = command{
	name:    "plan",
	summary: "run the baseline program under the mock runtime and print its plan, or its configuration errors",
	run:     runPlan,
}

func runPlan(args []string) int {
	fs := newFlagSet("plan")
	config := fs.String("config", "Pulumi.example.yaml", "the stack configuration file")
	fixtures := fs.String("fixtures", "examples/baseline/plan-fixtures.yaml",
		"the answers of the simulated AWS lookups; empty makes them all up")
	stack := fs.String("stack", "", "the stack name; default: <stack> of Pulumi.<stack>.yaml")
	format := fs.String("format", "text", "text (the summary above a size), full, summary, "+
		"or mermaid for the dependency graph")
	_ = fs.Parse(args) // ExitOnError: a bad flag exits 2
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "orgtrust plan: unexpected arguments %q\n", fs.Args())
		return 2
	}
	f, err := plan.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(os.Stderr, "orgtrust plan: %v\n", err)
		return 2
	}

	p, err := plan.Run(plan.Options{StackConfig: *config, Fixtures: *fixtures, Stack: *stack})
	if err != nil {
		fmt.Fprintf(os.Stderr, "orgtrust plan: %v\n", err)
		return 2
	}
	if err := p.Write(os.Stdout, os.Stderr, f); err != nil {
		fmt.Fprintf(os.Stderr, "orgtrust plan: %v\n", err)
		return 2
	}
	if len(p.Errors) > 0 {
		return 1
	}
	return 0
}
