package plan

// planIndex is what every output of a plan looks up, computed once per plan
// so that writing it takes time linear in the resources and their edges: the
// create positions, the display labels, and each component's custom
// descendants (the resources a dependsOn must cover to be shown as one
// dependency on the component).
type planIndex struct {
	// pos is each resource's position in the create order, from 0.
	pos map[string]int
	// labels name each resource for display.
	labels map[string]string
	// covered are the custom resources below each component.
	covered map[string][]string
	// children are each resource's children in create order.
	children map[string][]string
	// components counts the component resources.
	components int
}

// index returns the plan's index, computing it on first use (a plan may be
// written by several outputs at once).
func (p *Plan) index() *planIndex {
	p.indexOnce.Do(func() { p.idx = p.buildIndex() })
	return p.idx
}

func (p *Plan) buildIndex() *planIndex {
	x := &planIndex{
		pos:      make(map[string]int, len(p.Create)),
		labels:   p.labels(),
		covered:  map[string][]string{},
		children: map[string][]string{},
	}
	for i, urn := range p.Create {
		x.pos[urn] = i
		if parent := p.Graph.ParentOf(urn); parent != "" {
			x.children[parent] = append(x.children[parent], urn)
		}
		if r := p.Graph.Resources[urn]; !r.Custom {
			x.components++
			var cov []string
			for _, d := range p.Graph.DescendantsUnsorted(urn) {
				if p.Graph.Resources[d].Custom {
					cov = append(cov, d)
				}
			}
			x.covered[urn] = cov
		}
	}
	return x
}
