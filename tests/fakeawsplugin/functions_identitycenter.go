package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// GetPermissionSet is aws:ssoadmin/getPermissionSet:getPermissionSet
// (terraform-provider-aws internal/service/ssoadmin/permission_set_data_source.go):
// by ARN, DescribePermissionSet; by name, the instance's permission sets
// listed and described until one has the name.
type GetPermissionSet struct{}

// GetPermissionSetArgs are its inputs.
type GetPermissionSetArgs struct {
	InstanceArn string  `pulumi:"instanceArn"`
	Arn         *string `pulumi:"arn,optional"`
	Name        *string `pulumi:"name,optional"`
}

// GetPermissionSetResult is its result.
type GetPermissionSetResult struct {
	Arn             string            `pulumi:"arn"`
	CreatedDate     string            `pulumi:"createdDate"`
	Description     string            `pulumi:"description"`
	ID              string            `pulumi:"resultId"`
	InstanceArn     string            `pulumi:"instanceArn"`
	Name            string            `pulumi:"name"`
	RelayState      string            `pulumi:"relayState"`
	SessionDuration string            `pulumi:"sessionDuration"`
	Tags            map[string]string `pulumi:"tags"`
}

// Annotate sets pulumi-aws's token.
func (*GetPermissionSet) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/getPermissionSet", "getPermissionSet")
}

// Invoke finds the permission set.
func (*GetPermissionSet) Invoke(ctx context.Context, req infer.FunctionRequest[GetPermissionSetArgs]) (
	infer.FunctionResponse[GetPermissionSetResult], error,
) {
	c, x := config(ctx), req.Input
	describe := func(arn string) (*GetPermissionSetResult, error) {
		out, err := c.sso.DescribePermissionSet(ctx, &ssoadmin.DescribePermissionSetInput{
			InstanceArn: aws.String(x.InstanceArn), PermissionSetArn: aws.String(arn)})
		if err != nil {
			return nil, err
		}
		p := out.PermissionSet
		return &GetPermissionSetResult{Arn: arn, CreatedDate: aws.ToTime(p.CreatedDate).Format(time.RFC3339),
			Description: aws.ToString(p.Description), ID: arn, InstanceArn: x.InstanceArn, Name: aws.ToString(p.Name),
			RelayState: aws.ToString(p.RelayState), SessionDuration: aws.ToString(p.SessionDuration),
			Tags: map[string]string{}}, nil
	}
	if x.Arn != nil {
		res, err := describe(*x.Arn)
		if err != nil {
			return infer.FunctionResponse[GetPermissionSetResult]{}, fmt.Errorf("reading SSO Admin Permission Set "+
				"(%s): %w", *x.Arn, err)
		}
		return infer.FunctionResponse[GetPermissionSetResult]{Output: *res}, nil
	}
	pages := ssoadmin.NewListPermissionSetsPaginator(c.sso, &ssoadmin.ListPermissionSetsInput{
		InstanceArn: aws.String(x.InstanceArn)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return infer.FunctionResponse[GetPermissionSetResult]{}, fmt.Errorf("reading SSO Admin Permission "+
				"Sets: %w", err)
		}
		for _, arn := range page.PermissionSets {
			res, err := describe(arn)
			if err != nil {
				return infer.FunctionResponse[GetPermissionSetResult]{}, fmt.Errorf("reading SSO Admin Permission "+
					"Set (%s): %w", arn, err)
			}
			if res.Name == aws.ToString(x.Name) {
				return infer.FunctionResponse[GetPermissionSetResult]{Output: *res}, nil
			}
		}
	}
	return infer.FunctionResponse[GetPermissionSetResult]{}, fmt.Errorf("reading SSO Admin Permission Set (%s): "+
		"couldn't find resource", aws.ToString(x.Name))
}

// GetPermissionSets is aws:ssoadmin/getPermissionSets:getPermissionSets: the
// instance's permission set ARNs.
type GetPermissionSets struct{}

// GetPermissionSetsArgs are its inputs.
type GetPermissionSetsArgs struct {
	InstanceArn string `pulumi:"instanceArn"`
}

// GetPermissionSetsResult is its result.
type GetPermissionSetsResult struct {
	Arns        []string `pulumi:"arns"`
	ID          string   `pulumi:"resultId"`
	InstanceArn string   `pulumi:"instanceArn"`
}

// Annotate sets pulumi-aws's token.
func (*GetPermissionSets) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/getPermissionSets", "getPermissionSets")
}

// Invoke lists the permission sets.
func (*GetPermissionSets) Invoke(ctx context.Context, req infer.FunctionRequest[GetPermissionSetsArgs]) (
	infer.FunctionResponse[GetPermissionSetsResult], error,
) {
	res := GetPermissionSetsResult{Arns: []string{}, ID: req.Input.InstanceArn, InstanceArn: req.Input.InstanceArn}
	pages := ssoadmin.NewListPermissionSetsPaginator(config(ctx).sso, &ssoadmin.ListPermissionSetsInput{
		InstanceArn: aws.String(req.Input.InstanceArn)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return infer.FunctionResponse[GetPermissionSetsResult]{}, fmt.Errorf("reading SSO Admin Permission "+
				"Sets: %w", err)
		}
		res.Arns = append(res.Arns, page.PermissionSets...)
	}
	return infer.FunctionResponse[GetPermissionSetsResult]{Output: res}, nil
}

