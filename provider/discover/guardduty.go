package discover

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
)

// GuardDuty's administrator, per Region: guardduty:ListOrganizationAdminAccounts.
var guardDutyReader = adminReader{perRegion: true, read: func(ctx context.Context,
	c *regionalClients,
) ([]string, error) {
	var out []string
	pages := guardduty.NewListOrganizationAdminAccountsPaginator(c.guardDuty,
		&guardduty.ListOrganizationAdminAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.AdminAccounts {
			if a.AdminStatus == "ENABLED" {
				out = append(out, aws.ToString(a.AdminAccountId))
			}
		}
	}
	return out, nil
}}
