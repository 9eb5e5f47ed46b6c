package components

import (
	"fmt"
	"regexp"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// Adopting existing group memberships (IdentityCenterAdoptSpec.GroupMemberships):
// `orgtrust discover` reads the memberships of the groups it writes
// (identitystore ListGroupMemberships) and writes them with their IDs; the
// first `pulumi up` imports each with pulumi-aws's GroupMembership import
// ID, `<identity store id>/<membership id>`
// (https://www.pulumi.com/registry/packages/aws/api-docs/identitystore/groupmembership/#import).

// MembershipAdoptSpec is an existing group membership, by group, user and
// membership ID.
type MembershipAdoptSpec struct {
	Group        string `pulumi:"group"`
	User         string `pulumi:"user"`
	MembershipID string `pulumi:"membershipId"`
}

// Annotate describes the type for the provider schema.
func (m *MembershipAdoptSpec) Annotate(a infer.Annotator) {
	a.Describe(m, "An existing group membership to import.")
	a.Describe(&m.Group, "The group's display name, as in `groupMemberships`.")
	a.Describe(&m.User, "The user's user name, as in `groupMemberships`.")
	a.Describe(&m.MembershipID, "The membership's ID in the identity store, such as "+
		"`906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e` (identitystore ListGroupMemberships).")
}

// icMembershipIDPattern is the identity store's MembershipId.
var icMembershipIDPattern = regexp.MustCompile(
	`^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$`)

// planAdoptMemberships checks the memberships to adopt against those the
// plan declares, and records their IDs.
func (p *icPlan) planAdoptMemberships(specs []MembershipAdoptSpec, errs *InputErrors) {
	if len(specs) > 0 && p.identityStoreID == "" {
		errs.addSubject("adopt.groupMemberships", "", "needs identityStoreId (and instanceArn), the store the "+
			"memberships belong to: set them (orgtrust discover writes them)")
	}
	seen := map[int]bool{}
	for i, s := range specs {
		field := fmt.Sprintf("adopt.groupMemberships[%d]", i)
		if !icMembershipIDPattern.MatchString(s.MembershipID) {
			errs.addSubject(field+".membershipId", s.MembershipID, "%q is not an identity store membership ID; it "+
				"looks like 906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e", s.MembershipID)
			continue
		}
		found := -1
		for j, m := range p.memberships {
			if p.principals[m.group].name == s.Group && p.principals[m.user].name == s.User {
				found = j
			}
		}
		switch {
		case found < 0:
			errs.addSubject(field, s.Group+"/"+s.User, "adopts the membership of %q in %q, which groupMemberships "+
				"does not declare: declare it there, or remove this entry", s.User, s.Group)
		case seen[found]:
			errs.addSubject(field, s.Group+"/"+s.User, "adopts the membership of %q in %q a second time: keep one "+
				"entry", s.User, s.Group)
		default:
			seen[found] = true
			p.memberships[found].adoptID = s.MembershipID
		}
	}
}
