package provider_test

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

const tsaToken = tokens.Type("orgtrust:index:TrustedServiceAccess")

func TestMain(m *testing.M) {
	// The provider takes credentials from the AWS SDK's default chain; give it
	// static ones and keep it away from the machine's files and IMDS.
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":           "AKIDFAKE",
		"AWS_SECRET_ACCESS_KEY":       "SECRETFAKE",
		"AWS_REGION":                  "us-east-1",
		"AWS_EC2_METADATA_DISABLED":   "true",
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

// newServer returns the provider behind pulumi-go-provider's integration
// server, configured against fake (when not nil) with fast retries.
func newServer(t testing.TB, fake *fakeorg.Server, extra ...property.Map) integration.Server {
	t.Helper()
	prov, err := provider.New()
	require.NoError(t, err)
	s, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov))
	require.NoError(t, err)
	cfg := map[string]property.Value{
		"maxAttempts":       property.New(5.0),
		"maxBackoffSeconds": property.New(1.0),
	}
	if fake != nil {
		cfg["endpoint"] = property.New(fake.URL())
	}
	for _, m := range extra {
		for k, v := range m.All {
			cfg[k] = v
		}
	}
	require.NoError(t, s.Configure(p.ConfigureRequest{Args: property.NewMap(cfg)}))
	return s
}

func urn(name string) presource.URN {
	return presource.NewURN("test", "orgtrust", "", tsaToken, name)
}

// inputs returns resource inputs: the principal, then boolean flags as name, value pairs.
func inputs(principal string, kv ...any) property.Map {
	m := map[string]property.Value{"servicePrincipal": property.New(principal)}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = property.New(kv[i+1].(bool))
	}
	return property.NewMap(m)
}

// create runs check and create, as the engine does on `pulumi up`.
func create(t testing.TB, s integration.Server, name string, in property.Map) p.CreateResponse {
	t.Helper()
	chk, err := s.Check(p.CheckRequest{Urn: urn(name), Inputs: in})
	require.NoError(t, err)
	require.Empty(t, chk.Failures)
	resp, err := s.Create(p.CreateRequest{Urn: urn(name), Properties: chk.Inputs})
	require.NoError(t, err)
	return resp
}

func str(m property.Map, key string) string {
	v := m.Get(key)
	if !v.IsString() {
		return ""
	}
	return v.AsString()
}

// TestSchemaMatchesCommitted keeps schema/schema.json byte for byte what
// `make schema` writes, and that equal to what the provider serves.
func TestSchemaMatchesCommitted(t *testing.T) {
	t.Parallel()
	got, err := provider.Schema(t.Context())
	require.NoError(t, err)
	committed, err := os.ReadFile(filepath.Join("..", "schema", "schema.json"))
	require.NoError(t, err, "schema/schema.json is missing: run `make schema`")
	require.Equal(t, string(committed), string(got),
		"schema/schema.json is out of date with the provider's code: run `make schema` and commit the result")

	// The schema the engine gets over gRPC is the same, but for its version.
	resp, err := newServer(t, nil).GetSchema(p.GetSchemaRequest{})
	require.NoError(t, err)
	served, err := provider.NormalizeSchema([]byte(resp.Schema))
	require.NoError(t, err)
	require.Equal(t, string(got), string(served))
}

func TestCheckRejectsBadPrincipals(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	tests := []struct {
		name   string
		inputs property.Map
		reason []string // substrings of the failure
	}{
		{"typo", inputs("sso.amazonaws.con"), []string{`"sso.amazonaws.con"`, `did you mean "sso.amazonaws.com"`}},
		{"unknown", inputs("unheard-of.amazonaws.com"), []string{"allowUnknownPrincipal"}},
		{"service only", inputs("ipam.amazonaws.com"), []string{"force"}},
		{"empty", inputs(""), []string{"servicePrincipal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resp, err := s.Check(p.CheckRequest{Urn: urn(tt.name), Inputs: tt.inputs})
			require.NoError(t, err)
			require.Len(t, resp.Failures, 1)
			assert.Equal(t, "servicePrincipal", resp.Failures[0].Property)
			for _, sub := range tt.reason {
				assert.Contains(t, resp.Failures[0].Reason, sub)
			}
		})
	}
}

