package tests

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

// TestDiscoverTagTargets: where one tag is carried by exactly the ACTIVE
// accounts a principal has a permission set in, and no single OU covers
// them, discover writes an accountTags target instead of an OU and accounts,
// and the plan of the written configuration imports the same assignments;
// where an OU covers them, the OU stays.
func TestDiscoverTagTargets(t *testing.T) {
	t.Parallel()
	o := fb.New(fb.Options{})
	t.Cleanup(o.Close)
	fb.Seed(o)
	// Platform Admins have Administrator in the Sandbox OU's two accounts and
	// the management account: exactly the accounts tagged access=admin.
	for _, a := range []string{fb.Sandbox1, fb.Sandbox2, fb.Management} {
		o.Orgs.TagAccount(a, map[string]string{"access": "admin"})
	}
	// The Workloads OU covers Developers' Developer accounts: its tag is not
	// written.
	for _, a := range []string{fb.Prod1, fb.Prod2, fb.Dev1} {
		o.Orgs.TagAccount(a, map[string]string{"tier": "workload"})
	}
	out := t.TempDir()
	_, stderr, code := discoverCmd(t, o.Env(), "--stack", "brown", "--out", out,
		"--regions", "us-east-1,eu-west-1")
	require.Equal(t, 0, code, "stderr:\n%s", stderr)
	written := readDir(t, out)
	config := written["Pulumi.brown.yaml"]
	assert.Contains(t, config, "      - permissionSet: Administrator\n        principals:\n          - type: GROUP\n"+
		"            name: Platform Admins\n        accountTags:\n          - key: access\n            values: [admin]\n")
	assert.NotContains(t, config, "key: tier", "an OU that covers the accounts stays")
	assert.Contains(t, config, "organizationalUnitIds: [ou-ex12-workload1]")
	assert.Contains(t, written["plan-fixtures.brown.yaml"], "access: admin", "the fixtures give the tags")

	text := rediscoverAndPlan(t, o, out, written)
	assert.Contains(t, text, "orgtrust:index:getOrganizationAccounts tagKeys access")
	// The tag rule's accounts, in the assignment set: the summary's rule line.
	summary := exec.Command(orgtrustCommand(t), "plan", "-format", "summary", "-config",
		filepath.Join(out, "Pulumi.brown.yaml"), "-fixtures", filepath.Join(out, "plan-fixtures.brown.yaml"))
	summary.Dir = engine.RepoRoot()
	lines, err := summary.CombinedOutput()
	require.NoError(t, err, "%s", lines)
	assert.Regexp(t, `\] Administrator to group Platform Admins in accounts tagged access=admin: 3 accounts, 3 `+
		`assignments\n`, string(lines), "the tag's accounts: %s, %s and %s", fb.Sandbox1, fb.Sandbox2, fb.Management)
	assert.Contains(t, text, "First `pulumi up`: 22 resources to create, 41 to import",
		"the same imports as with OU targets (TestDiscoverCommand)")
}
