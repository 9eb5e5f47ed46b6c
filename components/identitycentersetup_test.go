package components

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// Tokens of the children and lookups of IdentityCenterSetup.
const (
	icPermissionSetType  = "aws:ssoadmin/permissionSet:PermissionSet"
	icManagedType        = "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment"
	icCustomerType       = "aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment"
	icInlineType         = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy"
	icBoundaryType       = "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment"
	icAssignmentType     = "aws:ssoadmin/accountAssignment:AccountAssignment"
	icABACType           = "aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes"
	icGroupType          = "aws:identitystore/group:Group"
	icUserType           = "aws:identitystore/user:User"
	icMembershipType     = "aws:identitystore/groupMembership:GroupMembership"
	icGetInstancesToken  = "aws:ssoadmin/getInstances:getInstances"
	icGetRegionToken     = "aws:index/getRegion:getRegion"
	icDescendantsToken   = "aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts"
	icGetGroupToken      = "aws:identitystore/getGroup:getGroup"
	icGetUserToken       = "aws:identitystore/getUser:getUser"
	icTestInstanceArn    = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
	icTestStoreID        = "d-1234567890"
	icTestMgmtAccount    = "111122223333"
	icTestAdminAccount   = "222233334444"
	icOUProd             = "ou-ab12-prod0001"
	icOUDev              = "ou-ab12-dev00001"
	icReadOnlyPolicy     = "arn:aws:iam::aws:policy/ReadOnlyAccess"
	icAdminPolicy        = "arn:aws:iam::aws:policy/AdministratorAccess"
	icViewOnlyPolicy     = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
	icTestInlinePolicy   = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}`
	icSuspendedAccountID = "999999999999"
)

// icOrg is the organization the mocked lookups answer from: OU -> accounts,
// account -> status.
type icOrg struct {
	ous    map[string][]string
	status map[string]string
	// members, when not nil, are the accounts getOrganization lists (it
	// lists none for a caller that may not list them).
	members []string
	// orgDenied makes getOrganization fail.
	orgDenied bool
	// enabledRegions, when not nil, are the Regions getRegions answers the
	// account has enabled; nil is every Region of the aws partition.
	enabledRegions []string
	// regionsDenied makes getRegions fail.
	regionsDenied bool
	// tags are the accounts' AWS Organizations tags, by account ID, that
	// getOrganizationAccounts answers with (identitycentersetup_tags_test.go).
	tags map[string]map[string]string
	// tagsDenied makes getOrganizationAccounts fail.
	tagsDenied bool
}

func icDefaultOrg() icOrg {
	return icOrg{
		ous: map[string][]string{
			icOUProd: {"100000000001", "100000000002", "100000000003", icSuspendedAccountID},
			icOUDev:  {"200000000001", "200000000002", "100000000003"},
		},
		status: map[string]string{icSuspendedAccountID: "SUSPENDED"},
	}
}

// icMock is a mockRecorder whose invokes answer IdentityCenterSetup's lookups
// and count them.
type icMock struct {
	*mockRecorder
	mu sync.Mutex
	// calls counts invokes by token, and OU lookups by "token/ou".
	calls map[string]int
	// instances are the instances getInstances returns.
	instances []string
	org       icOrg
	// permissionSets are the instance's permission sets, ARN by name, that
	// getPermissionSet and getPermissionSets answer from.
	permissionSets map[string]string
	// caller is the account getCallerIdentity answers: the one the component
	// runs as (the management account unless a test sets another).
	caller string
}

func newICMock(org icOrg) *icMock {
	m := &icMock{mockRecorder: newMocks(), calls: map[string]int{}, instances: []string{icTestInstanceArn}, org: org,
		permissionSets: icDefaultPermissionSets(), caller: icTestMgmtAccount}
	m.Invoke = m.invoke
	m.Outputs = icOutputs
	return m
}

func (m *icMock) count(key string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.calls[key]
}

func (m *icMock) invoke(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.calls[args.Token]++
	m.mu.Unlock()
	switch args.Token {
	case getOrganizationToken:
		if m.org.orgDenied {
			return nil, fmt.Errorf("AccessDeniedException: not authorized to perform organizations:DescribeOrganization")
		}
		accounts := make([]resource.PropertyValue, 0, len(m.org.members))
		for _, id := range m.org.members {
			accounts = append(accounts, resource.NewProperty(resource.PropertyMap{
				"id": resource.NewProperty(id), "status": resource.NewProperty("ACTIVE"),
			}))
		}
		return resource.PropertyMap{
			"id":              resource.NewProperty("o-exampleorgid"),
			"masterAccountId": resource.NewProperty(icTestMgmtAccount),
			"accounts":        resource.NewProperty(accounts),
		}, nil
	case icGetInstancesToken:
		arns := make([]resource.PropertyValue, 0, len(m.instances))
		stores := make([]resource.PropertyValue, 0, len(m.instances))
		for _, a := range m.instances {
			arns = append(arns, resource.NewProperty(a))
			stores = append(stores, resource.NewProperty(icTestStoreID))
		}
		return resource.PropertyMap{
			"id":               resource.NewProperty("us-west-2"),
			"arns":             resource.NewProperty(arns),
			"identityStoreIds": resource.NewProperty(stores),
		}, nil
	case getRegionsToken:
		if m.org.regionsDenied {
			return nil, fmt.Errorf("UnauthorizedOperation: not authorized to perform ec2:DescribeRegions")
		}
		names := m.org.enabledRegions
		if names == nil {
			part, _ := catalog.LookupPartition("aws")
			for _, r := range part.Regions {
				names = append(names, r.Code)
			}
		}
		list := make([]resource.PropertyValue, 0, len(names))
		for _, n := range names {
			list = append(list, resource.NewProperty(n))
		}
		return resource.PropertyMap{"id": resource.NewProperty("aws"), "names": resource.NewProperty(list)}, nil
	case GetOrganizationAccountsToken:
		return m.org.organizationAccounts()
	case icGetRegionToken:
		return resource.PropertyMap{"name": resource.NewProperty("us-west-2"), "id": resource.NewProperty("us-west-2")}, nil
	case icDescendantsToken:
		ou := args.Args["parentId"].StringValue()
		m.mu.Lock()
		m.calls[icDescendantsToken+"/"+ou]++
		m.mu.Unlock()
		ids, ok := m.org.ous[ou]
		if !ok {
			return nil, fmt.Errorf("ParentNotFoundException: %s", ou)
		}
		accounts := make([]resource.PropertyValue, 0, len(ids))
		for _, id := range ids {
			status := m.org.status[id]
			if status == "" {
				status = "ACTIVE"
			}
			accounts = append(accounts, resource.NewProperty(resource.PropertyMap{
				"id":     resource.NewProperty(id),
				"arn":    resource.NewProperty("arn:aws:organizations::" + icTestMgmtAccount + ":account/o-exampleorgid/" + id),
				"email":  resource.NewProperty(id + "@example.com"),
				"name":   resource.NewProperty("acct-" + id),
				"status": resource.NewProperty(status),
			}))
		}
		return resource.PropertyMap{
			"id":       resource.NewProperty(ou),
			"parentId": resource.NewProperty(ou),
			"accounts": resource.NewProperty(accounts),
		}, nil
	case icGetGroupToken:
		name := args.Args["alternateIdentifier"].ObjectValue()["uniqueAttribute"].ObjectValue()["attributeValue"].StringValue()
		if strings.HasPrefix(name, "Missing") {
			return nil, fmt.Errorf("no Identity Store Group found matching criteria")
		}
		return resource.PropertyMap{"groupId": resource.NewProperty("existing-group-" + name)}, nil
	case icGetUserToken:
		name := args.Args["alternateIdentifier"].ObjectValue()["uniqueAttribute"].ObjectValue()["attributeValue"].StringValue()
		if strings.HasPrefix(name, "missing") {
			return nil, fmt.Errorf("reading IdentityStore User: ResourceNotFoundException: USER not found")
		}
		return resource.PropertyMap{"userId": resource.NewProperty("existing-user-" + name)}, nil
	case icGetPermissionSetToken, icGetPermissionSetsToken:
		return m.existingPermissionSets(args)
	case icGetApplicationToken:
		return icExistingApplication(args)
	case icGetCallerIdentityToken:
		return resource.PropertyMap{
			"id": resource.NewProperty(m.caller), "accountId": resource.NewProperty(m.caller),
			"arn": resource.NewProperty("arn:aws:sts::" + m.caller + ":assumed-role/Deployer/ci"),
		}, nil
	}
	return nil, fmt.Errorf("unexpected invoke %s", args.Token)
}

// icOutputs gives the children the outputs AWS computes: ARNs and IDs.
func icOutputs(args pulumi.MockResourceArgs) (resource.PropertyMap, error) {
	out := args.Inputs.Copy()
	switch args.TypeToken {
	case icPermissionSetType:
		out["arn"] = resource.NewProperty("arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-" +
			args.Inputs["name"].StringValue())
	case icGroupType:
		out["groupId"] = resource.NewProperty("gid-" + args.Inputs["displayName"].StringValue())
	case icUserType:
		out["userId"] = resource.NewProperty("uid-" + args.Inputs["userName"].StringValue())
	case icApplicationType, icTrustedTokenIssuerType:
		icApplicationOutputs(args, out)
	}
	return out, nil
}

// icFullArgs exercises every input.
func icFullArgs() IdentityCenterSetupArgs {
	return IdentityCenterSetupArgs{
		InstanceArn:             icTestInstanceArn,
		IdentityStoreID:         icTestStoreID,
		DelegatedAdminAccountID: icTestAdminAccount,
		ManagementAccountID:     icTestMgmtAccount,
		PermissionSets: []PermissionSetSpec{
			{
				Name:              "ReadOnly",
				Description:       "Read everything",
				SessionDuration:   "PT8H",
				RelayState:        "https://console.aws.amazon.com/",
				Tags:              map[string]string{"team": "platform", "cost": "shared"},
				ManagedPolicyArns: []string{icReadOnlyPolicy, icViewOnlyPolicy, icReadOnlyPolicy},
			},
			{
				Name:              "Admin",
				SessionDuration:   "PT1H",
				ManagedPolicyArns: []string{icAdminPolicy},
			},
			{
				Name:            "Developer",
				SessionDuration: "PT4H30M",
				CustomerManagedPolicies: []CustomerManagedPolicyRef{
					{Name: "DeveloperAccess"},
					{Name: "Extra", Path: "/teams/"},
				},
				InlinePolicy: icTestInlinePolicy,
				PermissionsBoundary: &PermissionsBoundarySpec{
					CustomerManagedPolicy: &CustomerManagedPolicyRef{Name: "DeveloperBoundary"},
				},
			},
		},
		Groups: []GroupSpec{
			{DisplayName: "Platform Admins", Description: "Break-glass admins"},
			{DisplayName: "Developers"},
			{DisplayName: "Auditors", Existing: true},
		},
		Users: []UserSpec{
			{UserName: "jdoe", GivenName: "Jane", FamilyName: "Doe", Email: "jdoe@example.com"},
			{UserName: "external.bob", Existing: true},
		},
		GroupMemberships: []MembershipSpec{
			{Group: "Platform Admins", User: "jdoe"},
			{Group: "Developers", User: "external.bob"},
			{Group: "Platform Admins", User: "jdoe"}, // duplicate: merged
		},
		Assignments: []AssignmentSpec{
			{
				PermissionSet:         "ReadOnly",
				Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: "Auditors"}},
				OrganizationalUnitIDs: []string{icOUProd, icOUDev},
				ExcludeAccountIDs:     []string{"200000000002"},
			},
			{
				PermissionSet: "Admin",
				Principals: []PrincipalRef{
					{Type: PrincipalGroup, Name: "Platform Admins"},
					{Type: PrincipalUser, Name: "jdoe"},
				},
				AccountIDs: []string{"100000000001"},
			},
			{
				PermissionSet:         "Developer",
				Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
				OrganizationalUnitIDs: []string{icOUDev},
				AccountIDs:            []string{"300000000001"},
			},
			{
				// Overlaps the first entry: merged, not duplicated.
				PermissionSet: "ReadOnly",
				Principals:    []PrincipalRef{{Type: "group", Name: "Auditors"}},
				AccountIDs:    []string{"100000000001"},
			},
		},
		AccessControlAttributes: []AccessControlAttributeSpec{
			{Key: "Department", Sources: []string{"${path:enterprise.department}"}},
			{Key: "CostCenter", Sources: []string{"${path:enterprise.costCenter}"}},
		},
	}
}

// icRun runs NewIdentityCenterSetup against m and captures its outputs.
func icRun(m *icMock, args IdentityCenterSetupArgs, opts ...pulumi.ResourceOption) (*outputs, error) {
	outs := &outputs{}
	err := m.run(func(ctx *pulumi.Context) error {
		comp, err := NewIdentityCenterSetup(ctx, "sso", args, opts...)
		if err != nil {
			return err
		}
		outs.capture("instanceArn", comp.InstanceArn)
		outs.capture("identityStoreId", comp.IdentityStoreID)
		outs.capture("permissionSetArns", comp.PermissionSetArns)
		outs.capture("groupIds", comp.GroupIDs)
		outs.capture("userIds", comp.UserIDs)
		outs.capture("assignmentCount", comp.AssignmentCount)
		outs.capture("ready", comp.Ready)
		outs.capture("applicationArns", comp.ApplicationArns)
		outs.capture("trustedTokenIssuerArns", comp.TrustedTokenIssuerArns)
		return nil
	})
	return outs, err
}

func icNames(rs []recordedResource) []string {
	names := make([]string, 0, len(rs))
	for _, r := range rs {
		names = append(names, r.Name)
	}
	return names
}

func TestIdentityCenterSetupChildren(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	outs, err := icRun(m, icFullArgs())
	require.NoError(t, err)

	comp := m.Find(t, "sso")
	require.Equal(t, IdentityCenterSetupToken, comp.Type)
	integ := m.Find(t, "sso-integration")
	require.Equal(t, OrgServiceIntegrationToken, integ.Type)
	require.Equal(t, comp.URN, integ.Parent)

	// Trusted access is kept on delete unless asked.
	access := m.ByType(TrustedServiceAccessToken)
	require.Len(t, access, 1)
	assert.Equal(t, "sso.amazonaws.com", inputString(t, access[0], "servicePrincipal"))
	assert.Equal(t, resource.NewProperty(false), access[0].Inputs["disableOnDelete"])
	admins := m.ByType(rdaType)
	require.Len(t, admins, 1)
	assert.Equal(t, icTestAdminAccount, inputString(t, admins[0], "accountId"))

	// Permission sets, sorted by name, with their settings.
	pss := m.ByType(icPermissionSetType)
	require.Equal(t, []string{"sso-ps-Admin", "sso-ps-Developer", "sso-ps-ReadOnly"}, icNames(pss))
	ro := m.Find(t, "sso-ps-ReadOnly")
	requireChild(t, wantChild{typ: icPermissionSetType, name: "sso-ps-ReadOnly", inputs: map[string]any{
		"instanceArn":     icTestInstanceArn,
		"name":            "ReadOnly",
		"description":     "Read everything",
		"sessionDuration": "PT8H",
		"relayState":      "https://console.aws.amazon.com/",
		"tags":            map[string]any{"team": "platform", "cost": "shared"},
	}}, ro)
	for _, ps := range pss {
		assert.Equal(t, comp.URN, ps.Parent)
	}

	// One attachment per distinct policy, keyed by the policy.
	assert.Equal(t, []string{
		"sso-ps-Admin-managed-AdministratorAccess",
		"sso-ps-ReadOnly-managed-ReadOnlyAccess",
		"sso-ps-ReadOnly-managed-job-function-ViewOnlyAccess",
	}, icNames(m.ByType(icManagedType)))
	assert.Equal(t, icViewOnlyPolicy,
		inputString(t, m.Find(t, "sso-ps-ReadOnly-managed-job-function-ViewOnlyAccess"), "managedPolicyArn"))
	customer := m.ByType(icCustomerType)
	require.Equal(t, []string{"sso-ps-Developer-customer-DeveloperAccess", "sso-ps-Developer-customer-teams-Extra"},
		icNames(customer))
	assert.Equal(t, resource.NewProperty(resource.PropertyMap{
		"name": resource.NewProperty("Extra"), "path": resource.NewProperty("/teams/"),
	}), customer[1].Inputs["customerManagedPolicyReference"])
	assert.Equal(t, "/", customer[0].Inputs["customerManagedPolicyReference"].ObjectValue()["path"].StringValue())
	inline := m.Find(t, "sso-ps-Developer-inline")
	assert.Equal(t, icTestInlinePolicy, inputString(t, inline, "inlinePolicy"))
	assert.Equal(t, "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Developer",
		inputString(t, inline, "permissionSetArn"))
	boundary := m.Find(t, "sso-ps-Developer-boundary")
	assert.Equal(t, "DeveloperBoundary", boundary.Inputs["permissionsBoundary"].ObjectValue()["customerManagedPolicyReference"].
		ObjectValue()["name"].StringValue())

	// Created principals; existing ones are looked up, not created.
	assert.Equal(t, []string{"sso-group-Developers", "sso-group-Platform-Admins"}, icNames(m.ByType(icGroupType)))
	assert.Equal(t, "Break-glass admins", inputString(t, m.Find(t, "sso-group-Platform-Admins"), "description"))
	users := m.ByType(icUserType)
	require.Equal(t, []string{"sso-user-jdoe"}, icNames(users))
	assert.Equal(t, "Jane Doe", inputString(t, users[0], "displayName"))
	assert.Equal(t, icTestStoreID, inputString(t, users[0], "identityStoreId"))
	assert.Equal(t, "jdoe@example.com", users[0].Inputs["emails"].ObjectValue()["value"].StringValue())
	assert.Equal(t, 1, m.count(icGetGroupToken))
	assert.Equal(t, 1, m.count(icGetUserToken))
	assert.Zero(t, m.count(icGetInstancesToken), "a given instance needs no lookup")

	// Memberships, merged.
	members := m.ByType(icMembershipType)
	require.Equal(t, []string{"sso-member-Developers-external.bob", "sso-member-Platform-Admins-jdoe"}, icNames(members))
	assert.Equal(t, "existing-user-external.bob", inputString(t, members[0], "memberId"))
	assert.Equal(t, "gid-Developers", inputString(t, members[0], "groupId"))

	// ABAC, sorted by key.
	abac := m.Find(t, "sso-abac")
	attrs := abac.Inputs["attributes"].ArrayValue()
	require.Len(t, attrs, 2)
	assert.Equal(t, "CostCenter", attrs[0].ObjectValue()["key"].StringValue())
	assert.Equal(t, "Department", attrs[1].ObjectValue()["key"].StringValue())

	// Assignments: OUs expanded (suspended skipped), exclusions applied,
	// duplicates merged.
	want := []string{
		"sso-assign-Admin-group-Platform-Admins-100000000001",
		"sso-assign-Admin-user-jdoe-100000000001",
		"sso-assign-Developer-group-Developers-100000000003",
		"sso-assign-Developer-group-Developers-200000000001",
		"sso-assign-Developer-group-Developers-200000000002",
		"sso-assign-Developer-group-Developers-300000000001",
		"sso-assign-ReadOnly-group-Auditors-100000000001",
		"sso-assign-ReadOnly-group-Auditors-100000000002",
		"sso-assign-ReadOnly-group-Auditors-100000000003",
		"sso-assign-ReadOnly-group-Auditors-200000000001",
	}
	assignments := m.ByType(icAssignmentType)
	require.Equal(t, want, icNames(assignments))
	requireChild(t, wantChild{typ: icAssignmentType, name: "sso-assign-Admin-user-jdoe-100000000001",
		inputs: map[string]any{
			"instanceArn":      icTestInstanceArn,
			"permissionSetArn": "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Admin",
			"principalId":      "uid-jdoe",
			"principalType":    "USER",
			"targetId":         "100000000001",
			"targetType":       "AWS_ACCOUNT",
		}}, m.Find(t, "sso-assign-Admin-user-jdoe-100000000001"))
	assert.Equal(t, "existing-group-Auditors",
		inputString(t, m.Find(t, "sso-assign-ReadOnly-group-Auditors-100000000002"), "principalId"))
	assert.Equal(t, 1, m.count(icDescendantsToken+"/"+icOUProd))
	assert.Equal(t, 1, m.count(icDescendantsToken+"/"+icOUDev))

	// Outputs.
	assert.Equal(t, len(want), outs.get(t, "assignmentCount"))
	assert.Equal(t, icTestInstanceArn, outs.get(t, "instanceArn"))
	assert.Equal(t, icTestStoreID, outs.get(t, "identityStoreId"))
	assert.Equal(t, icTestInstanceArn, outs.get(t, "ready"))
	assert.Equal(t, map[string]string{
		"Admin":     "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Admin",
		"Developer": "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-Developer",
		"ReadOnly":  "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-ReadOnly",
	}, outs.get(t, "permissionSetArns"))
	assert.Equal(t, map[string]string{
		"Auditors": "existing-group-Auditors", "Developers": "gid-Developers", "Platform Admins": "gid-Platform Admins",
	}, outs.get(t, "groupIds"))
	assert.Equal(t, map[string]string{"jdoe": "uid-jdoe", "external.bob": "existing-user-external.bob"},
		outs.get(t, "userIds"))
}

func TestIdentityCenterSetupTrustedAccessOnDelete(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   *bool
		want bool
	}{
		{"default keeps trusted access", nil, false},
		{"explicit false keeps it", ptr(false), false},
		{"opt-in disables it", ptr(true), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := newICMock(icDefaultOrg())
			args := icFullArgs()
			args.DisableTrustedAccessOnDelete = tc.in
			_, err := icRun(m, args)
			require.NoError(t, err)
			access := m.ByType(TrustedServiceAccessToken)
			require.Len(t, access, 1)
			assert.Equal(t, resource.NewProperty(tc.want), access[0].Inputs["disableOnDelete"])
		})
	}
}

func TestIdentityCenterSetupDependencies(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	args := icFullArgs()
	// A membership between two existing principals: no created resource
	// feeds it, so only an explicit edge orders it after trusted access.
	args.GroupMemberships = append(args.GroupMemberships, MembershipSpec{Group: "Auditors", User: "external.bob"})
	_, err := icRun(m, args)
	require.NoError(t, err)

	access := m.ByType(TrustedServiceAccessToken)[0]
	admin := m.ByType(rdaType)[0]
	requireDependsOn(t, admin, access)

	// Everything comes after trusted access and the delegated administrator.
	for _, typ := range []string{icPermissionSetType, icGroupType, icUserType, icABACType} {
		for _, r := range m.ByType(typ) {
			requireDependsOn(t, r, access)
			requireDependsOn(t, r, admin)
		}
	}
	existing := m.Find(t, "sso-member-Auditors-external.bob")
	requireDependsOn(t, existing, access)
	requireDependsOn(t, existing, admin)

	// Memberships take their created principals' IDs.
	bob := m.Find(t, "sso-member-Developers-external.bob")
	requireDependsOn(t, bob, m.Find(t, "sso-group-Developers"))
	jdoe := m.Find(t, "sso-member-Platform-Admins-jdoe")
	requireDependsOn(t, jdoe, m.Find(t, "sso-group-Platform-Admins"))
	requireDependsOn(t, jdoe, m.Find(t, "sso-user-jdoe"))

	// Attachments take the permission set's ARN.
	dev := m.Find(t, "sso-ps-Developer")
	for _, n := range []string{"sso-ps-Developer-inline", "sso-ps-Developer-boundary",
		"sso-ps-Developer-customer-DeveloperAccess"} {
		att := m.Find(t, n)
		requireDependsOn(t, att, dev)
		assert.Contains(t, att.PropertyDependencies["permissionSetArn"], dev.URN)
	}

	// Assignments: their permission set and principal by data flow, their
	// permission set's policies explicitly, nothing of another permission set.
	a := m.Find(t, "sso-assign-Developer-group-Developers-200000000001")
	devs := m.Find(t, "sso-group-Developers")
	requireDependsOn(t, a, dev)
	requireDependsOn(t, a, devs)
	assert.Equal(t, []string{dev.URN}, a.PropertyDependencies["permissionSetArn"])
	assert.Equal(t, []string{devs.URN}, a.PropertyDependencies["principalId"])
	for _, n := range []string{"sso-ps-Developer-inline", "sso-ps-Developer-boundary",
		"sso-ps-Developer-customer-DeveloperAccess", "sso-ps-Developer-customer-teams-Extra"} {
		requireDependsOn(t, a, m.Find(t, n))
	}
	requireNotDependsOn(t, a, m.Find(t, "sso-ps-Admin"))
	requireNotDependsOn(t, a, m.Find(t, "sso-ps-Admin-managed-AdministratorAccess"))
	auditors := m.Find(t, "sso-assign-ReadOnly-group-Auditors-100000000002")
	requireDependsOn(t, auditors, m.Find(t, "sso-ps-ReadOnly"))
	requireDependsOn(t, auditors, m.Find(t, "sso-ps-ReadOnly-managed-ReadOnlyAccess"))

	// Destroy: assignments, then policies and permission sets, then the
	// delegated administrator, then trusted access.
	order := m.DestroyOrder(t)
	requireDestroyedBefore(t, order, a, m.Find(t, "sso-ps-Developer-inline"))
	requireDestroyedBefore(t, order, m.Find(t, "sso-ps-Developer-inline"), dev)
	requireDestroyedBefore(t, order, a, devs)
	for _, r := range append(m.ByType(icPermissionSetType), m.ByType(icGroupType)...) {
		requireDestroyedBefore(t, order, r, admin)
	}
	requireDestroyedBefore(t, order, admin, access)
}

func TestIdentityCenterSetupInstanceLookup(t *testing.T) {
	t.Parallel()
	base := func() IdentityCenterSetupArgs {
		args := icFullArgs()
		args.InstanceArn, args.IdentityStoreID = "", ""
		return args
	}
	t.Run("found", func(t *testing.T) {
		t.Parallel()
		m := newICMock(icDefaultOrg())
		outs, err := icRun(m, base())
		require.NoError(t, err)
		assert.Equal(t, 1, m.count(icGetInstancesToken))
		assert.Equal(t, icTestInstanceArn, outs.get(t, "instanceArn"))
		assert.Equal(t, icTestStoreID, outs.get(t, "identityStoreId"))
		assert.Equal(t, icTestStoreID, inputString(t, m.Find(t, "sso-group-Developers"), "identityStoreId"))
		assert.Equal(t, icTestInstanceArn, inputString(t, m.Find(t, "sso-ps-Admin"), "instanceArn"))
	})
	t.Run("not enabled", func(t *testing.T) {
		t.Parallel()
		m := newICMock(icDefaultOrg())
		m.instances = nil
		_, err := icRun(m, base())
		require.ErrorContains(t, err, "IAM Identity Center is not enabled in Region us-west-2")
		require.ErrorContains(t, err, "IAM Identity Center console")
		assert.Empty(t, m.Resources(), "nothing may be registered")
	})
	t.Run("several instances", func(t *testing.T) {
		t.Parallel()
		m := newICMock(icDefaultOrg())
		m.instances = []string{icTestInstanceArn, "arn:aws:sso:::instance/ssoins-abcdef1234567890"}
		_, err := icRun(m, base())
		require.ErrorContains(t, err, "found 2 IAM Identity Center instances")
		assert.Empty(t, m.Resources())
	})
}

func TestIdentityCenterSetupOUExpansionLooksUpEachOUOnce(t *testing.T) {
	t.Parallel()
	org := icDefaultOrg()
	args := icFullArgs()
	// Many entries over the same two OUs, with overlaps.
	var assignments []AssignmentSpec
	for _, ps := range []string{"ReadOnly", "Admin", "Developer"} {
		for _, g := range []string{"Developers", "Platform Admins", "Auditors"} {
			assignments = append(assignments, AssignmentSpec{
				PermissionSet:         ps,
				Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: g}},
				OrganizationalUnitIDs: []string{icOUProd, icOUDev},
			}, AssignmentSpec{
				PermissionSet:         ps,
				Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: g}},
				OrganizationalUnitIDs: []string{icOUDev},
				ExcludeAccountIDs:     []string{"200000000001"},
			})
		}
	}
	args.Assignments = assignments
	m := newICMock(org)
	outs, err := icRun(m, args)
	require.NoError(t, err)

	assert.Equal(t, 2, m.count(icDescendantsToken), "one lookup per distinct OU, not one per assignment (%d entries)",
		len(assignments))
	assert.Equal(t, 1, m.count(icDescendantsToken+"/"+icOUProd))
	assert.Equal(t, 1, m.count(icDescendantsToken+"/"+icOUDev))
	// prod has 3 active accounts (one suspended), dev 3 of which one is also
	// in prod: 5 distinct active accounts per (permission set, group).
	assert.Equal(t, 3*3*5, outs.get(t, "assignmentCount"))
	require.Len(t, m.ByType(icAssignmentType), 3*3*5)
	for _, r := range m.ByType(icAssignmentType) {
		assert.NotContains(t, r.Name, icSuspendedAccountID)
	}
}

func TestIdentityCenterSetupExclusionsApplyAfterExpansion(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.Assignments = []AssignmentSpec{{
		PermissionSet:         "ReadOnly",
		Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
		AccountIDs:            []string{"100000000002", "300000000001"},
		OrganizationalUnitIDs: []string{icOUProd},
		ExcludeAccountIDs:     []string{"100000000002", "100000000003"},
	}}
	m := newICMock(icDefaultOrg())
	_, err := icRun(m, args)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"sso-assign-ReadOnly-group-Developers-100000000001",
		"sso-assign-ReadOnly-group-Developers-300000000001",
	}, icNames(m.ByType(icAssignmentType)))
}

// TestIdentityCenterSetupOverlappingRulesAreMerged checks that only exact
// duplicates are refused: rules that differ in one target, or in an
// exclusion, are merged into one set of assignments.
func TestIdentityCenterSetupOverlappingRulesAreMerged(t *testing.T) {
	t.Parallel()
	rule := func(accounts, exclude []string) AssignmentSpec {
		return AssignmentSpec{
			PermissionSet:         "ReadOnly",
			Principals:            []PrincipalRef{{Type: PrincipalGroup, Name: "Developers"}},
			AccountIDs:            accounts,
			OrganizationalUnitIDs: []string{icOUProd},
			ExcludeAccountIDs:     exclude,
		}
	}
	args := icFullArgs()
	args.Assignments = []AssignmentSpec{
		rule(nil, []string{"100000000002"}),
		rule(nil, nil),
		rule([]string{"300000000001"}, nil),
	}
	m := newICMock(icDefaultOrg())
	_, err := icRun(m, args)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"sso-assign-ReadOnly-group-Developers-100000000001",
		"sso-assign-ReadOnly-group-Developers-100000000002",
		"sso-assign-ReadOnly-group-Developers-100000000003",
		"sso-assign-ReadOnly-group-Developers-300000000001",
	}, icNames(m.ByType(icAssignmentType)))
}

// icSnapshot is what the registrations look like to the engine: each one's
// type, name, inputs and parent, sorted (the SDK sends registrations from
// goroutines, so their arrival order is not deterministic).
func icSnapshot(m *icMock) []string {
	var out []string
	for _, r := range m.Resources() {
		out = append(out, fmt.Sprintf("%s %s parent=%s inputs=%v", r.Type, r.Name, r.Parent, r.Inputs.Mappable()))
	}
	slices.Sort(out)
	return out
}

func shuffled[T any](r *rand.Rand, s []T) []T {
	s = slices.Clone(s)
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	return s
}

func TestIdentityCenterSetupStableKeys(t *testing.T) {
	t.Parallel()
	base := newICMock(icDefaultOrg())
	_, err := icRun(base, icFullArgs())
	require.NoError(t, err)
	want := icSnapshot(base)
	byName := map[string]recordedResource{}
	for _, r := range base.Resources() {
		byName[r.Type+" "+r.Name] = r
	}

	for seed := range uint64(5) {
		t.Run(fmt.Sprintf("shuffle-%d", seed), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(seed, seed+1))
			args := icFullArgs()
			args.PermissionSets = shuffled(r, args.PermissionSets)
			for i := range args.PermissionSets {
				ps := &args.PermissionSets[i]
				ps.ManagedPolicyArns = shuffled(r, ps.ManagedPolicyArns)
				ps.CustomerManagedPolicies = shuffled(r, ps.CustomerManagedPolicies)
			}
			args.Groups = shuffled(r, args.Groups)
			args.Users = shuffled(r, args.Users)
			args.GroupMemberships = shuffled(r, args.GroupMemberships)
			args.AccessControlAttributes = shuffled(r, args.AccessControlAttributes)
			args.Assignments = shuffled(r, args.Assignments)
			for i := range args.Assignments {
				a := &args.Assignments[i]
				a.Principals = shuffled(r, a.Principals)
				a.AccountIDs = shuffled(r, a.AccountIDs)
				a.OrganizationalUnitIDs = shuffled(r, a.OrganizationalUnitIDs)
				a.ExcludeAccountIDs = shuffled(r, a.ExcludeAccountIDs)
			}
			org := icDefaultOrg()
			for ou, accts := range org.ous {
				org.ous[ou] = shuffled(r, accts)
			}
			m := newICMock(org)
			_, err := icRun(m, args)
			require.NoError(t, err)
			assert.Equal(t, want, icSnapshot(m), "shuffled input must give identical names and inputs")
		})
	}

	t.Run("adding an account or changing an OU touches nothing else", func(t *testing.T) {
		t.Parallel()
		org := icDefaultOrg()
		// An account joins prod, another leaves dev.
		org.ous[icOUProd] = append(org.ous[icOUProd], "100000000009")
		org.ous[icOUDev] = slices.DeleteFunc(slices.Clone(org.ous[icOUDev]), func(s string) bool { return s == "200000000001" })
		args := icFullArgs()
		args.Assignments[1].AccountIDs = append(args.Assignments[1].AccountIDs, "100000000008")
		m := newICMock(org)
		_, err := icRun(m, args)
		require.NoError(t, err)
		var added, kept []string
		for _, r := range m.Resources() {
			old, ok := byName[r.Type+" "+r.Name]
			if !ok {
				added = append(added, r.Name)
				continue
			}
			kept = append(kept, r.Name)
			assert.Equal(t, old.Inputs.Mappable(), r.Inputs.Mappable(), "inputs of %s changed", r.Name)
		}
		assert.ElementsMatch(t, []string{
			"sso-assign-ReadOnly-group-Auditors-100000000009",
			"sso-assign-Admin-group-Platform-Admins-100000000008",
			"sso-assign-Admin-user-jdoe-100000000008",
		}, added)
		// The account that left dev loses exactly its assignments.
		var gone []string
		for key, old := range byName {
			if !slices.Contains(kept, old.Name) {
				gone = append(gone, strings.SplitN(key, " ", 2)[1])
			}
		}
		assert.ElementsMatch(t, []string{
			"sso-assign-Developer-group-Developers-200000000001",
			"sso-assign-ReadOnly-group-Auditors-200000000001",
		}, gone)
	})
}

func TestIdentityCenterSetupBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*IdentityCenterSetupArgs)
		want   []string
	}{
		{"unknown permission set", func(a *IdentityCenterSetupArgs) {
			a.Assignments[2].PermissionSet = "Developr"
		}, []string{`assignments[2].permissionSet "Developr" is not declared in permissionSets`, `did you mean "Developer"?`}},
		{"unknown group", func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].Principals[0].Name = "Platform Admin"
		}, []string{`assignments[1].principals[0].name "Platform Admin" is not a group declared in groups`, `did you mean "Platform Admins"?`}},
		{"user named as a group", func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].Principals[1].Type = PrincipalGroup
		}, []string{`assignments[1].principals[1].name "jdoe" is not a group declared in groups`}},
		{"bad principal type", func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].Principals[1].Type = "ROLE"
		}, []string{`assignments[1].principals[1].type "ROLE" is not a principal type; use GROUP or USER`}},
		{"no principals", func(a *IdentityCenterSetupArgs) {
			a.Assignments[0].Principals = nil
		}, []string{"assignments[0].principals is empty"}},
		{"no targets", func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].AccountIDs = nil
		}, []string{"assignments[1] has no targets"}},
		{"short account ID", func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].AccountIDs = []string{"12345678901"}
		}, []string{`assignments[1].accountIds[0] "12345678901" is not an AWS account ID`}},
		{"bad excluded account ID", func(a *IdentityCenterSetupArgs) {
			a.Assignments[0].ExcludeAccountIDs = []string{"abc"}
		}, []string{`assignments[0].excludeAccountIds[0] "abc" is not an AWS account ID`}},
		{"bad OU ID", func(a *IdentityCenterSetupArgs) {
			a.Assignments[0].OrganizationalUnitIDs = []string{icOUProd, "ou-prod"}
		}, []string{`assignments[0].organizationalUnitIds[1] "ou-prod" is not an OU ID`}},
		{"session duration too long", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[1].SessionDuration = "PT13H"
		}, []string{`permissionSets[1].sessionDuration "PT13H" is 13h0m0s; IAM Identity Center accepts 1 to 12 hours`}},
		{"session duration too short", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].SessionDuration = "PT30M"
		}, []string{`permissionSets[0].sessionDuration "PT30M" is 30m0s`}},
		{"session duration not ISO 8601", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].SessionDuration = "8h"
		}, []string{`permissionSets[0].sessionDuration "8h" is not an ISO 8601 duration`}},
		{"inline policy not JSON", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `{"Version": "2012-10-17",`
		}, []string{"permissionSets[2].inlinePolicy is not a JSON policy document"}},
		{"inline policy not an object", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `["s3:*"]`
		}, []string{"permissionSets[2].inlinePolicy is not a JSON policy document"}},
		{"duplicate permission set", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets = append(a.PermissionSets, PermissionSetSpec{Name: "Admin"})
		}, []string{`permissionSets[3].name "Admin" is a duplicate`}},
		{"bad permission set name", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets = append(a.PermissionSets, PermissionSetSpec{Name: "Read Only"})
		}, []string{`permissionSets[3].name "Read Only" is not a valid permission set name`}},
		{"customer managed ARN as managed policy", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].ManagedPolicyArns = []string{"arn:aws:iam::123456789012:policy/Mine"}
		}, []string{`permissionSets[0].managedPolicyArns[0] "arn:aws:iam::123456789012:policy/Mine" is not an AWS managed policy; reference a customer managed policy in customerManagedPolicies`}},
		{"bad customer managed path", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].CustomerManagedPolicies[1].Path = "teams"
		}, []string{`permissionSets[2].customerManagedPolicies[1].path "teams" is not a valid IAM path`}},
		{"boundary with both", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].PermissionsBoundary.ManagedPolicyArn = icAdminPolicy
		}, []string{"permissionSets[2].permissionsBoundary sets both managedPolicyArn and customerManagedPolicy"}},
		{"empty boundary", func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].PermissionsBoundary = &PermissionsBoundarySpec{}
		}, []string{"permissionSets[0].permissionsBoundary is set but empty"}},
		{"instance ARN without identity store", func(a *IdentityCenterSetupArgs) {
			a.IdentityStoreID = ""
		}, []string{"instanceArn is set but identityStoreId is not"}},
		{"identity store without instance ARN", func(a *IdentityCenterSetupArgs) {
			a.InstanceArn = ""
		}, []string{"identityStoreId is set but instanceArn is not"}},
		{"malformed instance ARN", func(a *IdentityCenterSetupArgs) {
			a.InstanceArn = "ssoins-1234567890abcdef"
		}, []string{`instanceArn "ssoins-1234567890abcdef" is not an IAM Identity Center instance ARN`}},
		{"bad delegated admin", func(a *IdentityCenterSetupArgs) {
			a.DelegatedAdminAccountID = "2222-3333-4444"
		}, []string{`delegatedAdminAccountId "2222-3333-4444" is not an AWS account ID`}},
		{"delegated admin is the management account", func(a *IdentityCenterSetupArgs) {
			a.DelegatedAdminAccountID = icTestMgmtAccount
		}, []string{`delegatedAdminAccountId "111122223333" is the organization's management account (managementAccountId)`}},
		{"duplicate group", func(a *IdentityCenterSetupArgs) {
			a.Groups = append(a.Groups, GroupSpec{DisplayName: "Developers"})
		}, []string{`groups[3].displayName "Developers" is a duplicate`}},
		{"groups that sanitize alike", func(a *IdentityCenterSetupArgs) {
			a.Groups = append(a.Groups, GroupSpec{DisplayName: "Platform-Admins"})
		}, []string{`gives the resource name "sso-group-Platform-Admins"`, "rename one of them"}},
		{"user without names", func(a *IdentityCenterSetupArgs) {
			a.Users[0].FamilyName = ""
		}, []string{`users[0] needs givenName and familyName to create user "jdoe"`}},
		{"existing user with fields", func(a *IdentityCenterSetupArgs) {
			a.Users[1].Email = "bob@example.com"
		}, []string{"users[1] sets displayName, givenName, familyName or email on an existing user"}},
		{"membership of an unknown user", func(a *IdentityCenterSetupArgs) {
			a.GroupMemberships[1].User = "bob"
		}, []string{`groupMemberships[1].user "bob" is not declared in users`}},
		{"duplicate ABAC key", func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes = append(a.AccessControlAttributes, AccessControlAttributeSpec{
				Key: "Department", Sources: []string{"x"},
			})
		}, []string{`accessControlAttributes[2].key "Department" is a duplicate`}},
		{"exact duplicate rule", func(a *IdentityCenterSetupArgs) {
			a.Assignments = append(a.Assignments, a.Assignments[1])
		}, []string{`assignments[4]: repeats assignments[1] exactly (permission set "Admin", the same ` +
			`principals and the same accountIds, organizationalUnitIds, accountTags and excludeAccountIds, in any order); ` +
			"remove assignments[4], or change it to give other access"}},
		{"duplicate rule in another order", func(a *IdentityCenterSetupArgs) {
			a.Assignments = append(a.Assignments, AssignmentSpec{
				PermissionSet:         "ReadOnly",
				Principals:            []PrincipalRef{{Type: "group", Name: "Auditors"}, {Type: PrincipalGroup, Name: "Auditors"}},
				OrganizationalUnitIDs: []string{icOUDev, icOUProd, icOUDev},
				ExcludeAccountIDs:     []string{"200000000002"},
			})
		}, []string{`assignments[4]: repeats assignments[0] exactly (permission set "ReadOnly"`}},
		{"every duplicate is reported", func(a *IdentityCenterSetupArgs) {
			a.Assignments = append(a.Assignments, a.Assignments[2], a.Assignments[3], a.Assignments[2])
		}, []string{"3 input errors", "assignments[4]: repeats assignments[2] exactly",
			"assignments[5]: repeats assignments[3] exactly", "assignments[6]: repeats assignments[2] exactly"}},
		{"every problem is reported", func(a *IdentityCenterSetupArgs) {
			a.Assignments[0].PermissionSet = "Nope"
			a.Assignments[1].AccountIDs = []string{"1"}
		}, []string{"2 input errors", "assignments[0].permissionSet", "assignments[1].accountIds[0]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icFullArgs()
			tc.mutate(&args)
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			require.Error(t, err)
			require.ErrorContains(t, err, IdentityCenterSetupToken+` "sso"`)
			for _, w := range tc.want {
				require.ErrorContains(t, err, w)
			}
			assert.Empty(t, m.Resources(), "bad input must register nothing")
			assert.Empty(t, m.Invokes(), "bad input must look nothing up")
		})
	}
}

