package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

var (
	_ infer.CustomResource[AccountAssignmentsArgs, AccountAssignmentsState] = (*AccountAssignments)(nil)
	_ infer.CustomCheck[AccountAssignmentsArgs]                             = (*AccountAssignments)(nil)
	_ infer.CustomDiff[AccountAssignmentsArgs, AccountAssignmentsState]     = (*AccountAssignments)(nil)
	_ infer.CustomUpdate[AccountAssignmentsArgs, AccountAssignmentsState]   = (*AccountAssignments)(nil)
	_ infer.CustomRead[AccountAssignmentsArgs, AccountAssignmentsState]     = (*AccountAssignments)(nil)
	_ infer.CustomDelete[AccountAssignmentsState]                           = (*AccountAssignments)(nil)
)

// Formats from the IAM Identity Center API reference
// (https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateAccountAssignment.html)
// and the Identity Store API reference (UserId, GroupId).
var (
	instanceArnPattern      = regexp.MustCompile(`^arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/((sso)?ins-[a-zA-Z0-9-.]{16})$`)
	permissionSetArnPattern = regexp.MustCompile(`^arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/((sso)?ins-[a-zA-Z0-9-.]{16})/ps-[a-zA-Z0-9-./]{16}$`)
	principalIDPattern      = regexp.MustCompile(`^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$`)
	accountIDPattern        = regexp.MustCompile(`^\d{12}$`)
)

// validateAssignments checks the formats of the known inputs: one failure
// per problem, each naming the field, the value and the fix.
func validateAssignments(args AccountAssignmentsArgs, known func(i int) bool) []p.CheckFailure {
	var fs []p.CheckFailure
	fail := func(prop, format string, a ...any) {
		fs = append(fs, p.CheckFailure{Property: prop, Reason: fmt.Sprintf(format, a...)})
	}
	instanceID := ""
	if m := instanceArnPattern.FindStringSubmatch(args.InstanceArn); m != nil {
		instanceID = m[2]
	} else if args.InstanceArn != "" || known(-1) {
		fail("instanceArn", "instanceArn %q is not an IAM Identity Center instance ARN; give one such as "+
			"arn:aws:sso:::instance/ssoins-1234567890abcdef (aws sso-admin list-instances)", args.InstanceArn)
	}
	seen := map[string]int{}
	for i, a := range args.Assignments {
		if !known(i) {
			continue
		}
		at := fmt.Sprintf("assignments[%d]", i)
		if m := permissionSetArnPattern.FindStringSubmatch(a.PermissionSetArn); m == nil {
			fail(at+".permissionSetArn", "%s.permissionSetArn %q is not a permission set ARN; give one such as "+
				"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", at, a.PermissionSetArn)
		} else if instanceID != "" && m[2] != instanceID {
			fail(at+".permissionSetArn", "%s.permissionSetArn %q belongs to instance %s, not to instanceArn's "+
				"instance %s; use a permission set of %s, or a separate AccountAssignments for the other "+
				"instance", at, a.PermissionSetArn, m[2], instanceID, args.InstanceArn)
		}
		if a.PrincipalType != "USER" && a.PrincipalType != "GROUP" {
			fail(at+".principalType", "%s.principalType %q is not a principal type; use USER or GROUP",
				at, a.PrincipalType)
		}
		if !principalIDPattern.MatchString(a.PrincipalID) {
			fail(at+".principalId", "%s.principalId %q is not an identity store user or group ID; give the "+
				"ID (such as 906722b2be-8c1d1d2a-6b0c-4c7e-9d8e-1f2a3b4c5d6e, from aws identitystore "+
				"get-user-id or get-group-id), not a name", at, a.PrincipalID)
		}
		if !accountIDPattern.MatchString(a.AccountID) {
			fail(at+".accountId", "%s.accountId %q is not an AWS account ID; give the 12 digits, such as "+
				"123456789012", at, a.AccountID)
		}
		if j, dup := seen[a.key()]; dup {
			fail(at, "%s repeats assignments[%d] (%s); list each assignment once", at, j, a)
		} else {
			seen[a.key()] = i
		}
	}
	return fs
}

// knownElements reports, for index i (-1: instanceArn), whether the input is
// known at this time rather than another resource's unknown output.
func knownElements(inputs property.Map) func(i int) bool {
	arns := inputs.Get("instanceArn")
	list := inputs.Get("assignments")
	return func(i int) bool {
		if i < 0 {
			return !arns.HasComputed()
		}
		if list.IsComputed() || !list.IsArray() || i >= list.AsArray().Len() {
			return false
		}
		return !list.AsArray().Get(i).HasComputed()
	}
}