func TestCheckAcceptsOverrides(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	for name, in := range map[string]property.Map{
		"unknown allowed":    inputs("brand-new.amazonaws.com", "allowUnknownPrincipal", true),
		"service only force": inputs("ipam.amazonaws.com", "force", true),
		// Another resource's output, unknown at preview.
		"computed": property.NewMap(map[string]property.Value{"servicePrincipal": property.New(property.Computed)}),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resp, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: in})
			require.NoError(t, err)
			assert.Empty(t, resp.Failures)
		})
	}
}

func TestLifecycle(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	s := newServer(t, fake)

	// Create enables the principal.
	resp := create(t, s, "guardduty", inputs("guardduty.amazonaws.com"))
	assert.Equal(t, "guardduty.amazonaws.com", resp.ID)
	assert.Contains(t, fake.EnabledPrincipals(), "guardduty.amazonaws.com")
	assert.Equal(t, "guardduty", str(resp.Properties, "serviceKey"))
	gd, _ := components.LookupService("guardduty")
	assert.Equal(t, string(gd.EnableVia), str(resp.Properties, "enablePath"))
	assert.NotEmpty(t, str(resp.Properties, "dateEnabled"))
	assert.True(t, resp.Properties.Get("willDisableOnDelete").AsBool())

	// Read finds it.
	read, err := s.Read(p.ReadRequest{ID: resp.ID, Urn: urn("guardduty"), Properties: resp.Properties,
		Inputs: inputs("guardduty.amazonaws.com")})
	require.NoError(t, err)
	assert.Equal(t, resp.ID, read.ID)

	// Changing the principal replaces the resource.
	diff, err := s.Diff(p.DiffRequest{ID: resp.ID, Urn: urn("guardduty"), State: resp.Properties,
		OldInputs: inputs("guardduty.amazonaws.com"), Inputs: inputs("securityhub.amazonaws.com")})
	require.NoError(t, err)
	assert.True(t, diff.HasChanges)
	assert.Equal(t, p.UpdateReplace, diff.DetailedDiff["servicePrincipal"].Kind)

	// Delete disables it.
	require.NoError(t, s.Delete(p.DeleteRequest{ID: resp.ID, Urn: urn("guardduty"), Properties: resp.Properties}))
	assert.NotContains(t, fake.EnabledPrincipals(), "guardduty.amazonaws.com")

	// Deleting a principal that is already disabled succeeds: the provider
	// relies on DisableAWSServiceAccess being idempotent, as the fake is.
	require.NoError(t, s.Delete(p.DeleteRequest{ID: resp.ID, Urn: urn("guardduty"), Properties: resp.Properties}))
}

// TestUpdateDisableOnDeleteDecidesDelete runs TrustedServiceAccess through
// pulumi-go-provider's LifeCycleTest (preview, create, preview and update,
// delete) against the fake organization: the last state's disableOnDelete
// decides what the delete does.
func TestUpdateDisableOnDeleteDecidesDelete(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name      string
		principal string
		// first and then are disableOnDelete before and after the update.
		first, then  bool
		enabledAfter bool
	}{
		{"disable on delete once updated to", "guardduty.amazonaws.com", false, true, false},
		{"retain once updated to", "securityhub.amazonaws.com", true, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakeorg.New(fakeorg.Options{})
			t.Cleanup(fake.Close)
			integration.LifeCycleTest{
				Resource: tsaToken,
				Create: integration.Operation{
					Inputs: inputs(tt.principal, "disableOnDelete", tt.first),
					Hook: func(_, output property.Map) {
						assert.Contains(t, fake.EnabledPrincipals(), tt.principal, "create enables it")
						assert.Equal(t, tt.first, output.Get("willDisableOnDelete").AsBool())
					},
				},
				Updates: []integration.Operation{{
					Inputs: inputs(tt.principal, "disableOnDelete", tt.then),
					Hook: func(_, output property.Map) {
						assert.Equal(t, tt.then, output.Get("willDisableOnDelete").AsBool())
						assert.Equal(t, tt.principal, str(output, "servicePrincipal"))
					},
				}},
			}.Run(t, newServer(t, fake))
			_, enabled := fake.EnabledPrincipals()[tt.principal]
			assert.Equal(t, tt.enabledAfter, enabled, "the delete follows the updated disableOnDelete")
			assert.Equal(t, 1, fake.Calls("EnableAWSServiceAccess"), "the update writes nothing to Organizations")
		})
	}
}

