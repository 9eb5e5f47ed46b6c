package plan

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// labels names each resource for display: its name, with its type when
// another resource has the same name.
func (p *Plan) labels() map[string]string {
	count := map[string]int{}
	for _, r := range p.Graph.Resources {
		count[r.Name]++
	}
	out := make(map[string]string, len(p.Graph.Resources))
	for urn, r := range p.Graph.Resources {
		out[urn] = r.Name
		if count[r.Name] > 1 {
			out[urn] = r.Name + " [" + r.Type + "]"
		}
	}
	return out
}

// writeHeader writes the title, the notes and the simulated lookups; brief
// shortens the long answers (an OU's accounts) to counts.
func (p *Plan) writeHeader(w *bufio.Writer, brief bool) {
	fmt.Fprintf(w, "%s plan: stack %q, configuration %s\n", p.Project, p.Stack, p.StackConfig)
	fmt.Fprintln(w, "The baseline program ran under Pulumi's mock runtime, as in `pulumi preview`: no AWS account, "+
		"no network.")
	for _, n := range p.Notes {
		fmt.Fprintf(w, "Note: %s.\n", n)
	}
	fmt.Fprintln(w)
	source := "made up"
	if p.Fixtures != "" {
		source = p.Fixtures + ", the stack configuration, or made up"
	}
	fmt.Fprintf(w, "Simulated AWS lookups (no AWS call was made; answers from %s):\n", source)
	if len(p.Lookups) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, l := range p.Lookups {
		calls := ""
		if l.Calls > 1 {
			calls = fmt.Sprintf(", %d calls", l.Calls)
		}
		args := ""
		if l.Args != "" {
			args = " " + l.Args
		}
		answer := l.Answer
		if brief && l.Brief != "" {
			answer = l.Brief
		}
		fmt.Fprintf(w, "  %s%s\n      -> %s [%s%s]\n", l.Token, args, answer, l.Source, calls)
	}
	fmt.Fprintln(w)
}

