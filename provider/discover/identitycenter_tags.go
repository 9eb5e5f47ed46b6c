package discover

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// Tag targets: where one AWS Organizations tag (key and value) is carried by
// exactly the ACTIVE accounts a principal has a permission set in, and no
// single OU covers them, discover writes an accountTags target, as it writes
// an OU where one covers them. The tags take one ListTagsForResource per
// account, read only when Identity Center has assignments.

// readAccountTags reads every account's tags.
func (d *discoverer) readAccountTags(ctx context.Context, ic *IdentityCenter) error {
	if len(ic.Assignments) == 0 {
		return nil
	}
	org := &d.inv.Organization
	ids := slices.Sorted(maps.Keys(org.Accounts))
	for i, id := range ids {
		pages := organizations.NewListTagsForResourcePaginator(d.c.orgs,
			&organizations.ListTagsForResourceInput{ResourceId: aws.String(id)})
		tags := map[string]string{}
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the tags of account %s (organizations:ListTagsForResource): %w", id, err)
			}
			for _, t := range page.Tags {
				tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
			}
		}
		if len(tags) > 0 {
			a := org.Accounts[id]
			a.Tags = tags
			org.Accounts[id] = a
		}
		if (i+1)%250 == 0 || i+1 == len(ids) {
			d.progress("organization: tags of %d/%d accounts", i+1, len(ids))
		}
	}
	return nil
}

// tagCover returns the tag that exactly covers the ACTIVE accounts of set,
// with the set's other accounts (not ACTIVE, which no tag target gives),
// when the OUs and ACTIVE accounts the compressor found are more than one
// target.
// Of several such tags it takes the first by key and value.
func tagCover(org *Organization, set, ous, rest []string) (components.AccountTagSpec, []string, bool) {
	activeRest := 0
	for _, a := range rest {
		if org.Accounts[a].Status == "ACTIVE" {
			activeRest++
		}
	}
	if len(ous)+activeRest <= 1 {
		return components.AccountTagSpec{}, nil, false // one OU or one account says it already
	}
	active := map[string]bool{}
	var others []string
	for _, a := range set {
		if acct, ok := org.Accounts[a]; ok && acct.Status == "ACTIVE" {
			active[a] = true
		} else {
			others = append(others, a)
		}
	}
	if len(active) == 0 {
		return components.AccountTagSpec{}, nil, false
	}
	// The candidate tags: those every active account of the set carries.
	var first string
	for a := range active {
		first = a
		break
	}
	for _, k := range slices.Sorted(maps.Keys(org.Accounts[first].Tags)) {
		v := org.Accounts[first].Tags[k]
		covers := 0
		exact := true
		for id, acct := range org.Accounts {
			if acct.Status != "ACTIVE" || acct.Tags[k] != v || !hasKey(acct.Tags, k) {
				continue
			}
			if !active[id] {
				exact = false
				break
			}
			covers++
		}
		if exact && covers == len(active) {
			slices.Sort(others)
			return components.AccountTagSpec{Key: k, Values: []string{v}}, others, true
		}
	}
	return components.AccountTagSpec{}, nil, false
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// tagFixtures adds, for `make plan`, every account the written tag targets
// may match that no written OU lists, with its tags.
func (g *Generated) tagFixtures(fx *plan.Fixtures) {
	if g.IdentityCenter == nil {
		return
	}
	tagged := false
	for _, a := range g.IdentityCenter.Assignments {
		tagged = tagged || len(a.AccountTags) > 0
	}
	if !tagged {
		return
	}
	listed := map[string]bool{}
	for _, accounts := range fx.OrganizationalUnits {
		for _, a := range accounts {
			listed[a.ID] = true
		}
	}
	org := &g.inv.Organization
	for _, id := range slices.Sorted(maps.Keys(org.Accounts)) {
		if acct := org.Accounts[id]; !listed[id] {
			fx.Accounts = append(fx.Accounts, plan.FixtureAccount{ID: id, Name: acct.Name, Status: acct.Status,
				Tags: acct.Tags})
		}
	}
}