func TestCreateAdoptsEnabledPrincipal(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	fake.EnableOutOfBand("config.amazonaws.com")
	enabledAt := fake.EnabledPrincipals()["config.amazonaws.com"]
	s := newServer(t, fake)

	resp := create(t, s, "config", inputs("config.amazonaws.com"))
	assert.Zero(t, fake.Calls("EnableAWSServiceAccess"), "an enabled principal is adopted without a write")
	assert.Equal(t, enabledAt.UTC().Format("2006-01-02T15:04:05Z07:00"), str(resp.Properties, "dateEnabled"))
}

// TestCreateAfterDeleteEnablesAgain deletes a principal and creates it again
// in one provider process, within the list cache's lifetime: the create must
// not adopt the principal from a sweep taken before the delete.
func TestCreateAfterDeleteEnablesAgain(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	s := newServer(t, fake)

	create(t, s, "guardduty", inputs("guardduty.amazonaws.com"))
	cfg := create(t, s, "config", inputs("config.amazonaws.com"))
	require.NoError(t, s.Delete(p.DeleteRequest{ID: cfg.ID, Urn: urn("config"), Properties: cfg.Properties}))
	require.NotContains(t, fake.EnabledPrincipals(), "config.amazonaws.com")

	again := create(t, s, "config", inputs("config.amazonaws.com"))
	assert.Contains(t, fake.EnabledPrincipals(), "config.amazonaws.com", "the second create enables it again")
	assert.Equal(t, 3, fake.Calls("EnableAWSServiceAccess"), "guardduty is enabled once, config twice")
	assert.NotEmpty(t, str(again.Properties, "dateEnabled"))
}

func TestReadDetectsOutOfBandDisable(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	s := newServer(t, fake)
	resp := create(t, s, "access-analyzer", inputs("access-analyzer.amazonaws.com"))

	fake.DisableOutOfBand("access-analyzer.amazonaws.com")
	// A new provider process, as the next `pulumi refresh` starts, sees the drift.
	read, err := newServer(t, fake).Read(p.ReadRequest{ID: resp.ID, Urn: urn("access-analyzer"),
		Properties: resp.Properties, Inputs: inputs("access-analyzer.amazonaws.com")})
	require.NoError(t, err)
	assert.Empty(t, read.ID, "a principal disabled out of band is gone, so the next update enables it again")

	// A refresh that sends only the prior state (no inputs) is a refresh
	// too, not an import.
	read, err = newServer(t, fake).Read(p.ReadRequest{ID: resp.ID, Urn: urn("access-analyzer"),
		Properties: resp.Properties})
	require.NoError(t, err)
	assert.Empty(t, read.ID, "refresh without inputs: still gone, not an import error")
}

func TestImportByPrincipal(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	fake.EnableOutOfBand("sso.amazonaws.com")
	fake.EnableOutOfBand("brand-new.amazonaws.com")
	s := newServer(t, fake)

	read, err := s.Read(p.ReadRequest{ID: "sso.amazonaws.com", Urn: urn("sso")})
	require.NoError(t, err)
	assert.Equal(t, "sso.amazonaws.com", read.ID)
	assert.Equal(t, "sso.amazonaws.com", str(read.Inputs, "servicePrincipal"))
	assert.Equal(t, "sso", str(read.Properties, "serviceKey"))
	assert.False(t, read.Properties.Get("willDisableOnDelete").AsBool(), "imported sso is retained on delete")

	// A principal that is not enabled has nothing to import: an error, not
	// an empty resource for the engine to record.
	_, err = s.Read(p.ReadRequest{ID: "guardduty.amazonaws.com", Urn: urn("gd")})
	require.ErrorContains(t, err, "trusted access for guardduty.amazonaws.com is not enabled; there is nothing to import")

	// A principal outside the catalog imports with allowUnknownPrincipal only.
	unknown, err := s.Read(p.ReadRequest{ID: "brand-new.amazonaws.com", Urn: urn("new")})
	require.NoError(t, err)
	assert.Equal(t, "brand-new.amazonaws.com", unknown.ID)
	assert.True(t, unknown.Inputs.Get("allowUnknownPrincipal").AsBool())
	_, hasForce := unknown.Inputs.GetOk("force")
	assert.False(t, hasForce && unknown.Inputs.Get("force").AsBool(), "force is not needed outside the catalog")
}

