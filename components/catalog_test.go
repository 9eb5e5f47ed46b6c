package components

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

func TestCatalogPrincipalsValidateAndRoundTrip(t *testing.T) {
	t.Parallel()
	for _, svc := range Services() {
		for _, p := range svc.Principals {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				opts := PrincipalOptions{Force: svc.EnableVia == EnableViaServiceOnly}
				got, err := ValidatePrincipal("servicePrincipal", p, opts)
				require.NoError(t, err)
				assert.Equal(t, svc.Key, got.Key)

				for _, spelling := range []string{p, strings.ToUpper(p), "  " + p + "\n"} {
					found, ok := LookupPrincipal(spelling)
					require.True(t, ok, "LookupPrincipal(%q)", spelling)
					assert.Equal(t, svc.Key, found.Key)
				}
				byKey, ok := LookupService(svc.Key)
				require.True(t, ok)
				assert.Equal(t, svc, byKey)
			})
		}
	}
}

func TestCatalogKeysAndPrincipalsUnique(t *testing.T) {
	t.Parallel()
	keyRE := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	keys := map[string]bool{}
	principals := map[string]string{}
	for _, svc := range Services() {
		assert.Regexp(t, keyRE, svc.Key, "key must be lowercase and hyphenated")
		assert.False(t, keys[svc.Key], "duplicate key %q", svc.Key)
		keys[svc.Key] = true
		for _, p := range svc.Principals {
			lower := strings.ToLower(p)
			assert.Equal(t, lower, p, "catalog principals are lowercase")
			if other, dup := principals[lower]; dup {
				t.Errorf("principal %q is in both %q and %q", p, other, svc.Key)
			}
			principals[lower] = svc.Key
			_, err := ValidatePrincipal("servicePrincipal", p, PrincipalOptions{Force: true})
			assert.NoError(t, err, "catalog principal must be well-formed")
		}
	}
	assert.Equal(t, catalog.Len(), len(Services()), "no two rows share a key")
	assert.Len(t, Principals(), len(principals))
}

func TestCatalogSorted(t *testing.T) {
	t.Parallel()
	svcs := Services()
	require.NotEmpty(t, svcs)
	assert.True(t, slices.IsSortedFunc(svcs, func(a, b Service) int { return strings.Compare(a.Key, b.Key) }))
	ps := Principals()
	assert.True(t, slices.IsSorted(ps))
	var all []string
	for _, s := range svcs {
		all = append(all, s.Principals...)
	}
	slices.Sort(all)
	assert.Equal(t, all, ps)
}

