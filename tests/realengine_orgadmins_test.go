package tests

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// orgAdminsProgram is a YAML program whose OrgIntegrations designates
// 222222222222 the delegated administrator of the catalog's three services
// whose own API registers it with Organizations: Audit Manager (per Region,
// in two), CloudTrail and Firewall Manager.
const orgAdminsProgram = `name: orgtrust-org-admins
runtime: yaml
resources:
  integrations:
    type: orgtrust:index:OrgIntegrations
    properties:
      integrations:
        - name: auditmanager
          args:
            service: auditmanager
            delegatedAdminAccountId: "222222222222"
            regions: [us-east-1, us-west-2]
        - name: cloudtrail
          args:
            service: cloudtrail
            delegatedAdminAccountId: "222222222222"
        - name: fms
          args:
            service: fms
            delegatedAdminAccountId: "222222222222"
`

// TestOrgAdminsRealEngine runs orgAdminsProgram under the real engine with
// the stand-in aws plugin (aws:auditmanager's
// OrganizationAdminAccountRegistration, aws:cloudtrail's
// OrganizationDelegatedAdminAccount, aws:fms's AdminAccount) against a fake
// organization: up registers each administrator in the organization after
// enabling the service's trusted access, a preview and a refresh then find
// no change, and destroy removes the administrators before any trusted
// access is disabled, leaving none.
func TestOrgAdminsRealEngine(t *testing.T) {
	t.Parallel()
	home := realEngineHome(t)
	org := realEngineOrg(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), []byte(orgAdminsProgram), 0o644))
	env := map[string]string{"ORGTRUST_FAKE_AWS_POLL": "20ms"}
	for _, kv := range org.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	stack := engine.NewProjectStack(t, dir, engine.ProjectOptions{Home: home, Env: env})
	stack.SetConfig("orgtrust:endpoint", org.URL(), false)
	stack.SetConfig("aws:region", fakeorg.Region, false)

	principals := slices.Collect(maps.Values(fakeservices.OrgAdminPrincipals))
	for _, p := range principals {
		require.Empty(t, org.Orgs.DelegatedAdmins(p), "no administrator for %s before up", p)
	}
	_, err := stack.Preview()
	require.NoError(t, err, "preview")
	for _, p := range principals {
		assert.Empty(t, org.Orgs.DelegatedAdmins(p), "preview registers no administrator for %s", p)
	}
	before := len(org.Log())
	_, err = stack.Up()
	require.NoError(t, err, "up")
	upLog := org.Log()[before:]
	for _, p := range principals {
		assert.Equal(t, []string{"222222222222"}, org.Orgs.DelegatedAdmins(p), "up registers the administrator for %s", p)
		assert.Contains(t, org.Orgs.EnabledPrincipals(), p, "up enables trusted access for %s", p)
	}
	assert.Equal(t, map[string][]string{"us-east-1": {"222222222222"}, "us-west-2": {"222222222222"}},
		org.Admins.Designated()[fakeservices.AuditManager], "Audit Manager's administrator in each Region")
	_, err = stack.Preview(optpreview.ExpectNoChanges())
	require.NoError(t, err, "preview --expect-no-changes")
	_, err = stack.Refresh(optrefresh.ExpectNoChanges())
	require.NoError(t, err, "refresh --expect-no-changes")
	before = len(org.Log())
	_, err = stack.Destroy()
	require.NoError(t, err, "destroy")
	destroyLog := org.Log()[before:]

	// Each service's administrator writes, and their order against trusted access.
	writes := map[string][2]string{
		"auditmanager": {"POST /account/registerOrganizationAdminAccount", "POST /account/deregisterOrganizationAdminAccount"},
		"cloudtrail":   {"RegisterOrganizationDelegatedAdmin", "DeregisterOrganizationDelegatedAdmin"},
		"fms":          {"AssociateAdminAccount", "DisassociateAdminAccount"},
	}
	for svc, ops := range writes {
		p := fakeservices.OrgAdminPrincipals[svc]
		enable := slices.IndexFunc(upLog, func(c fakebrownfield.Call) bool {
			return c.Operation == "EnableAWSServiceAccess" && c.Principal == p
		})
		register := slices.IndexFunc(upLog, func(c fakebrownfield.Call) bool { return c.Service == svc && c.Operation == ops[0] })
		require.GreaterOrEqual(t, enable, 0, "up enables trusted access for %s", p)
		require.GreaterOrEqual(t, register, 0, "up calls %s:%s", svc, ops[0])
		assert.Less(t, enable, register, "trusted access for %s before its administrator", p)
		deregister := slices.IndexFunc(destroyLog, func(c fakebrownfield.Call) bool {
			return c.Service == svc && c.Operation == ops[1]
		})
		require.GreaterOrEqual(t, deregister, 0, "destroy calls %s:%s", svc, ops[1])
		if disable := slices.IndexFunc(destroyLog, func(c fakebrownfield.Call) bool {
			return c.Operation == "DisableAWSServiceAccess" && c.Principal == p
		}); disable >= 0 {
			assert.Less(t, deregister, disable, "%s's administrator removed before trusted access is disabled", p)
		}
	}
	checkIntegrationOrder(t, upLog, destroyLog)
	for _, p := range principals {
		assert.Empty(t, org.Orgs.DelegatedAdmins(p), "destroy removes the administrator for %s", p)
	}
	assert.Empty(t, stack.Resources(), "destroy leaves no resource in the state")
	checkNothingLeft(t, org)
}
