package components

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// organizationAccounts answers getOrganizationAccounts: every account of the
// OUs, the members and the management account, with its status and tags.
func (o icOrg) organizationAccounts() (resource.PropertyMap, error) {
	if o.tagsDenied {
		return nil, fmt.Errorf("AccessDeniedException: not authorized to perform organizations:ListTagsForResource")
	}
	ids := []string{icTestMgmtAccount}
	for _, accounts := range o.ous {
		ids = append(ids, accounts...)
	}
	ids = append(ids, o.members...)
	for id := range o.tags {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	list := make([]resource.PropertyValue, 0, len(ids))
	for _, id := range ids {
		status := o.status[id]
		if status == "" {
			status = "ACTIVE"
		}
		tags := resource.PropertyMap{}
		for k, v := range o.tags[id] {
			tags[resource.PropertyKey(k)] = resource.NewProperty(v)
		}
		list = append(list, resource.NewProperty(resource.PropertyMap{
			"id": resource.NewProperty(id), "name": resource.NewProperty("account-" + id),
			"status": resource.NewProperty(status), "tags": resource.NewProperty(tags),
		}))
	}
	return resource.PropertyMap{"accounts": resource.NewProperty(list)}, nil
}

// icTaggedOrg is the default organization with tags: env=prod on two
// accounts of the prod OU and on the suspended one, env=prod team=payments on
// one account of no OU, env=dev on the dev OU's accounts.
func icTaggedOrg() icOrg {
	org := icDefaultOrg()
	org.tags = map[string]map[string]string{
		"100000000001":       {"env": "prod", "team": "core"},
		"100000000002":       {"env": "prod"},
		icSuspendedAccountID: {"env": "prod"},
		"300000000001":       {"env": "prod", "team": "payments"},
		"200000000001":       {"env": "dev"},
		"200000000002":       {"env": "dev", "team": "payments"},
	}
	return org
}

func TestIdentityCenterSetupTagTargets(t *testing.T) {
	t.Parallel()
	prefix := "sso-assign-ReadOnly-group-Developers-"
	for _, tc := range []struct {
		name string
		rule AssignmentSpec
		want []string
	}{
		{"no account matches", AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"qa"}}}}, nil},
		{"a key no account has", AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "cost-center", Values: []string{"1"}}}}, nil},
		{"every active account with the tag, not the suspended one",
			AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"prod"}}}},
			[]string{"100000000001", "100000000002", "300000000001"}},
		{"any of the values", AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"prod", "dev"}}}},
			[]string{"100000000001", "100000000002", "200000000001", "200000000002", "300000000001"}},
		{"every account: every value there is",
			AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"dev", "prod"}}},
				AccountIDs: []string{icTestMgmtAccount, "100000000003"}},
			[]string{icTestMgmtAccount, "100000000001", "100000000002", "100000000003", "200000000001",
				"200000000002", "300000000001"}},
		{"several tags combine with AND",
			AssignmentSpec{AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"prod", "dev"}},
				{Key: "team", Values: []string{"payments"}}}},
			[]string{"200000000002", "300000000001"}},
		{"an excluded account", AssignmentSpec{
			AccountTags:       []AccountTagSpec{{Key: "env", Values: []string{"prod"}}},
			ExcludeAccountIDs: []string{"100000000002"}},
			[]string{"100000000001", "300000000001"}},
		{"with an OU, the targets add up", AssignmentSpec{
			AccountTags:           []AccountTagSpec{{Key: "team", Values: []string{"payments"}}},
			OrganizationalUnitIDs: []string{icOUProd}},
			[]string{"100000000001", "100000000002", "100000000003", "200000000002", "300000000001"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icFullArgs()
			rule := tc.rule
			rule.PermissionSet = "ReadOnly"
			rule.Principals = []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}}
			args.Assignments = []AssignmentSpec{rule}
			m := newICMock(icTaggedOrg())
			outs, err := icRun(m, args)
			require.NoError(t, err)
			want := []string{}
			for _, a := range slices.Sorted(slices.Values(tc.want)) {
				want = append(want, prefix+a)
			}
			assert.Equal(t, want, icNames(m.ByType(icAssignmentType)))
			assert.Equal(t, len(tc.want), outs.get(t, "assignmentCount"))
			assert.Equal(t, 1, m.count(GetOrganizationAccountsToken))
		})
	}
}

