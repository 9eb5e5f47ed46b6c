package components

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tokens of the children the tests look for.
const (
	scPortfolioToken   = "aws:servicecatalog/portfolio:Portfolio"
	scShareToken       = "aws:servicecatalog/portfolioShare:PortfolioShare"
	scPrincipalToken   = "aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation"
	scOrgsAccessToken  = "aws:servicecatalog/organizationsAccess:OrganizationsAccess"
	scDelegatedAdminTk = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"
	scMgmt             = "111111111111"
	scAdmin            = "222222222222"
	scMember           = "333333333333"
	scExternal         = "444444444444"
	scOrgID            = "o-exampleorgid"
	scOU               = "ou-ab12-cdef3456"
	scOU2              = "ou-ab12-zzzz9999"
	scSharedPortfolio  = "port-shared0000001"
)

// scRecordingLog records the warnings the component logs.
type scRecordingLog struct {
	pulumi.Log
	mu    sync.Mutex
	warns []string
}

func (l *scRecordingLog) Warn(msg string, args *pulumi.LogArgs) error {
	l.mu.Lock()
	l.warns = append(l.warns, msg)
	l.mu.Unlock()
	return l.Log.Warn(msg, args)
}

// scResult is what one run of the component produced.
type scResult struct {
	err           error
	comp          *ServiceCatalogSharing
	portfolioIDs  map[string]string
	shareIDs      map[string]string
	accessEnabled bool
	ready         string
	warnings      []string
}

// runServiceCatalogSharing runs NewServiceCatalogSharing("sc", args) against m
// and collects its outputs and warnings.
func runServiceCatalogSharing(t *testing.T, m *mockRecorder, args ServiceCatalogSharingArgs) scResult {
	t.Helper()
	var res scResult
	var wg sync.WaitGroup
	logs := &scRecordingLog{}
	res.err = m.run(func(ctx *pulumi.Context) error {
		logs.Log = ctx.Log
		ctx.Log = logs
		comp, err := NewServiceCatalogSharing(ctx, "sc", args)
		if err != nil {
			return err
		}
		res.comp = comp
		wg.Add(1)
		pulumi.All(comp.PortfolioIDs, comp.ShareIDs, comp.OrganizationAccessEnabled, comp.Ready).ApplyT(
			func(vs []any) error {
				defer wg.Done()
				res.portfolioIDs = vs[0].(map[string]string)
				res.shareIDs = vs[1].(map[string]string)
				res.accessEnabled = vs[2].(bool)
				res.ready = vs[3].(string)
				return nil
			})
		return nil
	})
	if res.err == nil {
		wg.Wait()
	}
	logs.mu.Lock()
	res.warnings = slices.Clone(logs.warns)
	logs.mu.Unlock()
	return res
}

// scFullArgs uses every feature, with the organization given (no lookup).
func scFullArgs() ServiceCatalogSharingArgs {
	return ServiceCatalogSharingArgs{
		DelegatedAdminAccountID: scAdmin,
		ManagementAccountID:     scMgmt,
		OrganizationID:          scOrgID,
		Portfolios: []PortfolioSpec{
			{
				Key: "platform",
				Create: &PortfolioCreateSpec{
					Name: "Platform", Description: "Golden paths", ProviderName: "Platform team",
					Tags: map[string]string{"team": "platform"},
				},
				// No ORGANIZATION share beside the OU and member account
				// shares: it would make them redundant (the "shared"
				// portfolio has it).
				Shares: []ShareSpec{
					{Type: ShareTypeOrganizationMemberAccount, ID: scMember},
					{Type: ShareTypeOrganizationalUnit, ID: scOU},
					{Type: ShareTypeAccount, ID: scExternal},
				},
				ShareTagOptions: true,
				SharePrincipals: true,
				PrincipalAssociations: []PrincipalAssociationSpec{
					{PermissionSetName: "DeveloperAccess"},
					{IAMRolePattern: "team/Builder?"},
				},
			},
			{
				Key:    "legacy",
				ID:     "port-abc123def456",
				Shares: []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: scOU2}},
			},
			{
				Key:             "shared",
				ID:              scSharedPortfolio,
				Shares:          []ShareSpec{{Type: ShareTypeOrganization, ID: scOrgID}},
				ShareTagOptions: true,
				SharePrincipals: true,
				PrincipalAssociations: []PrincipalAssociationSpec{
					{PermissionSetName: "ReadOnlyAccess"},
				},
			},
		},
	}
}

func scInput(t *testing.T, r recordedResource, key string) resource.PropertyValue {
	t.Helper()
	v, ok := r.Inputs[resource.PropertyKey(key)]
	require.Truef(t, ok, "%s %q has no input %q; inputs: %v", r.Type, r.Name, key, r.Inputs)
	return v
}

