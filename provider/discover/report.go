package discover

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// Files names the files discover writes, for the report.
type Files struct {
	StackConfig, Fixtures, Report string
	// Sections is the file of the baseline's sections that the stack
	// configuration names at orgtrust-baseline:configFile; "" when the
	// sections are in the stack configuration.
	Sections string
}

// createNotes say why a resource the first `pulumi up` creates changes
// nothing that exists, by type.
var createNotes = map[string]string{
	components.TrustedServiceAccessToken: "enables trusted access; an enabled principal is adopted without a " +
		"write (TrustedServiceAccess reads the enabled list first)",
	catalog.StackSetsOrganizationsAccessToken: "activates organizations access; active access is adopted " +
		"without a write",
	catalog.SecurityLakeDelegatedAdminToken: "registers the administrator; a registered one is adopted " +
		"without a write",
	catalog.NotificationsOrganizationsAccessToken: "enables organizations access; enabled access is adopted " +
		"without a write",
	components.AccountAssignmentsToken: "creates the assignments; existing ones are adopted without a write",
	string(catalog.ServiceCatalogOrganizationsAccess): "pulumi-aws has no import for it: its create " +
		"calls EnableAWSOrganizationsAccess, which changes nothing where access is enabled",
	"pulumi:providers:aws": "an aws provider for one Region, no AWS object",
	"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature": "pulumi-aws has no " +
		"import for it: its create sets the protection plan as discovered, which changes nothing",
	"aws:macie2/organizationConfiguration:OrganizationConfiguration": "pulumi-aws has no import for it: its " +
		"create sets auto-enable as discovered, which changes nothing",
	"aws:inspector2/organizationConfiguration:OrganizationConfiguration": "pulumi-aws has no import for it: " +
		"its create sets the scans as discovered, which changes nothing",
	components.PermissionSetProvisioningToken: "provisions the permission set to accounts whose copy is " +
		"outdated; where none is, it is recorded without a write",
}

// WriteReport writes the human-readable report: what was found, what the
// first `pulumi up` imports and creates (from the plan of the written
// configuration), what the configuration cannot manage and why, and the
// next steps. It holds no credentials and nothing that changes between runs
// on the same organization.
func WriteReport(out io.Writer, stack string, g *Generated, p *plan.Plan, files Files) error {
	w := bufio.NewWriter(out)
	inv := g.inv
	org := &inv.Organization
	fmt.Fprintf(w, "orgtrust discover: stack %q, organization %s, management account %s\n", stack, org.ID,
		org.ManagementAccountID)
	fmt.Fprintf(w, "Read in %s; the per-Region administrator APIs in %s. Services read: %s.\n\n", inv.Region,
		strings.Join(inv.Regions, ", "), servicesRead(inv.Services))

	fmt.Fprintln(w, "Found")
	active := 0
	for _, a := range org.Accounts {
		if a.Status == "ACTIVE" {
			active++
		}
	}
	fmt.Fprintf(w, "  organization: %d accounts (%d ACTIVE) in %d OUs below root %s\n", len(org.Accounts), active,
		len(org.Units)-1, org.Root)
	fmt.Fprintf(w, "  trusted access: %d principals%s\n", len(inv.EnabledPrincipals), colonList(inv.EnabledPrincipals))
	var admins []string
	for _, pr := range sortedKeys(inv.OrgAdmins) {
		admins = append(admins, pr+" "+strings.Join(inv.OrgAdmins[pr], " "))
	}
	fmt.Fprintf(w, "  delegated administrators (Organizations): %d%s\n", len(admins), colonList(admins))
	var own []string
	for _, key := range sortedKeys(inv.ServiceAdmins) {
		svc, _ := components.LookupService(key)
		for _, region := range sortedKeys(inv.ServiceAdmins[key]) {
			in := ""
			if region != "" {
				in = " in " + region
			}
			own = append(own, fmt.Sprintf("%s %s%s", svc.DisplayName, strings.Join(inv.ServiceAdmins[key][region], " "), in))
		}
	}
	fmt.Fprintf(w, "  the services' own administrators: %d%s\n", len(own), colonList(own))
	if ic := inv.IdentityCenter; ic != nil {
		named := 0
		if g.IdentityCenter != nil {
			named = len(g.IdentityCenter.Groups) + len(g.IdentityCenter.Users)
		}
		fmt.Fprintf(w, "  IAM Identity Center: instance %s, identity store %s: permission sets %d, assignments %d, "+
			"groups %d and users %d (%d of them named by assignments), attributes for access control %d\n",
			ic.InstanceArn, ic.IdentityStoreID, len(ic.PermissionSets), len(ic.Assignments), len(ic.Groups),
			len(ic.Users), named, len(ic.AccessControlAttributes))
	}
	if sc := inv.ServiceCatalog; sc != nil {
		shares, principals := 0, 0
		for _, pf := range sc.Portfolios {
			shares += len(pf.Shares)
			principals += len(pf.Principals)
		}
		fmt.Fprintf(w, "  Service Catalog: organization access %s, portfolios %d, shares %d, principal "+
			"associations %d\n", sc.AccessStatus, len(sc.Portfolios), shares, principals)
	}
	fmt.Fprintln(w)

	if files.Sections == "" {
		fmt.Fprintf(w, "Written\n  %s: the baseline's stack configuration, with adopt sections\n", files.StackConfig)
	} else {
		fmt.Fprintf(w, "Written\n  %s: the baseline's stack configuration; it names the next file at %s:%s\n"+
			"  %s: the baseline's sections, with adopt sections, too long to keep in the stack\n"+
			"    configuration (Pulumi passes it to the program in one environment variable, PULUMI_CONFIG)\n",
			files.StackConfig, baseline.Project, baseline.KeyConfigFile, files.Sections)
	}
	fmt.Fprintf(w, "  %s: the answers of its preview lookups, for make plan\n  %s: this report\n\n", files.Fixtures,
		files.Report)

	writePlan(w, p, files)
	fmt.Fprintf(w, "Cannot manage (%d)\n", len(g.CannotManage))
	if len(g.CannotManage) == 0 {
		fmt.Fprintln(w, "  nothing: every object found is in the configuration")
	}
	for _, c := range g.CannotManage {
		fmt.Fprintf(w, "  - %s: %s\n", c.What, c.Why)
	}
	fmt.Fprintln(w)
	copied, where := files.StackConfig, "stack configuration"
	if files.Sections != "" {
		copied, where = files.StackConfig+" and "+files.Sections, "sections file"
	}
	fmt.Fprintf(w, "Next\n"+
		"  1. make plan STACK_CONFIG=%s FIXTURES=%s    # every import with its ID, no AWS account\n"+
		"  2. copy %s beside Pulumi.yaml, then: pulumi stack init %s && pulumi preview --stack %s\n"+
		"  3. pulumi up --stack %s                     # imports what exists\n"+
		"  4. remove every adopt section from the %s: the imported resources are in the state;\n"+
		"     an import left in the program blocks a later replacement (\"previously-imported resources that\n"+
		"     still specify an ID may not be replaced\") and fails for anything added later\n",
		files.StackConfig, files.Fixtures, copied, stack, stack, stack, where)
	return w.Flush()
}

