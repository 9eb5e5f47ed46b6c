package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// InspectorEnabler is aws:inspector2/enabler:Enabler (terraform-provider-aws
// internal/service/inspector2/enabler.go): the scans of resourceTypes
// activated in accountIds. ID "<account IDs, sorted, ':'-separated>-<types,
// sorted, ':'-separated>" (enablerID). Create is Enable (failed accounts with
// a transient code, such as ACCESS_DENIED while membership propagates, are
// retried), then BatchGetAccountStatus until no account or type is pending
// (waitEnabled), then Disable of the types an account has beyond
// resourceTypes; Read is BatchGetAccountStatus (the enabled accounts, and
// the first one's enabled types); Update enables the new set and disables
// the types and accounts left out; Delete disables every type in the member
// accounts (or in the administrator's own, when it is alone) and waits until
// they are DISABLED. Neither input replaces.
type InspectorEnabler struct{}

// InspectorEnablerArgs are its inputs.
type InspectorEnablerArgs struct {
	AccountIDs    []string `pulumi:"accountIds"`
	ResourceTypes []string `pulumi:"resourceTypes"`
}

// InspectorEnablerState is its state.
type InspectorEnablerState struct {
	InspectorEnablerArgs
}

// Annotate sets pulumi-aws's token.
func (*InspectorEnabler) Annotate(a infer.Annotator) { a.SetToken("inspector2/enabler", "Enabler") }

// enablerID is terraform-provider-aws's enablerID.
func enablerID(accounts, resourceTypes []string) string {
	return strings.Join(slices.Sorted(slices.Values(accounts)), ":") + "-" +
		strings.Join(slices.Sorted(slices.Values(resourceTypes)), ":")
}

// inspectorAccountStatus is an account's status and each type's.
type inspectorAccountStatus struct {
	status string
	types  map[string]string
}

// inspectorStatuses is BatchGetAccountStatus of accounts.
func inspectorStatuses(ctx context.Context, c *Config, accounts []string) (map[string]inspectorAccountStatus, error) {
	out, err := inspector2.NewFromConfig(c.aws).BatchGetAccountStatus(ctx,
		&inspector2.BatchGetAccountStatusInput{AccountIds: accounts})
	if err != nil {
		return nil, err
	}
	res := map[string]inspectorAccountStatus{}
	for _, a := range out.Accounts {
		if a.AccountId == nil || a.State == nil {
			continue
		}
		st := inspectorAccountStatus{status: string(a.State.Status), types: map[string]string{}}
		if rs := a.ResourceState; rs != nil {
			for t, s := range map[string]*types.State{"EC2": rs.Ec2, "ECR": rs.Ecr, "LAMBDA": rs.Lambda,
				"LAMBDA_CODE": rs.LambdaCode, "CODE_REPOSITORY": rs.CodeRepository} {
				if s != nil {
					st.types[t] = string(s.Status)
				}
			}
		}
		res[aws.ToString(a.AccountId)] = st
	}
	return res, nil
}

// inspectorPending are the transitional statuses.
var inspectorPending = []string{"ENABLING", "DISABLING", "SUSPENDING"}

// waitInspector polls BatchGetAccountStatus until done says the statuses
// are final, for at most five minutes.
func waitInspector(ctx context.Context, c *Config, accounts []string,
	done func(map[string]inspectorAccountStatus) bool,
) (map[string]inspectorAccountStatus, error) {
	var st map[string]inspectorAccountStatus
	err := c.until(ctx, 5*time.Minute, func() (bool, error) {
		var err error
		st, err = inspectorStatuses(ctx, c, accounts)
		return err == nil && done(st), err
	})
	return st, err
}

// enabled is terraform-provider-aws's statusEnablerAccountAndResourceTypes
// reaching COMPLETE: nothing pending, and no account ENABLED with every type
// DISABLED.
func enabled(st map[string]inspectorAccountStatus) bool {
	for _, a := range st {
		if slices.Contains(inspectorPending, a.status) {
			return false
		}
		allDisabled := true
		for _, s := range a.types {
			if slices.Contains(inspectorPending, s) {
				return false
			}
			allDisabled = allDisabled && s == "DISABLED"
		}
		if a.status == "ENABLED" && allDisabled {
			return false
		}
	}
	return true
}

