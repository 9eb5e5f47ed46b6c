package provider

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/securitylake"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

//go:embed docs/securitylakedelegatedadmin.md
var securityLakeDelegatedAdminDoc string

// securityLakePrincipal is the principal Security Lake registers its
// delegated administrator under in Organizations.
const securityLakePrincipal = "securitylake.amazonaws.com"

var accountIDRE = regexp.MustCompile(`^\d{12}$`)

// SecurityLakeDelegatedAdmin designates the organization's Amazon Security
// Lake delegated administrator with Security Lake's own API, which also
// enables Security Lake's trusted access and creates its service-linked role.
type SecurityLakeDelegatedAdmin struct{}

// Compile-time checks that the resource implements the life cycle.
var (
	_ infer.CustomResource[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState] = (*SecurityLakeDelegatedAdmin)(nil)
	_ infer.CustomCheck[SecurityLakeDelegatedAdminArgs]                                     = (*SecurityLakeDelegatedAdmin)(nil)
	_ infer.CustomRead[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState]     = (*SecurityLakeDelegatedAdmin)(nil)
	_ infer.CustomUpdate[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState]   = (*SecurityLakeDelegatedAdmin)(nil)
	_ infer.CustomDelete[SecurityLakeDelegatedAdminState]                                   = (*SecurityLakeDelegatedAdmin)(nil)
)

// SecurityLakeDelegatedAdminArgs are the inputs of SecurityLakeDelegatedAdmin.
type SecurityLakeDelegatedAdminArgs struct {
	AccountID          string `pulumi:"accountId" provider:"replaceOnChanges"`
	DeregisterOnDelete *bool  `pulumi:"deregisterOnDelete,optional"`
}

// SecurityLakeDelegatedAdminState is the state of SecurityLakeDelegatedAdmin.
type SecurityLakeDelegatedAdminState struct {
	SecurityLakeDelegatedAdminArgs
	ServicePrincipal       string `pulumi:"servicePrincipal"`
	WillDeregisterOnDelete bool   `pulumi:"willDeregisterOnDelete"`
}

// Annotate documents the resource.
func (r *SecurityLakeDelegatedAdmin) Annotate(a infer.Annotator) {
	a.Describe(r, securityLakeDelegatedAdminDoc)
}

// Annotate documents the inputs.
func (a *SecurityLakeDelegatedAdminArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.AccountID, "The 12-digit ID of the member account to designate as the organization's Security "+
		"Lake delegated administrator. It may not be the management account. Changing it replaces the resource: "+
		"the organization has one Security Lake delegated administrator, the same in every Region.")
	an.Describe(&a.DeregisterOnDelete, "Whether deleting the resource deregisters the delegated administrator "+
		"(DeregisterDataLakeDelegatedAdministrator). Defaults to true.")
}

// Annotate documents the outputs.
func (s *SecurityLakeDelegatedAdminState) Annotate(a infer.Annotator) {
	a.Describe(&s.ServicePrincipal, "The principal the administrator is registered under in Organizations, "+
		"`securitylake.amazonaws.com`.")
	a.Describe(&s.WillDeregisterOnDelete, "Whether deleting this resource will deregister the delegated "+
		"administrator: `deregisterOnDelete` with its default applied.")
}

func securityLakeStateOf(args SecurityLakeDelegatedAdminArgs) SecurityLakeDelegatedAdminState {
	return SecurityLakeDelegatedAdminState{
		SecurityLakeDelegatedAdminArgs: args,
		ServicePrincipal:               securityLakePrincipal,
		WillDeregisterOnDelete:         args.DeregisterOnDelete == nil || *args.DeregisterOnDelete,
	}
}