// Check validates the inputs at preview: formats, permission sets of the
// instance, and, where a lookup can tell, accounts of the organization and
// principals of the identity store.
func (*AccountAssignments) Check(ctx context.Context, req infer.CheckRequest) (
	infer.CheckResponse[AccountAssignmentsArgs], error,
) {
	args, failures, err := infer.DefaultCheck[AccountAssignmentsArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[AccountAssignmentsArgs]{Inputs: args, Failures: failures}, err
	}
	known := knownElements(req.NewInputs)
	failures = validateAssignments(args, known)
	if !known(-1) || !instanceArnPattern.MatchString(args.InstanceArn) {
		return infer.CheckResponse[AccountAssignmentsArgs]{Inputs: args, Failures: failures}, nil
	}
	c, err := infer.GetConfig[*Config](ctx).assignments(ctx)
	if err != nil {
		p.GetLogger(ctx).Warningf("%s: skipping the lookups of accounts and principals: %v", req.Name, err)
		return infer.CheckResponse[AccountAssignmentsArgs]{Inputs: args}, nil
	}
	var knownOnes []Assignment
	var index []int
	for i, a := range args.Assignments {
		// Look up what is known and well formed; the rest already failed.
		if known(i) && accountIDPattern.MatchString(a.AccountID) && principalIDPattern.MatchString(a.PrincipalID) &&
			(a.PrincipalType == "USER" || a.PrincipalType == "GROUP") {
			knownOnes = append(knownOnes, a)
			index = append(index, i)
		}
	}
	l, found := c.lookup(ctx, args.InstanceArn, knownOnes)
	if !found {
		failures = append(failures, p.CheckFailure{Property: "instanceArn", Reason: fmt.Sprintf(
			"instanceArn %q is not an IAM Identity Center instance of this account; use one that "+
				"aws sso-admin list-instances lists, with the credentials of the management account or of "+
				"Identity Center's delegated administrator", args.InstanceArn)})
	}
	badAccount, badPrincipal := map[string]bool{}, map[string]bool{}
	for n, a := range knownOnes {
		at := fmt.Sprintf("assignments[%d]", index[n])
		if l.accounts != nil && !l.accounts[a.AccountID] && !badAccount[a.AccountID] {
			badAccount[a.AccountID] = true
			failures = append(failures, p.CheckFailure{Property: at + ".accountId", Reason: fmt.Sprintf(
				"%s.accountId %q is not an account of the organization; use a member account "+
					"(aws organizations list-accounts), or invite the account first", at, a.AccountID)})
		}
		k := a.PrincipalType + "|" + a.PrincipalID
		if exists, ok := l.principals[k]; ok && !exists && !badPrincipal[k] {
			badPrincipal[k] = true
			failures = append(failures, p.CheckFailure{Property: at + ".principalId", Reason: fmt.Sprintf(
				"%s.principalId %q is not a %s of identity store %s; use the ID of an existing %s "+
					"(aws identitystore list-%ss --identity-store-id %s), or create it first", at, a.PrincipalID,
				strings.ToLower(a.PrincipalType), l.storeID, strings.ToLower(a.PrincipalType),
				strings.ToLower(a.PrincipalType), l.storeID)})
		}
	}
	if len(l.skipped) > 0 {
		p.GetLogger(ctx).Warningf("%s: some preview lookups were skipped, so those checks happen at update: %s",
			req.Name, strings.Join(l.skipped, "; "))
	}
	return infer.CheckResponse[AccountAssignmentsArgs]{Inputs: args, Failures: failures}, nil
}

// Diff is keyed by assignment: each added assignment is an Add at its index
// in the inputs, each removed one a Delete at its index in the state. Only a
// change of instance replaces the resource.
func (*AccountAssignments) Diff(ctx context.Context,
	req infer.DiffRequest[AccountAssignmentsArgs, AccountAssignmentsState],
) (infer.DiffResponse, error) {
	diff := map[string]p.PropertyDiff{}
	if req.Inputs.InstanceArn != req.State.InstanceArn {
		diff["instanceArn"] = p.PropertyDiff{Kind: p.UpdateReplace, InputDiff: true}
	}
	old, desired := keySet(req.State.Assignments), keySet(req.Inputs.Assignments)
	for i, a := range req.Inputs.Assignments {
		if _, ok := old[a.key()]; !ok {
			diff[fmt.Sprintf("assignments[%d]", i)] = p.PropertyDiff{Kind: p.Add}
		}
	}
	for j, a := range req.State.Assignments {
		if _, ok := desired[a.key()]; !ok {
			path := fmt.Sprintf("assignments[%d]", j)
			if _, both := diff[path]; both {
				diff[path] = p.PropertyDiff{Kind: p.Update}
			} else {
				diff[path] = p.PropertyDiff{Kind: p.Delete}
			}
		}
	}
	diffUndeclared(ctx, req, diff)
	return infer.DiffResponse{HasChanges: len(diff) > 0, DetailedDiff: diff}, nil
}

