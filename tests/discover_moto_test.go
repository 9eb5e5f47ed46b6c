package tests

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	configtypes "github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	neturl "net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/guardduty"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/discover"
	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
)

// TestDiscoverMoto sets an organization up in moto, an independent emulator,
// through the AWS APIs themselves (Organizations, IAM Identity Center, the
// identity store, GuardDuty), then discovers it: the configuration
// reproduces it, and its plan imports the permission set, its policy and the
// assignments with IDs made of moto's own identifiers.
func TestDiscoverMoto(t *testing.T) {
	t.Parallel()
	url := startMoto(t)
	ctx := context.Background()
	cfg := fakeAWSConfig()
	cfg.BaseEndpoint = aws.String(url)

	orgs := organizations.NewFromConfig(cfg)
	org, err := orgs.CreateOrganization(ctx, &organizations.CreateOrganizationInput{FeatureSet: orgtypes.OrganizationFeatureSetAll})
	require.NoError(t, err)
	mgmt := aws.ToString(org.Organization.MasterAccountId)
	roots, err := orgs.ListRoots(ctx, &organizations.ListRootsInput{})
	require.NoError(t, err)
	root := aws.ToString(roots.Roots[0].Id)
	ou, err := orgs.CreateOrganizationalUnit(ctx, &organizations.CreateOrganizationalUnitInput{
		ParentId: aws.String(root), Name: aws.String("Workloads")})
	require.NoError(t, err)
	ouID := aws.ToString(ou.OrganizationalUnit.Id)
	var members []string
	for _, name := range []string{"prod", "dev"} {
		_, err := orgs.CreateAccount(ctx, &organizations.CreateAccountInput{
			AccountName: aws.String(name), Email: aws.String(name + "@example.com")})
		require.NoError(t, err)
	}
	accounts, err := orgs.ListAccounts(ctx, &organizations.ListAccountsInput{})
	require.NoError(t, err)
	for _, a := range accounts.Accounts {
		if id := aws.ToString(a.Id); id != mgmt {
			members = append(members, id)
			_, err := orgs.MoveAccount(ctx, &organizations.MoveAccountInput{AccountId: a.Id,
				SourceParentId: aws.String(root), DestinationParentId: aws.String(ouID)})
			require.NoError(t, err)
		}
	}
	slices.Sort(members)
	require.Len(t, members, 2)
	for _, p := range []string{"sso.amazonaws.com", "access-analyzer.amazonaws.com", "guardduty.amazonaws.com",
		"config-multiaccountsetup.amazonaws.com"} {
		_, err := orgs.EnableAWSServiceAccess(ctx, &organizations.EnableAWSServiceAccessInput{ServicePrincipal: aws.String(p)})
		require.NoError(t, err)
	}
	_, err = orgs.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{
		AccountId: aws.String(members[0]), ServicePrincipal: aws.String("access-analyzer.amazonaws.com")})
	require.NoError(t, err)
	_, err = orgs.RegisterDelegatedAdministrator(ctx, &organizations.RegisterDelegatedAdministratorInput{
		AccountId: aws.String(members[0]), ServicePrincipal: aws.String("config-multiaccountsetup.amazonaws.com")})
	require.NoError(t, err)
	// The organization aggregator, put in the administrator's account through
	// the role discover assumes there (moto keeps each assumed account apart).
	roleArn := "arn:aws:iam::" + members[0] + ":role/" + components.DefaultAdministratorRole
	adminCfg := cfg.Copy()
	adminCfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), roleArn))
	_, err = configservice.NewFromConfig(adminCfg).PutConfigurationAggregator(ctx,
		&configservice.PutConfigurationAggregatorInput{ConfigurationAggregatorName: aws.String("org-aggregator"),
			OrganizationAggregationSource: &configtypes.OrganizationAggregationSource{AllAwsRegions: true,
				RoleArn: aws.String("arn:aws:iam::" + members[0] + ":role/ConfigAggregator")}})
	require.NoError(t, err)
	_, err = guardduty.NewFromConfig(cfg).EnableOrganizationAdminAccount(ctx,
		&guardduty.EnableOrganizationAdminAccountInput{AdminAccountId: aws.String(members[0])})
	require.NoError(t, err)

	sso := ssoadmin.NewFromConfig(cfg)
	insts, err := sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	require.NoError(t, err)
	require.NotEmpty(t, insts.Instances)
	inst := insts.Instances[0]
	ps, err := sso.CreatePermissionSet(ctx, &ssoadmin.CreatePermissionSetInput{
		InstanceArn: inst.InstanceArn, Name: aws.String("ReadOnly"), Description: aws.String("Read everything"),
		SessionDuration: aws.String("PT2H")})
	require.NoError(t, err)
	psArn := aws.ToString(ps.PermissionSet.PermissionSetArn)
	_, err = sso.AttachManagedPolicyToPermissionSet(ctx, &ssoadmin.AttachManagedPolicyToPermissionSetInput{
		InstanceArn: inst.InstanceArn, PermissionSetArn: aws.String(psArn),
		ManagedPolicyArn: aws.String("arn:aws:iam::aws:policy/ReadOnlyAccess")})
	require.NoError(t, err)
	group, err := identitystore.NewFromConfig(cfg).CreateGroup(ctx, &identitystore.CreateGroupInput{
		IdentityStoreId: inst.IdentityStoreId, DisplayName: aws.String("Auditors")})
	require.NoError(t, err)
	gid := aws.ToString(group.GroupId)
	for _, a := range members {
		_, err := sso.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
			InstanceArn: inst.InstanceArn, PermissionSetArn: aws.String(psArn), PrincipalId: aws.String(gid),
			PrincipalType: ssotypes.PrincipalTypeGroup, TargetId: aws.String(a), TargetType: ssotypes.TargetTypeAwsAccount,
		})
		require.NoError(t, err)
	}

	// moto's Identity Center answers a permission set's ARN in the form of an
	// instance's and an identity store ID that is not hexadecimal, and does not
	// implement three of the reads (see motoAdapter); discover reads through
	// the adapter.
	psArn = strings.Replace(psArn, ":sso:::instance/", ":sso:::permissionSet/", 1)
	adapter, storeID := motoAdapter(t, url, aws.ToString(inst.IdentityStoreId))
	adapted := cfg.Copy()
	adapted.BaseEndpoint = aws.String(adapter)
	res, err := discover.Run(ctx, discover.Options{Config: adapted, Services: []string{"access-analyzer",
		"config", "guardduty", "sso"}})
	require.NoError(t, err)
	for _, p := range res.Inventory.Unreadable {
		t.Logf("moto could not answer: %s: %s", p.What, p.Why)
	}
	g := discover.Build(res.Inventory)
	for _, p := range g.CannotManage {
		t.Logf("cannot manage: %s: %s", p.What, p.Why)
	}
	// By name: GuardDuty has one of its two principals enabled, so its
	// integration names that one (servicePrincipal), under the name guardduty.
	byService := map[string]components.OrgServiceIntegrationArgs{}
	for _, in := range g.Integrations {
		byService[cmp.Or(in.Name, in.Service)] = in.OrgServiceIntegrationArgs
	}
	require.Contains(t, byService, "access-analyzer")
	assert.Equal(t, members[0], byService["access-analyzer"].DelegatedAdminAccountID)
	require.Contains(t, byService, "guardduty")
	assert.Equal(t, members[0], byService["guardduty"].DelegatedAdminAccountID, "moto's GuardDuty administrator")
	assert.Equal(t, []string{"us-east-1"}, byService["guardduty"].Regions)
	assert.Equal(t, "guardduty.amazonaws.com", byService["guardduty"].ServicePrincipal)

	// AWS Config's organization aggregator, read by moto's
	// DescribeConfigurationAggregators in the administrator's account (moto
	// registers Config's administrator for config-multiaccountsetup only).
	var cf components.OrgServiceIntegrationArgs
	for _, in := range g.Integrations {
		if in.ServicePrincipal == "config-multiaccountsetup.amazonaws.com" {
			cf = in.OrgServiceIntegrationArgs
		}
	}
	require.NotNil(t, cf.OrganizationConfiguration, "moto's aggregator in %s", members[0])
	assert.Equal(t, &components.ConfigAggregatorConfiguration{AggregatorName: "org-aggregator",
		RoleArn: "arn:aws:iam::" + members[0] + ":role/ConfigAggregator"}, cf.OrganizationConfiguration.Config)
	assert.Equal(t, []string{"us-east-1"}, cf.Adopt.OrganizationConfigurationRegions)

	ic := g.IdentityCenter
	require.NotNil(t, ic)
	assert.Equal(t, storeID, ic.IdentityStoreID)
	require.Len(t, ic.PermissionSets, 1)
	assert.Equal(t, "Read everything", ic.PermissionSets[0].Description)
	assert.Equal(t, []string{"arn:aws:iam::aws:policy/ReadOnlyAccess"}, ic.PermissionSets[0].ManagedPolicyArns)
	require.Len(t, ic.Assignments, 1)
	assert.Equal(t, []string{ouID}, ic.Assignments[0].OrganizationalUnitIDs,
		"two assignments that cover the OU's accounts are written as the OU")

	dir := t.TempDir()
	files, err := g.ConfigFiles("moto")
	require.NoError(t, err)
	fx, err := g.FixturesYAML("moto")
	require.NoError(t, err)
	_, _, err = files.WriteTo(dir, "moto", writeFile)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fx.yaml"), fx, 0o644))
	p, err := plan.Run(plan.Options{StackConfig: filepath.Join(dir, "Pulumi.moto.yaml"),
		Fixtures: filepath.Join(dir, "fx.yaml")})
	require.NoError(t, err)
	require.Empty(t, p.Errors)
	var imports []string
	for _, r := range p.Resources() {
		if r.ImportID != "" {
			imports = append(imports, r.ImportID)
		}
	}
	instArn := aws.ToString(inst.InstanceArn)
	for _, want := range []string{
		psArn + "," + instArn,
		"arn:aws:iam::aws:policy/ReadOnlyAccess," + psArn + "," + instArn,
		members[0] + "/access-analyzer.amazonaws.com",
		members[0],
		"org-aggregator",
	} {
		assert.Contains(t, imports, want)
	}
	assert.False(t, slices.ContainsFunc(imports, func(s string) bool { return strings.Contains(s, "AKIDFAKE") }))
	// The two assignments are in the assignment set, which adopts them.
	var set []string
	for _, r := range p.Resources() {
		if r.Type != components.AccountAssignmentsToken {
			continue
		}
		for _, v := range r.Inputs["assignments"].ArrayValue() {
			a := v.ObjectValue()
			set = append(set, a["principalType"].StringValue()+" "+a["principalId"].StringValue()+" "+
				a["accountId"].StringValue())
		}
	}
	assert.ElementsMatch(t, []string{"GROUP " + gid + " " + members[0], "GROUP " + gid + " " + members[1]}, set)
}

