package discover

import (
	"slices"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// Inventory is what discover read from the organization, sorted wherever it
// is a list, so that the same organization gives the same inventory.
type Inventory struct {
	// Region is the configured Region; Regions are those the services'
	// per-Region admin APIs were read in.
	Region  string
	Regions []string
	// Services are the catalog keys read.
	Services []string

	Organization Organization
	// EnabledPrincipals are the service principals with trusted access.
	EnabledPrincipals []string
	// OrgAdmins are Organizations' delegated administrators, by principal,
	// each list sorted.
	OrgAdmins map[string][]string
	// ServiceAdmins are the services' own delegated administrators, by
	// catalog key and Region ("" for a service read once).
	ServiceAdmins map[string]map[string][]string

	// IdentityCenter is nil when it was not read.
	IdentityCenter *IdentityCenter
	// ServiceCatalog is nil when it was not read.
	ServiceCatalog *ServiceCatalog

	// OrgConfigs are the services' organization configurations, by catalog
	// key and Region ("" for a service read once), each with the service's
	// block only; AdministratorRoles the role each was read through.
	OrgConfigs         map[string]map[string]components.OrganizationConfiguration
	AdministratorRoles map[string]string
	// GuardDutyDetectors are the administrators' detectors, by
	// "account/Region".
	GuardDutyDetectors map[string]string
	// OrgConfigIDs are the import IDs AWS assigned to the configuration's
	// resources, by catalog key, then by adopt.organizationConfigurationIds
	// key (Security Hub's aggregator and policies, Detective's graphs).
	OrgConfigIDs map[string]map[string]string

	// Unreadable is what could not be read, and why.
	Unreadable []Problem
}

// Problem is something discover could not read or cannot manage.
type Problem struct {
	// What names it, such as "GuardDuty's administrator in eu-west-1".
	What string
	// Why says why, and what to do.
	Why string
}

// Organization is the organization's structure.
type Organization struct {
	ID                  string
	ManagementAccountID string
	// Root is the root's ID (r-...).
	Root string
	// Units are the root and every OU, by ID.
	Units map[string]*Unit
	// Accounts are every account, by ID.
	Accounts map[string]Account
}

// Unit is the root or an OU.
type Unit struct {
	ID, Name, Parent string
	// Children are the child OUs' IDs, sorted.
	Children []string
	// Accounts are the IDs of the accounts directly in it, sorted.
	Accounts []string
}

// Account is one account of the organization.
type Account struct {
	ID, Name, Status, Parent string
	// Tags are the account's AWS Organizations tags, read when Identity
	// Center has assignments (identitycenter_tags.go).
	Tags map[string]string
}

// IdentityCenter is an IAM Identity Center instance and what it holds.
type IdentityCenter struct {
	InstanceArn, IdentityStoreID string
	// PermissionSets are sorted by name.
	PermissionSets []PermissionSet
	// Groups and Users are every principal of the identity store: display
	// name by group ID, user name by user ID.
	Groups, Users map[string]string
	// Assignments are sorted by permission set ARN, principal and account.
	Assignments []Assignment
	// AccessControlAttributes are sorted by key.
	AccessControlAttributes []Attribute
	// Memberships are the user members of the groups that have assignments,
	// sorted by group and user ID (identitycenter_memberships.go).
	Memberships []Membership
}

// Membership is a user's membership in a group.
type Membership struct {
	ID, GroupID, UserID string
}

// PermissionSet is one permission set with its policies.
type PermissionSet struct {
	Arn, Name, Description, SessionDuration, RelayState string
	Tags                                                map[string]string
	// ManagedPolicies are sorted ARNs.
	ManagedPolicies []string
	// CustomerManagedPolicies are sorted by path and name.
	CustomerManagedPolicies []PolicyRef
	InlinePolicy            string
	// Boundary is nil when the permission set has none.
	Boundary *Boundary
}

// PolicyRef is a customer managed policy, by name and path.
type PolicyRef struct{ Name, Path string }

// Boundary is a permissions boundary: a managed policy ARN or a customer
// managed policy.
type Boundary struct {
	ManagedPolicyArn string
	Customer         *PolicyRef
}

// Assignment is one account assignment.
type Assignment struct {
	PermissionSetArn, PrincipalType, PrincipalID, AccountID string
}

// Attribute is one attribute for access control.
type Attribute struct {
	Key     string
	Sources []string
}

// ServiceCatalog is Service Catalog's organization access and portfolios.
type ServiceCatalog struct {
	// AccessStatus is GetAWSOrganizationsAccessStatus's answer, such as
	// ENABLED or DISABLED.
	AccessStatus string
	// Portfolios are sorted by ID.
	Portfolios []Portfolio
}

// Portfolio is one portfolio of the account, with its shares and principals.
type Portfolio struct {
	ID, Name, Description, ProviderName string
	Tags                                map[string]string
	// Shares are sorted by type and principal.
	Shares []Share
	// Principals are sorted by ARN.
	Principals []PortfolioPrincipal
}

// Share is one share of a portfolio.
type Share struct {
	Type, PrincipalID                string
	ShareTagOptions, SharePrincipals bool
}

// PortfolioPrincipal is a principal associated with a portfolio.
type PortfolioPrincipal struct{ ARN, Type string }

// activeBelow returns the ACTIVE accounts anywhere below unit id, sorted.
func (o *Organization) activeBelow(id string) []string {
	var out []string
	var walk func(string)
	walk = func(id string) {
		u := o.Units[id]
		if u == nil {
			return
		}
		for _, a := range u.Accounts {
			if o.Accounts[a].Status == "ACTIVE" {
				out = append(out, a)
			}
		}
		for _, c := range u.Children {
			walk(c)
		}
	}
	walk(id)
	slices.Sort(out)
	return out
}

// allBelow returns every account anywhere below unit id, sorted.
func (o *Organization) allBelow(id string) []string {
	var out []string
	var walk func(string)
	walk = func(id string) {
		u := o.Units[id]
		if u == nil {
			return
		}
		out = append(out, u.Accounts...)
		for _, c := range u.Children {
			walk(c)
		}
	}
	walk(id)
	slices.Sort(out)
	return out
}
