package provider

import (
	"fmt"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"
)

// TestAssumeRoleFailureNamesTheSettings: when the SDK cannot get credentials
// because STS refused the assumeRole settings, the error names what to check.
func TestAssumeRoleFailureNamesTheSettings(t *testing.T) {
	t.Parallel()
	sts := &smithy.OperationError{ServiceID: "STS", OperationName: "AssumeRole",
		Err: &smithy.GenericAPIError{Code: "AccessDenied", Message: "not authorized to perform sts:AssumeRole"}}
	err := &smithy.OperationError{ServiceID: "Organizations", OperationName: "EnableAWSServiceAccess",
		Err: fmt.Errorf("failed to sign request: failed to retrieve credentials: %w", sts)}
	got := explain("organizations:EnableAWSServiceAccess", err)
	require.ErrorContains(t, got, "getting credentials failed at STS AssumeRole")
	require.ErrorContains(t, got, "assumeRole.roleArn")
	require.ErrorContains(t, got, "assumeRole.externalId")
	require.ErrorIs(t, got, sts, "the STS error stays in the chain")
}
