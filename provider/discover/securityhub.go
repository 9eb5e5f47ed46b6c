package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
)

// Security Hub's administrator, per Region: securityhub:ListOrganizationAdminAccounts.
var securityHubReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	var out []string
	pages := securityhub.NewListOrganizationAdminAccountsPaginator(c.securityHub,
		&securityhub.ListOrganizationAdminAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.AdminAccounts {
			if a.Status == "ENABLED" {
				out = append(out, aws.ToString(a.AccountId))
			}
		}
	}
	return out, nil
}}
