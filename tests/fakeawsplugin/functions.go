package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	isdocument "github.com/aws/aws-sdk-go-v2/service/identitystore/document"
	istypes "github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// GetInstances is aws:ssoadmin/getInstances:getInstances.
type GetInstances struct{}

// GetInstancesArgs are its (no) inputs.
type GetInstancesArgs struct{}

// GetInstancesResult is its result; id is the Region.
type GetInstancesResult struct {
	Arns             []string `pulumi:"arns"`
	IdentityStoreIDs []string `pulumi:"identityStoreIds"`
	ID               string   `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetInstances) Annotate(a infer.Annotator) { a.SetToken("ssoadmin/getInstances", "getInstances") }

// Invoke lists the instances.
func (*GetInstances) Invoke(ctx context.Context, _ infer.FunctionRequest[GetInstancesArgs]) (
	infer.FunctionResponse[GetInstancesResult], error,
) {
	c := config(ctx)
	res := GetInstancesResult{Arns: []string{}, IdentityStoreIDs: []string{}, ID: c.awsRg}
	pages := ssoadmin.NewListInstancesPaginator(c.sso, &ssoadmin.ListInstancesInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return infer.FunctionResponse[GetInstancesResult]{}, fmt.Errorf("reading SSO Instances: %w", err)
		}
		for _, i := range page.Instances {
			res.Arns = append(res.Arns, aws.ToString(i.InstanceArn))
			res.IdentityStoreIDs = append(res.IdentityStoreIDs, aws.ToString(i.IdentityStoreId))
		}
	}
	return infer.FunctionResponse[GetInstancesResult]{Output: res}, nil
}

// UniqueAttribute is the unique attribute of an alternate identifier.
type UniqueAttribute struct {
	AttributePath  string `pulumi:"attributePath"`
	AttributeValue string `pulumi:"attributeValue"`
}

// AlternateIdentifier identifies a group or user by a unique attribute.
type AlternateIdentifier struct {
	UniqueAttribute *UniqueAttribute `pulumi:"uniqueAttribute,optional"`
}

// PrincipalArgs are the inputs of getGroup and getUser that the component
// gives: the identity store and the alternate identifier.
type PrincipalArgs struct {
	IdentityStoreID     string               `pulumi:"identityStoreId"`
	AlternateIdentifier *AlternateIdentifier `pulumi:"alternateIdentifier,optional"`
}

func (x PrincipalArgs) unique() (istypes.AlternateIdentifier, error) {
	if x.AlternateIdentifier == nil || x.AlternateIdentifier.UniqueAttribute == nil {
		return nil, errors.New("the fake aws plugin looks principals up by alternateIdentifier.uniqueAttribute only")
	}
	u := x.AlternateIdentifier.UniqueAttribute
	return &istypes.AlternateIdentifierMemberUniqueAttribute{Value: istypes.UniqueAttribute{
		AttributePath: aws.String(u.AttributePath), AttributeValue: document(u.AttributeValue),
	}}, nil
}

// GetGroup is aws:identitystore/getGroup:getGroup.
type GetGroup struct{}

// GetGroupResult is its result.
type GetGroupResult struct {
	GroupID         string `pulumi:"groupId"`
	DisplayName     string `pulumi:"displayName"`
	IdentityStoreID string `pulumi:"identityStoreId"`
	ID              string `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetGroup) Annotate(a infer.Annotator) { a.SetToken("identitystore/getGroup", "getGroup") }

// Invoke finds the group's ID (GetGroupId), then describes it.
func (*GetGroup) Invoke(ctx context.Context, req infer.FunctionRequest[PrincipalArgs]) (
	infer.FunctionResponse[GetGroupResult], error,
) {
	c := config(ctx)
	alt, err := req.Input.unique()
	if err != nil {
		return infer.FunctionResponse[GetGroupResult]{}, err
	}
	id, err := c.ids.GetGroupId(ctx, &identitystore.GetGroupIdInput{
		IdentityStoreId: aws.String(req.Input.IdentityStoreID), AlternateIdentifier: alt,
	})
	if err != nil {
		return infer.FunctionResponse[GetGroupResult]{}, fmt.Errorf("reading IdentityStore Group: %w", err)
	}
	g, err := c.ids.DescribeGroup(ctx, &identitystore.DescribeGroupInput{
		IdentityStoreId: aws.String(req.Input.IdentityStoreID), GroupId: id.GroupId,
	})
	if err != nil {
		return infer.FunctionResponse[GetGroupResult]{}, fmt.Errorf("reading IdentityStore Group (%s): %w",
			aws.ToString(id.GroupId), err)
	}
	return infer.FunctionResponse[GetGroupResult]{Output: GetGroupResult{
		GroupID: aws.ToString(g.GroupId), DisplayName: aws.ToString(g.DisplayName),
		IdentityStoreID: req.Input.IdentityStoreID, ID: aws.ToString(g.GroupId),
	}}, nil
}

// GetUser is aws:identitystore/getUser:getUser.
type GetUser struct{}

