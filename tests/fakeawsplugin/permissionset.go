package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// PermissionSet is aws:ssoadmin/permissionSet:PermissionSet, without
// updates (the tests change no permission set) and with tags kept in the
// state only.
type PermissionSet struct{}

// PermissionSetArgs are its inputs; name and instanceArn replace it.
type PermissionSetArgs struct {
	InstanceArn     string            `pulumi:"instanceArn" provider:"replaceOnChanges"`
	Name            string            `pulumi:"name" provider:"replaceOnChanges"`
	Description     *string           `pulumi:"description,optional"`
	SessionDuration *string           `pulumi:"sessionDuration,optional"`
	RelayState      *string           `pulumi:"relayState,optional"`
	Tags            map[string]string `pulumi:"tags,optional"`
}

// PermissionSetState is its state.
type PermissionSetState struct {
	PermissionSetArgs
	Arn         string            `pulumi:"arn"`
	CreatedDate string            `pulumi:"createdDate"`
	TagsAll     map[string]string `pulumi:"tagsAll,optional"`
}

// Annotate sets pulumi-aws's token and default.
func (*PermissionSet) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/permissionSet", "PermissionSet")
}

// Annotate sets pulumi-aws's default session duration.
func (x *PermissionSetArgs) Annotate(a infer.Annotator) {
	a.SetDefault(&x.SessionDuration, "PT1H")
}

// Create creates the permission set; its ID is PERMISSION_SET_ARN,INSTANCE_ARN.
func (*PermissionSet) Create(ctx context.Context, req infer.CreateRequest[PermissionSetArgs]) (
	infer.CreateResponse[PermissionSetState], error,
) {
	x := req.Inputs
	if req.DryRun {
		return infer.CreateResponse[PermissionSetState]{Output: PermissionSetState{PermissionSetArgs: x,
			TagsAll: x.Tags}}, nil
	}
	out, err := config(ctx).sso.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{
		InstanceArn: aws.String(x.InstanceArn), Name: aws.String(x.Name), Description: x.Description,
		SessionDuration: x.SessionDuration, RelayState: x.RelayState,
	})
	if err != nil {
		return infer.CreateResponse[PermissionSetState]{}, fmt.Errorf("creating SSO Permission Set (%s): %w",
			x.Name, err)
	}
	ps := out.PermissionSet
	return infer.CreateResponse[PermissionSetState]{
		ID: aws.ToString(ps.PermissionSetArn) + "," + x.InstanceArn,
		Output: PermissionSetState{PermissionSetArgs: x, Arn: aws.ToString(ps.PermissionSetArn),
			CreatedDate: aws.ToTime(ps.CreatedDate).Format(time.RFC3339), TagsAll: x.Tags},
	}, nil
}

// Read refreshes the permission set: one that no longer exists leaves the state.
func (*PermissionSet) Read(ctx context.Context, req infer.ReadRequest[PermissionSetArgs, PermissionSetState]) (
	infer.ReadResponse[PermissionSetArgs, PermissionSetState], error,
) {
	arn, instance, ok := strings.Cut(req.ID, ",")
	if !ok {
		return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{}, fmt.Errorf("unexpected format for "+
			"ID (%q), expected PERMISSION_SET_ARN,INSTANCE_ARN", req.ID)
	}
	out, err := config(ctx).sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{
		InstanceArn: aws.String(instance), PermissionSetArn: aws.String(arn),
	})
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{}, fmt.Errorf("reading SSO Permission "+
			"Set (%s): %w", req.ID, err)
	}
	st := req.State
	ps := out.PermissionSet
	// An import reads from the ID alone: the instance comes from it, the tags
	// from ListTagsForResource (terraform-provider-aws's read does both); a
	// refresh keeps the state's tags, which the stand-in does not write.
	importing := st.Arn == ""
	st.InstanceArn, st.Arn = instance, arn
	st.Name, st.Description, st.SessionDuration, st.RelayState = aws.ToString(ps.Name), ps.Description,
		ps.SessionDuration, ps.RelayState
	if st.CreatedDate == "" {
		st.CreatedDate = aws.ToTime(ps.CreatedDate).Format(time.RFC3339)
	}
	if !importing {
		return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{ID: req.ID, Inputs: st.PermissionSetArgs,
			State: st}, nil
	}
	tags := map[string]string{}
	pages := ssoadmin.NewListTagsForResourcePaginator(config(ctx).sso, &ssoadmin.ListTagsForResourceInput{
		InstanceArn: aws.String(instance), ResourceArn: aws.String(arn)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{}, fmt.Errorf("listing tags for SSO "+
				"Permission Set (%s): %w", req.ID, err)
		}
		for _, t := range page.Tags {
			tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		}
	}
	if len(tags) > 0 || st.Tags != nil {
		st.Tags = tags
	}
	st.TagsAll = tags
	return infer.ReadResponse[PermissionSetArgs, PermissionSetState]{ID: req.ID, Inputs: st.PermissionSetArgs,
		State: st}, nil
}

// Delete deletes the permission set; one that is already gone counts as deleted.
func (*PermissionSet) Delete(ctx context.Context, req infer.DeleteRequest[PermissionSetState]) (
	infer.DeleteResponse, error,
) {
	_, err := config(ctx).sso.DeletePermissionSet(ctx, &ssoadmin.DeletePermissionSetInput{
		InstanceArn: aws.String(req.State.InstanceArn), PermissionSetArn: aws.String(req.State.Arn),
	})
	var nf *types.ResourceNotFoundException
	if err != nil && !errors.As(err, &nf) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Permission Set (%s): %w", req.State.Arn, err)
	}
	return infer.DeleteResponse{}, nil
}