// Check validates the account ID at preview.
func (*SecurityLakeDelegatedAdmin) Check(ctx context.Context, req infer.CheckRequest) (
	infer.CheckResponse[SecurityLakeDelegatedAdminArgs], error,
) {
	args, failures, err := infer.DefaultCheck[SecurityLakeDelegatedAdminArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[SecurityLakeDelegatedAdminArgs]{Inputs: args, Failures: failures}, err
	}
	if !req.NewInputs.Get("accountId").IsComputed() && !accountIDRE.MatchString(args.AccountID) {
		failures = append(failures, p.CheckFailure{Property: "accountId", Reason: fmt.Sprintf(
			"accountId %q is not an AWS account ID: set it to the 12 digits of a member account, such as %q",
			args.AccountID, "111122223333")})
	}
	return infer.CheckResponse[SecurityLakeDelegatedAdminArgs]{Inputs: args, Failures: failures}, nil
}

// securityLakeAdmins lists the accounts registered as Security Lake's
// delegated administrator.
func securityLakeAdmins(ctx context.Context, c *orgClient) ([]string, error) {
	lister, ok := c.api.(awsapi.DelegatedAdminLister)
	if !ok {
		return nil, fmt.Errorf("the Organizations client cannot list delegated administrators")
	}
	var accounts []string
	pages := organizations.NewListDelegatedAdministratorsPaginator(lister, &organizations.ListDelegatedAdministratorsInput{
		ServicePrincipal: aws.String(securityLakePrincipal),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, explain("organizations:ListDelegatedAdministrators", err)
		}
		for _, a := range page.DelegatedAdministrators {
			accounts = append(accounts, aws.ToString(a.Id))
		}
	}
	return accounts, nil
}

