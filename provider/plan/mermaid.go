package plan

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// CollapseAt is the smallest group of like resources that a collapsed
// diagram draws as one node.
const CollapseAt = 10

// WriteMermaid writes the dependency graph as a Mermaid flowchart: component
// resources are boxes around their children, and each arrow runs from a
// resource to one that depends on it, so arrows follow the create order
// (dotted: an explicit provider). Above SummaryThreshold resources, like
// resources are collapsed (see WriteMermaidCollapsed).
func (p *Plan) WriteMermaid(out io.Writer) error {
	return p.writeMermaid(out, p.Summarized())
}

// WriteMermaidCollapsed writes the diagram with every group of at least
// CollapseAt like resources drawn as one node with their count, so that the
// diagram of an organization renders. Like resources are resources that
// nothing depends on, without children, with the same parent and type, and
// either from the same Identity Center assignment rule (account
// assignments) or with the same dependencies.
func (p *Plan) WriteMermaidCollapsed(out io.Writer) error { return p.writeMermaid(out, true) }

// mermaidGroup is a group of like resources drawn as one node.
type mermaidGroup struct {
	id      string
	members []string
	label   string
}

func (p *Plan) writeMermaid(out io.Writer, collapse bool) error {
	w := bufio.NewWriter(out)
	x := p.index()
	id := make(map[string]string, len(p.Create))
	for i, urn := range p.Create {
		id[urn] = fmt.Sprintf("r%d", i+1)
	}
	deps := make([][]shownDep, len(p.Create))
	for i, urn := range p.Create {
		deps[i] = p.shownDeps(urn)
	}
	groupOf := map[string]*mermaidGroup{}
	if collapse {
		groupOf = p.likeGroups(deps)
	}
	quote := func(l string) string { return `"` + strings.ReplaceAll(l, `"`, "#quot;") + `"` }
	label := func(urn string) string {
		return quote(x.labels[urn] + "<br/>" + shortType(p.Graph.Resources[urn].Type))
	}
	node := func(urn string) string {
		if g, ok := groupOf[urn]; ok {
			return g.id
		}
		return id[urn]
	}

	fmt.Fprintln(w, "graph TD")
	fmt.Fprintf(w, "  %%%% %s, stack %s: %d resources; rN is the N-th in create order.\n", p.Project, p.Stack,
		len(p.Create))
	fmt.Fprintln(w, "  %% Boxes are components around their children; an arrow runs from a resource to one that "+
		"depends on it (dotted: provider).")
	if collapse {
		fmt.Fprintf(w, "  %%%% Groups of %d or more like resources are one node, gN, N the first one's number "+
			"in create order: FORMAT=full lists every resource.\n", CollapseAt)
	}
	var walk func(urn, indent string)
	walk = func(urn, indent string) {
		if g, ok := groupOf[urn]; ok {
			if g.members[0] == urn {
				fmt.Fprintf(w, "%s%s[%s]\n", indent, g.id, quote(g.label))
			}
			return
		}
		children := x.children[urn]
		if len(children) == 0 {
			fmt.Fprintf(w, "%s%s[%s]\n", indent, id[urn], label(urn))
			return
		}
		fmt.Fprintf(w, "%ssubgraph %s[%s]\n", indent, id[urn], label(urn))
		for _, c := range children {
			walk(c, indent+"  ")
		}
		fmt.Fprintf(w, "%send\n", indent)
	}
	for _, urn := range p.Create {
		if p.Graph.ParentOf(urn) == "" {
			walk(urn, "  ")
		}
	}
	drawn := map[string]bool{}
	for i, urn := range p.Create {
		for _, d := range deps[i] {
			arrow := "-->"
			if d.kind == EdgeProvider {
				arrow = "-.->"
			}
			line := fmt.Sprintf("  %s %s %s\n", node(d.urn), arrow, node(urn))
			if collapse {
				if drawn[line] {
					continue
				}
				drawn[line] = true
			}
			w.WriteString(line)
		}
	}
	return w.Flush()
}

// likeGroups finds the groups of at least CollapseAt like resources, keyed
// by each member.
func (p *Plan) likeGroups(deps [][]shownDep) map[string]*mermaidGroup {
	x := p.index()
	depended := map[string]bool{}
	for i := range p.Create {
		for _, d := range deps[i] {
			depended[d.urn] = true
		}
	}
	rules := p.assignments()
	var order []string
	groups := map[string]*mermaidGroup{}
	var key strings.Builder
	for i, urn := range p.Create {
		r := p.Graph.Resources[urn]
		if depended[urn] || len(p.Graph.ChildrenUnsorted(urn)) > 0 {
			continue
		}
		key.Reset()
		key.WriteString(p.Graph.ParentOf(urn) + "\x00" + r.Type + "\x00")
		if rule, ok := rules.ruleOf[urn]; ok {
			fmt.Fprintf(&key, "rule %d", rule)
		} else {
			for _, d := range deps[i] {
				key.WriteString(d.urn + "\x00" + string(d.kind) + "\x00")
			}
		}
		k := key.String()
		g, ok := groups[k]
		if !ok {
			g = &mermaidGroup{id: fmt.Sprintf("g%d", i+1)}
			groups[k] = g
			order = append(order, k)
		}
		g.members = append(g.members, urn)
		if rule, ok := rules.ruleOf[urn]; ok && g.label == "" {
			rs := rules.rules[rule]
			g.label = fmt.Sprintf("assignments[%d]: %s", rs.index, rs.describe())
		}
	}
	out := map[string]*mermaidGroup{}
	for _, k := range order {
		g := groups[k]
		if len(g.members) < CollapseAt {
			continue
		}
		first, last := g.members[0], g.members[len(g.members)-1]
		if g.label == "" {
			g.label = x.labels[first] + " ... " + x.labels[last]
		}
		g.label += fmt.Sprintf("<br/>%d × %s", len(g.members), shortType(p.Graph.Resources[first].Type))
		for _, m := range g.members {
			out[m] = g
		}
	}
	return out
}