// WriteText writes the plan: the simulated lookups, every resource in create
// order with its parent and dependencies, the destroy order, and the
// validation errors.
func (p *Plan) WriteText(out io.Writer) error {
	w := bufio.NewWriter(out)
	p.writeHeader(w, false)
	if len(p.Errors) > 0 {
		p.writeErrors(w)
		return w.Flush()
	}

	x := p.index()
	labels := x.labels
	ref := func(urn string) string { return fmt.Sprintf("#%d %s", x.pos[urn]+1, labels[urn]) }

	p.writeFirstUp(w)
	fmt.Fprintf(w, "Create order (%d resources, %d of them components): each resource after its parent and "+
		"dependencies\n", len(p.Create), x.components)
	for i, urn := range p.Create {
		r := p.Graph.Resources[urn]
		kind := r.Type
		if !r.Custom {
			kind += ", component"
		}
		fmt.Fprintf(w, "%4d. %s (%s)\n", i+1, labels[urn], kind)
		parent := "stack"
		if pu := p.Graph.ParentOf(urn); pu != "" {
			parent = ref(pu)
		}
		fmt.Fprintf(w, "        parent      %s\n", parent)
		if r.ImportID != "" {
			fmt.Fprintf(w, "        import      %s\n", r.ImportID)
		}
		for i, d := range p.shownDeps(urn) {
			head := "            "
			if i == 0 {
				head = "depends on  "
			}
			fmt.Fprintf(w, "        %s%s (%s)\n", head, ref(d.urn), d.why)
		}
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "Destroy order (pulumi destroy): the create order reversed, each resource before its "+
		"dependencies and its parent")
	for i, urn := range p.Destroy {
		fmt.Fprintf(w, "%4d. %s (create #%d)\n", i+1, labels[urn], x.pos[urn]+1)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Validation: no errors.")
	return w.Flush()
}

// writeFirstUp says what the first `pulumi up` does with the resources:
// create them, or import those with an import ID.
func (p *Plan) writeFirstUp(w *bufio.Writer) {
	c := p.Counts()
	fmt.Fprintf(w, "First `pulumi up`: %d resources to create, %d to import (each with its import ID), and %d "+
		"components\n", c.Create, c.Import, c.Components)
	fmt.Fprintf(w, "Explicit providers: %d (the engine starts each as its own plugin process), %d of them assuming a "+
		"role in a delegated administrator's account; one per account and Region\n\n", c.Providers,
		c.AssumingProviders)
}

func (p *Plan) writeErrors(w *bufio.Writer) {
	fmt.Fprintf(w, "Validation errors (%d): `pulumi preview` fails with them, and there is nothing to create "+
		"or destroy\n", len(p.Errors))
	for _, e := range p.Errors {
		fmt.Fprintf(w, "  %s\n", e)
	}
}

// WriteErrors writes only the validation errors.
func (p *Plan) WriteErrors(out io.Writer) error {
	w := bufio.NewWriter(out)
	p.writeErrors(w)
	return w.Flush()
}

// shortType is a compact type label for diagrams: "aws organizations
// DelegatedAdministrator", "orgtrust TrustedServiceAccess", "aws provider".
func shortType(token string) string {
	parts := strings.Split(token, ":")
	if len(parts) != 3 {
		return token
	}
	if parts[0] == "pulumi" && parts[1] == "providers" {
		return parts[2] + " provider"
	}
	module := parts[1]
	if i := strings.Index(module, "/"); i >= 0 {
		module = module[:i]
	}
	if module == "index" {
		return parts[0] + " " + parts[2]
	}
	return parts[0] + " " + module + " " + parts[2]
}

// shownDep is a dependency as displayed.
type shownDep struct {
	urn  string
	kind EdgeKind
	why  string
}

// shownDeps are the recorded dependencies of urn in create order, for
// display. The SDK turns DependsOn a component into DependsOn each of its
// resources; when the dependsOn edges cover every resource of a component,
// they are shown as one dependency on that component. Only the components
// above the dependsOn targets can be covered, so only they are tried, in
// create order; the work is linear in urn's edges times the tree's depth.
func (p *Plan) shownDeps(urn string) []shownDep {
	x := p.index()
	r := p.Graph.Resources[urn]
	byURN := map[string]Edge{}
	dependsOn := map[string]bool{}
	for _, e := range r.Deps {
		if _, ok := p.Graph.Resources[e.URN]; !ok {
			continue
		}
		byURN[e.URN] = e
		if e.Kind == EdgeDependsOn {
			dependsOn[e.URN] = true
		}
	}
	var out []shownDep
	if len(dependsOn) >= 2 {
		above := map[string]bool{}
		for d := range dependsOn {
			for a := p.Graph.ParentOf(d); a != "" && !above[a]; a = p.Graph.ParentOf(a) {
				above[a] = true
			}
		}
		candidates := slices.Collect(maps.Keys(above))
		slices.SortFunc(candidates, func(a, b string) int { return x.pos[a] - x.pos[b] })
		for _, c := range candidates {
			covered := x.covered[c]
			if len(dependsOn) < 2 {
				break
			}
			if p.Graph.Resources[c].Custom || len(covered) < 2 || len(covered) > len(dependsOn) {
				continue
			}
			all := true
			for _, d := range covered {
				all = all && dependsOn[d]
			}
			if !all {
				continue
			}
			for _, d := range covered {
				delete(byURN, d)
				delete(dependsOn, d)
			}
			out = append(out, shownDep{urn: c, kind: EdgeDependsOn,
				why: fmt.Sprintf("dependsOn all its %d resources", len(covered))})
		}
	}
	for _, e := range byURN {
		why := string(e.Kind)
		switch {
		case e.Kind == EdgeInput:
			why += " " + strings.Join(e.Props, ", ")
		case !p.Graph.Resources[e.URN].Custom:
			why += fmt.Sprintf(" the component: all its %d resources, as the SDK linked them",
				len(p.Graph.DescendantsUnsorted(e.URN)))
		}
		out = append(out, shownDep{urn: e.URN, kind: e.Kind, why: why})
	}
	slices.SortFunc(out, func(a, b shownDep) int { return x.pos[a.urn] - x.pos[b.urn] })
	return out
}
