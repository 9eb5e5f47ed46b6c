package components

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The management account (identitycentersetup.md, "The management
// account"). IAM Identity Center's delegated administrator can perform every
// administrative task except, among others, "managing permission sets
// provisioned in the management account" and "enabling or disabling user
// access in the management account" (IAM Identity Center User Guide,
// "Register a member account"; the older "Delegated administration" page
// tabulates the same). So when the component runs as any account but the
// management account, and an assignment reaches the management account
// (named, or through an OU or the root that contains it), it either fails at
// preview with the fix or, given managementAccountRoleArn, manages every
// child of the permission sets concerned through providers that assume that
// role.

const managementAccountRoleArnDoc = "ARN of an IAM role in the organization's management account, such as " +
	"`arn:aws:iam::111122223333:role/IdentityCenterManagementAccount`, for assignments that reach the management " +
	"account when the component runs as another account (IAM Identity Center's delegated administrator). The " +
	"delegated administrator cannot manage assignments in the management account nor permission sets provisioned " +
	"there, so each permission set with an assignment in the management account is then managed, with its " +
	"policies, provisioning and every assignment, through an aws provider and an orgtrust provider that assume " +
	"this role (`<name>-management`, `<name>-management-orgtrust`). Without it, such assignments fail the preview " +
	"with the fix. Unused when the component runs as the management account."

// managementSession is the STS session name of the management providers.
const managementSession = "orgtrust-identity-center"

var icRoleArnPattern = regexp.MustCompile(`^arn:aws(?:-[a-z]+)*:iam::(\d{12}):role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$`)

// planManagement checks managementAccountRoleArn: an IAM role ARN, in the
// management account when managementAccountId is given.
func (p *icPlan) planManagement(args IdentityCenterSetupArgs, errs *InputErrors) {
	p.managementAccountID = args.ManagementAccountID
	role := args.ManagementAccountRoleArn
	if role == "" {
		return
	}
	m := icRoleArnPattern.FindStringSubmatch(role)
	switch {
	case m == nil:
		errs.addSubject("managementAccountRoleArn", role, "%q is not an IAM role ARN; give the ARN of a role in the "+
			"management account, such as arn:aws:iam::%s:role/IdentityCenterManagementAccount", role, exampleAccountID)
		return
	case accountIDPattern.MatchString(args.ManagementAccountID) && m[1] != args.ManagementAccountID:
		errs.addSubject("managementAccountRoleArn", role, "%q is a role in account %s, not in the management "+
			"account %s (managementAccountId); give a role of the management account", role, m[1],
			args.ManagementAccountID)
		return
	}
	p.managementRoleArn = role
}

// icManagement says how the component manages what reaches the management
// account when it runs as another account: through providers that assume
// roleArn, in region.
type icManagement struct {
	accountID, roleArn, region string
	// scoped marks, by permission set index, those with an assignment in the
	// management account: all their children use the management providers.
	scoped []bool
	// needsOrgtrust says whether an orgtrust resource (a provisioning, or the
	// assignment set) is among them.
	needsOrgtrust bool

	// Set while registering.
	aws, orgtrust pulumi.ProviderResource
}

// lookupManagementScope finds the assignments that reach the management
// account. When there are some and the component runs as another account
// (sts:GetCallerIdentity through its aws provider), it returns how to manage
// them, or, without managementAccountRoleArn, an error for each entry that
// reaches the management account. Nil means nothing needs the management
// account's credentials. known is the management account when the input or
// the integration's lookup gave it; otherwise it is looked up, once, and only
// when there are assignments.
func lookupManagementScope(ctx *pulumi.Context, plan *icPlan, assignments []icAssignment, known, mode string,
	ouAccounts map[string][]string, opts []pulumi.ResourceOption, lookup []pulumi.InvokeOption,
) (*icManagement, error) {
	if len(assignments) == 0 {
		return nil, nil
	}
	mgmt := known
	if mgmt == "" {
		org, err := lookupOrganization(ctx, opts, "'s management account, to find the assignments that reach it",
			"managementAccountId")
		if err != nil {
			return nil, err
		}
		mgmt = org.managementAccountID
	}
	scoped := make([]bool, len(plan.permissionSets))
	reached := false
	for _, a := range assignments {
		if a.account == mgmt {
			scoped[a.ps], reached = true, true
		}
	}
	if !reached {
		return nil, nil
	}
	caller, err := aws.GetCallerIdentity(ctx, nil, lookup...)
	if err != nil {
		return nil, fmt.Errorf("looking up the account the component runs as (sts:GetCallerIdentity), since "+
			"assignments reach the management account %s: %w", mgmt, err)
	}
	if caller.AccountId == mgmt {
		return nil, nil
	}
	if plan.managementRoleArn == "" {
		return nil, managementErrors(plan, mgmt, caller.AccountId, ouAccounts)
	}
	if account := icRoleArnPattern.FindStringSubmatch(plan.managementRoleArn)[1]; account != mgmt {
		return nil, InputErrors{{Field: "managementAccountRoleArn", Value: plan.managementRoleArn, subject: true,
			Message: fmt.Sprintf("%q is a role in account %s, not in the management account %s (read from the "+
				"organization); give a role of the management account", plan.managementRoleArn, account, mgmt)}}
	}
	region, err := aws.GetRegion(ctx, nil, lookup...)
	if err != nil {
		return nil, fmt.Errorf("looking up the aws provider's Region, for the management account's providers: %w", err)
	}
	m := &icManagement{accountID: mgmt, roleArn: plan.managementRoleArn, region: region.Name, scoped: scoped,
		needsOrgtrust: mode == AssignmentsSet || mode == AssignmentsMigrate}
	for i, s := range scoped {
		if s && !plan.permissionSets[i].existing {
			m.needsOrgtrust = true // its provisioning
		}
	}
	return m, nil
}

// managementErrors reports each assignment entry that reaches the management
// account, and through which of its targets.
func managementErrors(plan *icPlan, mgmt, caller string, ouAccounts map[string][]string) InputErrors {
	var errs InputErrors
	for _, r := range plan.rules {
		if slices.Contains(r.exclude, mgmt) {
			continue
		}
		var via []string
		for j, a := range r.accounts {
			if a == mgmt {
				via = append(via, fmt.Sprintf("accountIds[%d]", j))
			}
		}
		for k, ou := range r.ous {
			if slices.Contains(ouAccounts[ou], mgmt) {
				via = append(via, fmt.Sprintf("organizationalUnitIds[%d] %q", k, ou))
			}
		}
		if slices.Contains(r.tagAccounts, mgmt) {
			tags := make([]string, len(r.tags))
			for i, t := range r.tags {
				tags[i] = t.String()
			}
			via = append(via, fmt.Sprintf("accountTags %s", strings.Join(tags, ", ")))
		}
		if len(via) == 0 {
			continue
		}
		errs = append(errs, &InputError{Field: r.field, Value: mgmt, subject: true, Message: fmt.Sprintf(
			"gives permission set %q in the management account %s (through %s), but the component runs as "+
				"account %s: IAM Identity Center's delegated administrator cannot manage assignments in the "+
				"management account nor permission sets provisioned there. Set managementAccountRoleArn to a role "+
				"in %s for the component to assume for them, add %q to excludeAccountIds, or run the component "+
				"with the management account's credentials",
			plan.permissionSets[r.ps].spec.Name, mgmt, strings.Join(via, ", "), caller, mgmt, mgmt)})
	}
	return errs
}

// orgtrustProvider is an explicit orgtrust provider resource.
type orgtrustProvider struct {
	pulumi.ProviderResourceState
}

// managementProviders registers the providers that assume the management
// account's role, when the plan needs them.
func (b *icBuilder) managementProviders() error {
	m := b.management
	if m == nil {
		return nil
	}
	p, err := aws.NewProvider(b.ctx, b.plan.name+"-management", &aws.ProviderArgs{
		Region: pulumi.String(m.region),
		AssumeRole: &aws.ProviderAssumeRoleArgs{
			RoleArn: pulumi.String(m.roleArn), SessionName: pulumi.String(managementSession),
		},
	}, b.parent)
	if err != nil {
		return fmt.Errorf("registering the management account's aws provider: %w", err)
	}
	m.aws = p
	if !m.needsOrgtrust {
		return nil
	}
	var op orgtrustProvider
	// A share of IAM Identity Center's 20 requests per second: this provider
	// runs in its own plugin process, beside the component's.
	if err := b.ctx.RegisterResource("pulumi:providers:"+PackageName, b.plan.name+"-management-orgtrust", pulumi.Map{
		"region":                          pulumi.String(m.region),
		"assumeRole":                      pulumi.Map{"roleArn": pulumi.String(m.roleArn), "sessionName": pulumi.String(managementSession)},
		"identityCenterRequestsPerSecond": pulumi.Float64(5),
	}, &op, withPackageDefaults([]pulumi.ResourceOption{b.parent})...); err != nil {
		return fmt.Errorf("registering the management account's orgtrust provider: %w", err)
	}
	m.orgtrust = &op
	return nil
}

// scoped reports whether permission set i is managed through the management
// providers.
func (b *icBuilder) scoped(i int) bool {
	return b.management != nil && b.management.scoped[i]
}

// awsOptions are the provider options of a permission set's pulumi-aws
// children: the management account's provider when it is scoped to it.
func (b *icBuilder) awsOptions(i int) []pulumi.ResourceOption {
	if !b.scoped(i) {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.Provider(b.management.aws)}
}

// orgtrustOptions are the provider options of a permission set's orgtrust
// children.
func (b *icBuilder) orgtrustOptions(i int) []pulumi.ResourceOption {
	if !b.scoped(i) {
		return nil
	}
	return []pulumi.ResourceOption{pulumi.Provider(b.management.orgtrust)}
}
