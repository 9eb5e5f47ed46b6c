package provider

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	"github.com/aws/aws-sdk-go-v2/service/notifications"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	"github.com/aws/smithy-go"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// serviceClients are the clients of the services other than Organizations
// that the provider calls, each built on first use, once per provider
// process, from the same AWS configuration (credentials, Region, retryer).
type serviceClients struct {
	cfnOnce sync.Once
	cfn     awsapi.CloudFormation
	cfnErr  error

	slOnce sync.Once
	sl     awsapi.SecurityLakeAdmin
	slErr  error

	unoOnce sync.Once
	uno     awsapi.Notifications
	unoErr  error
}

// notifications returns the User Notifications client of this provider process.
func (c *Config) notifications(ctx context.Context) (awsapi.Notifications, error) {
	if c.services == nil {
		return nil, fmt.Errorf("the orgtrust provider is not configured")
	}
	c.services.unoOnce.Do(func() {
		cfg, err := c.awsConfig(ctx)
		if err != nil {
			c.services.unoErr = err
			return
		}
		c.services.uno = notifications.NewFromConfig(cfg, func(o *notifications.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			if c.NotificationsEndpoint != nil {
				o.BaseEndpoint = c.NotificationsEndpoint
			}
		})
	})
	return c.services.uno, c.services.unoErr
}

// cloudFormation returns the CloudFormation client of this provider process.
func (c *Config) cloudFormation(ctx context.Context) (awsapi.CloudFormation, error) {
	if c.services == nil {
		return nil, fmt.Errorf("the orgtrust provider is not configured")
	}
	c.services.cfnOnce.Do(func() {
		cfg, err := c.awsConfig(ctx)
		if err != nil {
			c.services.cfnErr = err
			return
		}
		c.services.cfn = cloudformation.NewFromConfig(cfg, func(o *cloudformation.Options) {
			o.Retryer = c.retryer(awsapi.Other)
			if c.CloudFormationEndpoint != nil {
				o.BaseEndpoint = c.CloudFormationEndpoint
			}
		})
	})
	return c.services.cfn, c.services.cfnErr
}

// securityLake returns the Security Lake client of this provider process.
func (c *Config) securityLake(ctx context.Context) (awsapi.SecurityLakeAdmin, error) {
	if c.services == nil {
		return nil, fmt.Errorf("the orgtrust provider is not configured")
	}
	c.services.slOnce.Do(func() {
		cfg, err := c.awsConfig(ctx)
		if err != nil {
			c.services.slErr = err
			return
		}
		c.services.sl = securitylake.NewFromConfig(cfg, func(o *securitylake.Options) {
			o.Retryer = c.retryer(awsapi.SecurityLake)
			if c.SecurityLakeEndpoint != nil {
				o.BaseEndpoint = c.SecurityLakeEndpoint
			}
		})
	})
	return c.services.sl, c.services.slErr
}

// serviceWrite runs a write of another service that changes the
// organization (enables trusted access, registers a delegated administrator)
// through the Organizations write queue, so that it never overlaps
// TrustedServiceAccess's writes or another such write, and so that later
// reads of the enabled list sweep again.
func (c *orgClient) serviceWrite(ctx context.Context, action string, call func() error) error {
	if err := c.queue.Run(call); err != nil {
		return explainService(action, err)
	}
	c.wrote()
	return nil
}

// explainService names the fix for the errors a service write commonly
// meets; the original error stays in the chain.
func explainService(action string, err error) error {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "AccessDeniedException", "AccessDenied":
			return fmt.Errorf("calling %s was denied: it can be called only with credentials of the organization's "+
				"management account allowed to call %s; configure orgtrust with that account (the profile or "+
				"assumeRole provider settings): %w", action, action, err)
		}
	}
	if op, ok := stsFailure(err); ok {
		return fmt.Errorf("calling %s: getting credentials failed at STS %s: check the provider's assumeRole "+
			"settings: %w", action, op.OperationName, err)
	}
	return fmt.Errorf("calling %s: %w", action, err)
}