func TestDisableOnDeletePolicy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		in          property.Map
		wantDisable bool
	}{
		{"default true", inputs("guardduty.amazonaws.com"), true},
		{"sso retained by default", inputs("sso.amazonaws.com"), false},
		{"explicit true wins for sso", inputs("sso.amazonaws.com", "disableOnDelete", true), true},
		{"explicit false wins", inputs("guardduty.amazonaws.com", "disableOnDelete", false), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakeorg.New(fakeorg.Options{})
			t.Cleanup(fake.Close)
			s := newServer(t, fake)
			principal := str(tt.in, "servicePrincipal")
			resp := create(t, s, "x", tt.in)
			assert.Equal(t, tt.wantDisable, resp.Properties.Get("willDisableOnDelete").AsBool())
			require.NoError(t, s.Delete(p.DeleteRequest{ID: resp.ID, Urn: urn("x"), Properties: resp.Properties}))
			_, stillEnabled := fake.EnabledPrincipals()[principal]
			assert.Equal(t, !tt.wantDisable, stillEnabled)
		})
	}
}

func TestRetriesTransientErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		fault fakeorg.Fault
	}{
		{"throttled", fakeorg.Throttle()},
		{"concurrent modification", fakeorg.ConcurrentModification()},
		{"service exception", fakeorg.ServiceError()},
		{"500", fakeorg.InternalError()},
		{"503", fakeorg.Unavailable()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakeorg.New(fakeorg.Options{})
			t.Cleanup(fake.Close)
			fake.Inject("EnableAWSServiceAccess", tt.fault, tt.fault)
			s := newServer(t, fake)
			create(t, s, "macie", inputs("macie.amazonaws.com"))
			assert.Equal(t, 3, fake.Calls("EnableAWSServiceAccess"), "two failures, then success")
			assert.Contains(t, fake.EnabledPrincipals(), "macie.amazonaws.com")
		})
	}
}

func TestRetriesAreBoundedByMaxAttempts(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	fake.Inject("EnableAWSServiceAccess", fakeorg.Throttle(), fakeorg.Throttle(), fakeorg.Throttle())
	s := newServer(t, fake, property.NewMap(map[string]property.Value{"maxAttempts": property.New(2.0)}))
	chk, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: inputs("macie.amazonaws.com")})
	require.NoError(t, err)
	_, err = s.Create(p.CreateRequest{Urn: urn("x"), Properties: chk.Inputs})
	require.ErrorContains(t, err, "TooManyRequestsException")
	assert.Equal(t, 2, fake.Calls("EnableAWSServiceAccess"))
}

func TestErrorsNameTheFix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		opts  fakeorg.Options
		setup func(*fakeorg.Server)
		want  []string
	}{
		{"not the management account", fakeorg.Options{CallerAccountID: "222222222222"}, nil,
			[]string{"management account", "organizations:ListAWSServiceAccessForOrganization"}},
		{"a delegated admin, not the management account", fakeorg.Options{CallerAccountID: "222222222222"},
			func(s *fakeorg.Server) {
				s.EnableOutOfBand("config.amazonaws.com")
				s.RegisterOutOfBand("config.amazonaws.com", "222222222222")
			},
			[]string{"management account", "organizations:EnableAWSServiceAccess"}},
		{"no organization", fakeorg.Options{NotInOrganization: true}, nil,
			[]string{"not a member of an organization", "create-organization"}},
		{"consolidated billing only", fakeorg.Options{FeatureSet: "CONSOLIDATED_BILLING"}, nil,
			[]string{"all features", "enable-all-features"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakeorg.New(tt.opts)
			t.Cleanup(fake.Close)
			if tt.setup != nil {
				tt.setup(fake)
			}
			s := newServer(t, fake)
			chk, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: inputs("guardduty.amazonaws.com")})
			require.NoError(t, err)
			_, err = s.Create(p.CreateRequest{Urn: urn("x"), Properties: chk.Inputs})
			for _, w := range tt.want {
				require.ErrorContains(t, err, w)
			}
		})
	}
}

