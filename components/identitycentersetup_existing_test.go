package components

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	icGetPermissionSetToken  = "aws:ssoadmin/getPermissionSet:getPermissionSet"
	icGetPermissionSetsToken = "aws:ssoadmin/getPermissionSets:getPermissionSets"
	icExistingAdminArn       = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-a1b2c3d4e5f60001"
	icExistingBillingArn     = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-a1b2c3d4e5f60002"
	// icFlakyPermissionSet exists in the instance, but its lookup by name
	// fails (as it does when the credentials may not describe it).
	icFlakyPermissionSet = "Flaky"
)

// icDefaultPermissionSets are the permission sets that exist in the mocked
// instance before the component runs.
func icDefaultPermissionSets() map[string]string {
	return map[string]string{
		"AWSAdministratorAccess": icExistingAdminArn,
		"Billing":                icExistingBillingArn,
		icFlakyPermissionSet:     "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-a1b2c3d4e5f60003",
	}
}

// existingPermissionSets answers getPermissionSet (by name or by ARN) and
// getPermissionSets as pulumi-aws does: a name the instance lacks is the
// data source's "not found" error.
func (m *icMock) existingPermissionSets(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	if args.Token == icGetPermissionSetsToken {
		arns := slices.Sorted(maps.Values(m.permissionSets))
		list := make([]resource.PropertyValue, 0, len(arns))
		for _, a := range arns {
			list = append(list, resource.NewProperty(a))
		}
		return resource.PropertyMap{"id": resource.NewProperty(icTestInstanceArn), "arns": resource.NewProperty(list)}, nil
	}
	if v, ok := args.Args["name"]; ok && v.IsString() {
		name := v.StringValue()
		m.mu.Lock()
		m.calls[icGetPermissionSetToken+"/name/"+name]++
		m.mu.Unlock()
		arn, found := m.permissionSets[name]
		switch {
		case name == icFlakyPermissionSet:
			return nil, fmt.Errorf("reading SSO Permission Set (%s): AccessDeniedException: not authorized", name)
		case !found:
			return nil, fmt.Errorf("reading SSO Permission Set: not found")
		}
		return icPermissionSetResult(name, arn), nil
	}
	arn := args.Args["arn"].StringValue()
	for name, a := range m.permissionSets {
		if a == arn {
			return icPermissionSetResult(name, arn), nil
		}
	}
	return nil, fmt.Errorf("reading SSO Admin Permission Set (%s): ResourceNotFoundException", arn)
}

func icPermissionSetResult(name, arn string) resource.PropertyMap {
	return resource.PropertyMap{
		"id": resource.NewProperty(arn), "arn": resource.NewProperty(arn), "name": resource.NewProperty(name),
		"instanceArn": resource.NewProperty(icTestInstanceArn), "sessionDuration": resource.NewProperty("PT1H"),
	}
}

// icExistingArgs adds two existing permission sets to icFullArgs, and
// assignments of them.
func icExistingArgs() IdentityCenterSetupArgs {
	args := icFullArgs()
	args.PermissionSets = append(args.PermissionSets,
		PermissionSetSpec{Name: "AWSAdministratorAccess", Existing: true},
		PermissionSetSpec{Name: "Billing", Existing: true},
	)
	args.Assignments = append(args.Assignments,
		AssignmentSpec{
			PermissionSet: "AWSAdministratorAccess",
			Principals:    []PrincipalRef{{Type: PrincipalGroup, Name: "Platform Admins"}},
			AccountIDs:    []string{"100000000001", "100000000002"},
		},
		AssignmentSpec{
			PermissionSet:         "Billing",
			Principals:            []PrincipalRef{{Type: PrincipalUser, Name: "jdoe"}},
			OrganizationalUnitIDs: []string{icOUDev},
		},
	)
	return args
}

func TestIdentityCenterSetupExistingPermissionSets(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	outs, err := icRun(m, icExistingArgs())
	require.NoError(t, err)

	// Looked up by name, once each; never listed when every name is found.
	assert.Equal(t, 1, m.count(icGetPermissionSetToken+"/name/AWSAdministratorAccess"))
	assert.Equal(t, 1, m.count(icGetPermissionSetToken+"/name/Billing"))
	assert.Zero(t, m.count(icGetPermissionSetsToken))

	// Never registered, so never modified: no permission set, no policy.
	for _, r := range m.Resources() {
		assert.NotContains(t, r.Name, "sso-ps-AWSAdministratorAccess")
		assert.NotContains(t, r.Name, "sso-ps-Billing")
	}
	assert.Len(t, m.ByType(icPermissionSetType), 3, "only the declared permission sets are created")

	// Usable in assignments: the looked-up ARN is the input, and no created
	// permission set or policy is a dependency.
	a := m.Find(t, "sso-assign-AWSAdministratorAccess-group-Platform-Admins-100000000002")
	requireChild(t, wantChild{typ: icAssignmentType, name: a.Name, inputs: map[string]any{
		"instanceArn":      icTestInstanceArn,
		"permissionSetArn": icExistingAdminArn,
		"principalId":      "gid-Platform Admins",
		"principalType":    "GROUP",
		"targetId":         "100000000002",
		"targetType":       "AWS_ACCOUNT",
	}}, a)
	assert.Empty(t, a.PropertyDependencies["permissionSetArn"], "a looked-up ARN comes from no resource")
	requireDependsOn(t, a, m.Find(t, "sso-group-Platform-Admins"))
	for _, typ := range []string{icPermissionSetType, icManagedType, icCustomerType, icInlineType, icBoundaryType} {
		for _, r := range m.ByType(typ) {
			requireNotDependsOn(t, a, r)
		}
	}
	// OU expansion works for them as for the others (dev: three accounts).
	var billing []string
	for _, r := range m.ByType(icAssignmentType) {
		if strings.HasPrefix(r.Name, "sso-assign-Billing-") {
			billing = append(billing, r.Name)
			assert.Equal(t, icExistingBillingArn, inputString(t, r, "permissionSetArn"))
		}
	}
	assert.Equal(t, []string{
		"sso-assign-Billing-user-jdoe-100000000003",
		"sso-assign-Billing-user-jdoe-200000000001",
		"sso-assign-Billing-user-jdoe-200000000002",
	}, billing)

	arns := outs.get(t, "permissionSetArns").(map[string]string)
	assert.Equal(t, icExistingAdminArn, arns["AWSAdministratorAccess"])
	assert.Equal(t, icExistingBillingArn, arns["Billing"])
	assert.Len(t, arns, 5)
}

