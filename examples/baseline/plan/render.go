package plan

import (
	"bufio"
	"fmt"
	"io"
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

func (p *Plan) writeHeader(w *bufio.Writer) {
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
		fmt.Fprintf(w, "  %s%s\n      -> %s [%s%s]\n", l.Token, args, l.Answer, l.Source, calls)
	}
	fmt.Fprintln(w)
}

// WriteText writes the plan: the simulated lookups, every resource in create
// order with its parent and dependencies, the destroy order, and the
// validation errors.
func (p *Plan) WriteText(out io.Writer) error {
	w := bufio.NewWriter(out)
	p.writeHeader(w)
	if len(p.Errors) > 0 {
		p.writeErrors(w)
		return w.Flush()
	}

	labels := p.labels()
	index := make(map[string]int, len(p.Create))
	components := 0
	for i, urn := range p.Create {
		index[urn] = i + 1
		if !p.Graph.Resources[urn].Custom {
			components++
		}
	}
	ref := func(urn string) string { return fmt.Sprintf("#%d %s", index[urn], labels[urn]) }

	fmt.Fprintf(w, "Create order (%d resources, %d of them components): each resource after its parent and "+
		"dependencies\n", len(p.Create), components)
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
		fmt.Fprintf(w, "%4d. %s (create #%d)\n", i+1, labels[urn], index[urn])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Validation: no errors.")
	return w.Flush()
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

// WriteMermaid writes the dependency graph as a Mermaid flowchart: component
// resources are boxes around their children, and each arrow runs from a
// resource to one that depends on it, so arrows follow the create order
// (dotted: an explicit provider).
func (p *Plan) WriteMermaid(out io.Writer) error {
	w := bufio.NewWriter(out)
	id := make(map[string]string, len(p.Create))
	for i, urn := range p.Create {
		id[urn] = fmt.Sprintf("r%d", i+1)
	}
	labels := p.labels()
	label := func(urn string) string {
		l := labels[urn] + "<br/>" + shortType(p.Graph.Resources[urn].Type)
		return `"` + strings.ReplaceAll(l, `"`, "#quot;") + `"`
	}

	fmt.Fprintln(w, "graph TD")
	fmt.Fprintf(w, "  %%%% %s, stack %s: %d resources; rN is the N-th in create order.\n", p.Project, p.Stack,
		len(p.Create))
	fmt.Fprintln(w, "  %% Boxes are components around their children; an arrow runs from a resource to one that "+
		"depends on it (dotted: provider).")
	var node func(urn, indent string)
	node = func(urn, indent string) {
		children := p.Graph.Children(urn)
		if len(children) == 0 {
			fmt.Fprintf(w, "%s%s[%s]\n", indent, id[urn], label(urn))
			return
		}
		fmt.Fprintf(w, "%ssubgraph %s[%s]\n", indent, id[urn], label(urn))
		for _, c := range p.inCreateOrder(children) {
			node(c, indent+"  ")
		}
		fmt.Fprintf(w, "%send\n", indent)
	}
	for _, urn := range p.Create {
		if p.Graph.ParentOf(urn) == "" {
			node(urn, "  ")
		}
	}
	for _, urn := range p.Create {
		for _, d := range p.shownDeps(urn) {
			arrow := "-->"
			if d.kind == EdgeProvider {
				arrow = "-.->"
			}
			fmt.Fprintf(w, "  %s %s %s\n", id[d.urn], arrow, id[urn])
		}
	}
	return w.Flush()
}

// inCreateOrder sorts urns by their position in the create order.
func (p *Plan) inCreateOrder(urns []string) []string {
	pos := make(map[string]int, len(p.Create))
	for i, u := range p.Create {
		pos[u] = i
	}
	out := slices.Clone(urns)
	slices.SortFunc(out, func(a, b string) int { return pos[a] - pos[b] })
	return out
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
// they are shown as one dependency on that component.
func (p *Plan) shownDeps(urn string) []shownDep {
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
	for _, c := range p.Create {
		if p.Graph.Resources[c].Custom || len(dependsOn) < 2 {
			continue
		}
		var covered []string
		for _, d := range p.Graph.Descendants(c) {
			if p.Graph.Resources[d].Custom {
				covered = append(covered, d)
			}
		}
		all := len(covered) >= 2
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
	for _, e := range byURN {
		why := string(e.Kind)
		switch {
		case e.Kind == EdgeInput:
			why += " " + strings.Join(e.Props, ", ")
		case !p.Graph.Resources[e.URN].Custom:
			why += fmt.Sprintf(" the component: all its %d resources, as the SDK linked them", len(p.Graph.Descendants(e.URN)))
		}
		out = append(out, shownDep{urn: e.URN, kind: e.Kind, why: why})
	}
	pos := make(map[string]int, len(p.Create))
	for i, u := range p.Create {
		pos[u] = i
	}
	slices.SortFunc(out, func(a, b shownDep) int { return pos[a.urn] - pos[b.urn] })
	return out
}
