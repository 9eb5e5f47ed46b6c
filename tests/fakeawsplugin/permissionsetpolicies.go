package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

func ssoNotFound(err error) bool {
	var nf *types.ResourceNotFoundException
	return errors.As(err, &nf)
}

// ManagedPolicyAttachment is aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment
// (terraform-provider-aws internal/service/ssoadmin/managed_policy_attachment.go):
// ID MANAGED_POLICY_ARN,PERMISSION_SET_ARN,INSTANCE_ARN; every input
// replaces; Create AttachManagedPolicyToPermissionSet, Read finds the policy
// with ListManagedPoliciesInPermissionSet, Delete
// DetachManagedPolicyFromPermissionSet.
type ManagedPolicyAttachment struct{}

// ManagedPolicyAttachmentArgs are its inputs.
type ManagedPolicyAttachmentArgs struct {
	InstanceArn      string `pulumi:"instanceArn" provider:"replaceOnChanges"`
	ManagedPolicyArn string `pulumi:"managedPolicyArn" provider:"replaceOnChanges"`
	PermissionSetArn string `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
}

// ManagedPolicyAttachmentState is its state.
type ManagedPolicyAttachmentState struct {
	ManagedPolicyAttachmentArgs
	ManagedPolicyName string `pulumi:"managedPolicyName"`
}

// Annotate sets pulumi-aws's token.
func (*ManagedPolicyAttachment) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/managedPolicyAttachment", "ManagedPolicyAttachment")
}

func policyName(arn string) string { return arn[strings.LastIndex(arn, "/")+1:] }

// Create attaches the policy.
func (*ManagedPolicyAttachment) Create(ctx context.Context, req infer.CreateRequest[ManagedPolicyAttachmentArgs]) (
	infer.CreateResponse[ManagedPolicyAttachmentState], error,
) {
	x := req.Inputs
	id := strings.Join([]string{x.ManagedPolicyArn, x.PermissionSetArn, x.InstanceArn}, ",")
	out := infer.CreateResponse[ManagedPolicyAttachmentState]{ID: id, Output: ManagedPolicyAttachmentState{x,
		policyName(x.ManagedPolicyArn)}}
	if req.DryRun {
		return out, nil
	}
	if _, err := config(ctx).sso.AttachManagedPolicyToPermissionSet(ctx, &ssoadmin.AttachManagedPolicyToPermissionSetInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn),
		ManagedPolicyArn: aws.String(x.ManagedPolicyArn)}); err != nil {
		return infer.CreateResponse[ManagedPolicyAttachmentState]{}, fmt.Errorf("creating SSO Managed Policy "+
			"Attachment (%s): %w", id, err)
	}
	return out, nil
}

// Read finds the policy among the permission set's.
func (*ManagedPolicyAttachment) Read(ctx context.Context,
	req infer.ReadRequest[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState],
) (infer.ReadResponse[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState], error) {
	parts := strings.Split(req.ID, ",")
	if len(parts) != 3 {
		return infer.ReadResponse[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected MANAGED_POLICY_ARN,PERMISSION_SET_ARN,INSTANCE_ARN", req.ID)
	}
	x := ManagedPolicyAttachmentArgs{ManagedPolicyArn: parts[0], PermissionSetArn: parts[1], InstanceArn: parts[2]}
	pages := ssoadmin.NewListManagedPoliciesInPermissionSetPaginator(config(ctx).sso,
		&ssoadmin.ListManagedPoliciesInPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if ssoNotFound(err) {
			break
		}
		if err != nil {
			return infer.ReadResponse[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState]{}, fmt.Errorf(
				"reading SSO Managed Policy Attachment (%s): %w", req.ID, err)
		}
		for _, p := range page.AttachedManagedPolicies {
			if aws.ToString(p.Arn) == x.ManagedPolicyArn {
				return infer.ReadResponse[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState]{ID: req.ID,
					Inputs: x, State: ManagedPolicyAttachmentState{x, aws.ToString(p.Name)}}, nil
			}
		}
	}
	return infer.ReadResponse[ManagedPolicyAttachmentArgs, ManagedPolicyAttachmentState]{}, nil
}

// Delete detaches the policy.
func (*ManagedPolicyAttachment) Delete(ctx context.Context, req infer.DeleteRequest[ManagedPolicyAttachmentState]) (
	infer.DeleteResponse, error,
) {
	x := req.State.ManagedPolicyAttachmentArgs
	_, err := config(ctx).sso.DetachManagedPolicyFromPermissionSet(ctx, &ssoadmin.DetachManagedPolicyFromPermissionSetInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn),
		ManagedPolicyArn: aws.String(x.ManagedPolicyArn)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Managed Policy Attachment (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// PolicyReference is a customer managed policy's name and path. The path
// defaults to "/" and is always read back from AWS, as the schemas of
// customer_managed_policy_attachment.go and permissions_boundary_attachment.go
// say (Optional, Default "/", ForceNew): a program that leaves it out and one
// that writes "/" are the same attachment, on import too.
type PolicyReference struct {
	Name string  `pulumi:"name"`
	Path *string `pulumi:"path,optional"`
}

// Annotate sets pulumi-aws's default path.
func (r *PolicyReference) Annotate(a infer.Annotator) { a.SetDefault(&r.Path, "/") }

func (r PolicyReference) path() string {
	if r.Path == nil || *r.Path == "" {
		return "/"
	}
	return *r.Path
}

// CustomerManagedPolicyAttachment is
// aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment
// (terraform-provider-aws internal/service/ssoadmin/customer_managed_policy_attachment.go):
// ID POLICY_NAME,POLICY_PATH,PERMISSION_SET_ARN,INSTANCE_ARN; every input
// replaces; Attach/Detach CustomerManagedPolicyReference, Read with
// ListCustomerManagedPolicyReferencesInPermissionSet.
type CustomerManagedPolicyAttachment struct{}

// CustomerManagedPolicyAttachmentArgs are its inputs.
type CustomerManagedPolicyAttachmentArgs struct {
	InstanceArn                    string          `pulumi:"instanceArn" provider:"replaceOnChanges"`
	PermissionSetArn               string          `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
	CustomerManagedPolicyReference PolicyReference `pulumi:"customerManagedPolicyReference" provider:"replaceOnChanges"`
}

