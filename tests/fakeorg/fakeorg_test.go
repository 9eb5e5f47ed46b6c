package fakeorg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/smithy-go"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	memberA = "222222222222"
	memberB = "333333333333"
	sso     = "sso.amazonaws.com"
	gd      = "guardduty.amazonaws.com"
	sh      = "securityhub.amazonaws.com"
)

// memberAccounts are the member accounts of the tests' organization.
var memberAccounts = []string{"222222222222", "333333333333", "444444444444"}

func start(t *testing.T, opts Options) *Server {
	t.Helper()
	s := New(opts)
	s.AddAccounts(memberAccounts...)
	t.Cleanup(s.Close)
	return s
}

// retryingClient uses the SDK's standard retryer with a 1ms backoff so retry
// tests stay fast.
func retryingClient(t *testing.T, s *Server) *organizations.Client {
	t.Helper()
	return organizations.NewFromConfig(s.AWSConfig(t.Context()), func(o *organizations.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
			so.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
		})
	})
}

// singleAttemptClient surfaces every error: its retryer makes one attempt.
func singleAttemptClient(t *testing.T, s *Server) *organizations.Client {
	t.Helper()
	return organizations.NewFromConfig(s.AWSConfig(t.Context()), func(o *organizations.Options) {
		o.Retryer = retry.AddWithMaxAttempts(retry.NewStandard(), 1)
	})
}

func enable(ctx context.Context, c *organizations.Client, p string) error {
	_, err := c.EnableAWSServiceAccess(ctx, &organizations.EnableAWSServiceAccessInput{ServicePrincipal: aws.String(p)})
	return err
}

func register(ctx context.Context, c *organizations.Client, account, p string) error {
	_, err := c.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{
		AccountId: aws.String(account), ServicePrincipal: aws.String(p),
	})
	return err
}

func TestEnableIsIdempotent(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)

	require.NoError(t, enable(t.Context(), c, sso))
	first := s.EnabledPrincipals()[sso]
	require.False(t, first.IsZero(), "DateEnabled must be recorded")
	time.Sleep(5 * time.Millisecond)
	require.NoError(t, enable(t.Context(), c, sso))

	assert.Equal(t, map[string]time.Time{sso: first}, s.EnabledPrincipals(), "re-enabling must keep DateEnabled")
	assert.Equal(t, 2, s.WriteCalls())
	assert.Equal(t, 2, s.Calls(OpEnableAWSServiceAccess))
}

func TestDisable(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)
	s.EnableOutOfBand(sso)
	s.EnableOutOfBand(gd)

	_, err := c.DisableAWSServiceAccess(t.Context(), &organizations.DisableAWSServiceAccessInput{ServicePrincipal: aws.String(sso)})
	require.NoError(t, err)
	assert.NotContains(t, s.EnabledPrincipals(), sso)
	assert.Contains(t, s.EnabledPrincipals(), gd)

	// AWS answers a disable of a principal that is not enabled with success.
	_, err = c.DisableAWSServiceAccess(t.Context(), &organizations.DisableAWSServiceAccessInput{ServicePrincipal: aws.String(sso)})
	require.NoError(t, err)
	assert.Equal(t, 2, s.WriteCalls())
}

func TestListPaginates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		pageSize   int
		maxResults *int32
		wantPages  []int
	}{
		{name: "default page size", wantPages: []int{4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1}},
		{name: "client MaxResults", pageSize: MaxPageSize, maxResults: aws.Int32(10), wantPages: []int{10, 10, 10, 10, 5}},
		{name: "largest page", pageSize: MaxPageSize, wantPages: []int{20, 20, 5}},
		{name: "server page size caps MaxResults", pageSize: 7, maxResults: aws.Int32(20), wantPages: []int{7, 7, 7, 7, 7, 7, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var want []string
			for i := range 45 {
				want = append(want, fmt.Sprintf("svc%02d.amazonaws.com", i))
			}
			s := start(t, Options{PageSize: tt.pageSize, ExtraPrincipals: want})
			c := singleAttemptClient(t, s)
			for _, p := range want {
				require.NoError(t, enable(t.Context(), c, p))
			}
			enabled := s.EnabledPrincipals()

			pager := organizations.NewListAWSServiceAccessForOrganizationPaginator(c,
				&organizations.ListAWSServiceAccessForOrganizationInput{MaxResults: tt.maxResults})
			var got []string
			var pages []int
			for pager.HasMorePages() {
				out, err := pager.NextPage(t.Context())
				require.NoError(t, err)
				pages = append(pages, len(out.EnabledServicePrincipals))
				for _, e := range out.EnabledServicePrincipals {
					got = append(got, aws.ToString(e.ServicePrincipal))
					require.NotNil(t, e.DateEnabled)
					assert.True(t, enabled[*e.ServicePrincipal].Equal(*e.DateEnabled),
						"DateEnabled of %s: got %s, want %s", *e.ServicePrincipal, e.DateEnabled, enabled[*e.ServicePrincipal])
				}
			}
			assert.Equal(t, tt.wantPages, pages)
			assert.Equal(t, want, got, "all principals, sorted")
			assert.Equal(t, len(tt.wantPages), s.Calls(OpListAWSServiceAccessForOrganization))
		})
	}
}