func TestIdentityCenterSetupTagTargetsReadOnce(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.Assignments = nil
	for _, ps := range []string{"ReadOnly", "Admin", "Developer"} {
		args.Assignments = append(args.Assignments, AssignmentSpec{
			PermissionSet: ps, Principals: []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
			AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"prod"}}},
		}, AssignmentSpec{
			PermissionSet: ps, Principals: []PrincipalRef{{Type: PrincipalGroup, Name: "Auditors"}},
			AccountTags: []AccountTagSpec{{Key: "team", Values: []string{"payments"}}},
		})
	}
	m := newICMock(icTaggedOrg())
	_, err := icRun(m, args)
	require.NoError(t, err)
	assert.Equal(t, 1, m.count(GetOrganizationAccountsToken), "one read of the accounts' tags for the component")
	var keys []string
	for _, inv := range m.Invokes() {
		if inv.Token == GetOrganizationAccountsToken {
			for _, k := range inv.Args["tagKeys"].ArrayValue() {
				keys = append(keys, k.StringValue())
			}
		}
	}
	assert.Equal(t, []string{"env", "team"}, keys, "only the keys the rules use")

	// Without a tag target, nothing is read.
	args = icFullArgs()
	m = newICMock(icTaggedOrg())
	_, err = icRun(m, args)
	require.NoError(t, err)
	assert.Zero(t, m.count(GetOrganizationAccountsToken))
}

func TestIdentityCenterSetupTagTargetsLookupFailureRegistersNothing(t *testing.T) {
	t.Parallel()
	org := icTaggedOrg()
	org.tagsDenied = true
	args := icFullArgs()
	args.Assignments = append(args.Assignments, AssignmentSpec{
		PermissionSet: "ReadOnly", Principals: []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
		AccountTags: []AccountTagSpec{{Key: "env", Values: []string{"prod"}}},
	})
	m := newICMock(org)
	_, err := icRun(m, args)
	require.ErrorContains(t, err, "organizations:ListTagsForResource")
	assert.Empty(t, m.Resources())
}

func TestIdentityCenterSetupTagTargetsBadInput(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("k", 129)
	args := icFullArgs()
	dev := []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}}
	args.Assignments = []AssignmentSpec{
		{PermissionSet: "ReadOnly", Principals: dev},
		{PermissionSet: "ReadOnly", Principals: dev, AccountTags: []AccountTagSpec{
			{Key: "", Values: []string{"x"}},
			{Key: long, Values: []string{"x"}},
			{Key: "aws:createdBy", Values: []string{"x"}},
			{Key: "env#1", Values: []string{"x"}},
			{Key: "env", Values: nil},
			{Key: "team", Values: []string{strings.Repeat("v", 257), "pay;ments"}},
			{Key: "team", Values: []string{"core"}},
		}},
	}
	err := CheckIdentityCenterSetup("sso", args)
	require.Error(t, err)
	for _, want := range []string{
		"assignments[0] has no targets; give accountIds, organizationalUnitIds and/or accountTags",
		"assignments[1].accountTags[0].key is empty",
		"assignments[1].accountTags[1].key is 129 characters long; AWS Organizations tag keys are 1 to 128",
		`assignments[1].accountTags[2].key "aws:createdBy" starts with "aws:"`,
		`assignments[1].accountTags[3].key "env#1" has the character '#'`,
		`assignments[1].accountTags[4].values is empty; give the values of "env" that match`,
		"assignments[1].accountTags[5].values[0] is 257 characters long; AWS Organizations tag values are at most 256",
		`assignments[1].accountTags[5].values[1] "pay;ments" has the character ';'`,
		`assignments[1].accountTags[6].key "team" is also accountTags[5]`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	m := newICMock(icTaggedOrg())
	_, runErr := icRun(m, args)
	require.Error(t, runErr)
	assert.Empty(t, m.Resources(), "nothing registered")
	assert.Zero(t, m.count(GetOrganizationAccountsToken), "nothing read")
}

func TestIdentityCenterSetupTagRulesDuplicates(t *testing.T) {
	t.Parallel()
	dev := []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}}
	rule := func(values ...string) AssignmentSpec {
		return AssignmentSpec{PermissionSet: "ReadOnly", Principals: dev,
			AccountTags: []AccountTagSpec{{Key: "env", Values: values}}}
	}
	args := icFullArgs()
	args.Assignments = []AssignmentSpec{rule("prod"), rule("dev"), rule("prod")}
	err := CheckIdentityCenterSetup("sso", args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "assignments[2]: repeats assignments[0] exactly")
	assert.NotContains(t, err.Error(), "assignments[1]: repeats", "other tag values are another rule")
}
