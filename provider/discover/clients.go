package discover

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"

	"github.com/orgtrust/pulumi-orgtrust/provider"
)

// The clients discover calls AWS with. Each interface lists every operation
// discover calls on one client, and nothing else: IAMActions derives the IAM
// actions discover needs from them, and a test checks that the read-only
// deployer policy allows each one.

// orgAPI is what discover calls on AWS Organizations.
type orgAPI interface {
	DescribeOrganization(context.Context, *organizations.DescribeOrganizationInput, ...func(*organizations.Options)) (*organizations.DescribeOrganizationOutput, error)
	ListRoots(context.Context, *organizations.ListRootsInput, ...func(*organizations.Options)) (*organizations.ListRootsOutput, error)
	ListOrganizationalUnitsForParent(context.Context, *organizations.ListOrganizationalUnitsForParentInput, ...func(*organizations.Options)) (*organizations.ListOrganizationalUnitsForParentOutput, error)
	ListAccountsForParent(context.Context, *organizations.ListAccountsForParentInput, ...func(*organizations.Options)) (*organizations.ListAccountsForParentOutput, error)
	ListAWSServiceAccessForOrganization(context.Context, *organizations.ListAWSServiceAccessForOrganizationInput, ...func(*organizations.Options)) (*organizations.ListAWSServiceAccessForOrganizationOutput, error)
	ListDelegatedAdministrators(context.Context, *organizations.ListDelegatedAdministratorsInput, ...func(*organizations.Options)) (*organizations.ListDelegatedAdministratorsOutput, error)
	ListDelegatedServicesForAccount(context.Context, *organizations.ListDelegatedServicesForAccountInput, ...func(*organizations.Options)) (*organizations.ListDelegatedServicesForAccountOutput, error)
	ListTagsForResource(context.Context, *organizations.ListTagsForResourceInput, ...func(*organizations.Options)) (*organizations.ListTagsForResourceOutput, error)
}

// ssoAPI is what discover calls on IAM Identity Center (sso-admin).
type ssoAPI interface {
	ListInstances(context.Context, *ssoadmin.ListInstancesInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListInstancesOutput, error)
	ListPermissionSets(context.Context, *ssoadmin.ListPermissionSetsInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListPermissionSetsOutput, error)
	DescribePermissionSet(context.Context, *ssoadmin.DescribePermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribePermissionSetOutput, error)
	ListTagsForResource(context.Context, *ssoadmin.ListTagsForResourceInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListTagsForResourceOutput, error)
	ListManagedPoliciesInPermissionSet(context.Context, *ssoadmin.ListManagedPoliciesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListManagedPoliciesInPermissionSetOutput, error)
	ListCustomerManagedPolicyReferencesInPermissionSet(context.Context, *ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListCustomerManagedPolicyReferencesInPermissionSetOutput, error)
	GetInlinePolicyForPermissionSet(context.Context, *ssoadmin.GetInlinePolicyForPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.GetInlinePolicyForPermissionSetOutput, error)
	GetPermissionsBoundaryForPermissionSet(context.Context, *ssoadmin.GetPermissionsBoundaryForPermissionSetInput, ...func(*ssoadmin.Options)) (*ssoadmin.GetPermissionsBoundaryForPermissionSetOutput, error)
	ListAccountAssignmentsForPrincipal(context.Context, *ssoadmin.ListAccountAssignmentsForPrincipalInput, ...func(*ssoadmin.Options)) (*ssoadmin.ListAccountAssignmentsForPrincipalOutput, error)
	DescribeInstanceAccessControlAttributeConfiguration(context.Context, *ssoadmin.DescribeInstanceAccessControlAttributeConfigurationInput, ...func(*ssoadmin.Options)) (*ssoadmin.DescribeInstanceAccessControlAttributeConfigurationOutput, error)
}

// identityStoreAPI is what discover calls on the identity store.
type identityStoreAPI interface {
	ListGroups(context.Context, *identitystore.ListGroupsInput, ...func(*identitystore.Options)) (*identitystore.ListGroupsOutput, error)
	ListUsers(context.Context, *identitystore.ListUsersInput, ...func(*identitystore.Options)) (*identitystore.ListUsersOutput, error)
	ListGroupMemberships(context.Context, *identitystore.ListGroupMembershipsInput, ...func(*identitystore.Options)) (*identitystore.ListGroupMembershipsOutput, error)
}

