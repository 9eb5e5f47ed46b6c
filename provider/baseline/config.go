package baseline

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// Project is the root Pulumi project's name (Pulumi.yaml), and the namespace
// of the baseline's configuration keys. The provider's own settings live under
// "orgtrust:", the aws provider's under "aws:".
const Project = "orgtrust-baseline"

// The configuration keys of the baseline, under the Project namespace.
const (
	KeyManagementAccountID = "managementAccountId"
	KeyIntegrations        = "integrations"
	KeyIdentityCenter      = "identityCenter"
	KeyServiceCatalog      = "serviceCatalog"
	// KeyConfigFile names a YAML file that holds the sections instead of
	// the stack file, for organizations whose configuration is too long for
	// the environment variable Pulumi passes it in (see ReadConfigFile).
	KeyConfigFile = "configFile"
)

// Keys lists the baseline's configuration keys.
var Keys = []string{KeyConfigFile, KeyIdentityCenter, KeyIntegrations, KeyManagementAccountID, KeyServiceCatalog}

// Config is the baseline's stack configuration.
type Config struct {
	// ManagementAccountID is the organization's management account, given
	// once for every component; empty lets the components look it up.
	ManagementAccountID string
	// Integrations are the trusted-access integrations, with their delegated
	// administrators and Regions.
	Integrations []IntegrationConfig
	// IdentityCenter is IAM Identity Center: permission sets, groups, users
	// and assignments; nil leaves Identity Center out.
	IdentityCenter *components.IdentityCenterSetupArgs
	// ServiceCatalog is the Service Catalog portfolio sharing; nil leaves it
	// out.
	ServiceCatalog *components.ServiceCatalogSharingArgs
}

// IntegrationConfig is one entry of orgtrust-baseline:integrations: the
// inputs of an OrgServiceIntegration, and the name that keys it.
type IntegrationConfig struct {
	// Name keys the integration (its resources are named
	// integrations-<name>-...); it defaults to service, or servicePrincipal.
	Name string `json:"name,omitempty"`
	components.OrgServiceIntegrationArgs
}

// key is the full configuration key of name.
func key(name string) string { return Project + ":" + name }

// misspeltNamespace reports whether a key of another namespace than the
// baseline's is meant for the baseline: its namespace is a misspelling of
// the baseline's, or it is a baseline key under the orgtrust provider's
// namespace. Pulumi passes every namespace's keys to the program, and no
// one reads those, so they would be silently ignored.
func misspeltNamespace(namespace, name string) bool {
	if _, ok := suggest.Nearest(namespace, []string{Project}); ok {
		return true
	}
	return namespace == providerNamespace && slices.Contains(Keys, name)
}

// providerNamespace is the namespace of the orgtrust provider's own
// configuration (orgtrust:region, orgtrust:endpoint, ...).
const providerNamespace = "orgtrust"

// nearestKey is the baseline key name most likely means, or name itself.
func nearestKey(name string) string {
	if k, ok := suggest.Nearest(name, Keys); ok {
		return k
	}
	return name
}

// notAccountIDText is the message of a top-level value that should be an
// account ID. Pulumi passes top-level values as text, so YAML's reading of
// an unquoted ID as a number shows only as digits that are too few: a
// leading zero dropped (012345678901 becomes 12345678901), or digits read as
// octal (012345670123 becomes 1402433619).
func notAccountIDText(v string) string {
	if v != "" && len(v) < 12 && strings.Trim(v, "0123456789") == "" {
		return fmt.Sprintf("%q is not an AWS account ID: it has %d digits, not 12; if the stack file has the ID "+
			"unquoted, YAML read it as a number, which dropped its leading zeros or read it as octal: quote the "+
			"ID exactly as written, 12 digits with their leading zeros, such as %s: \"012345678901\"", v, len(v),
			key(KeyManagementAccountID))
	}
	return fmt.Sprintf("%q is not an AWS account ID: give the 12 digits of the organization's management "+
		"account, such as \"111111111111\", or remove the key to look it up", v)
}

