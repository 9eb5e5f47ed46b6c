package discover_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// run discovers the fake organization and plans the configuration it
// writes, as `make plan` does with the written files.
func run(t *testing.T, o *fb.Org, regions ...string) (*discover.Generated, *plan.Plan, []byte) {
	t.Helper()
	return runIn(t, t.TempDir(), o, regions...)
}

// runIn is run, writing the files to dir.
func runIn(t *testing.T, dir string, o *fb.Org, regions ...string) (*discover.Generated, *plan.Plan, []byte) {
	t.Helper()
	res, err := discover.Run(context.Background(), discover.Options{
		Config: o.AWSConfig(context.Background()), Regions: regions, RequestsPerSecond: 1000,
	})
	require.NoError(t, err)
	g := discover.Build(res.Inventory)
	cfg, err := g.ConfigFiles("brown")
	require.NoError(t, err)
	fx, err := g.FixturesYAML("brown")
	require.NoError(t, err)
	files := discover.Files{Fixtures: filepath.Join(dir, "plan-fixtures.brown.yaml"),
		Report: "discover-report.brown.txt"}
	files.StackConfig, files.Sections, err = cfg.WriteTo(dir, "brown", writeFile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(files.Fixtures, fx, 0o644))
	p, err := plan.Run(plan.Options{StackConfig: files.StackConfig, Fixtures: files.Fixtures})
	require.NoError(t, err)
	require.Empty(t, p.Errors, "the written configuration plans without errors:\n%s", cfg.Stack)
	var report bytes.Buffer
	require.NoError(t, discover.WriteReport(&report, "brown", g, p, files))
	return g, p, report.Bytes()
}

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

func newFake(t *testing.T, opts fb.Options) *fb.Org {
	t.Helper()
	opts.RequestsPerSecond = 1000
	o := fb.New(opts)
	t.Cleanup(o.Close)
	return o
}

// imported lists the plan's imports as "type import-ID", sorted.
func imported(p *plan.Plan) []string {
	var out []string
	for _, r := range p.Resources() {
		if r.ImportID != "" {
			out = append(out, r.Type+" "+r.ImportID)
		}
	}
	sort.Strings(out)
	return out
}

