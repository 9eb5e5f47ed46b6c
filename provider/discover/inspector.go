package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
)

// Inspector's administrator, per Region: inspector2:ListDelegatedAdminAccounts.
var inspectorReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	var out []string
	pages := inspector2.NewListDelegatedAdminAccountsPaginator(c.inspector, &inspector2.ListDelegatedAdminAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.DelegatedAdminAccounts {
			if a.Status == "ENABLED" {
				out = append(out, aws.ToString(a.AccountId))
			}
		}
	}
	return out, nil
}}