func TestIdentityCenterSetupLookupFailuresRegisterNothing(t *testing.T) {
	t.Parallel()
	t.Run("missing existing principals", func(t *testing.T) {
		t.Parallel()
		args := icFullArgs()
		args.Groups[2].DisplayName = "Missing Auditors"
		args.Assignments[0].Principals[0].Name = "Missing Auditors"
		args.Assignments[3].Principals[0].Name = "Missing Auditors"
		args.Users[1].UserName = "missing.bob"
		args.GroupMemberships[1].User = "missing.bob"
		m := newICMock(icDefaultOrg())
		_, err := icRun(m, args)
		// Both at once, each naming the field, the value and the fix.
		var errs InputErrors
		require.ErrorAs(t, err, &errs)
		require.Len(t, errs, 2, "%v", err)
		assert.Equal(t, "groups[2].displayName", errs[0].Field)
		assert.Equal(t, "Missing Auditors", errs[0].Value)
		require.ErrorContains(t, err, `groups[2].displayName "Missing Auditors" is not a group of identity store `+
			`d-1234567890 (the lookup answered: no Identity Store Group found matching criteria); fix the display `+
			`name, or drop existing to create the group`)
		assert.Equal(t, "users[1].userName", errs[1].Field)
		require.ErrorContains(t, err, `users[1].userName "missing.bob" is not a user of identity store d-1234567890`)
		assert.Empty(t, m.Resources())
	})
	t.Run("account not in the organization", func(t *testing.T) {
		t.Parallel()
		args := icFullArgs()
		args.Assignments[1].AccountIDs = []string{"100000000001", "555555555555"}
		args.Assignments[2].AccountIDs = []string{"666666666666"}
		org := icDefaultOrg()
		org.members = []string{icTestMgmtAccount, "100000000001", "100000000002", "100000000003", "200000000001",
			"200000000002", "300000000001"}
		m := newICMock(org)
		_, err := icRun(m, args)
		var errs InputErrors
		require.ErrorAs(t, err, &errs)
		require.Len(t, errs, 2, "%v", err)
		assert.Equal(t, "assignments[1].accountIds[1]", errs[0].Field)
		assert.Equal(t, "555555555555", errs[0].Value)
		require.ErrorContains(t, err, `assignments[1].accountIds[1] "555555555555" is not an account of the `+
			`organization o-exampleorgid: IAM Identity Center assigns only its accounts; use a member account's ID `+
			`(aws organizations list-accounts), or invite the account into the organization first`)
		require.ErrorContains(t, err, `assignments[2].accountIds[0] "666666666666" is not an account`)
		assert.Empty(t, m.Resources())
	})
	t.Run("accounts unchecked when the organization lists none", func(t *testing.T) {
		t.Parallel()
		// A caller that may not list the organization's accounts (pulumi-aws
		// then returns none) cannot tell: the preview goes on.
		args := icFullArgs()
		args.Assignments[1].AccountIDs = []string{"555555555555"}
		m := newICMock(icDefaultOrg())
		_, err := icRun(m, args)
		require.NoError(t, err)
		assert.Equal(t, 1, m.count(getOrganizationToken))

		// Nor can one that may not read the organization at all: only this
		// check needed the lookup, so the preview goes on.
		org := icDefaultOrg()
		org.orgDenied = true
		denied := newICMock(org)
		_, err = icRun(denied, args)
		require.NoError(t, err)
		assert.NotEmpty(t, denied.ByType(icAssignmentType))
	})
	t.Run("unknown OU", func(t *testing.T) {
		t.Parallel()
		args := icFullArgs()
		args.Assignments[2].OrganizationalUnitIDs = []string{"ou-zz99-gone0000"}
		m := newICMock(icDefaultOrg())
		_, err := icRun(m, args)
		require.ErrorContains(t, err, "listing the accounts below ou-zz99-gone0000")
		assert.Empty(t, m.Resources())
	})
}