// CustomerManagedPolicyAttachmentState is its state.
type CustomerManagedPolicyAttachmentState struct {
	CustomerManagedPolicyAttachmentArgs
}

// Annotate sets pulumi-aws's token.
func (*CustomerManagedPolicyAttachment) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/customerManagedPolicyAttachment", "CustomerManagedPolicyAttachment")
}

func (x CustomerManagedPolicyAttachmentArgs) id() string {
	r := x.CustomerManagedPolicyReference
	return strings.Join([]string{r.Name, r.path(), x.PermissionSetArn, x.InstanceArn}, ",")
}

// Create attaches the reference.
func (*CustomerManagedPolicyAttachment) Create(ctx context.Context,
	req infer.CreateRequest[CustomerManagedPolicyAttachmentArgs],
) (infer.CreateResponse[CustomerManagedPolicyAttachmentState], error) {
	x := req.Inputs
	out := infer.CreateResponse[CustomerManagedPolicyAttachmentState]{ID: x.id(),
		Output: CustomerManagedPolicyAttachmentState{x}}
	if req.DryRun {
		return out, nil
	}
	r := x.CustomerManagedPolicyReference
	if _, err := config(ctx).sso.AttachCustomerManagedPolicyReferenceToPermissionSet(ctx,
		&ssoadmin.AttachCustomerManagedPolicyReferenceToPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn), CustomerManagedPolicyReference: &types.CustomerManagedPolicyReference{
				Name: aws.String(r.Name), Path: aws.String(r.path())}}); err != nil {
		return infer.CreateResponse[CustomerManagedPolicyAttachmentState]{}, fmt.Errorf("creating SSO Customer "+
			"Managed Policy Attachment (%s): %w", x.id(), err)
	}
	return out, nil
}