// Create registers the delegated administrator; one already registered is
// adopted without a write.
func (*SecurityLakeDelegatedAdmin) Create(ctx context.Context, req infer.CreateRequest[SecurityLakeDelegatedAdminArgs]) (
	infer.CreateResponse[SecurityLakeDelegatedAdminState], error,
) {
	type resp = infer.CreateResponse[SecurityLakeDelegatedAdminState]
	args := req.Inputs
	if req.DryRun {
		return resp{ID: args.AccountID, Output: securityLakeStateOf(args)}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	orgs, err := cfg.orgs(ctx)
	if err != nil {
		return resp{}, err
	}
	admins, err := securityLakeAdmins(ctx, orgs)
	if err != nil {
		return resp{}, err
	}
	if !slices.Contains(admins, args.AccountID) {
		sl, err := cfg.securityLake(ctx)
		if err != nil {
			return resp{}, err
		}
		// Registering enables Security Lake's trusted access and registers the
		// account in Organizations: it goes through the Organizations write queue.
		if err := orgs.serviceWrite(ctx, "securitylake:RegisterDataLakeDelegatedAdministrator", func() error {
			_, err := sl.RegisterDataLakeDelegatedAdministrator(ctx, &securitylake.RegisterDataLakeDelegatedAdministratorInput{
				AccountId: aws.String(args.AccountID),
			})
			return err
		}); err != nil {
			return resp{}, fmt.Errorf("registering %s as the Security Lake delegated administrator: %w", args.AccountID, err)
		}
		// Read back until Organizations lists it, so that the refresh after
		// this up finds it (propagation).
		if err := waitSecurityLakeAdmin(ctx, cfg, orgs, args.AccountID, true); err != nil {
			return resp{}, fmt.Errorf("registered %s as the Security Lake delegated administrator, but "+
				"ListDelegatedAdministrators does not list it: %w", args.AccountID, err)
		}
	}
	return resp{ID: args.AccountID, Output: securityLakeStateOf(args)}, nil
}

// Read looks the account up among Security Lake's delegated administrators in
// Organizations. An account deregistered out of band is gone, so the next
// update registers it again. Import reads by account ID, and fails when the
// account is not the delegated administrator (nothingToImport).
func (*SecurityLakeDelegatedAdmin) Read(ctx context.Context,
	req infer.ReadRequest[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState],
) (infer.ReadResponse[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState], error) {
	type resp = infer.ReadResponse[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState]
	args := req.Inputs
	if args.AccountID == "" {
		args = req.State.SecurityLakeDelegatedAdminArgs
	}
	importing := args.AccountID == "" // no inputs and no prior state
	if importing {
		args = SecurityLakeDelegatedAdminArgs{AccountID: req.ID}
	}
	orgs, err := infer.GetConfig[*Config](ctx).orgs(ctx)
	if err != nil {
		return resp{}, err
	}
	admins, err := securityLakeAdmins(ctx, orgs)
	if err != nil {
		return resp{}, fmt.Errorf("reading the Security Lake delegated administrator: %w", err)
	}
	switch {
	case !slices.Contains(admins, args.AccountID) && importing:
		return resp{}, nothingToImport(
			fmt.Sprintf("%s is not Security Lake's delegated administrator", args.AccountID),
			"create the resource without importing it (its create registers the account), or check the ID, "+
				"which is the account ID, against `aws organizations list-delegated-administrators "+
				"--service-principal securitylake.amazonaws.com`")
	case !slices.Contains(admins, args.AccountID):
		return resp{}, nil
	}
	return resp{ID: args.AccountID, Inputs: args, State: securityLakeStateOf(args)}, nil
}

// Update changes only what delete does (accountId replaces): no AWS call.
func (*SecurityLakeDelegatedAdmin) Update(_ context.Context,
	req infer.UpdateRequest[SecurityLakeDelegatedAdminArgs, SecurityLakeDelegatedAdminState],
) (infer.UpdateResponse[SecurityLakeDelegatedAdminState], error) {
	return infer.UpdateResponse[SecurityLakeDelegatedAdminState]{Output: securityLakeStateOf(req.Inputs)}, nil
}

// Delete deregisters the delegated administrator unless the resource keeps it.
func (*SecurityLakeDelegatedAdmin) Delete(ctx context.Context, req infer.DeleteRequest[SecurityLakeDelegatedAdminState]) (
	infer.DeleteResponse, error,
) {
	if !req.State.WillDeregisterOnDelete {
		p.GetLogger(ctx).Infof("keeping %s as the Security Lake delegated administrator (deregisterOnDelete is false)",
			req.State.AccountID)
		return infer.DeleteResponse{}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	orgs, err := cfg.orgs(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	admins, err := securityLakeAdmins(ctx, orgs)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	if !slices.Contains(admins, req.State.AccountID) {
		// Deregister takes no account: calling it now would remove another
		// administrator that someone registered since.
		return infer.DeleteResponse{}, nil
	}
	sl, err := cfg.securityLake(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	if err := orgs.serviceWrite(ctx, "securitylake:DeregisterDataLakeDelegatedAdministrator", func() error {
		_, err := sl.DeregisterDataLakeDelegatedAdministrator(ctx, &securitylake.DeregisterDataLakeDelegatedAdministratorInput{})
		return err
	}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deregistering the Security Lake delegated administrator: %w", err)
	}
	if err := waitSecurityLakeAdmin(ctx, cfg, orgs, req.State.AccountID, false); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deregistered %s as the Security Lake delegated administrator, "+
			"but ListDelegatedAdministrators still lists it: %w", req.State.AccountID, err)
	}
	return infer.DeleteResponse{}, nil
}

// waitSecurityLakeAdmin reads Security Lake's delegated administrators until
// account is among them (listed) or not: Organizations' list lags the
// register and deregister (propagation).
func waitSecurityLakeAdmin(ctx context.Context, cfg *Config, orgs *orgClient, account string, listed bool) error {
	what := account + " to be listed as Security Lake's delegated administrator"
	if !listed {
		what = account + " to be gone from Security Lake's delegated administrators"
	}
	return cfg.propagation().wait(ctx, what, func(ctx context.Context) (bool, error) {
		admins, err := securityLakeAdmins(ctx, orgs)
		return slices.Contains(admins, account) == listed, err
	})
}
