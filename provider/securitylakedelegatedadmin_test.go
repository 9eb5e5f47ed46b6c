package provider_test

import (
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// TestSecurityLakeDelegatedAdminCheck rejects a malformed account ID at
// preview, for programs in languages other than Go, whose SDKs call Check.
func TestSecurityLakeDelegatedAdminCheck(t *testing.T) {
	t.Parallel()
	s := newServer(t, nil)
	urn := presource.NewURN("test", "orgtrust", "", components.SecurityLakeDelegatedAdminToken, "lake")
	tests := []struct {
		account string
		fails   bool
	}{
		{"222222222222", false},
		{"2222", true},
		{"arn:aws:iam::222222222222:root", true},
	}
	for _, tt := range tests {
		t.Run(tt.account, func(t *testing.T) {
			resp, err := s.Check(p.CheckRequest{Urn: urn, Inputs: property.NewMap(map[string]property.Value{
				"accountId": property.New(tt.account),
			})})
			require.NoError(t, err)
			if !tt.fails {
				assert.Empty(t, resp.Failures)
				return
			}
			require.Len(t, resp.Failures, 1)
			assert.Equal(t, "accountId", resp.Failures[0].Property)
			assert.Contains(t, resp.Failures[0].Reason, `accountId "`+tt.account+`" is not an AWS account ID`)
		})
	}
}