// TestPaginationSurvivesChanges checks that a NextToken stays valid when
// principals are added or removed between pages.
func TestPaginationSurvivesChanges(t *testing.T) {
	t.Parallel()
	s := start(t, Options{PageSize: 2})
	c := singleAttemptClient(t, s)
	for _, p := range []string{"a.amazonaws.com", "b.amazonaws.com", "c.amazonaws.com", "d.amazonaws.com"} {
		s.EnableOutOfBand(p)
	}
	first, err := c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{})
	require.NoError(t, err)
	require.NotNil(t, first.NextToken)
	s.DisableOutOfBand("b.amazonaws.com")
	s.DisableOutOfBand("c.amazonaws.com")
	s.EnableOutOfBand("e.amazonaws.com")

	second, err := c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{NextToken: first.NextToken})
	require.NoError(t, err)
	var got []string
	for _, e := range second.EnabledServicePrincipals {
		got = append(got, *e.ServicePrincipal)
	}
	assert.Equal(t, []string{"d.amazonaws.com", "e.amazonaws.com"}, got)
	assert.Nil(t, second.NextToken)
}

func TestDescribeOrganization(t *testing.T) {
	t.Parallel()
	s := start(t, Options{ManagementAccountID: "123456789012", FeatureSet: FeatureSetConsolidatedBilling})
	out, err := singleAttemptClient(t, s).DescribeOrganization(t.Context(), &organizations.DescribeOrganizationInput{})
	require.NoError(t, err)
	org := out.Organization
	require.NotNil(t, org)
	assert.Equal(t, OrganizationID, aws.ToString(org.Id))
	assert.Equal(t, "arn:aws:organizations::123456789012:organization/o-exampleorgid", aws.ToString(org.Arn))
	assert.Equal(t, types.OrganizationFeatureSetConsolidatedBilling, org.FeatureSet)
	assert.Equal(t, "123456789012", aws.ToString(org.MasterAccountId))
	assert.Equal(t, "arn:aws:organizations::123456789012:account/o-exampleorgid/123456789012", aws.ToString(org.MasterAccountArn))
	assert.Equal(t, "account-123456789012@example.com", aws.ToString(org.MasterAccountEmail))
}

