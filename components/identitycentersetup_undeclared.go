package components

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Undeclared access: the assignments and policies that a permission set the
// component manages has in AWS beyond what the program declares. The
// assignment set (assignmentsMode set or migrate) reads them on refresh for
// every permission set the component creates (never for existing ones,
// which the component leaves untouched), and removes the assignments of
// those marked exclusive at the next update (provider/accountassignments_undeclared.go
// and _exclusive.go).

const exclusivePermissionSetDoc = "Make the program's assignments the only ones of this permission set: the " +
	"next `pulumi up` removes the assignments it has in AWS that the program does not declare, as the last " +
	"refresh found them (every preview shows each removal first). Never removed: assignments in the " +
	"management account, and those of the permission set the deploying credentials come from, in their " +
	"account. Needs assignmentsMode `set` (or `migrate`). Unlike `existing` permission sets, which the " +
	"component never reads or changes, an exclusive one is owned by the program in full."

const undeclaredAccessDoc = "The assignments and policies that the permission sets the component creates have " +
	"in AWS and the program does not declare, as the last refresh found them (`pulumi refresh`, or " +
	"`--refresh`), one line each: `permission set <name>: <group|user> <id> in account <id>` or `permission " +
	"set <name>: managed policy <arn>`. A refresh also warns with them. Read by the assignment set, so empty " +
	"in assignmentsMode `perResource`."

// checkExclusive reports exclusive permission sets in a mode without the
// assignment set.
func (p *icPlan) checkExclusive(errs *InputErrors, mode string) {
	if mode == AssignmentsSet || mode == AssignmentsMigrate {
		return
	}
	for _, ps := range p.permissionSets {
		if ps.spec.Exclusive && !ps.existing {
			errs.addSubject(ps.field+".exclusive", "true", "needs assignmentsMode %q (or %q): the assignment "+
				"set reads and removes the undeclared assignments; set assignmentsMode, or drop exclusive",
				AssignmentsSet, AssignmentsMigrate)
		}
	}
}

// governed lists the permission sets of this set whose undeclared access it
// reports: those the component creates.
func (b *icBuilder) governed(scoped bool) []GovernedPermissionSet {
	var out []GovernedPermissionSet
	for i := range b.plan.permissionSets {
		ps := &b.plan.permissionSets[i]
		if ps.existing || b.scoped(i) != scoped {
			continue
		}
		g := GovernedPermissionSet{PermissionSetArn: ps.arn, Name: ps.spec.Name, Exclusive: ps.spec.Exclusive}
		for _, m := range ps.managed {
			g.ManagedPolicyArns = append(g.ManagedPolicyArns, m.arn)
		}
		for _, c := range ps.customer {
			g.CustomerManagedPolicies = append(g.CustomerManagedPolicies, c.ref)
		}
		out = append(out, g)
	}
	return out
}

// undeclaredLines turns a set's undeclared outputs into the component's
// lines, naming each permission set by name.
func undeclaredLines(names map[string]string, assignments, policies []map[string]interface{}) []string {
	name := func(arn string) string {
		if n := names[arn]; n != "" {
			return n
		}
		return arn
	}
	var out []string
	for _, a := range assignments {
		out = append(out, fmt.Sprintf("permission set %s: %s %v in account %v", name(fmt.Sprint(a["permissionSetArn"])),
			strings.ToLower(fmt.Sprint(a["principalType"])), a["principalId"], a["accountId"]))
	}
	for _, p := range policies {
		kind := "managed policy"
		if c, _ := p["customer"].(bool); c {
			kind = "customer managed policy"
		}
		out = append(out, fmt.Sprintf("permission set %s: %s %v", name(fmt.Sprint(p["permissionSetArn"])), kind,
			p["policy"]))
	}
	slices.Sort(out)
	return out
}

// undeclaredOutput combines the sets' undeclared outputs into the
// component's undeclaredAccess.
func (b *icBuilder) undeclaredOutput() pulumi.StringArrayOutput {
	if len(b.sets) == 0 {
		return pulumi.StringArray{}.ToStringArrayOutput()
	}
	inputs := []interface{}{b.psArns.ToStringMapOutput()}
	for _, s := range b.sets {
		inputs = append(inputs, s.UndeclaredAssignments, s.UndeclaredPolicies)
	}
	return pulumi.All(inputs...).ApplyT(func(vs []interface{}) []string {
		arns, _ := vs[0].(map[string]string)
		names := map[string]string{}
		for n, a := range arns {
			names[a] = n
		}
		var as, ps []map[string]interface{}
		for i := 1; i+1 < len(vs); i += 2 {
			a, _ := vs[i].([]map[string]interface{})
			p, _ := vs[i+1].([]map[string]interface{})
			as, ps = append(as, a...), append(ps, p...)
		}
		lines := undeclaredLines(names, as, ps)
		if lines == nil {
			lines = []string{}
		}
		return lines
	}).(pulumi.StringArrayOutput)
}