func assignmentsStateOf(args AccountAssignmentsArgs, storeID string, managed []Assignment) AccountAssignmentsState {
	managed = sortAssignments(managed)
	if managed == nil {
		managed = []Assignment{}
	}
	return AccountAssignmentsState{
		AccountAssignmentsArgs: AccountAssignmentsArgs{InstanceArn: args.InstanceArn, Assignments: managed,
			Governed: args.Governed},
		IdentityStoreID:       storeID,
		Count:                 len(managed),
		UndeclaredAssignments: []Assignment{},
		UndeclaredPolicies:    []UndeclaredPolicy{},
	}
}

// applyAssignments makes managed (the assignments the state records) into
// desired. When some operations fail it returns, with the assignments
// managed afterwards, an error wrapping infer.ResourceInitFailedError, so that
// the engine records what succeeded and the next update continues.
func applyAssignments(ctx context.Context, wait propagation, c *AssignmentClient, instanceArn string,
	managed, desired []Assignment,
) ([]Assignment, error) {
	after, res, err := c.Converge(ctx, instanceArn, managed, desired)
	if werr := c.waitListed(ctx, wait, instanceArn, res); err == nil && werr != nil {
		err = werr
	}
	if err == nil && len(res.Failed) == 0 {
		if res.Adopted > 0 {
			p.GetLogger(ctx).Infof("adopted %d existing assignments", res.Adopted)
		}
		return after, nil
	}
	reasons := make([]string, 0, len(res.Failed)+1)
	for _, f := range res.Failed {
		reasons = append(reasons, f.Error())
	}
	if err != nil {
		reasons = append(reasons, err.Error())
	}
	return after, fmt.Errorf("%d assignment operations failed and %d succeeded; those that succeeded are "+
		"recorded, and the next update retries the rest: %s: %w", len(res.Failed),
		len(res.Created)+len(res.Deleted), strings.Join(reasons, "; "),
		infer.ResourceInitFailedError{Reasons: reasons})
}

// waitListed reads the assignments res created and deleted until the lists
// show them created and deleted: Identity Center's lists lag its writes, and
// a refresh right after this update must see the set as it is
// (propagation).
func (c *AssignmentClient) waitListed(ctx context.Context, wait propagation, instanceArn string, res ApplyResult) error {
	if len(res.Created)+len(res.Deleted) == 0 {
		return nil
	}
	changed := append(append([]Assignment{}, res.Created...), res.Deleted...)
	deleted := map[string]bool{}
	for _, a := range res.Deleted {
		deleted[a.key()] = true
	}
	return wait.wait(ctx, "the account assignments' lists to show the changes", func(ctx context.Context) (bool, error) {
		present, err := c.Existing(ctx, instanceArn, changed)
		if err != nil {
			return false, fmt.Errorf("reading back the assignments: %w", err)
		}
		seen := 0
		for _, a := range present {
			if deleted[a.key()] {
				return false, nil
			}
			seen++
		}
		return seen == len(res.Created), nil
	})
}

func (c *AssignmentClient) storeOf(ctx context.Context, instanceArn string) string {
	insts, err := c.instances(ctx)
	if err != nil {
		return ""
	}
	for _, i := range insts {
		if i.arn == instanceArn {
			return i.identityStoreID
		}
	}
	return ""
}

