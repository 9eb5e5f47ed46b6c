package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLevenshtein(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"sso.amazonaws.com", "sso.amazonaws.com", 0},
		{"sso.amazonaws.con", "sso.amazonaws.com", 1},
		{"héllo", "hello", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, levenshtein(tt.a, tt.b))
			assert.Equal(t, tt.want, levenshtein(tt.b, tt.a))
		})
	}
}

func TestNearest(t *testing.T) {
	t.Parallel()
	candidates := []string{"identityCenter", "integrations", "managementAccountId", "serviceCatalog"}
	got, ok := Nearest("identityCentre", candidates)
	assert.True(t, ok)
	assert.Equal(t, "identityCenter", got)
	_, ok = Nearest("xyz", candidates)
	assert.False(t, ok, "a short input far from every candidate matches none")
}
