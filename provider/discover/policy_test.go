package discover_test

import (
	"context"
	"slices"
	"testing"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
)

// TestReadOnlyPolicyCoversDiscover checks that the read-only deployer policy
// of an organization with every catalog service, IAM Identity Center and
// Service Catalog allows every call discover makes: the calls are read from
// its client interfaces, so a new call without its action fails here.
func TestReadOnlyPolicyCoversDiscover(t *testing.T) {
	t.Parallel()
	var keys []string
	for _, s := range components.Services() {
		keys = append(keys, s.Key)
	}
	res, err := (&provider.GetDeployerPolicy{}).Invoke(context.Background(),
		infer.FunctionRequest[provider.GetDeployerPolicyArgs]{Input: provider.GetDeployerPolicyArgs{
			Services: keys, IdentityCenter: true, ServiceCatalog: true, ReadOnly: true,
		}})
	require.NoError(t, err)
	calls := discover.IAMActions()
	require.Contains(t, calls, "sso:ListAccountAssignmentsForPrincipal", "the calls come from the client interfaces")
	require.Greater(t, len(calls), 30)
	for _, call := range calls {
		if slices.Contains(discover.NoPermissionNeeded, call) {
			continue
		}
		assert.Contains(t, res.Output.Actions, call, "discover calls %s, which the read-only deployer policy does "+
			"not allow: add it to components/catalog/iam.go (DiscoverActions) or to the resource type's actions", call)
	}
}