// TestCatalogRules pins the facts other code and the docs rely on.
func TestCatalogRules(t *testing.T) {
	t.Parallel()
	perRegion := func(token string) func(*testing.T, Service) {
		return func(t *testing.T, s Service) {
			assert.Equal(t, DelegatedAdminService, s.DelegatedAdmin)
			assert.True(t, s.DelegatedAdminPerRegion)
			assert.Equal(t, token, string(s.DelegatedAdminResource))
		}
	}
	serviceOnly := func(api, resource string) func(*testing.T, Service) {
		return func(t *testing.T, s Service) {
			assert.Equal(t, EnableViaServiceOnly, s.EnableVia)
			assert.Equal(t, api, s.EnableAPI)
			assert.Equal(t, resource, string(s.EnableResource))
		}
	}
	tests := []struct {
		key   string
		check func(*testing.T, Service)
	}{
		{"sso", func(t *testing.T, s Service) {
			assert.Equal(t, []string{"sso.amazonaws.com"}, s.Principals)
			assert.True(t, s.RetainOnDelete)
			assert.Equal(t, EnableViaService, s.EnableVia)
			assert.Equal(t, DelegatedAdminOrganizations, s.DelegatedAdmin)
			assert.Equal(t, string(catalog.OrganizationsDelegatedAdministrator), string(s.DelegatedAdminResource))
			assert.Contains(t, s.DisableEffect, "can't use it to access accounts")
			assert.Contains(t, s.DisableEffect, "without reconfiguring")
			assert.True(t, s.Verified)
		}},
		{"servicecatalog", func(t *testing.T, s Service) {
			assert.Equal(t, EnableViaService, s.EnableVia)
			assert.Equal(t, "servicecatalog:EnableAWSOrganizationsAccess", s.EnableAPI)
			assert.Equal(t, "aws:servicecatalog/organizationsAccess:OrganizationsAccess", string(s.EnableResource))
			assert.Equal(t, DelegatedAdminOrganizations, s.DelegatedAdmin)
			assert.Contains(t, s.DisableEffect, "not deleted")
			assert.Contains(t, s.DisableEffect, "out of sync")
			assert.False(t, s.RetainOnDelete)
		}},
		{"stacksets", func(t *testing.T, s Service) {
			assert.Equal(t, []string{"member.org.stacksets.cloudformation.amazonaws.com"}, s.Principals)
			serviceOnly("cloudformation:ActivateOrganizationsAccess", StackSetsOrganizationsAccessToken)(t, s)
			assert.Equal(t, 5, s.MaxDelegatedAdmins)
		}},
		{"ipam", serviceOnly("ec2:EnableIpamOrganizationAdminAccount",
			"aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount")},
		{"ram", serviceOnly("ram:EnableSharingWithAwsOrganization",
			"aws:ram/sharingWithOrganization:SharingWithOrganization")},
		{"notifications", func(t *testing.T, s Service) {
			assert.Equal(t, []string{"notifications.amazon.com"}, s.Principals)
			serviceOnly("notifications:EnableNotificationsAccessForOrganization", NotificationsOrganizationsAccessToken)(t, s)
		}},
		{"config", func(t *testing.T, s Service) {
			assert.Equal(t, []string{"config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"}, s.Principals)
		}},
		{"guardduty", perRegion("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount")},
		{"securityhub", perRegion("aws:securityhub/organizationAdminAccount:OrganizationAdminAccount")},
		{"macie", perRegion("aws:macie2/organizationAdminAccount:OrganizationAdminAccount")},
		{"detective", perRegion("aws:detective/organizationAdminAccount:OrganizationAdminAccount")},
		{"inspector", perRegion("aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount")},
		{"fms", func(t *testing.T, s Service) {
			assert.Equal(t, DelegatedAdminService, s.DelegatedAdmin)
			assert.Equal(t, "aws:fms/adminAccount:AdminAccount", string(s.DelegatedAdminResource))
		}},
		{"cloudtrail", func(t *testing.T, s Service) {
			assert.Equal(t, "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
				string(s.DelegatedAdminResource))
		}},
		{"auditmanager", func(t *testing.T, s Service) {
			assert.Equal(t,
				"aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
				string(s.DelegatedAdminResource))
		}},
		{"securitylake", func(t *testing.T, s Service) {
			assert.Equal(t, DelegatedAdminService, s.DelegatedAdmin)
			assert.Equal(t, "securitylake:RegisterDataLakeDelegatedAdministrator", s.DelegatedAdminAPI)
			// Registering the administrator enables trusted access too.
			assert.Equal(t, SecurityLakeDelegatedAdminToken, string(s.DelegatedAdminResource))
			assert.Equal(t, SecurityLakeDelegatedAdminToken, string(s.EnableResource))
			assert.False(t, s.DelegatedAdminPerRegion, "the same administrator in all Regions")
		}},
		{"iam", func(t *testing.T, s Service) {
			assert.Equal(t, "aws:iam/organizationsFeatures:OrganizationsFeatures", string(s.EnableResource))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			s, ok := LookupService(tt.key)
			require.True(t, ok, "catalog has no %q", tt.key)
			tt.check(t, s)
		})
	}
}

