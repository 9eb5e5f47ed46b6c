package tests

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// ec2TypesProgram designates IPAM's administrator (ec2.VpcIpamOrganizationAdminAccount),
// GuardDuty's in a default and an opt-in Region (aws.getRegions checks the
// opt-in one at preview), and assigns a permission set in the management
// account (aws.getCallerIdentity checks who runs the component).
const ec2TypesProgram = `resources:
  ipam:
    type: orgtrust:index:OrgServiceIntegration
    properties:
      service: ipam
      delegatedAdminAccountId: "222222222222"
  guardduty:
    type: orgtrust:index:OrgServiceIntegration
    properties:
      service: guardduty
      delegatedAdminAccountId: "222222222222"
      regions: [us-east-1, me-central-1]
    options:
      dependsOn:
        - ${ipam}
  identity-center:
    type: orgtrust:index:IdentityCenterSetup
    properties:
      permissionSets:
        - name: Administrator
          sessionDuration: PT1H
          managedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
      groups:
        - displayName: Platform Admins
      assignments:
        - permissionSet: Administrator
          principals: [{type: GROUP, name: Platform Admins}]
          accountIds: ["111111111111"]
`

// TestEC2TypesRealEngine runs ec2TypesProgram under the real engine with the
// stand-in aws plugin against one fake organization: the preview fails while
// the opt-in Region is not enabled for the deploying account (EC2's
// DescribeRegions) and while STS says the program runs as another account
// than the management account; then up designates IPAM's administrator
// through EC2 (registered with Organizations for ipam.amazonaws.com), a
// preview and a refresh find no change, and destroy removes it.
func TestEC2TypesRealEngine(t *testing.T) {
	t.Parallel()
	home := realEngineHome(t)
	org := realEngineOrg(t)
	dir := yamlProject(t, "orgtrust-ec2-types", ec2TypesProgram)
	env := map[string]string{"ORGTRUST_FAKE_AWS_POLL": "20ms"}
	for _, kv := range org.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{Home: home, Env: env})
	stack.SetConfig("orgtrust:endpoint", org.URL(), false)
	stack.SetConfig("aws:region", fakeorg.Region, false)
	mgmt := fakeorg.DefaultManagementAccountID

	// me-central-1 is not enabled for the management account: aws.getRegions
	// leaves it out, and the preview says so.
	_, err := stack.Preview()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"me-central-1", Middle East (UAE), is an opt-in Region that the account `+
		`deploying this program has not enabled`)
	assert.Positive(t, org.EC2.Calls()["DescribeRegions"], "aws.getRegions asked EC2")
	org.EC2.SetOptIn("222222222222", "me-central-1", fakeservices.OptedIn)
	_, err = stack.Preview()
	require.Error(t, err, "opting in another account does not enable the Region for the deploying one")
	org.EC2.SetOptIn(mgmt, "me-central-1", fakeservices.OptedIn)

	// STS answers that the credentials are the Identity Center
	// administrator's: aws.getCallerIdentity makes the assignment in the
	// management account an error.
	org.STS.SetAccount("444444444444")
	_, err = stack.Preview()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "but the component runs as account 444444444444")
	org.STS.SetAccount(mgmt)

	_, err = stack.Preview()
	require.NoError(t, err, "preview")
	assert.Empty(t, org.Orgs.DelegatedAdmins(fakeservices.IPAMPrincipal), "preview designates nothing")
	before := len(org.Log())
	up, err := stack.Up()
	require.NoError(t, err, "up")
	upLog := org.Log()[before:]
	assert.Len(t, up.Names(apitype.OpCreate, string(catalog.IPAMAdmin)), 1, "one IPAM administrator created")
	assert.Equal(t, []string{"222222222222"}, org.Orgs.DelegatedAdmins(fakeservices.IPAMPrincipal),
		"IPAM's administrator is registered with Organizations")
	assert.Contains(t, org.Orgs.EnabledPrincipals(), fakeservices.IPAMPrincipal, "IPAM's trusted access")
	assert.True(t, slices.ContainsFunc(upLog, func(c fakebrownfield.Call) bool {
		return c.Service == "organizations" && c.Operation == "ListDelegatedAdministrators" &&
			c.Principal == fakeservices.IPAMPrincipal
	}), "the stand-in read IPAM's administrator back from Organizations")
	assert.Equal(t, 1, org.EC2.Calls()["EnableIpamOrganizationAdminAccount"])
	for _, region := range []string{"us-east-1", "me-central-1"} {
		assert.Equal(t, []string{"222222222222"}, org.Admins.Designated()["guardduty"][region],
			"GuardDuty's administrator in %s", region)
	}
	assert.Len(t, org.SSO.Assignments(), 1, "the assignment in the management account")

	_, err = stack.Preview(optpreview.ExpectNoChanges())
	require.NoError(t, err, "preview --expect-no-changes")
	_, err = stack.Refresh(optrefresh.ExpectNoChanges())
	require.NoError(t, err, "refresh --expect-no-changes")
	_, err = stack.Destroy()
	require.NoError(t, err, "destroy")
	assert.Equal(t, 1, org.EC2.Calls()["DisableIpamOrganizationAdminAccount"])
	assert.Empty(t, stack.Resources(), "destroy leaves no resource in the state")
	checkNothingLeft(t, org)
}