// disabledAll says every account is DISABLED.
func disabledAll(st map[string]inspectorAccountStatus) bool {
	for _, a := range st {
		if a.status != "DISABLED" {
			return false
		}
	}
	return true
}

// failedAccounts is the error of Enable's or Disable's failed accounts, and
// whether each failure is transient (terraform-provider-aws retries those).
func failedAccounts(failed []types.FailedAccount) (error, bool) {
	var errs []error
	transient := true
	for _, a := range failed {
		errs = append(errs, fmt.Errorf("account %s: %s: %s", aws.ToString(a.AccountId), a.ErrorCode,
			aws.ToString(a.ErrorMessage)))
		switch a.ErrorCode {
		case types.ErrorCodeAccessDenied, types.ErrorCodeSsmThrottled, types.ErrorCodeEventbridgeThrottled,
			types.ErrorCodeEnableInProgress, types.ErrorCodeDisableInProgress, types.ErrorCodeSuspendInProgress:
		default:
			transient = false
		}
	}
	return errors.Join(errs...), transient
}

// enable enables resourceTypes in accounts, retrying transient failures
// for at most five minutes, and waits until they are enabled.
func (c *Config) enableInspector(ctx context.Context, accounts, resourceTypes []string) (
	map[string]inspectorAccountStatus, error,
) {
	in := &inspector2.EnableInput{AccountIds: accounts}
	for _, t := range resourceTypes {
		in.ResourceTypes = append(in.ResourceTypes, types.ResourceScanType(t))
	}
	var last error
	err := c.until(ctx, 5*time.Minute, func() (bool, error) {
		out, err := inspector2.NewFromConfig(c.aws).Enable(ctx, in)
		if err != nil {
			return false, err
		}
		ferr, transient := failedAccounts(out.FailedAccounts)
		if ferr != nil && !transient {
			return false, ferr
		}
		last = ferr
		return ferr == nil, nil
	})
	if err != nil {
		return nil, errors.Join(err, last)
	}
	st, err := waitInspector(ctx, c, accounts, enabled)
	if err != nil {
		return nil, fmt.Errorf("waiting for the scans to be enabled: %w", err)
	}
	return st, nil
}

// disableInspector disables resourceTypes in accounts (ACCESS_DENIED is
// ignored, as terraform-provider-aws's disableAccounts does).
func (c *Config) disableInspector(ctx context.Context, accounts, resourceTypes []string) error {
	in := &inspector2.DisableInput{AccountIds: accounts}
	for _, t := range resourceTypes {
		in.ResourceTypes = append(in.ResourceTypes, types.ResourceScanType(t))
	}
	out, err := inspector2.NewFromConfig(c.aws).Disable(ctx, in)
	if err != nil {
		return err
	}
	var failed []types.FailedAccount
	for _, a := range out.FailedAccounts {
		if a.ErrorCode != types.ErrorCodeAccessDenied {
			failed = append(failed, a)
		}
	}
	ferr, _ := failedAccounts(failed)
	return ferr
}

// allScanTypes are every resource scan type.
func allScanTypes() []string {
	var out []string
	for _, t := range types.ResourceScanType("").Values() {
		out = append(out, string(t))
	}
	return out
}

