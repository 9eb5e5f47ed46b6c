package components

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/require"
)

// TestOrgServiceIntegrationNativeEnableWithoutAdmin checks that the services
// AWS says to enable only through their own API, and that pulumi-aws v6 has no
// resource for, are enabled through the orgtrust provider's own resource
// without force and without a delegated administrator.
func TestOrgServiceIntegrationNativeEnableWithoutAdmin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		service, token string
	}{
		{"stacksets", StackSetsOrganizationsAccessToken},
		{"notifications", NotificationsOrganizationsAccessToken},
	}
	for _, tt := range tests {
		t.Run(tt.service, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			err := m.run(func(ctx *pulumi.Context) error {
				c, err := NewOrgServiceIntegration(ctx, "x", OrgServiceIntegrationArgs{Service: tt.service})
				if err != nil {
					return err
				}
				require.NotNil(t, c.Access)
				require.Empty(t, c.DelegatedAdmins)
				return nil
			})
			require.NoError(t, err)
			children := m.Children(m.Find(t, "x"))
			require.Len(t, children, 1, "children: %v", m.Names())
			requireChild(t, wantChild{tt.token, "x-access", map[string]any{}}, children[0])
		})
	}
}
