package provider

import (
	"context"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAcceptNumericAccountIDs(t *testing.T) {
	t.Parallel()
	n := func(f float64) property.Value { return property.New(f) }
	s := func(v string) property.Value { return property.New(v) }
	obj := func(m map[string]property.Value) property.Value { return property.New(property.NewMap(m)) }
	arr := func(vs ...property.Value) property.Value { return property.New(property.NewArray(vs)) }
	tests := []struct {
		name     string
		in, want map[string]property.Value
	}{
		{"a 12-digit number becomes its digits",
			map[string]property.Value{"delegatedAdminAccountId": n(222233334444)},
			map[string]property.Value{"delegatedAdminAccountId": s("222233334444")}},
		{"leading zeros lost by a YAML literal come back",
			map[string]property.Value{"managementAccountId": n(11122223333)},
			map[string]property.Value{"managementAccountId": s("011122223333")}},
		{"a number that is no account ID is written as it is, for validation to reject",
			map[string]property.Value{"delegatedAdminAccountId": n(1234567890123), "managementAccountId": n(12.5)},
			map[string]property.Value{"delegatedAdminAccountId": s("1234567890123"), "managementAccountId": s("12.5")}},
		{"lists of account IDs, nested in objects",
			map[string]property.Value{"assignments": arr(obj(map[string]property.Value{
				"accountIds": arr(n(111122223333), s("222233334444")), "excludeAccountIds": arr(n(333344445555)),
				"permissionSet": s("Admin")}))},
			map[string]property.Value{"assignments": arr(obj(map[string]property.Value{
				"accountIds": arr(s("111122223333"), s("222233334444")), "excludeAccountIds": arr(s("333344445555")),
				"permissionSet": s("Admin")}))}},
		{"the id of an account share, not of other shares or fields",
			map[string]property.Value{"shares": arr(
				obj(map[string]property.Value{"type": s("ACCOUNT"), "id": n(444455556666)}),
				obj(map[string]property.Value{"type": s("ORGANIZATION_MEMBER_ACCOUNT"), "id": n(555566667777)}),
				obj(map[string]property.Value{"type": s("ORGANIZATIONAL_UNIT"), "id": n(7)})),
				"maxItems": n(3)},
			map[string]property.Value{"shares": arr(
				obj(map[string]property.Value{"type": s("ACCOUNT"), "id": s("444455556666")}),
				obj(map[string]property.Value{"type": s("ORGANIZATION_MEMBER_ACCOUNT"), "id": s("555566667777")}),
				obj(map[string]property.Value{"type": s("ORGANIZATIONAL_UNIT"), "id": n(7)})),
				"maxItems": n(3)}},
		{"secrets stay secret",
			map[string]property.Value{"delegatedAdminAccountId": n(222233334444).WithSecret(true)},
			map[string]property.Value{"delegatedAdminAccountId": s("222233334444").WithSecret(true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got property.Map
			construct := acceptNumericAccountIDs(func(_ context.Context, req p.ConstructRequest) (p.ConstructResponse, error) {
				got = req.Inputs
				return p.ConstructResponse{}, nil
			})
			_, err := construct(t.Context(), p.ConstructRequest{Inputs: property.NewMap(tt.in)})
			require.NoError(t, err)
			assert.Equal(t, property.NewMap(tt.want), got)
		})
	}
}
