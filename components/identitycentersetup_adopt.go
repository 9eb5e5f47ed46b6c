package components

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The adoption of an IdentityCenterSetup's existing children
// (IdentityCenterSetupArgs.Adopt): checked with the plan, applied as import
// options while registering. The import IDs are those of the pulumi-aws v6
// documentation's "Import" sections:
//
//   - PermissionSet: `<permission set arn>,<instance arn>`
//     (https://www.pulumi.com/registry/packages/aws/api-docs/ssoadmin/permissionset/#import)
//   - ManagedPolicyAttachment: `<policy arn>,<permission set arn>,<instance arn>`
//     (.../ssoadmin/managedpolicyattachment/#import)
//   - CustomerManagedPolicyAttachment: `<name>,<path>,<permission set arn>,<instance arn>`
//     (.../ssoadmin/customermanagedpolicyattachment/#import)
//   - PermissionSetInlinePolicy and PermissionsBoundaryAttachment:
//     `<permission set arn>,<instance arn>` (.../ssoadmin/permissionsetinlinepolicy/#import,
//     .../ssoadmin/permissionsboundaryattachment/#import)
//   - AccountAssignment: `<principal id>,<principal type>,<account>,AWS_ACCOUNT,<permission set arn>,<instance arn>`
//     (.../ssoadmin/accountassignment/#import)
//   - InstanceAccessControlAttributes: `<instance arn>`
//     (.../ssoadmin/instanceaccesscontrolattributes/#import)

// icPermissionSetArnPattern is the PermissionSetArn pattern of the IAM
// Identity Center API reference.
var icPermissionSetArnPattern = regexp.MustCompile(
	`^arn:aws(?:-[a-z]+)*:sso:::permissionSet/((?:sso)?ins-[a-zA-Z0-9.-]{16})/ps-[a-zA-Z0-9./-]{16}$`)

// planAdopt checks args.Adopt and records what to import.
func (p *icPlan) planAdopt(a *IdentityCenterAdoptSpec, psIndex map[string]int, errs *InputErrors) {
	if a == nil {
		return
	}
	instanceID := ""
	if p.instanceArn != "" {
		instanceID = p.instanceArn[strings.LastIndex(p.instanceArn, "/")+1:]
	}
	names := make([]string, 0, len(a.PermissionSets))
	for n := range a.PermissionSets {
		names = append(names, n)
	}
	slices.Sort(names)
	if len(names) > 0 && p.instanceArn == "" {
		errs.addSubject("adopt.permissionSets", "", "needs instanceArn and identityStoreId, the instance the "+
			"permission sets belong to: set them (orgtrust discover writes them)")
	}
	for _, n := range names {
		arn := a.PermissionSets[n]
		field := "adopt.permissionSets[" + strconv.Quote(n) + "]"
		i, ok := psIndex[n]
		if !ok {
			errs.addSubject(field, arn, "names %q, which is not declared in permissionSets%s", n,
				icDidYouMean(n, psIndex))
			continue
		}
		m := icPermissionSetArnPattern.FindStringSubmatch(arn)
		switch {
		case m == nil:
			errs.addSubject(field, arn, "%q is not a permission set ARN; it looks like "+
				"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", arn)
			continue
		case instanceID != "" && m[1] != instanceID:
			errs.addSubject(field, arn, "%q belongs to instance %s, not to instanceArn %s: give the ARN of "+
				"the permission set in that instance", arn, m[1], p.instanceArn)
			continue
		}
		p.permissionSets[i].adoptArn = arn
	}
	p.planAdoptMemberships(a.GroupMemberships, errs)
	p.adoptAssignments = a.Assignments
	if a.AccessControlAttributes {
		if len(p.abac) == 0 {
			errs.addSubject("adopt.accessControlAttributes", "", "is true, but accessControlAttributes is "+
				"empty: give the attributes to adopt, or remove adopt.accessControlAttributes")
		}
		p.adoptABAC = true
	}
}

// importAs is the import option of an adopted child with import ID id.
func importAs(id string) pulumi.ResourceOption { return pulumi.Import(pulumi.ID(id)) }

// psImport returns the import option of an adopted permission set's child:
// the permission set itself, its inline policy or its boundary when prefix is
// "", else the attachment whose import ID starts with prefix (the managed
// policy's ARN, or the customer managed policy's name and path); none when
// the permission set is not adopted.
func (b *icBuilder) psImport(ps *icPermissionSet, prefix string) []pulumi.ResourceOption {
	if ps.adoptArn == "" {
		return nil
	}
	id := ps.adoptArn + "," + b.plan.instanceArn
	if prefix != "" {
		id = prefix + "," + id
	}
	return []pulumi.ResourceOption{importAs(id)}
}

// assignmentImportID is the import ID of an adopted assignment, or "" when
// it is created: its permission set is not adopted, or its principal is one
// the component creates.
func (p *icPrepared) assignmentImportID(a *icAssignment) string {
	ps, pr := &p.plan.permissionSets[a.ps], &p.plan.principals[a.principal]
	if !p.plan.adoptAssignments || ps.adoptArn == "" || !pr.existing {
		return ""
	}
	return fmt.Sprintf("%s,%s,%s,AWS_ACCOUNT,%s,%s", pr.id, pr.typ, a.account, ps.adoptArn, p.instanceArn)
}
