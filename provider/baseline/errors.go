package baseline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// The baseline reports bad configuration with the components' input error
// type: each problem is a *components.InputError whose Field is the full
// key path, such as
// "orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration", and
// all of them, as components.InputErrors, come back together, so one preview
// shows every one.

// configError is errs as the program's error: "stack configuration: " and
// the problems.
func configError(errs components.InputErrors) error {
	return fmt.Errorf("stack configuration: %w", errs)
}

// AsConfigErrors returns the configuration errors err carries, if any.
func AsConfigErrors(err error) (components.InputErrors, bool) {
	var es components.InputErrors
	if errors.As(err, &es) {
		return es, true
	}
	return nil, false
}

// sectionErrors maps a component's error to configuration errors at the key
// paths of the inputs it names: section is the configuration key the
// component's arguments come from, such as "orgtrust-baseline:identityCenter",
// and field maps each error's field path (components.InputError.Field) to
// its key path below section. An error that carries no InputErrors (a failed
// lookup) is reported at section.
func sectionErrors(err error, section string, field func(string) string) components.InputErrors {
	var errs components.InputErrors
	if !errors.As(err, &errs) {
		return components.InputErrors{{Field: section, Message: err.Error()}}
	}
	out := make(components.InputErrors, 0, len(errs))
	for _, e := range errs {
		out = append(out, &components.InputError{Field: configKey(section, field(e.Field)), Value: e.Value,
			Message: e.Message})
	}
	return out
}

// configKey is the key path of field below section; the baseline sets
// managementAccountId once, at its own key, for every component.
func configKey(section, field string) string {
	switch {
	case field == "":
		return section
	case field == KeyManagementAccountID || strings.HasSuffix(field, "."+KeyManagementAccountID):
		return key(KeyManagementAccountID)
	case strings.HasPrefix(field, "["):
		return section + field
	default:
		return section + "." + field
	}
}

// sameField is the field mapping of the components whose arguments are the
// configuration value itself.
func sameField(f string) string { return f }

// integrationField maps a field of OrgIntegrationsArgs, such as
// "integrations[1].args.service", to its path in orgtrust-baseline:integrations,
// whose entries are the integrations' args with their name: "[1].service".
// The baseline passes the entries in order, so the indexes are the same.
func integrationField(f string) string {
	rest, ok := strings.CutPrefix(f, KeyIntegrations)
	if !ok {
		return f
	}
	if i := strings.Index(rest, "]"); i >= 0 {
		entry, sub := rest[:i+1], rest[i+1:]
		if sub == ".args" {
			return entry
		}
		return entry + strings.TrimPrefix(sub, ".args")
	}
	return rest
}

func integrationsErrors(err error) components.InputErrors {
	return sectionErrors(err, key(KeyIntegrations), integrationField)
}

func identityCenterErrors(err error) components.InputErrors {
	return sectionErrors(err, key(KeyIdentityCenter), sameField)
}

func serviceCatalogErrors(err error) components.InputErrors {
	return sectionErrors(err, key(KeyServiceCatalog), sameField)
}
