package provider_test

import (
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider"
)

// TestConfigureChecksRegion checks the provider's region against the AWS
// Regions: one that does not exist fails Configure, at preview, with the
// nearest Region, instead of the first call failing on an endpoint host
// that does not resolve.
func TestConfigureChecksRegion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		region  string
		wantErr string
	}{
		{"eu-wset-1", `region "eu-wset-1" is not an AWS Region: did you mean "eu-west-1", Europe (Ireland)?`},
		{"us-east-7", `region "us-east-7" is not an AWS Region: did you mean "us-east-1", US East (N. Virginia)?`},
		{"moon-base-1", `region "moon-base-1" is not an AWS Region name: use names such as "us-east-1" or "eu-west-1"`},
		{"us-moon-1", `region "us-moon-1" is not a Region of any AWS partition: use a Region name such as "us-east-1"`},
		{"eu-west1", `region "eu-west1" is not an AWS Region name: did you mean "eu-west-1", Europe (Ireland)?`},
		{"us-east-1", ""},
		{"us-gov-west-1", ""},
		{"cn-northwest-1", ""},
		{"ap-southeast-6", ""},
	} {
		t.Run(tc.region, func(t *testing.T) {
			t.Parallel()
			prov, err := provider.New()
			require.NoError(t, err)
			s, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse("0.1.0"),
				integration.WithProvider(prov))
			require.NoError(t, err)
			err = s.Configure(p.ConfigureRequest{Args: property.NewMap(map[string]property.Value{
				"region": property.New(tc.region),
			})})
			if tc.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tc.wantErr)
		})
	}
}
