package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Exclusive permission sets (GovernedPermissionSet.Exclusive): the next
// update removes the undeclared assignments the last refresh recorded. The
// guards:
//
//   - only what the state records is removed, so every preview before the
//     update shows each removal (Diff lists them);
//   - an assignment first found by a refresh of this provider process (the
//     same `pulumi up --refresh`) is not removed by its update: the engine
//     gives a provider no way to tell whether the user saw a preview
//     (`--skip-preview` looks the same as a confirmed preview), so a removal
//     needs a state written by an earlier operation, which any preview since
//     has shown;
//   - never an assignment in the organization's management account, nor one
//     of the permission set whose role the deploying credentials are (an
//     AWSReservedSSO_<name>_<hash> role, Identity Center's naming) in their
//     account: removing those could lock the deployer or the management
//     account out. When the guard cannot tell (a lookup fails), nothing is
//     removed and the update fails, saying why.

// foundThisProcess records the undeclared assignments each resource's Read
// found in this provider process, by resource ID.
var foundThisProcess = struct {
	sync.Mutex
	m map[string]map[string]bool
}{m: map[string]map[string]bool{}}

func noteFound(id string, as []Assignment) {
	foundThisProcess.Lock()
	defer foundThisProcess.Unlock()
	set := foundThisProcess.m[id]
	if set == nil {
		set = map[string]bool{}
		foundThisProcess.m[id] = set
	}
	for _, a := range as {
		set[a.key()] = true
	}
}

func foundNow(a Assignment) bool {
	foundThisProcess.Lock()
	defer foundThisProcess.Unlock()
	for _, set := range foundThisProcess.m {
		if set[a.key()] {
			return true
		}
	}
	return false
}

// governedNames maps each governed permission set's ARN to its name.
func governedNames(gs []GovernedPermissionSet) map[string]string {
	out := map[string]string{}
	for _, g := range gs {
		out[g.PermissionSetArn] = g.Name
	}
	return out
}

// stillUndeclared is the state's undeclared assignments that the inputs
// neither list now nor stopped governing.
func stillUndeclared(state AccountAssignmentsState, in AccountAssignmentsArgs) []Assignment {
	gov := map[string]bool{}
	for _, g := range in.Governed {
		gov[g.PermissionSetArn] = true
	}
	declared := keySet(in.Assignments)
	var out []Assignment
	for _, a := range state.UndeclaredAssignments {
		if _, ok := declared[a.key()]; !ok && gov[a.PermissionSetArn] {
			out = append(out, a)
		}
	}
	return out
}

// keptPolicies is the state's undeclared policies of permission sets the
// inputs still govern.
func keptPolicies(state AccountAssignmentsState, in AccountAssignmentsArgs) []UndeclaredPolicy {
	gov := map[string]bool{}
	for _, g := range in.Governed {
		gov[g.PermissionSetArn] = true
	}
	out := []UndeclaredPolicy{}
	for _, u := range state.UndeclaredPolicies {
		if gov[u.PermissionSetArn] {
			out = append(out, u)
		}
	}
	return out
}

// pendingRemovals is what the next update removes: the recorded undeclared
// assignments of exclusive permission sets.
func pendingRemovals(state AccountAssignmentsState, in AccountAssignmentsArgs) []Assignment {
	exclusive := map[string]bool{}
	for _, g := range in.Governed {
		if g.Exclusive {
			exclusive[g.PermissionSetArn] = true
		}
	}
	var out []Assignment
	for _, a := range stillUndeclared(state, in) {
		if exclusive[a.PermissionSetArn] {
			out = append(out, a)
		}
	}
	return out
}

// diffUndeclared adds each pending removal to the diff, as a delete of its
// entry in undeclaredAssignments, and warns of the undeclared access that
// stays.
func diffUndeclared(ctx context.Context, req infer.DiffRequest[AccountAssignmentsArgs, AccountAssignmentsState],
	diff map[string]p.PropertyDiff,
) {
	removals := keySet(pendingRemovals(req.State, req.Inputs))
	for i, a := range req.State.UndeclaredAssignments {
		if _, ok := removals[a.key()]; ok {
			diff[fmt.Sprintf("undeclaredAssignments[%d]", i)] = p.PropertyDiff{Kind: p.Delete}
		}
	}
	if len(removals) > 0 {
		p.GetLogger(ctx).Warningf("%s: the update removes up to %d undeclared assignments of exclusive "+
			"permission sets (the guards keep those in the management account and the deploying role's own): %s",
			req.ID, len(removals), describeUndeclared(governedNames(req.Inputs.Governed),
				pendingRemovals(req.State, req.Inputs), nil))
	}
	if len(req.State.GovernedDiff(req.Inputs)) > 0 {
		diff["governedPermissionSets"] = p.PropertyDiff{Kind: p.Update, InputDiff: true}
	}
}

