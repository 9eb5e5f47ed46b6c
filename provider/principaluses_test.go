package provider

import (
	"testing"

	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/stretchr/testify/assert"
)

func TestPrincipalUses(t *testing.T) {
	t.Parallel()
	urn := func(name string) presource.URN {
		return presource.NewURN("stack", "project", "", tokens.Type("orgtrust:index:TrustedServiceAccess"), name)
	}
	var u principalUses
	_, dup := u.use("guardduty.amazonaws.com", urn("a"))
	assert.False(t, dup, "the first resource")
	_, dup = u.use("guardduty.amazonaws.com", urn("a"))
	assert.False(t, dup, "the same resource checked again (a replacement keeps its URN)")
	other, dup := u.use("guardduty.amazonaws.com", urn("b"))
	assert.True(t, dup, "a second resource with the same principal")
	assert.Equal(t, urn("a"), other)
	_, dup = u.use("macie.amazonaws.com", urn("c"))
	assert.False(t, dup, "another principal")

	// A resource that moves to another principal frees its old one.
	_, dup = u.use("config.amazonaws.com", urn("c"))
	assert.False(t, dup)
	_, dup = u.use("macie.amazonaws.com", urn("d"))
	assert.False(t, dup, "macie is no longer used by c")
}
