// Command fakeawsplugin is a test harness: a stand-in for the pulumi-aws
// resource provider plugin (pulumi-resource-aws), for engine tests on a
// machine that cannot download pulumi-aws. The tests build it, stamped with
// the version of the pulumi-aws Go SDK in go.mod (-ldflags "-X
// main.version=..."), and install it as that version's plugin, so the engine
// loads it for the SDK's resources.
//
// It serves every pulumi-aws resource and function the components register or
// invoke (TestStandInServesEveryAWSType keeps it so), and the examples' own
// (accessanalyzer.Analyzer, a provider that assumes a role), with pulumi-aws
// v6's tokens, property names, IDs, defaults and replace-on-change
// properties, and terraform-provider-aws's create, read and delete calls: the
// doc comment of each type cites its terraform-provider-aws file
// (internal/service/<service>/<resource>.go) and says where the stand-in does
// less (an update the tests never make, IAM's service-linked roles). A
// resource gone from AWS leaves the state on refresh, as pulumi-aws's do.
// Any other type or function fails as unknown.
//
// Credentials, the Region and endpoints come from the AWS SDK's default
// chain, as they do for pulumi-aws, and the provider configuration's region
// assumeRole (the calls arrive as the role's account, as the fakes of the
// administrator's APIs expect) and allowedAccountIds: the tests point every service at one fake organization
// with AWS_ENDPOINT_URL (tests/fakebrownfield). ORGTRUST_FAKE_AWS_POLL (a Go
// duration, default 10s as pulumi-aws waits) is the delay between status
// polls. `pulumi-resource-aws -schema` prints the schema.
package main

import (
	"context"
	"fmt"
	"os"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	rpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// version is the pulumi-aws version the plugin stands in for, set at build time.
var version = "6.0.0"

func main() {
	prov, err := infer.NewProviderBuilder().
		WithNamespace("pulumi").
		WithConfig(infer.Config(&Config{})).
		WithResources(infer.Resource(&PermissionSet{}), infer.Resource(&AccountAssignment{}),
			infer.Resource(&DelegatedAdministrator{}),
			infer.Resource(&AdminAccount[guardDutyAdmin]{}), infer.Resource(&AdminAccount[securityHubAdmin]{}),
			infer.Resource(&AdminAccount[macieAdmin]{}), infer.Resource(&AccountAdmin[detectiveAdmin]{}),
			infer.Resource(&AccountAdmin[inspectorAdmin]{}),
			infer.Resource(&OrganizationsAccess{}), infer.Resource(&Portfolio{}), infer.Resource(&PortfolioShare{}),
			infer.Resource(&PrincipalPortfolioAssociation{}), infer.Resource(&Analyzer{}),
			infer.Resource(&SharingWithOrganization{}),
			infer.Resource(&Group{}), infer.Resource(&User{}), infer.Resource(&GroupMembership{}),
			infer.Resource(&ManagedPolicyAttachment{}), infer.Resource(&CustomerManagedPolicyAttachment{}),
			infer.Resource(&PermissionSetInlinePolicy{}), infer.Resource(&PermissionsBoundaryAttachment{}),
			infer.Resource(&InstanceAccessControlAttributes{}), infer.Resource(&Application{}),
			infer.Resource(&ApplicationAccessScope{}), infer.Resource(&ApplicationAssignment{}),
			infer.Resource(&ApplicationAssignmentConfiguration{}), infer.Resource(&TrustedTokenIssuer{}),
			infer.Resource(&GuardDutyOrganizationConfiguration{}), infer.Resource(&OrganizationConfigurationFeature{}),
			infer.Resource(&SecurityHubOrganizationConfiguration{}), infer.Resource(&FindingAggregator{}),
			infer.Resource(&ConfigurationPolicy{}), infer.Resource(&ConfigurationPolicyAssociation{}),
			infer.Resource(&ConfigurationAggregator{}), infer.Resource(&Role{}), infer.Resource(&RolePolicyAttachment{}),
			infer.Resource(&MacieOrganizationConfiguration{}), infer.Resource(&MacieMember{}),
			infer.Resource(&InspectorOrganizationConfiguration{}), infer.Resource(&InspectorMemberAssociation{}),
			infer.Resource(&InspectorEnabler{}), infer.Resource(&DetectiveGraph{}),
			infer.Resource(&DetectiveOrganizationConfiguration{}), infer.Resource(&DetectiveMember{}),
			infer.Resource(&VpcIpamOrganizationAdminAccount{}),
			infer.Resource(&FMSAdminAccount{}), infer.Resource(&AuditManagerAdminRegistration{}),
			infer.Resource(&CloudTrailDelegatedAdminAccount{})).
		WithFunctions(infer.Function(&GetInstances{}), infer.Function(&GetGroup{}), infer.Function(&GetUser{}),
			infer.Function(&GetOrganization{}), infer.Function(&GetRegion{}), infer.Function(&GetPermissionSet{}),
			infer.Function(&GetPermissionSets{}), infer.Function(&GetApplication{}),
			infer.Function(&GetOrganizationalUnitDescendantAccounts{}), infer.Function(&GetDetector{}),
			infer.Function(&GetCallerIdentity{}), infer.Function(&GetRegions{})).
		Build()
	if err == nil && len(os.Args) == 2 && os.Args[1] == "-schema" {
		// The schema, for the test that checks what the stand-in serves.
		var server rpc.ResourceProviderServer
		if server, err = p.RawServer("aws", version, prov)(nil); err == nil {
			var schema *rpc.GetSchemaResponse
			if schema, err = server.GetSchema(context.Background(), &rpc.GetSchemaRequest{}); err == nil {
				fmt.Println(schema.GetSchema())
				return
			}
		}
	}
	if err == nil {
		// A preview's create has no ID, as pulumi-aws's planned state has
		// none: a program's invoke that depends on the resource then waits
		// for the update instead of running at preview.
		create := prov.Create
		prov.Create = func(ctx context.Context, req p.CreateRequest) (p.CreateResponse, error) {
			resp, err := create(ctx, req)
			if req.DryRun {
				resp.ID = ""
			}
			return resp, err
		}
		invoke := prov.Invoke
		prov.Invoke = func(ctx context.Context, req p.InvokeRequest) (p.InvokeResponse, error) {
			if v, ok := req.Args.GetOk("id"); ok {
				req.Args = req.Args.Delete("id").Set("lookupId", v)
			}
			resp, err := invoke(ctx, req)
			return withID(resp), err
		}
		err = prov.Run(context.Background(), "aws", version)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// withID renames a function result's resultId to id: pulumi-aws's functions
// return an id, a name that infer reserves (and take one: the Invoke above
// renames an id argument to lookupId).
func withID(resp p.InvokeResponse) p.InvokeResponse {
	if v, ok := resp.Return.GetOk("resultId"); ok {
		resp.Return = resp.Return.Delete("resultId").Set("id", v)
	}
	return resp
}