// TestErrorHintsFollowTheReason: the hint comes from the error's Reason,
// whatever the organization's feature set; an error without a reason prints
// none.
func TestErrorHintsFollowTheReason(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		opts      fakeorg.Options
		principal string
		fault     *fakeorg.Fault
		want      []string
		notWant   []string
	}{
		{"unrecognized principal in an all-features organization", fakeorg.Options{},
			"guarduty.amazonaws.com", nil,
			[]string{"UNRECOGNIZED_SERVICE_PRINCIPAL", "does not recognize the service principal",
				"orgs_integrate_services_list"},
			[]string{"consolidated billing", "enable-all-features"}},
		{"unrecognized principal in a consolidated-billing organization",
			fakeorg.Options{FeatureSet: fakeorg.FeatureSetConsolidatedBilling},
			"guarduty.amazonaws.com", nil,
			[]string{"UNRECOGNIZED_SERVICE_PRINCIPAL", "does not recognize the service principal"},
			[]string{"consolidated billing", "enable-all-features"}},
		{"known principal in a consolidated-billing organization",
			fakeorg.Options{FeatureSet: fakeorg.FeatureSetConsolidatedBilling},
			"guardduty.amazonaws.com", nil,
			[]string{"ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", "enable-all-features"},
			[]string{"does not recognize"}},
		{"input error with another reason", fakeorg.Options{}, "guardduty.amazonaws.com",
			&fakeorg.Fault{Code: "InvalidInputException", Message: "bad", Reason: "INVALID_PATTERN"},
			[]string{"rejected the input (reason INVALID_PATTERN)"}, []string{"does not recognize"}},
		{"input error without a reason", fakeorg.Options{}, "guardduty.amazonaws.com",
			&fakeorg.Fault{Code: "InvalidInputException", Message: "bad"},
			[]string{"Organizations rejected the input: "}, []string{"(reason"}},
		{"constraint without a reason", fakeorg.Options{}, "guardduty.amazonaws.com",
			&fakeorg.Fault{Code: "ConstraintViolationException", Message: "limit"},
			[]string{"violated an Organizations constraint: "}, []string{"(reason"}},
		{"service-linked role denied", fakeorg.Options{}, "guardduty.amazonaws.com",
			&fakeorg.Fault{Code: "AccessDeniedForDependencyException", Message: "denied",
				Reason: "ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE"},
			[]string{"iam:CreateServiceLinkedRole"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fake := fakeorg.New(tt.opts)
			t.Cleanup(fake.Close)
			if tt.fault != nil {
				fake.Inject("EnableAWSServiceAccess", *tt.fault)
			}
			s := newServer(t, fake)
			in := inputs(tt.principal, "allowUnknownPrincipal", true)
			chk, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: in})
			require.NoError(t, err)
			require.Empty(t, chk.Failures)
			_, err = s.Create(p.CreateRequest{Urn: urn("x"), Properties: chk.Inputs})
			require.Error(t, err)
			for _, w := range tt.want {
				require.ErrorContains(t, err, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, err.Error(), w)
			}
			assert.Zero(t, fake.Calls("DescribeOrganization"), "the hint needs no guess about the organization")
		})
	}
}

// TestUnreachableEndpointFailsFast: an endpoint where nothing listens fails
// the first call at once, naming the endpoint, with the default retry
// settings (10 attempts, backoff up to 20 s). Retrying it, as the SDK does by
// default, took about two minutes. The bound is generous for a loaded
// machine: the failure itself takes milliseconds, and a single retry would
// already take up to 2 s.
func TestUnreachableEndpointFailsFast(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	endpoint := "http://" + l.Addr().String()
	require.NoError(t, l.Close()) // nothing listens there now

	prov, err := provider.New()
	require.NoError(t, err)
	s, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov))
	require.NoError(t, err)
	require.NoError(t, s.Configure(p.ConfigureRequest{Args: property.NewMap(map[string]property.Value{
		"endpoint": property.New(endpoint),
	})}))
	chk, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: inputs("guardduty.amazonaws.com")})
	require.NoError(t, err)
	start := time.Now()
	_, err = s.Create(p.CreateRequest{Urn: urn("x"), Properties: chk.Inputs})
	elapsed := time.Since(start)
	require.ErrorContains(t, err, "cannot connect to the Organizations endpoint "+endpoint)
	require.ErrorContains(t, err, "connection refused")
	require.ErrorContains(t, err, "endpoint and region settings")
	assert.NotContains(t, err.Error(), "exceeded maximum number of attempts")
	assert.Less(t, elapsed, 15*time.Second, "a refused connection is not retried")
}

