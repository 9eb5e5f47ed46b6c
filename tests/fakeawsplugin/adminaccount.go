package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/inspector2"
	"github.com/aws/aws-sdk-go-v2/service/macie2"
	"github.com/aws/aws-sdk-go-v2/service/securityhub"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
)

// adminAPI is a service's own delegated-administrator API, in the Region of
// the provider: enable designates the account, list returns the designated
// accounts, disable removes one.
type adminAPI interface {
	token() (module, name string)
	what() string
	enable(ctx context.Context, c *Config, account string) error
	list(ctx context.Context, c *Config) ([]string, error)
	disable(ctx context.Context, c *Config, account string) error
}

// AdminAccountArgs are the inputs of the resources whose only input is the
// administrator's account ID, adminAccountId; changing it replaces the
// resource. Its ID is the account ID (pulumi-aws imports it by that ID).
type AdminAccountArgs struct {
	AdminAccountID string `pulumi:"adminAccountId" provider:"replaceOnChanges"`
}

// AdminAccountState is its state: the input.
type AdminAccountState struct {
	AdminAccountArgs
}

// AdminAccount is a service's organization administrator account resource,
// with terraform-provider-aws's behaviour (the file of each is cited at its
// API below): Create enables the account and waits until the list shows it,
// Read removes from the state an account the list no longer shows, Delete
// disables it and waits until the list no longer shows it.
type AdminAccount[A adminAPI] struct{}

// Annotate sets pulumi-aws's token.
func (*AdminAccount[A]) Annotate(a infer.Annotator) {
	var api A
	module, name := api.token()
	a.SetToken(tokens.ModuleName(module), tokens.TypeName(name))
}

// Create enables the administrator.
func (*AdminAccount[A]) Create(ctx context.Context, req infer.CreateRequest[AdminAccountArgs]) (
	infer.CreateResponse[AdminAccountState], error,
) {
	var api A
	acct := req.Inputs.AdminAccountID
	out := infer.CreateResponse[AdminAccountState]{ID: acct, Output: AdminAccountState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	if err := api.enable(ctx, c, acct); err != nil {
		return infer.CreateResponse[AdminAccountState]{}, fmt.Errorf("enabling %s (%s): %w", api.what(), acct, err)
	}
	if err := waitListed(ctx, c, api, acct, true); err != nil {
		return infer.CreateResponse[AdminAccountState]{}, fmt.Errorf("waiting for %s (%s) enable: %w", api.what(),
			acct, err)
	}
	return out, nil
}

// Read refreshes the administrator; one no longer designated leaves the state.
func (*AdminAccount[A]) Read(ctx context.Context, req infer.ReadRequest[AdminAccountArgs, AdminAccountState]) (
	infer.ReadResponse[AdminAccountArgs, AdminAccountState], error,
) {
	var api A
	accounts, err := api.list(ctx, config(ctx))
	if err != nil {
		return infer.ReadResponse[AdminAccountArgs, AdminAccountState]{}, fmt.Errorf("reading %s (%s): %w",
			api.what(), req.ID, err)
	}
	if !slices.Contains(accounts, req.ID) {
		return infer.ReadResponse[AdminAccountArgs, AdminAccountState]{}, nil
	}
	args := AdminAccountArgs{AdminAccountID: req.ID}
	return infer.ReadResponse[AdminAccountArgs, AdminAccountState]{ID: req.ID, Inputs: args,
		State: AdminAccountState{args}}, nil
}

// Delete disables the administrator.
func (*AdminAccount[A]) Delete(ctx context.Context, req infer.DeleteRequest[AdminAccountState]) (
	infer.DeleteResponse, error,
) {
	var api A
	c, acct := config(ctx), req.State.AdminAccountID
	if err := api.disable(ctx, c, acct); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabling %s (%s): %w", api.what(), acct, err)
	}
	if err := waitListed(ctx, c, api, acct, false); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for %s (%s) disable: %w", api.what(), acct, err)
	}
	return infer.DeleteResponse{}, nil
}

// waitListed polls the list until account is (or is no longer) on it, as
// terraform-provider-aws's waiters do, for at most five minutes.
func waitListed(ctx context.Context, c *Config, api adminAPI, account string, listed bool) error {
	deadline := time.Now().Add(5 * time.Minute)
	for {
		accounts, err := api.list(ctx, c)
		if err != nil {
			return err
		}
		if slices.Contains(accounts, account) == listed {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timeout while waiting for the account to be %s", map[bool]string{true: "listed",
				false: "gone"}[listed])
		}
		if err := c.wait(ctx); err != nil {
			return err
		}
	}
}

