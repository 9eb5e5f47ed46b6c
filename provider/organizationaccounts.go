package provider

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// GetOrganizationAccounts lists the organization's accounts with their
// tags. pulumi-aws has no such lookup: aws.organizations.getOrganization
// returns the accounts without tags, and getResourceTags reads one resource
// per invoke, so a program would make one engine round trip per account.
type GetOrganizationAccounts struct{}

var _ infer.Fn[GetOrganizationAccountsArgs, GetOrganizationAccountsResult] = (*GetOrganizationAccounts)(nil)

// GetOrganizationAccountsArgs select the tags returned.
type GetOrganizationAccountsArgs struct {
	TagKeys []string `pulumi:"tagKeys,optional"`
	// WithTags is false to skip reading tags (one call per account).
	WithTags *bool `pulumi:"withTags,optional"`
}

// GetOrganizationAccountsResult is every account of the organization.
type GetOrganizationAccountsResult struct {
	Accounts []OrgAccount `pulumi:"accounts"`
}

// Annotate documents the function.
func (f *GetOrganizationAccounts) Annotate(a infer.Annotator) {
	a.Describe(f, "Lists every account of the organization, with its status and its AWS Organizations tags: one "+
		"paginated `ListAccounts`, then one `ListTagsForResource` per account, at most "+
		fmt.Sprint(OrganizationsRequestsPerSecond)+" requests per second, through the AWS SDK's retryer, with a "+
		"progress line every "+fmt.Sprint(progressEvery)+" accounts. IdentityCenterSetup calls it once, at "+
		"preview, when an assignment targets accounts by tag. Needs the management account's credentials (or a "+
		"delegated administrator of Organizations): `organizations:ListAccounts` and "+
		"`organizations:ListTagsForResource`.")
	a.SetToken("index", "getOrganizationAccounts")
}

// Annotate documents the arguments.
func (a *GetOrganizationAccountsArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.TagKeys, "Return only these tag keys of each account; empty returns every tag. The calls are "+
		"the same either way.")
	an.Describe(&a.WithTags, "Whether to read the tags (one call per account). Defaults to true.")
}

// Annotate documents the result.
func (r *GetOrganizationAccountsResult) Annotate(a infer.Annotator) {
	a.Describe(&r.Accounts, "Every account of the organization, sorted by ID, in any status.")
}

// Annotate documents an account.
func (x *OrgAccount) Annotate(a infer.Annotator) {
	a.Describe(x, "An account of the organization.")
	a.Describe(&x.ID, "The 12-digit account ID.")
	a.Describe(&x.Name, "The account's name.")
	a.Describe(&x.Status, "`ACTIVE`, `SUSPENDED` or `PENDING_CLOSURE`.")
	a.Describe(&x.Tags, "The account's tags (only those of `tagKeys`, when given).")
}

// Invoke implements the function.
func (*GetOrganizationAccounts) Invoke(ctx context.Context,
	req infer.FunctionRequest[GetOrganizationAccountsArgs],
) (infer.FunctionResponse[GetOrganizationAccountsResult], error) {
	c := infer.GetConfig[*Config](ctx)
	cfg, err := c.awsConfig(ctx)
	if err != nil {
		return infer.FunctionResponse[GetOrganizationAccountsResult]{}, err
	}
	// Organizations' retryer: TooManyRequestsException and
	// ConcurrentModificationException, with backoff.
	cfg.Retryer = func() aws.Retryer { return c.retryer(awsapi.Organizations) }
	log := p.GetLogger(ctx)
	opts := OrgAccountReaderOptions{Progress: func(done, total int) {
		log.InfoStatusf("getOrganizationAccounts: tags of %d/%d accounts read", done, total)
	}}
	if c.Endpoint != nil {
		opts.Endpoint = *c.Endpoint
	}
	withTags := req.Input.WithTags == nil || *req.Input.WithTags
	accounts, err := NewOrgAccountReader(cfg, opts).Accounts(ctx, req.Input.TagKeys, withTags)
	if err != nil {
		return infer.FunctionResponse[GetOrganizationAccountsResult]{}, fmt.Errorf("listing the organization's "+
			"accounts and their tags: %w; the credentials need organizations:ListAccounts and "+
			"organizations:ListTagsForResource, from the management account", err)
	}
	if accounts == nil {
		accounts = []OrgAccount{}
	}
	return infer.FunctionResponse[GetOrganizationAccountsResult]{
		Output: GetOrganizationAccountsResult{Accounts: accounts},
	}, nil
}
