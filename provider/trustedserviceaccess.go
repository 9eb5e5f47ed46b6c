package provider

import (
	"context"
	_ "embed"
	"fmt"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

//go:embed docs/trustedserviceaccess.md
var trustedServiceAccessDoc string

// TrustedServiceAccess enables trusted access for one AWS service principal in
// the organization, without owning the organization's whole principal list.
type TrustedServiceAccess struct{}

// The life cycle TrustedServiceAccess implements, checked at compile time: a
// method whose signature drifts from infer's would otherwise be silently
// ignored, and the engine would fall back to infer's default behaviour.
var (
	_ infer.CustomResource[TrustedServiceAccessArgs, TrustedServiceAccessState] = (*TrustedServiceAccess)(nil)
	_ infer.CustomCheck[TrustedServiceAccessArgs]                               = (*TrustedServiceAccess)(nil)
	_ infer.CustomRead[TrustedServiceAccessArgs, TrustedServiceAccessState]     = (*TrustedServiceAccess)(nil)
	_ infer.CustomUpdate[TrustedServiceAccessArgs, TrustedServiceAccessState]   = (*TrustedServiceAccess)(nil)
	_ infer.CustomDelete[TrustedServiceAccessState]                             = (*TrustedServiceAccess)(nil)
	_ infer.Annotated                                                           = (*TrustedServiceAccess)(nil)
	_ infer.Annotated                                                           = (*TrustedServiceAccessArgs)(nil)
	_ infer.Annotated                                                           = (*TrustedServiceAccessState)(nil)
)

// TrustedServiceAccessArgs are the inputs of TrustedServiceAccess.
type TrustedServiceAccessArgs struct {
	ServicePrincipal      string `pulumi:"servicePrincipal" provider:"replaceOnChanges"`
	DisableOnDelete       *bool  `pulumi:"disableOnDelete,optional"`
	AllowUnknownPrincipal bool   `pulumi:"allowUnknownPrincipal,optional"`
	Force                 bool   `pulumi:"force,optional"`
}

// TrustedServiceAccessState is the state of TrustedServiceAccess.
type TrustedServiceAccessState struct {
	TrustedServiceAccessArgs
	ServiceKey          string   `pulumi:"serviceKey"`
	DateEnabled         string   `pulumi:"dateEnabled"`
	ServiceLinkedRoles  []string `pulumi:"serviceLinkedRoles"`
	EnablePath          string   `pulumi:"enablePath"`
	WillDisableOnDelete bool     `pulumi:"willDisableOnDelete"`
	ClaimID             string   `pulumi:"claimId"`
}

// Annotate documents the resource.
func (r *TrustedServiceAccess) Annotate(a infer.Annotator) {
	a.Describe(r, trustedServiceAccessDoc)
}

// Annotate documents the inputs.
func (a *TrustedServiceAccessArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.ServicePrincipal, "The service principal to enable trusted access for, such as "+
		"`sso.amazonaws.com`. It is checked against the orgtrust catalog of services that integrate with "+
		"Organizations (`listTrustedServices`); a typo is an error that suggests the nearest principal. "+
		"Changing it replaces the resource.")
	an.Describe(&a.DisableOnDelete, "Whether deleting the resource disables trusted access. Defaults to true, "+
		"except for services whose disabling while in use is destructive (IAM Identity Center: users lose "+
		"access to every account), which default to retaining access with a warning at preview. An explicit "+
		"value always wins.")
	an.Describe(&a.AllowUnknownPrincipal, "Accept a principal that is not in the orgtrust catalog, such as a "+
		"service newer than this release.")
	an.Describe(&a.Force, "Enable trusted access through Organizations even for a service that AWS says must be "+
		"enabled only through its own API (CloudFormation StackSets, VPC IPAM, RAM, User Notifications: the "+
		"catalog's `serviceOnly` services). Doing so can leave the service unconfigured.")
}

