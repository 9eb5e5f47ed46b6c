package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// DelegatedAdministrator is aws:organizations/delegatedAdministrator:DelegatedAdministrator
// (terraform-provider-aws internal/service/organizations/delegated_administrator.go):
// ID ACCOUNT_ID/SERVICE_PRINCIPAL; both inputs replace; Create is
// RegisterDelegatedAdministrator then a read, Read finds the account with
// ListDelegatedAdministrators filtered by the principal (gone: out of the
// state), Delete is DeregisterDelegatedAdministrator.
type DelegatedAdministrator struct{}

// DelegatedAdministratorArgs are its inputs.
type DelegatedAdministratorArgs struct {
	AccountID        string `pulumi:"accountId" provider:"replaceOnChanges"`
	ServicePrincipal string `pulumi:"servicePrincipal" provider:"replaceOnChanges"`
}

// DelegatedAdministratorState is its state: the inputs and the account's details.
type DelegatedAdministratorState struct {
	DelegatedAdministratorArgs
	Arn                   string `pulumi:"arn"`
	DelegationEnabledDate string `pulumi:"delegationEnabledDate"`
	Email                 string `pulumi:"email"`
	JoinedMethod          string `pulumi:"joinedMethod"`
	JoinedTimestamp       string `pulumi:"joinedTimestamp"`
	Name                  string `pulumi:"name"`
	Status                string `pulumi:"status"`
}

// Annotate sets pulumi-aws's token.
func (*DelegatedAdministrator) Annotate(a infer.Annotator) {
	a.SetToken("organizations/delegatedAdministrator", "DelegatedAdministrator")
}

// find returns the administrator, or nil when the account is not one for the principal.
func (x DelegatedAdministratorArgs) find(ctx context.Context, c *Config) (*types.DelegatedAdministrator, error) {
	pages := organizations.NewListDelegatedAdministratorsPaginator(c.orgs,
		&organizations.ListDelegatedAdministratorsInput{ServicePrincipal: aws.String(x.ServicePrincipal)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, d := range page.DelegatedAdministrators {
			if aws.ToString(d.Id) == x.AccountID {
				return &d, nil
			}
		}
	}
	return nil, nil
}

func (x DelegatedAdministratorArgs) state(d *types.DelegatedAdministrator) DelegatedAdministratorState {
	return DelegatedAdministratorState{DelegatedAdministratorArgs: x, Arn: aws.ToString(d.Arn),
		DelegationEnabledDate: aws.ToTime(d.DelegationEnabledDate).Format(time.RFC3339),
		Email:                 aws.ToString(d.Email), JoinedMethod: string(d.JoinedMethod),
		JoinedTimestamp: aws.ToTime(d.JoinedTimestamp).Format(time.RFC3339), Name: aws.ToString(d.Name),
		Status: string(d.Status)}
}

// Create registers the account.
func (*DelegatedAdministrator) Create(ctx context.Context, req infer.CreateRequest[DelegatedAdministratorArgs]) (
	infer.CreateResponse[DelegatedAdministratorState], error,
) {
	x := req.Inputs
	id := x.AccountID + "/" + x.ServicePrincipal
	if req.DryRun {
		return infer.CreateResponse[DelegatedAdministratorState]{ID: id,
			Output: DelegatedAdministratorState{DelegatedAdministratorArgs: x}}, nil
	}
	c := config(ctx)
	if _, err := c.orgs.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{
		AccountId: aws.String(x.AccountID), ServicePrincipal: aws.String(x.ServicePrincipal),
	}); err != nil {
		return infer.CreateResponse[DelegatedAdministratorState]{}, fmt.Errorf("creating Organizations Delegated "+
			"Administrator (%s): %w", id, err)
	}
	d, err := x.find(ctx, c)
	if err != nil || d == nil {
		return infer.CreateResponse[DelegatedAdministratorState]{}, fmt.Errorf("reading Organizations Delegated "+
			"Administrator (%s): not found after registration (%v)", id, err)
	}
	return infer.CreateResponse[DelegatedAdministratorState]{ID: id, Output: x.state(d)}, nil
}

// Read refreshes the administrator, by its ID (an import reads it from the ID alone).
func (*DelegatedAdministrator) Read(ctx context.Context,
	req infer.ReadRequest[DelegatedAdministratorArgs, DelegatedAdministratorState],
) (infer.ReadResponse[DelegatedAdministratorArgs, DelegatedAdministratorState], error) {
	account, principal, ok := strings.Cut(req.ID, "/")
	if !ok || account == "" || principal == "" || strings.Contains(principal, "/") {
		return infer.ReadResponse[DelegatedAdministratorArgs, DelegatedAdministratorState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected ACCOUNTID/SERVICEPRINCIPAL", req.ID)
	}
	x := DelegatedAdministratorArgs{AccountID: account, ServicePrincipal: principal}
	d, err := x.find(ctx, config(ctx))
	if err != nil {
		return infer.ReadResponse[DelegatedAdministratorArgs, DelegatedAdministratorState]{}, fmt.Errorf(
			"reading Organizations Delegated Administrator (%s): %w", req.ID, err)
	}
	if d == nil {
		return infer.ReadResponse[DelegatedAdministratorArgs, DelegatedAdministratorState]{}, nil
	}
	return infer.ReadResponse[DelegatedAdministratorArgs, DelegatedAdministratorState]{ID: req.ID, Inputs: x,
		State: x.state(d)}, nil
}

// Delete deregisters the account.
func (*DelegatedAdministrator) Delete(ctx context.Context, req infer.DeleteRequest[DelegatedAdministratorState]) (
	infer.DeleteResponse, error,
) {
	x := req.State.DelegatedAdministratorArgs
	if _, err := config(ctx).orgs.DeregisterDelegatedAdministrator(ctx,
		&organizations.DeregisterDelegatedAdministratorInput{
			AccountId: aws.String(x.AccountID), ServicePrincipal: aws.String(x.ServicePrincipal),
		}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Organizations Delegated Administrator (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
