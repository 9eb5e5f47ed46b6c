package components

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdentityCenterSetupGovernsTheSetsItCreates(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.AssignmentsMode = AssignmentsSet
	args.PermissionSets[1].Exclusive = true // Admin
	args.PermissionSets = append(args.PermissionSets, PermissionSetSpec{Name: "ControlTower", Existing: true})
	m := newICMock(icDefaultOrg())
	m.permissionSets["ControlTower"] = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-cccccccccccccccc"
	_, err := icRun(m, args)
	require.NoError(t, err)
	sets := m.ByType(AccountAssignmentsToken)
	require.Len(t, sets, 1)
	governed := sets[0].Inputs["governedPermissionSets"].ArrayValue()
	var names []string
	exclusive := map[string]bool{}
	for _, g := range governed {
		obj := g.ObjectValue()
		name := obj["name"].StringValue()
		names = append(names, name)
		exclusive[name] = obj["exclusive"].BoolValue()
		if name == "ReadOnly" {
			var arns []string
			for _, a := range obj["managedPolicyArns"].ArrayValue() {
				arns = append(arns, a.StringValue())
			}
			assert.ElementsMatch(t, []string{icReadOnlyPolicy, icViewOnlyPolicy}, arns, "the declared policies")
		}
	}
	assert.ElementsMatch(t, []string{"Admin", "Developer", "ReadOnly"}, names,
		"the permission sets it creates, not the existing one")
	assert.Equal(t, map[string]bool{"Admin": true, "Developer": false, "ReadOnly": false}, exclusive)
}

func TestIdentityCenterSetupExclusiveAndAdoptedMembershipsBadInput(t *testing.T) {
	t.Parallel()
	args := icFullArgs() // perResource
	args.PermissionSets[0].Exclusive = true
	args.PermissionSets = append(args.PermissionSets, PermissionSetSpec{Name: "ControlTower", Existing: true,
		Exclusive: true})
	args.Adopt = &IdentityCenterAdoptSpec{GroupMemberships: []MembershipAdoptSpec{
		{Group: "Developers", User: "jdoe", MembershipID: "906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e"},
		{Group: "Platform Admins", User: "jdoe", MembershipID: "not-an-id"},
	}}
	err := CheckIdentityCenterSetup("sso", args)
	require.Error(t, err)
	for _, want := range []string{
		`permissionSets[0].exclusive needs assignmentsMode "set"`,
		"permissionSets[3] sets exclusive on an existing permission set",
		`adopt.groupMemberships[0] adopts the membership of "jdoe" in "Developers", which groupMemberships does ` +
			"not declare",
		`adopt.groupMemberships[1].membershipId "not-an-id" is not an identity store membership ID`,
	} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestIdentityCenterSetupImportsAdoptedMemberships(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	id := "906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e"
	args.Adopt = &IdentityCenterAdoptSpec{GroupMemberships: []MembershipAdoptSpec{
		{Group: "Developers", User: "external.bob", MembershipID: id},
	}}
	m := newICMock(icDefaultOrg())
	_, err := icRun(m, args)
	require.NoError(t, err)
	assert.Equal(t, icTestStoreID+"/"+id, m.Find(t, "sso-member-Developers-external.bob").ImportID,
		"pulumi-aws's GroupMembership import ID")
	assert.Empty(t, m.Find(t, "sso-member-Platform-Admins-jdoe").ImportID, "created, not imported")
}