// writePlan writes what the first `pulumi up` does, from the plan.
func writePlan(w *bufio.Writer, p *plan.Plan, files Files) {
	fmt.Fprintf(w, "The first `pulumi up` (as make plan STACK_CONFIG=%s FIXTURES=%s shows it)\n", files.StackConfig,
		files.Fixtures)
	c := p.Counts()
	byType, assignments := map[string]int{}, map[string]int{}
	var imports, creates []*plan.Resource
	for _, r := range p.Resources() {
		switch {
		case !r.Custom:
		case r.ImportID != "":
			byType[r.Type]++
			imports = append(imports, r)
		default:
			creates = append(creates, r)
		}
	}
	fmt.Fprintf(w, "  imports %d resources:\n", c.Import)
	for _, t := range sortedKeys(byType) {
		fmt.Fprintf(w, "    %6d  %s\n", byType[t], t)
	}
	slices.SortFunc(imports, func(a, b *plan.Resource) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range imports {
		if r.Type == "aws:ssoadmin/accountAssignment:AccountAssignment" {
			assignments[permissionSetOf(r.ImportID)]++
			continue
		}
		fmt.Fprintf(w, "    %s\n        import ID %s\n", r.Name, r.ImportID)
	}
	if len(assignments) > 0 {
		fmt.Fprintln(w, "    account assignments, by permission set ARN:")
		for _, ps := range sortedKeys(assignments) {
			fmt.Fprintf(w, "      %6d  %s\n", assignments[ps], ps)
		}
	}
	fmt.Fprintf(w, "  creates %d resources:\n", c.Create)
	slices.SortFunc(creates, func(a, b *plan.Resource) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range creates {
		note, ok := createNotes[r.Type]
		if !ok {
			note = "does not exist: the first up creates it"
		}
		fmt.Fprintf(w, "    %s (%s): %s\n", r.Name, r.Type, note)
	}
	fmt.Fprintf(w, "  and registers %d components\n\n", c.Components)
}

// permissionSetOf is the permission set ARN of an assignment's import ID
// (principal,type,account,AWS_ACCOUNT,permission set,instance).
func permissionSetOf(id string) string {
	parts := strings.Split(id, ",")
	if len(parts) != 6 {
		return id
	}
	return parts[4]
}

func colonList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ": " + strings.Join(items, ", ")
}

func servicesRead(keys []string) string {
	if len(keys) == len(components.Services()) {
		return fmt.Sprintf("all %d of the catalog", len(keys))
	}
	return strings.Join(keys, ", ")
}