// Annotate documents the outputs.
func (s *TrustedServiceAccessState) Annotate(a infer.Annotator) {
	a.Describe(&s.ServiceKey, "The catalog key of the service, such as `sso`; empty for a principal outside the "+
		"catalog.")
	a.Describe(&s.DateEnabled, "When trusted access was enabled, in RFC 3339, as Organizations recorded it.")
	a.Describe(&s.ServiceLinkedRoles, "The service-linked roles the service creates in member accounts.")
	a.Describe(&s.EnablePath, "The enable path AWS recommends for the service: `organizations`, `service` or "+
		"`serviceOnly`.")
	a.Describe(&s.WillDisableOnDelete, "Whether deleting this resource will disable trusted access: "+
		"`disableOnDelete` with the service's default applied.")
	a.Describe(&s.ClaimID, "Identifies the create that made this resource (empty for an imported one). When "+
		"another resource claims the same principal in the deployment that deletes this one (a rename "+
		"without an alias, `pulumi up --replace`), deleting this one leaves trusted access enabled for it.")
}

// resolved is a TrustedServiceAccessArgs checked against the catalog.
type resolved struct {
	service         components.Service
	disableOnDelete bool
	defaulted       bool // disableOnDelete came from the catalog, not the user
}

func resolve(args TrustedServiceAccessArgs) (resolved, error) {
	svc, err := components.ValidatePrincipal("servicePrincipal", args.ServicePrincipal, components.PrincipalOptions{
		AllowUnknown: args.AllowUnknownPrincipal,
		Force:        args.Force,
	})
	if err != nil {
		return resolved{}, err
	}
	return resolved{service: svc, disableOnDelete: svc.DisablesOnDelete(args.DisableOnDelete),
		defaulted: args.DisableOnDelete == nil}, nil
}

// Check validates the inputs at preview time.
func (*TrustedServiceAccess) Check(ctx context.Context, req infer.CheckRequest) (
	infer.CheckResponse[TrustedServiceAccessArgs], error,
) {
	args, failures, err := infer.DefaultCheck[TrustedServiceAccessArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[TrustedServiceAccessArgs]{Inputs: args, Failures: failures}, err
	}
	if req.NewInputs.Get("servicePrincipal").IsComputed() {
		// Another resource's output, unknown at preview: Create checks it.
		return infer.CheckResponse[TrustedServiceAccessArgs]{Inputs: args}, nil
	}
	r, err := resolve(args)
	if err != nil {
		return infer.CheckResponse[TrustedServiceAccessArgs]{Inputs: args, Failures: []p.CheckFailure{{
			Property: "servicePrincipal", Reason: err.Error(),
		}}}, nil
	}
	if r.defaulted && !r.disableOnDelete {
		p.GetLogger(ctx).Warningf("%s: trusted access for %s will be retained when this resource is deleted, "+
			"because disabling it while %s is in use is destructive: %s Set disableOnDelete: true to disable it "+
			"on delete anyway.", req.Name, args.ServicePrincipal, r.service.DisplayName, r.service.DisableEffect)
	}
	return infer.CheckResponse[TrustedServiceAccessArgs]{Inputs: args}, nil
}

func stateOf(args TrustedServiceAccessArgs, r resolved, enabledAt time.Time) TrustedServiceAccessState {
	s := TrustedServiceAccessState{
		TrustedServiceAccessArgs: args,
		ServiceKey:               r.service.Key,
		ServiceLinkedRoles:       append([]string{}, r.service.ServiceLinkedRoles...),
		EnablePath:               string(r.service.EnableVia),
		WillDisableOnDelete:      r.disableOnDelete,
	}
	if !enabledAt.IsZero() {
		s.DateEnabled = enabledAt.UTC().Format(time.RFC3339)
	}
	return s
}

// Create enables trusted access. An already enabled principal is adopted.
func (*TrustedServiceAccess) Create(ctx context.Context, req infer.CreateRequest[TrustedServiceAccessArgs]) (
	infer.CreateResponse[TrustedServiceAccessState], error,
) {
	args := req.Inputs
	r, err := resolve(args)
	if err != nil {
		return infer.CreateResponse[TrustedServiceAccessState]{}, err
	}
	if req.DryRun {
		return infer.CreateResponse[TrustedServiceAccessState]{ID: args.ServicePrincipal, Output: stateOf(args, r, time.Time{})}, nil
	}
	c, err := infer.GetConfig[*Config](ctx).orgs(ctx)
	if err != nil {
		return infer.CreateResponse[TrustedServiceAccessState]{}, err
	}
	at, claim, err := c.enable(ctx, args.ServicePrincipal)
	if err != nil {
		return infer.CreateResponse[TrustedServiceAccessState]{}, fmt.Errorf("enabling trusted access for %s: %w",
			args.ServicePrincipal, err)
	}
	out := stateOf(args, r, at)
	out.ClaimID = claim
	return infer.CreateResponse[TrustedServiceAccessState]{ID: args.ServicePrincipal, Output: out}, nil
}

