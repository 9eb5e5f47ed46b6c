package tests

import (
	"os"
	"testing"

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
// Pick a principal that is not enabled yet: the test disables it at the end.
func TestAccTrustedServiceAccess(t *testing.T) {
	principal := os.Getenv("ORGTRUST_ACC_PRINCIPAL")
	if principal == "" {
		t.Skip("acceptance test: set ORGTRUST_ACC_PRINCIPAL to a principal that is not enabled, " +
			"with AWS credentials of a management account, to run it")
	}
	if os.Getenv("AWS_ACCESS_KEY_ID") == "" && os.Getenv("AWS_PROFILE") == "" {
		t.Skip("acceptance test: no AWS credentials (AWS_ACCESS_KEY_ID or AWS_PROFILE)")
	}
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
}
