// Command fakeawsplugin is a test harness: a stand-in for the pulumi-aws
// resource provider plugin (pulumi-resource-aws), for engine tests on a
// machine that cannot download pulumi-aws. The tests build it into a
// temporary directory, with the version of the pulumi-aws Go SDK in go.mod
// (-ldflags "-X main.version=..."), and register it as that version's
// plugin, so the engine loads it for the SDK's resources.
//
// It serves only what IdentityCenterSetup registers and invokes on its
// assignment path, with the tokens, property names, IDs and behaviour of
// pulumi-aws v6 (terraform-provider-aws internal/service/ssoadmin,
// identitystore and organizations):
//
//   - aws:ssoadmin/permissionSet:PermissionSet: ID PERMISSION_SET_ARN,INSTANCE_ARN;
//     name and instanceArn replace; a permission set gone from AWS leaves the state on refresh.
//   - aws:ssoadmin/accountAssignment:AccountAssignment: ID
//     PRINCIPAL_ID,PRINCIPAL_TYPE,TARGET_ID,TARGET_TYPE,PERMISSION_SET_ARN,INSTANCE_ARN;
//     every input replaces; create fails when the assignment exists already, then
//     CreateAccountAssignment and polling until it completes; delete is
//     DeleteAccountAssignment (ResourceNotFoundException counts as deleted) and polling.
//   - functions aws:ssoadmin/getInstances, aws:identitystore/getGroup and getUser (by
//     alternate identifier), aws:organizations/getOrganization (accounts only when
//     ListAccounts is allowed), aws:index/getRegion.
//
// Any other type or function fails as unknown. Credentials, the Region and
// endpoints come from the AWS SDK's default chain, as they do for pulumi-aws:
// tests point it at the fakes with AWS_ENDPOINT_URL_SSO_ADMIN,
// AWS_ENDPOINT_URL_IDENTITYSTORE and AWS_ENDPOINT_URL_ORGANIZATIONS.
// ORGTRUST_FAKE_AWS_POLL (a Go duration, default 10s as pulumi-aws waits)
// is the delay between status polls.
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
			infer.Resource(&ApplicationAssignmentConfiguration{}), infer.Resource(&TrustedTokenIssuer{})).
		WithFunctions(infer.Function(&GetInstances{}), infer.Function(&GetGroup{}), infer.Function(&GetUser{}),
			infer.Function(&GetOrganization{}), infer.Function(&GetRegion{}), infer.Function(&GetPermissionSet{}),
			infer.Function(&GetPermissionSets{}), infer.Function(&GetApplication{}),
			infer.Function(&GetOrganizationalUnitDescendantAccounts{})).
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
		invoke := prov.Invoke
		prov.Invoke = func(ctx context.Context, req p.InvokeRequest) (p.InvokeResponse, error) {
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
// return an id, a name that infer reserves.
func withID(resp p.InvokeResponse) p.InvokeResponse {
	if v, ok := resp.Return.GetOk("resultId"); ok {
		resp.Return = resp.Return.Delete("resultId").Set("id", v)
	}
	return resp
}