// GovernedDiff says whether the governed permission sets changed.
func (s AccountAssignmentsState) GovernedDiff(in AccountAssignmentsArgs) []string {
	key := func(gs []GovernedPermissionSet) string {
		var b strings.Builder
		for _, g := range gs {
			fmt.Fprintf(&b, "%s|%s|%v|%v|%v;", g.PermissionSetArn, g.Name, g.ManagedPolicyArns,
				g.CustomerManagedPolicies, g.Exclusive)
		}
		return b.String()
	}
	if key(s.Governed) != key(in.Governed) {
		return []string{"governedPermissionSets"}
	}
	return nil
}

// ssoRolePattern is the ARN of a session of an IAM Identity Center role:
// arn:aws:sts::<account>:assumed-role/AWSReservedSSO_<permission set>_<hash>/<user>.
var ssoRolePattern = regexp.MustCompile(`^arn:aws[a-z-]*:sts::(\d{12}):assumed-role/AWSReservedSSO_(.+)_[0-9a-f]{16}/`)

// removeUndeclared deletes the removals that the guards allow, and returns
// those deleted.
func removeUndeclared(ctx context.Context, cfg *Config, c *AssignmentClient, instanceArn string,
	removals []Assignment, names map[string]string,
) ([]Assignment, error) {
	var allowed []Assignment
	for _, a := range removals {
		if !foundNow(a) {
			allowed = append(allowed, a)
		}
	}
	if deferred := len(removals) - len(allowed); deferred > 0 {
		p.GetLogger(ctx).Warningf("%d undeclared assignments were first found by this operation's refresh; the "+
			"next update removes them, after a preview has shown them", deferred)
	}
	if len(allowed) == 0 {
		return nil, nil
	}
	mgmt, callerAccount, callerSet, err := deployerScope(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("exclusive permission sets: removing no undeclared assignment, since the "+
			"management account and the deploying role could not be told: %w", err)
	}
	var del []Assignment
	for _, a := range allowed {
		if a.AccountID == mgmt {
			continue
		}
		if callerSet != "" && a.AccountID == callerAccount && names[a.PermissionSetArn] == callerSet {
			continue
		}
		del = append(del, a)
	}
	if kept := len(allowed) - len(del); kept > 0 {
		p.GetLogger(ctx).Warningf("%d undeclared assignments are kept: they reach the management account %s or "+
			"are the deploying role's own", kept, mgmt)
	}
	if len(del) == 0 {
		return nil, nil
	}
	res, err := c.Apply(ctx, instanceArn, nil, del)
	if err != nil {
		return res.Deleted, fmt.Errorf("removing undeclared assignments: %w", err)
	}
	if len(res.Failed) > 0 {
		return res.Deleted, fmt.Errorf("removing %d undeclared assignments failed: %v", len(res.Failed), res.Failed[0])
	}
	p.GetLogger(ctx).Infof("removed %d undeclared assignments of exclusive permission sets", len(res.Deleted))
	return res.Deleted, nil
}

// deployerScope returns the management account, the account of the
// deploying credentials and, when they are an IAM Identity Center role, the
// permission set it comes from.
func deployerScope(ctx context.Context, cfg *Config) (mgmt, account, permissionSet string, err error) {
	awsCfg, err := cfg.awsConfig(ctx)
	if err != nil {
		return "", "", "", err
	}
	id, err := sts.NewFromConfig(awsCfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", "", "", fmt.Errorf("sts:GetCallerIdentity: %w", err)
	}
	org, err := organizations.NewFromConfig(awsCfg, func(o *organizations.Options) {
		if cfg.Endpoint != nil {
			o.BaseEndpoint = cfg.Endpoint
		}
	}).DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil {
		return "", "", "", fmt.Errorf("organizations:DescribeOrganization: %w", err)
	}
	arn := aws.ToString(id.Arn)
	if m := ssoRolePattern.FindStringSubmatch(arn); m != nil {
		permissionSet = m[2]
	}
	return aws.ToString(org.Organization.MasterAccountId), aws.ToString(id.Account), permissionSet, nil
}