// Create enables the scans.
func (*InspectorEnabler) Create(ctx context.Context, req infer.CreateRequest[InspectorEnablerArgs]) (
	infer.CreateResponse[InspectorEnablerState], error,
) {
	x := req.Inputs
	id := enablerID(x.AccountIDs, x.ResourceTypes)
	out := infer.CreateResponse[InspectorEnablerState]{ID: id, Output: InspectorEnablerState{x}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	st, err := c.enableInspector(ctx, x.AccountIDs, x.ResourceTypes)
	if err != nil {
		return out, fmt.Errorf("creating Inspector2 Enabler (%s): %w", id, err)
	}
	for _, acct := range slices.Sorted(maps.Keys(st)) {
		var extra []string
		for t, s := range st[acct].types {
			if s == "ENABLED" && !slices.Contains(x.ResourceTypes, t) {
				extra = append(extra, t)
			}
		}
		if len(extra) > 0 {
			if err := c.disableInspector(ctx, []string{acct}, extra); err != nil {
				return out, fmt.Errorf("updating Inspector2 Enabler (%s): %w", id, err)
			}
		}
	}
	return out, nil
}

// Read reads the accounts' statuses; none known leaves the state.
func (*InspectorEnabler) Read(ctx context.Context, req infer.ReadRequest[InspectorEnablerArgs, InspectorEnablerState]) (
	infer.ReadResponse[InspectorEnablerArgs, InspectorEnablerState], error,
) {
	type resp = infer.ReadResponse[InspectorEnablerArgs, InspectorEnablerState]
	accountsPart, typesPart, ok := strings.Cut(req.ID, "-")
	if !ok || strings.Contains(typesPart, "-") {
		return resp{}, fmt.Errorf("unexpected ID format (%s), expected <account-ids (':' separated)>-<types (':' "+
			"separated)>", req.ID)
	}
	st, err := inspectorStatuses(ctx, config(ctx), strings.Split(accountsPart, ":"))
	if err != nil {
		return resp{}, fmt.Errorf("reading Inspector2 Enabler (%s): %w", req.ID, err)
	}
	if len(st) == 0 {
		return resp{}, nil
	}
	args := InspectorEnablerArgs{AccountIDs: []string{}, ResourceTypes: []string{}}
	accounts := slices.Sorted(maps.Keys(st))
	for _, a := range accounts {
		if st[a].status == "ENABLED" {
			args.AccountIDs = append(args.AccountIDs, a)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(st[accounts[0]].types)) {
		if st[accounts[0]].types[t] == "ENABLED" {
			args.ResourceTypes = append(args.ResourceTypes, t)
		}
	}
	// Sets, as pulumi-aws's: in the order of the inputs when they match.
	if in := req.Inputs; sameSet(in.AccountIDs, args.AccountIDs) && sameSet(in.ResourceTypes, args.ResourceTypes) {
		args = in
	}
	return resp{ID: req.ID, Inputs: args, State: InspectorEnablerState{args}}, nil
}

// sameSet says whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// Update enables the new set, then disables what it leaves out.
func (*InspectorEnabler) Update(ctx context.Context,
	req infer.UpdateRequest[InspectorEnablerArgs, InspectorEnablerState],
) (infer.UpdateResponse[InspectorEnablerState], error) {
	x := req.Inputs
	out := infer.UpdateResponse[InspectorEnablerState]{Output: InspectorEnablerState{x}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	id := enablerID(x.AccountIDs, x.ResourceTypes)
	if _, err := c.enableInspector(ctx, x.AccountIDs, x.ResourceTypes); err != nil {
		return out, fmt.Errorf("updating Inspector2 Enabler (%s): %w", id, err)
	}
	var off []string
	for _, t := range allScanTypes() {
		if !slices.Contains(x.ResourceTypes, t) {
			off = append(off, t)
		}
	}
	if !sameSet(req.State.ResourceTypes, x.ResourceTypes) && len(off) > 0 {
		if err := c.disableInspector(ctx, x.AccountIDs, off); err != nil {
			return out, fmt.Errorf("updating Inspector2 Enabler (%s): %w", id, err)
		}
	}
	var removed []string
	for _, a := range req.State.AccountIDs {
		if !slices.Contains(x.AccountIDs, a) {
			removed = append(removed, a)
		}
	}
	if len(removed) > 0 {
		if err := c.disableInspector(ctx, removed, allScanTypes()); err != nil {
			return out, fmt.Errorf("updating Inspector2 Enabler (%s): %w", id, err)
		}
	}
	return out, nil
}

// Delete disables every scan type in the accounts and waits for it.
func (*InspectorEnabler) Delete(ctx context.Context, req infer.DeleteRequest[InspectorEnablerState]) (
	infer.DeleteResponse, error,
) {
	c := config(ctx)
	self, err := c.accountID(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	var members []string
	for _, a := range req.State.AccountIDs {
		if a != self {
			members = append(members, a)
		}
	}
	if len(members) == 0 {
		members = []string{self}
	}
	if err := c.disableInspector(ctx, members, allScanTypes()); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Inspector2 Enabler (%s): %w", req.ID, err)
	}
	if _, err := waitInspector(ctx, c, members, disabledAll); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for Inspector2 Enabler (%s) delete: %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
