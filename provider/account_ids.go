package provider

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

// Pulumi YAML sends a digits-only configuration value as a number
// (pulumi/pulumi-yaml#577): after `pulumi config set auditAccountId
// 222233334444`, `delegatedAdminAccountId: ${auditAccountId}` reaches the
// provider as the number 222233334444, and decoding it into the components'
// string inputs would fail with "expected a string, got a number".
//
// acceptNumericAccountIDs wraps construct so that every account-ID input of a
// component (a field named accountId, ...AccountId or ...AccountIds, and the
// id of an account share) that arrives as a number is turned back into the
// string the user wrote. AWS account IDs are exactly 12 digits and float64
// holds every 12-digit integer exactly, so an integer in [0, 10^12) is written
// with 12 digits, restoring leading zeros that a YAML literal such as
// 011122223333 loses; any other number is written as it is, for the
// component's validation to reject with the value in its error.
func acceptNumericAccountIDs(
	construct func(context.Context, p.ConstructRequest) (p.ConstructResponse, error),
) func(context.Context, p.ConstructRequest) (p.ConstructResponse, error) {
	return func(ctx context.Context, req p.ConstructRequest) (p.ConstructResponse, error) {
		req.Inputs = accountIDsAsStrings(property.New(req.Inputs), false).AsMap()
		return construct(ctx, req)
	}
}

// accountIDsAsStrings returns v with its numeric account IDs as strings;
// isAccountID says whether v itself holds account IDs.
func accountIDsAsStrings(v property.Value, isAccountID bool) property.Value {
	switch {
	case v.IsNumber() && isAccountID:
		return property.New(accountIDString(v.AsNumber())).
			WithSecret(v.Secret()).WithDependencies(v.Dependencies())
	case v.IsArray():
		elems := v.AsArray().AsSlice()
		out := make([]property.Value, len(elems))
		for i, e := range elems {
			out[i] = accountIDsAsStrings(e, isAccountID)
		}
		return property.New(property.NewArray(out)).WithSecret(v.Secret()).WithDependencies(v.Dependencies())
	case v.IsMap():
		m := v.AsMap()
		accountShare := false
		if t, ok := m.GetOk("type"); ok && t.IsString() {
			accountShare = t.AsString() == "ACCOUNT" || t.AsString() == "ORGANIZATION_MEMBER_ACCOUNT"
		}
		out := make(map[string]property.Value, m.Len())
		for k, e := range m.All {
			out[k] = accountIDsAsStrings(e, isAccountIDKey(k) || (accountShare && k == "id"))
		}
		return property.New(property.NewMap(out)).WithSecret(v.Secret()).WithDependencies(v.Dependencies())
	}
	return v
}

func isAccountIDKey(k string) bool {
	return k == "accountId" || k == "accountIds" || strings.HasSuffix(k, "AccountId") || strings.HasSuffix(k, "AccountIds")
}

func accountIDString(n float64) string {
	if n >= 0 && n < 1e12 && n == math.Trunc(n) {
		return fmt.Sprintf("%012d", int64(n))
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}