// TestBrownfieldPlansEveryExistingObjectAsImport discovers the seeded
// organization and checks, on the plan of the written configuration, that
// every object the fake holds is imported with the import ID of its
// pulumi-aws documentation, computed here from the fake's own state, and
// that nothing that exists is created: the creates are trusted access
// (which adopts an enabled principal without a write), Region providers and
// Service Catalog's access switch, which pulumi-aws cannot import.
func TestBrownfieldPlansEveryExistingObjectAsImport(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	seeded := fb.Seed(o)
	g, p, report := run(t, o, "us-east-1", "eu-west-1")

	inst := o.SSO.InstanceArn()
	ps := seeded.PermissionSets
	want := []string{
		"aws:organizations/delegatedAdministrator:DelegatedAdministrator 222222222222/access-analyzer.amazonaws.com",
		"aws:organizations/delegatedAdministrator:DelegatedAdministrator 222222222222/config.amazonaws.com",
		"aws:organizations/delegatedAdministrator:DelegatedAdministrator 444444444444/sso.amazonaws.com",
		"aws:organizations/delegatedAdministrator:DelegatedAdministrator 555555555555/servicecatalog.amazonaws.com",
		"aws:guardduty/organizationAdminAccount:OrganizationAdminAccount 222222222222",
		"aws:guardduty/organizationAdminAccount:OrganizationAdminAccount 222222222222",
		"aws:securityhub/organizationAdminAccount:OrganizationAdminAccount 222222222222",
		// The organization configuration the administrator set, read through
		// its role, with pulumi-aws's import IDs: GuardDuty's by the detector
		// of each Region; Security Hub's central configuration by the
		// administrator's account, its finding aggregator by ARN, its policies
		// by ID and their associations by target; the analyzers and the
		// aggregator by name.
		"aws:guardduty/organizationConfiguration:OrganizationConfiguration " + fb.GuardDutyDetector("us-east-1"),
		"aws:guardduty/organizationConfiguration:OrganizationConfiguration " + fb.GuardDutyDetector("eu-west-1"),
		"aws:securityhub/organizationConfiguration:OrganizationConfiguration 222222222222",
		"aws:securityhub/findingAggregator:FindingAggregator " + fb.SecurityHubAggregator,
		"aws:securityhub/configurationPolicy:ConfigurationPolicy " + fb.PolicyBaseline,
		"aws:securityhub/configurationPolicy:ConfigurationPolicy " + fb.PolicyStrict,
		"aws:securityhub/configurationPolicy:ConfigurationPolicy " + fb.PolicyOff,
		"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation " + fakeorg.RootID,
		"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation " + fb.OUWorkloads,
		"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation " + fb.Sandbox1,
		"aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation " + fb.Sandbox2,
		"aws:accessanalyzer/analyzer:Analyzer org-analyzer",
		"aws:accessanalyzer/analyzer:Analyzer org-analyzer-unused-access",
		"aws:cfg/configurationAggregator:ConfigurationAggregator organization-aggregator",
		"aws:ram/sharingWithOrganization:SharingWithOrganization 111111111111",
		"aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes " + inst,
		"aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment DeveloperExtras,/," +
			ps["Developer"] + "," + inst,
		"aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment DeveloperGuardrails,/platform/," +
			ps["Developer"] + "," + inst,
		"aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy " + ps["Developer"] + "," + inst,
		"aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment " + ps["Developer"] + "," + inst,
		"aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment " + ps["Billing"] + "," + inst,
		"aws:servicecatalog/portfolio:Portfolio " + fb.Portfolio,
		"aws:servicecatalog/portfolioShare:PortfolioShare " + fb.Portfolio + ":ORGANIZATIONAL_UNIT:" +
			"arn:aws:organizations::111111111111:ou/o-exampleorgid/" + fb.OUWorkloads,
		"aws:servicecatalog/portfolioShare:PortfolioShare " + fb.Portfolio + ":ORGANIZATION_MEMBER_ACCOUNT:" + fb.Shared,
		"aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation en," +
			"arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Developer_*," + fb.Portfolio + ",IAM_PATTERN",
		"aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation en," +
			"arn:aws:iam:::role/ci/ProductLauncher*," + fb.Portfolio + ",IAM_PATTERN",
	}
	for name, arn := range ps {
		want = append(want, "aws:ssoadmin/permissionSet:PermissionSet "+arn+","+inst)
		_ = name
	}
	for _, m := range []struct{ ps, policy string }{
		{"Administrator", "AdministratorAccess"}, {"ReadOnly", "ReadOnlyAccess"},
		{"ReadOnly", "job-function/ViewOnlyAccess"}, {"Developer", "PowerUserAccess"},
	} {
		want = append(want, "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment arn:aws:iam::aws:policy/"+
			m.policy+","+ps[m.ps]+","+inst)
	}
	sort.Strings(want)
	assert.Equal(t, want, imported(p))

	// The assignments are one AccountAssignments (a new stack's mode), which
	// adopts each existing one without a write: it holds exactly those, by
	// permission set name (the plan's ARNs are simulated).
	nameOf := map[string]string{}
	for name, arn := range o.SSO.PermissionSets() {
		nameOf[arn] = name
	}
	var existing, set []string
	for _, a := range o.SSO.Assignments() {
		existing = append(existing, strings.Join([]string{nameOf[a.PermissionSetArn], a.PrincipalType,
			a.PrincipalID, a.AccountID}, " "))
	}
	for _, r := range p.Resources() {
		if r.Type != components.AccountAssignmentsToken {
			continue
		}
		for _, v := range r.Inputs["assignments"].ArrayValue() {
			a := v.ObjectValue()
			ps := a["permissionSetArn"].StringValue()
			set = append(set, strings.Join([]string{ps[strings.LastIndex(ps, "identity-center-ps-")+len(
				"identity-center-ps-"):], a["principalType"].StringValue(), a["principalId"].StringValue(),
				a["accountId"].StringValue()}, " "))
		}
	}
	require.Len(t, existing, 26)
	assert.ElementsMatch(t, existing, set, "the assignment set holds every existing assignment, once")

	var creates []string
	for _, r := range p.Resources() {
		if !r.Custom || r.ImportID != "" {
			continue
		}
		switch r.Type {
		case components.TrustedServiceAccessToken:
			creates = append(creates, "access "+r.Inputs["servicePrincipal"].StringValue())
		case "pulumi:providers:aws":
			creates = append(creates, "provider "+r.Inputs["region"].StringValue())
		default:
			creates = append(creates, r.Type)
		}
	}
	sort.Strings(creates)
	assert.Equal(t, []string{
		"access access-analyzer.amazonaws.com", "access config.amazonaws.com", "access guardduty.amazonaws.com",
		"access malware-protection.guardduty.amazonaws.com", "access securityhub.amazonaws.com",
		"access sso.amazonaws.com",
		// GuardDuty's protection plans, which pulumi-aws does not import:
		// created with the values read, which changes nothing.
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature",
		"aws:servicecatalog/organizationsAccess:OrganizationsAccess",
		"orgtrust:index:AccountAssignments",
		"orgtrust:index:PermissionSetProvisioning", "orgtrust:index:PermissionSetProvisioning",
		"orgtrust:index:PermissionSetProvisioning", "orgtrust:index:PermissionSetProvisioning",
		// One provider per Region, shared by GuardDuty and Security Hub, and
		// one per Region in the administrator's account.
		"provider eu-west-1", "provider eu-west-1", "provider us-east-1", "provider us-east-1",
	}, creates, "only trusted access, provisioning and the assignment set (each recorded without a write where "+
		"nothing is to do), "+
		"providers and Service Catalog's access switch are created")
	for _, pr := range creates {
		if p, ok := strings.CutPrefix(pr, "access "); ok {
			assert.Contains(t, o.Orgs.EnabledPrincipals(), p, "trusted access is created only where it is enabled")
		}
	}

	// The assignments cover OUs exactly where they can.
	ic := g.IdentityCenter
	require.NotNil(t, ic)
	var targets []string
	for _, a := range ic.Assignments {
		var names []string
		for _, p := range a.Principals {
			names = append(names, p.Name)
		}
		targets = append(targets, a.PermissionSet+" "+strings.Join(names, "+")+" ous="+
			strings.Join(a.OrganizationalUnitIDs, ",")+" accounts="+strings.Join(a.AccountIDs, ","))
	}
	assert.Equal(t, []string{
		"Administrator Platform Admins ous=" + fb.OUSandbox + " accounts=" + fb.Management,
		"Developer Developers ous=" + fb.OUWorkloads + " accounts=" + fb.DevClosed,
		"Developer breakglass@example.com ous= accounts=" + fb.Prod1,
		"ReadOnly Auditors+Developers ous=r-ex12 accounts=",
	}, targets)

	assert.Contains(t, string(report), "trusted access for "+fb.UnknownPrincipal+
		": the principal is outside the orgtrust catalog")
	assert.Contains(t, string(report), "imports 41 resources")
	assert.NotContains(t, string(report), "does not exist: the first up creates it",
		"nothing the report lists as created is missing from the organization")
}

