package discover

import (
	"context"
	"fmt"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
)

// readTree reads the organization's root, OUs and accounts: one
// ListOrganizationalUnitsForParent and one ListAccountsForParent sweep per
// root and OU, so the calls grow with the OUs and the pages of accounts,
// never with the accounts times anything.
func (d *discoverer) readTree(ctx context.Context) error {
	org := &d.inv.Organization
	org.Units, org.Accounts = map[string]*Unit{}, map[string]Account{}
	var roots []string
	pages := organizations.NewListRootsPaginator(d.c.orgs, &organizations.ListRootsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing the organization's root (organizations:ListRoots): %w", err)
		}
		for _, r := range page.Roots {
			roots = append(roots, aws.ToString(r.Id))
			org.Units[aws.ToString(r.Id)] = &Unit{ID: aws.ToString(r.Id), Name: aws.ToString(r.Name)}
		}
	}
	if len(roots) != 1 {
		return fmt.Errorf("organizations:ListRoots returned %d roots; an organization has exactly one", len(roots))
	}
	org.Root = roots[0]
	queue, processed := []string{org.Root}, 0
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		u := org.Units[id]
		ous := organizations.NewListOrganizationalUnitsForParentPaginator(d.c.orgs,
			&organizations.ListOrganizationalUnitsForParentInput{ParentId: aws.String(id)})
		for ous.HasMorePages() {
			page, err := ous.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the OUs below %s (organizations:ListOrganizationalUnitsForParent): %w", id, err)
			}
			for _, ou := range page.OrganizationalUnits {
				cid := aws.ToString(ou.Id)
				org.Units[cid] = &Unit{ID: cid, Name: aws.ToString(ou.Name), Parent: id}
				u.Children = append(u.Children, cid)
				queue = append(queue, cid)
			}
		}
		accounts := organizations.NewListAccountsForParentPaginator(d.c.orgs,
			&organizations.ListAccountsForParentInput{ParentId: aws.String(id)})
		for accounts.HasMorePages() {
			page, err := accounts.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the accounts in %s (organizations:ListAccountsForParent): %w", id, err)
			}
			for _, a := range page.Accounts {
				status := string(a.Status) //nolint:staticcheck // State is newer; pulumi-aws reads Status
				if status == "" {
					status = string(a.State)
				}
				aid := aws.ToString(a.Id)
				org.Accounts[aid] = Account{ID: aid, Name: aws.ToString(a.Name), Status: status, Parent: id}
				u.Accounts = append(u.Accounts, aid)
			}
		}
		slices.Sort(u.Children)
		slices.Sort(u.Accounts)
		if processed++; processed%100 == 0 {
			d.progress("organization: %d OUs, %d accounts so far", len(org.Units)-1, len(org.Accounts))
		}
	}
	d.progress("organization: %d OUs, %d accounts", len(org.Units)-1, len(org.Accounts))
	return nil
}

// readTrustedAccess reads the principals with trusted access.
func (d *discoverer) readTrustedAccess(ctx context.Context) error {
	pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(d.c.orgs,
		&organizations.ListAWSServiceAccessForOrganizationInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing trusted access (organizations:ListAWSServiceAccessForOrganization): %w", err)
		}
		for _, p := range page.EnabledServicePrincipals {
			d.inv.EnabledPrincipals = append(d.inv.EnabledPrincipals, aws.ToString(p.ServicePrincipal))
		}
	}
	slices.Sort(d.inv.EnabledPrincipals)
	return nil
}

// readOrgAdmins reads Organizations' delegated administrators: the accounts,
// then the services of each, so the calls grow with the administrator
// accounts, not with the principals of the catalog.
func (d *discoverer) readOrgAdmins(ctx context.Context) error {
	d.inv.OrgAdmins = map[string][]string{}
	var admins []string
	pages := organizations.NewListDelegatedAdministratorsPaginator(d.c.orgs,
		&organizations.ListDelegatedAdministratorsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing delegated administrators (organizations:ListDelegatedAdministrators): %w", err)
		}
		for _, a := range page.DelegatedAdministrators {
			admins = append(admins, aws.ToString(a.Id))
		}
	}
	slices.Sort(admins)
	for _, account := range admins {
		services := organizations.NewListDelegatedServicesForAccountPaginator(d.c.orgs,
			&organizations.ListDelegatedServicesForAccountInput{AccountId: aws.String(account)})
		for services.HasMorePages() {
			page, err := services.NextPage(ctx)
			if err != nil {
				return fmt.Errorf("listing the services delegated to %s (organizations:ListDelegatedServicesForAccount): "+
					"%w", account, err)
			}
			for _, s := range page.DelegatedServices {
				p := aws.ToString(s.ServicePrincipal)
				d.inv.OrgAdmins[p] = append(d.inv.OrgAdmins[p], account)
			}
		}
	}
	for p := range d.inv.OrgAdmins {
		slices.Sort(d.inv.OrgAdmins[p])
	}
	return nil
}