// serviceCatalogAPI is what discover calls on Service Catalog.
type serviceCatalogAPI interface {
	GetAWSOrganizationsAccessStatus(context.Context, *servicecatalog.GetAWSOrganizationsAccessStatusInput, ...func(*servicecatalog.Options)) (*servicecatalog.GetAWSOrganizationsAccessStatusOutput, error)
	ListPortfolios(context.Context, *servicecatalog.ListPortfoliosInput, ...func(*servicecatalog.Options)) (*servicecatalog.ListPortfoliosOutput, error)
	DescribePortfolio(context.Context, *servicecatalog.DescribePortfolioInput, ...func(*servicecatalog.Options)) (*servicecatalog.DescribePortfolioOutput, error)
	DescribePortfolioShares(context.Context, *servicecatalog.DescribePortfolioSharesInput, ...func(*servicecatalog.Options)) (*servicecatalog.DescribePortfolioSharesOutput, error)
	ListPrincipalsForPortfolio(context.Context, *servicecatalog.ListPrincipalsForPortfolioInput, ...func(*servicecatalog.Options)) (*servicecatalog.ListPrincipalsForPortfolioOutput, error)
}

// stsAPI is what discover calls on STS: who the credentials belong to.
type stsAPI interface {
	GetCallerIdentity(context.Context, *sts.GetCallerIdentityInput, ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

// The services' own delegated-administrator APIs, read per Region.
type (
	guardDutyAPI interface {
		ListOrganizationAdminAccounts(context.Context, *guardduty.ListOrganizationAdminAccountsInput, ...func(*guardduty.Options)) (*guardduty.ListOrganizationAdminAccountsOutput, error)
	}
	securityHubAPI interface {
		ListOrganizationAdminAccounts(context.Context, *securityhub.ListOrganizationAdminAccountsInput, ...func(*securityhub.Options)) (*securityhub.ListOrganizationAdminAccountsOutput, error)
	}
	macieAPI interface {
		ListOrganizationAdminAccounts(context.Context, *macie2.ListOrganizationAdminAccountsInput, ...func(*macie2.Options)) (*macie2.ListOrganizationAdminAccountsOutput, error)
	}
	detectiveAPI interface {
		ListOrganizationAdminAccounts(context.Context, *detective.ListOrganizationAdminAccountsInput, ...func(*detective.Options)) (*detective.ListOrganizationAdminAccountsOutput, error)
	}
	inspectorAPI interface {
		ListDelegatedAdminAccounts(context.Context, *inspector2.ListDelegatedAdminAccountsInput, ...func(*inspector2.Options)) (*inspector2.ListDelegatedAdminAccountsOutput, error)
	}
	fmsAPI interface {
		GetAdminAccount(context.Context, *fms.GetAdminAccountInput, ...func(*fms.Options)) (*fms.GetAdminAccountOutput, error)
	}
	auditManagerAPI interface {
		GetOrganizationAdminAccount(context.Context, *auditmanager.GetOrganizationAdminAccountInput, ...func(*auditmanager.Options)) (*auditmanager.GetOrganizationAdminAccountOutput, error)
	}
)

// clientInterfaces maps each client interface to the IAM service prefix of
// its actions (the action is the prefix and the operation name).
var clientInterfaces = map[string]reflect.Type{
	"organizations":  reflect.TypeFor[orgAPI](),
	"sso":            reflect.TypeFor[ssoAPI](),
	"identitystore":  reflect.TypeFor[identityStoreAPI](),
	"servicecatalog": reflect.TypeFor[serviceCatalogAPI](),
	"sts":            reflect.TypeFor[stsAPI](),
	"guardduty":      reflect.TypeFor[guardDutyAPI](),
	"securityhub":    reflect.TypeFor[securityHubAPI](),
	"macie2":         reflect.TypeFor[macieAPI](),
	"detective":      reflect.TypeFor[detectiveAPI](),
	"inspector2":     reflect.TypeFor[inspectorAPI](),
	"fms":            reflect.TypeFor[fmsAPI](),
	"auditmanager":   reflect.TypeFor[auditManagerAPI](),
}

// NoPermissionNeeded are the calls that no IAM policy needs to allow: "No
// permissions are required to perform this operation"
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
var NoPermissionNeeded = []string{"sts:GetCallerIdentity"}

// IAMActions returns the IAM action of every operation discover calls, read
// from its client interfaces, sorted.
func IAMActions() []string {
	var out []string
	for prefix, t := range clientInterfaces {
		for i := range t.NumMethod() {
			out = append(out, prefix+":"+t.Method(i).Name)
		}
	}
	slices.Sort(out)
	return out
}

// clients are discover's AWS clients, all from one configuration: the
// Identity Center ones share a rate limiter within its quota, and every
// call is counted by operation.
type clients struct {
	cfg   aws.Config
	orgs  orgAPI
	sso   ssoAPI
	ids   identityStoreAPI
	sc    serviceCatalogAPI
	sts   stsAPI
	count *callCounter

	// regional are the clients of the services' admin APIs, by Region,
	// built on first use.
	mu       sync.Mutex
	regional map[string]*regionalClients
}

// regionalClients are the admin-API clients of one Region.
type regionalClients struct {
	guardDuty    guardDutyAPI
	securityHub  securityHubAPI
	macie        macieAPI
	detective    detectiveAPI
	inspector    inspectorAPI
	fms          fmsAPI
	auditManager auditManagerAPI
}

// callCounter counts calls by IAM action, retries not counted.
type callCounter struct {
	mu    sync.Mutex
	calls map[string]int
}

// option counts the calls of the client of IAM service prefix, and names
// their IAM action in their errors (errorOption).
func (c *callCounter) option(prefix string) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		if err := errorOption(prefix)(s); err != nil {
			return err
		}
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("orgtrustDiscoverCount",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				c.mu.Lock()
				c.calls[prefix+":"+middleware.GetOperationName(ctx)]++
				c.mu.Unlock()
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
}

// snapshot returns the counts so far, by action.
func (c *callCounter) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.calls))
	for k, v := range c.calls {
		out[k] = v
	}
	return out
}