// guardDutyAdmin is aws:guardduty/organizationAdminAccount:OrganizationAdminAccount
// (terraform-provider-aws internal/service/guardduty/organization_admin_account.go:
// EnableOrganizationAdminAccount, ListOrganizationAdminAccounts with status
// ENABLED, DisableOrganizationAdminAccount).
type guardDutyAdmin struct{}

func (guardDutyAdmin) token() (string, string) {
	return "guardduty/organizationAdminAccount", "OrganizationAdminAccount"
}
func (guardDutyAdmin) what() string { return "GuardDuty Organization Admin Account" }
func (guardDutyAdmin) enable(ctx context.Context, c *Config, acct string) error {
	_, err := guardduty.NewFromConfig(c.aws).EnableOrganizationAdminAccount(ctx,
		&guardduty.EnableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (guardDutyAdmin) disable(ctx context.Context, c *Config, acct string) error {
	_, err := guardduty.NewFromConfig(c.aws).DisableOrganizationAdminAccount(ctx,
		&guardduty.DisableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (guardDutyAdmin) list(ctx context.Context, c *Config) ([]string, error) {
	var out []string
	pages := guardduty.NewListOrganizationAdminAccountsPaginator(guardduty.NewFromConfig(c.aws),
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
}

// securityHubAdmin is aws:securityhub/organizationAdminAccount:OrganizationAdminAccount
// (terraform-provider-aws internal/service/securityhub/organization_admin_account.go:
// EnableOrganizationAdminAccount, ListOrganizationAdminAccounts with status
// ENABLED, DisableOrganizationAdminAccount).
type securityHubAdmin struct{}

func (securityHubAdmin) token() (string, string) {
	return "securityhub/organizationAdminAccount", "OrganizationAdminAccount"
}
func (securityHubAdmin) what() string { return "Security Hub Organization Admin Account" }
func (securityHubAdmin) enable(ctx context.Context, c *Config, acct string) error {
	_, err := securityhub.NewFromConfig(c.aws).EnableOrganizationAdminAccount(ctx,
		&securityhub.EnableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (securityHubAdmin) disable(ctx context.Context, c *Config, acct string) error {
	_, err := securityhub.NewFromConfig(c.aws).DisableOrganizationAdminAccount(ctx,
		&securityhub.DisableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (securityHubAdmin) list(ctx context.Context, c *Config) ([]string, error) {
	var out []string
	pages := securityhub.NewListOrganizationAdminAccountsPaginator(securityhub.NewFromConfig(c.aws),
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
}

// macieAdmin is aws:macie2/organizationAdminAccount:OrganizationAdminAccount
// (terraform-provider-aws internal/service/macie2/organization_admin_account.go:
// EnableOrganizationAdminAccount, ListOrganizationAdminAccounts,
// DisableOrganizationAdminAccount).
type macieAdmin struct{}

func (macieAdmin) token() (string, string) {
	return "macie2/organizationAdminAccount", "OrganizationAdminAccount"
}
func (macieAdmin) what() string { return "Macie OrganizationAdminAccount" }
func (macieAdmin) enable(ctx context.Context, c *Config, acct string) error {
	_, err := macie2.NewFromConfig(c.aws).EnableOrganizationAdminAccount(ctx,
		&macie2.EnableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (macieAdmin) disable(ctx context.Context, c *Config, acct string) error {
	_, err := macie2.NewFromConfig(c.aws).DisableOrganizationAdminAccount(ctx,
		&macie2.DisableOrganizationAdminAccountInput{AdminAccountId: aws.String(acct)})
	return err
}
func (macieAdmin) list(ctx context.Context, c *Config) ([]string, error) {
	var out []string
	pages := macie2.NewListOrganizationAdminAccountsPaginator(macie2.NewFromConfig(c.aws),
		&macie2.ListOrganizationAdminAccountsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range page.AdminAccounts {
			out = append(out, aws.ToString(a.AccountId))
		}
	}
	return out, nil
}

// AccountIDArgs are the inputs of the administrator resources whose input is
// accountId (Detective, Inspector); changing it replaces the resource, whose
// ID is the account ID.
type AccountIDArgs struct {
	AccountID string `pulumi:"accountId" provider:"replaceOnChanges"`
}

// AccountIDState is its state: the input.
type AccountIDState struct {
	AccountIDArgs
}

// AccountAdmin is AdminAccount for the resources whose input is accountId.
type AccountAdmin[A adminAPI] struct{}

// Annotate sets pulumi-aws's token.
func (*AccountAdmin[A]) Annotate(a infer.Annotator) {
	var api A
	module, name := api.token()
	a.SetToken(tokens.ModuleName(module), tokens.TypeName(name))
}

// Create enables the administrator.
func (*AccountAdmin[A]) Create(ctx context.Context, req infer.CreateRequest[AccountIDArgs]) (
	infer.CreateResponse[AccountIDState], error,
) {
	res, err := (&AdminAccount[A]{}).Create(ctx, infer.CreateRequest[AdminAccountArgs]{
		Inputs: AdminAccountArgs{req.Inputs.AccountID}, DryRun: req.DryRun})
	return infer.CreateResponse[AccountIDState]{ID: res.ID, Output: AccountIDState{req.Inputs}}, err
}

// Read refreshes the administrator; one no longer designated leaves the state.
func (*AccountAdmin[A]) Read(ctx context.Context, req infer.ReadRequest[AccountIDArgs, AccountIDState]) (
	infer.ReadResponse[AccountIDArgs, AccountIDState], error,
) {
	res, err := (&AdminAccount[A]{}).Read(ctx, infer.ReadRequest[AdminAccountArgs, AdminAccountState]{ID: req.ID})
	if err != nil || res.ID == "" {
		return infer.ReadResponse[AccountIDArgs, AccountIDState]{}, err
	}
	args := AccountIDArgs{AccountID: res.ID}
	return infer.ReadResponse[AccountIDArgs, AccountIDState]{ID: res.ID, Inputs: args,
		State: AccountIDState{args}}, nil
}

// Delete disables the administrator.
func (*AccountAdmin[A]) Delete(ctx context.Context, req infer.DeleteRequest[AccountIDState]) (
	infer.DeleteResponse, error,
) {
	return (&AdminAccount[A]{}).Delete(ctx, infer.DeleteRequest[AdminAccountState]{
		ID: req.ID, State: AdminAccountState{AdminAccountArgs{req.State.AccountID}}})
}

// detectiveAdmin is aws:detective/organizationAdminAccount:OrganizationAdminAccount
// (terraform-provider-aws internal/service/detective/organization_admin_account.go:
// EnableOrganizationAdminAccount, ListOrganizationAdminAccounts,
// DisableOrganizationAdminAccount).
type detectiveAdmin struct{}

func (detectiveAdmin) token() (string, string) {
	return "detective/organizationAdminAccount", "OrganizationAdminAccount"
}
func (detectiveAdmin) what() string { return "Detective Organization Admin Account" }
func (detectiveAdmin) enable(ctx context.Context, c *Config, acct string) error {
	_, err := detective.NewFromConfig(c.aws).EnableOrganizationAdminAccount(ctx,
		&detective.EnableOrganizationAdminAccountInput{AccountId: aws.String(acct)})
	return err
}
func (detectiveAdmin) disable(ctx context.Context, c *Config, _ string) error {
	_, err := detective.NewFromConfig(c.aws).DisableOrganizationAdminAccount(ctx,
		&detective.DisableOrganizationAdminAccountInput{})
	return err
}
func (detectiveAdmin) list(ctx context.Context, c *Config) ([]string, error) {
	var out []string
	pages := detective.NewListOrganizationAdminAccountsPaginator(detective.NewFromConfig(c.aws),
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
}

// inspectorAdmin is aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount
// (terraform-provider-aws internal/service/inspector2/delegated_admin_account.go:
// EnableDelegatedAdminAccount, ListDelegatedAdminAccounts with status ENABLED,
// DisableDelegatedAdminAccount).
type inspectorAdmin struct{}

func (inspectorAdmin) token() (string, string) {
	return "inspector2/delegatedAdminAccount", "DelegatedAdminAccount"
}
func (inspectorAdmin) what() string { return "Inspector2 Delegated Admin Account" }
func (inspectorAdmin) enable(ctx context.Context, c *Config, acct string) error {
	_, err := inspector2.NewFromConfig(c.aws).EnableDelegatedAdminAccount(ctx,
		&inspector2.EnableDelegatedAdminAccountInput{DelegatedAdminAccountId: aws.String(acct)})
	return err
}
func (inspectorAdmin) disable(ctx context.Context, c *Config, acct string) error {
	_, err := inspector2.NewFromConfig(c.aws).DisableDelegatedAdminAccount(ctx,
		&inspector2.DisableDelegatedAdminAccountInput{DelegatedAdminAccountId: aws.String(acct)})
	return err
}
func (inspectorAdmin) list(ctx context.Context, c *Config) ([]string, error) {
	var out []string
	pages := inspector2.NewListDelegatedAdminAccountsPaginator(inspector2.NewFromConfig(c.aws),
		&inspector2.ListDelegatedAdminAccountsInput{})
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
}