func TestServiceCatalogSharingChildren(t *testing.T) {
	t.Parallel()
	m := newMocks()
	res := runServiceCatalogSharing(t, m, scFullArgs())
	require.NoError(t, res.err)

	comp := m.Find(t, "sc")
	assert.Equal(t, ServiceCatalogSharingToken, comp.Type)
	assert.Equal(t, "orgtrust:index:ServiceCatalogSharing", comp.Type)
	integration := m.Find(t, "sc-integration")
	assert.Equal(t, OrgServiceIntegrationToken, integration.Type)
	assert.Equal(t, comp.URN, integration.Parent)

	// Organization access through Service Catalog's own API, kept on delete by default.
	access := m.Find(t, "sc-integration-access")
	assert.Equal(t, scOrgsAccessToken, access.Type)
	assert.True(t, scInput(t, access, "enabled").BoolValue())
	assert.True(t, access.RetainOnDelete, "access stays enabled when the component is deleted")
	admin := m.Find(t, "sc-integration-admin")
	assert.Equal(t, scDelegatedAdminTk, admin.Type)
	assert.Equal(t, scAdmin, inputString(t, admin, "accountId"))
	assert.Equal(t, "servicecatalog.amazonaws.com", inputString(t, admin, "servicePrincipal"))

	// Portfolios: one created, the existing one only referenced.
	portfolios := m.ByType(scPortfolioToken)
	require.Len(t, portfolios, 1)
	p := portfolios[0]
	assert.Equal(t, "sc-portfolio-platform", p.Name)
	assert.Equal(t, comp.URN, p.Parent)
	assert.Equal(t, "Platform", inputString(t, p, "name"))
	assert.Equal(t, "Platform team", inputString(t, p, "providerName"))
	assert.Equal(t, "Golden paths", inputString(t, p, "description"))
	assert.Equal(t, "platform", scInput(t, p, "tags").ObjectValue()["team"].StringValue())

	// Principal associations, IAM_PATTERN.
	assocs := m.ByType(scPrincipalToken)
	require.Len(t, assocs, 3)
	wantAssocs := map[string][2]string{
		"sc-principal-platform-permission-set-DeveloperAccess": {"sc-portfolio-platform-id",
			"arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_DeveloperAccess_*"},
		"sc-principal-platform-role-team/Builder?": {"sc-portfolio-platform-id", "arn:aws:iam:::role/team/Builder?"},
		"sc-principal-shared-permission-set-ReadOnlyAccess": {scSharedPortfolio,
			"arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_ReadOnlyAccess_*"},
	}
	for _, a := range assocs {
		want, ok := wantAssocs[a.Name]
		require.Truef(t, ok, "unexpected association %q", a.Name)
		assert.Equal(t, want[1], inputString(t, a, "principalArn"), a.Name)
		assert.Equal(t, "IAM_PATTERN", inputString(t, a, "principalType"), a.Name)
		assert.Equal(t, want[0], inputString(t, a, "portfolioId"), a.Name)
		assert.Equal(t, comp.URN, a.Parent)
	}

	// Shares, keyed by (portfolio, type, target).
	type share struct {
		portfolio, principal, typ string
		tagOptions, principals    bool
	}
	want := map[string]share{
		"sc-share-shared-org-" + scOrgID: {scSharedPortfolio,
			"arn:aws:organizations::" + scMgmt + ":organization/" + scOrgID, ShareTypeOrganization, true, true},
		"sc-share-platform-ou-" + scOU: {"sc-portfolio-platform-id",
			"arn:aws:organizations::" + scMgmt + ":ou/" + scOrgID + "/" + scOU, ShareTypeOrganizationalUnit,
			true, true},
		"sc-share-platform-member-" + scMember: {"sc-portfolio-platform-id", scMember,
			ShareTypeOrganizationMemberAccount, true, false},
		"sc-share-platform-account-" + scExternal: {"sc-portfolio-platform-id", scExternal, ShareTypeAccount,
			true, false},
		"sc-share-legacy-ou-" + scOU2: {"port-abc123def456",
			"arn:aws:organizations::" + scMgmt + ":ou/" + scOrgID + "/" + scOU2, ShareTypeOrganizationalUnit,
			false, false},
	}
	shares := m.ByType(scShareToken)
	require.Len(t, shares, len(want))
	for _, s := range shares {
		w, ok := want[s.Name]
		require.Truef(t, ok, "unexpected share %q", s.Name)
		assert.Equal(t, comp.URN, s.Parent, s.Name)
		assert.Equal(t, w.portfolio, inputString(t, s, "portfolioId"), s.Name)
		assert.Equal(t, w.principal, inputString(t, s, "principalId"), s.Name)
		assert.Equal(t, w.typ, inputString(t, s, "type"), s.Name)
		_, hasTags := s.Inputs["shareTagOptions"]
		assert.Equal(t, w.tagOptions, hasTags, "%s shareTagOptions", s.Name)
		_, hasPrincipals := s.Inputs["sharePrincipals"]
		assert.Equal(t, w.principals, hasPrincipals, "%s sharePrincipals (organization and OU shares only)", s.Name)
	}
	assert.Empty(t, m.Invokes(), "the organization was given, so nothing is looked up")

	// Outputs.
	assert.Equal(t, map[string]string{"platform": "sc-portfolio-platform-id", "legacy": "port-abc123def456",
		"shared": scSharedPortfolio}, res.portfolioIDs)
	assert.Equal(t, map[string]string{
		"shared/ORGANIZATION/" + scOrgID:                   "sc-share-shared-org-" + scOrgID + "-id",
		"platform/ORGANIZATIONAL_UNIT/" + scOU:             "sc-share-platform-ou-" + scOU + "-id",
		"platform/ORGANIZATION_MEMBER_ACCOUNT/" + scMember: "sc-share-platform-member-" + scMember + "-id",
		"platform/ACCOUNT/" + scExternal:                   "sc-share-platform-account-" + scExternal + "-id",
		"legacy/ORGANIZATIONAL_UNIT/" + scOU2:              "sc-share-legacy-ou-" + scOU2 + "-id",
	}, res.shareIDs)
	assert.True(t, res.accessEnabled)
	assert.Equal(t, "servicecatalog.amazonaws.com", res.ready)
	assert.Empty(t, res.warnings, "no warning unless disableAccessOnDelete")
	require.NotNil(t, res.comp.Integration)
}

