package discover

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/fms"
	fmstypes "github.com/aws/aws-sdk-go-v2/service/fms/types"
)

// Firewall Manager's administrator, once: fms:GetAdminAccount, which answers
// ResourceNotFoundException when none is set.
var fmsReader = adminReader{read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	out, err := c.fms.GetAdminAccount(ctx, &fms.GetAdminAccountInput{})
	var notFound *fmstypes.ResourceNotFoundException
	switch {
	case errors.As(err, &notFound):
		return nil, nil
	case err != nil:
		return nil, err
	case aws.ToString(out.AdminAccount) == "":
		return nil, nil
	}
	return []string{aws.ToString(out.AdminAccount)}, nil
}}