// motoPermissionSetArn is moto's form of a permission set's ARN:
// arn:aws:sso:::instance/ssoins-<16>/ps-<16>, where AWS answers
// arn:aws:sso:::permissionSet/ssoins-<16>/ps-<16> (the API reference's
// PermissionSetArn pattern).
var motoPermissionSetArn = regexp.MustCompile(`:sso:::instance/((?:sso)?ins-[a-zA-Z0-9.-]{16}/ps-)`)

// awsPermissionSetArn is AWS's form, to turn back into moto's in requests.
var awsPermissionSetArn = regexp.MustCompile(`:sso:::permissionSet/((?:sso)?ins-[a-zA-Z0-9.-]{16}/ps-)`)

// motoAdapter serves moto behind a proxy that corrects what moto 5.2.5 does
// not do as AWS does, for IAM Identity Center only: it writes permission set
// ARNs in AWS's form (and back in moto's for moto), and answers the three
// reads moto does not implement as AWS answers them for a permission set
// without tags and boundary, and an instance without ABAC: ListTagsForResource
// with no tags, GetPermissionsBoundaryForPermissionSet and
// DescribeInstanceAccessControlAttributeConfiguration with
// ResourceNotFoundException. Its identity store ID, which is not of AWS's
// form d-<10 hexadecimal digits>, is written as one that is (and back for
// moto), returned with the adapter's URL. Everything else is moto's own
// answer.
func motoAdapter(t *testing.T, moto, motoStoreID string) (string, string) {
	t.Helper()
	sum := sha256.Sum256([]byte(motoStoreID))
	storeID := "d-" + hex.EncodeToString(sum[:])[:10]
	target, err := neturl.Parse(moto)
	require.NoError(t, err)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(resp *http.Response) error {
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		body = motoPermissionSetArn.ReplaceAll(body, []byte(":sso:::permissionSet/$1"))
		body = bytes.ReplaceAll(body, []byte(motoStoreID), []byte(storeID))
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
		return nil
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		notFound := func(msg string) {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprintf(w, `{"__type":"ResourceNotFoundException","Message":%q}`, msg)
		}
		switch r.Header.Get("X-Amz-Target") {
		case "SWBExternalService.ListTagsForResource":
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			fmt.Fprint(w, `{"Tags":[]}`)
			return
		case "SWBExternalService.GetPermissionsBoundaryForPermissionSet":
			notFound("Could not find PermissionsBoundary for PermissionSet.")
			return
		case "SWBExternalService.DescribeInstanceAccessControlAttributeConfiguration":
			notFound("Instance access control attribute configuration does not exist.")
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = awsPermissionSetArn.ReplaceAll(body, []byte(":sso:::instance/$1"))
		body = bytes.ReplaceAll(body, []byte(storeID), []byte(motoStoreID))
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, storeID
}
