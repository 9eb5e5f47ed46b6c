package discover

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/auditmanager"
	amtypes "github.com/aws/aws-sdk-go-v2/service/auditmanager/types"
)

// Audit Manager's administrator, per Region:
// auditmanager:GetOrganizationAdminAccount, which answers
// ResourceNotFoundException when none is registered.
var auditManagerReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	out, err := c.auditManager.GetOrganizationAdminAccount(ctx, &auditmanager.GetOrganizationAdminAccountInput{})
	var notFound *amtypes.ResourceNotFoundException
	switch {
	case errors.As(err, &notFound):
		return nil, nil
	case err != nil:
		return nil, err
	case aws.ToString(out.AdminAccountId) == "":
		return nil, nil
	}
	return []string{aws.ToString(out.AdminAccountId)}, nil
}}
