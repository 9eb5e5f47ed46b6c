package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// ipamServicePrincipal is the principal IPAM's administrator is registered
// under in Organizations.
const ipamServicePrincipal = "ipam.amazonaws.com"

// VpcIpamOrganizationAdminAccount is
// aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount
// (terraform-provider-aws internal/service/ec2/ipam_organization_admin_account.go):
// ID (and import ID) the administrator's account ID; delegatedAdminAccountId
// replaces (ForceNew). Create is EnableIpamOrganizationAdminAccount (success
// false is an error), then a read; Read finds the account with
// Organizations' ListDelegatedAdministrators for ipam.amazonaws.com (gone:
// out of the state; not found right after create: an error); Delete is
// DisableIpamOrganizationAdminAccount, where
// IpamOrganizationAccountNotRegistered counts as done.
type VpcIpamOrganizationAdminAccount struct{}

// VpcIpamOrganizationAdminAccountArgs are its inputs.
type VpcIpamOrganizationAdminAccountArgs struct {
	DelegatedAdminAccountID string `pulumi:"delegatedAdminAccountId" provider:"replaceOnChanges"`
}

// VpcIpamOrganizationAdminAccountState is its state.
type VpcIpamOrganizationAdminAccountState struct {
	VpcIpamOrganizationAdminAccountArgs
	Arn              string `pulumi:"arn"`
	Email            string `pulumi:"email"`
	Name             string `pulumi:"name"`
	ServicePrincipal string `pulumi:"servicePrincipal"`
}

// Annotate sets pulumi-aws's token.
func (*VpcIpamOrganizationAdminAccount) Annotate(a infer.Annotator) {
	a.SetToken("ec2/vpcIpamOrganizationAdminAccount", "VpcIpamOrganizationAdminAccount")
}

// readIPAMAdmin is the state of account as Organizations lists it, or nil
// when it is not IPAM's administrator.
func readIPAMAdmin(ctx context.Context, c *Config, account string) (*VpcIpamOrganizationAdminAccountState, error) {
	d, err := DelegatedAdministratorArgs{AccountID: account, ServicePrincipal: ipamServicePrincipal}.find(ctx, c)
	if err != nil || d == nil {
		return nil, err
	}
	return &VpcIpamOrganizationAdminAccountState{
		VpcIpamOrganizationAdminAccountArgs: VpcIpamOrganizationAdminAccountArgs{DelegatedAdminAccountID: aws.ToString(d.Id)},
		Arn:                                 aws.ToString(d.Arn), Email: aws.ToString(d.Email), Name: aws.ToString(d.Name),
		ServicePrincipal: ipamServicePrincipal,
	}, nil
}

// Create enables the account as IPAM's administrator.
func (*VpcIpamOrganizationAdminAccount) Create(ctx context.Context,
	req infer.CreateRequest[VpcIpamOrganizationAdminAccountArgs],
) (infer.CreateResponse[VpcIpamOrganizationAdminAccountState], error) {
	type resp = infer.CreateResponse[VpcIpamOrganizationAdminAccountState]
	id := req.Inputs.DelegatedAdminAccountID
	if req.DryRun {
		return resp{ID: id, Output: VpcIpamOrganizationAdminAccountState{VpcIpamOrganizationAdminAccountArgs: req.Inputs}}, nil
	}
	c := config(ctx)
	out, err := ec2.NewFromConfig(c.aws).EnableIpamOrganizationAdminAccount(ctx,
		&ec2.EnableIpamOrganizationAdminAccountInput{DelegatedAdminAccountId: aws.String(id)})
	if err == nil && !aws.ToBool(out.Success) {
		err = errors.New("failed")
	}
	if err != nil {
		return resp{}, fmt.Errorf("enabling IPAM Organization Admin Account (%s): %w", id, err)
	}
	st, err := readIPAMAdmin(ctx, c, id)
	if err == nil && st == nil {
		err = errors.New("not found in Organizations' delegated administrators for " + ipamServicePrincipal)
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading IPAM Organization Admin Account: (%s): %w", id, err)
	}
	return resp{ID: id, Output: *st}, nil
}

// Read refreshes the administrator by its ID, the account ID (an import
// reads it from the ID alone).
func (*VpcIpamOrganizationAdminAccount) Read(ctx context.Context,
	req infer.ReadRequest[VpcIpamOrganizationAdminAccountArgs, VpcIpamOrganizationAdminAccountState],
) (infer.ReadResponse[VpcIpamOrganizationAdminAccountArgs, VpcIpamOrganizationAdminAccountState], error) {
	type resp = infer.ReadResponse[VpcIpamOrganizationAdminAccountArgs, VpcIpamOrganizationAdminAccountState]
	st, err := readIPAMAdmin(ctx, config(ctx), req.ID)
	if err != nil {
		return resp{}, fmt.Errorf("reading IPAM Organization Admin Account: (%s): %w", req.ID, err)
	}
	if st == nil {
		return resp{}, nil
	}
	return resp{ID: req.ID, Inputs: st.VpcIpamOrganizationAdminAccountArgs, State: *st}, nil
}

// Delete disables the administrator.
func (*VpcIpamOrganizationAdminAccount) Delete(ctx context.Context,
	req infer.DeleteRequest[VpcIpamOrganizationAdminAccountState],
) (infer.DeleteResponse, error) {
	out, err := ec2.NewFromConfig(config(ctx).aws).DisableIpamOrganizationAdminAccount(ctx,
		&ec2.DisableIpamOrganizationAdminAccountInput{DelegatedAdminAccountId: aws.String(req.ID)})
	if errorCode(err) == "IpamOrganizationAccountNotRegistered" {
		return infer.DeleteResponse{}, nil
	}
	if err == nil && !aws.ToBool(out.Success) {
		err = errors.New("failed")
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabling IPAM Organization Admin Account (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