func TestIdentityCenterSetupExistingPermissionSetLookupFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*IdentityCenterSetupArgs)
		want   []string
		// listed says whether the instance's permission sets were listed.
		listed bool
	}{
		{
			name: "misspelt name suggests the nearest",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[3].Name = "AWSAdministratorAcess"
				a.Assignments[4].PermissionSet = "AWSAdministratorAcess"
			},
			want: []string{`permissionSets[3].name "AWSAdministratorAcess" is not a permission set of instance ` +
				icTestInstanceArn + `; did you mean "AWSAdministratorAccess"?`, "drop existing to create"},
			listed: true,
		},
		{
			name: "every missing name is reported at once",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[3].Name = "AWSAdministratorAcess"
				a.Assignments[4].PermissionSet = "AWSAdministratorAcess"
				a.PermissionSets[4].Name = "Biling"
				a.Assignments[5].PermissionSet = "Biling"
			},
			want: []string{"2 input errors", `permissionSets[3].name "AWSAdministratorAcess"`,
				`permissionSets[4].name "Biling" is not a permission set`, `did you mean "Billing"?`},
			listed: true,
		},
		{
			name: "nothing near lists the names",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[4].Name = "NetworkOperations"
				a.Assignments[5].PermissionSet = "NetworkOperations"
			},
			want:   []string{`"NetworkOperations" is not a permission set of instance`, "(it has AWSAdministratorAccess, Billing, Flaky)"},
			listed: true,
		},
		{
			name: "a failed lookup of a name that exists is not a typo",
			mutate: func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[4].Name = icFlakyPermissionSet
				a.Assignments[5].PermissionSet = icFlakyPermissionSet
			},
			want: []string{`permissionSets[4].name: looking up the existing permission set "Flaky"`,
				"AccessDeniedException", "sso:DescribePermissionSet"},
			listed: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icExistingArgs()
			tc.mutate(&args)
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			for _, w := range tc.want {
				require.ErrorContains(t, err, w)
			}
			if !strings.Contains(tc.name, "failed lookup") {
				require.NotContains(t, err.Error(), "looking up the existing permission set")
			} else {
				require.NotContains(t, err.Error(), "did you mean")
			}
			assert.Equal(t, tc.listed, m.count(icGetPermissionSetsToken) == 1)
			assert.Empty(t, m.Resources(), "nothing may be registered")
		})
	}
}

func TestIdentityCenterSetupExistingPermissionSetBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*IdentityCenterSetupArgs)
		want   string
	}{
		{"policies on an existing permission set", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[3].ManagedPolicyArns = []string{icReadOnlyPolicy}
			a.PermissionSets[3].InlinePolicy = icTestInlinePolicy
		}, "permissionSets[3] sets managedPolicyArns, inlinePolicy on an existing permission set; the component " +
			"never modifies a permission set it references"},
		{"settings on an existing permission set", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[4].SessionDuration = "PT2H"
			a.PermissionSets[4].Tags = map[string]string{"team": "finance"}
			a.PermissionSets[4].PermissionsBoundary = &PermissionsBoundarySpec{ManagedPolicyArn: icReadOnlyPolicy}
		}, "permissionSets[4] sets sessionDuration, tags, permissionsBoundary on an existing permission set"},
		{"existing name that is not a permission set name", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[4].Name = "Billing Team"
			a.Assignments[5].PermissionSet = "Billing Team"
		}, `permissionSets[4].name "Billing Team" is not a valid permission set name`},
		{"existing and declared under one name", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[4].Name = "Admin"
		}, `permissionSets[4].name "Admin" is a duplicate`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icExistingArgs()
			tc.mutate(&args)
			require.ErrorContains(t, CheckIdentityCenterSetup("sso", args), tc.want)
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			require.ErrorContains(t, err, tc.want)
			assert.Empty(t, m.Resources(), "bad input must register nothing")
			assert.Empty(t, m.Invokes(), "bad input must look nothing up")
		})
	}
}