// Read reads the principal from the organization's enabled list. Import
// reads by principal: the resource ID is the principal.
//
// A refresh (the resource has a prior state) of a principal disabled out of
// band answers "gone", so the engine drops it and the next update enables it
// again. An import (no prior state and no inputs) of a principal that is not
// enabled is an error: answering "gone" would make the engine record an empty
// resource, which breaks the next up and destroy.
func (*TrustedServiceAccess) Read(ctx context.Context,
	req infer.ReadRequest[TrustedServiceAccessArgs, TrustedServiceAccessState],
) (infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState], error) {
	args := req.Inputs
	if args.ServicePrincipal == "" {
		args = req.State.TrustedServiceAccessArgs
	}
	importing := args.ServicePrincipal == ""
	if importing {
		args = TrustedServiceAccessArgs{ServicePrincipal: req.ID, AllowUnknownPrincipal: true}
		if svc, ok := components.LookupPrincipal(req.ID); ok {
			args = TrustedServiceAccessArgs{ServicePrincipal: req.ID, Force: svc.EnableVia == components.EnableViaServiceOnly}
		}
	}
	// Reading needs only the principal: a catalog that changed since the
	// resource was created (a principal reclassified or removed) must not
	// make refresh fail, so the catalog's policy is waived here.
	lenient := args
	lenient.AllowUnknownPrincipal, lenient.Force = true, true
	r, err := resolve(lenient)
	if err != nil {
		return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{}, err
	}
	c, err := infer.GetConfig[*Config](ctx).orgs(ctx)
	if err != nil {
		return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{}, err
	}
	enabled, err := c.enabledPrincipals(ctx)
	if err != nil {
		return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{},
			fmt.Errorf("reading trusted access for %s: %w", args.ServicePrincipal, err)
	}
	at, ok := enabled[args.ServicePrincipal]
	switch {
	case !ok && importing:
		return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{}, nothingToImport(
			fmt.Sprintf("trusted access for %s is not enabled", req.ID),
			"create the resource without importing it (its create enables trusted access), or check the ID, "+
				"which is the service principal, against `aws organizations list-aws-service-access-for-organization`")
	case !ok:
		return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{}, nil
	}
	state := stateOf(args, r, at)
	state.ClaimID = req.State.ClaimID
	return infer.ReadResponse[TrustedServiceAccessArgs, TrustedServiceAccessState]{
		ID:     args.ServicePrincipal,
		Inputs: args,
		State:  state,
	}, nil
}

// Update changes only how the resource behaves on delete: no AWS call.
func (*TrustedServiceAccess) Update(ctx context.Context,
	req infer.UpdateRequest[TrustedServiceAccessArgs, TrustedServiceAccessState],
) (infer.UpdateResponse[TrustedServiceAccessState], error) {
	r, err := resolve(req.Inputs)
	if err != nil {
		return infer.UpdateResponse[TrustedServiceAccessState]{}, err
	}
	s := stateOf(req.Inputs, r, time.Time{})
	s.DateEnabled, s.ClaimID = req.State.DateEnabled, req.State.ClaimID
	return infer.UpdateResponse[TrustedServiceAccessState]{Output: s}, nil
}

// Delete disables trusted access, unless the resource retains it.
func (*TrustedServiceAccess) Delete(ctx context.Context, req infer.DeleteRequest[TrustedServiceAccessState]) (
	infer.DeleteResponse, error,
) {
	principal := req.State.ServicePrincipal
	if !req.State.WillDisableOnDelete {
		p.GetLogger(ctx).Infof("retaining trusted access for %s (disableOnDelete is false)", principal)
		return infer.DeleteResponse{}, nil
	}
	c, err := infer.GetConfig[*Config](ctx).orgs(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	if claim, ok := c.claimOf(principal); ok && claim != req.State.ClaimID {
		// Created (or adopted) by another resource in this deployment: this
		// one was renamed without an alias, or replaced by `--replace`.
		p.GetLogger(ctx).Warningf("retaining trusted access for %s: another resource in this deployment now "+
			"manages it", principal)
		return infer.DeleteResponse{}, nil
	}
	if err := c.disable(ctx, principal); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabling trusted access for %s: %w", principal, err)
	}
	return infer.DeleteResponse{}, nil
}