// GetApplication is aws:ssoadmin/getApplication:getApplication
// (terraform-provider-aws internal/service/ssoadmin/application_data_source.go):
// DescribeApplication.
type GetApplication struct{}

// GetApplicationArgs are its inputs.
type GetApplicationArgs struct {
	ApplicationArn string `pulumi:"applicationArn"`
}

// GetApplicationResult is its result.
type GetApplicationResult struct {
	ApplicationAccount     string `pulumi:"applicationAccount"`
	ApplicationArn         string `pulumi:"applicationArn"`
	ApplicationProviderArn string `pulumi:"applicationProviderArn"`
	Description            string `pulumi:"description"`
	ID                     string `pulumi:"resultId"`
	InstanceArn            string `pulumi:"instanceArn"`
	Name                   string `pulumi:"name"`
	Status                 string `pulumi:"status"`
}

// Annotate sets pulumi-aws's token.
func (*GetApplication) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/getApplication", "getApplication")
}

// Invoke describes the application.
func (*GetApplication) Invoke(ctx context.Context, req infer.FunctionRequest[GetApplicationArgs]) (
	infer.FunctionResponse[GetApplicationResult], error,
) {
	out, err := config(ctx).sso.DescribeApplication(ctx, &ssoadmin.DescribeApplicationInput{
		ApplicationArn: aws.String(req.Input.ApplicationArn)})
	if err != nil {
		return infer.FunctionResponse[GetApplicationResult]{}, fmt.Errorf("reading SSO Admin Application (%s): %w",
			req.Input.ApplicationArn, err)
	}
	return infer.FunctionResponse[GetApplicationResult]{Output: GetApplicationResult{
		ApplicationAccount: aws.ToString(out.ApplicationAccount), ApplicationArn: req.Input.ApplicationArn,
		ApplicationProviderArn: aws.ToString(out.ApplicationProviderArn), Description: aws.ToString(out.Description),
		ID: req.Input.ApplicationArn, InstanceArn: aws.ToString(out.InstanceArn), Name: aws.ToString(out.Name),
		Status: string(out.Status)}}, nil
}

// GetOrganizationalUnitDescendantAccounts is
// aws:organizations/getOrganizationalUnitDescendantAccounts:getOrganizationalUnitDescendantAccounts
// (terraform-provider-aws internal/service/organizations/organizational_unit_descendant_accounts_data_source.go):
// the accounts of the OU and of every OU below it, with ListAccountsForParent
// and ListOrganizationalUnitsForParent.
type GetOrganizationalUnitDescendantAccounts struct{}

// GetOUDescendantAccountsArgs are its inputs.
type GetOUDescendantAccountsArgs struct {
	ParentID string `pulumi:"parentId"`
}

// GetOUDescendantAccountsResult is its result.
type GetOUDescendantAccountsResult struct {
	Accounts []OrgAccount `pulumi:"accounts"`
	ID       string       `pulumi:"resultId"`
	ParentID string       `pulumi:"parentId"`
}

// Annotate sets pulumi-aws's token.
func (*GetOrganizationalUnitDescendantAccounts) Annotate(a infer.Annotator) {
	a.SetToken("organizations/getOrganizationalUnitDescendantAccounts", "getOrganizationalUnitDescendantAccounts")
}

// Invoke walks the OU tree below the parent.
func (*GetOrganizationalUnitDescendantAccounts) Invoke(ctx context.Context,
	req infer.FunctionRequest[GetOUDescendantAccountsArgs],
) (infer.FunctionResponse[GetOUDescendantAccountsResult], error) {
	c := config(ctx)
	res := GetOUDescendantAccountsResult{Accounts: []OrgAccount{}, ID: req.Input.ParentID, ParentID: req.Input.ParentID}
	queue := []string{req.Input.ParentID}
	for len(queue) > 0 {
		parent := queue[0]
		queue = queue[1:]
		accounts := organizations.NewListAccountsForParentPaginator(c.orgs,
			&organizations.ListAccountsForParentInput{ParentId: aws.String(parent)})
		for accounts.HasMorePages() {
			page, err := accounts.NextPage(ctx)
			if err != nil {
				return infer.FunctionResponse[GetOUDescendantAccountsResult]{}, fmt.Errorf("listing Organizations "+
					"Accounts for parent (%s): %w", parent, err)
			}
			for _, a := range page.Accounts {
				res.Accounts = append(res.Accounts, OrgAccount{ID: aws.ToString(a.Id), Arn: aws.ToString(a.Arn),
					Name: aws.ToString(a.Name), Email: aws.ToString(a.Email), Status: string(a.Status)})
			}
		}
		ous := organizations.NewListOrganizationalUnitsForParentPaginator(c.orgs,
			&organizations.ListOrganizationalUnitsForParentInput{ParentId: aws.String(parent)})
		for ous.HasMorePages() {
			page, err := ous.NextPage(ctx)
			if err != nil {
				return infer.FunctionResponse[GetOUDescendantAccountsResult]{}, fmt.Errorf("listing Organizations "+
					"Organizational Units for parent (%s): %w", parent, err)
			}
			for _, ou := range page.OrganizationalUnits {
				queue = append(queue, aws.ToString(ou.Id))
			}
		}
	}
	return infer.FunctionResponse[GetOUDescendantAccountsResult]{Output: res}, nil
}
