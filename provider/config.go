package provider

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// defaultRegion is the provider's Region when neither the configuration nor
// the SDK's sources give one.
const defaultRegion = "us-east-1"

// Config is the orgtrust provider configuration. Credentials come from the AWS
// SDK's default chain (environment, shared files, SSO, instance roles); they are
// never part of the configuration and never logged.
type Config struct {
	Region            *string     `pulumi:"region,optional"`
	Profile           *string     `pulumi:"profile,optional"`
	AssumeRole        *AssumeRole `pulumi:"assumeRole,optional"`
	Endpoint          *string     `pulumi:"endpoint,optional"`
	MaxAttempts       *int        `pulumi:"maxAttempts,optional"`
	MaxBackoffSeconds *int        `pulumi:"maxBackoffSeconds,optional"`
	// Endpoints of the services orgtrust calls besides Organizations.
	CloudFormationEndpoint *string `pulumi:"cloudformationEndpoint,optional"`
	SecurityLakeEndpoint   *string `pulumi:"securitylakeEndpoint,optional"`
	NotificationsEndpoint  *string `pulumi:"notificationsEndpoint,optional"`

	IdentityCenterEndpoint          *string  `pulumi:"identityCenterEndpoint,optional"`
	IdentityCenterRequestsPerSecond *float64 `pulumi:"identityCenterRequestsPerSecond,optional"`

	conn     *lazyClient
	services *serviceClients
	sso      *lazySSO
}

// lazyClient builds the Organizations client on first use, once per provider
// process, so that previews that call no AWS API need no credentials.
type lazyClient struct {
	once   sync.Once
	client *orgClient
	err    error
}

// AssumeRole is the role the provider assumes before calling Organizations.
type AssumeRole struct {
	RoleArn     string  `pulumi:"roleArn"`
	SessionName *string `pulumi:"sessionName,optional"`
	ExternalID  *string `pulumi:"externalId,optional" provider:"secret"`
}

// Annotate documents the provider configuration.
func (c *Config) Annotate(a infer.Annotator) {
	a.Describe(c, "Configuration of the orgtrust provider. Credentials come from the AWS SDK's default chain "+
		"(environment variables, shared config and credentials files, SSO, instance and container roles) and "+
		"must belong to the organization's management account.")
	a.Describe(&c.Region, "The AWS Region whose Organizations endpoint is called. Organizations is a global service "+
		"served from us-east-1 in the aws partition; set this for other partitions. Defaults to the SDK's "+
		"AWS_REGION, then us-east-1. A name that is not a Region of an AWS partition fails the preview.")
	a.Describe(&c.Profile, "A named profile from the shared AWS config and credentials files.")
	a.Describe(&c.AssumeRole, "A role to assume, with STS, before calling Organizations.")
	a.Describe(&c.Endpoint, "A custom Organizations endpoint URL, for emulators and tests.")
	a.Describe(&c.CloudFormationEndpoint, "A custom AWS CloudFormation endpoint URL (StackSetsOrganizationsAccess), "+
		"for emulators and tests.")
	a.Describe(&c.SecurityLakeEndpoint, "A custom Amazon Security Lake endpoint URL (SecurityLakeDelegatedAdmin), "+
		"for emulators and tests.")
	a.Describe(&c.NotificationsEndpoint, "A custom AWS User Notifications endpoint URL "+
		"(NotificationsOrganizationsAccess), for emulators and tests.")
	a.Describe(&c.MaxAttempts, "The most attempts the AWS SDK's retryer makes for one call, counting the first. "+
		"ConcurrentModificationException, TooManyRequestsException, ServiceException and 5xx responses are "+
		"retried with exponential backoff and jitter. Defaults to 10.")
	a.Describe(&c.MaxBackoffSeconds, "The longest delay, in seconds, between two attempts. Defaults to 20.")
	c.annotateIdentityCenter(a)
}

// Annotate documents the assume-role settings.
func (r *AssumeRole) Annotate(a infer.Annotator) {
	a.Describe(r, "A role that the provider assumes with STS before calling Organizations.")
	a.Describe(&r.RoleArn, "The ARN of the role to assume, in the management account.")
	a.Describe(&r.SessionName, "The session name of the assumed role. Defaults to \"orgtrust\".")
	a.Describe(&r.ExternalID, "The external ID that the role's trust policy requires, if any.")
}

// validate checks the configuration at preview time.
func (c *Config) validate() error {
	if c.Region != nil {
		// A Region that does not exist would only fail at the first call,
		// naming an endpoint host that does not resolve.
		if err := catalog.CheckRegion(*c.Region); err != nil {
			return fmt.Errorf("region %w", err)
		}
	}
	if c.MaxAttempts != nil && (*c.MaxAttempts < 1 || *c.MaxAttempts > 100) {
		return fmt.Errorf("maxAttempts is %d; it must lie between 1 and 100", *c.MaxAttempts)
	}
	if c.MaxBackoffSeconds != nil && (*c.MaxBackoffSeconds < 1 || *c.MaxBackoffSeconds > 300) {
		return fmt.Errorf("maxBackoffSeconds is %d; it must lie between 1 and 300", *c.MaxBackoffSeconds)
	}
	if err := c.validateIdentityCenter(); err != nil {
		return err
	}
	if c.AssumeRole != nil && c.AssumeRole.RoleArn == "" {
		return fmt.Errorf("assumeRole.roleArn is empty; give the ARN of a role in the management account, " +
			"e.g. arn:aws:iam::111111111111:role/OrgTrustDeployer")
	}
	return nil
}