func TestDelegatedAdministrators(t *testing.T) {
	t.Parallel()
	s := start(t, Options{PageSize: 1})
	c := singleAttemptClient(t, s)
	ctx := t.Context()
	require.NoError(t, enable(ctx, c, gd))
	require.NoError(t, enable(ctx, c, sh))
	require.NoError(t, register(ctx, c, memberB, gd))
	require.NoError(t, register(ctx, c, memberA, gd))
	require.NoError(t, register(ctx, c, memberA, sh))

	assert.Equal(t, []string{memberA, memberB}, s.DelegatedAdmins(gd))
	assert.Equal(t, []string{memberA}, s.DelegatedAdmins(sh))

	listAdmins := func(principal *string) []string {
		var ids []string
		pager := organizations.NewListDelegatedAdministratorsPaginator(c,
			&organizations.ListDelegatedAdministratorsInput{ServicePrincipal: principal})
		for pager.HasMorePages() {
			out, err := pager.NextPage(ctx)
			require.NoError(t, err)
			require.LessOrEqual(t, len(out.DelegatedAdministrators), 1, "PageSize 1")
			for _, a := range out.DelegatedAdministrators {
				ids = append(ids, aws.ToString(a.Id))
				assert.Equal(t, types.AccountStatusActive, a.Status)
				assert.NotNil(t, a.DelegationEnabledDate)
				assert.Equal(t, "arn:aws:organizations::111111111111:account/o-exampleorgid/"+aws.ToString(a.Id), aws.ToString(a.Arn))
			}
		}
		return ids
	}
	assert.Equal(t, []string{memberA, memberB}, listAdmins(nil))
	assert.Equal(t, []string{memberA}, listAdmins(aws.String(sh)))
	assert.Empty(t, listAdmins(aws.String(sso)))

	var services []string
	pager := organizations.NewListDelegatedServicesForAccountPaginator(c,
		&organizations.ListDelegatedServicesForAccountInput{AccountId: aws.String(memberA)})
	for pager.HasMorePages() {
		out, err := pager.NextPage(ctx)
		require.NoError(t, err)
		for _, d := range out.DelegatedServices {
			services = append(services, aws.ToString(d.ServicePrincipal))
		}
	}
	assert.Equal(t, []string{gd, sh}, services)

	_, err := c.DeregisterDelegatedAdministrator(ctx, &organizations.DeregisterDelegatedAdministratorInput{
		AccountId: aws.String(memberA), ServicePrincipal: aws.String(sh),
	})
	require.NoError(t, err)
	assert.Empty(t, s.DelegatedAdmins(sh))
	assert.Equal(t, []string{memberA, memberB}, s.DelegatedAdmins(gd))
	assert.Equal(t, 6, s.WriteCalls(), "2 enables, 3 registers, 1 deregister")
}

// TestDelegatedAdminCaller checks that a delegated administrator may list but
// not write, and that other member accounts may do neither.
func TestDelegatedAdminCaller(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	s.EnableOutOfBand(gd)
	s.RegisterOutOfBand(gd, memberA)
	c := singleAttemptClient(t, s)

	s.SetCallerAccountID(memberA)
	out, err := c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{})
	require.NoError(t, err)
	require.Len(t, out.EnabledServicePrincipals, 1)
	var denied *types.AccessDeniedException
	require.ErrorAs(t, enable(t.Context(), c, sso), &denied)

	s.SetCallerAccountID(memberB)
	_, err = c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{})
	require.ErrorAs(t, err, &denied)
	require.ErrorContains(t, err, "You don't have permissions to access this resource.")
}

func TestOutOfBandAndReset(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)
	s.EnableOutOfBand(sso)
	assert.Zero(t, s.Calls(AnyOp), "out-of-band changes are not requests")

	out, err := c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{})
	require.NoError(t, err)
	require.Len(t, out.EnabledServicePrincipals, 1)
	assert.Equal(t, sso, aws.ToString(out.EnabledServicePrincipals[0].ServicePrincipal))

	s.Inject(OpDescribeOrganization, ServiceError())
	require.NoError(t, enable(t.Context(), c, gd))
	s.Inject(OpEnableAWSServiceAccess, ConcurrentModification())
	require.Error(t, enable(t.Context(), c, sh))
	assert.Equal(t, 3, s.Calls(AnyOp))
	assert.Equal(t, 2, s.WriteCalls())
	assert.Equal(t, 1, s.InjectedFaults())

	s.Reset()
	assert.Zero(t, s.Calls(AnyOp))
	assert.Zero(t, s.Calls(OpEnableAWSServiceAccess))
	assert.Zero(t, s.WriteCalls())
	assert.Zero(t, s.InjectedFaults())
	assert.Zero(t, s.ConcurrentModErrors())
	assert.Len(t, s.EnabledPrincipals(), 2, "Reset keeps state")
	_, err = c.DescribeOrganization(t.Context(), &organizations.DescribeOrganizationInput{})
	var svc *types.ServiceException
	require.ErrorAs(t, err, &svc, "Reset keeps queued faults")

	s.DisableOutOfBand(sso)
	assert.Equal(t, []string{gd}, sortedKeys(s.EnabledPrincipals()))
	s.RegisterOutOfBand(gd, memberA)
	s.DeregisterOutOfBand(gd, memberA)
	assert.Empty(t, s.DelegatedAdmins(gd))
}

