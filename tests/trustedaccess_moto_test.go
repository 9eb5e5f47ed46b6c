package tests

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// motoManagementAccount is the account moto's CreateOrganization makes the
// management account: the caller of every moto request.
const motoManagementAccount = "123456789012"

// TestFakeOrgMatchesMoto runs the trusted-access calls (enable, disable,
// list, register, deregister and list delegated administrators, list an
// account's delegated services) against moto, an independent emulator of
// AWS Organizations, and against fakeorg, and compares the answers: the
// same principals and accounts listed, the same error codes. Where moto
// departs from AWS's documentation, the fake follows AWS, and the test says
// which is right.
func TestFakeOrgMatchesMoto(t *testing.T) {
	t.Parallel()
	motoURL := startMoto(t)
	ctx := context.Background()
	moto := organizations.NewFromConfig(fakeAWSConfig(), func(o *organizations.Options) {
		o.BaseEndpoint = aws.String(motoURL)
		o.RetryMaxAttempts = 1
	})
	_, err := moto.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: "ALL"})
	require.NoError(t, err)
	_, err = moto.CreateAccount(ctx, &organizations.CreateAccountInput{
		AccountName: aws.String("member"), Email: aws.String("member@example.com")})
	require.NoError(t, err)
	accounts, err := moto.ListAccounts(ctx, &organizations.ListAccountsInput{})
	require.NoError(t, err)
	member := ""
	for _, a := range accounts.Accounts {
		if aws.ToString(a.Name) == "member" {
			member = aws.ToString(a.Id)
		}
	}
	require.NotEmpty(t, member, "moto created the member account")

	fake := fakeorg.New(fakeorg.Options{ManagementAccountID: motoManagementAccount})
	t.Cleanup(fake.Close)
	fake.AddAccounts(member)
	fromFake := observeTrust(ctx, organizations.NewFromConfig(fake.AWSConfig(ctx), func(o *organizations.Options) {
		o.RetryMaxAttempts = 1
	}), member)
	fromMoto := observeTrust(ctx, moto, member)

	// Where moto and AWS differ, AWS is right and the fake follows it:
	//   - RegisterDelegatedAdministrator before EnableAWSServiceAccess: AWS
	//     refuses it, ConstraintViolationException with reason
	//     SERVICE_ACCESS_NOT_ENABLED ("You attempted to register a delegated
	//     administrator before you enabled service access. Call the
	//     EnableAWSServiceAccess API first.", the Organizations API
	//     reference's ConstraintViolationException); moto 5.2 registers it.
	//   - ListDelegatedServicesForAccount of an account outside the
	//     organization: AWS documents AccountNotFoundException; moto 5.2
	//     answers AWSOrganizationsNotInUseException, which AWS means for a
	//     caller that is not in an organization.
	differ := map[string][2]string{ // step -> {AWS (the fake), moto}
		"register before enable":                                    {"ConstraintViolationException", "ok"},
		"delegated services of an account outside the organization": {"AccountNotFoundException", "AWSOrganizationsNotInUseException"},
	}
	for step, want := range differ {
		assert.Equal(t, want[0], fromFake[step], "the fake answers %q as AWS documents", step)
		assert.Equal(t, want[1], fromMoto[step], "moto answers %q as moto 5.2.5 does", step)
		delete(fromFake, step)
		delete(fromMoto, step)
	}
	assert.Equal(t, fromMoto, fromFake, "the fake answers the rest as moto does")
	assert.Len(t, fromMoto, 19)
}

// observeTrust makes the trusted-access calls, in order, and returns what
// each step answered: "ok", a list of principals or accounts, or an error
// code.
func observeTrust(ctx context.Context, c *organizations.Client, member string) map[string]string {
	out := map[string]string{}
	code := func(err error) string {
		var apiErr smithy.APIError
		switch {
		case err == nil:
			return "ok"
		case errors.As(err, &apiErr):
			return apiErr.ErrorCode()
		}
		return err.Error()
	}
	named := func(id string) string {
		switch id {
		case member:
			return "member"
		case motoManagementAccount:
			return "management"
		}
		return id
	}
	enabled := func() string {
		var ps []string
		pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(c,
			&organizations.ListAWSServiceAccessForOrganizationInput{})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return code(err)
			}
			for _, e := range page.EnabledServicePrincipals {
				ps = append(ps, aws.ToString(e.ServicePrincipal))
			}
		}
		slices.Sort(ps)
		return fmt.Sprint(ps)
	}
	admins := func(principal *string) string {
		var ids []string
		pages := organizations.NewListDelegatedAdministratorsPaginator(c,
			&organizations.ListDelegatedAdministratorsInput{ServicePrincipal: principal})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return code(err)
			}
			for _, a := range page.DelegatedAdministrators {
				ids = append(ids, named(aws.ToString(a.Id))+" "+string(a.Status))
			}
		}
		return fmt.Sprint(ids)
	}
	services := func(account string) string {
		var ps []string
		pages := organizations.NewListDelegatedServicesForAccountPaginator(c,
			&organizations.ListDelegatedServicesForAccountInput{AccountId: aws.String(account)})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				return code(err)
			}
			for _, s := range page.DelegatedServices {
				ps = append(ps, aws.ToString(s.ServicePrincipal))
			}
		}
		return fmt.Sprint(ps)
	}
	enable := func(p string) string {
		_, err := c.EnableAWSServiceAccess(ctx, &organizations.EnableAWSServiceAccessInput{ServicePrincipal: aws.String(p)})
		return code(err)
	}
	disable := func(p string) string {
		_, err := c.DisableAWSServiceAccess(ctx, &organizations.DisableAWSServiceAccessInput{ServicePrincipal: aws.String(p)})
		return code(err)
	}
	register := func(account, p string) string {
		_, err := c.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{
			AccountId: aws.String(account), ServicePrincipal: aws.String(p)})
		return code(err)
	}
	deregister := func(account, p string) string {
		_, err := c.DeregisterDelegatedAdministrator(ctx, &organizations.DeregisterDelegatedAdministratorInput{
			AccountId: aws.String(account), ServicePrincipal: aws.String(p)})
		return code(err)
	}
	const gd, outside = "guardduty.amazonaws.com", "999999999999"
	out["list, none enabled"] = enabled()
	out["enable"] = enable(gd)
	out["enable again"] = enable(gd)
	out["enable an unknown principal"] = enable("notaservice.amazonaws.com")
	out["list, one enabled"] = enabled()
	out["register"] = register(member, gd)
	out["register again"] = register(member, gd)
	out["register the management account"] = register(motoManagementAccount, gd)
	out["register an account outside the organization"] = register(outside, gd)
	out["administrators of the principal"] = admins(aws.String(gd))
	out["administrators of every principal"] = admins(nil)
	out["delegated services of the administrator"] = services(member)
	out["delegated services of the management account"] = services(motoManagementAccount)
	out["deregister"] = deregister(member, gd)
	out["deregister again"] = deregister(member, gd)
	out["administrators after deregister"] = admins(aws.String(gd))
	out["disable"] = disable(gd)
	out["disable again"] = disable(gd)
	out["list after disable"] = enabled()
	// Last, as moto registers what AWS refuses.
	out["delegated services of an account outside the organization"] = services(outside)
	out["register before enable"] = register(member, "macie.amazonaws.com")
	return out
}
