package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/macie2/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// MacieMember is aws:macie2/member:Member (terraform-provider-aws
// internal/service/macie2/member.go), in the administrator's account: ID the
// member's account ID (pulumi-aws imports it by that ID); accountId and email
// replace (ForceNew). Create is CreateMember (an organization's account is
// enabled directly), Read GetMember (a ResourceNotFoundException, or "Macie is
// not enabled", leaves the state; status reads ENABLED unless the
// relationship is Paused), Delete DeleteMember. The stand-in does not send
// invitations (invite) nor pause a member (status PAUSED), which the
// components never ask: it fails on them.
type MacieMember struct{}

// MacieMemberArgs are its inputs.
type MacieMemberArgs struct {
	AccountID                          string            `pulumi:"accountId" provider:"replaceOnChanges"`
	Email                              string            `pulumi:"email" provider:"replaceOnChanges"`
	Invite                             *bool             `pulumi:"invite,optional"`
	InvitationMessage                  *string           `pulumi:"invitationMessage,optional"`
	InvitationDisableEmailNotification *bool             `pulumi:"invitationDisableEmailNotification,optional"`
	Status                             *string           `pulumi:"status,optional"`
	Tags                               map[string]string `pulumi:"tags,optional"`
}

// MacieMemberState is its state.
type MacieMemberState struct {
	MacieMemberArgs
	AdministratorAccountID string            `pulumi:"administratorAccountId"`
	Arn                    string            `pulumi:"arn"`
	InvitedAt              string            `pulumi:"invitedAt"`
	MasterAccountID        string            `pulumi:"masterAccountId"`
	RelationshipStatus     string            `pulumi:"relationshipStatus"`
	UpdatedAt              string            `pulumi:"updatedAt"`
	TagsAll                map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*MacieMember) Annotate(a infer.Annotator) { a.SetToken("macie2/member", "Member") }

// macieMemberGone is terraform-provider-aws's isMemberNotFoundError.
func macieMemberGone(err error) bool {
	var nf *types.ResourceNotFoundException
	var ad *types.AccessDeniedException
	return errors.As(err, &nf) || (errors.As(err, &ad) && strings.Contains(ad.ErrorMessage(), "Macie is not enabled"))
}

// readMacieMember reads member id into x's state; ok false when it is gone.
func readMacieMember(ctx context.Context, c *Config, id string, x MacieMemberArgs) (MacieMemberState, bool, error) {
	out, err := macie2.NewFromConfig(c.aws).GetMember(ctx, &macie2.GetMemberInput{Id: aws.String(id)})
	if macieMemberGone(err) {
		return MacieMemberState{}, false, nil
	}
	if err != nil {
		return MacieMemberState{}, false, fmt.Errorf("reading Macie Member (%s): %w", id, err)
	}
	x.AccountID, x.Email = aws.ToString(out.AccountId), aws.ToString(out.Email)
	rel := out.RelationshipStatus
	switch rel {
	case types.RelationshipStatusEnabled, types.RelationshipStatusInvited,
		types.RelationshipStatusEmailVerificationInProgress, types.RelationshipStatusPaused:
		x.Invite = aws.Bool(true)
	case types.RelationshipStatusRemoved:
		x.Invite = aws.Bool(false)
	}
	status := "ENABLED"
	if rel == types.RelationshipStatusPaused {
		status = "PAUSED"
	}
	x.Status = &status
	st := MacieMemberState{MacieMemberArgs: x, AdministratorAccountID: aws.ToString(out.AdministratorAccountId),
		Arn: aws.ToString(out.Arn), MasterAccountID: aws.ToString(out.MasterAccountId),
		RelationshipStatus: string(rel), TagsAll: out.Tags}
	if out.InvitedAt != nil {
		st.InvitedAt = out.InvitedAt.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	if out.UpdatedAt != nil {
		st.UpdatedAt = out.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	return st, true, nil
}

// Create creates the member.
func (*MacieMember) Create(ctx context.Context, req infer.CreateRequest[MacieMemberArgs]) (
	infer.CreateResponse[MacieMemberState], error,
) {
	x := req.Inputs
	out := infer.CreateResponse[MacieMemberState]{ID: x.AccountID, Output: MacieMemberState{MacieMemberArgs: x,
		TagsAll: x.Tags}}
	switch {
	case x.Invite != nil && *x.Invite:
		return out, fmt.Errorf("creating Macie Member (%s): the stand-in does not send invitations", x.AccountID)
	case x.Status != nil && *x.Status == "PAUSED":
		return out, fmt.Errorf("creating Macie Member (%s): the stand-in does not pause members", x.AccountID)
	case req.DryRun:
		return out, nil
	}
	c := config(ctx)
	if _, err := macie2.NewFromConfig(c.aws).CreateMember(ctx, &macie2.CreateMemberInput{
		Account: &types.AccountDetail{AccountId: aws.String(x.AccountID), Email: aws.String(x.Email)},
		Tags:    x.Tags,
	}); err != nil {
		return out, fmt.Errorf("creating Macie Member (%s): %w", x.AccountID, err)
	}
	st, ok, err := readMacieMember(ctx, c, x.AccountID, x)
	if err == nil && !ok {
		err = fmt.Errorf("reading Macie Member (%s): not found after creation", x.AccountID)
	}
	out.Output = st
	return out, err
}

// Read refreshes the member; one gone leaves the state.
func (*MacieMember) Read(ctx context.Context, req infer.ReadRequest[MacieMemberArgs, MacieMemberState]) (
	infer.ReadResponse[MacieMemberArgs, MacieMemberState], error,
) {
	st, ok, err := readMacieMember(ctx, config(ctx), req.ID, req.Inputs)
	if err != nil || !ok {
		return infer.ReadResponse[MacieMemberArgs, MacieMemberState]{}, err
	}
	in := req.Inputs
	in.AccountID, in.Email = st.AccountID, st.Email
	return infer.ReadResponse[MacieMemberArgs, MacieMemberState]{ID: req.ID, Inputs: in, State: st}, nil
}

// Delete deletes the member.
func (*MacieMember) Delete(ctx context.Context, req infer.DeleteRequest[MacieMemberState]) (
	infer.DeleteResponse, error,
) {
	_, err := macie2.NewFromConfig(config(ctx).aws).DeleteMember(ctx, &macie2.DeleteMemberInput{Id: aws.String(req.ID)})
	if err != nil && !macieMemberGone(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Macie Member (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
