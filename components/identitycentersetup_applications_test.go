package components

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	icApplicationType           = "aws:ssoadmin/application:Application"
	icAppAssignmentType         = "aws:ssoadmin/applicationAssignment:ApplicationAssignment"
	icAppAssignmentConfigType   = "aws:ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration"
	icAppAccessScopeType        = "aws:ssoadmin/applicationAccessScope:ApplicationAccessScope"
	icTrustedTokenIssuerType    = "aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer"
	icGetApplicationToken       = "aws:ssoadmin/getApplication:getApplication"
	icExistingAppArn            = "arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-0123456789abcdef"
	icOtherInstanceAppArn       = "arn:aws:sso::111122223333:application/ssoins-fedcba0987654321/apl-0123456789abcdef"
	icMissingAppArn             = "arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-ffffffffffffffff"
	icRedshiftAppArn            = "arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-a1a1a1a1a1a1a1a1"
	icTestIssuerURL             = "https://login.example.com/oauth2/default"
	icCreatedAppArnPrefix       = "arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-"
	icTrustedTokenIssuerArnBase = "arn:aws:sso::111122223333:trustedTokenIssuer/ssoins-1234567890abcdef/tti-"
)

// icExistingApplication answers getApplication: icExistingAppArn in the
// instance, icOtherInstanceAppArn in another, anything else not found.
func icExistingApplication(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	arn := args.Args["applicationArn"].StringValue()
	instance := icTestInstanceArn
	switch arn {
	case icExistingAppArn:
	case icOtherInstanceAppArn:
		instance = "arn:aws:sso:::instance/ssoins-fedcba0987654321"
	default:
		return nil, fmt.Errorf("reading SSO Admin Application (%s): couldn't find resource", arn)
	}
	return resource.PropertyMap{
		"id": resource.NewProperty(arn), "applicationArn": resource.NewProperty(arn),
		"instanceArn": resource.NewProperty(instance), "name": resource.NewProperty("Grafana"),
		"applicationProviderArn": resource.NewProperty("arn:aws:sso::aws:applicationProvider/custom-saml"),
	}, nil
}

// icApplicationOutputs gives applications and issuers the ARNs AWS computes.
func icApplicationOutputs(args pulumi.MockResourceArgs, out resource.PropertyMap) {
	name := args.Inputs["name"].StringValue()
	if args.TypeToken == icApplicationType {
		out["applicationArn"] = resource.NewProperty(icCreatedAppArnPrefix + name)
		return
	}
	out["arn"] = resource.NewProperty(icTrustedTokenIssuerArnBase + name)
}

// icApplicationArgs adds two applications and a trusted token issuer to
// icFullArgs: Portal, created, assigned to two groups (one existing) and a
// user, with access scopes; Grafana, an existing SAML application, assigned
// to an existing group.
func icApplicationArgs() IdentityCenterSetupArgs {
	args := icFullArgs()
	args.Applications = []ApplicationSpec{
		{
			Name:               "Portal",
			Description:        "Internal developer portal",
			Status:             "ENABLED",
			PortalVisibility:   "ENABLED",
			ApplicationURL:     "https://portal.example.com/login",
			Tags:               map[string]string{"team": "platform"},
			AssignmentRequired: ptr(true),
			Principals: []PrincipalRef{
				{Type: PrincipalGroup, Name: "Developers"},
				{Type: PrincipalGroup, Name: "Auditors"},
				{Type: PrincipalUser, Name: "jdoe"},
				{Type: "group", Name: "Developers"}, // duplicate: merged
			},
			AccessScopes: []AccessScopeSpec{
				{Scope: "sso:account:access"},
				{Scope: "redshift:connect", AuthorizedTargets: []string{icRedshiftAppArn, icExistingAppArn}},
			},
		},
		{
			Name:               "Grafana",
			Existing:           true,
			ApplicationArn:     icExistingAppArn,
			AssignmentRequired: ptr(false),
			Principals:         []PrincipalRef{{Type: PrincipalGroup, Name: "Auditors"}},
		},
	}
	args.TrustedTokenIssuers = []TrustedTokenIssuerSpec{{
		Name:                       "Okta",
		IssuerURL:                  icTestIssuerURL,
		ClaimAttributePath:         "email",
		IdentityStoreAttributePath: "emails.value",
		Tags:                       map[string]string{"idp": "okta"},
	}}
	return args
}