func TestServiceCatalogSharingDependencies(t *testing.T) {
	t.Parallel()
	m := newMocks()
	require.NoError(t, runServiceCatalogSharing(t, m, scFullArgs()).err)

	access := m.Find(t, "sc-integration-access")
	admin := m.Find(t, "sc-integration-admin")
	portfolio := m.Find(t, "sc-portfolio-platform")
	ps := m.Find(t, "sc-principal-platform-permission-set-DeveloperAccess")
	role := m.Find(t, "sc-principal-platform-role-team/Builder?")
	order := m.DestroyOrder(t)

	for _, name := range []string{
		"sc-share-shared-org-" + scOrgID, "sc-share-platform-ou-" + scOU,
		"sc-share-platform-member-" + scMember, "sc-share-legacy-ou-" + scOU2,
	} {
		s := m.Find(t, name)
		// Organization-node shares need organization access: an explicit edge.
		requireDependsOn(t, s, access)
		requireDependsOn(t, s, admin)
		requireDestroyedBefore(t, order, s, access)
	}
	// An ACCOUNT share does not use organization access.
	external := m.Find(t, "sc-share-platform-account-"+scExternal)
	requireNotDependsOn(t, external, access)

	// The portfolio ID flows as data into shares and associations.
	for _, r := range []recordedResource{m.Find(t, "sc-share-platform-ou-"+scOU), external, ps, role} {
		assert.Containsf(t, r.PropertyDependencies["portfolioId"], portfolio.URN,
			"%s gets portfolioId from the portfolio", r.Name)
		requireDestroyedBefore(t, order, r, portfolio)
	}
	// Principal-sharing shares carry the associations: created after them,
	// deleted before them.
	ou := m.Find(t, "sc-share-platform-ou-"+scOU)
	requireDependsOn(t, ou, ps)
	requireDependsOn(t, ou, role)
	requireDestroyedBefore(t, order, ou, ps)
	org, shared := m.Find(t, "sc-share-shared-org-"+scOrgID), m.Find(t, "sc-principal-shared-permission-set-ReadOnlyAccess")
	requireDependsOn(t, org, shared)
	requireNotDependsOn(t, org, ps)
	requireDestroyedBefore(t, order, org, shared)
	requireNotDependsOn(t, m.Find(t, "sc-share-platform-member-"+scMember), ps)
	// The integration orders the delegated admin after access.
	requireDependsOn(t, admin, access)
}

