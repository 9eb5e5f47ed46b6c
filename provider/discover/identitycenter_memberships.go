package discover

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	istypes "github.com/aws/aws-sdk-go-v2/service/identitystore/types"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// Group memberships: discover writes the groups that assignments name (as
// existing), and with them their user members (ListGroupMemberships, one
// paginated list per group, through the identity store client and so the
// shared rate limiter), as groupMemberships with the members as existing
// users, and adopt.groupMemberships so that the first `pulumi up` imports
// each membership instead of creating it.

// readMemberships reads the user members of every group that has an
// assignment.
func (d *discoverer) readMemberships(ctx context.Context, ic *IdentityCenter) error {
	groups := map[string]bool{}
	for _, a := range ic.Assignments {
		if a.PrincipalType == "GROUP" {
			groups[a.PrincipalID] = true
		}
	}
	for _, g := range sortedKeys(groups) {
		pages := identitystore.NewListGroupMembershipsPaginator(d.c.ids, &identitystore.ListGroupMembershipsInput{
			IdentityStoreId: aws.String(ic.IdentityStoreID), GroupId: aws.String(g), MaxResults: aws.Int32(pageSize),
		})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the members of group %s (identitystore:ListGroupMemberships): %w", g, err)
			}
			for _, m := range page.GroupMemberships {
				user, ok := m.MemberId.(*istypes.MemberIdMemberUserId)
				if !ok {
					continue // only users are members today
				}
				ic.Memberships = append(ic.Memberships, Membership{ID: aws.ToString(m.MembershipId),
					GroupID: g, UserID: user.Value})
			}
		}
	}
	slices.SortFunc(ic.Memberships, func(a, b Membership) int {
		return strings.Compare(a.GroupID+"|"+a.UserID, b.GroupID+"|"+b.UserID)
	})
	if len(groups) > 0 {
		d.progress("identity center: %d memberships of %d groups", len(ic.Memberships), len(groups))
	}
	return nil
}

// memberships returns the groupMemberships and their adopt entries of the
// written groups (by display name), and adds their members to users.
func memberships(ic *IdentityCenter, groups, users map[string]bool) ([]components.MembershipSpec,
	[]components.MembershipAdoptSpec,
) {
	var specs []components.MembershipSpec
	var adopt []components.MembershipAdoptSpec
	for _, m := range ic.Memberships {
		group, user := ic.Groups[m.GroupID], ic.Users[m.UserID]
		if !groups[group] || user == "" {
			continue
		}
		users[user] = true
		specs = append(specs, components.MembershipSpec{Group: group, User: user})
		adopt = append(adopt, components.MembershipAdoptSpec{Group: group, User: user, MembershipID: m.ID})
	}
	slices.SortFunc(specs, func(a, b components.MembershipSpec) int {
		return strings.Compare(a.Group+"\x00"+a.User, b.Group+"\x00"+b.User)
	})
	slices.SortFunc(adopt, func(a, b components.MembershipAdoptSpec) int {
		return strings.Compare(a.Group+"\x00"+a.User, b.Group+"\x00"+b.User)
	})
	return specs, adopt
}
