package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOptInRegionsMustBeEnabled: an integration that lists an opt-in Region
// looks up the Regions the deploying account has enabled, and one it has not
// enabled fails before anything is registered, at its field, with the fix;
// Regions enabled by default look nothing up. OrgIntegrations looks them up
// once for every integration.
func TestOptInRegionsMustBeEnabled(t *testing.T) {
	t.Parallel()
	byDefault := []string{"eu-west-1", "us-east-1", "us-west-2"}
	gd := func(regions ...string) OrgServiceIntegrationArgs {
		return OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount,
			ManagementAccountID: mgmtAccount, Regions: regions}
	}
	single := func(args OrgServiceIntegrationArgs) pulumi.RunFunc {
		return func(ctx *pulumi.Context) error {
			_, err := NewOrgServiceIntegration(ctx, "gd", args)
			return err
		}
	}
	set := func(specs ...OrgIntegrationSpec) pulumi.RunFunc {
		return func(ctx *pulumi.Context) error {
			_, err := NewOrgIntegrations(ctx, "set", OrgIntegrationsArgs{Integrations: specs})
			return err
		}
	}
	tests := []struct {
		name    string
		program pulumi.RunFunc
		enabled []string
		denied  bool
		// lookups is how many times getRegions is called.
		lookups int
		wantErr []string
		notWant []string
	}{
		{name: "Regions enabled by default: no lookup", program: single(gd("us-east-1", "eu-west-1")),
			enabled: byDefault, lookups: 0},
		{name: "an opt-in Region the account enabled", program: single(gd("us-east-1", "me-central-1")),
			enabled: append([]string{"me-central-1"}, byDefault...), lookups: 1},
		{name: "an opt-in Region the account did not enable", program: single(gd("us-east-1", "me-central-1",
			"af-south-1")), enabled: append([]string{"af-south-1"}, byDefault...), lookups: 1,
			wantErr: []string{`regions: "me-central-1", Middle East (UAE), is an opt-in Region ` +
				`that the account deploying this program has not enabled, so designating the delegated ` +
				`administrator there fails: enable it first`, "aws account enable-region --region-name me-central-1",
				"or remove it from regions"}, notWant: []string{"af-south-1"}},
		{name: "the lookup is denied", program: single(gd("ap-east-1")), denied: true, lookups: 1,
			wantErr: []string{"looking up the Regions the account has enabled, to check the opt-in Regions " +
				"ap-east-1 (the deployer needs ec2:DescribeRegions): ", "UnauthorizedOperation"}},
		{name: "a set: one lookup, each error at its integration", program: set(
			OrgIntegrationSpec{Name: "guardduty", Args: gd("us-east-1", "eu-south-1")},
			OrgIntegrationSpec{Name: "securityhub", Args: OrgServiceIntegrationArgs{Service: "securityhub",
				DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
				Regions: []string{"il-central-1", "us-east-1"}}},
		), enabled: byDefault, lookups: 1, wantErr: []string{
			`integrations[0].args.regions: "eu-south-1", Europe (Milan), is an opt-in Region`,
			`integrations[1].args.regions: "il-central-1", Israel (Tel Aviv), is an opt-in Region`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			org := icDefaultOrg()
			org.enabledRegions, org.regionsDenied = tt.enabled, tt.denied
			m := newICMock(org)
			err := m.run(tt.program)
			assert.Equal(t, tt.lookups, m.count(getRegionsToken))
			if len(tt.wantErr) == 0 {
				require.NoError(t, err)
				assert.NotEmpty(t, m.Resources())
				return
			}
			for _, w := range tt.wantErr {
				require.ErrorContains(t, err, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, err.Error(), w, "an enabled opt-in Region is accepted")
			}
			assert.Empty(t, m.Resources(), "nothing is registered")
		})
	}
}