// TestDiscoverIsDeterministic discovers the same organization twice: the
// configuration, the fixtures and the report are byte for byte the same.
func TestDiscoverIsDeterministic(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{PageSize: 1})
	fb.Seed(o)
	dir := t.TempDir()
	outputs := func() []string {
		g, _, report := runIn(t, dir, o, "us-east-1", "eu-west-1")
		cfg, err := g.ConfigFiles("brown")
		require.NoError(t, err)
		fx, err := g.FixturesYAML("brown")
		require.NoError(t, err)
		return []string{string(cfg.Stack), cfg.SectionsName, string(cfg.Sections), string(fx), string(report)}
	}
	first, second := outputs(), outputs()
	assert.Equal(t, first, second)
}

// TestDiscoverEmptyOrganization discovers an organization with nothing set
// up but an Identity Center instance: nothing is imported.
func TestDiscoverEmptyOrganization(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	g, p, report := run(t, o)
	assert.Empty(t, imported(p))
	assert.Empty(t, g.Integrations)
	require.NotNil(t, g.IdentityCenter)
	assert.Nil(t, g.IdentityCenter.Adopt)
	assert.Empty(t, g.IdentityCenter.PermissionSets)
	assert.Nil(t, g.ServiceCatalog)
	assert.Contains(t, string(report), "imports 0 resources")
}

// TestDiscoverBadInput checks the problems that stop discover before it
// reads the organization: each is an InputError that says what to do.
func TestDiscoverBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		fake    fb.Options
		change  func(*fb.Org, *aws.Config)
		regions []string
		wantErr string
	}{
		{
			name:    "missing Region",
			change:  func(_ *fb.Org, c *aws.Config) { c.Region = "" },
			wantErr: "no AWS Region is configured: set AWS_REGION",
		},
		{
			name: "no credentials",
			change: func(_ *fb.Org, c *aws.Config) {
				c.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
					return aws.Credentials{}, errors.New("failed to refresh cached credentials, no EC2 IMDS role found")
				})
			},
			wantErr: "no AWS credentials: failed to refresh cached credentials, no EC2 IMDS role found. Set AWS_PROFILE",
		},
		{
			name:   "member account's credentials",
			change: func(o *fb.Org, _ *aws.Config) { o.STS.SetAccount(fb.Security) },
			wantErr: "the AWS credentials are of account 222222222222, a member of organization o-exampleorgid, whose " +
				"management account is 111111111111",
		},
		{
			name:    "Identity Center not enabled",
			fake:    fb.Options{NoInstance: true},
			wantErr: "IAM Identity Center is not enabled in us-east-1",
		},
		{
			name:    "misspelt Region flag",
			regions: []string{"us-east-1", "eu-wset-1"},
			wantErr: `--regions[1]: "eu-wset-1" is not an AWS Region: did you mean "eu-west-1", Europe (Ireland)?`,
		},
		{
			name:    "Region flag of the wrong shape",
			regions: []string{"eu-west1"},
			wantErr: `--regions[0]: "eu-west1" is not an AWS Region name: did you mean "eu-west-1", Europe (Ireland)?`,
		},
		{
			name:    "a Region no partition has",
			regions: []string{"mars-north-9"},
			wantErr: `--regions[0]: "mars-north-9" is not an AWS Region name: use names such as "us-east-1" or "eu-west-1"`,
		},
		{
			name:   "misspelt configured Region",
			change: func(_ *fb.Org, c *aws.Config) { c.Region = "us-esat-1" },
			wantErr: `the configured Region (AWS_REGION, or region in the profile of AWS_PROFILE) "us-esat-1" is not ` +
				`an AWS Region: did you mean "us-east-1", US East (N. Virginia)?`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			o := newFake(t, tt.fake)
			fb.Seed(o)
			cfg := o.AWSConfig(context.Background())
			if tt.change != nil {
				tt.change(o, &cfg)
			}
			opts := discover.Options{Config: cfg, RequestsPerSecond: 1000, Regions: tt.regions}
			_, err := discover.Run(context.Background(), opts)
			require.ErrorContains(t, err, tt.wantErr)
			var in *components.InputError
			assert.ErrorAs(t, err, &in, "a problem of discover's input")
		})
	}
}

