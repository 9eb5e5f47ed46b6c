package tests

import (
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// TestAccTrustedServiceAccess enables, refreshes and disables one principal in
// a real organization. It needs credentials of a management account and an
// explicit opt-in, because it changes the organization:
//
//	ORGTRUST_ACC_PRINCIPAL=reporting.trustedadvisor.amazonaws.com go test ./tests/ -run TestAcc
//
// The principal must not be enabled yet (the test checks): it disables it at
// the end.
func TestAccTrustedServiceAccess(t *testing.T) {
	principal := os.Getenv("ORGTRUST_ACC_PRINCIPAL")
	if principal == "" {
		t.Skip("acceptance test: set ORGTRUST_ACC_PRINCIPAL to a principal that is not enabled, " +
			"with AWS credentials of a management account, to run it")
	}
	if os.Getenv("AWS_ACCESS_KEY_ID") == "" && os.Getenv("AWS_PROFILE") == "" {
		t.Skip("acceptance test: no AWS credentials (AWS_ACCESS_KEY_ID or AWS_PROFILE)")
	}
	// The test disables the principal at the end: refuse one that is in use.
	require.False(t, accEnabled(t, principal), "%s is already enabled in this organization, and the test would "+
		"disable it at the end: set ORGTRUST_ACC_PRINCIPAL to a principal that is not enabled", principal)
	stack := engine.NewStack(t, enableAll([]string{principal}), engine.Options{})

	up, err := stack.Up()
	require.NoError(t, err)
	assert.Equal(t, []string{principal}, up.Names(apitype.OpCreate, tsaType))
	ref, err := stack.Refresh()
	require.NoError(t, err)
	assert.False(t, ref.HasChanges(), "refresh right after up finds no drift: %v", ref.Changes)
	down, err := stack.Destroy()
	require.NoError(t, err)
	assert.Equal(t, []string{principal}, down.Names(apitype.OpDelete, tsaType))
	assert.False(t, accEnabled(t, principal), "destroy disables %s", principal)
}

// accEnabled reads, with the caller's credentials, whether principal has
// trusted access in the organization.
func accEnabled(t *testing.T, principal string) bool {
	t.Helper()
	cfg, err := awsconfig.LoadDefaultConfig(t.Context())
	require.NoError(t, err)
	pages := organizations.NewListAWSServiceAccessForOrganizationPaginator(organizations.NewFromConfig(cfg),
		&organizations.ListAWSServiceAccessForOrganizationInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(t.Context())
		require.NoError(t, err, "listing the organization's trusted-access principals")
		for _, e := range page.EnabledServicePrincipals {
			if aws.ToString(e.ServicePrincipal) == principal {
				return true
			}
		}
	}
	return false
}
