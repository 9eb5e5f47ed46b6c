package provider

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

//go:embed docs/permissionsetprovisioning.md
var permissionSetProvisioningDoc string

// PermissionSetProvisioning provisions one permission set to every account
// it is provisioned to (ProvisionPermissionSet, ALL_PROVISIONED_ACCOUNTS)
// whenever its revision changes, waits until Identity Center reports the
// outcome, and reads back the accounts left outdated.
type PermissionSetProvisioning struct{}

// Compile-time checks that the resource implements the life cycle.
var (
	_ infer.CustomResource[PermissionSetProvisioningArgs, PermissionSetProvisioningState] = (*PermissionSetProvisioning)(nil)
	_ infer.CustomCheck[PermissionSetProvisioningArgs]                                    = (*PermissionSetProvisioning)(nil)
	_ infer.CustomRead[PermissionSetProvisioningArgs, PermissionSetProvisioningState]     = (*PermissionSetProvisioning)(nil)
	_ infer.CustomUpdate[PermissionSetProvisioningArgs, PermissionSetProvisioningState]   = (*PermissionSetProvisioning)(nil)
	_ infer.CustomDelete[PermissionSetProvisioningState]                                  = (*PermissionSetProvisioning)(nil)
)

// PermissionSetProvisioningArgs are the inputs of PermissionSetProvisioning.
type PermissionSetProvisioningArgs struct {
	InstanceArn      string `pulumi:"instanceArn" provider:"replaceOnChanges"`
	PermissionSetArn string `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
	Revision         string `pulumi:"revision,optional"`
}

// PermissionSetProvisioningState is the state of PermissionSetProvisioning.
type PermissionSetProvisioningState struct {
	PermissionSetProvisioningArgs
	OutdatedAccountIDs []string `pulumi:"outdatedAccountIds"`
}

// Annotate documents the resource.
func (r *PermissionSetProvisioning) Annotate(a infer.Annotator) {
	a.Describe(r, permissionSetProvisioningDoc)
}

// Annotate documents the inputs.
func (x *PermissionSetProvisioningArgs) Annotate(a infer.Annotator) {
	a.Describe(&x.InstanceArn, "The ARN of the IAM Identity Center instance, such as "+
		"`arn:aws:sso:::instance/ssoins-1234567890abcdef`. Changing it replaces the resource.")
	a.Describe(&x.PermissionSetArn, "The ARN of the permission set to provision, of that instance, such as "+
		"`arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef`. Changing it replaces the "+
		"resource.")
	a.Describe(&x.Revision, "Anything that changes whenever the permission set or one of its policies does, "+
		"such as a hash of them (IdentityCenterSetup gives one). Each change provisions the permission set again, "+
		"after every resource this one depends on.")
}

// Annotate documents the outputs.
func (x *PermissionSetProvisioningState) Annotate(a infer.Annotator) {
	a.Describe(&x.OutdatedAccountIDs, "The accounts the permission set is provisioned to with an older version "+
		"than its latest (ListAccountsForProvisionedPermissionSet, LATEST_PERMISSION_SET_NOT_PROVISIONED), as "+
		"last read: empty after a successful provisioning. A refresh that finds some marks the resource for an "+
		"update, so the next `pulumi up` provisions again.")
}

// outdatedRevision marks, in the inputs a refresh records, a revision whose
// provisioning some accounts lack, so that the next update differs from the
// program's revision and provisions again.
const outdatedRevision = " (outdated)"

// provisioning returns the client's ssoadmin calls for provisioning: the
// same client, rate limiter and retryer as the assignments.
func (c *AssignmentClient) provisioning() (awsapi.Provisioning, error) {
	api, ok := c.sso.(awsapi.Provisioning)
	if !ok {
		return nil, fmt.Errorf("the Identity Center client cannot provision permission sets")
	}
	return api, nil
}

// provisioningTimeout bounds the wait for one provisioning. AWS gives no
// bound; terraform-provider-aws waits 10 minutes by default.
const provisioningTimeout = 30 * time.Minute

// Provision runs ProvisionPermissionSet for every provisioned account and
// waits until DescribePermissionSetProvisioningStatus reports the outcome. A
// provisioning of the same permission set already in progress is answered
// with ConflictException, which the SDK's retryer retries with backoff.
func (c *AssignmentClient) Provision(ctx context.Context, instanceArn, permissionSetArn string) error {
	api, err := c.provisioning()
	if err != nil {
		return err
	}
	out, err := api.ProvisionPermissionSet(ctx, &ssoadmin.ProvisionPermissionSetInput{
		InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(permissionSetArn),
		TargetType: ssotypes.ProvisionTargetTypeAllProvisionedAccounts,
	})
	if err != nil {
		return explainService("sso:ProvisionPermissionSet", err)
	}
	st := out.PermissionSetProvisioningStatus
	deadline := c.clock.Now().Add(provisioningTimeout)
	for wait := 500 * time.Millisecond; st != nil && st.Status == ssotypes.StatusValuesInProgress; wait = min(2*wait, 10*time.Second) {
		if c.clock.Now().After(deadline) {
			return fmt.Errorf("provisioning %s is still in progress after %s (request %s); the next update "+
				"provisions it again", permissionSetArn, provisioningTimeout, aws.ToString(st.RequestId))
		}
		if err := c.clock.Sleep(ctx, wait); err != nil {
			return err
		}
		res, err := api.DescribePermissionSetProvisioningStatus(ctx, &ssoadmin.DescribePermissionSetProvisioningStatusInput{
			InstanceArn: aws.String(instanceArn), ProvisionPermissionSetRequestId: st.RequestId,
		})
		if err != nil {
			return explainService("sso:DescribePermissionSetProvisioningStatus", err)
		}
		st = res.PermissionSetProvisioningStatus
	}
	if st == nil {
		return fmt.Errorf("provisioning %s: IAM Identity Center returned no status", permissionSetArn)
	}
	if st.Status == ssotypes.StatusValuesFailed {
		return fmt.Errorf("provisioning %s failed (request %s): %s; fix the cause (a customer managed policy or "+
			"boundary missing in an account is the usual one), and the next `pulumi up` provisions again",
			permissionSetArn, aws.ToString(st.RequestId), aws.ToString(st.FailureReason))
	}
	return nil
}

// Outdated lists the accounts a permission set is provisioned to without its
// latest version.
func (c *AssignmentClient) Outdated(ctx context.Context, instanceArn, permissionSetArn string) ([]string, error) {
	api, err := c.provisioning()
	if err != nil {
		return nil, err
	}
	var out []string
	pages := ssoadmin.NewListAccountsForProvisionedPermissionSetPaginator(api, &ssoadmin.ListAccountsForProvisionedPermissionSetInput{
		InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(permissionSetArn),
		ProvisioningStatus: ssotypes.ProvisioningStatusLatestPermissionSetNotProvisioned,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, explainService("sso:ListAccountsForProvisionedPermissionSet", err)
		}
		out = append(out, page.AccountIds...)
	}
	return out, nil
}

// Check validates the ARNs when they are known: each is the format AWS
// documents, and the permission set belongs to the instance.
func (*PermissionSetProvisioning) Check(ctx context.Context, req infer.CheckRequest) (
	infer.CheckResponse[PermissionSetProvisioningArgs], error,
) {
	args, failures, err := infer.DefaultCheck[PermissionSetProvisioningArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[PermissionSetProvisioningArgs]{Inputs: args, Failures: failures}, err
	}
	known := func(k string) bool {
		v, ok := req.NewInputs.GetOk(k)
		return ok && !v.IsComputed() && v.IsString()
	}
	instanceID := ""
	if known("instanceArn") {
		if m := instanceArnPattern.FindStringSubmatch(args.InstanceArn); m != nil {
			instanceID = m[2]
		} else {
			failures = append(failures, p.CheckFailure{Property: "instanceArn", Reason: fmt.Sprintf(
				"instanceArn %q is not an IAM Identity Center instance ARN; give one such as "+
					"arn:aws:sso:::instance/ssoins-1234567890abcdef", args.InstanceArn)})
		}
	}
	if known("permissionSetArn") {
		switch m := permissionSetArnPattern.FindStringSubmatch(args.PermissionSetArn); {
		case m == nil:
			failures = append(failures, p.CheckFailure{Property: "permissionSetArn", Reason: fmt.Sprintf(
				"permissionSetArn %q is not a permission set ARN; give one such as "+
					"arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef", args.PermissionSetArn)})
		case instanceID != "" && m[2] != instanceID:
			failures = append(failures, p.CheckFailure{Property: "permissionSetArn", Reason: fmt.Sprintf(
				"permissionSetArn %q is a permission set of instance %s, not of instanceArn's %s; use a permission "+
					"set of the same instance", args.PermissionSetArn, m[2], instanceID)})
		}
	}
	return infer.CheckResponse[PermissionSetProvisioningArgs]{Inputs: args, Failures: failures}, nil
}

// provision provisions for the inputs and returns the state.
func provision(ctx context.Context, args PermissionSetProvisioningArgs) (PermissionSetProvisioningState, error) {
	c, err := infer.GetConfig[*Config](ctx).assignments(ctx)
	if err != nil {
		return PermissionSetProvisioningState{}, err
	}
	if err := c.Provision(ctx, args.InstanceArn, args.PermissionSetArn); err != nil {
		return PermissionSetProvisioningState{}, err
	}
	outdated, err := c.Outdated(ctx, args.InstanceArn, args.PermissionSetArn)
	if err != nil {
		return PermissionSetProvisioningState{}, err
	}
	return PermissionSetProvisioningState{PermissionSetProvisioningArgs: args, OutdatedAccountIDs: nonNil(outdated)}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Create provisions the permission set where an account has an outdated
// copy. Where none has (a new permission set, whose policy attachments
// provisioned it, or an adopted one that is current), it is recorded without
// a write, so adopting an organization provisions nothing. A failure creates
// nothing, so the next update provisions again.
func (*PermissionSetProvisioning) Create(ctx context.Context, req infer.CreateRequest[PermissionSetProvisioningArgs]) (
	infer.CreateResponse[PermissionSetProvisioningState], error,
) {
	type resp = infer.CreateResponse[PermissionSetProvisioningState]
	id := req.Inputs.PermissionSetArn
	if req.DryRun {
		return resp{ID: id, Output: PermissionSetProvisioningState{PermissionSetProvisioningArgs: req.Inputs}}, nil
	}
	c, err := infer.GetConfig[*Config](ctx).assignments(ctx)
	if err != nil {
		return resp{}, err
	}
	outdated, err := c.Outdated(ctx, req.Inputs.InstanceArn, req.Inputs.PermissionSetArn)
	if err != nil {
		return resp{}, err
	}
	if len(outdated) == 0 {
		return resp{ID: id, Output: PermissionSetProvisioningState{PermissionSetProvisioningArgs: req.Inputs,
			OutdatedAccountIDs: []string{}}}, nil
	}
	state, err := provision(ctx, req.Inputs)
	if err != nil {
		return resp{}, err
	}
	return resp{ID: id, Output: state}, nil
}

// Update provisions again: the revision changed, or a refresh found accounts
// outdated. A failure keeps the old state, so the next update provisions
// again.
func (*PermissionSetProvisioning) Update(ctx context.Context,
	req infer.UpdateRequest[PermissionSetProvisioningArgs, PermissionSetProvisioningState],
) (infer.UpdateResponse[PermissionSetProvisioningState], error) {
	type resp = infer.UpdateResponse[PermissionSetProvisioningState]
	if req.DryRun {
		return resp{Output: PermissionSetProvisioningState{PermissionSetProvisioningArgs: req.Inputs,
			OutdatedAccountIDs: req.State.OutdatedAccountIDs}}, nil
	}
	state, err := provision(ctx, req.Inputs)
	if err != nil {
		return resp{}, err
	}
	return resp{Output: state}, nil
}

// Read lists the outdated accounts. When there are some, the recorded
// revision is marked outdated, so the next update provisions again.
func (*PermissionSetProvisioning) Read(ctx context.Context,
	req infer.ReadRequest[PermissionSetProvisioningArgs, PermissionSetProvisioningState],
) (infer.ReadResponse[PermissionSetProvisioningArgs, PermissionSetProvisioningState], error) {
	type resp = infer.ReadResponse[PermissionSetProvisioningArgs, PermissionSetProvisioningState]
	inputs := req.Inputs
	if inputs.PermissionSetArn == "" {
		inputs = req.State.PermissionSetProvisioningArgs
	}
	importing := inputs.PermissionSetArn == "" // no inputs and no prior state
	if importing {
		inputs.PermissionSetArn = req.ID
		inputs.InstanceArn = instanceOfPermissionSet(req.ID)
		if inputs.InstanceArn == "" {
			return resp{}, fmt.Errorf("%q is not a permission set ARN: import PermissionSetProvisioning with the "+
				"ARN of its permission set, such as arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef",
				req.ID)
		}
	}
	c, err := infer.GetConfig[*Config](ctx).assignments(ctx)
	if err != nil {
		return resp{}, err
	}
	outdated, err := c.Outdated(ctx, inputs.InstanceArn, inputs.PermissionSetArn)
	var notFound *ssotypes.ResourceNotFoundException
	switch {
	case errors.As(err, &notFound) && importing:
		return resp{}, nothingToImport(fmt.Sprintf("permission set %s does not exist", req.ID),
			"check the ID, the permission set's ARN, against `aws sso-admin list-permission-sets`")
	case errors.As(err, &notFound):
		return resp{}, nil // the permission set is gone
	}
	if err != nil {
		return resp{}, err
	}
	state := PermissionSetProvisioningState{PermissionSetProvisioningArgs: inputs, OutdatedAccountIDs: nonNil(outdated)}
	if len(outdated) > 0 && !hasOutdatedMark(inputs.Revision) {
		inputs.Revision += outdatedRevision
		state.Revision = inputs.Revision
	}
	return resp{ID: req.ID, Inputs: inputs, State: state}, nil
}

func hasOutdatedMark(revision string) bool {
	return len(revision) >= len(outdatedRevision) && revision[len(revision)-len(outdatedRevision):] == outdatedRevision
}

// Delete undoes nothing: provisioning leaves no resource of its own; the
// roles go with the permission set's assignments.
func (*PermissionSetProvisioning) Delete(ctx context.Context, _ infer.DeleteRequest[PermissionSetProvisioningState]) (
	infer.DeleteResponse, error,
) {
	p.GetLogger(ctx).Debugf("deleting a permission set provisioning calls no API")
	return infer.DeleteResponse{}, nil
}

// instanceOfPermissionSet is the instance ARN a permission set ARN names
// (arn:PARTITION:sso:::permissionSet/ssoins-ID/ps-ID gives
// arn:PARTITION:sso:::instance/ssoins-ID), or "" for another string.
func instanceOfPermissionSet(arn string) string {
	prefix, rest, ok := strings.Cut(arn, ":sso:::permissionSet/")
	if !ok || !strings.HasPrefix(prefix, "arn:") {
		return ""
	}
	instance, ps, ok := strings.Cut(rest, "/")
	if !ok || !strings.HasPrefix(instance, "ssoins-") || !strings.HasPrefix(ps, "ps-") {
		return ""
	}
	return prefix + ":sso:::instance/" + instance
}
