package provider_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
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
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

const provisioningUser = "9067220000-8c1d1d2a-6b0c-4c7e-9d8e-000000000001"

// provisioningServer is the provider configured against an Identity Center
// fake whose permission set 1 is assigned in two accounts.
func provisioningServer(t *testing.T, latency time.Duration) (integration.Server, *fakesso.Server) {
	t.Helper()
	fake := fakesso.New(fakesso.Options{Users: []string{provisioningUser},
		Accounts: []string{"200000000001", "200000000002"}, Latency: latency, RequestsPerSecond: 200})
	t.Cleanup(fake.Close)
	for _, acct := range []string{"200000000001", "200000000002"} {
		fake.Put(fakesso.Assignment{PermissionSetArn: fake.PermissionSetArn(1), PrincipalType: "USER",
			PrincipalID: provisioningUser, AccountID: acct})
	}
	prov, err := provider.New()
	require.NoError(t, err)
	s, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
		integration.WithProvider(prov))
	require.NoError(t, err)
	require.NoError(t, s.Configure(p.ConfigureRequest{Args: property.NewMap(map[string]property.Value{
		"identityCenterEndpoint":          property.New(fake.URL()),
		"identityCenterRequestsPerSecond": property.New(200.0),
		"maxAttempts":                     property.New(8.0),
		"maxBackoffSeconds":               property.New(1.0),
	})}))
	return s, fake
}

func provisioningURN() presource.URN {
	return presource.NewURN("test", "orgtrust", "", tokens.Type(components.PermissionSetProvisioningToken), "ps")
}

func provisioningInputs(instance, ps, revision string) property.Map {
	return property.NewMap(map[string]property.Value{
		"instanceArn": property.New(instance), "permissionSetArn": property.New(ps), "revision": property.New(revision),
	})
}

func TestPermissionSetProvisioningCheck(t *testing.T) {
	t.Parallel()
	s, fake := provisioningServer(t, 0)
	for _, tc := range []struct {
		name, instance, ps, want string
	}{
		{"bad instance", "ssoins-1111111111111111", fake.PermissionSetArn(1), `instanceArn "ssoins-1111111111111111" is not an IAM Identity Center instance ARN`},
		{"bad permission set", fake.InstanceArn(), "ps-1", `permissionSetArn "ps-1" is not a permission set ARN`},
		{"another instance", fake.InstanceArn(), "arn:aws:sso:::permissionSet/ssoins-2222222222222222/ps-0000000000000001",
			"is a permission set of instance ssoins-2222222222222222, not of instanceArn's ssoins-1111111111111111"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chk, err := s.Check(p.CheckRequest{Urn: provisioningURN(), Inputs: provisioningInputs(tc.instance, tc.ps, "r1")})
			require.NoError(t, err)
			require.Len(t, chk.Failures, 1)
			assert.Contains(t, chk.Failures[0].Reason, tc.want)
		})
	}
	assert.Zero(t, fake.Calls(fakesso.AnyOp), "checks make no call")
}

// TestPermissionSetProvisioningLifecycle drives the resource through create,
// a revision change, an out-of-band change found by refresh, and a failed
// provisioning that the next update retries.
func TestPermissionSetProvisioningLifecycle(t *testing.T) {
	t.Parallel()
	s, fake := provisioningServer(t, 50*time.Millisecond)
	ps := fake.PermissionSetArn(1)
	in := provisioningInputs(fake.InstanceArn(), ps, "r1")

	// Preview writes nothing.
	dry, err := s.Create(p.CreateRequest{Urn: provisioningURN(), Properties: in, DryRun: true})
	require.NoError(t, err)
	assert.Equal(t, ps, dry.ID)
	assert.Empty(t, fake.Writes())

	// Nothing is outdated (a permission set adopted while current, or a new
	// one its attachments provisioned): create records it without a write.
	current, err := s.Create(p.CreateRequest{Urn: provisioningURN(), Properties: in})
	require.NoError(t, err)
	assert.Equal(t, ps, current.ID)
	assert.Empty(t, fake.Writes(), "a current permission set is recorded without provisioning")

	// A policy changed the permission set: create provisions it, and waits.
	fake.ChangePermissionSet(ps)
	require.Equal(t, []string{"200000000001", "200000000002"}, fake.Outdated(ps))
	created, err := s.Create(p.CreateRequest{Urn: provisioningURN(), Properties: in})
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps), "create returns once the provisioning succeeded")
	assert.Equal(t, []string{"ProvisionPermissionSet " + ps}, fake.Writes())
	assert.Equal(t, property.New([]property.Value{}), created.Properties.Get("outdatedAccountIds"))

	// A new revision provisions again.
	fake.ChangePermissionSet(ps)
	next := provisioningInputs(fake.InstanceArn(), ps, "r2")
	diff, err := s.Diff(p.DiffRequest{Urn: provisioningURN(), ID: ps, State: created.Properties, Inputs: next})
	require.NoError(t, err)
	assert.True(t, diff.HasChanges)
	assert.False(t, diff.DeleteBeforeReplace)
	for k, d := range diff.DetailedDiff {
		assert.Equal(t, "revision", k)
		assert.Equal(t, p.Update, d.Kind, "a new revision updates, never replaces")
	}
	updated, err := s.Update(p.UpdateRequest{Urn: provisioningURN(), ID: ps, State: created.Properties, Inputs: next})
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps))
	assert.Len(t, fake.Writes(), 2)

	// Refresh: an out-of-band change outdates both accounts; the recorded
	// revision is marked, so the program's revision differs and the next up
	// provisions.
	fake.ChangePermissionSet(ps)
	read, err := s.Read(p.ReadRequest{Urn: provisioningURN(), ID: ps, Properties: updated.Properties, Inputs: next})
	require.NoError(t, err)
	assert.Equal(t, property.New([]property.Value{property.New("200000000001"), property.New("200000000002")}),
		read.Properties.Get("outdatedAccountIds"))
	assert.Equal(t, "r2 (outdated)", read.Inputs.Get("revision").AsString())
	diff, err = s.Diff(p.DiffRequest{Urn: provisioningURN(), ID: ps, State: read.Properties, OldInputs: read.Inputs, Inputs: next})
	require.NoError(t, err)
	assert.True(t, diff.HasChanges, "the next up provisions the outdated accounts")

	// A failed provisioning fails the update with AWS's reason and leaves the
	// accounts outdated; once fixed, the next update provisions.
	fake.FailProvisioning(ps, "Received a 404 status error: Not supported policy arn:aws:iam::200000000002:policy/DeveloperGuardrails.")
	_, err = s.Update(p.UpdateRequest{Urn: provisioningURN(), ID: ps, State: read.Properties, OldInputs: read.Inputs, Inputs: next})
	require.ErrorContains(t, err, "Not supported policy arn:aws:iam::200000000002:policy/DeveloperGuardrails")
	require.ErrorContains(t, err, "the next `pulumi up` provisions again")
	assert.Len(t, fake.Outdated(ps), 2)
	fake.FailProvisioning(ps, "")
	_, err = s.Update(p.UpdateRequest{Urn: provisioningURN(), ID: ps, State: read.Properties, OldInputs: read.Inputs, Inputs: next})
	require.NoError(t, err)
	assert.Empty(t, fake.Outdated(ps))

	// Delete calls nothing.
	before := fake.Calls(fakesso.AnyOp)
	require.NoError(t, s.Delete(p.DeleteRequest{Urn: provisioningURN(), ID: ps, Properties: updated.Properties}))
	assert.Equal(t, before, fake.Calls(fakesso.AnyOp))
}