// GetUserResult is its result.
type GetUserResult struct {
	UserID          string `pulumi:"userId"`
	UserName        string `pulumi:"userName"`
	IdentityStoreID string `pulumi:"identityStoreId"`
	ID              string `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetUser) Annotate(a infer.Annotator) { a.SetToken("identitystore/getUser", "getUser") }

// Invoke finds the user's ID (GetUserId), then describes it.
func (*GetUser) Invoke(ctx context.Context, req infer.FunctionRequest[PrincipalArgs]) (
	infer.FunctionResponse[GetUserResult], error,
) {
	c := config(ctx)
	alt, err := req.Input.unique()
	if err != nil {
		return infer.FunctionResponse[GetUserResult]{}, err
	}
	id, err := c.ids.GetUserId(ctx, &identitystore.GetUserIdInput{
		IdentityStoreId: aws.String(req.Input.IdentityStoreID), AlternateIdentifier: alt,
	})
	if err != nil {
		return infer.FunctionResponse[GetUserResult]{}, fmt.Errorf("reading IdentityStore User: %w", err)
	}
	u, err := c.ids.DescribeUser(ctx, &identitystore.DescribeUserInput{
		IdentityStoreId: aws.String(req.Input.IdentityStoreID), UserId: id.UserId,
	})
	if err != nil {
		return infer.FunctionResponse[GetUserResult]{}, fmt.Errorf("reading IdentityStore User (%s): %w",
			aws.ToString(id.UserId), err)
	}
	return infer.FunctionResponse[GetUserResult]{Output: GetUserResult{
		UserID: aws.ToString(u.UserId), UserName: aws.ToString(u.UserName),
		IdentityStoreID: req.Input.IdentityStoreID, ID: aws.ToString(u.UserId),
	}}, nil
}

// GetOrganization is aws:organizations/getOrganization:getOrganization.
type GetOrganization struct{}

// GetOrganizationArgs are its (no) inputs.
type GetOrganizationArgs struct{}

// OrgAccount is one account of the organization.
type OrgAccount struct {
	ID     string `pulumi:"id"`
	Arn    string `pulumi:"arn"`
	Name   string `pulumi:"name"`
	Email  string `pulumi:"email"`
	Status string `pulumi:"status"`
}

// GetOrganizationResult is its result.
type GetOrganizationResult struct {
	ID                 string       `pulumi:"resultId"`
	Arn                string       `pulumi:"arn"`
	FeatureSet         string       `pulumi:"featureSet"`
	MasterAccountID    string       `pulumi:"masterAccountId"`
	MasterAccountArn   string       `pulumi:"masterAccountArn"`
	MasterAccountEmail string       `pulumi:"masterAccountEmail"`
	Accounts           []OrgAccount `pulumi:"accounts"`
	NonMasterAccounts  []OrgAccount `pulumi:"nonMasterAccounts"`
}

// Annotate sets pulumi-aws's token.
func (*GetOrganization) Annotate(a infer.Annotator) {
	a.SetToken("organizations/getOrganization", "getOrganization")
}

// Invoke describes the organization and, when the caller may list them,
// its accounts (as pulumi-aws does: an AccessDeniedException from
// ListAccounts leaves the account lists empty).
func (*GetOrganization) Invoke(ctx context.Context, _ infer.FunctionRequest[GetOrganizationArgs]) (
	infer.FunctionResponse[GetOrganizationResult], error,
) {
	c := config(ctx)
	out, err := c.orgs.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	if err != nil {
		return infer.FunctionResponse[GetOrganizationResult]{}, fmt.Errorf("reading Organizations "+
			"Organization: %w", err)
	}
	o := out.Organization
	res := GetOrganizationResult{ID: aws.ToString(o.Id), Arn: aws.ToString(o.Arn), FeatureSet: string(o.FeatureSet),
		MasterAccountID: aws.ToString(o.MasterAccountId), MasterAccountArn: aws.ToString(o.MasterAccountArn),
		MasterAccountEmail: aws.ToString(o.MasterAccountEmail), Accounts: []OrgAccount{},
		NonMasterAccounts: []OrgAccount{}}
	pages := organizations.NewListAccountsPaginator(c.orgs, &organizations.ListAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		var denied *orgtypes.AccessDeniedException
		if errors.As(err, &denied) {
			res.Accounts, res.NonMasterAccounts = []OrgAccount{}, []OrgAccount{}
			break
		}
		if err != nil {
			return infer.FunctionResponse[GetOrganizationResult]{}, fmt.Errorf("reading Organization (%s) "+
				"accounts: %w", res.ID, err)
		}
		for _, a := range page.Accounts {
			acct := OrgAccount{ID: aws.ToString(a.Id), Arn: aws.ToString(a.Arn), Name: aws.ToString(a.Name),
				Email: aws.ToString(a.Email), Status: string(a.Status)}
			res.Accounts = append(res.Accounts, acct)
			if acct.ID != res.MasterAccountID {
				res.NonMasterAccounts = append(res.NonMasterAccounts, acct)
			}
		}
	}
	return infer.FunctionResponse[GetOrganizationResult]{Output: res}, nil
}

// GetRegion is aws:index/getRegion:getRegion: the provider's Region.
type GetRegion struct{}

// GetRegionArgs are its (no) inputs.
type GetRegionArgs struct{}

// GetRegionResult is its result.
type GetRegionResult struct {
	Name string `pulumi:"name"`
	ID   string `pulumi:"resultId"`
}

// Annotate sets pulumi-aws's token.
func (*GetRegion) Annotate(a infer.Annotator) { a.SetToken("index/getRegion", "getRegion") }

// Invoke returns the configured Region.
func (*GetRegion) Invoke(ctx context.Context, _ infer.FunctionRequest[GetRegionArgs]) (
	infer.FunctionResponse[GetRegionResult], error,
) {
	r := config(ctx).awsRg
	return infer.FunctionResponse[GetRegionResult]{Output: GetRegionResult{Name: r, ID: r}}, nil
}

// document wraps a string as the identity store's attribute value document.
func document(s string) isdocument.Interface { return isdocument.NewLazyDocument(s) }