func TestIdentityCenterSetupApplications(t *testing.T) {
	t.Parallel()
	m := newICMock(icDefaultOrg())
	outs, err := icRun(m, icApplicationArgs())
	require.NoError(t, err)
	comp := m.Find(t, "sso")
	access, admin := m.ByType(TrustedServiceAccessToken)[0], m.ByType(rdaType)[0]

	// Created: the application with its portal options; never the existing one.
	require.Equal(t, []string{"sso-app-Portal"}, icNames(m.ByType(icApplicationType)))
	portal := m.Find(t, "sso-app-Portal")
	requireChild(t, wantChild{typ: icApplicationType, name: "sso-app-Portal", inputs: map[string]any{
		"instanceArn":            icTestInstanceArn,
		"name":                   "Portal",
		"applicationProviderArn": "arn:aws:sso::aws:applicationProvider/custom",
		"description":            "Internal developer portal",
		"status":                 "ENABLED",
		"tags":                   map[string]any{"team": "platform"},
		"portalOptions": map[string]any{
			"visibility":    "ENABLED",
			"signInOptions": map[string]any{"origin": "APPLICATION", "applicationUrl": "https://portal.example.com/login"},
		},
	}}, portal)
	assert.Equal(t, comp.URN, portal.Parent)
	requireDependsOn(t, portal, access)
	requireDependsOn(t, portal, admin)
	assert.Equal(t, 1, m.count(icGetApplicationToken), "the existing application is looked up once")

	// Assignments, keyed by the principal, merged; they take the application's
	// ARN and the principal's ID.
	assert.Equal(t, []string{
		"sso-app-Grafana-group-Auditors",
		"sso-app-Portal-group-Auditors",
		"sso-app-Portal-group-Developers",
		"sso-app-Portal-user-jdoe",
	}, icNames(m.ByType(icAppAssignmentType)))
	devs := m.Find(t, "sso-app-Portal-group-Developers")
	requireChild(t, wantChild{typ: icAppAssignmentType, name: devs.Name, inputs: map[string]any{
		"applicationArn": icCreatedAppArnPrefix + "Portal", "principalId": "gid-Developers", "principalType": "GROUP",
	}}, devs)
	assert.Equal(t, []string{portal.URN}, devs.PropertyDependencies["applicationArn"])
	assert.Equal(t, []string{m.Find(t, "sso-group-Developers").URN}, devs.PropertyDependencies["principalId"])
	jdoe := m.Find(t, "sso-app-Portal-user-jdoe")
	assert.Equal(t, "USER", inputString(t, jdoe, "principalType"))
	assert.Equal(t, "uid-jdoe", inputString(t, jdoe, "principalId"))

	// The existing application: its ARN as given, and an explicit edge after
	// the integration, since nothing else orders its children.
	grafana := m.Find(t, "sso-app-Grafana-group-Auditors")
	requireChild(t, wantChild{typ: icAppAssignmentType, name: grafana.Name, inputs: map[string]any{
		"applicationArn": icExistingAppArn, "principalId": "existing-group-Auditors", "principalType": "GROUP",
	}}, grafana)
	requireDependsOn(t, grafana, access)
	requireDependsOn(t, grafana, admin)

	// Assignment required, per application.
	assert.Equal(t, []string{"sso-app-Grafana-assignment-required", "sso-app-Portal-assignment-required"},
		icNames(m.ByType(icAppAssignmentConfigType)))
	assert.Equal(t, resource.NewProperty(true), m.Find(t, "sso-app-Portal-assignment-required").Inputs["assignmentRequired"])
	assert.Equal(t, resource.NewProperty(false), m.Find(t, "sso-app-Grafana-assignment-required").Inputs["assignmentRequired"])
	requireDependsOn(t, m.Find(t, "sso-app-Portal-assignment-required"), portal)

	// Access scopes, keyed by the scope, targets sorted.
	assert.Equal(t, []string{"sso-app-Portal-scope-redshift-connect", "sso-app-Portal-scope-sso-account-access"},
		icNames(m.ByType(icAppAccessScopeType)))
	requireChild(t, wantChild{typ: icAppAccessScopeType, name: "sso-app-Portal-scope-redshift-connect", inputs: map[string]any{
		"applicationArn": icCreatedAppArnPrefix + "Portal", "scope": "redshift:connect",
		"authorizedTargets": []any{icExistingAppArn, icRedshiftAppArn},
	}}, m.Find(t, "sso-app-Portal-scope-redshift-connect"))
	requireChild(t, wantChild{typ: icAppAccessScopeType, name: "sso-app-Portal-scope-sso-account-access", inputs: map[string]any{
		"applicationArn": icCreatedAppArnPrefix + "Portal", "scope": "sso:account:access",
	}}, m.Find(t, "sso-app-Portal-scope-sso-account-access"))

	// Trusted token issuer, with its OIDC JWT configuration.
	tti := m.Find(t, "sso-tti-Okta")
	requireChild(t, wantChild{typ: icTrustedTokenIssuerType, name: "sso-tti-Okta", inputs: map[string]any{
		"instanceArn": icTestInstanceArn, "name": "Okta", "trustedTokenIssuerType": "OIDC_JWT",
		"tags": map[string]any{"idp": "okta"},
		"trustedTokenIssuerConfiguration": map[string]any{"oidcJwtConfiguration": map[string]any{
			"claimAttributePath": "email", "identityStoreAttributePath": "emails.value",
			"issuerUrl": icTestIssuerURL, "jwksRetrievalOption": "OPEN_ID_DISCOVERY",
		}},
	}}, tti)
	requireDependsOn(t, tti, access)

	// Destroy: assignments and scopes before the application, the
	// application before the delegated administrator.
	order := m.DestroyOrder(t)
	requireDestroyedBefore(t, order, devs, portal)
	requireDestroyedBefore(t, order, m.Find(t, "sso-app-Portal-scope-redshift-connect"), portal)
	requireDestroyedBefore(t, order, devs, m.Find(t, "sso-group-Developers"))
	requireDestroyedBefore(t, order, portal, admin)
	requireDestroyedBefore(t, order, tti, admin)

	assert.Equal(t, map[string]string{"Grafana": icExistingAppArn, "Portal": icCreatedAppArnPrefix + "Portal"},
		outs.get(t, "applicationArns"))
	assert.Equal(t, map[string]string{"Okta": icTrustedTokenIssuerArnBase + "Okta"}, outs.get(t, "trustedTokenIssuerArns"))
}