// Create creates the assignments, adopting those that exist.
func (*AccountAssignments) Create(ctx context.Context, req infer.CreateRequest[AccountAssignmentsArgs]) (
	infer.CreateResponse[AccountAssignmentsState], error,
) {
	args := req.Inputs
	id := req.Name
	if m := instanceArnPattern.FindStringSubmatch(args.InstanceArn); m != nil {
		id = m[2] + "/" + req.Name
	}
	if req.DryRun {
		// No ID at preview: the set does not exist yet, and IdentityCenterSetup
		// tells a set to be created from one that exists by it.
		return infer.CreateResponse[AccountAssignmentsState]{Output: assignmentsStateOf(args, "", args.Assignments)}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	c, err := cfg.assignments(ctx)
	if err != nil {
		return infer.CreateResponse[AccountAssignmentsState]{}, err
	}
	store := c.storeOf(ctx, args.InstanceArn)
	managed, err := applyAssignments(ctx, cfg.propagation(), c, args.InstanceArn, nil, args.Assignments)
	out := infer.CreateResponse[AccountAssignmentsState]{ID: id, Output: assignmentsStateOf(args, store, managed)}
	return out, err
}

// Update adds and removes the assignments that changed.
func (*AccountAssignments) Update(ctx context.Context,
	req infer.UpdateRequest[AccountAssignmentsArgs, AccountAssignmentsState],
) (infer.UpdateResponse[AccountAssignmentsState], error) {
	removals := pendingRemovals(req.State, req.Inputs)
	if req.DryRun {
		out := assignmentsStateOf(req.Inputs, req.State.IdentityStoreID, req.Inputs.Assignments)
		out.UndeclaredAssignments = without(stillUndeclared(req.State, req.Inputs), removals)
		out.UndeclaredPolicies = keptPolicies(req.State, req.Inputs)
		return infer.UpdateResponse[AccountAssignmentsState]{Output: out}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	c, err := cfg.assignments(ctx)
	if err != nil {
		return infer.UpdateResponse[AccountAssignmentsState]{}, err
	}
	removed, err := removeUndeclared(ctx, cfg, c, req.State.InstanceArn, removals, governedNames(req.Inputs.Governed))
	if err != nil {
		return infer.UpdateResponse[AccountAssignmentsState]{}, err
	}
	managed, err := applyAssignments(ctx, cfg.propagation(), c, req.Inputs.InstanceArn, req.State.Assignments,
		req.Inputs.Assignments)
	out := assignmentsStateOf(req.Inputs, req.State.IdentityStoreID, managed)
	out.UndeclaredAssignments = without(stillUndeclared(req.State, req.Inputs), removed)
	if out.UndeclaredAssignments == nil {
		out.UndeclaredAssignments = []Assignment{}
	}
	out.UndeclaredPolicies = keptPolicies(req.State, req.Inputs)
	return infer.UpdateResponse[AccountAssignmentsState]{Output: out}, err
}

// Read refreshes the managed assignments: one that was removed out of band
// drops out of the state, so the next preview proposes to create it again.
func (*AccountAssignments) Read(ctx context.Context,
	req infer.ReadRequest[AccountAssignmentsArgs, AccountAssignmentsState],
) (infer.ReadResponse[AccountAssignmentsArgs, AccountAssignmentsState], error) {
	if req.State.InstanceArn == "" {
		return infer.ReadResponse[AccountAssignmentsArgs, AccountAssignmentsState]{}, fmt.Errorf(
			"importing AccountAssignments %q is not supported: declare the set in the program, and `pulumi up` "+
				"adopts the assignments that exist", req.ID)
	}
	c, err := infer.GetConfig[*Config](ctx).assignments(ctx)
	if err != nil {
		return infer.ReadResponse[AccountAssignmentsArgs, AccountAssignmentsState]{}, err
	}
	present, undeclared, policies, err := c.ReadUndeclared(ctx, req.State.InstanceArn, req.State.Assignments,
		req.State.Governed)
	if err != nil {
		return infer.ReadResponse[AccountAssignmentsArgs, AccountAssignmentsState]{},
			fmt.Errorf("reading the assignments of %s: %w", req.State.InstanceArn, err)
	}
	state := assignmentsStateOf(req.State.AccountAssignmentsArgs, req.State.IdentityStoreID, present)
	if len(undeclared) > 0 {
		state.UndeclaredAssignments = undeclared
	}
	if len(policies) > 0 {
		state.UndeclaredPolicies = policies
	}
	noteFound(req.ID, undeclared)
	if len(undeclared)+len(policies) > 0 {
		p.GetLogger(ctx).Warningf("%d assignments and %d policies of permission sets this program manages exist "+
			"in AWS and are not declared in it (made in the console or by another tool): %s. Declare them, remove "+
			"them, or set exclusive: true on the permission set to have the next `pulumi up` remove the "+
			"assignments", len(undeclared), len(policies),
			describeUndeclared(governedNames(req.State.Governed), undeclared, policies))
	}
	return infer.ReadResponse[AccountAssignmentsArgs, AccountAssignmentsState]{
		ID:     req.ID,
		Inputs: req.Inputs,
		State:  state,
	}, nil
}

// Delete deletes the managed assignments, and only those.
func (*AccountAssignments) Delete(ctx context.Context, req infer.DeleteRequest[AccountAssignmentsState]) (
	infer.DeleteResponse, error,
) {
	cfg := infer.GetConfig[*Config](ctx)
	c, err := cfg.assignments(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	res, err := c.Apply(ctx, req.State.InstanceArn, nil, req.State.Assignments)
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting the assignments: %w", err)
	}
	if err := c.waitListed(ctx, cfg.propagation(), req.State.InstanceArn, res); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting the assignments: %w", err)
	}
	if len(res.Failed) > 0 {
		msgs := make([]string, 0, len(res.Failed))
		for _, f := range res.Failed {
			msgs = append(msgs, f.Error())
		}
		return infer.DeleteResponse{}, fmt.Errorf("%d of %d assignments could not be deleted (the resource "+
			"stays in the state; run destroy again): %s", len(res.Failed), len(req.State.Assignments),
			strings.Join(msgs, "; "))
	}
	return infer.DeleteResponse{}, nil
}
