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

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// The clients discover calls AWS with. Each interface (in package awsapi)
// lists every operation discover calls on one client, and nothing else:
// IAMActions derives the IAM actions discover needs from them, and a test
// checks that the read-only deployer policy allows each one.

// clientInterfaces maps each client interface to the IAM service prefix of
// its actions (the action is the prefix and the operation name).
var clientInterfaces = map[string]reflect.Type{
	"organizations":  reflect.TypeFor[awsapi.OrganizationReader](),
	"sso":            reflect.TypeFor[awsapi.IdentityCenterReader](),
	"identitystore":  reflect.TypeFor[awsapi.IdentityStoreReader](),
	"servicecatalog": reflect.TypeFor[awsapi.ServiceCatalogReader](),
	"sts":            reflect.TypeFor[awsapi.CallerIdentity](),
	"guardduty":      reflect.TypeFor[awsapi.GuardDutyAdmins](),
	"securityhub":    reflect.TypeFor[awsapi.SecurityHubAdmins](),
	"macie2":         reflect.TypeFor[awsapi.MacieAdmins](),
	"detective":      reflect.TypeFor[awsapi.DetectiveAdmins](),
	"inspector2":     reflect.TypeFor[awsapi.InspectorAdmins](),
	"fms":            reflect.TypeFor[awsapi.FMSAdmin](),
	"auditmanager":   reflect.TypeFor[awsapi.AuditManagerAdmin](),
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
	orgs  awsapi.OrganizationReader
	sso   awsapi.IdentityCenterReader
	ids   awsapi.IdentityStoreReader
	sc    awsapi.ServiceCatalogReader
	sts   awsapi.CallerIdentity
	count *callCounter

	// regional are the clients of the services' admin APIs, by Region,
	// built on first use.
	mu       sync.Mutex
	regional map[string]*regionalClients
}

// regionalClients are the admin-API clients of one Region.
type regionalClients struct {
	guardDuty    awsapi.GuardDutyAdmins
	securityHub  awsapi.SecurityHubAdmins
	macie        awsapi.MacieAdmins
	detective    awsapi.DetectiveAdmins
	inspector    awsapi.InspectorAdmins
	fms          awsapi.FMSAdmin
	auditManager awsapi.AuditManagerAdmin
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
// awsapi.IdentityCenterRequestsPerSecond before every attempt, on clock.
func newClients(cfg aws.Config, clock awsapi.Clock, rps float64) *clients {
	c := &clients{cfg: cfg, count: &callCounter{calls: map[string]int{}}, regional: map[string]*regionalClients{}}
	limit := awsapi.NewRateLimiter(rps).Option(clock)
	// Organizations' calls (the tree, and one ListTagsForResource per account)
	// keep to its request rate, as the provider's getOrganizationAccounts does.
	orgLimit := awsapi.NewRateLimiter(awsapi.OrganizationsRequestsPerSecond).Option(clock)
	c.orgs = organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		o.Retryer = c.retryer(awsapi.Organizations)
		o.APIOptions = append(o.APIOptions, c.count.option("organizations"), orgLimit)
	})
	c.sso = ssoadmin.NewFromConfig(cfg, func(o *ssoadmin.Options) {
		o.Retryer = c.retryer(awsapi.IdentityCenter)
		o.APIOptions = append(o.APIOptions, c.count.option("sso"), limit)
	})
	c.ids = identitystore.NewFromConfig(cfg, func(o *identitystore.Options) {
		o.Retryer = c.retryer(awsapi.IdentityCenter)
		o.APIOptions = append(o.APIOptions, c.count.option("identitystore"), limit)
	})
	c.sc = servicecatalog.NewFromConfig(cfg, func(o *servicecatalog.Options) {
		o.Retryer = c.retryer(awsapi.Other)
		o.APIOptions = append(o.APIOptions, c.count.option("servicecatalog"))
	})
	c.sts = sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Retryer = c.retryer(awsapi.Other)
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
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("guardduty"))
		}),
		securityHub: securityhub.NewFromConfig(cfg, func(o *securityhub.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("securityhub"))
		}),
		macie: macie2.NewFromConfig(cfg, func(o *macie2.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("macie2"))
		}),
		detective: detective.NewFromConfig(cfg, func(o *detective.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("detective"))
		}),
		inspector: inspector2.NewFromConfig(cfg, func(o *inspector2.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("inspector2"))
		}),
		fms: fms.NewFromConfig(cfg, func(o *fms.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("fms"))
		}),
		auditManager: auditmanager.NewFromConfig(cfg, func(o *auditmanager.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			o.APIOptions = append(o.APIOptions, c.count.option("auditmanager"))
		}),
	}
	c.regional[region] = r
	return r
}

// retryer is api's retry rule, the one the provider uses, with the
// default limits; a retryer that the caller's configuration sets (Options.Config.Retryer,
// as the tests set a quick one) is used instead.
func (c *clients) retryer(api awsapi.API) aws.Retryer {
	if c.cfg.Retryer != nil {
		return c.cfg.Retryer()
	}
	return awsapi.Retryer(api, awsapi.DefaultMaxAttempts, awsapi.DefaultMaxBackoff)
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
