package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/detective/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// DetectiveMember is aws:detective/member:Member (terraform-provider-aws
// internal/service/detective/member.go): ID "<graph ARN>/<account ID>"
// (pulumi-aws imports it so); every input replaces (ForceNew). Create is
// CreateMembers (an account it could not process fails), then ListMembers
// until the member is INVITED or ENABLED (waitMemberInvited); Read
// ListMembers (a member or graph gone leaves the state); Delete
// DeleteMembers.
type DetectiveMember struct{}

// DetectiveMemberArgs are its inputs.
type DetectiveMemberArgs struct {
	AccountID                string  `pulumi:"accountId" provider:"replaceOnChanges"`
	EmailAddress             string  `pulumi:"emailAddress" provider:"replaceOnChanges"`
	GraphArn                 string  `pulumi:"graphArn" provider:"replaceOnChanges"`
	Message                  *string `pulumi:"message,optional" provider:"replaceOnChanges"`
	DisableEmailNotification *bool   `pulumi:"disableEmailNotification,optional" provider:"replaceOnChanges"`
}

// DetectiveMemberState is its state.
type DetectiveMemberState struct {
	DetectiveMemberArgs
	AdministratorID    string `pulumi:"administratorId"`
	DisabledReason     string `pulumi:"disabledReason"`
	InvitedTime        string `pulumi:"invitedTime"`
	Status             string `pulumi:"status"`
	UpdatedTime        string `pulumi:"updatedTime"`
	VolumeUsageInBytes string `pulumi:"volumeUsageInBytes"`
}

// Annotate sets pulumi-aws's token.
func (*DetectiveMember) Annotate(a infer.Annotator) { a.SetToken("detective/member", "Member") }

// findDetectiveMember lists graph's members for account; ok false when it
// is not one, or the graph is gone.
func findDetectiveMember(ctx context.Context, c *Config, graph, account string) (*types.MemberDetail, bool, error) {
	pages := detective.NewListMembersPaginator(detective.NewFromConfig(c.aws),
		&detective.ListMembersInput{GraphArn: aws.String(graph)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if errorCode(err) == "ResourceNotFoundException" {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		for _, m := range page.MemberDetails {
			if aws.ToString(m.AccountId) == account {
				return &m, true, nil
			}
		}
	}
	return nil, false, nil
}

// detectiveMemberState is m's state, with x's inputs.
func detectiveMemberState(x DetectiveMemberArgs, m *types.MemberDetail) DetectiveMemberState {
	x.AccountID, x.EmailAddress, x.GraphArn = aws.ToString(m.AccountId), aws.ToString(m.EmailAddress),
		aws.ToString(m.GraphArn)
	st := DetectiveMemberState{DetectiveMemberArgs: x, AdministratorID: aws.ToString(m.AdministratorId),
		DisabledReason: string(m.DisabledReason), Status: string(m.Status)}
	if m.InvitedTime != nil {
		st.InvitedTime = m.InvitedTime.UTC().Format(time.RFC3339)
	}
	if m.UpdatedTime != nil {
		st.UpdatedTime = m.UpdatedTime.UTC().Format(time.RFC3339)
	}
	if m.VolumeUsageInBytes != nil {
		st.VolumeUsageInBytes = fmt.Sprint(*m.VolumeUsageInBytes)
	}
	return st
}

// Create adds the member and waits until it is invited or enabled.
func (*DetectiveMember) Create(ctx context.Context, req infer.CreateRequest[DetectiveMemberArgs]) (
	infer.CreateResponse[DetectiveMemberState], error,
) {
	x := req.Inputs
	id := x.GraphArn + "/" + x.AccountID
	out := infer.CreateResponse[DetectiveMemberState]{ID: id, Output: DetectiveMemberState{DetectiveMemberArgs: x}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	in := &detective.CreateMembersInput{GraphArn: aws.String(x.GraphArn), Message: x.Message,
		Accounts: []types.Account{{AccountId: aws.String(x.AccountID), EmailAddress: aws.String(x.EmailAddress)}}}
	if x.DisableEmailNotification != nil {
		in.DisableEmailNotification = *x.DisableEmailNotification
	}
	res, err := detective.NewFromConfig(c.aws).CreateMembers(ctx, in)
	if err != nil {
		return out, fmt.Errorf("creating Detective Member (%s): %w", id, err)
	}
	for _, u := range res.UnprocessedAccounts {
		return out, fmt.Errorf("creating Detective Member (%s): account %s not processed: %s", id,
			aws.ToString(u.AccountId), aws.ToString(u.Reason))
	}
	err = c.until(ctx, 4*time.Minute, func() (bool, error) {
		m, ok, err := findDetectiveMember(ctx, c, x.GraphArn, x.AccountID)
		switch {
		case err != nil:
			return false, err
		case ok && (m.Status == types.MemberStatusInvited || m.Status == types.MemberStatusEnabled):
			out.Output = detectiveMemberState(x, m)
			return true, nil
		case ok && m.Status != types.MemberStatusVerificationInProgress:
			return false, fmt.Errorf("unexpected state %s", m.Status)
		}
		return false, nil
	})
	if err != nil {
		return out, fmt.Errorf("waiting for Detective Member (%s) invited: %w", id, err)
	}
	return out, nil
}

// Read refreshes the member; one gone leaves the state.
func (*DetectiveMember) Read(ctx context.Context, req infer.ReadRequest[DetectiveMemberArgs, DetectiveMemberState]) (
	infer.ReadResponse[DetectiveMemberArgs, DetectiveMemberState], error,
) {
	type resp = infer.ReadResponse[DetectiveMemberArgs, DetectiveMemberState]
	i := strings.LastIndex(req.ID, "/")
	if i <= 0 || i == len(req.ID)-1 {
		return resp{}, fmt.Errorf("unexpected format for ID (%s), expected graph_arn/account_id", req.ID)
	}
	m, ok, err := findDetectiveMember(ctx, config(ctx), req.ID[:i], req.ID[i+1:])
	if err != nil {
		return resp{}, fmt.Errorf("reading Detective Member (%s): %w", req.ID, err)
	}
	if !ok {
		return resp{}, nil
	}
	st := detectiveMemberState(req.Inputs, m)
	return resp{ID: req.ID, Inputs: st.DetectiveMemberArgs, State: st}, nil
}

// Delete removes the member.
func (*DetectiveMember) Delete(ctx context.Context, req infer.DeleteRequest[DetectiveMemberState]) (
	infer.DeleteResponse, error,
) {
	_, err := detective.NewFromConfig(config(ctx).aws).DeleteMembers(ctx, &detective.DeleteMembersInput{
		GraphArn: aws.String(req.State.GraphArn), AccountIds: []string{req.State.AccountID}})
	if err != nil && errorCode(err) != "ResourceNotFoundException" {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Detective Member (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
