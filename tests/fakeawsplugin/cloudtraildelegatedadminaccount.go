package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// cloudTrailPrincipal is the principal CloudTrail registers its delegated
// administrator under in Organizations.
const cloudTrailPrincipal = "cloudtrail.amazonaws.com"

// CloudTrailDelegatedAdminAccount is
// aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount
// (terraform-provider-aws
// internal/service/cloudtrail/organization_delegated_admin_account.go, a
// framework resource): ID the account ID; accountId replaces
// (RequiresReplace); arn, email, name and servicePrincipal are computed
// from Organizations. Create is RegisterOrganizationDelegatedAdmin then
// the account's entry in Organizations' ListDelegatedAdministrators for
// cloudtrail.amazonaws.com (FindDelegatedAdministratorByTwoPartKey; not
// there is an error); Read is that lookup (not there: out of the state);
// Delete is DeregisterOrganizationDelegatedAdmin, where
// AccountNotRegisteredException counts as deleted.
type CloudTrailDelegatedAdminAccount struct{}

// CloudTrailDelegatedAdminAccountArgs are its inputs.
type CloudTrailDelegatedAdminAccountArgs struct {
	AccountID string `pulumi:"accountId" provider:"replaceOnChanges"`
}

// CloudTrailDelegatedAdminAccountState is its state.
type CloudTrailDelegatedAdminAccountState struct {
	CloudTrailDelegatedAdminAccountArgs
	Arn              string `pulumi:"arn"`
	Email            string `pulumi:"email"`
	Name             string `pulumi:"name"`
	ServicePrincipal string `pulumi:"servicePrincipal"`
}

// Annotate sets pulumi-aws's token.
func (*CloudTrailDelegatedAdminAccount) Annotate(a infer.Annotator) {
	a.SetToken("cloudtrail/organizationDelegatedAdminAccount", "OrganizationDelegatedAdminAccount")
}

// find is the account's state from Organizations; ok false when it is not
// CloudTrail's delegated administrator.
func (x CloudTrailDelegatedAdminAccountArgs) find(ctx context.Context, c *Config) (
	CloudTrailDelegatedAdminAccountState, bool, error,
) {
	d, err := DelegatedAdministratorArgs{AccountID: x.AccountID, ServicePrincipal: cloudTrailPrincipal}.find(ctx, c)
	if err != nil || d == nil {
		return CloudTrailDelegatedAdminAccountState{}, false, err
	}
	return CloudTrailDelegatedAdminAccountState{CloudTrailDelegatedAdminAccountArgs: x, Arn: aws.ToString(d.Arn),
		Email: aws.ToString(d.Email), Name: aws.ToString(d.Name), ServicePrincipal: cloudTrailPrincipal}, true, nil
}

// Create registers the account.
func (*CloudTrailDelegatedAdminAccount) Create(ctx context.Context,
	req infer.CreateRequest[CloudTrailDelegatedAdminAccountArgs],
) (infer.CreateResponse[CloudTrailDelegatedAdminAccountState], error) {
	type resp = infer.CreateResponse[CloudTrailDelegatedAdminAccountState]
	x := req.Inputs
	if req.DryRun {
		return resp{ID: x.AccountID, Output: CloudTrailDelegatedAdminAccountState{
			CloudTrailDelegatedAdminAccountArgs: x, ServicePrincipal: cloudTrailPrincipal}}, nil
	}
	c := config(ctx)
	if _, err := cloudtrail.NewFromConfig(c.aws).RegisterOrganizationDelegatedAdmin(ctx,
		&cloudtrail.RegisterOrganizationDelegatedAdminInput{MemberAccountId: aws.String(x.AccountID)}); err != nil {
		return resp{}, fmt.Errorf("registering CloudTrail Organization Delegated Admin Account (%s): %w",
			x.AccountID, err)
	}
	st, ok, err := x.find(ctx, c)
	if err == nil && !ok {
		err = fmt.Errorf("couldn't find resource")
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading CloudTrail Organization Delegated Admin Account (%s): %w", x.AccountID, err)
	}
	return resp{ID: x.AccountID, Output: st}, nil
}

// Read refreshes the administrator, by its ID (an import reads it from the ID alone).
func (*CloudTrailDelegatedAdminAccount) Read(ctx context.Context,
	req infer.ReadRequest[CloudTrailDelegatedAdminAccountArgs, CloudTrailDelegatedAdminAccountState],
) (infer.ReadResponse[CloudTrailDelegatedAdminAccountArgs, CloudTrailDelegatedAdminAccountState], error) {
	type resp = infer.ReadResponse[CloudTrailDelegatedAdminAccountArgs, CloudTrailDelegatedAdminAccountState]
	x := CloudTrailDelegatedAdminAccountArgs{AccountID: req.ID}
	st, ok, err := x.find(ctx, config(ctx))
	switch {
	case err != nil:
		return resp{}, fmt.Errorf("reading CloudTrail Organization Delegated Admin Account (%s): %w", req.ID, err)
	case !ok:
		return resp{}, nil
	}
	return resp{ID: req.ID, Inputs: x, State: st}, nil
}

// Delete deregisters the account.
func (*CloudTrailDelegatedAdminAccount) Delete(ctx context.Context,
	req infer.DeleteRequest[CloudTrailDelegatedAdminAccountState],
) (infer.DeleteResponse, error) {
	_, err := cloudtrail.NewFromConfig(config(ctx).aws).DeregisterOrganizationDelegatedAdmin(ctx,
		&cloudtrail.DeregisterOrganizationDelegatedAdminInput{DelegatedAdminAccountId: aws.String(req.ID)})
	if err != nil && errorCode(err) != "AccountNotRegisteredException" {
		return infer.DeleteResponse{}, fmt.Errorf("deregistering CloudTrail Organization Delegated Admin Account "+
			"(%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
