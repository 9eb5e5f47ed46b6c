package baseline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// ConfigError is a problem with one configuration key.
type ConfigError struct {
	// Key is the full key path, such as
	// "orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration".
	Key string
	// Msg says what is wrong and how to fix it.
	Msg string
}

func (e *ConfigError) Error() string { return e.Key + ": " + e.Msg }

// ConfigErrors are all the problems found in the stack configuration. The
// program reports them together, so one preview shows every one.
type ConfigErrors []*ConfigError

func (es ConfigErrors) Error() string {
	if len(es) == 1 {
		return "stack configuration: " + es[0].Error()
	}
	lines := make([]string, 0, len(es)+1)
	lines = append(lines, fmt.Sprintf("stack configuration: %d errors:", len(es)))
	for _, e := range es {
		lines = append(lines, "  "+e.Error())
	}
	return strings.Join(lines, "\n")
}

// AsConfigErrors returns the configuration errors err carries, if any.
func AsConfigErrors(err error) (ConfigErrors, bool) {
	var es ConfigErrors
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
func sectionErrors(err error, section string, field func(string) string) ConfigErrors {
	var errs components.InputErrors
	if !errors.As(err, &errs) {
		return ConfigErrors{{Key: section, Msg: err.Error()}}
	}
	out := make(ConfigErrors, 0, len(errs))
	for _, e := range errs {
		out = append(out, &ConfigError{Key: configKey(section, field(e.Field)), Msg: e.Message})
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

func integrationsErrors(err error) ConfigErrors {
	return sectionErrors(err, key(KeyIntegrations), integrationField)
}

func identityCenterErrors(err error) ConfigErrors {
	return sectionErrors(err, key(KeyIdentityCenter), sameField)
}

func serviceCatalogErrors(err error) ConfigErrors {
	return sectionErrors(err, key(KeyServiceCatalog), sameField)
}