func TestServiceCatalogSharingStableKeys(t *testing.T) {
	t.Parallel()
	snapshot := func(args ServiceCatalogSharingArgs) map[string]resource.PropertyMap {
		m := newMocks()
		require.NoError(t, runServiceCatalogSharing(t, m, args).err)
		out := map[string]resource.PropertyMap{}
		for _, r := range m.Resources() {
			out[r.Type+"::"+r.Name] = r.Inputs
		}
		return out
	}
	args := scFullArgs()
	reordered := scFullArgs()
	slices.Reverse(reordered.Portfolios)
	for i := range reordered.Portfolios {
		slices.Reverse(reordered.Portfolios[i].Shares)
		slices.Reverse(reordered.Portfolios[i].PrincipalAssociations)
	}
	before, after := snapshot(args), snapshot(reordered)
	require.Equal(t, sortedMapKeys(before), sortedMapKeys(after), "the same children, by name")
	for k, in := range before {
		assert.Truef(t, in.DeepEquals(after[k]), "%s: inputs changed with the order: %v vs %v", k, in, after[k])
	}

	// Adding a target in front replaces nothing that was there.
	added := scFullArgs()
	added.Portfolios[0].Shares = append([]ShareSpec{{Type: ShareTypeAccount, ID: "555555555555"}},
		added.Portfolios[0].Shares...)
	grown := snapshot(added)
	for k := range before {
		assert.Contains(t, grown, k)
	}
	assert.Len(t, grown, len(before)+1)
}

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestServiceCatalogSharingLooksUpOrganization(t *testing.T) {
	t.Parallel()
	m := newMocks().withOrganization(scMgmt)
	res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{
		DelegatedAdminAccountID: scAdmin,
		Portfolios: []PortfolioSpec{
			{Key: "p", ID: "port-abc123def456", Shares: []ShareSpec{{Type: ShareTypeOrganization, ID: scOrgID}}},
			{Key: "q", ID: "port-abc123def457", Shares: []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: scOU}}},
		},
	})
	require.NoError(t, res.err)
	// Looked up once, by this component; the integration reuses the result.
	invokes := m.Invokes()
	require.Len(t, invokes, 1)
	assert.Equal(t, getOrganizationToken, invokes[0].Token)
	assert.Equal(t, "arn:aws:organizations::"+scMgmt+":organization/"+scOrgID,
		inputString(t, m.Find(t, "sc-share-p-org-"+scOrgID), "principalId"))
	assert.Equal(t, "arn:aws:organizations::"+scMgmt+":ou/"+scOrgID+"/"+scOU,
		inputString(t, m.Find(t, "sc-share-q-ou-"+scOU), "principalId"))
}

