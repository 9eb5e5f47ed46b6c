package components

import (
	"fmt"
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// awsProviders are a component's explicit aws providers, at most one per
// account and Region: the Pulumi engine starts every explicit provider as its
// own plugin process, and a pulumi-aws process is large. An OrgIntegrations
// set shares one awsProviders across its integrations, so that GuardDuty,
// Security Hub, Macie, Inspector and Detective in 17 Regions take 17
// providers in the management account and 17 in one administrator account,
// not 85 and 85.
type awsProviders struct {
	// parent owns the providers; prefix starts their names.
	parent pulumi.Resource
	prefix string
	byKey  map[providerKey]*aws.Provider
	// roles are the role ARN each administrator account is reached with.
	roles map[string]string
}

// providerKey is an account and a Region; the account is "" for the
// deploying (management) account.
type providerKey struct{ account, region string }

// newAWSProviders returns an empty set whose providers are children of parent
// named prefix-....
func newAWSProviders(parent pulumi.Resource, prefix string) *awsProviders {
	return &awsProviders{parent: parent, prefix: prefix, byKey: map[providerKey]*aws.Provider{},
		roles: map[string]string{}}
}

// management returns the provider of the deploying account in region,
// registering it the first time, named prefix-region (the name an
// OrgServiceIntegration gave its per-Region providers before they were
// shared, so a standalone integration keeps its providers' URNs).
func (s *awsProviders) management(ctx *pulumi.Context, region string) (*aws.Provider, error) {
	k := providerKey{region: region}
	if p, ok := s.byKey[k]; ok {
		return p, nil
	}
	p, err := aws.NewProvider(ctx, s.prefix+"-"+region, &aws.ProviderArgs{Region: pulumi.String(region)},
		pulumi.Parent(s.parent))
	if err != nil {
		return nil, fmt.Errorf("the aws provider for %s: %w", region, err)
	}
	s.byKey[k] = p
	return p, nil
}

// AdministratorSessionName is the session name of the providers that assume
// the administrator role, as CloudTrail records it.
const AdministratorSessionName = "orgtrust"

// admin returns the provider that assumes roleArn in account, in region,
// registering it the first time, named prefix-admin-account-region. It
// allows only that account, so a role that leads elsewhere fails instead of
// configuring the wrong account.
func (s *awsProviders) admin(ctx *pulumi.Context, account, region, roleArn string) (*aws.Provider, error) {
	if r, ok := s.roles[account]; ok && r != roleArn {
		return nil, fmt.Errorf("account %s is reached with role %s already, not %s", account, r, roleArn)
	}
	s.roles[account] = roleArn
	k := providerKey{account: account, region: region}
	if p, ok := s.byKey[k]; ok {
		return p, nil
	}
	p, err := aws.NewProvider(ctx, fmt.Sprintf("%s-admin-%s-%s", s.prefix, account, region), &aws.ProviderArgs{
		Region: pulumi.String(region),
		AssumeRole: &aws.ProviderAssumeRoleArgs{
			RoleArn:     pulumi.String(roleArn),
			SessionName: pulumi.String(AdministratorSessionName),
		},
		AllowedAccountIds: pulumi.ToStringArray([]string{account}),
	}, pulumi.Parent(s.parent))
	if err != nil {
		return nil, fmt.Errorf("the aws provider of account %s in %s: %w", account, region, err)
	}
	s.byKey[k] = p
	return p, nil
}

// keys returns the set's accounts and Regions, sorted, for tests and the plan.
func (s *awsProviders) keys() []providerKey {
	out := make([]providerKey, 0, len(s.byKey))
	for k := range s.byKey {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b providerKey) int {
		if a.account != b.account {
			if a.account < b.account {
				return -1
			}
			return 1
		}
		if a.region < b.region {
			return -1
		}
		if a.region > b.region {
			return 1
		}
		return 0
	})
	return out
}