// catalogVerifiedTokens are the pulumi-aws v6 tokens checked by hand to exist in the
// pulumi-aws v6.83.2 Go SDK (a RegisterResource call with the token). A new
// token in the catalog must be checked the same way and added here.
var catalogVerifiedTokens = []string{
	"aws:organizations/delegatedAdministrator:DelegatedAdministrator",
	"aws:guardduty/organizationAdminAccount:OrganizationAdminAccount",
	"aws:securityhub/organizationAdminAccount:OrganizationAdminAccount",
	"aws:macie2/organizationAdminAccount:OrganizationAdminAccount",
	"aws:detective/organizationAdminAccount:OrganizationAdminAccount",
	"aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount",
	"aws:fms/adminAccount:AdminAccount",
	"aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount",
	"aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount",
	"aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration",
	"aws:servicecatalog/organizationsAccess:OrganizationsAccess",
	"aws:ram/sharingWithOrganization:SharingWithOrganization",
	"aws:iam/organizationsFeatures:OrganizationsFeatures",
}

// catalogProviderTokens are the orgtrust provider's own resources that the
// catalog names where pulumi-aws v6 has none.
var catalogProviderTokens = []string{StackSetsOrganizationsAccessToken, SecurityLakeDelegatedAdminToken,
	NotificationsOrganizationsAccessToken}

var catalogTokenRE = regexp.MustCompile(`^aws:([a-z0-9]+)/([a-z][A-Za-z0-9]*):([A-Z][A-Za-z0-9]*)$`)

func TestServiceFieldsComplete(t *testing.T) {
	t.Parallel()
	apiRE := regexp.MustCompile(`^[a-z0-9-]+:[A-Z][A-Za-z]+$`)
	for _, s := range Services() {
		t.Run(s.Key, func(t *testing.T) {
			t.Parallel()
			assert.NotEmpty(t, strings.TrimSpace(s.DisplayName), "displayName")
			assert.NotEmpty(t, s.Principals, "principals")
			assert.NotNil(t, s.ServiceLinkedRoles, "serviceLinkedRoles must be a list, not null")
			assert.GreaterOrEqual(t, len(strings.TrimSpace(s.DisableEffect)), 30, "disableEffect")
			assert.True(t, strings.HasSuffix(s.DisableEffect, "."), "disableEffect is sentences")
			assert.NotEmpty(t, s.Notes, "notes say where the facts come from")
			if s.Verified {
				assert.Contains(t, s.Notes, "Verified", "a verified entry names what it was checked against")
			} else {
				assert.Contains(t, s.Notes, "Unverified")
			}
			assert.GreaterOrEqual(t, s.MaxDelegatedAdmins, 0)

			assert.Contains(t, []DelegatedAdminMechanism{DelegatedAdminOrganizations, DelegatedAdminService,
				DelegatedAdminNone, DelegatedAdminUnknown}, s.DelegatedAdmin)
			assert.Contains(t, []EnablePath{EnableViaOrganizations, EnableViaService, EnableViaServiceOnly},
				s.EnableVia)

			switch s.DelegatedAdmin {
			case DelegatedAdminOrganizations:
				assert.Equal(t, catalog.RegisterDelegatedAdministratorAPI, s.DelegatedAdminAPI)
				assert.Equal(t, string(catalog.OrganizationsDelegatedAdministrator), string(s.DelegatedAdminResource))
				assert.False(t, s.DelegatedAdminPerRegion)
			case DelegatedAdminService:
				assert.Regexp(t, apiRE, s.DelegatedAdminAPI)
				assert.NotEqual(t, string(catalog.OrganizationsDelegatedAdministrator), string(s.DelegatedAdminResource))
			default:
				assert.Empty(t, s.DelegatedAdminAPI)
				assert.Empty(t, string(s.DelegatedAdminResource))
				assert.False(t, s.DelegatedAdminPerRegion)
				assert.Zero(t, s.MaxDelegatedAdmins)
			}
			if s.EnableVia == EnableViaServiceOnly {
				assert.Regexp(t, apiRE, s.EnableAPI, "a serviceOnly service names its own enable API")
			}
			if s.EnableAPI != "" {
				assert.Regexp(t, apiRE, s.EnableAPI)
			}
			for field, token := range map[string]string{
				"delegatedAdminResource": string(s.DelegatedAdminResource), "enableResource": string(s.EnableResource),
			} {
				if token == "" || slices.Contains(catalogProviderTokens, token) {
					continue
				}
				m := catalogTokenRE.FindStringSubmatch(token)
				require.NotNil(t, m, "%s %q is not aws:<module>/<camelName>:<PascalName>", field, token)
				assert.Equal(t, strings.ToLower(m[3][:1])+m[3][1:], m[2], "%s %q: file part must match type", field, token)
				assert.Contains(t, catalogVerifiedTokens, token, "%s %q was not checked against pulumi-aws v6.83.2", field, token)
			}
		})
	}
}