// TestPermissionSetProvisioningWaitsOutAConflict starts a provisioning of the
// same permission set out of band: the resource's first attempt conflicts,
// and the SDK's retryer retries until it succeeds.
func TestPermissionSetProvisioningWaitsOutAConflict(t *testing.T) {
	t.Parallel()
	s, fake := provisioningServer(t, 400*time.Millisecond)
	ps := fake.PermissionSetArn(1)
	sso := ssoadmin.NewFromConfig(aws.Config{Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIDFAKE", "SECRETFAKE", "")},
		func(o *ssoadmin.Options) { o.BaseEndpoint = aws.String(fake.URL()) })
	_, err := sso.ProvisionPermissionSet(context.Background(), &ssoadmin.ProvisionPermissionSetInput{
		InstanceArn: aws.String(fake.InstanceArn()), PermissionSetArn: aws.String(ps),
		TargetType: ssotypes.ProvisionTargetTypeAllProvisionedAccounts,
	})
	require.NoError(t, err)
	fake.ChangePermissionSet(ps)
	_, err = s.Create(p.CreateRequest{Urn: provisioningURN(), Properties: provisioningInputs(fake.InstanceArn(), ps, "r1")})
	require.NoError(t, err)
	assert.Greater(t, fake.Calls(fakesso.OpProvisionPermissionSet), 2, "the conflicting attempt was retried")
	assert.Empty(t, fake.Outdated(ps))
}

// TestPermissionSetProvisioningImport imports by permission set ARN: the
// instance comes from the ARN, an existing permission set is read with its
// outdated accounts, and one that AWS does not find, or an ID that is not a
// permission set ARN, fails instead of recording an empty resource.
func TestPermissionSetProvisioningImport(t *testing.T) {
	t.Parallel()
	s, fake := provisioningServer(t, 50*time.Millisecond)
	ps := fake.PermissionSetArn(1)
	fake.ChangePermissionSet(ps)

	read, err := s.Read(p.ReadRequest{Urn: provisioningURN(), ID: ps})
	require.NoError(t, err)
	assert.Equal(t, ps, read.ID)
	assert.Equal(t, fake.InstanceArn(), read.Inputs.Get("instanceArn").AsString(), "the instance comes from the ARN")
	assert.Equal(t, property.New([]property.Value{property.New("200000000001"), property.New("200000000002")}),
		read.Properties.Get("outdatedAccountIds"))
	assert.Empty(t, fake.Writes(), "import writes nothing")

	// A permission set of an instance that does not exist: AWS answers
	// ResourceNotFoundException, as for a permission set that does not.
	missing := "arn:aws:sso:::permissionSet/ssoins-ffffffffffffffff/ps-0000000000000001"
	_, err = s.Read(p.ReadRequest{Urn: provisioningURN(), ID: missing})
	require.ErrorContains(t, err, "permission set "+missing+" does not exist; there is nothing to import")
	_, err = s.Read(p.ReadRequest{Urn: provisioningURN(), ID: "ps-0000000000000001"})
	require.ErrorContains(t, err, `"ps-0000000000000001" is not a permission set ARN`)
}
