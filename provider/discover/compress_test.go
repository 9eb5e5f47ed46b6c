package discover

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// testOrg: root r-1 with account m; OU a (accounts a1, a2) with child OU b
// (b1 ACTIVE, b2 SUSPENDED); OU c (c1); OU e, empty.
func testOrg() *Organization {
	o := &Organization{Root: "r-1", Units: map[string]*Unit{
		"r-1": {ID: "r-1", Children: []string{"a", "c", "e"}, Accounts: []string{"m"}},
		"a":   {ID: "a", Parent: "r-1", Children: []string{"b"}, Accounts: []string{"a1", "a2"}},
		"b":   {ID: "b", Parent: "a", Accounts: []string{"b1", "b2"}},
		"c":   {ID: "c", Parent: "r-1", Accounts: []string{"c1"}},
		"e":   {ID: "e", Parent: "r-1"},
	}, Accounts: map[string]Account{}}
	for id, parent := range map[string]string{"m": "r-1", "a1": "a", "a2": "a", "b1": "b", "b2": "b", "c1": "c"} {
		o.Accounts[id] = Account{ID: id, Parent: parent, Status: "ACTIVE"}
	}
	o.Accounts["b2"] = Account{ID: "b2", Parent: "b", Status: "SUSPENDED"}
	return o
}

func TestCompressorTargets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		accounts  []string
		ous, rest []string
	}{
		{"every ACTIVE account is the root", []string{"m", "a1", "a2", "b1", "c1"}, []string{"r-1"}, nil},
		{"an OU and its child OU are the OU", []string{"a1", "a2", "b1"}, []string{"a"}, nil},
		{"a child OU and a stray account", []string{"b1", "a1"}, []string{"b"}, []string{"a1"}},
		{"a SUSPENDED account no OU expands to stays an account", []string{"b1", "b2"}, []string{"b"},
			[]string{"b2"}},
		{"part of an OU is accounts", []string{"a1"}, nil, []string{"a1"}},
		{"an account outside the organization stays an account", []string{"c1", "999999999999"}, []string{"c"},
			[]string{"999999999999"}},
		{"nothing", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ous, rest := newCompressor(testOrg()).targets(tt.accounts)
			assert.Equal(t, tt.ous, ous)
			assert.Equal(t, tt.rest, rest)
		})
	}
}

func TestStringsThatYAMLReadsAsOtherTypesAreQuoted(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"111111111111", "012345678901", "true", "null", "1.5", ""} {
		assert.Equal(t, "!!str", str(s).Tag)
		assert.NotZero(t, str(s).Style, "%q is quoted", s)
	}
	assert.Zero(t, str("us-east-1").Style, "a plain string stays plain")
}