func TestServiceCatalogSharingLookupMismatches(t *testing.T) {
	t.Parallel()
	share := func(typ, id string) []PortfolioSpec {
		return []PortfolioSpec{{Key: "p", ID: "port-abc123def456", Shares: []ShareSpec{{Type: typ, ID: id}}}}
	}
	tests := []struct {
		name string
		args ServiceCatalogSharingArgs
		want string
	}{
		{"organization share of another organization",
			ServiceCatalogSharingArgs{Portfolios: share(ShareTypeOrganization, "o-otherorg1234")},
			`portfolios[0].shares[0].id: "o-otherorg1234" is not this organization, which is "o-exampleorgid"`},
		{"wrong management account",
			ServiceCatalogSharingArgs{ManagementAccountID: "999999999999",
				Portfolios: share(ShareTypeOrganizationalUnit, scOU)},
			`managementAccountId: "999999999999" is not the management account of organization "o-exampleorgid"`},
		{"wrong organization ID",
			ServiceCatalogSharingArgs{OrganizationID: "o-otherorg1234", Portfolios: share(ShareTypeAccount, scMember),
				DelegatedAdminAccountID: scAdmin},
			`organizationId: "o-otherorg1234" is not the organization`},
		{"delegated admin is the management account",
			ServiceCatalogSharingArgs{DelegatedAdminAccountID: scMgmt},
			`delegatedAdminAccountId "111111111111" is the organization's management account (read from the organization)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks().withOrganization(scMgmt)
			res := runServiceCatalogSharing(t, m, tt.args)
			require.ErrorContains(t, res.err, tt.want)
			assert.Empty(t, m.Resources(), "nothing may be registered")
		})
	}

	t.Run("lookup fails", func(t *testing.T) {
		t.Parallel()
		m := newMocks() // every invoke fails
		res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{Portfolios: share(ShareTypeOrganization, scOrgID)})
		require.ErrorContains(t, res.err, "set managementAccountId and organizationId to skip the lookup")
		assert.Empty(t, m.Resources())
	})
}

func TestServiceCatalogSharingEnableVia(t *testing.T) {
	t.Parallel()
	accountShare := []PortfolioSpec{{Key: "p", ID: "port-abc123def456",
		Shares: []ShareSpec{{Type: ShareTypeAccount, ID: scExternal}}}}
	ouShare := []PortfolioSpec{{Key: "p", ID: "port-abc123def456",
		Shares: []ShareSpec{{Type: ShareTypeOrganizationalUnit, ID: scOU}}}}

	t.Run("organizations falls back to TrustedServiceAccess", func(t *testing.T) {
		t.Parallel()
		m := newMocks()
		res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{EnableVia: "organizations",
			ManagementAccountID: scMgmt, OrganizationID: scOrgID, Portfolios: ouShare})
		require.NoError(t, res.err)
		access := m.Find(t, "sc-integration-access")
		assert.Equal(t, TrustedServiceAccessToken, access.Type)
		assert.Equal(t, "servicecatalog.amazonaws.com", inputString(t, access, "servicePrincipal"))
		assert.False(t, scInput(t, access, "disableOnDelete").BoolValue(), "access kept on delete by default")
		requireDependsOn(t, m.Find(t, "sc-share-p-ou-"+scOU), access)
		assert.Empty(t, m.ByType(scOrgsAccessToken))
		assert.True(t, res.accessEnabled)
	})

	t.Run("service is Service Catalog's own API, like the default", func(t *testing.T) {
		t.Parallel()
		m := newMocks()
		res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{EnableVia: "service",
			ManagementAccountID: scMgmt, OrganizationID: scOrgID, Portfolios: ouShare})
		require.NoError(t, res.err)
		access := m.Find(t, "sc-integration-access")
		assert.Equal(t, scOrgsAccessToken, access.Type)
		requireDependsOn(t, m.Find(t, "sc-share-p-ou-"+scOU), access)
		assert.True(t, res.accessEnabled)
	})

	t.Run("none without an admin registers no integration", func(t *testing.T) {
		t.Parallel()
		m := newMocks()
		res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{EnableVia: "none", Portfolios: accountShare})
		require.NoError(t, res.err)
		assert.Equal(t, []string{"sc", "sc-share-p-account-" + scExternal}, m.Names())
		assert.False(t, res.accessEnabled)
		assert.Nil(t, res.comp.Integration)
		assert.Equal(t, "servicecatalog.amazonaws.com", res.ready)
	})

	t.Run("none managed elsewhere, from the delegated admin's side", func(t *testing.T) {
		t.Parallel()
		m := newMocks()
		res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{EnableVia: "none",
			OrganizationAccessManagedElsewhere: true, DelegatedAdminAccountID: scAdmin,
			ManagementAccountID: scMgmt, OrganizationID: scOrgID, Portfolios: ouShare})
		require.NoError(t, res.err)
		assert.Empty(t, m.ByType(scOrgsAccessToken))
		assert.Empty(t, m.ByType(TrustedServiceAccessToken))
		requireDependsOn(t, m.Find(t, "sc-share-p-ou-"+scOU), m.Find(t, "sc-integration-admin"))
		assert.False(t, res.accessEnabled)
	})
}

func TestServiceCatalogSharingDisableAccessOnDelete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		enableVia  string
		disable    *bool
		wantWarn   bool
		wantRetain bool
	}{
		{"default keeps access", "", nil, false, true},
		{"explicit false keeps access", "", pulumi.BoolRef(false), false, true},
		{"true disables and warns", "", pulumi.BoolRef(true), true, false},
		{"true through organizations warns", "organizations", pulumi.BoolRef(true), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			res := runServiceCatalogSharing(t, m, ServiceCatalogSharingArgs{
				EnableVia: tt.enableVia, DisableAccessOnDelete: tt.disable,
				ManagementAccountID: scMgmt, OrganizationID: scOrgID,
				Portfolios: []PortfolioSpec{{Key: "p", ID: "port-abc123def456", Shares: []ShareSpec{
					{Type: ShareTypeOrganizationalUnit, ID: scOU}, {Type: ShareTypeAccount, ID: scExternal},
				}}},
			})
			require.NoError(t, res.err)
			access := m.Find(t, "sc-integration-access")
			if tt.enableVia == "organizations" {
				assert.Equal(t, !tt.wantRetain, scInput(t, access, "disableOnDelete").BoolValue())
			} else {
				assert.Equal(t, tt.wantRetain, access.RetainOnDelete)
			}
			if !tt.wantWarn {
				assert.Empty(t, res.warnings)
				return
			}
			require.Len(t, res.warnings, 1)
			w := res.warnings[0]
			assert.Contains(t, w, `ServiceCatalogSharing "sc": disableAccessOnDelete is true`)
			assert.Contains(t, w, "removes the 1 organization share(s) it manages")
			assert.Contains(t, w, "they no longer stay in sync as the organization changes")
			assert.Contains(t, w, "no new organization shares can be made")
		})
	}
}

func TestServiceCatalogSharingBadInput(t *testing.T) {
	t.Parallel()
	one := func(shares ...ShareSpec) []PortfolioSpec {
		return []PortfolioSpec{{Key: "p", ID: "port-abc123def456", Shares: shares}}
	}
	two := func(shares ...ShareSpec) []PortfolioSpec {
		return []PortfolioSpec{
			{Key: "a", ID: "port-aaaaaaaaaaaa"},
			{Key: "b", ID: "port-bbbbbbbbbbbb", Shares: shares},
		}
	}
	principals := func(ps ...PrincipalAssociationSpec) []PortfolioSpec {
		return []PortfolioSpec{{Key: "p", ID: "port-abc123def456", PrincipalAssociations: ps}}
	}
	eleven := make([]PrincipalAssociationSpec, 11)
	for i := range eleven {
		eleven[i] = PrincipalAssociationSpec{IAMRolePattern: "Role" + string(rune('A'+i)) + "*"}
	}
	tests := []struct {
		name string
		args ServiceCatalogSharingArgs
		want []string
	}{
		{"malformed OU ID", ServiceCatalogSharingArgs{Portfolios: two(ShareSpec{ShareTypeOrganizationalUnit, "ou-123"})},
			[]string{`portfolios[1].shares[0].id: "ou-123" is not valid for a ORGANIZATIONAL_UNIT share`,
				"such as ou-ab12-cdef3456"}},
		{"malformed organization ID", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganization, "o-short"})},
			[]string{`portfolios[0].shares[0].id: "o-short" is not valid for a ORGANIZATION share`, "o- then 10 to 32"}},
		{"malformed account ID", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeAccount, "12345"})},
			[]string{`portfolios[0].shares[0].id: "12345" is not valid for a ACCOUNT share`, "12-digit account ID"}},
		{"organization ID for an OU share",
			ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganizationalUnit, scOrgID})},
			[]string{`portfolios[0].shares[0].id: "o-exampleorgid" is an organization ID, not valid for a ` +
				`ORGANIZATIONAL_UNIT share`, "use type ORGANIZATION"}},
		{"OU ID for an account share", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeAccount, scOU})},
			[]string{`"ou-ab12-cdef3456" is an organizational unit ID, not valid for a ACCOUNT share`,
				"use type ORGANIZATIONAL_UNIT"}},
		{"account ID for an organization share",
			ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganization, scMember})},
			[]string{`"333333333333" is an account ID`, "use type ORGANIZATION_MEMBER_ACCOUNT or ACCOUNT"}},
		{"ARN instead of ID", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganization,
			"arn:aws:organizations::111111111111:organization/o-exampleorgid"})},
			[]string{"is an ARN", "give the ID, not the ARN"}},
		{"root ID", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganizationalUnit, "r-ab12"})},
			[]string{`"r-ab12" is a root ID`, "use type ORGANIZATION with the organization ID"}},
		{"missing target", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeAccount, ""})},
			[]string{"portfolios[0].shares[0].id: missing; a ACCOUNT share takes a 12-digit account ID"}},
		{"unknown share type", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{"OU", scOU})},
			[]string{`portfolios[0].shares[0].type: "OU" is not a share type; use ORGANIZATION`}},
		{"share type in the wrong case", ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{"organizational-unit", scOU})},
			[]string{`did you mean "ORGANIZATIONAL_UNIT"?`}},
		{"organization share with enableVia none",
			ServiceCatalogSharingArgs{EnableVia: "none", Portfolios: two(ShareSpec{ShareTypeOrganization, scOrgID})},
			[]string{`portfolios[1].shares[0]: a ORGANIZATION share needs Service Catalog's organization access, ` +
				`but enableVia "none" leaves it off`, "organizationAccessManagedElsewhere", "share with an ACCOUNT"}},
		{"OU share with enableVia none",
			ServiceCatalogSharingArgs{EnableVia: "none", Portfolios: one(ShareSpec{ShareTypeOrganizationalUnit, scOU})},
			[]string{`portfolios[0].shares[0]: a ORGANIZATIONAL_UNIT share needs`}},
		{"member account share with enableVia none",
			ServiceCatalogSharingArgs{EnableVia: "none",
				Portfolios: one(ShareSpec{ShareTypeOrganizationMemberAccount, scMember})},
			[]string{`a ORGANIZATION_MEMBER_ACCOUNT share needs`}},
		{"duplicate target",
			ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganizationalUnit, scOU},
				ShareSpec{ShareTypeAccount, scExternal}, ShareSpec{ShareTypeOrganizationalUnit, scOU})},
			[]string{`portfolios[0].shares[2]: ORGANIZATIONAL_UNIT "ou-ab12-cdef3456" is also portfolios[0].shares[0]`}},
		{"same account twice",
			ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeAccount, scMember},
				ShareSpec{ShareTypeOrganizationMemberAccount, scMember})},
			[]string{`portfolios[0].shares[1]: account "333333333333" is also the target of portfolios[0].shares[0]`}},
		{"two organizations",
			ServiceCatalogSharingArgs{Portfolios: one(ShareSpec{ShareTypeOrganization, scOrgID},
				ShareSpec{ShareTypeOrganization, "o-otherorg1234"})},
			[]string{`portfolios[0].shares[1]: the portfolio is already shared with organization "o-exampleorgid"`}},
		{"OU share beside an organization share",
			ServiceCatalogSharingArgs{Portfolios: two(ShareSpec{ShareTypeOrganizationalUnit, scOU},
				ShareSpec{ShareTypeOrganization, scOrgID})},
			[]string{`portfolios[1].shares[0]: the ORGANIZATIONAL_UNIT share of "ou-ab12-cdef3456" is redundant: ` +
				`portfolios[1].shares[1] shares the portfolio with organization "o-exampleorgid", which holds every ` +
				`OU and member account; remove this share to share with the whole organization, or remove the ` +
				`ORGANIZATION share to share with the listed targets only`}},
		{"every share beside an organization share is reported",
			ServiceCatalogSharingArgs{OrganizationID: scOrgID, Portfolios: one(ShareSpec{ShareTypeOrganization, scOrgID},
				ShareSpec{ShareTypeOrganizationalUnit, scOU}, ShareSpec{ShareTypeAccount, scExternal},
				ShareSpec{ShareTypeOrganizationMemberAccount, scMember}, ShareSpec{ShareTypeOrganizationalUnit, scOU2})},
			[]string{"3 input errors",
				`portfolios[0].shares[1]: the ORGANIZATIONAL_UNIT share of "ou-ab12-cdef3456" is redundant`,
				`portfolios[0].shares[3]: the ORGANIZATION_MEMBER_ACCOUNT share of "333333333333" is redundant`,
				`portfolios[0].shares[4]: the ORGANIZATIONAL_UNIT share of "ou-ab12-zzzz9999" is redundant`}},
		{"organization share not organizationId",
			ServiceCatalogSharingArgs{OrganizationID: "o-otherorg1234", Portfolios: one(ShareSpec{ShareTypeOrganization, scOrgID})},
			[]string{`portfolios[0].shares[0].id: "o-exampleorgid" is not the organization given in organizationId`}},
		{"both id and create",
			ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{Key: "p", ID: "port-abc123def456",
				Create: &PortfolioCreateSpec{Name: "P", ProviderName: "T"}}}},
			[]string{`portfolios[0]: both id ("port-abc123def456") and create are set`}},
		{"neither id nor create", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{Key: "p"}}},
			[]string{"portfolios[0]: neither id nor create is set"}},
		{"duplicate keys", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{
			{Key: "p", ID: "port-aaaaaaaaaaaa"}, {Key: "p", ID: "port-bbbbbbbbbbbb"}}},
			[]string{`portfolios[1].key: "p" is also the key of portfolios[0]`}},
		{"missing key", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{ID: "port-aaaaaaaaaaaa"}}},
			[]string{"portfolios[0].key: missing"}},
		{"bad key", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{Key: "my portfolio", ID: "port-aaaaaaaaaaaa"}}},
			[]string{`portfolios[0].key: "my portfolio" is not a valid key`}},
		{"same portfolio twice", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{
			{Key: "a", ID: "port-aaaaaaaaaaaa"}, {Key: "b", ID: "port-aaaaaaaaaaaa"}}},
			[]string{`portfolios[1].id: portfolio "port-aaaaaaaaaaaa" is also portfolios[0]`}},
		{"bad portfolio ID", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{Key: "a", ID: "abc"}}},
			[]string{`portfolios[0].id: "abc" is not a portfolio ID`}},
		{"create without names", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{{Key: "a",
			Create: &PortfolioCreateSpec{ProviderName: strings.Repeat("x", 51)}}}},
			[]string{`portfolios[0].create.name: "" must be 1 to 100 characters long`,
				"portfolios[0].create.providerName:", "(it is 51)"}},
		{"bad enableVia", ServiceCatalogSharingArgs{EnableVia: "console"},
			[]string{`enableVia: "console" is not an enable path`}},
		{"bad delegated admin", ServiceCatalogSharingArgs{DelegatedAdminAccountID: "12-34"},
			[]string{`delegatedAdminAccountId "12-34" is not an AWS account ID`}},
		{"delegated admin is management", ServiceCatalogSharingArgs{DelegatedAdminAccountID: scMgmt,
			ManagementAccountID: scMgmt},
			[]string{`delegatedAdminAccountId "111111111111" is the organization's management account (managementAccountId)`}},
		{"bad organizationId", ServiceCatalogSharingArgs{OrganizationID: "org-1"},
			[]string{`organizationId: "org-1" is not an organization ID`}},
		{"disable with none", ServiceCatalogSharingArgs{EnableVia: "none", DisableAccessOnDelete: pulumi.BoolRef(true)},
			[]string{"disableAccessOnDelete: true needs organization access enabled by this component"}},
		{"managed elsewhere while enabling here", ServiceCatalogSharingArgs{OrganizationAccessManagedElsewhere: true},
			[]string{`organizationAccessManagedElsewhere: true says`, `set enableVia to "none"`}},
		{"principal with both", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{IAMRolePattern: "Dev*", PermissionSetName: "Dev"})},
			[]string{"portfolios[0].principalAssociations[0]: both iamRolePattern"}},
		{"principal with neither", ServiceCatalogSharingArgs{Portfolios: principals(PrincipalAssociationSpec{})},
			[]string{"portfolios[0].principalAssociations[0]: neither iamRolePattern nor permissionSetName"}},
		{"bad permission set name", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{PermissionSetName: "arn:aws:sso:::permissionSet/ssoins-1/ps-1"})},
			[]string{"portfolios[0].principalAssociations[0].permissionSetName:", "the name, not the ARN"}},
		{"pattern matching every role", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{IAMRolePattern: "*"})},
			[]string{`portfolios[0].principalAssociations[0].iamRolePattern: "*" matches every role`}},
		{"role ARN with an account", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{IAMRolePattern: "arn:aws:iam::111111111111:role/Dev"})},
			[]string{"is not an IAM_PATTERN role ARN; it has no account ID"}},
		{"role pattern with a leading slash", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{IAMRolePattern: "/team/Dev"})},
			[]string{`"/team/Dev" starts with '/'`}},
		{"role pattern with bad characters", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{IAMRolePattern: "Dev Role"})},
			[]string{`"Dev Role" has characters an IAM role path or name cannot have`}},
		{"duplicate principal", ServiceCatalogSharingArgs{Portfolios: principals(
			PrincipalAssociationSpec{PermissionSetName: "Dev"},
			PrincipalAssociationSpec{IAMRolePattern: "aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Dev_*"})},
			[]string{"portfolios[0].principalAssociations[1]: principal", "is also portfolios[0].principalAssociations[0]"}},
		{"child names that collide across portfolios", ServiceCatalogSharingArgs{Portfolios: []PortfolioSpec{
			{Key: "a", ID: "port-aaaaaaaaaaaa", PrincipalAssociations: []PrincipalAssociationSpec{{IAMRolePattern: "x-role-y"}}},
			{Key: "a-role-x", ID: "port-bbbbbbbbbbbb", PrincipalAssociations: []PrincipalAssociationSpec{{IAMRolePattern: "y"}}},
		}},
			[]string{"portfolios[1].principalAssociations[0]: its child resource would have the same name as that of " +
				`portfolios[0].principalAssociations[0] ("principal-a-role-x-role-y")`}},
		{"too many principals", ServiceCatalogSharingArgs{Portfolios: principals(eleven...)},
			[]string{"portfolios[0].principalAssociations: 11 associations", "at most 10"}},
		{"every problem is reported", ServiceCatalogSharingArgs{EnableVia: "none", Portfolios: []PortfolioSpec{
			{Key: "a", ID: "port-aaaaaaaaaaaa", Shares: []ShareSpec{{ShareTypeOrganizationalUnit, "ou-1"}}},
			{Key: "a", ID: "port-bbbbbbbbbbbb", Shares: []ShareSpec{{ShareTypeOrganization, scOrgID}}},
		}},
			[]string{"portfolios[0].shares[0].id:", `portfolios[1].key: "a"`, "portfolios[1].shares[0]: a ORGANIZATION"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks().withOrganization(scMgmt)
			res := runServiceCatalogSharing(t, m, tt.args)
			for _, w := range tt.want {
				require.ErrorContains(t, res.err, w)
			}
			require.ErrorContains(t, res.err, `orgtrust:index:ServiceCatalogSharing "sc"`)
			assert.Empty(t, m.Resources(), "nothing may be registered")
			assert.Empty(t, m.Invokes(), "bad input fails before any lookup")
		})
	}
}

