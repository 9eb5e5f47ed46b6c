package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// scaleShape is a generated organization of the shape issue 19 measures:
// every permission set is assigned to every group in every ACTIVE account of
// one OU, so it makes permissionSets × groups × accounts assignments.
type scaleShape struct {
	permissionSets, groups, accounts int
	// suspended accounts are listed in the OU too; they get no assignment.
	suspended int
	// extras adds an existing group (looked up, "Auditors") with two more
	// rules: one over the OU and an account outside it, less the OU's first
	// account; and one giving two accounts only.
	extras bool
	// mode is identityCenter.assignmentsMode ("" for the default).
	mode string
}

// scaleOrg is 20 permission sets × 5 groups × one OU of accounts ACTIVE
// accounts: 100 assignments per account.
func scaleOrg(accounts int) scaleShape {
	return scaleShape{permissionSets: 20, groups: 5, accounts: accounts}
}

func (s scaleShape) assignments() int { return s.permissionSets * s.groups * s.accounts }

const scaleOU = "ou-ab12-workload"

func scalePermissionSet(i int) string { return fmt.Sprintf("PermissionSet%02d", i+1) }
func scaleGroup(i int) string         { return fmt.Sprintf("Team %02d", i+1) }
func scaleAccountID(i int) string     { return fmt.Sprintf("%012d", 300000000000+i) }

// stackConfig is the stack configuration, in Pulumi.example.yaml's format:
// Identity Center with its delegated administrator, the permission sets (each
// with one AWS managed policy), the groups, and one assignment rule per
// permission set giving it to every group in the OU.
func (s scaleShape) stackConfig() string {
	var b strings.Builder
	b.WriteString("config:\n  aws:region: us-east-1\n  orgtrust-baseline:managementAccountId: \"111111111111\"\n")
	b.WriteString("  orgtrust-baseline:identityCenter:\n    delegatedAdminAccountId: \"444444444444\"\n")
	if s.mode != "" {
		fmt.Fprintf(&b, "    assignmentsMode: %s\n", s.mode)
	}
	b.WriteString("    permissionSets:\n")
	for p := range s.permissionSets {
		fmt.Fprintf(&b, "      - {name: %s, sessionDuration: PT8H, managedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]}\n",
			scalePermissionSet(p))
	}
	b.WriteString("    groups:\n")
	for g := range s.groups {
		fmt.Fprintf(&b, "      - {displayName: %s}\n", scaleGroup(g))
	}
	if s.extras {
		b.WriteString("      - {displayName: Auditors, existing: true}\n")
	}
	b.WriteString("    assignments:\n")
	for p := range s.permissionSets {
		fmt.Fprintf(&b, "      - permissionSet: %s\n        principals:\n", scalePermissionSet(p))
		for g := range s.groups {
			fmt.Fprintf(&b, "          - {type: GROUP, name: %s}\n", scaleGroup(g))
		}
		fmt.Fprintf(&b, "        organizationalUnitIds: [%s]\n", scaleOU)
	}
	if s.extras {
		fmt.Fprintf(&b, "      - permissionSet: %s\n        principals: [{type: GROUP, name: Auditors}]\n"+
			"        accountIds: [\"999999999999\"]\n        organizationalUnitIds: [%s]\n"+
			"        excludeAccountIds: [\"%s\"]\n", scalePermissionSet(0), scaleOU, scaleAccountID(0))
		fmt.Fprintf(&b, "      - permissionSet: %s\n        principals: [{type: GROUP, name: Auditors}]\n"+
			"        accountIds: [\"999999999999\", \"999999999998\"]\n", scalePermissionSet(1))
	}
	return b.String()
}

// fixtures answer the lookups, in plan-fixtures.yaml's format: the
// organization, the Identity Center instance, and the OU's accounts.
func (s scaleShape) fixtures() string {
	var b strings.Builder
	b.WriteString("organization: {id: o-a1b2c3d4e5, managementAccountId: \"111111111111\"}\n")
	b.WriteString("identityCenter:\n  instanceArn: arn:aws:sso:::instance/ssoins-72230a3a5ca7d0c6\n" +
		"  identityStoreId: d-9067e3c0ab\n")
	if s.extras {
		b.WriteString("groups: {Auditors: 9a6721f4-b0c1-70d2-8e3f-1234567890ab}\n")
	}
	fmt.Fprintf(&b, "organizationalUnits:\n  %s:\n", scaleOU)
	for i := range s.accounts + s.suspended {
		status := "ACTIVE"
		if i >= s.accounts {
			status = "SUSPENDED"
		}
		fmt.Fprintf(&b, "    - {id: \"%s\", name: account-%d, status: %s}\n", scaleAccountID(i), i, status)
	}
	return b.String()
}

// write writes Pulumi.<stack>.yaml and its fixtures into dir and returns
// their paths.
func (s scaleShape) write(t testing.TB, dir, stack string) (stackConfig, fixtures string) {
	t.Helper()
	stackConfig = filepath.Join(dir, "Pulumi."+stack+".yaml")
	fixtures = filepath.Join(dir, stack+"-fixtures.yaml")
	require.NoError(t, os.WriteFile(stackConfig, []byte(s.stackConfig()), 0o600))
	require.NoError(t, os.WriteFile(fixtures, []byte(s.fixtures()), 0o600))
	return stackConfig, fixtures
}
