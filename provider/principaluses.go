package provider

import (
	"context"
	"sync"

	p "github.com/pulumi/pulumi-go-provider"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// principalUses remembers which TrustedServiceAccess of the deployment
// manages each principal. The engine starts one provider process per provider
// resource for a whole deployment and checks every resource of the program
// in it, so two resources of one program (one stack) that manage the same
// principal meet here. Two explicit providers are two processes and may well
// point at different organizations, so they are never compared.
//
// It keys resources by URN. A renamed resource, with or without an alias, is
// checked only under its new URN (the engine deletes or aliases the old one
// without checking it), and a replaced one keeps its URN, so the rename and
// replace flows that claimId handles never count twice.
type principalUses struct {
	mu  sync.Mutex
	by  map[string]presource.URN
	all map[presource.URN]string // the principal each URN was last checked with
}

// use records that urn manages principal and returns another resource that
// already manages it, if any.
func (u *principalUses) use(principal string, urn presource.URN) (presource.URN, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.by == nil {
		u.by, u.all = map[string]presource.URN{}, map[presource.URN]string{}
	}
	if prev, ok := u.all[urn]; ok && prev != principal && u.by[prev] == urn {
		delete(u.by, prev) // the resource changed principal
	}
	u.all[urn] = principal
	other, ok := u.by[principal]
	if !ok || other == urn {
		u.by[principal] = urn
		return "", false
	}
	return other, true
}

// warnSharedPrincipals wraps the provider's Check so that a
// TrustedServiceAccess whose principal another resource of the deployment
// already manages gets a warning at preview. Deleting either resource would
// disable trusted access that the other still expects.
func warnSharedPrincipals(check func(context.Context, p.CheckRequest) (p.CheckResponse, error),
) func(context.Context, p.CheckRequest) (p.CheckResponse, error) {
	uses := &principalUses{}
	return func(ctx context.Context, req p.CheckRequest) (p.CheckResponse, error) {
		resp, err := check(ctx, req)
		if err != nil || len(resp.Failures) > 0 || req.Urn.Type() != tokens.Type(components.TrustedServiceAccessToken) {
			return resp, err
		}
		v := req.Inputs.Get("servicePrincipal")
		if !v.IsString() || v.AsString() == "" { // unknown at preview: nothing to compare
			return resp, nil
		}
		if other, ok := uses.use(v.AsString(), req.Urn); ok {
			p.GetLogger(ctx).Warningf("%s and %s both manage trusted access for %s: deleting either one "+
				"disables it for the other. Keep one resource per principal in a stack and share it, or set "+
				"disableOnDelete: false on all of them but one",
				req.Urn.Name(), other.Name(), v.AsString())
		}
		return resp, nil
	}
}
