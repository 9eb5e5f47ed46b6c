package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Config is the part of pulumi-aws's provider configuration the plugin
// reads; the rest is accepted and ignored.
type Config struct {
	Region     *string     `pulumi:"region,optional"`
	AssumeRole *AssumeRole `pulumi:"assumeRole,optional"`
	// AllowedAccountIDs: the credentials must be one of these accounts'
	// (after assumeRole), as pulumi-aws checks with sts:GetCallerIdentity.
	AllowedAccountIDs []string `pulumi:"allowedAccountIds,optional"`

	sso   *ssoadmin.Client
	ids   *identitystore.Client
	orgs  *organizations.Client
	poll  time.Duration
	awsRg string
	// aws is the SDK configuration the other services' clients are made from.
	aws aws.Config
}

// AssumeRole is pulumi-aws's assumeRole configuration: the provider's
// credentials are the role's, from sts:AssumeRole with the default chain's.
type AssumeRole struct {
	RoleArn     string  `pulumi:"roleArn"`
	SessionName *string `pulumi:"sessionName,optional"`
	ExternalID  *string `pulumi:"externalId,optional"`
}

// maxAttempts is pulumi-aws's default max_retries (25) plus the first attempt.
const maxAttempts = 26

// Configure builds the AWS clients from the SDK's default chain, as
// pulumi-aws does: the environment gives credentials, Region and endpoints.
func (c *Config) Configure(ctx context.Context) error {
	opts := []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = maxAttempts
				o.MaxBackoff = time.Second
			})
		}),
	}
	if c.Region != nil {
		opts = append(opts, awsconfig.WithRegion(*c.Region))
	}
	cfg, err := awsconfig.LoadDefaultConfig(context.WithoutCancel(ctx), opts...)
	if err != nil {
		return fmt.Errorf("loading the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return errors.New("no AWS Region: set aws:region or AWS_REGION")
	}
	if r := c.AssumeRole; r != nil {
		cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), r.RoleArn,
			func(o *stscreds.AssumeRoleOptions) {
				if r.SessionName != nil {
					o.RoleSessionName = *r.SessionName
				}
				o.ExternalID = r.ExternalID
			}))
	}
	if len(c.AllowedAccountIDs) > 0 {
		who, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		if err != nil {
			return fmt.Errorf("reading the caller's account for allowedAccountIds: %w", err)
		}
		if !slices.Contains(c.AllowedAccountIDs, aws.ToString(who.Account)) {
			return fmt.Errorf("AWS account ID not allowed: %s", aws.ToString(who.Account))
		}
	}
	c.awsRg, c.aws = cfg.Region, cfg
	c.sso, c.ids, c.orgs = ssoadmin.NewFromConfig(cfg), identitystore.NewFromConfig(cfg), organizations.NewFromConfig(cfg)
	c.poll = 10 * time.Second
	if v := os.Getenv("ORGTRUST_FAKE_AWS_POLL"); v != "" {
		if c.poll, err = time.ParseDuration(v); err != nil {
			return fmt.Errorf("ORGTRUST_FAKE_AWS_POLL %q: %w", v, err)
		}
	}
	return nil
}

func config(ctx context.Context) *Config { return infer.GetConfig[*Config](ctx) }

// wait sleeps one poll interval, or returns ctx's error.
func (c *Config) wait(ctx context.Context) error {
	t := time.NewTimer(c.poll)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// accountID is the account of the provider's credentials (after
// assumeRole), from sts:GetCallerIdentity, as pulumi-aws reads it.
func (c *Config) accountID(ctx context.Context) (string, error) {
	who, err := sts.NewFromConfig(c.aws).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", fmt.Errorf("reading the caller's account: %w", err)
	}
	return aws.ToString(who.Account), nil
}

// errorCode is the AWS error code of an AWS SDK error, "" for another error.
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// until polls done, one poll interval apart, until it reports true, as
// terraform-provider-aws's waiters (retry.StateChangeConf) do, for at most
// timeout; then "timeout".
func (c *Config) until(ctx context.Context, timeout time.Duration, done func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := done()
		if err != nil || ok {
			return err
		}
		if time.Now().After(deadline) {
			return errors.New("timeout")
		}
		if err := c.wait(ctx); err != nil {
			return err
		}
	}
}