func TestServiceRetainOnDeleteIsRare(t *testing.T) {
	t.Parallel()
	var retained []string
	for _, s := range Services() {
		if s.RetainOnDelete {
			retained = append(retained, s.Key)
			assert.True(t, s.Verified, "%s: retention must rest on a verified disable effect", s.Key)
		}
	}
	// Only services whose documented disable effect breaks them while in use.
	assert.Equal(t, []string{"cloudtrail", "sso"}, retained)
}

func TestServicesReturnsCopy(t *testing.T) {
	t.Parallel()
	first := Services()
	want := Services()
	for i := range first {
		first[i].Key = "mutated"
		first[i].Principals[0] = "mutated.example.com"
		if len(first[i].ServiceLinkedRoles) > 0 {
			first[i].ServiceLinkedRoles[0] = "Mutated"
		}
	}
	assert.Equal(t, want, Services())

	svc, ok := LookupService("sso")
	require.True(t, ok)
	svc.Principals[0] = "mutated.example.com"
	byPrincipal, ok := LookupPrincipal("sso.amazonaws.com")
	require.True(t, ok)
	byPrincipal.ServiceLinkedRoles[0] = "Mutated"
	again, ok := LookupService("sso")
	require.True(t, ok)
	assert.Equal(t, []string{"sso.amazonaws.com"}, again.Principals)
	assert.Equal(t, []string{"AWSServiceRoleForSSO"}, again.ServiceLinkedRoles)

	ps := Principals()
	ps[0] = "mutated"
	assert.NotEqual(t, "mutated", Principals()[0])
}

func TestSuggestTypos(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, input, want string
	}{
		{"tld typo", "sso.amazonaws.con", "sso.amazonaws.com"},
		{"dropped letter", "guarduty.amazonaws.com", "guardduty.amazonaws.com"},
		{"truncated", "servicecatalog.amazonaws.co", "servicecatalog.amazonaws.com"},
		{"swapped letters", "secuirtyhub.amazonaws.com", "securityhub.amazonaws.com"},
		{"amazonaws for amazon", "notifications.amazonaws.com", "notifications.amazon.com"},
		{"inspector v1", "inspector.amazonaws.com", "inspector2.amazonaws.com"},
		{"stacksets without member.org", "stacksets.cloudformation.amazonaws.com",
			"member.org.stacksets.cloudformation.amazonaws.com"},
		{"docs mirror host appended", "securitylake.amazonaws.com.rproxy.govskope.ca", "securitylake.amazonaws.com"},
		{"wrong case", "SSO.amazonaws.com", "sso.amazonaws.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ValidatePrincipal("servicePrincipal", tt.input, PrincipalOptions{})
			require.ErrorContains(t, err, fmt.Sprintf("servicePrincipal %q is not a known service principal; "+
				"did you mean %q?", tt.input, tt.want))
		})
	}
}

func TestSuggestKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		input, want string
	}{
		{"guarduty", "guardduty"},
		{"GuardDuty", "guardduty"},
		{"service-catalog", "servicecatalog"},
		{"security-hub", "securityhub"},
		{"acess-analyzer", "access-analyzer"},
		{"iam-identity-centre", ""},
		{"sns", ""},
		{"xyz", ""},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			t.Parallel()
			got, ok := suggest.Nearest(tt.input, catalog.Keys())
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, got)
			_, err := ResolveService("key", tt.input)
			if tt.want != "" {
				require.ErrorContains(t, err, fmt.Sprintf("key %q is not a known service key; did you mean %q?",
					tt.input, tt.want))
			} else {
				require.ErrorContains(t, err, fmt.Sprintf("key %q is not a known service key; known keys are", tt.input))
				require.ErrorContains(t, err, "access-analyzer, account,")
			}
		})
	}
}

func TestPrincipalServiceOnlyNeedsForce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		principal string
		mentions  []string
	}{
		{"member.org.stacksets.cloudformation.amazonaws.com", []string{"cloudformation:ActivateOrganizationsAccess",
			"orgtrust resource " + StackSetsOrganizationsAccessToken}},
		{"ipam.amazonaws.com", []string{"ec2:EnableIpamOrganizationAdminAccount",
			"aws:ec2/vpcIpamOrganizationAdminAccount:VpcIpamOrganizationAdminAccount"}},
		{"ram.amazonaws.com", []string{"ram:EnableSharingWithAwsOrganization",
			"aws:ram/sharingWithOrganization:SharingWithOrganization"}},
		{"notifications.amazon.com", []string{"notifications:EnableNotificationsAccessForOrganization"}},
	}
	var covered []string
	for _, tt := range tests {
		covered = append(covered, tt.principal)
		t.Run(tt.principal, func(t *testing.T) {
			t.Parallel()
			for _, allowUnknown := range []bool{false, true} {
				_, err := ValidatePrincipal("servicePrincipal", tt.principal, PrincipalOptions{AllowUnknown: allowUnknown})
				require.ErrorContains(t, err, fmt.Sprintf("servicePrincipal %q", tt.principal))
				require.ErrorContains(t, err, "must not be enabled through AWS Organizations")
				require.ErrorContains(t, err, "set force: true")
				for _, m := range tt.mentions {
					require.ErrorContains(t, err, m)
				}
			}
			svc, err := ValidatePrincipal("servicePrincipal", tt.principal, PrincipalOptions{Force: true})
			require.NoError(t, err)
			assert.Equal(t, EnableViaServiceOnly, svc.EnableVia)
		})
	}
	// Every serviceOnly service in the catalog is in the table above.
	for _, s := range Services() {
		if s.EnableVia == EnableViaServiceOnly {
			for _, p := range s.Principals {
				assert.Contains(t, covered, p)
			}
		}
	}
	// Force changes nothing for services that may be enabled through Organizations.
	svc, err := ValidatePrincipal("servicePrincipal", "sso.amazonaws.com", PrincipalOptions{})
	require.NoError(t, err)
	assert.Equal(t, "sso", svc.Key)
}

