package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// Permission sets that exist already (PermissionSetSpec.Existing): referenced
// by name, looked up at preview, never registered and so never modified, and
// usable in assignments like the ones the component creates.

const existingPermissionSetDoc = "Reference a permission set that already exists in the instance (created by " +
	"hand, by AWS Control Tower, or by another stack) instead of creating one. It is looked up by name at " +
	"preview (`aws:ssoadmin/getPermissionSet`), never modified, and usable in `assignments` like the others. No " +
	"other field but `name` may be set. A name the instance does not have fails the preview, suggesting the " +
	"nearest name it has."

// planExistingPermissionSet checks an existing permission set's entry: only
// its name may be set, since the component never modifies it.
func planExistingPermissionSet(field string, s PermissionSetSpec, errs *InputErrors) icPermissionSet {
	var set []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"description", s.Description != ""},
		{"sessionDuration", s.SessionDuration != ""},
		{"relayState", s.RelayState != ""},
		{"tags", len(s.Tags) > 0},
		{"managedPolicyArns", len(s.ManagedPolicyArns) > 0},
		{"customerManagedPolicies", len(s.CustomerManagedPolicies) > 0},
		{"inlinePolicy", s.InlinePolicy != ""},
		{"permissionsBoundary", s.PermissionsBoundary != nil},
		{"exclusive", s.Exclusive},
	} {
		if f.set {
			set = append(set, f.name)
		}
	}
	if len(set) > 0 {
		errs.addSubject(field, "", "sets %s on an existing permission set; the component never modifies a "+
			"permission set it references: keep only name, or drop existing to create and manage the permission "+
			"set here", strings.Join(set, ", "))
	}
	return icPermissionSet{spec: s, field: field, existing: true}
}

// lookupExistingPermissionSets finds the ARN of each permission set marked
// existing, with one aws:ssoadmin/getPermissionSet lookup by name each. Only
// when one fails are the instance's permission sets listed (getPermissionSets,
// then getPermissionSet by ARN for each, once for all), to tell a name the
// instance lacks, reported with the nearest name it has, from a lookup that
// failed for another reason (credentials, permissions).
func lookupExistingPermissionSets(ctx *pulumi.Context, plan *icPlan, instanceArn string,
	lookup []pulumi.InvokeOption,
) error {
	var (
		errs    InputErrors
		names   []string
		listErr error
		listed  bool
	)
	for i := range plan.permissionSets {
		ps := &plan.permissionSets[i]
		if !ps.existing {
			continue
		}
		name := ps.spec.Name
		res, err := ssoadmin.LookupPermissionSet(ctx, &ssoadmin.LookupPermissionSetArgs{
			InstanceArn: instanceArn, Name: &name,
		}, lookup...)
		if err == nil && res.Arn != "" {
			ps.existingArn = res.Arn
			continue
		}
		if err == nil {
			err = fmt.Errorf("the lookup returned no ARN")
		}
		if !listed {
			names, listErr = listPermissionSetNames(ctx, instanceArn, lookup)
			listed = true
		}
		if listErr != nil || slices.Contains(names, name) {
			return fmt.Errorf("%s.name: looking up the existing permission set %q in instance %s: %w; check that "+
				"the aws provider's credentials may call sso:ListPermissionSets and sso:DescribePermissionSet",
				ps.field, name, instanceArn, err)
		}
		errs.addSubject(ps.field+".name", name, "%q is not a permission set of instance %s%s", name, instanceArn,
			existingPermissionSetHint(name, names))
	}
	return errs.err()
}

// listPermissionSetNames returns the names of the instance's permission sets,
// sorted.
func listPermissionSetNames(ctx *pulumi.Context, instanceArn string, lookup []pulumi.InvokeOption) ([]string, error) {
	list, err := ssoadmin.GetPermissionSets(ctx, &ssoadmin.GetPermissionSetsArgs{InstanceArn: instanceArn}, lookup...)
	if err != nil {
		return nil, fmt.Errorf("listing the permission sets of instance %s: %w", instanceArn, err)
	}
	names := make([]string, 0, len(list.Arns))
	for _, arn := range list.Arns {
		res, err := ssoadmin.LookupPermissionSet(ctx, &ssoadmin.LookupPermissionSetArgs{
			InstanceArn: instanceArn, Arn: &arn,
		}, lookup...)
		if err != nil {
			return nil, fmt.Errorf("describing permission set %s: %w", arn, err)
		}
		names = append(names, res.Name)
	}
	slices.Sort(names)
	return names, nil
}

// existingPermissionSetHint says how to fix a name the instance lacks: the
// nearest name it has, or the names when few.
func existingPermissionSetHint(name string, names []string) string {
	const fix = "; fix the name, or drop existing to create the permission set here"
	if s, ok := suggest.Nearest(name, names); ok {
		return fmt.Sprintf("; did you mean %q? Names are case-sensitive%s", s, fix)
	}
	switch {
	case len(names) == 0:
		return " (the instance has no permission set)" + fix
	case len(names) <= 10:
		return fmt.Sprintf(" (it has %s)%s", strings.Join(names, ", "), fix)
	}
	return fmt.Sprintf(" (none of its %d permission sets is near it)%s", len(names), fix)
}
