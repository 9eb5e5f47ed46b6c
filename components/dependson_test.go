package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// TestDependsOnNamesEveryChild checks each component's DependsOn option: a
// resource registered right after the component, with that option, depends
// directly on every custom resource the component created (providers aside),
// so it is created after all of them and deleted before any of them. The
// program runs many times: pulumi.DependsOn on the component itself misses
// children that the Go SDK has not yet recorded, and this must not.
func TestDependsOnNamesEveryChild(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mocks    func() *mockRecorder
		register func(ctx *pulumi.Context) (pulumi.ResourceOption, error)
		// minChildren guards against a vacuous pass.
		minChildren int
	}{
		{
			name:  "OrgServiceIntegration",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (pulumi.ResourceOption, error) {
				c, err := NewOrgServiceIntegration(ctx, "comp", OrgServiceIntegrationArgs{
					Service: "guardduty", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
					Regions: []string{"us-east-1", "eu-west-1", "ap-southeast-2"},
				})
				if err != nil {
					return nil, err
				}
				return c.DependsOn(), nil
			},
			minChildren: 4,
		},
		{
			name:  "OrgIntegrations",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (pulumi.ResourceOption, error) {
				specs := []OrgIntegrationSpec{
					{Name: "securityhub", Args: OrgServiceIntegrationArgs{Service: "securityhub", Regions: []string{"us-east-1"}}},
					{Name: "config", Args: OrgServiceIntegrationArgs{Service: "config"}},
					{Name: "guardduty", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
				}
				for i := range specs {
					specs[i].Args.DelegatedAdminAccountID = auditAccount
					specs[i].Args.ManagementAccountID = mgmtAccount
				}
				c, err := NewOrgIntegrations(ctx, "comp", OrgIntegrationsArgs{Integrations: specs})
				if err != nil {
					return nil, err
				}
				return c.DependsOn(), nil
			},
			minChildren: 7,
		},
		{
			name:  "IdentityCenterSetup",
			mocks: func() *mockRecorder { return newICMock(icDefaultOrg()).mockRecorder },
			register: func(ctx *pulumi.Context) (pulumi.ResourceOption, error) {
				c, err := NewIdentityCenterSetup(ctx, "comp", icFullArgs())
				if err != nil {
					return nil, err
				}
				return c.DependsOn(), nil
			},
			minChildren: 10,
		},
		{
			name:  "ServiceCatalogSharing",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (pulumi.ResourceOption, error) {
				c, err := NewServiceCatalogSharing(ctx, "comp", scFullArgs())
				if err != nil {
					return nil, err
				}
				return c.DependsOn(), nil
			},
			minChildren: 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for range 20 {
				m := tt.mocks()
				require.NoError(t, m.run(func(ctx *pulumi.Context) error {
					after, err := tt.register(ctx)
					if err != nil {
						return err
					}
					_, err = NewTrustedServiceAccess(ctx, "dependent", TrustedServiceAccessArgs{
						ServicePrincipal: "malware-protection.guardduty.amazonaws.com",
					}, after)
					return err
				}))
				comp, dependent := m.Find(t, "comp"), m.Find(t, "dependent")
				descendants := map[string]bool{comp.URN: true}
				var children []recordedResource
				// Registrations arrive parent first, so one pass in order finds
				// every descendant.
				for _, r := range m.Resources() {
					if !descendants[r.Parent] {
						continue
					}
					descendants[r.URN] = true
					if r.Custom && r.Type != "pulumi:providers:aws" {
						children = append(children, r)
					}
				}
				require.GreaterOrEqual(t, len(children), tt.minChildren, "children: %v", m.Names())
				for _, c := range children {
					requireDependsOn(t, dependent, c)
				}
			}
		})
	}
}
