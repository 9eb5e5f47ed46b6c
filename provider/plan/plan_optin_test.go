package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// TestPlanOptInRegions: an integration in an opt-in Region makes the plan
// simulate the lookup of the enabled Regions; with fixtures that leave the
// Region out, the plan fails at the integration's regions key, as `pulumi
// preview` would; without enabledRegions in the fixtures, every Region
// counts as enabled, and the plan says the answer was made up.
func TestPlanOptInRegions(t *testing.T) {
	t.Parallel()
	config := "config:\n  aws:region: us-east-1\n  orgtrust-baseline:managementAccountId: \"111111111111\"\n" +
		"  orgtrust-baseline:integrations:\n" +
		"    - {service: guardduty, delegatedAdminAccountId: \"222222222222\", regions: [us-east-1, me-central-1]}\n"
	for _, tc := range []struct {
		name, fixtures string
		wantErr        string
		wantLookup     string
		wantSource     plan.Source
	}{
		{name: "not enabled", fixtures: "enabledRegions: [us-east-1, eu-west-1]\n",
			wantErr: `orgtrust-baseline:integrations[0].regions: "me-central-1", Middle East (UAE), is an opt-in ` +
				`Region that the account deploying this program has not enabled`},
		{name: "enabled", fixtures: "enabledRegions: [us-east-1, me-central-1]\n",
			wantLookup: "2 enabled Regions, opt-in ones among them: me-central-1", wantSource: plan.FromFixture},
		{name: "no fixture: taken as enabled", fixtures: "{}\n", wantLookup: "opt-in ones among them: af-south-1",
			wantSource: plan.MadeUp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			stackFile, fxFile := filepath.Join(dir, "Pulumi.t.yaml"), filepath.Join(dir, "fx.yaml")
			require.NoError(t, os.WriteFile(stackFile, []byte(config), 0o644))
			require.NoError(t, os.WriteFile(fxFile, []byte(tc.fixtures), 0o644))
			p, err := plan.Run(plan.Options{StackConfig: stackFile, Fixtures: fxFile})
			require.NoError(t, err)
			if tc.wantErr != "" {
				assert.Contains(t, strings.Join(p.Errors, "\n"), tc.wantErr)
				assert.Zero(t, p.Registered)
				return
			}
			require.Empty(t, p.Errors)
			var lookups []plan.Lookup
			for _, l := range p.Lookups {
				if l.Token == "aws:index/getRegions:getRegions" {
					lookups = append(lookups, l)
				}
			}
			require.Len(t, lookups, 1, "one lookup of the enabled Regions")
			assert.Contains(t, lookups[0].Answer, tc.wantLookup)
			assert.Equal(t, tc.wantSource, lookups[0].Source)
		})
	}
}
