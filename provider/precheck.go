package provider

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/mapper"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// componentChecks run a component's own input checks, the ones its
// constructor runs before it registers anything, on its Construct inputs.
var componentChecks = map[string]func(name string, inputs map[string]any) (bool, error){
	components.OrgServiceIntegrationToken: checkWith(components.CheckOrgServiceIntegration),
	components.OrgIntegrationsToken:       checkWith(components.CheckOrgIntegrations),
	components.IdentityCenterSetupToken:   checkWith(components.CheckIdentityCenterSetup),
	components.ServiceCatalogSharingToken: checkWith(components.CheckServiceCatalogSharing),
}

// checkWith decodes the inputs into the component's arguments and runs its
// Check function; decoded is false when the inputs could not be decoded.
func checkWith[A any](check func(string, A) error) func(string, map[string]any) (bool, error) {
	return func(name string, inputs map[string]any) (bool, error) {
		var args A
		if err := mapper.MapI(inputs, &args); err != nil {
			return false, nil
		}
		return true, check(name, args)
	}
}

// checkComponentInputs runs the input checks of the component of type
// token named name, when it can: inputs that are still unknown at preview,
// or that do not decode, are left to the constructor. It returns the
// component's input errors, or nil.
func checkComponentInputs(token, name string, inputs property.Map) error {
	check, ok := componentChecks[token]
	if !ok {
		return nil
	}
	props := resource.ToResourcePropertyMap(inputs)
	if props.ContainsUnknowns() {
		return nil
	}
	decoded, err := check(name, props.Mappable())
	if !decoded {
		return nil
	}
	return err
}