// Configure checks the configuration. The AWS client is built on first use, so
// that previews which touch no AWS API need no credentials.
func (c *Config) Configure(context.Context) error {
	if err := c.validate(); err != nil {
		return err
	}
	c.conn = &lazyClient{}
	c.services = &serviceClients{}
	c.sso = &lazySSO{}
	return nil
}

// orgs returns the shared Organizations client of this provider process.
func (c *Config) orgs(ctx context.Context) (*orgClient, error) {
	if c.conn == nil {
		return nil, fmt.Errorf("the orgtrust provider is not configured")
	}
	c.conn.once.Do(func() {
		api, err := c.newAPI(ctx)
		c.conn.client, c.conn.err = newOrgClient(api), err
		c.conn.client.propagation = c.propagation()
	})
	return c.conn.client, c.conn.err
}

func (c *Config) newAPI(ctx context.Context) (*organizations.Client, error) {
	cfg, err := c.awsConfig(ctx)
	if err != nil {
		return nil, err
	}
	return organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		o.Retryer = c.retryer(awsapi.Organizations)
		if c.Endpoint != nil {
			o.BaseEndpoint = c.Endpoint
		}
	}), nil
}

// retryLimits are the retryer settings of the configuration.
func (c *Config) retryLimits() (maxAttempts int, maxBackoff time.Duration) {
	maxAttempts, maxBackoff = awsapi.DefaultMaxAttempts, awsapi.DefaultMaxBackoff
	if c.MaxAttempts != nil {
		maxAttempts = *c.MaxAttempts
	}
	if c.MaxBackoffSeconds != nil {
		maxBackoff = time.Duration(*c.MaxBackoffSeconds) * time.Second
	}
	return maxAttempts, maxBackoff
}

// retryer is api's retry rule with the configuration's limits.
func (c *Config) retryer(api awsapi.API) aws.Retryer {
	maxAttempts, maxBackoff := c.retryLimits()
	return awsapi.Retryer(api, maxAttempts, maxBackoff)
}

// awsConfig loads the SDK configuration (Region, profile, assumed role).
// Its retryer, the rule of the APIs without one of their own, serves STS
// (assumeRole); each service client sets its API's rule.
func (c *Config) awsConfig(ctx context.Context) (aws.Config, error) {
	maxAttempts, maxBackoff := c.retryLimits()
	opts := []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRetryer(func() aws.Retryer { return awsapi.Retryer(awsapi.Other, maxAttempts, maxBackoff) }),
	}
	if c.Region != nil {
		opts = append(opts, awsconfig.WithRegion(*c.Region))
	}
	if c.Profile != nil {
		opts = append(opts, awsconfig.WithSharedConfigProfile(*c.Profile))
	}
	cfg, err := awsconfig.LoadDefaultConfig(context.WithoutCancel(ctx), opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	if r := c.AssumeRole; r != nil {
		session := "orgtrust"
		if r.SessionName != nil {
			session = *r.SessionName
		}
		cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), r.RoleArn,
			func(o *stscreds.AssumeRoleOptions) {
				o.RoleSessionName = session
				o.ExternalID = r.ExternalID
			}))
	}
	return cfg, nil
}

// diffConfig reports changes to the provider configuration as in-place
// updates, never as a replacement. infer replaces the provider on any change
// (pulumi/pulumi-go-provider#409), and the engine then replaces every
// resource the provider manages: each TrustedServiceAccess would be created
// again (adopting the enabled principal) and its old self deleted, which
// disables trusted access. The configuration only says how to reach
// Organizations (Region, credentials, endpoint, retries), never what is
// enabled, so no change to it needs a replacement.
func diffConfig(_ context.Context, req p.DiffRequest) (p.DiffResponse, error) {
	old := req.OldInputs
	if old.Len() == 0 {
		old = req.State
	}
	diff := map[string]p.PropertyDiff{}
	for k, v := range req.Inputs.All {
		if k == "version" {
			continue
		}
		switch was, ok := old.GetOk(k); {
		case !ok:
			diff[k] = p.PropertyDiff{Kind: p.Add, InputDiff: true}
		case !was.Equals(v):
			diff[k] = p.PropertyDiff{Kind: p.Update, InputDiff: true}
		}
	}
	for k := range old.All {
		if _, ok := req.Inputs.GetOk(k); !ok && k != "version" {
			diff[k] = p.PropertyDiff{Kind: p.Delete, InputDiff: true}
		}
	}
	return p.DiffResponse{HasChanges: len(diff) > 0, DetailedDiff: diff}, nil
}