func TestPrincipalUnknownAndMalformed(t *testing.T) {
	t.Parallel()
	longOK := strings.Repeat("a", catalog.MaxPrincipalLen-len(".amazonaws.com")) + ".amazonaws.com"
	require.Len(t, longOK, catalog.MaxPrincipalLen)
	tests := []struct {
		name       string
		principal  string
		allowKey   string // the service key expected with AllowUnknown; "-" when it must fail there too
		strictErr  []string
		lenientErr []string
	}{
		{
			name: "unknown", principal: "example-service.amazonaws.com", allowKey: "",
			strictErr: []string{`servicePrincipal "example-service.amazonaws.com" is not in the orgtrust catalog`,
				"orgtrust:index:listTrustedServices", "allowUnknownPrincipal: true"},
		},
		{name: "unknown at the length limit", principal: longOK, allowKey: "",
			strictErr: []string{"is not in the orgtrust catalog"}},
		{name: "typo is accepted when unknown principals are allowed", principal: "sso.amazonaws.con", allowKey: "",
			strictErr: []string{`did you mean "sso.amazonaws.com"?`}},
		{name: "empty", principal: "", allowKey: "-",
			strictErr: []string{"servicePrincipal is required"}, lenientErr: []string{"servicePrincipal is required"}},
		{name: "surrounding space", principal: " sso.amazonaws.com", allowKey: "-",
			strictErr:  []string{"not a well-formed service principal", "remove the surrounding whitespace"},
			lenientErr: []string{"not a well-formed service principal"}},
		{name: "inner space", principal: "sso amazonaws.com", allowKey: "-",
			strictErr: []string{`contains ' '`}, lenientErr: []string{`contains ' '`}},
		{name: "no dot", principal: "ssoamazonawscom", allowKey: "-",
			strictErr: []string{"dotted DNS-style name"}, lenientErr: []string{"dotted DNS-style name"}},
		{name: "catalog key instead of principal", principal: "guardduty", allowKey: "-",
			strictErr:  []string{`"guardduty" is the catalog key of Amazon GuardDuty`, `"guardduty.amazonaws.com"`},
			lenientErr: []string{`"guardduty.amazonaws.com"`}},
		{name: "leading dot", principal: ".sso.amazonaws.com", allowKey: "-",
			strictErr: []string{"dotted DNS-style name"}, lenientErr: []string{"dotted DNS-style name"}},
		{name: "double dot", principal: "sso..amazonaws.com", allowKey: "-",
			strictErr: []string{"dotted DNS-style name"}, lenientErr: []string{"dotted DNS-style name"}},
		{name: "url", principal: "https://sso.amazonaws.com", allowKey: "-",
			strictErr: []string{"not a URL or an ARN"}, lenientErr: []string{"not a URL or an ARN"}},
		{name: "too long", principal: "a" + longOK, allowKey: "-",
			strictErr:  []string{"servicePrincipal is 1001 characters long; AWS Organizations accepts at most 1000"},
			lenientErr: []string{"accepts at most 1000"}},
		{name: "wrong case of a known principal", principal: "GuardDuty.amazonaws.com", allowKey: "-",
			strictErr:  []string{`did you mean "guardduty.amazonaws.com"?`, "in lowercase"},
			lenientErr: []string{`did you mean "guardduty.amazonaws.com"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ValidatePrincipal("servicePrincipal", tt.principal, PrincipalOptions{})
			require.Error(t, err)
			for _, m := range tt.strictErr {
				require.ErrorContains(t, err, m)
			}

			svc, err := ValidatePrincipal("servicePrincipal", tt.principal, PrincipalOptions{AllowUnknown: true, Force: true})
			if tt.allowKey == "-" {
				require.Error(t, err)
				for _, m := range tt.lenientErr {
					require.ErrorContains(t, err, m)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, Service{}, svc)
		})
	}
}

func TestServiceResolve(t *testing.T) {
	t.Parallel()
	svc, err := ResolveService("key", "guardduty")
	require.NoError(t, err)
	assert.Equal(t, "guardduty.amazonaws.com", svc.Principals[0])

	_, err = ResolveService("key", "")
	require.ErrorContains(t, err, `key is required: set it to a catalog key such as "sso"`)
}

// catalogAnnotationRecorder is an infer.Annotator that records what is described.
type catalogAnnotationRecorder struct {
	descriptions map[any]string
}

func (r *catalogAnnotationRecorder) Describe(i any, description string) {
	r.descriptions[i] = description
}

func (*catalogAnnotationRecorder) SetDefault(any, any, ...string) {}

func (*catalogAnnotationRecorder) SetToken(tokens.ModuleName, tokens.TypeName) {}

func (*catalogAnnotationRecorder) AddAlias(tokens.ModuleName, tokens.TypeName) {}

func (*catalogAnnotationRecorder) Deprecate(any, string) {}

func TestServiceAnnotateDescribesEveryField(t *testing.T) {
	t.Parallel()
	rec := &catalogAnnotationRecorder{descriptions: map[any]string{}}
	s := &Service{}
	s.Annotate(rec)

	assert.NotEmpty(t, rec.descriptions[s], "the Service type itself")
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		desc := rec.descriptions[v.Field(i).Addr().Interface()]
		assert.GreaterOrEqual(t, len(desc), 15, "field %s has no real description", f.Name)
		assert.NotEmpty(t, f.Tag.Get("pulumi"), "field %s has no pulumi tag", f.Name)
	}
	assert.Len(t, rec.descriptions, v.NumField()+1, "no description for anything but the fields and the type")
}

func TestServiceEnumValues(t *testing.T) {
	t.Parallel()
	var mechanisms []DelegatedAdminMechanism
	for _, v := range DelegatedAdminMechanism("").Values() {
		assert.NotEmpty(t, v.Description)
		mechanisms = append(mechanisms, v.Value)
	}
	assert.ElementsMatch(t, []DelegatedAdminMechanism{DelegatedAdminOrganizations, DelegatedAdminService,
		DelegatedAdminNone, DelegatedAdminUnknown}, mechanisms)
	var paths []EnablePath
	for _, v := range EnablePath("").Values() {
		assert.NotEmpty(t, v.Description)
		paths = append(paths, v.Value)
	}
	assert.ElementsMatch(t, []EnablePath{EnableViaOrganizations, EnableViaService, EnableViaServiceOnly}, paths)
}

const (
	catalogDocPath  = "catalog/catalog.md"
	catalogDocBegin = "<!-- BEGIN GENERATED CATALOG TABLE: edit catalog/data.go, then run " +
		"ORGTRUST_UPDATE_CATALOG_DOC=1 go test ./components/ -run TestCatalogDoc -->"
	catalogDocEnd = "<!-- END GENERATED CATALOG TABLE -->"
)

// catalogTable renders the catalog as the Markdown table in catalog.md.
func catalogTable() string {
	var b strings.Builder
	b.WriteString("| key | service | principals | delegated admin | enable via | retain on delete | verified |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, s := range Services() {
		admin := string(s.DelegatedAdmin)
		if s.DelegatedAdmin == DelegatedAdminOrganizations {
			admin = "Organizations (RegisterDelegatedAdministrator)"
		} else if s.DelegatedAdminAPI != "" {
			admin += ": `" + s.DelegatedAdminAPI + "`"
		}
		if s.DelegatedAdminPerRegion {
			admin += ", per Region"
		}
		if s.MaxDelegatedAdmins > 0 {
			admin += fmt.Sprintf(", up to %d", s.MaxDelegatedAdmins)
		}
		enable := string(s.EnableVia)
		if s.EnableAPI != "" {
			enable += ": `" + s.EnableAPI + "`"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", s.Key, s.DisplayName,
			"`"+strings.Join(s.Principals, "`, `")+"`", admin, enable, catalogYesNo(s.RetainOnDelete), catalogYesNo(s.Verified))
	}
	return b.String()
}

func catalogYesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// TestCatalogDoc keeps the table in catalog.md in step with the catalog.
func TestCatalogDoc(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(catalogDocPath)
	require.NoError(t, err)
	doc := string(raw)
	begin := strings.Index(doc, catalogDocBegin)
	end := strings.Index(doc, catalogDocEnd)
	require.True(t, begin >= 0 && end > begin, "catalog.md lacks the generated-table markers")
	want := doc[:begin+len(catalogDocBegin)] + "\n" + catalogTable() + doc[end:]
	if os.Getenv("ORGTRUST_UPDATE_CATALOG_DOC") == "1" {
		require.NoError(t, os.WriteFile(catalogDocPath, []byte(want), 0o600))
		return
	}
	assert.Equal(t, want, doc, "catalog.md is stale: run ORGTRUST_UPDATE_CATALOG_DOC=1 go test ./components/ -run TestCatalogDoc")
}
