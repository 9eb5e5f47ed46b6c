package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// ramPrincipal is RAM's service principal.
const ramPrincipal = "ram.amazonaws.com"

// SharingWithOrganization is aws:ram/sharingWithOrganization:SharingWithOrganization
// (terraform-provider-aws internal/service/ram/sharing_with_organization.go):
// no inputs, ID the caller's account; Create is
// EnableSharingWithAwsOrganization (its returnValue must be true); Read finds
// ram.amazonaws.com among the organization's enabled service principals;
// Delete disables that principal in Organizations. terraform-provider-aws
// also reads and deletes the service-linked role
// AWSServiceRoleForResourceAccessManager in IAM, which no fake serves: the
// stand-in leaves IAM out.
type SharingWithOrganization struct{}

// SharingWithOrganizationArgs are its (no) inputs.
type SharingWithOrganizationArgs struct{}

// SharingWithOrganizationState is its (empty) state.
type SharingWithOrganizationState struct{}

// Annotate sets pulumi-aws's token.
func (*SharingWithOrganization) Annotate(a infer.Annotator) {
	a.SetToken("ram/sharingWithOrganization", "SharingWithOrganization")
}

// Create enables sharing with the organization.
func (*SharingWithOrganization) Create(ctx context.Context, req infer.CreateRequest[SharingWithOrganizationArgs]) (
	infer.CreateResponse[SharingWithOrganizationState], error,
) {
	if req.DryRun {
		return infer.CreateResponse[SharingWithOrganizationState]{}, nil
	}
	c := config(ctx)
	var out struct {
		ReturnValue bool `json:"returnValue"`
	}
	if err := c.restCall(ctx, "ram", "RAM", "ram", http.MethodPost, "/enablesharingwithawsorganization", nil,
		&out); err != nil {
		return infer.CreateResponse[SharingWithOrganizationState]{}, fmt.Errorf("enabling RAM Sharing With "+
			"Organization: %w", err)
	}
	if !out.ReturnValue {
		return infer.CreateResponse[SharingWithOrganizationState]{}, errors.New("RAM Sharing With Organization failed")
	}
	who, err := sts.NewFromConfig(c.aws).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return infer.CreateResponse[SharingWithOrganizationState]{}, fmt.Errorf("reading the caller's account: %w", err)
	}
	return infer.CreateResponse[SharingWithOrganizationState]{ID: aws.ToString(who.Account)}, nil
}

// Read checks that RAM's principal is enabled in the organization.
func (*SharingWithOrganization) Read(ctx context.Context,
	req infer.ReadRequest[SharingWithOrganizationArgs, SharingWithOrganizationState],
) (infer.ReadResponse[SharingWithOrganizationArgs, SharingWithOrganizationState], error) {
	var enabled []string
	pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(config(ctx).orgs,
		&organizations.ListAWSServiceAccessForOrganizationInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return infer.ReadResponse[SharingWithOrganizationArgs, SharingWithOrganizationState]{}, fmt.Errorf(
				"reading RAM Sharing With Organization (%s): reading Organization service principals: %w", req.ID, err)
		}
		for _, p := range page.EnabledServicePrincipals {
			enabled = append(enabled, aws.ToString(p.ServicePrincipal))
		}
	}
	if !slices.Contains(enabled, ramPrincipal) {
		return infer.ReadResponse[SharingWithOrganizationArgs, SharingWithOrganizationState]{}, nil
	}
	return infer.ReadResponse[SharingWithOrganizationArgs, SharingWithOrganizationState]{ID: req.ID}, nil
}

// Delete disables RAM's trusted access.
func (*SharingWithOrganization) Delete(ctx context.Context, req infer.DeleteRequest[SharingWithOrganizationState]) (
	infer.DeleteResponse, error,
) {
	if _, err := config(ctx).orgs.DisableAWSServiceAccess(ctx, &organizations.DisableAWSServiceAccessInput{
		ServicePrincipal: aws.String(ramPrincipal)}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabling Organizations service principal (%s): %w", ramPrincipal, err)
	}
	return infer.DeleteResponse{}, nil
}