var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// EnvConfigKeys returns the configuration keys the Pulumi engine passes to the
// program in PULUMI_CONFIG; nil when it passes none.
func EnvConfigKeys() []string {
	var cfg map[string]string
	if err := json.Unmarshal([]byte(os.Getenv(pulumi.EnvConfig)), &cfg); err != nil {
		return nil
	}
	keys := make([]string, 0, len(cfg))
	for k := range cfg {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// LoadConfig reads and checks the baseline's configuration. allKeys are the
// stack's configuration keys ("namespace:name"); a key of the Project
// namespace the baseline does not know is an error. Every problem is
// returned, each at its key path.
func LoadConfig(ctx *pulumi.Context, allKeys []string) (*Config, components.InputErrors) {
	var errs components.InputErrors
	for _, k := range allKeys {
		namespace, name, _ := strings.Cut(k, ":")
		switch {
		case namespace == Project:
			if !slices.Contains(Keys, name) {
				errs = append(errs, &components.InputError{Field: k, Message: "unknown key" + didYouMean(name, Keys)})
			}
		case misspeltNamespace(namespace, name):
			errs = append(errs, &components.InputError{Field: k, Message: fmt.Sprintf("unknown configuration namespace %q, "+
				"which nothing reads: the baseline's keys are under %q; did you mean %q?", namespace, Project,
				key(nearestKey(name)))})
		}
	}

	cfg := &Config{}
	if v, ok := ctx.GetConfig(key(KeyManagementAccountID)); ok {
		cfg.ManagementAccountID = v
		if !accountID.MatchString(v) {
			errs = append(errs, &components.InputError{Field: key(KeyManagementAccountID), Message: notAccountIDText(v)})
		}
	}
	var file map[string]string
	if name, ok := ctx.GetConfig(key(KeyConfigFile)); ok {
		var fileErrs components.InputErrors
		file, fileErrs = fileValues(rootDirectory(ctx), name, func(k string) bool {
			_, ok := ctx.GetConfig(k)
			return ok
		})
		errs = append(errs, fileErrs...)
	}
	section := func(k string) (string, bool) {
		if v, ok := file[key(k)]; ok {
			return v, true
		}
		return ctx.GetConfig(key(k))
	}
	if v, ok := section(KeyIntegrations); ok {
		errs = append(errs, decodeJSON(key(KeyIntegrations), v, &cfg.Integrations)...)
	}
	if v, ok := section(KeyIdentityCenter); ok {
		errs = append(errs, decodeJSON(key(KeyIdentityCenter), v, &cfg.IdentityCenter)...)
	}
	if v, ok := section(KeyServiceCatalog); ok {
		errs = append(errs, decodeJSON(key(KeyServiceCatalog), v, &cfg.ServiceCatalog)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	errs = append(errs, cfg.check()...)
	if len(errs) > 0 {
		return nil, errs
	}
	return cfg, nil
}

// rootDirectory is the project's directory, which a relative
// orgtrust-baseline:configFile is read from: the engine's
// PULUMI_ROOT_DIRECTORY, else the working directory.
func rootDirectory(ctx *pulumi.Context) string {
	if root := ctx.RootDirectory(); root != "" {
		return root
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}

// check finds what no single component can: the management account given in
// more than one place, unnamed or duplicate integrations, and services that
// two parts of the baseline would both manage.
func (c *Config) check() components.InputErrors {
	var errs components.InputErrors
	bad := func(k, format string, args ...any) {
		errs = append(errs, &components.InputError{Field: k, Message: fmt.Sprintf(format, args...)})
	}
	if c.Integrations == nil && c.IdentityCenter == nil && c.ServiceCatalog == nil {
		bad(Project, "nothing to deploy: set at least one of %s, %s and %s (see Pulumi.example.yaml)",
			key(KeyIntegrations), key(KeyIdentityCenter), key(KeyServiceCatalog))
		return errs
	}
	moved := func(k string) {
		bad(k, "set the management account once, at %s, for every component", key(KeyManagementAccountID))
	}
	if c.IdentityCenter != nil && c.IdentityCenter.ManagementAccountID != "" {
		moved(key(KeyIdentityCenter) + ".managementAccountId")
	}
	if c.ServiceCatalog != nil && c.ServiceCatalog.ManagementAccountID != "" {
		moved(key(KeyServiceCatalog) + ".managementAccountId")
	}

	// managedBy names the sections that enable a service themselves.
	managedBy := map[string]string{}
	if c.IdentityCenter != nil {
		managedBy["sso"] = KeyIdentityCenter + " (IdentityCenterSetup)"
	}
	if c.ServiceCatalog != nil {
		managedBy["servicecatalog"] = KeyServiceCatalog + " (ServiceCatalogSharing)"
	}
	names := map[string]int{}
	// principals maps each service principal to the integration managing it.
	principals := map[string]int{}
	for i := range c.Integrations {
		in := &c.Integrations[i]
		field := fmt.Sprintf("%s[%d]", key(KeyIntegrations), i)
		if in.ManagementAccountID != "" {
			moved(field + ".managementAccountId")
		}
		if in.Name == "" {
			in.Name = in.Service
			if in.Name == "" {
				in.Name = in.ServicePrincipal
			}
		}
		switch j, dup := names[in.Name]; {
		case in.Name == "":
			bad(field, "set service (a catalog key, such as \"guardduty\") or servicePrincipal")
		case dup:
			bad(field+".name", "%q is also the name of %s[%d]: give each integration its own name", in.Name,
				key(KeyIntegrations), j)
		default:
			names[in.Name] = i
		}

		svcKey, svcField, svcValue, managed := "", "", "", []string(nil)
		if s, ok := components.LookupService(in.Service); ok && in.Service != "" {
			svcKey, svcField, svcValue, managed = s.Key, field+".service", in.Service, s.Principals
		} else if s, ok := components.LookupPrincipal(in.ServicePrincipal); ok && in.ServicePrincipal != "" {
			svcKey, svcField, svcValue, managed = s.Key, field+".servicePrincipal", in.ServicePrincipal,
				[]string{in.ServicePrincipal}
		}
		if svcKey == "" {
			continue
		}
		if by, ok := managedBy[svcKey]; ok {
			bad(svcField, "%q is managed by %s, which enables its trusted access and registers its delegated "+
				"administrator: remove this integration, or move its settings there", svcKey, key(by))
			continue
		}
		// A service enables every principal the catalog lists for it, so
		// service: config and servicePrincipal:
		// config-multiaccountsetup.amazonaws.com overlap, in either order.
		// OrgIntegrations rejects this too; checking it here reports it with
		// the other configuration errors, at the exact key.
		if pr, j, dup := firstClaimed(principals, managed); dup {
			bad(svcField, "%q manages %s, as %s[%d] does: list each service principal in one integration only",
				svcValue, pr, key(KeyIntegrations), j)
			continue
		}
		for _, pr := range managed {
			principals[pr] = i
		}
	}
	return errs
}

// firstClaimed returns the first of prs that claimed already maps, and the
// index it maps to.
func firstClaimed(claimed map[string]int, prs []string) (string, int, bool) {
	for _, pr := range prs {
		if j, ok := claimed[pr]; ok {
			return pr, j, true
		}
	}
	return "", 0, false
}