func TestServiceCatalogSharingRolePatterns(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, id, arn string }{
		{"ServiceCatalogUser*", "ServiceCatalogUser*", "arn:aws:iam:::role/ServiceCatalogUser*"},
		{"team/Builder?", "team/Builder?", "arn:aws:iam:::role/team/Builder?"},
		{"arn:aws:iam:::role/Dev*", "Dev*", "arn:aws:iam:::role/Dev*"},
		{"arn:aws-us-gov:iam:::role/x/Dev", "x/Dev", "arn:aws-us-gov:iam:::role/x/Dev"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			id, arn, msg := scResolveRolePattern(tt.in)
			require.Empty(t, msg)
			assert.Equal(t, tt.id, id)
			assert.Equal(t, tt.arn, arn)
		})
	}
	assert.Equal(t, "aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*", scPermissionSetRolePattern("Admin"))
}

func TestServiceCatalogSharingAnnotations(t *testing.T) {
	t.Parallel()
	targets := []any{
		&ServiceCatalogSharing{}, &ServiceCatalogSharingArgs{}, &PortfolioSpec{}, &PortfolioCreateSpec{},
		&ShareSpec{}, &PrincipalAssociationSpec{},
	}
	for _, target := range targets {
		rec := &catalogAnnotationRecorder{descriptions: map[any]string{}}
		target.(interface{ Annotate(infer.Annotator) }).Annotate(rec)
		v := reflect.ValueOf(target).Elem()
		assert.NotEmpty(t, rec.descriptions[target], "%s itself", v.Type().Name())
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Tag.Get("pulumi") == "" {
				continue // embedded state and Go-only fields are not in the schema
			}
			assert.GreaterOrEqual(t, len(rec.descriptions[v.Field(i).Addr().Interface()]), 15,
				"%s.%s has no real description", v.Type().Name(), f.Name)
		}
	}
	assert.Contains(t, serviceCatalogSharingDoc, "AWSReservedSSO_<name>_*")
}

func BenchmarkServiceCatalogSharing(b *testing.B) {
	args := scFullArgs()
	for b.Loop() {
		err := newMocks().run(func(ctx *pulumi.Context) error {
			_, err := NewServiceCatalogSharing(ctx, "sc", args)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
