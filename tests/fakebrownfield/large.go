package fakebrownfield

import (
	"fmt"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// Large is the size of a generated large organization.
type Large struct {
	// Accounts are spread over leaf OUs of AccountsPerOU, in groups of
	// LeavesPerBranch below the root's branches.
	Accounts, AccountsPerOU, LeavesPerBranch int
	PermissionSets                           int
	// GroupAssignments: GroupsAssigned groups each get PermissionSetsPerGroup
	// permission sets in every account of one leaf OU. UserAssignments: each
	// of UsersAssigned users gets one permission set in AccountsPerUser
	// accounts.
	GroupsAssigned, PermissionSetsPerGroup int
	UsersAssigned, AccountsPerUser         int
	// Unassigned principals exist in the identity store and have no
	// assignment.
	GroupsUnassigned, UsersUnassigned int
}

// Assignments is the number of assignments the organization has.
func (l Large) Assignments() int {
	return l.GroupsAssigned*l.PermissionSetsPerGroup*l.AccountsPerOU + l.UsersAssigned*l.AccountsPerUser
}

// Principals is the number of groups and users of the identity store.
func (l Large) Principals() int {
	return l.GroupsAssigned + l.GroupsUnassigned + l.UsersAssigned + l.UsersUnassigned
}

// Units is the number of OUs.
func (l Large) Units() int {
	leaves := l.Accounts / l.AccountsPerOU
	return leaves + leaves/l.LeavesPerBranch
}

// Workload is the large-organization workload of the benchmark: 2,000
// accounts, 1,500 permission sets, 50,000 assignments.
var Workload = Large{
	Accounts: 2000, AccountsPerOU: 20, LeavesPerBranch: 5, PermissionSets: 1500,
	GroupsAssigned: 240, PermissionSetsPerGroup: 10, UsersAssigned: 1000, AccountsPerUser: 2,
	GroupsUnassigned: 60, UsersUnassigned: 500,
}

// SeedLarge fills the organization with a generated large one, as a big
// platform team's is: every account in a leaf OU, group assignments to whole
// OUs, user assignments to single accounts. Returns the permission set ARNs.
func SeedLarge(o *Org, l Large) []string {
	leaves := l.Accounts / l.AccountsPerOU
	var accounts [][]string // by leaf OU
	for leaf := range leaves {
		branch := fmt.Sprintf("ou-lg01-branch%03d", leaf/l.LeavesPerBranch)
		if leaf%l.LeavesPerBranch == 0 {
			o.Orgs.AddOU(fakeorg.RootID, branch, branch)
		}
		ou := fmt.Sprintf("ou-lg01-leaf%04d", leaf)
		o.Orgs.AddOU(branch, ou, ou)
		var ids []string
		for i := range l.AccountsPerOU {
			id := fmt.Sprintf("5%011d", leaf*l.AccountsPerOU+i)
			o.Orgs.AddAccount(ou, id, "account-"+id, "")
			ids = append(ids, id)
		}
		accounts = append(accounts, ids)
	}
	o.Orgs.EnableOutOfBand("sso.amazonaws.com")
	var arns []string
	for i := range l.PermissionSets {
		ps := fakesso.PermissionSet{Name: fmt.Sprintf("ps-%04d", i), SessionDuration: "PT4H",
			ManagedPolicies: []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"}}
		if i%3 == 0 {
			ps.CustomerManagedPolicies = [][2]string{{"/", fmt.Sprintf("Team%04d", i)}}
		}
		arns = append(arns, o.SSO.AddPermissionSet(ps))
	}
	var put []fakesso.Assignment
	for g := range l.GroupsAssigned + l.GroupsUnassigned {
		id := fmt.Sprintf("a0000000-0000-0000-0000-%012d", g)
		o.SSO.AddGroup(id, fmt.Sprintf("group-%04d", g))
		if g >= l.GroupsAssigned {
			continue
		}
		for k := range l.PermissionSetsPerGroup {
			ps := arns[(g*l.PermissionSetsPerGroup+k)%len(arns)]
			for _, a := range accounts[g%leaves] {
				put = append(put, fakesso.Assignment{PermissionSetArn: ps, PrincipalType: "GROUP", PrincipalID: id,
					AccountID: a})
			}
		}
	}
	for u := range l.UsersAssigned + l.UsersUnassigned {
		id := fmt.Sprintf("b0000000-0000-0000-0000-%012d", u)
		o.SSO.AddUser(id, fmt.Sprintf("user-%05d@example.com", u))
		if u >= l.UsersAssigned {
			continue
		}
		for k := range l.AccountsPerUser {
			leaf := accounts[(u+k)%leaves]
			put = append(put, fakesso.Assignment{PermissionSetArn: arns[u%len(arns)], PrincipalType: "USER",
				PrincipalID: id, AccountID: leaf[(u*7+k)%len(leaf)]})
		}
	}
	o.SSO.Put(put...)
	return arns
}
