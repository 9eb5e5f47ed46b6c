package components

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"
)

// How IdentityCenterSetup registers its account assignments
// (IdentityCenterSetupArgs.AssignmentsMode).
const (
	// AssignmentsPerResource registers one pulumi-aws ssoadmin
	// AccountAssignment per assignment: the default of this release, because
	// switching an existing stack straight to the set would delete the old
	// children, and with them the assignments (the preview refuses that
	// switch, refuseJumpToSet, but an update without a preview cannot).
	AssignmentsPerResource = "perResource"
	// AssignmentsSet registers all assignments as one orgtrust
	// AccountAssignments: recommended for every new stack, and for any of more
	// than a few hundred assignments (one state entry, refresh in calls per
	// principal, creates at Identity Center's quota floor).
	AssignmentsSet = "set"
	// AssignmentsMigrate registers both: the set, which adopts the existing
	// assignments without a write, and the per-resource children with
	// retainOnDelete, so that the next update in AssignmentsSet mode drops them
	// from the state without deleting any assignment.
	AssignmentsMigrate = "migrate"
)

const assignmentsModeDoc = "How the assignments are registered. `perResource` (the default in this release): " +
	"one pulumi-aws `aws:ssoadmin/accountAssignment:AccountAssignment` each. `set`: one orgtrust " +
	"`AccountAssignments` for all, recommended for new stacks and for more than a few hundred assignments (one " +
	"state entry, refresh in calls per principal rather than per assignment, creates at IAM Identity Center's " +
	"quota floor). `migrate`: the step between them for an existing stack; it registers both, the set adopting " +
	"every existing assignment and the old children marked retainOnDelete; after one `pulumi up` in `migrate`, " +
	"switch to `set`, and the old children leave the state without any assignment being deleted. Never switch " +
	"an existing stack from `perResource` straight to `set`: the engine would delete the old children, and " +
	"with them the assignments; `pulumi preview` refuses that switch (an update that skips the preview cannot " +
	"be checked)."

// checkAssignmentsMode adds an error for an unknown mode.
func checkAssignmentsMode(errs *InputErrors, mode string) {
	switch mode {
	case "", AssignmentsPerResource, AssignmentsSet, AssignmentsMigrate:
	default:
		errs.addSubject("assignmentsMode", mode, "%q is not a mode; use %q, %q or %q (from %q, one `pulumi up` in "+
			"%q first)", mode, AssignmentsPerResource, AssignmentsSet, AssignmentsMigrate, AssignmentsPerResource,
			AssignmentsMigrate)
	}
}

// perResourceAssignments returns the assignments to register one resource
// each, and their options per permission set: none in set mode; all, retained
// on delete, in migrate mode.
func perResourceAssignments(mode string, all []icAssignment, psOpts [][]pulumi.ResourceOption) (
	[]icAssignment, [][]pulumi.ResourceOption,
) {
	switch mode {
	case AssignmentsSet:
		return nil, psOpts
	case AssignmentsMigrate:
		retained := make([][]pulumi.ResourceOption, len(psOpts))
		for i, o := range psOpts {
			retained[i] = append(append([]pulumi.ResourceOption{}, o...), pulumi.RetainOnDelete(true))
		}
		return all, retained
	}
	return all, psOpts
}

// assignmentSet registers the set of all assignments, in set and migrate
// modes. The permission set ARNs and principal IDs are inputs, so the set is
// created after them and deleted before them.
func (b *icBuilder) assignmentSet(mode string, prep *icPrepared) error {
	if mode != AssignmentsSet && mode != AssignmentsMigrate {
		return nil
	}
	// Two sets when some permission sets go through the management account's
	// providers (identitycentersetup_management.go): the second, named
	// -assignments-management, holds every assignment of those.
	for _, scoped := range []bool{false, true} {
		if scoped && b.management == nil {
			break
		}
		list := make([]AccountAssignment, 0, len(prep.assignments))
		var policies []pulumi.Resource
		for i := range b.plan.permissionSets {
			if b.scoped(i) == scoped {
				policies = append(policies, b.plan.permissionSets[i].assignmentDependencies()...)
			}
		}
		for _, a := range prep.assignments {
			if b.scoped(a.ps) != scoped {
				continue
			}
			ps, p := &b.plan.permissionSets[a.ps], &b.plan.principals[a.principal]
			list = append(list, AccountAssignment{
				PermissionSetArn: ps.arn, PrincipalType: string(p.typ), PrincipalID: p.idInput, AccountID: a.account,
			})
		}
		opts := []pulumi.ResourceOption{b.parent}
		name := b.plan.name + "-assignments"
		if scoped {
			opts = append(opts, pulumi.Provider(b.management.orgtrust))
			name += "-management"
		}
		if len(policies) > 0 {
			// The policies and provisionings carry no data the assignments need,
			// but each role should be provisioned with them (see
			// assignmentOptions).
			opts = append(opts, pulumi.DependsOn(policies))
		}
		set, err := NewAccountAssignments(b.ctx, name, AccountAssignmentsArgs{
			InstanceArn: b.instanceArn, Assignments: list, Governed: b.governed(scoped),
		}, opts...)
		if err != nil {
			return fmt.Errorf("registering the assignment set %s: %w", name, err)
		}
		b.add(set)
		b.sets = append(b.sets, set)
		if !scoped && mode == AssignmentsSet && b.ctx.DryRun() {
			if err := b.refuseJumpToSet(set); err != nil {
				return err
			}
		}
	}
	return nil
}

// refuseJumpToSet fails the preview of a stack that switches from
// perResource straight to set. A program cannot read its stack's state, but
// at preview it can tell a resource that exists (its ID is known) from one
// that is to be created (unknown). A set to be created beside permission
// sets that exist means the stack had this component without a set: in
// perResource mode, whose assignment resources this update would delete,
// and with them the access they give. Stacks in set mode always have the
// set, and a new stack creates or imports its permission sets, so neither is
// refused. An update that skips the preview (`pulumi up --skip-preview`,
// the Automation API's Up) is not guarded.
func (b *icBuilder) refuseJumpToSet(set *AccountAssignments) error {
	ctx := b.ctx.Context()
	setID, err := internals.UnsafeAwaitOutput(ctx, set.ID())
	if err != nil || setID.Known {
		return err
	}
	for i := range b.plan.permissionSets {
		ps := &b.plan.permissionSets[i]
		if ps.existing { // referenced, never registered: no ID of this stack's
			continue
		}
		if ps.adoptArn != "" {
			// Imported by this update (adopt.permissionSets, as discover writes
			// it for a new stack): its ID is the import ID, known at preview,
			// yet the stack has never held it nor any assignment of it.
			continue
		}
		psID, err := internals.UnsafeAwaitOutput(ctx, ps.id)
		if err != nil {
			return err
		}
		if psID.Known {
			return InputErrors{{Field: "assignmentsMode", Value: AssignmentsSet, subject: true, Message: fmt.Sprintf(
				"%q would create the assignment set beside permission sets that already exist (%q): this stack "+
					"has per-resource assignments (mode %q), and this update would delete them, and with them "+
					"the access they give; use assignmentsMode %q first: one `pulumi up` in %q moves every "+
					"assignment into the set without a write and marks the old resources retainOnDelete, and "+
					"the next, in %q, drops them from the state without deleting any assignment (if this "+
					"stack has no per-resource assignments, %q is harmless)", AssignmentsSet, ps.spec.Name,
				AssignmentsPerResource, AssignmentsMigrate, AssignmentsMigrate, AssignmentsSet,
				AssignmentsMigrate)}}
		}
	}
	return nil
}
