package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/inspector2/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// InspectorMemberAssociation is
// aws:inspector2/memberAssociation:MemberAssociation (terraform-provider-aws
// internal/service/inspector2/member_association.go), in the administrator's
// account: ID the member's account ID (pulumi-aws imports it by that ID);
// accountId replaces (ForceNew). Create is AssociateMember, then GetMember
// until the relationship is ENABLED; Read is GetMember (REMOVED, a
// ResourceNotFoundException or "does not have access to get member account"
// leave the state); Delete DisassociateMember ("not yet associated" is gone
// already), then GetMember until it is REMOVED.
type InspectorMemberAssociation struct{}

// InspectorMemberAssociationArgs are its inputs.
type InspectorMemberAssociationArgs struct {
	AccountID string `pulumi:"accountId" provider:"replaceOnChanges"`
}

// InspectorMemberAssociationState is its state.
type InspectorMemberAssociationState struct {
	InspectorMemberAssociationArgs
	DelegatedAdminAccountID string `pulumi:"delegatedAdminAccountId"`
	RelationshipStatus      string `pulumi:"relationshipStatus"`
	UpdatedAt               string `pulumi:"updatedAt"`
}

// Annotate sets pulumi-aws's token.
func (*InspectorMemberAssociation) Annotate(a infer.Annotator) {
	a.SetToken("inspector2/memberAssociation", "MemberAssociation")
}

// inspectorMember reads the association of account; ok false when it is
// gone (terraform-provider-aws's findMemberByAccountID).
func inspectorMember(ctx context.Context, c *Config, account string) (InspectorMemberAssociationState, bool, error) {
	out, err := inspector2.NewFromConfig(c.aws).GetMember(ctx, &inspector2.GetMemberInput{AccountId: aws.String(account)})
	var ad *types.AccessDeniedException
	var nf *types.ResourceNotFoundException
	switch {
	case errors.As(err, &nf), errors.As(err, &ad) && strings.Contains(ad.ErrorMessage(),
		"does not have access to get member account"):
		return InspectorMemberAssociationState{}, false, nil
	case err != nil:
		return InspectorMemberAssociationState{}, false, fmt.Errorf("reading Inspector2 Member Association (%s): %w",
			account, err)
	case out.Member == nil || out.Member.RelationshipStatus == types.RelationshipStatusRemoved:
		return InspectorMemberAssociationState{}, false, nil
	}
	m := out.Member
	st := InspectorMemberAssociationState{InspectorMemberAssociationArgs{aws.ToString(m.AccountId)},
		aws.ToString(m.DelegatedAdminAccountId), string(m.RelationshipStatus), ""}
	if m.UpdatedAt != nil {
		st.UpdatedAt = m.UpdatedAt.UTC().Format(time.RFC3339)
	}
	return st, true, nil
}

// Create associates the member and waits until it is ENABLED.
func (*InspectorMemberAssociation) Create(ctx context.Context, req infer.CreateRequest[InspectorMemberAssociationArgs]) (
	infer.CreateResponse[InspectorMemberAssociationState], error,
) {
	acct := req.Inputs.AccountID
	out := infer.CreateResponse[InspectorMemberAssociationState]{ID: acct,
		Output: InspectorMemberAssociationState{InspectorMemberAssociationArgs: req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	if _, err := inspector2.NewFromConfig(c.aws).AssociateMember(ctx,
		&inspector2.AssociateMemberInput{AccountId: aws.String(acct)}); err != nil {
		return out, fmt.Errorf("creating Inspector2 Member Association (%s): %w", acct, err)
	}
	err := c.until(ctx, 5*time.Minute, func() (bool, error) {
		st, ok, err := inspectorMember(ctx, c, acct)
		switch {
		case err != nil:
			return false, err
		case ok && st.RelationshipStatus == string(types.RelationshipStatusEnabled):
			out.Output = st
			return true, nil
		case ok && st.RelationshipStatus != string(types.RelationshipStatusCreated):
			return false, fmt.Errorf("unexpected state %s", st.RelationshipStatus)
		}
		return false, nil
	})
	if err != nil {
		return out, fmt.Errorf("waiting for Inspector2 Member Association (%s) create: %w", acct, err)
	}
	return out, nil
}

// Read refreshes the association; one gone leaves the state.
func (*InspectorMemberAssociation) Read(ctx context.Context,
	req infer.ReadRequest[InspectorMemberAssociationArgs, InspectorMemberAssociationState],
) (infer.ReadResponse[InspectorMemberAssociationArgs, InspectorMemberAssociationState], error) {
	st, ok, err := inspectorMember(ctx, config(ctx), req.ID)
	if err != nil || !ok {
		return infer.ReadResponse[InspectorMemberAssociationArgs, InspectorMemberAssociationState]{}, err
	}
	return infer.ReadResponse[InspectorMemberAssociationArgs, InspectorMemberAssociationState]{ID: req.ID,
		Inputs: st.InspectorMemberAssociationArgs, State: st}, nil
}

// Delete disassociates the member and waits until it is removed.
func (*InspectorMemberAssociation) Delete(ctx context.Context, req infer.DeleteRequest[InspectorMemberAssociationState]) (
	infer.DeleteResponse, error,
) {
	c := config(ctx)
	_, err := inspector2.NewFromConfig(c.aws).DisassociateMember(ctx,
		&inspector2.DisassociateMemberInput{AccountId: aws.String(req.ID)})
	var ve *types.ValidationException
	if errors.As(err, &ve) && strings.Contains(ve.ErrorMessage(), "is not yet associated to it") {
		return infer.DeleteResponse{}, nil
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Inspector2 Member Association (%s): %w", req.ID, err)
	}
	err = c.until(ctx, 5*time.Minute, func() (bool, error) {
		_, ok, err := inspectorMember(ctx, c, req.ID)
		return !ok, err
	})
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for Inspector2 Member Association (%s) delete: %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
