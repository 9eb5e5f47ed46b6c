package main

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// OidcJwtConfiguration is an OIDC JWT issuer's configuration.
type OidcJwtConfiguration struct {
	ClaimAttributePath         string `pulumi:"claimAttributePath"`
	IdentityStoreAttributePath string `pulumi:"identityStoreAttributePath"`
	IssuerURL                  string `pulumi:"issuerUrl"`
	JwksRetrievalOption        string `pulumi:"jwksRetrievalOption"`
}

// TokenIssuerConfiguration is a trusted token issuer's configuration.
type TokenIssuerConfiguration struct {
	OidcJwtConfiguration *OidcJwtConfiguration `pulumi:"oidcJwtConfiguration,optional"`
}

// TrustedTokenIssuer is aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer
// (terraform-provider-aws internal/service/ssoadmin/trusted_token_issuer.go):
// ID the issuer's ARN; instanceArn and trustedTokenIssuerType replace (the
// stand-in has no UpdateTrustedTokenIssuer: its other inputs replace too);
// Create/Describe/Delete TrustedTokenIssuer.
type TrustedTokenIssuer struct{}

// TrustedTokenIssuerArgs are its inputs.
type TrustedTokenIssuerArgs struct {
	InstanceArn                     string                    `pulumi:"instanceArn" provider:"replaceOnChanges"`
	Name                            string                    `pulumi:"name" provider:"replaceOnChanges"`
	TrustedTokenIssuerType          string                    `pulumi:"trustedTokenIssuerType" provider:"replaceOnChanges"`
	TrustedTokenIssuerConfiguration *TokenIssuerConfiguration `pulumi:"trustedTokenIssuerConfiguration,optional" provider:"replaceOnChanges"`
	ClientToken                     *string                   `pulumi:"clientToken,optional" provider:"replaceOnChanges"`
	Tags                            map[string]string         `pulumi:"tags,optional"`
}

// TrustedTokenIssuerState is its state.
type TrustedTokenIssuerState struct {
	TrustedTokenIssuerArgs
	Arn     string            `pulumi:"arn"`
	TagsAll map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*TrustedTokenIssuer) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/trustedTokenIssuer", "TrustedTokenIssuer")
}

// Create creates the issuer.
func (*TrustedTokenIssuer) Create(ctx context.Context, req infer.CreateRequest[TrustedTokenIssuerArgs]) (
	infer.CreateResponse[TrustedTokenIssuerState], error,
) {
	x := req.Inputs
	st := TrustedTokenIssuerState{TrustedTokenIssuerArgs: x, TagsAll: x.Tags}
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	if req.DryRun {
		return infer.CreateResponse[TrustedTokenIssuerState]{Output: st}, nil
	}
	in := &ssoadmin.CreateTrustedTokenIssuerInput{InstanceArn: aws.String(x.InstanceArn), Name: aws.String(x.Name),
		TrustedTokenIssuerType: types.TrustedTokenIssuerType(x.TrustedTokenIssuerType), ClientToken: x.ClientToken}
	if c := x.TrustedTokenIssuerConfiguration; c != nil && c.OidcJwtConfiguration != nil {
		o := c.OidcJwtConfiguration
		in.TrustedTokenIssuerConfiguration = &types.TrustedTokenIssuerConfigurationMemberOidcJwtConfiguration{
			Value: types.OidcJwtConfiguration{ClaimAttributePath: aws.String(o.ClaimAttributePath),
				IdentityStoreAttributePath: aws.String(o.IdentityStoreAttributePath), IssuerUrl: aws.String(o.IssuerURL),
				JwksRetrievalOption: types.JwksRetrievalOption(o.JwksRetrievalOption)}}
	}
	for _, k := range slices.Sorted(maps.Keys(x.Tags)) {
		in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(x.Tags[k])})
	}
	out, err := config(ctx).sso.CreateTrustedTokenIssuer(ctx, in)
	if err != nil {
		return infer.CreateResponse[TrustedTokenIssuerState]{}, fmt.Errorf("creating SSO Admin Trusted Token Issuer "+
			"(%s): %w", x.Name, err)
	}
	st.Arn = aws.ToString(out.TrustedTokenIssuerArn)
	return infer.CreateResponse[TrustedTokenIssuerState]{ID: st.Arn, Output: st}, nil
}

// Read describes the issuer.
func (*TrustedTokenIssuer) Read(ctx context.Context, req infer.ReadRequest[TrustedTokenIssuerArgs, TrustedTokenIssuerState]) (
	infer.ReadResponse[TrustedTokenIssuerArgs, TrustedTokenIssuerState], error,
) {
	out, err := config(ctx).sso.DescribeTrustedTokenIssuer(ctx, &ssoadmin.DescribeTrustedTokenIssuerInput{
		TrustedTokenIssuerArn: aws.String(req.ID)})
	if ssoNotFound(err) {
		return infer.ReadResponse[TrustedTokenIssuerArgs, TrustedTokenIssuerState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[TrustedTokenIssuerArgs, TrustedTokenIssuerState]{}, fmt.Errorf("reading SSO Admin "+
			"Trusted Token Issuer (%s): %w", req.ID, err)
	}
	st := req.State
	st.Arn, st.Name, st.TrustedTokenIssuerType = req.ID, aws.ToString(out.Name), string(out.TrustedTokenIssuerType)
	if c, ok := out.TrustedTokenIssuerConfiguration.(*types.TrustedTokenIssuerConfigurationMemberOidcJwtConfiguration); ok {
		st.TrustedTokenIssuerConfiguration = &TokenIssuerConfiguration{OidcJwtConfiguration: &OidcJwtConfiguration{
			ClaimAttributePath: aws.ToString(c.Value.ClaimAttributePath), IdentityStoreAttributePath: aws.ToString(
				c.Value.IdentityStoreAttributePath), IssuerURL: aws.ToString(c.Value.IssuerUrl),
			JwksRetrievalOption: string(c.Value.JwksRetrievalOption)}}
	}
	return infer.ReadResponse[TrustedTokenIssuerArgs, TrustedTokenIssuerState]{ID: req.ID,
		Inputs: st.TrustedTokenIssuerArgs, State: st}, nil
}

// Delete deletes the issuer.
func (*TrustedTokenIssuer) Delete(ctx context.Context, req infer.DeleteRequest[TrustedTokenIssuerState]) (
	infer.DeleteResponse, error,
) {
	_, err := config(ctx).sso.DeleteTrustedTokenIssuer(ctx, &ssoadmin.DeleteTrustedTokenIssuerInput{
		TrustedTokenIssuerArn: aws.String(req.ID)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Admin Trusted Token Issuer (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