func TestInjectOrder(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)
	s.Inject(AnyOp, Throttle())
	s.Inject(OpEnableAWSServiceAccess, ConcurrentModification(), ServiceError())

	var cme *types.ConcurrentModificationException
	require.ErrorAs(t, enable(t.Context(), c, sso), &cme, "operation faults come before AnyOp ones")
	var svc *types.ServiceException
	require.ErrorAs(t, enable(t.Context(), c, sso), &svc, "faults come in order")
	_, err := c.DescribeOrganization(t.Context(), &organizations.DescribeOrganizationInput{})
	var throttle *types.TooManyRequestsException
	require.ErrorAs(t, err, &throttle, "AnyOp faults hit any operation")
	require.NoError(t, enable(t.Context(), c, sso), "queues are drained")
	assert.Equal(t, 3, s.InjectedFaults())
	assert.Zero(t, s.ConcurrentModErrors(), "injected conflicts are not counted as overlaps")
}

// reason returns the Reason of the errors that carry one.
func reason(err error) string {
	var cve *types.ConstraintViolationException
	if errors.As(err, &cve) {
		return string(cve.Reason)
	}
	var iie *types.InvalidInputException
	if errors.As(err, &iie) {
		return string(iie.Reason)
	}
	return ""
}

func isType[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

func TestErrorsDecodeToTypedErrors(t *testing.T) {
	t.Parallel()
	listInput := func(in *organizations.ListAWSServiceAccessForOrganizationInput) func(context.Context, *organizations.Client) error {
		return func(ctx context.Context, c *organizations.Client) error {
			_, err := c.ListAWSServiceAccessForOrganization(ctx, in)
			return err
		}
	}
	tests := []struct {
		name       string
		opts       Options
		setup      func(*Server)
		call       func(context.Context, *organizations.Client) error
		isType     func(error) bool
		wantCode   string
		wantReason string
		wantMsg    string
	}{
		{
			name:     "injected concurrent modification",
			setup:    func(s *Server) { s.Inject(OpEnableAWSServiceAccess, ConcurrentModification()) },
			call:     func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, sso) },
			isType:   isType[*types.ConcurrentModificationException],
			wantCode: "ConcurrentModificationException",
			wantMsg:  "conflicts with another attempt to modify the same entity",
		},
		{
			name:     "member account writes",
			opts:     Options{CallerAccountID: memberA},
			call:     func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, sso) },
			isType:   isType[*types.AccessDeniedException],
			wantCode: "AccessDeniedException",
			wantMsg:  "You don't have permissions to access this resource.",
		},
		{
			name: "not in an organization",
			opts: Options{NotInOrganization: true},
			call: func(ctx context.Context, c *organizations.Client) error {
				_, err := c.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
				return err
			},
			isType:   isType[*types.AWSOrganizationsNotInUseException],
			wantCode: "AWSOrganizationsNotInUseException",
			wantMsg:  "not a member of an organization",
		},
		{
			name:     "not in an organization, list",
			opts:     Options{NotInOrganization: true},
			call:     listInput(&organizations.ListAWSServiceAccessForOrganizationInput{}),
			isType:   isType[*types.AWSOrganizationsNotInUseException],
			wantCode: "AWSOrganizationsNotInUseException",
		},
		{
			name: "register the management account",
			call: func(ctx context.Context, c *organizations.Client) error {
				return register(ctx, c, DefaultManagementAccountID, gd)
			},
			isType:     isType[*types.ConstraintViolationException],
			wantCode:   "ConstraintViolationException",
			wantReason: "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
		},
		{
			name:       "register before trusted access",
			call:       func(ctx context.Context, c *organizations.Client) error { return register(ctx, c, memberA, gd) },
			isType:     isType[*types.ConstraintViolationException],
			wantCode:   "ConstraintViolationException",
			wantReason: "SERVICE_ACCESS_NOT_ENABLED",
			wantMsg:    "EnableAWSServiceAccess",
		},
		{
			name:       "enable without all features",
			opts:       Options{FeatureSet: FeatureSetConsolidatedBilling},
			call:       func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, sso) },
			isType:     isType[*types.ConstraintViolationException],
			wantCode:   "ConstraintViolationException",
			wantReason: "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
		},
		{
			name:     "injected throttle",
			setup:    func(s *Server) { s.Inject(OpEnableAWSServiceAccess, Throttle()) },
			call:     func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, sso) },
			isType:   isType[*types.TooManyRequestsException],
			wantCode: "TooManyRequestsException",
		},
		{
			name:     "injected service error",
			setup:    func(s *Server) { s.Inject(OpEnableAWSServiceAccess, ServiceError()) },
			call:     func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, sso) },
			isType:   isType[*types.ServiceException],
			wantCode: "ServiceException",
			wantMsg:  "internal service error",
		},
		{
			name: "register twice",
			setup: func(s *Server) {
				s.EnableOutOfBand(gd)
				s.RegisterOutOfBand(gd, memberA)
			},
			call:     func(ctx context.Context, c *organizations.Client) error { return register(ctx, c, memberA, gd) },
			isType:   isType[*types.AccountAlreadyRegisteredException],
			wantCode: "AccountAlreadyRegisteredException",
		},
		{
			name: "deregister an account that is not registered",
			call: func(ctx context.Context, c *organizations.Client) error {
				_, err := c.DeregisterDelegatedAdministrator(ctx, &organizations.DeregisterDelegatedAdministratorInput{
					AccountId: aws.String(memberA), ServicePrincipal: aws.String(gd),
				})
				return err
			},
			isType:   isType[*types.AccountNotRegisteredException],
			wantCode: "AccountNotRegisteredException",
		},
		{
			name: "delegated services of an account that is not registered",
			call: func(ctx context.Context, c *organizations.Client) error {
				_, err := c.ListDelegatedServicesForAccount(ctx, &organizations.ListDelegatedServicesForAccountInput{AccountId: aws.String(memberA)})
				return err
			},
			isType:   isType[*types.AccountNotRegisteredException],
			wantCode: "AccountNotRegisteredException",
		},
		{
			name:       "empty principal",
			call:       func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, "") },
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "INPUT_REQUIRED",
		},
		{
			name:       "principal with a bad character",
			call:       func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, "sso amazonaws.com") },
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "INVALID_PATTERN",
		},
		{
			name:       "stacksets principal",
			call:       func(ctx context.Context, c *organizations.Client) error { return enable(ctx, c, StackSetsPrincipal) },
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "UNRECOGNIZED_SERVICE_PRINCIPAL",
			wantMsg:    "CloudFormation",
		},
		{
			name: "principal AWS does not know",
			call: func(ctx context.Context, c *organizations.Client) error {
				return enable(ctx, c, "guarduty.amazonaws.com")
			},
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "UNRECOGNIZED_SERVICE_PRINCIPAL",
			wantMsg:    "unrecognized service principal",
		},
		{
			name:  "principal AWS does not know, under consolidated billing: the input is checked first",
			setup: func(s *Server) { s.SetFeatureSet(FeatureSetConsolidatedBilling) },
			call: func(ctx context.Context, c *organizations.Client) error {
				return enable(ctx, c, "guarduty.amazonaws.com")
			},
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "UNRECOGNIZED_SERVICE_PRINCIPAL",
		},
		{
			name:       "bad account id",
			call:       func(ctx context.Context, c *organizations.Client) error { return register(ctx, c, "12345", gd) },
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "INVALID_PATTERN",
			wantMsg:    `AccountId "12345"`,
		},
		{
			name:       "made-up NextToken",
			call:       listInput(&organizations.ListAWSServiceAccessForOrganizationInput{NextToken: aws.String("bogus")}),
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "INVALID_NEXT_TOKEN",
		},
		{
			name:       "MaxResults above 20",
			call:       listInput(&organizations.ListAWSServiceAccessForOrganizationInput{MaxResults: aws.Int32(21)}),
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "MAX_VALUE_EXCEEDED",
		},
		{
			name:       "MaxResults 0",
			call:       listInput(&organizations.ListAWSServiceAccessForOrganizationInput{MaxResults: aws.Int32(0)}),
			isType:     isType[*types.InvalidInputException],
			wantCode:   "InvalidInputException",
			wantReason: "MIN_VALUE_EXCEEDED",
		},
		{
			name: "operation the fake does not implement",
			call: func(ctx context.Context, c *organizations.Client) error {
				_, err := c.ListPolicies(ctx, &organizations.ListPoliciesInput{Filter: "SERVICE_CONTROL_POLICY"})
				return err
			},
			isType:   isType[*smithy.GenericAPIError],
			wantCode: "UnknownOperationException",
			wantMsg:  `operation "ListPolicies" is not supported`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := start(t, tt.opts)
			if tt.setup != nil {
				tt.setup(s)
			}
			err := tt.call(t.Context(), singleAttemptClient(t, s))
			require.Error(t, err)
			assert.True(t, tt.isType(err), "error type %T: %v", errors.Unwrap(err), err)
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantCode, apiErr.ErrorCode())
			assert.NotEmpty(t, apiErr.ErrorMessage())
			assert.Equal(t, tt.wantReason, reason(err))
			if tt.wantMsg != "" {
				require.ErrorContains(t, err, tt.wantMsg)
			}
			var respErr *awshttp.ResponseError
			require.ErrorAs(t, err, &respErr)
			assert.Equal(t, http.StatusBadRequest, respErr.HTTPStatusCode())
			assert.NotEmpty(t, respErr.ServiceRequestID(), "X-Amzn-RequestId")
		})
	}
}

func TestRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      Fault
		retried    bool
		isType     func(error) bool
		wantCode   string
		wantStatus int
	}{
		{name: "throttle", fault: Throttle(), retried: true, isType: isType[*types.TooManyRequestsException], wantCode: "TooManyRequestsException", wantStatus: 400},
		{name: "500", fault: InternalError(), retried: true, isType: isType[*types.ServiceException], wantCode: "ServiceException", wantStatus: 500},
		{name: "503", fault: Unavailable(), retried: true, isType: isType[*smithy.GenericAPIError], wantCode: "ServiceUnavailableException", wantStatus: 503},
		// The standard retryer does not retry these: callers that want to
		// must add the codes themselves (retry.AddWithErrorCodes).
		{name: "400 service exception", fault: ServiceError(), isType: isType[*types.ServiceException], wantCode: "ServiceException", wantStatus: 400},
		{name: "concurrent modification", fault: ConcurrentModification(), isType: isType[*types.ConcurrentModificationException], wantCode: "ConcurrentModificationException", wantStatus: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/standard retryer", func(t *testing.T) {
			t.Parallel()
			s := start(t, Options{})
			s.Inject(OpEnableAWSServiceAccess, tt.fault)
			err := enable(t.Context(), retryingClient(t, s), sso)
			if tt.retried {
				require.NoError(t, err)
				assert.Equal(t, 2, s.Calls(OpEnableAWSServiceAccess))
				assert.Contains(t, s.EnabledPrincipals(), sso)
			} else {
				require.ErrorContains(t, err, tt.fault.Message)
				assert.Equal(t, 1, s.Calls(OpEnableAWSServiceAccess))
				assert.Empty(t, s.EnabledPrincipals())
			}
			assert.Equal(t, 1, s.InjectedFaults())
		})
		t.Run(tt.name+"/single attempt", func(t *testing.T) {
			t.Parallel()
			s := start(t, Options{})
			s.Inject(OpEnableAWSServiceAccess, tt.fault)
			err := enable(t.Context(), singleAttemptClient(t, s), sso)
			require.ErrorContains(t, err, tt.fault.Message)
			assert.True(t, tt.isType(err), "error type: %v", err)
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantCode, apiErr.ErrorCode())
			var respErr *awshttp.ResponseError
			require.ErrorAs(t, err, &respErr)
			assert.Equal(t, tt.wantStatus, respErr.HTTPStatusCode())
			assert.Equal(t, 1, s.Calls(OpEnableAWSServiceAccess))
			assert.Empty(t, s.EnabledPrincipals())
		})
	}
}

