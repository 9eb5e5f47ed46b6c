package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	fmstypes "github.com/aws/aws-sdk-go-v2/service/fms/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// FMSAdminAccount is aws:fms/adminAccount:AdminAccount
// (terraform-provider-aws internal/service/fms/admin_account.go): ID the
// account ID; accountId (default the caller's account) replaces. Create
// refuses when GetAdminAccount shows an administrator READY already (import
// it instead), then calls AssociateAdminAccount and GetAdminAccount until
// the account's RoleStatus is READY (DELETED and CREATING pending, at most
// 30 minutes); Read removes from the state what GetAdminAccount answers
// ResourceNotFoundException or RoleStatus DELETED for; Delete is
// DisassociateAdminAccount and waits for ResourceNotFoundException or
// DELETED (at most 10 minutes).
type FMSAdminAccount struct{}

// FMSAdminAccountArgs are its inputs.
type FMSAdminAccountArgs struct {
	AccountID *string `pulumi:"accountId,optional" provider:"replaceOnChanges"`
}

// FMSAdminAccountState is its state.
type FMSAdminAccountState struct {
	AccountID string `pulumi:"accountId"`
}

// Annotate sets pulumi-aws's token.
func (*FMSAdminAccount) Annotate(a infer.Annotator) { a.SetToken("fms/adminAccount", "AdminAccount") }

// getFMSAdmin is GetAdminAccount; nil when there is no administrator
// (ResourceNotFoundException).
func getFMSAdmin(ctx context.Context, c *Config) (*fms.GetAdminAccountOutput, error) {
	out, err := fms.NewFromConfig(c.aws).GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
	if errorCode(err) == "ResourceNotFoundException" {
		return nil, nil
	}
	return out, err
}

// Create associates the account.
func (*FMSAdminAccount) Create(ctx context.Context, req infer.CreateRequest[FMSAdminAccountArgs]) (
	infer.CreateResponse[FMSAdminAccountState], error,
) {
	type resp = infer.CreateResponse[FMSAdminAccountState]
	c := config(ctx)
	acct := aws.ToString(req.Inputs.AccountID)
	if acct == "" {
		var err error
		if acct, err = c.accountID(ctx); err != nil {
			return resp{}, err
		}
	}
	if req.DryRun {
		return resp{ID: acct, Output: FMSAdminAccountState{acct}}, nil
	}
	cur, err := getFMSAdmin(ctx, c)
	if err != nil {
		return resp{}, fmt.Errorf("getting FMS Admin Account: %w", err)
	}
	if cur != nil && cur.AdminAccount != nil && cur.RoleStatus == fmstypes.AccountRoleStatusReady {
		return resp{}, fmt.Errorf("FMS Admin Account (%s) already associated: import this resource to manage",
			aws.ToString(cur.AdminAccount))
	}
	client := fms.NewFromConfig(c.aws)
	err = c.until(ctx, 30*time.Minute, func() (bool, error) {
		// terraform associates on every poll: AssociateAdminAccount
		// succeeds without effect when called too soon after the
		// organization's creation.
		if _, err := client.AssociateAdminAccount(ctx, &fms.AssociateAdminAccountInput{
			AdminAccount: aws.String(acct)}); err != nil {
			return false, err
		}
		cur, err := getFMSAdmin(ctx, c)
		switch {
		case err != nil:
			return false, err
		case cur == nil || aws.ToString(cur.AdminAccount) != acct:
			return false, nil
		}
		switch cur.RoleStatus {
		case fmstypes.AccountRoleStatusReady:
			return true, nil
		case fmstypes.AccountRoleStatusDeleted, fmstypes.AccountRoleStatusCreating:
			return false, nil
		}
		return false, fmt.Errorf("unexpected state '%s', wanted target '%s'", cur.RoleStatus,
			fmstypes.AccountRoleStatusReady)
	})
	if err != nil {
		return resp{}, fmt.Errorf("waiting for FMS Admin Account (%s) association: %w", acct, err)
	}
	return resp{ID: acct, Output: FMSAdminAccountState{acct}}, nil
}

// Read refreshes the administrator; none, or one DELETED, leaves the state.
func (*FMSAdminAccount) Read(ctx context.Context, req infer.ReadRequest[FMSAdminAccountArgs, FMSAdminAccountState]) (
	infer.ReadResponse[FMSAdminAccountArgs, FMSAdminAccountState], error,
) {
	type resp = infer.ReadResponse[FMSAdminAccountArgs, FMSAdminAccountState]
	cur, err := getFMSAdmin(ctx, config(ctx))
	if err != nil {
		return resp{}, fmt.Errorf("getting FMS Admin Account (%s): %w", req.ID, err)
	}
	if cur == nil || cur.RoleStatus == fmstypes.AccountRoleStatusDeleted {
		return resp{}, nil
	}
	acct := aws.ToString(cur.AdminAccount)
	return resp{ID: req.ID, Inputs: FMSAdminAccountArgs{AccountID: aws.String(acct)},
		State: FMSAdminAccountState{acct}}, nil
}

// Delete disassociates the administrator.
func (*FMSAdminAccount) Delete(ctx context.Context, req infer.DeleteRequest[FMSAdminAccountState]) (
	infer.DeleteResponse, error,
) {
	c := config(ctx)
	if _, err := fms.NewFromConfig(c.aws).DisassociateAdminAccount(ctx,
		&fms.DisassociateAdminAccountInput{}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disassociating FMS Admin Account (%s): %w", req.ID, err)
	}
	err := c.until(ctx, 10*time.Minute, func() (bool, error) {
		cur, err := getFMSAdmin(ctx, c)
		switch {
		case err != nil:
			return false, err
		case cur == nil || cur.RoleStatus == fmstypes.AccountRoleStatusDeleted:
			return true, nil
		}
		switch cur.RoleStatus {
		case fmstypes.AccountRoleStatusDeleting, fmstypes.AccountRoleStatusPendingDeletion,
			fmstypes.AccountRoleStatusReady:
			return false, nil
		}
		return false, fmt.Errorf("unexpected state '%s', wanted target '%s'", cur.RoleStatus,
			fmstypes.AccountRoleStatusDeleted)
	})
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for FMS Admin Account (%s) disassociation: %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