func TestConstraintViolationPassesReason(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{})
	t.Cleanup(fake.Close)
	fake.Inject("EnableAWSServiceAccess", fakeorg.Fault{Status: 400, Code: "ConstraintViolationException",
		Message: "limit", Reason: "POLICY_NUMBER_LIMIT_EXCEEDED"})
	s := newServer(t, fake)
	chk, err := s.Check(p.CheckRequest{Urn: urn("x"), Inputs: inputs("guardduty.amazonaws.com")})
	require.NoError(t, err)
	_, err = s.Create(p.CreateRequest{Urn: urn("x"), Properties: chk.Inputs})
	require.ErrorContains(t, err, "POLICY_NUMBER_LIMIT_EXCEEDED")
}

// TestConcurrentCreatesAreSerialized creates many principals at once, as the
// engine does, against a fake that rejects overlapping writes: none overlap.
func TestConcurrentCreatesAreSerialized(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{WriteLatency: 2_000_000}) // 2ms per write
	t.Cleanup(fake.Close)
	s := newServer(t, fake, property.NewMap(map[string]property.Value{"maxAttempts": property.New(1.0)}))
	principals := samplePrincipals(t, 20)
	var wg sync.WaitGroup
	errs := make([]error, len(principals))
	for i, pr := range principals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chk, err := s.Check(p.CheckRequest{Urn: urn(pr), Inputs: inputs(pr)})
			if err == nil {
				_, err = s.Create(p.CreateRequest{Urn: urn(pr), Properties: chk.Inputs})
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, principals[i])
	}
	assert.Equal(t, len(principals), fake.Calls("EnableAWSServiceAccess"))
	assert.Zero(t, fake.ConcurrentModErrors())
}

// TestConcurrentReadsShareOneSweep reads many resources at once, as `pulumi
// refresh` does: one paginated list sweep answers them all.
func TestConcurrentReadsShareOneSweep(t *testing.T) {
	t.Parallel()
	fake := fakeorg.New(fakeorg.Options{PageSize: 5})
	t.Cleanup(fake.Close)
	principals := samplePrincipals(t, 20)
	for _, pr := range principals {
		fake.EnableOutOfBand(pr)
	}
	s := newServer(t, fake)
	var wg sync.WaitGroup
	for _, pr := range principals {
		wg.Add(1)
		go func() {
			defer wg.Done()
			read, err := s.Read(p.ReadRequest{ID: pr, Urn: urn(pr), Inputs: inputs(pr)})
			assert.NoError(t, err)
			assert.Equal(t, pr, read.ID)
		}()
	}
	wg.Wait()
	assert.Equal(t, 4, fake.Calls("ListAWSServiceAccessForOrganization"), "one sweep of 20 principals, 5 a page")
}

func TestCatalogFunctions(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	got, err := s.Invoke(p.InvokeRequest{Token: "orgtrust:index:getTrustedService",
		Args: property.NewMap(map[string]property.Value{"servicePrincipal": property.New("sso.amazonaws.com")})})
	require.NoError(t, err)
	assert.Equal(t, "sso", str(got.Return, "key"))
	assert.True(t, got.Return.Get("retainOnDelete").AsBool())

	_, err = s.Invoke(p.InvokeRequest{Token: "orgtrust:index:getTrustedService",
		Args: property.NewMap(map[string]property.Value{"key": property.New("guarduty")})})
	require.ErrorContains(t, err, `did you mean "guardduty"`)

	list, err := s.Invoke(p.InvokeRequest{Token: "orgtrust:index:listTrustedServices", Args: property.Map{}})
	require.NoError(t, err)
	assert.Greater(t, list.Return.Get("services").AsArray().Len(), 40)
}

// samplePrincipals returns n catalog principals that Organizations may enable.
func samplePrincipals(t testing.TB, n int) []string {
	t.Helper()
	var out []string
	for _, svc := range components.Services() {
		if svc.EnableVia != components.EnableViaServiceOnly {
			out = append(out, svc.Principals...)
		}
	}
	require.GreaterOrEqual(t, len(out), n, fmt.Sprintf("the catalog has only %d enableable principals", len(out)))
	return out[:n]
}
