package discover

import "slices"

// compressor writes a set of accounts as OUs and accounts: each OU (or the
// root) whose ACTIVE accounts, all of them, are in the set, and is not below
// another such OU, then the accounts of the set no chosen OU expands to.
// IdentityCenterSetup expands an OU to its ACTIVE accounts at every preview,
// so the result expands to exactly the set.
type compressor struct {
	org *Organization
	// active counts the ACTIVE accounts anywhere below each unit.
	active map[string]int
	// activeBelow caches the ACTIVE accounts below a chosen unit.
	activeBelow map[string][]string
}

func newCompressor(org *Organization) *compressor {
	c := &compressor{org: org, active: map[string]int{}, activeBelow: map[string][]string{}}
	for _, a := range org.Accounts {
		if a.Status != "ACTIVE" {
			continue
		}
		for u := a.Parent; u != ""; {
			c.active[u]++
			unit := org.Units[u]
			if unit == nil {
				break
			}
			u = unit.Parent
		}
	}
	return c
}

// targets returns the OUs and the accounts that give exactly accounts,
// both sorted. The work is linear in the set times the tree's depth, plus the
// units visited.
func (c *compressor) targets(accounts []string) (ous, rest []string) {
	in := make(map[string]bool, len(accounts))
	count := map[string]int{}
	for _, a := range accounts {
		in[a] = true
		acct, ok := c.org.Accounts[a]
		if !ok || acct.Status != "ACTIVE" {
			continue
		}
		for u := acct.Parent; u != ""; {
			count[u]++
			unit := c.org.Units[u]
			if unit == nil {
				break
			}
			u = unit.Parent
		}
	}
	var visit func(string)
	visit = func(id string) {
		if n := c.active[id]; n > 0 && count[id] == n {
			ous = append(ous, id)
			return
		}
		for _, child := range c.org.Units[id].Children {
			if count[child] > 0 {
				visit(child)
			}
		}
	}
	if c.org.Root != "" && count[c.org.Root] > 0 {
		visit(c.org.Root)
	}
	covered := map[string]bool{}
	for _, ou := range ous {
		below, ok := c.activeBelow[ou]
		if !ok {
			below = c.org.activeBelow(ou)
			c.activeBelow[ou] = below
		}
		for _, a := range below {
			covered[a] = true
		}
	}
	for _, a := range accounts {
		if !covered[a] {
			rest = append(rest, a)
		}
	}
	slices.Sort(ous)
	slices.Sort(rest)
	return ous, slices.Compact(rest)
}