// total is the number of calls so far.
func (c *callCounter) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, v := range c.calls {
		n += v
	}
	return n
}

// newClients builds the clients from cfg. Identity Center's (sso-admin and
// the identity store) take a token of one limiter of
// provider.IdentityCenterRequestsPerSecond before every attempt, on clock;
// Organizations' one of provider.OrganizationsRequestsPerSecond.
func newClients(cfg aws.Config, clock provider.Clock, rps float64) *clients {
	c := &clients{cfg: cfg, count: &callCounter{calls: map[string]int{}}, regional: map[string]*regionalClients{}}
	limit := provider.RateLimitOption(provider.NewRateLimiter(rps), clock)
	ic := cfg.Copy()
	ic.Retryer = func() aws.Retryer { return provider.NewIdentityCenterRetryer() }
	// Organizations' calls (the tree, and one ListTagsForResource per account)
	// keep to its request rate, as the provider's getOrganizationAccounts does.
	orgLimit := provider.RateLimitOption(provider.NewRateLimiter(provider.OrganizationsRequestsPerSecond), clock)
	c.orgs = organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		o.APIOptions = append(o.APIOptions, c.count.option("organizations"), orgLimit)
	})
	c.sso = ssoadmin.NewFromConfig(ic, func(o *ssoadmin.Options) {
		o.APIOptions = append(o.APIOptions, c.count.option("sso"), limit)
	})
	c.ids = identitystore.NewFromConfig(ic, func(o *identitystore.Options) {
		o.APIOptions = append(o.APIOptions, c.count.option("identitystore"), limit)
	})
	c.sc = servicecatalog.NewFromConfig(cfg, func(o *servicecatalog.Options) {
		o.APIOptions = append(o.APIOptions, c.count.option("servicecatalog"))
	})
	c.sts = sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.APIOptions = append(o.APIOptions, c.count.option("sts"))
	})
	return c
}

// in returns the admin-API clients of region.
func (c *clients) in(region string) *regionalClients {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.regional[region]; ok {
		return r
	}
	cfg := c.cfg.Copy()
	cfg.Region = region
	r := &regionalClients{
		guardDuty: guardduty.NewFromConfig(cfg, func(o *guardduty.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("guardduty"))
		}),
		securityHub: securityhub.NewFromConfig(cfg, func(o *securityhub.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("securityhub"))
		}),
		macie: macie2.NewFromConfig(cfg, func(o *macie2.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("macie2"))
		}),
		detective: detective.NewFromConfig(cfg, func(o *detective.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("detective"))
		}),
		inspector: inspector2.NewFromConfig(cfg, func(o *inspector2.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("inspector2"))
		}),
		fms: fms.NewFromConfig(cfg, func(o *fms.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("fms"))
		}),
		auditManager: auditmanager.NewFromConfig(cfg, func(o *auditmanager.Options) {
			o.APIOptions = append(o.APIOptions, c.count.option("auditmanager"))
		}),
	}
	c.regional[region] = r
	return r
}

// sortedKeys returns m's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
