package tests

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

// TestDiscoverGroupMemberships: discover writes the members of the groups it
// writes (those with assignments) as groupMemberships, the members as
// existing users, and adopt.groupMemberships with each membership's ID, so
// that `orgtrust plan` imports each membership with pulumi-aws's import ID
// (<identity store>/<membership id>); a membership of a group it does not
// write is left out.
func TestDiscoverGroupMemberships(t *testing.T) {
	t.Parallel()
	o := fb.New(fb.Options{})
	t.Cleanup(o.Close)
	fb.Seed(o)
	auditors := o.SSO.AddMembership(fb.GroupAuditors, fb.UserUnassigned)
	admins := o.SSO.AddMembership(fb.GroupPlatformAdmins, fb.UserBreakGlass)
	o.SSO.AddMembership(fb.GroupUnassigned, fb.UserUnassigned)
	out := t.TempDir()
	_, stderr, code := discoverCmd(t, o.Env(), "--stack", "brown", "--out", out,
		"--regions", "us-east-1,eu-west-1")
	require.Equal(t, 0, code, "stderr:\n%s", stderr)
	assert.Contains(t, stderr, "identity center: 2 memberships of 3 groups")
	written := readDir(t, out)
	config := written["Pulumi.brown.yaml"]
	assert.Contains(t, config, "groupMemberships:")
	assert.Contains(t, config, "membershipId: "+auditors)
	assert.Contains(t, config, "membershipId: "+admins)
	assert.Contains(t, config, "userName: jane@example.com", "a member is written as an existing user")
	assert.NotContains(t, config, "group: Unassigned", "the members of a group discover does not write")

	text := rediscoverAndPlan(t, o, out, written)
	assert.Regexp(t, `identity-center-member-Auditors-jane@example.com \(aws:identitystore/groupMembership:`+
		`GroupMembership\)\n\s+parent\s+#\d+ identity-center\n\s+import\s+d-1111111111/`+auditors,
		text, "the plan imports the membership with pulumi-aws's import ID")
	assert.Contains(t, written["discover-report.brown.txt"], "2  aws:identitystore/groupMembership:GroupMembership")
}
