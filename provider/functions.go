package provider

import (
	"context"
	"fmt"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// GetTrustedService looks up one service of the orgtrust catalog.
type GetTrustedService struct{}

// GetTrustedServiceArgs selects the service by key or by principal.
type GetTrustedServiceArgs struct {
	Key              string `pulumi:"key,optional"`
	ServicePrincipal string `pulumi:"servicePrincipal,optional"`
}

// Annotate documents the function.
func (f *GetTrustedService) Annotate(a infer.Annotator) {
	a.Describe(f, "Looks up one service of the orgtrust catalog of AWS services that integrate with AWS "+
		"Organizations: its principals, service-linked roles, delegated-administrator mechanism, recommended "+
		"enable path and what disabling trusted access does. Give exactly one of `key` and `servicePrincipal`.")
	a.SetToken("index", "getTrustedService")
}

// Annotate documents the arguments.
func (a *GetTrustedServiceArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Key, "The catalog key of the service, such as `guardduty` or `sso`.")
	an.Describe(&a.ServicePrincipal, "Any of the service's principals, such as `guardduty.amazonaws.com`.")
}

// Invoke implements the function.
func (*GetTrustedService) Invoke(_ context.Context, req infer.FunctionRequest[GetTrustedServiceArgs]) (
	infer.FunctionResponse[components.Service], error,
) {
	in := req.Input
	switch {
	case (in.Key == "") == (in.ServicePrincipal == ""):
		return infer.FunctionResponse[components.Service]{}, fmt.Errorf(
			"getTrustedService takes exactly one of key and servicePrincipal; got key %q and servicePrincipal %q",
			in.Key, in.ServicePrincipal)
	case in.Key != "":
		svc, err := components.ResolveService("key", in.Key)
		return infer.FunctionResponse[components.Service]{Output: svc}, err
	default:
		svc, err := components.ValidatePrincipal("servicePrincipal", in.ServicePrincipal,
			components.PrincipalOptions{Force: true})
		return infer.FunctionResponse[components.Service]{Output: svc}, err
	}
}

// ListTrustedServices lists the orgtrust catalog.
type ListTrustedServices struct{}

// ListTrustedServicesArgs has no arguments.
type ListTrustedServicesArgs struct{}

// ListTrustedServicesResult is the whole catalog.
type ListTrustedServicesResult struct {
	Services []components.Service `pulumi:"services"`
}

// Annotate documents the function.
func (f *ListTrustedServices) Annotate(a infer.Annotator) {
	a.Describe(f, "Lists every service in the orgtrust catalog of AWS services that integrate with AWS "+
		"Organizations, sorted by key.")
	a.SetToken("index", "listTrustedServices")
}

// Annotate documents the result.
func (r *ListTrustedServicesResult) Annotate(a infer.Annotator) {
	a.Describe(&r.Services, "Every service in the catalog, sorted by key.")
}

// Invoke implements the function.
func (*ListTrustedServices) Invoke(context.Context, infer.FunctionRequest[ListTrustedServicesArgs]) (
	infer.FunctionResponse[ListTrustedServicesResult], error,
) {
	return infer.FunctionResponse[ListTrustedServicesResult]{
		Output: ListTrustedServicesResult{Services: components.Services()},
	}, nil
}
