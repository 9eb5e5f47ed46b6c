package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// AccountAssignment is aws:ssoadmin/accountAssignment:AccountAssignment.
type AccountAssignment struct{}

// AccountAssignmentArgs are its inputs; changing any replaces it.
type AccountAssignmentArgs struct {
	InstanceArn      string  `pulumi:"instanceArn" provider:"replaceOnChanges"`
	PermissionSetArn string  `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
	PrincipalID      string  `pulumi:"principalId" provider:"replaceOnChanges"`
	PrincipalType    string  `pulumi:"principalType" provider:"replaceOnChanges"`
	TargetID         string  `pulumi:"targetId" provider:"replaceOnChanges"`
	TargetType       *string `pulumi:"targetType,optional" provider:"replaceOnChanges"`
}

// AccountAssignmentState is its state: the inputs.
type AccountAssignmentState struct {
	AccountAssignmentArgs
}

// Annotate sets pulumi-aws's token.
func (*AccountAssignment) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/accountAssignment", "AccountAssignment")
}

func (x AccountAssignmentArgs) targetType() string { return aws.ToString(x.TargetType) }

// id is pulumi-aws's ID:
// PRINCIPAL_ID,PRINCIPAL_TYPE,TARGET_ID,TARGET_TYPE,PERMISSION_SET_ARN,INSTANCE_ARN.
func (x AccountAssignmentArgs) id() string {
	return strings.Join([]string{x.PrincipalID, x.PrincipalType, x.TargetID, x.targetType(), x.PermissionSetArn,
		x.InstanceArn}, ",")
}

// find lists the assignments of the account and permission set, and reports
// whether x's principal has one (pulumi-aws's findAccountAssignmentByFivePartKey).
func (x AccountAssignmentArgs) find(ctx context.Context, c *Config) (bool, error) {
	pages := ssoadmin.NewListAccountAssignmentsPaginator(c.sso, &ssoadmin.ListAccountAssignmentsInput{
		InstanceArn: aws.String(x.InstanceArn), AccountId: aws.String(x.TargetID),
		PermissionSetArn: aws.String(x.PermissionSetArn),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			var nf *types.ResourceNotFoundException
			if errors.As(err, &nf) {
				return false, nil
			}
			return false, err
		}
		for _, a := range page.AccountAssignments {
			if aws.ToString(a.PrincipalId) == x.PrincipalID && string(a.PrincipalType) == x.PrincipalType {
				return true, nil
			}
		}
	}
	return false, nil
}

// Create checks that the assignment does not exist (the API would accept a
// duplicate), creates it and waits for the operation to succeed.
func (*AccountAssignment) Create(ctx context.Context, req infer.CreateRequest[AccountAssignmentArgs]) (
	infer.CreateResponse[AccountAssignmentState], error,
) {
	x := req.Inputs
	out := infer.CreateResponse[AccountAssignmentState]{ID: x.id(), Output: AccountAssignmentState{x}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	exists, err := x.find(ctx, c)
	switch {
	case err != nil:
		return infer.CreateResponse[AccountAssignmentState]{}, fmt.Errorf("listing SSO Account Assignments for "+
			"Account ID (%s) Permission Set (%s): %w", x.TargetID, x.PermissionSetArn, err)
	case exists:
		return infer.CreateResponse[AccountAssignmentState]{}, fmt.Errorf("creating SSO Account Assignment for "+
			"%s (%s): already exists", x.PrincipalType, x.PrincipalID)
	}
	started, err := c.sso.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn),
		PrincipalId: aws.String(x.PrincipalID), PrincipalType: types.PrincipalType(x.PrincipalType),
		TargetId: aws.String(x.TargetID), TargetType: types.TargetType(x.targetType()),
	})
	if err != nil {
		return infer.CreateResponse[AccountAssignmentState]{}, fmt.Errorf("creating SSO Account Assignment for "+
			"%s (%s): %w", x.PrincipalType, x.PrincipalID, err)
	}
	reqID := aws.ToString(started.AccountAssignmentCreationStatus.RequestId)
	err = c.waitFor(ctx, func(ctx context.Context) (*types.AccountAssignmentOperationStatus, error) {
		st, err := c.sso.DescribeAccountAssignmentCreationStatus(ctx,
			&ssoadmin.DescribeAccountAssignmentCreationStatusInput{
				InstanceArn: aws.String(x.InstanceArn), AccountAssignmentCreationRequestId: aws.String(reqID),
			})
		if err != nil {
			return nil, err
		}
		return st.AccountAssignmentCreationStatus, nil
	})
	if err != nil {
		return infer.CreateResponse[AccountAssignmentState]{}, fmt.Errorf("waiting for SSO Account Assignment "+
			"for %s (%s) create: %w", x.PrincipalType, x.PrincipalID, err)
	}
	return out, nil
}

// waitFor polls an operation's status until it is no longer IN_PROGRESS.
func (c *Config) waitFor(ctx context.Context,
	status func(context.Context) (*types.AccountAssignmentOperationStatus, error),
) error {
	for {
		if err := c.wait(ctx); err != nil {
			return err
		}
		st, err := status(ctx)
		if err != nil {
			return err
		}
		switch st.Status {
		case types.StatusValuesSucceeded:
			return nil
		case types.StatusValuesFailed:
			return fmt.Errorf("unexpected state 'FAILED', wanted target 'SUCCEEDED'. last error: %s",
				aws.ToString(st.FailureReason))
		}
	}
}

// Read refreshes the assignment: one that no longer exists leaves the state.
func (*AccountAssignment) Read(ctx context.Context,
	req infer.ReadRequest[AccountAssignmentArgs, AccountAssignmentState],
) (infer.ReadResponse[AccountAssignmentArgs, AccountAssignmentState], error) {
	// The ID holds every input, as pulumi-aws's Read parses it
	// (account_assignment.go's AccountAssignmentParseResourceID): on import
	// there is no state to take them from.
	parts := strings.Split(req.ID, ",")
	if len(parts) != 6 || slices.Contains(parts, "") {
		return infer.ReadResponse[AccountAssignmentArgs, AccountAssignmentState]{}, fmt.Errorf("unexpected "+
			"format for ID (%s), expected PRINCIPAL_ID,PRINCIPAL_TYPE,TARGET_ID,TARGET_TYPE,PERMISSION_SET_ARN,"+
			"INSTANCE_ARN", req.ID)
	}
	x := AccountAssignmentArgs{PrincipalID: parts[0], PrincipalType: parts[1], TargetID: parts[2],
		TargetType: aws.String(parts[3]), PermissionSetArn: parts[4], InstanceArn: parts[5]}
	exists, err := x.find(ctx, config(ctx))
	if err != nil {
		return infer.ReadResponse[AccountAssignmentArgs, AccountAssignmentState]{},
			fmt.Errorf("reading SSO Account Assignment for Principal (%s): %w", x.PrincipalID, err)
	}
	if !exists {
		return infer.ReadResponse[AccountAssignmentArgs, AccountAssignmentState]{}, nil
	}
	return infer.ReadResponse[AccountAssignmentArgs, AccountAssignmentState]{
		ID: req.ID, Inputs: x, State: AccountAssignmentState{x},
	}, nil
}

// Delete deletes the assignment and waits for the operation; one that is
// already gone counts as deleted.
func (*AccountAssignment) Delete(ctx context.Context, req infer.DeleteRequest[AccountAssignmentState]) (
	infer.DeleteResponse, error,
) {
	x, c := req.State.AccountAssignmentArgs, config(ctx)
	started, err := c.sso.DeleteAccountAssignment(ctx, &ssoadmin.DeleteAccountAssignmentInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn),
		PrincipalId: aws.String(x.PrincipalID), PrincipalType: types.PrincipalType(x.PrincipalType),
		TargetId: aws.String(x.TargetID), TargetType: types.TargetType(x.targetType()),
	})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return infer.DeleteResponse{}, nil
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Account Assignment for Principal (%s): %w",
			x.PrincipalID, err)
	}
	reqID := aws.ToString(started.AccountAssignmentDeletionStatus.RequestId)
	err = c.waitFor(ctx, func(ctx context.Context) (*types.AccountAssignmentOperationStatus, error) {
		st, err := c.sso.DescribeAccountAssignmentDeletionStatus(ctx,
			&ssoadmin.DescribeAccountAssignmentDeletionStatusInput{
				InstanceArn: aws.String(x.InstanceArn), AccountAssignmentDeletionRequestId: aws.String(reqID),
			})
		if err != nil {
			return nil, err
		}
		return st.AccountAssignmentDeletionStatus, nil
	})
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for SSO Account Assignment for Principal (%s) "+
			"delete: %w", x.PrincipalID, err)
	}
	return infer.DeleteResponse{}, nil
}

// Annotate sets pulumi-aws's default target type (account_assignment.go:
// Optional, Default AWS_ACCOUNT, ForceNew).
func (x *AccountAssignmentArgs) Annotate(a infer.Annotator) {
	a.SetDefault(&x.TargetType, string(types.TargetTypeAwsAccount))
}