// waitBusy waits until a write holds the organization.
func waitBusy(t *testing.T, s *Server) {
	t.Helper()
	require.Eventually(t, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.busy
	}, 5*time.Second, time.Millisecond)
}

func TestOverlappingWritesConflict(t *testing.T) {
	t.Parallel()
	// Generous latency so that the second write surely lands inside the
	// first one's window on a loaded machine.
	s := start(t, Options{WriteLatency: 250 * time.Millisecond})
	c := singleAttemptClient(t, s)

	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(1)
	go func() {
		defer wg.Done()
		errs[0] = enable(t.Context(), c, sso)
	}()
	waitBusy(t, s)
	wg.Add(1)
	go func() {
		defer wg.Done()
		errs[1] = register(t.Context(), c, memberA, gd)
	}()
	wg.Wait()

	require.NoError(t, errs[0])
	var cme *types.ConcurrentModificationException
	require.ErrorAs(t, errs[1], &cme)
	assert.Equal(t, 1, s.ConcurrentModErrors())
	assert.Zero(t, s.InjectedFaults())
	assert.Equal(t, 2, s.WriteCalls())
	assert.Contains(t, s.EnabledPrincipals(), sso)
}

func TestSerializedWritesDoNotConflict(t *testing.T) {
	t.Parallel()
	s := start(t, Options{WriteLatency: 20 * time.Millisecond})
	c := singleAttemptClient(t, s)
	begin := time.Now()
	require.NoError(t, enable(t.Context(), c, sso))
	require.NoError(t, enable(t.Context(), c, gd))
	require.NoError(t, register(t.Context(), c, memberA, gd))
	assert.GreaterOrEqual(t, time.Since(begin), 60*time.Millisecond, "each write holds WriteLatency")
	assert.Zero(t, s.ConcurrentModErrors())

	// Reads do not take the write lock.
	done := make(chan error, 1)
	go func() { done <- enable(t.Context(), c, sh) }()
	waitBusy(t, s)
	_, err := c.ListAWSServiceAccessForOrganization(t.Context(), &organizations.ListAWSServiceAccessForOrganizationInput{})
	require.NoError(t, err)
	require.NoError(t, <-done)
	assert.Zero(t, s.ConcurrentModErrors())
}

