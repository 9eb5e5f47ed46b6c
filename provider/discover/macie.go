package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
)

// Macie's administrator, per Region: macie2:ListOrganizationAdminAccounts.
var macieReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	var out []string
	pages := macie2.NewListOrganizationAdminAccountsPaginator(c.macie, &macie2.ListOrganizationAdminAccountsInput{})
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
