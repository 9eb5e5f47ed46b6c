package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
)

// Detective's administrator, per Region: detective:ListOrganizationAdminAccounts.
var detectiveReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	var out []string
	pages := detective.NewListOrganizationAdminAccountsPaginator(c.detective,
		&detective.ListOrganizationAdminAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.Administrators {
			out = append(out, aws.ToString(a.AccountId))
		}
	}
	return out, nil
}}