// Read finds the reference among the permission set's.
func (*CustomerManagedPolicyAttachment) Read(ctx context.Context,
	req infer.ReadRequest[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState],
) (infer.ReadResponse[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState], error) {
	parts := strings.Split(req.ID, ",")
	if len(parts) != 4 {
		return infer.ReadResponse[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState]{},
			fmt.Errorf("unexpected format for ID (%s), expected POLICY_NAME,POLICY_PATH,PERMISSION_SET_ARN,"+
				"INSTANCE_ARN", req.ID)
	}
	x := CustomerManagedPolicyAttachmentArgs{InstanceArn: parts[3], PermissionSetArn: parts[2],
		CustomerManagedPolicyReference: PolicyReference{Name: parts[0], Path: aws.String(parts[1])}}
	pages := ssoadmin.NewListCustomerManagedPolicyReferencesInPermissionSetPaginator(config(ctx).sso,
		&ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if ssoNotFound(err) {
			break
		}
		if err != nil {
			return infer.ReadResponse[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState]{},
				fmt.Errorf("reading SSO Customer Managed Policy Attachment (%s): %w", req.ID, err)
		}
		for _, p := range page.CustomerManagedPolicyReferences {
			if aws.ToString(p.Name) == parts[0] && aws.ToString(p.Path) == parts[1] {
				return infer.ReadResponse[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState]{
					ID: req.ID, Inputs: x, State: CustomerManagedPolicyAttachmentState{x}}, nil
			}
		}
	}
	return infer.ReadResponse[CustomerManagedPolicyAttachmentArgs, CustomerManagedPolicyAttachmentState]{}, nil
}