func TestCloseCutsWriteLatencyShort(t *testing.T) {
	t.Parallel()
	s := New(Options{WriteLatency: time.Minute})
	done := make(chan error, 1)
	go func() { done <- enable(t.Context(), singleAttemptClient(t, s), sso) }()
	waitBusy(t, s)
	begin := time.Now()
	s.Close()
	assert.Less(t, time.Since(begin), 10*time.Second)
	require.NoError(t, <-done, "the write still completes")
	s.Close() // idempotent
}

func rawPost(t *testing.T, s *Server, target, auth, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, s.URL()+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp
}

func TestRawProtocol(t *testing.T) {
	t.Parallel()
	const fakeAuth = "AWS4-HMAC-SHA256 Credential=AKIDFAKE/20240101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=00"
	tests := []struct {
		name       string
		target     string
		auth       string
		body       string
		wantStatus int
		wantCode   string
		wantBody   string
	}{
		{
			name:   "unsigned request",
			target: targetPrefix + OpEnableAWSServiceAccess, body: `{"ServicePrincipal":"sso.amazonaws.com"}`,
			wantStatus: 403, wantCode: "MissingAuthenticationTokenException", wantBody: "Missing Authentication Token",
		},
		{
			name:   "wrong signature scheme",
			target: targetPrefix + OpEnableAWSServiceAccess, auth: "Bearer token", body: `{"ServicePrincipal":"sso.amazonaws.com"}`,
			wantStatus: 403, wantCode: "MissingAuthenticationTokenException",
		},
		{
			name:   "signed for another Region",
			target: targetPrefix + OpListAWSServiceAccessForOrganization,
			auth:   strings.Replace(fakeAuth, "/us-east-1/", "/eu-west-1/", 1), body: `{}`,
			wantStatus: 403, wantCode: "InvalidSignatureException",
			wantBody: "Credential should be scoped to a valid region, not 'eu-west-1'.",
		},
		{
			name:   "signed for another service",
			target: targetPrefix + OpListAWSServiceAccessForOrganization,
			auth:   strings.Replace(fakeAuth, "/organizations/", "/sso/", 1), body: `{}`,
			wantStatus: 403, wantCode: "InvalidSignatureException",
			wantBody: "Credential should be scoped to correct service: 'organizations'.",
		},
		{
			name:   "unknown operation",
			target: targetPrefix + "CreateAccount", auth: fakeAuth, body: `{}`,
			wantStatus: 400, wantCode: "UnknownOperationException", wantBody: `\"CreateAccount\"`,
		},
		{
			name:   "other service's target",
			target: "AmazonSSM.GetParameter", auth: fakeAuth, body: `{}`,
			wantStatus: 400, wantCode: "UnknownOperationException", wantBody: "AmazonSSM.GetParameter",
		},
		{
			name:   "malformed body",
			target: targetPrefix + OpEnableAWSServiceAccess, auth: fakeAuth, body: `{"ServicePrincipal":`,
			wantStatus: 400, wantCode: "SerializationException",
		},
		{
			name:   "empty body is an empty input",
			target: targetPrefix + OpDescribeOrganization, auth: fakeAuth,
			wantStatus: 200, wantBody: `"FeatureSet":"ALL"`,
		},
		{
			name:   "write answers an empty object",
			target: targetPrefix + OpEnableAWSServiceAccess, auth: fakeAuth, body: `{"ServicePrincipal":"sso.amazonaws.com"}`,
			wantStatus: 200, wantBody: `{}`,
		},
		{
			name:   "reason in the body",
			target: targetPrefix + OpEnableAWSServiceAccess, auth: fakeAuth, body: `{}`,
			wantStatus: 400, wantCode: "InvalidInputException", wantBody: `"Reason":"INPUT_REQUIRED"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := start(t, Options{})
			resp := rawPost(t, s, tt.target, tt.auth, tt.body)
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			assert.Equal(t, tt.wantStatus, resp.StatusCode, string(body))
			assert.Equal(t, "application/x-amz-json-1.1", resp.Header.Get("Content-Type"))
			assert.Equal(t, tt.wantCode, resp.Header.Get("X-Amzn-ErrorType"))
			if tt.wantCode != "" {
				assert.Contains(t, string(body), `"__type":"`+tt.wantCode+`"`)
				assert.Contains(t, string(body), `"Message":`)
			}
			assert.Contains(t, string(body), tt.wantBody)
		})
	}

	t.Run("unsigned write changes nothing", func(t *testing.T) {
		t.Parallel()
		s := start(t, Options{})
		resp := rawPost(t, s, targetPrefix+OpEnableAWSServiceAccess, "", `{"ServicePrincipal":"sso.amazonaws.com"}`)
		assert.Equal(t, http.StatusForbidden, resp.StatusCode)
		assert.Empty(t, s.EnabledPrincipals())
		assert.Equal(t, 1, s.Calls(OpEnableAWSServiceAccess), "rejected requests are counted")
	})
}

func TestStateKnobs(t *testing.T) {
	t.Parallel()
	s := start(t, Options{})
	c := singleAttemptClient(t, s)

	s.SetFeatureSet(FeatureSetConsolidatedBilling)
	err := enable(t.Context(), c, sso)
	assert.Equal(t, "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", reason(err))
	s.SetFeatureSet(FeatureSetAll)
	require.NoError(t, enable(t.Context(), c, sso))

	s.SetInOrganization(false)
	var notInUse *types.AWSOrganizationsNotInUseException
	require.ErrorAs(t, enable(t.Context(), c, gd), &notInUse)
	s.SetInOrganization(true)
	require.NoError(t, enable(t.Context(), c, gd))
}

func TestInvalidOptionsPanic(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{name: "management account", opts: Options{ManagementAccountID: "12"}, want: `field Options.ManagementAccountID "12" is not a 12-digit account id`},
		{name: "caller account", opts: Options{CallerAccountID: "abc"}, want: `field Options.CallerAccountID "abc"`},
		{name: "feature set", opts: Options{FeatureSet: "all"}, want: `field Options.FeatureSet: feature set "all" is not valid: use "ALL" or "CONSOLIDATED_BILLING"`},
		{name: "page size", opts: Options{PageSize: 21}, want: "field Options.PageSize 21 is out of range: use 1 to 20"},
		{name: "negative latency", opts: Options{WriteLatency: -time.Second}, want: "field Options.WriteLatency -1s is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got any
			func() {
				defer func() { got = recover() }()
				s := New(tt.opts)
				s.Close()
			}()
			require.NotNil(t, got, "New must panic")
			assert.Contains(t, fmt.Sprint(got), tt.want)
		})
	}
	s := start(t, Options{})
	assert.PanicsWithValue(t, `fakeorg: SetCallerAccountID: account id "x" is not 12 digits: use e.g. "222222222222"`, func() { s.SetCallerAccountID("x") })
	assert.Panics(t, func() { s.SetFeatureSet("BOTH") })
}

// TestEpochSecondsRoundTrip checks that every millisecond timestamp decodes
// to itself with the SDK's timestamp parser, which truncates.
func TestEpochSecondsRoundTrip(t *testing.T) {
	t.Parallel()
	base := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC).UnixMilli()
	for ms := base; ms < base+20000; ms++ {
		want := time.UnixMilli(ms)
		b, err := epochSeconds(want).MarshalJSON()
		require.NoError(t, err)
		v, err := strconv.ParseFloat(string(b), 64)
		require.NoError(t, err)
		require.True(t, want.Equal(smithytime.ParseEpochSeconds(v)), "%d ms encoded as %s", ms, b)
	}
}
