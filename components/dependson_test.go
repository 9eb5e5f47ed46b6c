package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// componentWaits are the two ways a program waits for a component: its
// DependsOn option and its Ready output.
type componentWaits struct {
	after pulumi.ResourceOption
	ready pulumi.Input
}

// TestDependsOnAndReadyCoverEveryChild checks each component's DependsOn
// option and Ready output. A resource registered right after the component
// with that option, and one that takes Ready as an input, both depend directly
// on every custom resource the component created (providers aside), so they
// are created after all of them and deleted before any of them; the input
// itself carries every child, and Ready resolves to its documented value. The
// program runs many times: pulumi.DependsOn on the component itself misses
// children that the Go SDK has not yet recorded, and this must not.
func TestDependsOnAndReadyCoverEveryChild(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mocks    func() *mockRecorder
		register func(ctx *pulumi.Context) (componentWaits, error)
		// minChildren guards against a vacuous pass.
		minChildren int
		wantReady   any
	}{
		{
			name:  "OrgServiceIntegration",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (componentWaits, error) {
				c, err := NewOrgServiceIntegration(ctx, "comp", OrgServiceIntegrationArgs{
					Service: "guardduty", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
					Regions: []string{"us-east-1", "eu-west-1", "ap-southeast-2"},
				})
				if err != nil {
					return componentWaits{}, err
				}
				return componentWaits{c.DependsOn(), c.Ready}, nil
			},
			minChildren: 4,
			wantReady:   "guardduty.amazonaws.com",
		},
		{
			name:  "OrgIntegrations",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (componentWaits, error) {
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
					return componentWaits{}, err
				}
				return componentWaits{c.DependsOn(), c.Ready}, nil
			},
			minChildren: 7,
			wantReady: map[string]any{"securityhub": "securityhub.amazonaws.com",
				"config": "config.amazonaws.com", "guardduty": "guardduty.amazonaws.com"},
		},
		{
			name:  "IdentityCenterSetup",
			mocks: func() *mockRecorder { return newICMock(icDefaultOrg()).mockRecorder },
			register: func(ctx *pulumi.Context) (componentWaits, error) {
				c, err := NewIdentityCenterSetup(ctx, "comp", icApplicationArgs())
				if err != nil {
					return componentWaits{}, err
				}
				return componentWaits{c.DependsOn(), c.Ready}, nil
			},
			minChildren: 40,
			wantReady:   icTestInstanceArn,
		},
		{
			name:  "ServiceCatalogSharing",
			mocks: func() *mockRecorder { return newMocks() },
			register: func(ctx *pulumi.Context) (componentWaits, error) {
				c, err := NewServiceCatalogSharing(ctx, "comp", scFullArgs())
				if err != nil {
					return componentWaits{}, err
				}
				return componentWaits{c.DependsOn(), c.Ready}, nil
			},
			minChildren: 4,
			wantReady:   serviceCatalogPrincipal,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for range 20 {
				m := tt.mocks()
				require.NoError(t, m.run(func(ctx *pulumi.Context) error {
					waits, err := tt.register(ctx)
					if err != nil {
						return err
					}
					_, err = NewTrustedServiceAccess(ctx, "dependent", TrustedServiceAccessArgs{
						ServicePrincipal: "malware-protection.guardduty.amazonaws.com",
					}, waits.after)
					if err != nil {
						return err
					}
					var gated pulumi.CustomResourceState
					return ctx.RegisterResource("test:index:Dependent", "gated", pulumi.Map{"gate": waits.ready}, &gated)
				}))
				comp, dependent, gated := m.Find(t, "comp"), m.Find(t, "dependent"), m.Find(t, "gated")
				require.Equal(t, tt.wantReady, gated.Inputs["gate"].Mappable())
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
					requireDependsOn(t, gated, c)
					require.Contains(t, gated.PropertyDependencies["gate"], c.URN)
				}
			}
		})
	}
}
