package plan

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Fixtures are the answers of the AWS lookups that the components make at
// preview, which the plan simulates instead of calling AWS. Every field is
// optional: a lookup without a fixture gets a value from the stack
// configuration where it has one, else a deterministic made-up value, and the
// plan says which.
type Fixtures struct {
	// Organization answers aws:organizations/getOrganization.
	Organization struct {
		ID                  string `yaml:"id"`
		ManagementAccountID string `yaml:"managementAccountId"`
	} `yaml:"organization"`
	// IdentityCenter answers aws:ssoadmin/getInstances.
	IdentityCenter struct {
		InstanceArn     string `yaml:"instanceArn"`
		IdentityStoreID string `yaml:"identityStoreId"`
	} `yaml:"identityCenter"`
	// OrganizationalUnits answer
	// aws:organizations/getOrganizationalUnitDescendantAccounts, by OU (or
	// root) ID.
	OrganizationalUnits map[string][]FixtureAccount `yaml:"organizationalUnits"`
	// Accounts are accounts below no OU of OrganizationalUnits. Every account
	// of both answers orgtrust:index:getOrganizationAccounts, with its tags.
	Accounts []FixtureAccount `yaml:"accounts,omitempty"`
	// Groups answer aws:identitystore/getGroup: group ID by display name.
	Groups map[string]string `yaml:"groups"`
	// Users answer aws:identitystore/getUser: user ID by user name.
	Users map[string]string `yaml:"users"`
	// PermissionSets answer aws:ssoadmin/getPermissionSet and
	// getPermissionSets, for permission sets marked existing: ARN by name.
	PermissionSets map[string]string `yaml:"permissionSets"`
	// EnabledRegions answer aws:getRegions, which an integration with opt-in
	// Regions asks for: the Regions the account has enabled, opt-in Regions
	// included. Without it, every Region is taken as enabled.
	EnabledRegions []string `yaml:"enabledRegions,omitempty"`
	// GuardDutyDetectors answer aws:guardduty/getDetector, which GuardDuty's
	// organization configuration asks for in the administrator's account:
	// the detector ID by "account/Region".
	GuardDutyDetectors map[string]string `yaml:"guardDutyDetectors,omitempty"`
}

// FixtureAccount is an account below an OU.
type FixtureAccount struct {
	ID     string `yaml:"id"`
	Name   string `yaml:"name"`
	Status string `yaml:"status"`
	// Tags are the account's AWS Organizations tags.
	Tags map[string]string `yaml:"tags,omitempty"`
	// Email is the account's email, which Macie's and Detective's members
	// need (default <name>@example.com).
	Email string `yaml:"email,omitempty"`
}

// email is the account's email, or the made-up default.
func (a FixtureAccount) email() string {
	if a.Email != "" {
		return a.Email
	}
	return a.Name + "@example.com"
}

// LoadFixtures reads a fixtures file; unknown keys are errors.
func LoadFixtures(path string) (*Fixtures, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the plan fixtures: %w", err)
	}
	fx := &Fixtures{}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(fx); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading the plan fixtures %s: %w", path, err)
	}
	for ou, accounts := range fx.OrganizationalUnits {
		for i, a := range accounts {
			if a.ID == "" {
				return nil, fmt.Errorf("plan fixtures %s: organizationalUnits.%s[%d].id is empty: give the account's "+
					"12-digit ID, quoted", path, ou, i)
			}
			if a.Status == "" {
				fx.OrganizationalUnits[ou][i].Status = "ACTIVE"
			}
		}
	}
	for i, a := range fx.Accounts {
		if a.ID == "" {
			return nil, fmt.Errorf("plan fixtures %s: accounts[%d].id is empty: give the account's 12-digit ID, "+
				"quoted", path, i)
		}
		if a.Status == "" {
			fx.Accounts[i].Status = "ACTIVE"
		}
	}
	return fx, nil
}

// allAccounts is every account of the fixtures, once, sorted by ID: those
// below the OUs and the others.
func (fx *Fixtures) allAccounts() []FixtureAccount {
	byID := map[string]FixtureAccount{}
	for _, accounts := range fx.OrganizationalUnits {
		for _, a := range accounts {
			byID[a.ID] = a
		}
	}
	for _, a := range fx.Accounts {
		byID[a.ID] = a
	}
	out := make([]FixtureAccount, 0, len(byID))
	for _, id := range slices.Sorted(maps.Keys(byID)) {
		out = append(out, byID[id])
	}
	return out
}

// hash is a stable 64-bit hash of the parts, for made-up values.
func hash(parts ...string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(strings.Join(parts, "\x00")))
	return h.Sum64()
}

// madeUpDigits returns n decimal digits derived from parts.
func madeUpDigits(n int, parts ...string) string {
	s := fmt.Sprintf("%020d", hash(parts...))
	for len(s) < n {
		s += s
	}
	return s[len(s)-n:]
}

// madeUpHex returns n lowercase hex digits derived from parts.
func madeUpHex(n int, parts ...string) string {
	s := fmt.Sprintf("%016x%016x", hash(parts...), hash(append(parts, "more")...))
	return s[:n]
}