// Delete detaches the reference.
func (*CustomerManagedPolicyAttachment) Delete(ctx context.Context,
	req infer.DeleteRequest[CustomerManagedPolicyAttachmentState],
) (infer.DeleteResponse, error) {
	x := req.State.CustomerManagedPolicyAttachmentArgs
	r := x.CustomerManagedPolicyReference
	_, err := config(ctx).sso.DetachCustomerManagedPolicyReferenceFromPermissionSet(ctx,
		&ssoadmin.DetachCustomerManagedPolicyReferenceFromPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn), CustomerManagedPolicyReference: &types.CustomerManagedPolicyReference{
				Name: aws.String(r.Name), Path: aws.String(r.path())}})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Customer Managed Policy Attachment (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// PermissionSetInlinePolicy is aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy
// (terraform-provider-aws internal/service/ssoadmin/permission_set_inline_policy.go):
// ID PERMISSION_SET_ARN,INSTANCE_ARN; instanceArn and permissionSetArn
// replace, inlinePolicy updates (PutInlinePolicyToPermissionSet again); Read
// GetInlinePolicyForPermissionSet (empty: gone), Delete
// DeleteInlinePolicyFromPermissionSet.
type PermissionSetInlinePolicy struct{}

// PermissionSetInlinePolicyArgs are its inputs.
type PermissionSetInlinePolicyArgs struct {
	InlinePolicy     string `pulumi:"inlinePolicy"`
	InstanceArn      string `pulumi:"instanceArn" provider:"replaceOnChanges"`
	PermissionSetArn string `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
}

// PermissionSetInlinePolicyState is its state.
type PermissionSetInlinePolicyState struct {
	PermissionSetInlinePolicyArgs
}

// Annotate sets pulumi-aws's token.
func (*PermissionSetInlinePolicy) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/permissionSetInlinePolicy", "PermissionSetInlinePolicy")
}

func (c *Config) putInlinePolicy(ctx context.Context, x PermissionSetInlinePolicyArgs) error {
	_, err := c.sso.PutInlinePolicyToPermissionSet(ctx, &ssoadmin.PutInlinePolicyToPermissionSetInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn),
		InlinePolicy: aws.String(x.InlinePolicy)})
	return err
}

// Create puts the policy.
func (*PermissionSetInlinePolicy) Create(ctx context.Context, req infer.CreateRequest[PermissionSetInlinePolicyArgs]) (
	infer.CreateResponse[PermissionSetInlinePolicyState], error,
) {
	x := req.Inputs
	id := x.PermissionSetArn + "," + x.InstanceArn
	if !req.DryRun {
		if err := config(ctx).putInlinePolicy(ctx, x); err != nil {
			return infer.CreateResponse[PermissionSetInlinePolicyState]{}, fmt.Errorf("putting SSO Permission Set "+
				"(%s) Inline Policy: %w", id, err)
		}
	}
	return infer.CreateResponse[PermissionSetInlinePolicyState]{ID: id, Output: PermissionSetInlinePolicyState{x}}, nil
}

// Read gets the policy.
func (*PermissionSetInlinePolicy) Read(ctx context.Context,
	req infer.ReadRequest[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState],
) (infer.ReadResponse[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState], error) {
	ps, instance, ok := strings.Cut(req.ID, ",")
	if !ok {
		return infer.ReadResponse[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected PERMISSION_SET_ARN,INSTANCE_ARN", req.ID)
	}
	out, err := config(ctx).sso.GetInlinePolicyForPermissionSet(ctx, &ssoadmin.GetInlinePolicyForPermissionSetInput{
		InstanceArn: aws.String(instance), PermissionSetArn: aws.String(ps)})
	if ssoNotFound(err) || err == nil && aws.ToString(out.InlinePolicy) == "" {
		return infer.ReadResponse[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState]{}, fmt.Errorf(
			"reading SSO Permission Set Inline Policy (%s): %w", req.ID, err)
	}
	x := PermissionSetInlinePolicyArgs{InlinePolicy: aws.ToString(out.InlinePolicy), InstanceArn: instance,
		PermissionSetArn: ps}
	return infer.ReadResponse[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState]{ID: req.ID, Inputs: x,
		State: PermissionSetInlinePolicyState{x}}, nil
}

// Update puts the new policy.
func (*PermissionSetInlinePolicy) Update(ctx context.Context,
	req infer.UpdateRequest[PermissionSetInlinePolicyArgs, PermissionSetInlinePolicyState],
) (infer.UpdateResponse[PermissionSetInlinePolicyState], error) {
	if !req.DryRun {
		if err := config(ctx).putInlinePolicy(ctx, req.Inputs); err != nil {
			return infer.UpdateResponse[PermissionSetInlinePolicyState]{}, fmt.Errorf("updating SSO Permission Set "+
				"Inline Policy (%s): %w", req.ID, err)
		}
	}
	return infer.UpdateResponse[PermissionSetInlinePolicyState]{Output: PermissionSetInlinePolicyState{req.Inputs}}, nil
}

// Delete deletes the policy.
func (*PermissionSetInlinePolicy) Delete(ctx context.Context, req infer.DeleteRequest[PermissionSetInlinePolicyState]) (
	infer.DeleteResponse, error,
) {
	x := req.State.PermissionSetInlinePolicyArgs
	_, err := config(ctx).sso.DeleteInlinePolicyFromPermissionSet(ctx, &ssoadmin.DeleteInlinePolicyFromPermissionSetInput{
		InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(x.PermissionSetArn)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Permission Set Inline Policy (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// PermissionsBoundary is a permission set's boundary: an AWS managed policy or
// a customer managed one.
type PermissionsBoundary struct {
	ManagedPolicyArn               *string          `pulumi:"managedPolicyArn,optional"`
	CustomerManagedPolicyReference *PolicyReference `pulumi:"customerManagedPolicyReference,optional"`
}

// PermissionsBoundaryAttachment is
// aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment
// (terraform-provider-aws internal/service/ssoadmin/permissions_boundary_attachment.go):
// ID PERMISSION_SET_ARN,INSTANCE_ARN; every input replaces; Put/Delete
// PermissionsBoundary, Read GetPermissionsBoundaryForPermissionSet.
type PermissionsBoundaryAttachment struct{}

// PermissionsBoundaryAttachmentArgs are its inputs.
type PermissionsBoundaryAttachmentArgs struct {
	InstanceArn         string              `pulumi:"instanceArn" provider:"replaceOnChanges"`
	PermissionSetArn    string              `pulumi:"permissionSetArn" provider:"replaceOnChanges"`
	PermissionsBoundary PermissionsBoundary `pulumi:"permissionsBoundary" provider:"replaceOnChanges"`
}

// PermissionsBoundaryAttachmentState is its state.
type PermissionsBoundaryAttachmentState struct {
	PermissionsBoundaryAttachmentArgs
}

// Annotate sets pulumi-aws's token.
func (*PermissionsBoundaryAttachment) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/permissionsBoundaryAttachment", "PermissionsBoundaryAttachment")
}

// Create puts the boundary.
func (*PermissionsBoundaryAttachment) Create(ctx context.Context,
	req infer.CreateRequest[PermissionsBoundaryAttachmentArgs],
) (infer.CreateResponse[PermissionsBoundaryAttachmentState], error) {
	x := req.Inputs
	id := x.PermissionSetArn + "," + x.InstanceArn
	out := infer.CreateResponse[PermissionsBoundaryAttachmentState]{ID: id, Output: PermissionsBoundaryAttachmentState{x}}
	if req.DryRun {
		return out, nil
	}
	b := &types.PermissionsBoundary{ManagedPolicyArn: x.PermissionsBoundary.ManagedPolicyArn}
	if r := x.PermissionsBoundary.CustomerManagedPolicyReference; r != nil {
		b.CustomerManagedPolicyReference = &types.CustomerManagedPolicyReference{Name: aws.String(r.Name),
			Path: aws.String(r.path())}
	}
	if _, err := config(ctx).sso.PutPermissionsBoundaryToPermissionSet(ctx,
		&ssoadmin.PutPermissionsBoundaryToPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn), PermissionsBoundary: b}); err != nil {
		return infer.CreateResponse[PermissionsBoundaryAttachmentState]{}, fmt.Errorf("creating SSO Permissions "+
			"Boundary Attachment (%s): %w", id, err)
	}
	return out, nil
}

// Read gets the boundary.
func (*PermissionsBoundaryAttachment) Read(ctx context.Context,
	req infer.ReadRequest[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState],
) (infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState], error) {
	ps, instance, ok := strings.Cut(req.ID, ",")
	if !ok {
		return infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected PERMISSION_SET_ARN,INSTANCE_ARN", req.ID)
	}
	out, err := config(ctx).sso.GetPermissionsBoundaryForPermissionSet(ctx,
		&ssoadmin.GetPermissionsBoundaryForPermissionSetInput{InstanceArn: aws.String(instance),
			PermissionSetArn: aws.String(ps)})
	if ssoNotFound(err) {
		return infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState]{}, fmt.Errorf(
			"reading SSO Permissions Boundary Attachment (%s): %w", req.ID, err)
	}
	x := PermissionsBoundaryAttachmentArgs{InstanceArn: instance, PermissionSetArn: ps}
	b := out.PermissionsBoundary
	if b == nil || b.ManagedPolicyArn == nil && b.CustomerManagedPolicyReference == nil {
		return infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState]{}, nil
	}
	x.PermissionsBoundary.ManagedPolicyArn = b.ManagedPolicyArn
	if r := b.CustomerManagedPolicyReference; r != nil {
		x.PermissionsBoundary.CustomerManagedPolicyReference = &PolicyReference{Name: aws.ToString(r.Name), Path: r.Path}
	}
	return infer.ReadResponse[PermissionsBoundaryAttachmentArgs, PermissionsBoundaryAttachmentState]{ID: req.ID,
		Inputs: x, State: PermissionsBoundaryAttachmentState{x}}, nil
}

// Delete deletes the boundary.
func (*PermissionsBoundaryAttachment) Delete(ctx context.Context,
	req infer.DeleteRequest[PermissionsBoundaryAttachmentState],
) (infer.DeleteResponse, error) {
	x := req.State.PermissionsBoundaryAttachmentArgs
	_, err := config(ctx).sso.DeletePermissionsBoundaryFromPermissionSet(ctx,
		&ssoadmin.DeletePermissionsBoundaryFromPermissionSetInput{InstanceArn: aws.String(x.InstanceArn),
			PermissionSetArn: aws.String(x.PermissionSetArn)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Permissions Boundary Attachment (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
