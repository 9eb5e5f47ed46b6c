package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// GetCallerIdentity is aws:index/getCallerIdentity:getCallerIdentity
// (terraform-provider-aws internal/service/sts/caller_identity_data_source.go):
// sts:GetCallerIdentity with the provider's credentials (after assumeRole);
// id is the account ID.
type GetCallerIdentity struct{}

// GetCallerIdentityArgs are its (no) inputs.
type GetCallerIdentityArgs struct{}

// GetCallerIdentityResult is its result.
type GetCallerIdentityResult struct {
	AccountID string `pulumi:"accountId"`
	Arn       string `pulumi:"arn"`
	UserID    string `pulumi:"userId"`
	ID        string `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetCallerIdentity) Annotate(a infer.Annotator) {
	a.SetToken("index/getCallerIdentity", "getCallerIdentity")
}

// Invoke asks STS who the credentials are.
func (*GetCallerIdentity) Invoke(ctx context.Context, _ infer.FunctionRequest[GetCallerIdentityArgs]) (
	infer.FunctionResponse[GetCallerIdentityResult], error,
) {
	out, err := sts.NewFromConfig(config(ctx).aws).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return infer.FunctionResponse[GetCallerIdentityResult]{}, fmt.Errorf("reading STS Caller Identity: %w", err)
	}
	account := aws.ToString(out.Account)
	return infer.FunctionResponse[GetCallerIdentityResult]{Output: GetCallerIdentityResult{AccountID: account,
		Arn: aws.ToString(out.Arn), UserID: aws.ToString(out.UserId), ID: account}}, nil
}