func TestIdentityCenterSetupApplicationsStableKeys(t *testing.T) {
	t.Parallel()
	base := newICMock(icDefaultOrg())
	_, err := icRun(base, icApplicationArgs())
	require.NoError(t, err)
	want := icSnapshot(base)
	for seed := range uint64(3) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewPCG(seed, seed+7))
			args := icApplicationArgs()
			args.Applications = shuffled(r, args.Applications)
			for i := range args.Applications {
				a := &args.Applications[i]
				a.Principals = shuffled(r, a.Principals)
				a.AccessScopes = shuffled(r, a.AccessScopes)
				for j := range a.AccessScopes {
					a.AccessScopes[j].AuthorizedTargets = shuffled(r, a.AccessScopes[j].AuthorizedTargets)
				}
			}
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			require.NoError(t, err)
			assert.Equal(t, want, icSnapshot(m), "reordering gives the same children and inputs")
		})
	}
}

func TestIdentityCenterSetupApplicationBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*IdentityCenterSetupArgs)
		want   []string
	}{
		{"bad name", func(a *IdentityCenterSetupArgs) { a.Applications[0].Name = "Dev Portal" },
			[]string{`applications[0].name "Dev Portal" is not a valid application name: use 1 to 255 letters, digits and +=,.@_-`}},
		{"name too long", func(a *IdentityCenterSetupArgs) { a.Applications[0].Name = strings.Repeat("a", 256) },
			[]string{"applications[0].name", "is not a valid application name"}},
		{"duplicate name", func(a *IdentityCenterSetupArgs) { a.Applications[1].Name = "Portal" },
			[]string{`applications[1].name "Portal" is a duplicate`}},
		{"SAML provider cannot be created", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].ApplicationProviderArn = "arn:aws:sso::aws:applicationProvider/custom-saml"
		}, []string{`applications[0].applicationProviderArn "arn:aws:sso::aws:applicationProvider/custom-saml" cannot create an application`,
			"creates only customer managed OAuth 2.0 applications", "reference it with existing: true and its applicationArn"}},
		{"not a provider ARN", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].ApplicationProviderArn = "arn:aws:sso:::applicationProvider/custom"
		}, []string{`applications[0].applicationProviderArn "arn:aws:sso:::applicationProvider/custom" is not an application provider ARN`}},
		{"description too long", func(a *IdentityCenterSetupArgs) { a.Applications[0].Description = strings.Repeat("d", 129) },
			[]string{"applications[0].description is 129 characters; IAM Identity Center accepts at most 128"}},
		{"bad status", func(a *IdentityCenterSetupArgs) { a.Applications[0].Status = "ON" },
			[]string{`applications[0].status "ON" is not a status; use ENABLED or DISABLED`}},
		{"bad visibility", func(a *IdentityCenterSetupArgs) { a.Applications[0].PortalVisibility = "visible" },
			[]string{`applications[0].portalVisibility "visible" is not a status`}},
		{"bad origin", func(a *IdentityCenterSetupArgs) { a.Applications[0].SignInOrigin = "PORTAL" },
			[]string{`applications[0].signInOrigin "PORTAL" is not a sign-in origin`}},
		{"bad URL", func(a *IdentityCenterSetupArgs) { a.Applications[0].ApplicationURL = "portal.example.com" },
			[]string{`applications[0].applicationUrl "portal.example.com" is not an application URL`}},
		{"URL too long", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].ApplicationURL = "https://portal.example.com/" + strings.Repeat("a", 500)
		}, []string{"applications[0].applicationUrl", "at most 512 characters"}},
		{"origin APPLICATION without URL", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].ApplicationURL, a.Applications[0].SignInOrigin = "", "APPLICATION"
		}, []string{"applications[0].applicationUrl is empty, but signInOrigin is APPLICATION"}},
		{"ARN on a created application", func(a *IdentityCenterSetupArgs) { a.Applications[0].ApplicationArn = icExistingAppArn },
			[]string{"applications[0].applicationArn is set on an application to create; set existing: true"}},
		{"existing without ARN", func(a *IdentityCenterSetupArgs) { a.Applications[1].ApplicationArn = "" },
			[]string{"applications[1].applicationArn is empty; give the ARN of the existing application"}},
		{"existing with a bad ARN", func(a *IdentityCenterSetupArgs) { a.Applications[1].ApplicationArn = "apl-0123456789abcdef" },
			[]string{`applications[1].applicationArn "apl-0123456789abcdef" is not an application ARN`}},
		{"existing of another instance", func(a *IdentityCenterSetupArgs) { a.Applications[1].ApplicationArn = icOtherInstanceAppArn },
			[]string{`applications[1].applicationArn "` + icOtherInstanceAppArn + `" is an application of instance ssoins-fedcba0987654321, not of instanceArn`}},
		{"existing with settings", func(a *IdentityCenterSetupArgs) {
			a.Applications[1].Description, a.Applications[1].Tags = "x", map[string]string{"a": "b"}
		}, []string{"applications[1] sets description, tags on an existing application; the component never modifies an application it references"}},
		{"unknown group", func(a *IdentityCenterSetupArgs) { a.Applications[0].Principals[0].Name = "Developer" },
			[]string{`applications[0].principals[0].name "Developer" is not a group declared in groups; did you mean "Developers"?`}},
		{"bad principal type", func(a *IdentityCenterSetupArgs) { a.Applications[0].Principals[2].Type = "ROLE" },
			[]string{`applications[0].principals[2].type "ROLE" is not a principal type; use GROUP or USER`}},
		{"bad scope", func(a *IdentityCenterSetupArgs) { a.Applications[0].AccessScopes[0].Scope = "sso account access" },
			[]string{`applications[0].accessScopes[0].scope "sso account access" is not an access scope`}},
		{"scope with four parts", func(a *IdentityCenterSetupArgs) { a.Applications[0].AccessScopes[0].Scope = "a:b:c:d" },
			[]string{`applications[0].accessScopes[0].scope "a:b:c:d" is not an access scope`}},
		{"duplicate scope", func(a *IdentityCenterSetupArgs) { a.Applications[0].AccessScopes[1].Scope = "sso:account:access" },
			[]string{`applications[0].accessScopes[1].scope "sso:account:access" is a duplicate`}},
		{"bad target", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].AccessScopes[1].AuthorizedTargets = []string{"arn:aws:iam::111122223333:role/X"}
		}, []string{`applications[0].accessScopes[1].authorizedTargets[0] "arn:aws:iam::111122223333:role/X" is not an application or instance ARN`}},
		{"duplicate target", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].AccessScopes[1].AuthorizedTargets = []string{icRedshiftAppArn, icRedshiftAppArn}
		}, []string{"applications[0].accessScopes[1].authorizedTargets[1]", "is a duplicate"}},
		{"too many targets", func(a *IdentityCenterSetupArgs) {
			var targets []string
			for i := range 11 {
				targets = append(targets, fmt.Sprintf("%s%016x", icCreatedAppArnPrefix, i))
			}
			a.Applications[0].AccessScopes[1].AuthorizedTargets = targets
		}, []string{"applications[0].accessScopes[1].authorizedTargets has 11 targets; IAM Identity Center accepts at most 10"}},
		{"every problem at once", func(a *IdentityCenterSetupArgs) {
			a.Applications[0].Status = "ON"
			a.Applications[1].ApplicationArn = ""
			a.TrustedTokenIssuers[0].IssuerURL = "http://login.example.com"
		}, []string{"3 input errors", "applications[0].status", "applications[1].applicationArn", "trustedTokenIssuers[0].issuerUrl"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icApplicationArgs()
			tc.mutate(&args)
			checkErr := CheckIdentityCenterSetup("sso", args)
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			for _, w := range tc.want {
				require.ErrorContains(t, checkErr, w)
				require.ErrorContains(t, err, w)
			}
			assert.Empty(t, m.Resources(), "bad input must register nothing")
			assert.Empty(t, m.Invokes(), "bad input must look nothing up")
		})
	}
}

func TestIdentityCenterSetupApplicationLookupFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		arn  string
		want string
	}{
		{"not found", icMissingAppArn, "applications[1].applicationArn: looking up the existing application " + icMissingAppArn},
		{"another instance, found by the lookup", icOtherInstanceAppArn,
			"is an application of instance arn:aws:sso:::instance/ssoins-fedcba0987654321, not of the component's instance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icApplicationArgs()
			args.InstanceArn, args.IdentityStoreID = "", "" // looked up: the ARN check waits for the lookup
			args.Applications[1].ApplicationArn = tc.arn
			require.NoError(t, CheckIdentityCenterSetup("sso", args))
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			require.ErrorContains(t, err, tc.want)
			assert.Empty(t, m.Resources())
		})
	}
}

func TestIdentityCenterSetupTrustedTokenIssuerBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		mutate func(*TrustedTokenIssuerSpec)
		want   string
	}{
		{"bad name", func(s *TrustedTokenIssuerSpec) { s.Name = "Okta prod" },
			`trustedTokenIssuers[0].name "Okta prod" is not a valid trusted token issuer name`},
		{"http issuer", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = "http://login.example.com/oauth2/default" },
			`trustedTokenIssuers[0].issuerUrl "http://login.example.com/oauth2/default" does not use https: an OpenID Connect issuer identifier is an https URL; use https://login.example.com/oauth2/default`},
		{"issuer with a query", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = icTestIssuerURL + "?tenant=1" },
			"has a query or fragment, which an OpenID Connect issuer identifier never has"},
		{"issuer with a fragment", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = icTestIssuerURL + "#x" },
			"has a query or fragment"},
		{"issuer not a URL", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = "login.example.com" },
			`trustedTokenIssuers[0].issuerUrl "login.example.com" is not a URL`},
		{"issuer empty", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = "" },
			`trustedTokenIssuers[0].issuerUrl "" is empty; give the issuer's https:// URL`},
		{"issuer too long", func(s *TrustedTokenIssuerSpec) { s.IssuerURL = "https://login.example.com/" + strings.Repeat("p", 500) },
			"at most 512 characters"},
		{"claim path", func(s *TrustedTokenIssuerSpec) { s.ClaimAttributePath = "$.email" },
			`trustedTokenIssuers[0].claimAttributePath "$.email" is not a claim attribute path`},
		{"claim path too deep", func(s *TrustedTokenIssuerSpec) { s.ClaimAttributePath = "a.b.c.d" },
			`trustedTokenIssuers[0].claimAttributePath "a.b.c.d" is not a claim attribute path`},
		{"identity-store path with underscore", func(s *TrustedTokenIssuerSpec) { s.IdentityStoreAttributePath = "emails_value" },
			`trustedTokenIssuers[0].identityStoreAttributePath "emails_value" is not an identity-store attribute path`},
		{"JWKS option", func(s *TrustedTokenIssuerSpec) { s.JwksRetrievalOption = "JWKS_URI" },
			`trustedTokenIssuers[0].jwksRetrievalOption "JWKS_URI" is not a JWKS retrieval option; IAM Identity Center has OPEN_ID_DISCOVERY only`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := icApplicationArgs()
			tc.mutate(&args.TrustedTokenIssuers[0])
			require.ErrorContains(t, CheckIdentityCenterSetup("sso", args), tc.want)
			m := newICMock(icDefaultOrg())
			_, err := icRun(m, args)
			require.ErrorContains(t, err, tc.want)
			assert.Empty(t, m.Resources())
		})
	}
	t.Run("duplicates", func(t *testing.T) {
		t.Parallel()
		args := icApplicationArgs()
		dup := args.TrustedTokenIssuers[0]
		dup.Name = "Okta2"
		dup.IssuerURL += "/"
		again := args.TrustedTokenIssuers[0]
		again.IssuerURL = "https://other.example.com"
		args.TrustedTokenIssuers = append(args.TrustedTokenIssuers, dup, again)
		err := CheckIdentityCenterSetup("sso", args)
		require.ErrorContains(t, err, `trustedTokenIssuers[1].issuerUrl "https://login.example.com/oauth2/default/" is also the issuer URL of trustedTokenIssuers[0]`)
		require.ErrorContains(t, err, `trustedTokenIssuers[2].name "Okta" is a duplicate`)
	})
}