func TestIdentityCenterSetupUsesTheComponentsProvider(t *testing.T) {
	t.Parallel()
	args := icFullArgs()
	args.InstanceArn, args.IdentityStoreID = "", ""
	m := newICMock(icDefaultOrg())
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		prov, err := aws.NewProvider(ctx, "identity", &aws.ProviderArgs{Region: pulumi.String("us-west-2")})
		if err != nil {
			return err
		}
		_, err = NewIdentityCenterSetup(ctx, "sso", args, pulumi.Provider(prov))
		return err
	}))
	provURN := m.Find(t, "identity").URN
	invokes := m.Invokes()
	// The instance, two OUs, one existing group, one existing user, and the
	// organization's accounts for the assignments' accountIds.
	require.Len(t, invokes, 6)
	for _, inv := range invokes {
		assert.Truef(t, strings.HasPrefix(inv.Provider, provURN+"::"),
			"lookup %s must use the component's aws provider; got %q", inv.Token, inv.Provider)
	}
	for _, typ := range []string{icPermissionSetType, icAssignmentType, icGroupType, rdaType} {
		for _, r := range m.ByType(typ) {
			assert.Equal(t, provURN, r.ProviderURN(), "provider of %s", r.Name)
		}
	}
}

func TestIdentityCenterSessionDuration(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string // "" means valid
	}{
		{"PT1H", ""},
		{"PT12H", ""},
		{"PT8H", ""},
		{"PT1H30M", ""},
		{"PT90M", ""},
		{"PT3600S", ""},
		{"P0DT2H", ""},
		{"PT59M", "is 59m0s"},
		{"PT12H1M", "is 12h1m0s"},
		{"P1D", "is 24h0m0s"},
		{"PT", "not an ISO 8601 duration"},
		{"P", "not an ISO 8601 duration"},
		{"8h", "not an ISO 8601 duration"},
		{"pt8h", "not an ISO 8601 duration"},
		{"PT1.5H", "not an ISO 8601 duration"},
		{"PT99999999999H", "out of range"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			err := icCheckSessionDuration(tc.in)
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestIdentityCenterSanitizeName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"ReadOnly":             "ReadOnly",
		"Platform Admins":      "Platform-Admins",
		"jane.doe@example.com": "jane.doe@example.com",
		"teams/Extra":          "teams-Extra",
		"a::b":                 "a--b",
		"Équipe":               "-quipe",
		"x_y+z=w,v":            "x_y+z=w,v",
		"":                     "",
	} {
		assert.Equal(t, want, icSanitizeName(in), "icSanitizeName(%q)", in)
	}
}

// TestIdentityCenterManagementAccountLookupFailsFirst checks that a delegated
// admin that the organization lookup reveals to be the management account
// fails before anything is registered.
func TestIdentityCenterManagementAccountLookupFailsFirst(t *testing.T) {
	t.Parallel()
	m := newMocks().withOrganization("111111111111")
	err := m.run(func(ctx *pulumi.Context) error {
		_, err := NewIdentityCenterSetup(ctx, "ic", IdentityCenterSetupArgs{
			InstanceArn:             icTestInstanceArn,
			IdentityStoreID:         icTestStoreID,
			DelegatedAdminAccountID: "111111111111",
		})
		return err
	})
	require.ErrorContains(t, err, `delegatedAdminAccountId "111111111111" is the organization's management account`)
	assert.Empty(t, m.Resources(), "nothing is registered")
}
