package components

import (
	"fmt"
	"slices"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// This file turns OrgServiceIntegrationArgs into a plan: the principals to
// enable, the enable path and the delegated-administrator mechanism, decided
// from plain values before anything is registered.

// integrationPlan is a validated OrgServiceIntegration: everything needed to
// register its children, decided before anything is registered.
type integrationPlan struct {
	name string
	args OrgServiceIntegrationArgs
	// svc is the catalog entry; known is false for an allowed unknown principal.
	svc   Service
	known bool
	// principals are the principals to enable, primary first; empty when the
	// service could not be resolved.
	principals []string
	// enablePath is organizations, service or none.
	enablePath string
	// enableResource is the pulumi-aws token used with enablePath service;
	// the admin resource's token when it also enables access (IPAM).
	enableResource catalog.ResourceType
	// admin is the delegated admin account; "" for none.
	admin string
	// adminMechanism and adminResource say how the admin is registered.
	adminMechanism DelegatedAdminMechanism
	adminResource  catalog.ResourceType
	// regions are sorted; empty means the component's own provider.
	regions []string
	// orgConfig is the checked organization configuration; nil when none.
	orgConfig *orgConfigPlan
}

// label names the service in errors: "GuardDuty (guardduty)" or the principal.
func (p *integrationPlan) label() string {
	if !p.known {
		return fmt.Sprintf("%q (outside the catalog)", p.principals[0])
	}
	return fmt.Sprintf("%s (%s)", p.svc.DisplayName, p.svc.Key)
}

// needsManagementLookup says whether the management account must be looked up
// to check that the delegated admin is not the management account.
func (p *integrationPlan) needsManagementLookup() bool {
	return (p.admin != "" && p.args.ManagementAccountID == "") || p.adoptNeedsManagement() || p.needsMemberEmails()
}

// checkManagementAccount rejects the management account as delegated admin;
// source says where managementAccountID comes from.
func (p *integrationPlan) checkManagementAccount(managementAccountID, source string) *InputError {
	if p.admin != "" && p.admin == managementAccountID {
		return managementAsAdmin("delegatedAdminAccountId", p.admin, source)
	}
	return nil
}

// checkAgainst checks the plan against the organization, read by
// lookupOrganization, when its input did not give the management account
// (the plan checked a given one already), and records the account read.
func (p *integrationPlan) checkAgainst(org organization) *InputError {
	if p.args.ManagementAccountID != "" {
		return nil
	}
	p.args.ManagementAccountID = org.managementAccountID
	return p.checkManagementAccount(org.managementAccountID, "read from the organization")
}

// planOrgServiceIntegration validates args without registering or looking
// anything up. It reports every independent problem; the checks that need
// the service (its delegated-admin mechanism, enable path and Regions) wait
// until it resolves and the accounts are valid. The plan is complete only
// when there are no errors.
func planOrgServiceIntegration(name string, args OrgServiceIntegrationArgs) (*integrationPlan, InputErrors) {
	p := &integrationPlan{name: name, args: args, admin: args.DelegatedAdminAccountID}
	var errs InputErrors
	serviceOK := p.resolveService(&errs)
	accountsOK := p.checkAccounts(&errs)
	enableViaOK := p.checkEnableVia(&errs)
	regionsOK := p.checkRegionNames(&errs)
	if serviceOK && accountsOK && p.resolveAdmin(&errs) {
		if enableViaOK {
			p.resolveEnablePath(&errs)
		}
		if regionsOK {
			p.resolveRegions(&errs)
		}
		if regionsOK {
			p.checkOrgConfiguration(&errs)
		}
		if enableViaOK && regionsOK && len(errs) == 0 {
			p.checkAdopt(&errs)
		}
	}
	return p, withText(checkText(args), errs)
}

func (p *integrationPlan) resolveService(errs *InputErrors) bool {
	args := p.args
	switch {
	case (args.Service == "") == (args.ServicePrincipal == ""):
		errs.add("", "", "set exactly one of service and servicePrincipal; got service %q and "+
			"servicePrincipal %q: use service for a catalog key such as %q, or servicePrincipal for one "+
			"principal such as %q", args.Service, args.ServicePrincipal, "guardduty", "guardduty.amazonaws.com")
		return false
	case args.Service != "":
		svc, err := ResolveService("service", args.Service)
		if err != nil {
			*errs = append(*errs, err.(*InputError))
			return false
		}
		p.svc, p.known, p.principals = svc, true, slices.Clone(svc.Principals)
	default:
		// Force is checked later, with the enable path: a serviceOnly service
		// is fine when it is not enabled through Organizations.
		svc, err := ValidatePrincipal("servicePrincipal", args.ServicePrincipal, PrincipalOptions{
			AllowUnknown: args.AllowUnknownPrincipal, Force: true,
		})
		if err != nil {
			*errs = append(*errs, err.(*InputError))
			return false
		}
		p.svc, p.known, p.principals = svc, svc.Key != "", []string{args.ServicePrincipal}
	}
	return true
}

func (p *integrationPlan) checkAccounts(errs *InputErrors) bool {
	ok := true
	if p.admin != "" && !accountIDPattern.MatchString(p.admin) {
		errs.notAccountID("delegatedAdminAccountId", p.admin, "a member account",
			", or leave it empty to register no delegated administrator")
		ok = false
	}
	if m := p.args.ManagementAccountID; m != "" {
		if !accountIDPattern.MatchString(m) {
			errs.notManagementAccountID(m)
			return false
		}
		if ok {
			if e := p.checkManagementAccount(m, "managementAccountId"); e != nil {
				*errs = append(*errs, e)
				ok = false
			}
		}
	}
	return ok
}

// checkEnableVia checks that enableVia is one of its values.
func (p *integrationPlan) checkEnableVia(errs *InputErrors) bool {
	switch p.args.EnableVia {
	case enableViaDefault, enableViaOrganizations, enableViaService, enableViaNone:
		return true
	}
	errs.addSubject("enableVia", p.args.EnableVia, "%q is not a valid value: use %q (the catalog's "+
		"recommendation, the default), %q, %q or %q", p.args.EnableVia, enableViaDefault, enableViaOrganizations,
		enableViaService, enableViaNone)
	return false
}

// checkRegionNames checks what the Regions are, whatever the service: Region
// names, each once, and a delegated administrator to designate in them.
func (p *integrationPlan) checkRegionNames(errs *InputErrors) bool {
	if len(p.args.Regions) == 0 {
		return true
	}
	ok := true
	if p.admin == "" {
		errs.addSubject("regions", "", "%v apply only to the delegated administrator, and delegatedAdminAccountId is "+
			"empty: set delegatedAdminAccountId, or remove regions", p.args.Regions)
		ok = false
	}
	seen := map[string]bool{}
	var first string // the first known Region, whose partition the others must share
	for _, r := range p.args.Regions {
		regionErr := catalog.CheckRegion(r)
		switch {
		case seen[r]:
			errs.add("regions", r, "%q is listed twice: list each Region once", r)
			ok = false
		case regionErr != nil:
			errs.add("regions", r, "%s", regionErr)
			ok = false
		case first == "":
			first = r
		default:
			if e := samePartition("regions", r, first); e != nil {
				*errs = append(*errs, e)
				ok = false
			}
		}
		seen[r] = true
	}
	return ok
}

// checkRegionsPartition checks the Regions against the partition of the
// organization looked up (org.partition, from its ARN): an organization's
// accounts, and so its delegated administrator, exist only there.
func (p *integrationPlan) checkRegionsPartition(org organization) InputErrors {
	var errs InputErrors
	if org.partition == "" {
		return nil
	}
	for _, r := range p.regions {
		if _, part, ok := catalog.LookupRegion(r); ok && part.ID != org.partition {
			errs.add("regions", r, "%q is a Region of the %s partition, but the organization %s is in %s: "+
				"designate the delegated administrator in Regions of %s, such as %q", r, part.ID, org.id,
				org.partition, org.partition, firstRegionOf(org.partition))
		}
	}
	return errs
}

// resolveAdmin decides how the delegated administrator is registered.
func (p *integrationPlan) resolveAdmin(errs *InputErrors) bool {
	if p.admin == "" {
		return true
	}
	if !p.known {
		// Organizations RegisterDelegatedAdministrator is the only generic mechanism.
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, catalog.OrganizationsDelegatedAdministrator
		return true
	}
	switch p.svc.DelegatedAdmin {
	case DelegatedAdminOrganizations:
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, catalog.OrganizationsDelegatedAdministrator
	case DelegatedAdminService:
		if p.svc.DelegatedAdminResource.Admin() == nil {
			api := p.svc.DelegatedAdminAPI
			if api == "" {
				api = "its own API"
			}
			errs.add("delegatedAdminAccountId", p.admin, "%s registers its delegated administrator with %s, and "+
				"neither pulumi-aws v6 nor aws-native has a resource for it that %s supports: remove "+
				"delegatedAdminAccountId and register the administrator with %s (for example from the service's "+
				"console or CLI)", p.label(), api, PackageName, api)
			return false
		}
		p.adminMechanism, p.adminResource = DelegatedAdminService, p.svc.DelegatedAdminResource
	case DelegatedAdminNone:
		errs.add("delegatedAdminAccountId", p.admin, "%s has no delegated administrator, so %q cannot be "+
			"registered: remove delegatedAdminAccountId", p.label(), p.admin)
		return false
	default:
		if !p.args.Force {
			errs.add("delegatedAdminAccountId", p.admin, "the %s catalog does not know whether %s supports a "+
				"delegated administrator: remove delegatedAdminAccountId, or set force: true to register %q with "+
				"Organizations RegisterDelegatedAdministrator anyway", PackageName, p.label(), p.admin)
			return false
		}
		p.adminMechanism, p.adminResource = DelegatedAdminOrganizations, catalog.OrganizationsDelegatedAdministrator
	}
	return true
}

// resolveEnablePath decides how trusted access is enabled.
func (p *integrationPlan) resolveEnablePath(errs *InputErrors) {
	supported := p.known && p.svc.EnableResource.Enable() != nil
	// The admin resource enables trusted access itself (IPAM's
	// ec2:EnableIpamOrganizationAdminAccount does both).
	combined := p.adminResource != "" && p.svc.EnableResource == p.adminResource
	if p.known && !combined && p.admin == "" && p.svc.EnableResource != "" &&
		p.svc.EnableResource == p.svc.DelegatedAdminResource && p.args.EnableVia != enableViaOrganizations {
		errs.add("delegatedAdminAccountId", "", "%s enables trusted access by registering its delegated "+
			"administrator (pulumi-aws resource %s): set delegatedAdminAccountId to the member account to "+
			"register", p.label(), p.svc.EnableResource)
		return
	}
	switch p.args.EnableVia {
	case enableViaNone:
		if p.admin == "" {
			errs.addSubject("enableVia", enableViaNone, "%q registers only the delegated administrator, and "+
				"delegatedAdminAccountId is empty, so the integration would do nothing: set "+
				"delegatedAdminAccountId, or set enableVia to %q or leave it empty", enableViaNone,
				enableViaOrganizations)
			return
		}
		p.enablePath = enableViaNone
	case enableViaOrganizations:
		if p.known && p.svc.EnableVia == EnableViaServiceOnly && !p.args.Force {
			p.serviceOnly(errs, "")
			return
		}
		p.enablePath = enableViaOrganizations
	case enableViaService:
		switch {
		case supported:
			p.enablePath, p.enableResource = enableViaService, p.svc.EnableResource
		case combined:
			p.enablePath, p.enableResource = enableViaService, p.adminResource
		default:
			errs.addSubject("enableVia", enableViaService, "%q: %s has no pulumi-aws resource of its own that "+
				"enables trusted access and that %s supports: set enableVia to %q (TrustedServiceAccess) or leave "+
				"it empty, or enable access another way and set enableVia to %q", enableViaService, p.label(),
				PackageName, enableViaOrganizations, enableViaNone)
		}
	default:
		switch {
		case !p.known || p.svc.EnableVia == EnableViaOrganizations:
			p.enablePath = enableViaOrganizations
		case supported:
			p.enablePath, p.enableResource = enableViaService, p.svc.EnableResource
		case combined:
			p.enablePath, p.enableResource = enableViaService, p.adminResource
		case p.svc.EnableVia == EnableViaService || p.args.Force:
			// Organizations is the documented fallback for EnableVia "service".
			p.enablePath = enableViaOrganizations
		default:
			p.serviceOnly(errs, fmt.Sprintf("; or, if trusted access is managed elsewhere, set enableVia: %q",
				enableViaNone))
		}
	}
}

// serviceOnly reports that the service must be enabled through its own API,
// at the field that selected it.
func (p *integrationPlan) serviceOnly(errs *InputErrors, more string) {
	field, value := p.field()
	errs.addSubject(field, value, "%s%s", catalog.ServiceOnlyMessage(value, p.svc), more)
}

// field names the input that selected the service, and its value.
func (p *integrationPlan) field() (string, string) {
	if p.args.Service != "" {
		return "service", p.args.Service
	}
	return "servicePrincipal", p.args.ServicePrincipal
}

// resolveRegions checks the Regions against the service, once their names
// are valid and the delegated administrator's mechanism is known.
func (p *integrationPlan) resolveRegions(errs *InputErrors) {
	if len(p.args.Regions) == 0 {
		return
	}
	if p.adminMechanism != DelegatedAdminService || !p.svc.DelegatedAdminPerRegion {
		errs.addSubject("regions", "", "%v: the delegated administrator of %s is not designated per Region: remove "+
			"regions", p.args.Regions, p.label())
		return
	}
	p.regions = slices.Sorted(slices.Values(p.args.Regions))
}