// TestDiscoverReportsWhatItCannotRead denies one admin API and designates
// GuardDuty's administrator in a Region not read: both are reported, and
// neither administrator is written.
func TestDiscoverReportsWhatItCannotRead(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	o.Admins.Deny("macie2")
	g, _, report := run(t, o, "us-east-1")
	assert.Contains(t, string(report), "Amazon Macie's delegated administrator in us-east-1: it could not be "+
		"read, so it is left out of the configuration: access denied to macie2:ListOrganizationAdminAccounts "+
		"(HTTP 403, AccessDeniedException: User is not authorized to perform: macie2:ListOrganizationAdminAccounts")
	assert.Contains(t, string(report), "the role needs the read-only deployer policy (getDeployerPolicy with "+
		"readOnly, identityCenter and serviceCatalog), which allows macie2:ListOrganizationAdminAccounts")
	for _, in := range g.Integrations {
		if in.Service == "guardduty" {
			assert.Equal(t, []string{"us-east-1"}, in.Regions, "only the Regions read")
		}
		assert.NotEqual(t, "macie", in.Service)
	}
}

// TestDiscoverLeavesOutRedundantShares discovers a portfolio shared with the
// whole organization and, redundantly, with an OU and a member account: the
// configuration keeps the organization share (ServiceCatalogSharing refuses
// the others as redundant), imports it, and the report names each share left
// out with the command that deletes it.
func TestDiscoverLeavesOutRedundantShares(t *testing.T) {
	t.Parallel()
	o := newFake(t, fb.Options{})
	fb.Seed(o)
	const everyone = "port-everyone0001"
	o.Catalog.AddPortfolio(fakeservices.Portfolio{
		ID: everyone, Name: "Everyone", ProviderName: "Platform team",
		Shares: []fakeservices.PortfolioShare{
			{Type: "ORGANIZATION", PrincipalID: fakeorg.OrganizationID},
			{Type: "ORGANIZATIONAL_UNIT", PrincipalID: fb.OUWorkloads},
			{Type: "ORGANIZATION_MEMBER_ACCOUNT", PrincipalID: fb.Shared},
		},
	})
	g, p, report := run(t, o, "us-east-1")
	require.NotNil(t, g.ServiceCatalog)
	var shares []components.ShareSpec
	for _, pf := range g.ServiceCatalog.Portfolios {
		if g.ServiceCatalog.Adopt.Portfolios[pf.Key] == everyone {
			shares = pf.Shares
		}
	}
	assert.Equal(t, []components.ShareSpec{{Type: "ORGANIZATION", ID: fakeorg.OrganizationID}}, shares)
	assert.Contains(t, imported(p), "aws:servicecatalog/portfolioShare:PortfolioShare "+everyone+
		":ORGANIZATION:arn:aws:organizations::"+fb.Management+":organization/"+fakeorg.OrganizationID)
	for _, s := range []string{"ORGANIZATIONAL_UNIT share of portfolio " + everyone + " with " + fb.OUWorkloads,
		"ORGANIZATION_MEMBER_ACCOUNT share of portfolio " + everyone + " with " + fb.Shared} {
		assert.Contains(t, string(report), s)
	}
	assert.Contains(t, string(report), "aws servicecatalog delete-portfolio-share --portfolio-id "+everyone+
		" --organization-node Type=ORGANIZATIONAL_UNIT,Value="+fb.OUWorkloads)
}
