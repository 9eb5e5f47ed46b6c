package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// AuditManagerAdminRegistration is
// aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration
// (terraform-provider-aws
// internal/service/auditmanager/organization_admin_account_registration.go,
// a framework resource) in the provider's Region: ID the administrator's
// account ID; adminAccountId replaces (RequiresReplace), organizationId is
// computed. Create is RegisterOrganizationAdminAccount, whose answer gives
// both; Read is GetOrganizationAdminAccount (ResourceNotFoundException or
// no account: out of the state); Delete is
// DeregisterOrganizationAdminAccount, where ResourceNotFoundException and
// ValidationException "Tenant is not in expected state" count as deleted.
type AuditManagerAdminRegistration struct{}

// AuditManagerAdminRegistrationArgs are its inputs.
type AuditManagerAdminRegistrationArgs struct {
	AdminAccountID string `pulumi:"adminAccountId" provider:"replaceOnChanges"`
}

// AuditManagerAdminRegistrationState is its state.
type AuditManagerAdminRegistrationState struct {
	AuditManagerAdminRegistrationArgs
	OrganizationID string `pulumi:"organizationId"`
}

// Annotate sets pulumi-aws's token.
func (*AuditManagerAdminRegistration) Annotate(a infer.Annotator) {
	a.SetToken("auditmanager/organizationAdminAccountRegistration", "OrganizationAdminAccountRegistration")
}

// Create registers the administrator.
func (*AuditManagerAdminRegistration) Create(ctx context.Context,
	req infer.CreateRequest[AuditManagerAdminRegistrationArgs],
) (infer.CreateResponse[AuditManagerAdminRegistrationState], error) {
	type resp = infer.CreateResponse[AuditManagerAdminRegistrationState]
	acct := req.Inputs.AdminAccountID
	if req.DryRun {
		return resp{ID: acct, Output: AuditManagerAdminRegistrationState{AuditManagerAdminRegistrationArgs: req.Inputs}},
			nil
	}
	out, err := auditmanager.NewFromConfig(config(ctx).aws).RegisterOrganizationAdminAccount(ctx,
		&auditmanager.RegisterOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	if err != nil {
		return resp{}, fmt.Errorf("registering Audit Manager Organization Admin Account (%s): %w", acct, err)
	}
	return resp{ID: aws.ToString(out.AdminAccountId), Output: AuditManagerAdminRegistrationState{
		AuditManagerAdminRegistrationArgs: req.Inputs, OrganizationID: aws.ToString(out.OrganizationId)}}, nil
}

// Read refreshes the administrator of the Region; none leaves the state.
func (*AuditManagerAdminRegistration) Read(ctx context.Context,
	req infer.ReadRequest[AuditManagerAdminRegistrationArgs, AuditManagerAdminRegistrationState],
) (infer.ReadResponse[AuditManagerAdminRegistrationArgs, AuditManagerAdminRegistrationState], error) {
	type resp = infer.ReadResponse[AuditManagerAdminRegistrationArgs, AuditManagerAdminRegistrationState]
	out, err := auditmanager.NewFromConfig(config(ctx).aws).GetOrganizationAdminAccount(ctx,
		&auditmanager.GetOrganizationAdminAccountInput{})
	switch {
	case errorCode(err) == "ResourceNotFoundException", err == nil && out.AdminAccountId == nil:
		return resp{}, nil
	case err != nil:
		return resp{}, fmt.Errorf("reading Audit Manager Organization Admin Account (%s): %w", req.ID, err)
	}
	args := AuditManagerAdminRegistrationArgs{AdminAccountID: aws.ToString(out.AdminAccountId)}
	return resp{ID: req.ID, Inputs: args, State: AuditManagerAdminRegistrationState{
		AuditManagerAdminRegistrationArgs: args, OrganizationID: aws.ToString(out.OrganizationId)}}, nil
}

// Delete deregisters the administrator.
func (*AuditManagerAdminRegistration) Delete(ctx context.Context,
	req infer.DeleteRequest[AuditManagerAdminRegistrationState],
) (infer.DeleteResponse, error) {
	_, err := auditmanager.NewFromConfig(config(ctx).aws).DeregisterOrganizationAdminAccount(ctx,
		&auditmanager.DeregisterOrganizationAdminAccountInput{AdminAccountId: aws.String(req.ID)})
	switch code := errorCode(err); {
	case code == "ResourceNotFoundException",
		code == "ValidationException" && strings.Contains(err.Error(), "Tenant is not in expected state"):
		return infer.DeleteResponse{}, nil
	case err != nil:
		return infer.DeleteResponse{}, fmt.Errorf("deregistering Audit Manager Organization Admin Account (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
