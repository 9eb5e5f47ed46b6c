package plan

import "strings"

// Counts are the plan's resources by what the first `pulumi up` does with
// them.
type Counts struct {
	// Create and Import count the custom resources it creates and imports.
	Create, Import int
	// Components counts the component resources, which it registers.
	Components int
	// Providers counts the explicit providers, each a plugin process the
	// engine starts, and AssumingProviders those of them that assume a
	// role (in a delegated administrator's account).
	Providers, AssumingProviders int
}

// Counts counts the resources of a valid plan.
func (p *Plan) Counts() Counts {
	var c Counts
	if p.Graph == nil {
		return c
	}
	for _, r := range p.Graph.Resources {
		switch {
		case !r.Custom:
			c.Components++
			continue
		case r.ImportID != "":
			c.Import++
		default:
			c.Create++
		}
		if strings.HasPrefix(r.Type, "pulumi:providers:") {
			c.Providers++
			if v, ok := r.Inputs["assumeRole"]; ok && v.IsObject() {
				c.AssumingProviders++
			}
		}
	}
	return c
}

// Resources returns the plan's resources in create order.
func (p *Plan) Resources() []*Resource {
	out := make([]*Resource, 0, len(p.Create))
	for _, urn := range p.Create {
		out = append(out, p.Graph.Resources[urn])
	}
	return out
}
