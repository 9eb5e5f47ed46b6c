package baseline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// The Go language host passes the whole stack configuration to the program in
// one environment variable, PULUMI_CONFIG, as a JSON object of "namespace:key"
// to value (pulumi-language-go's constructEnv, with json.Marshal of the
// RunRequest's config). An operating system caps one environment string:
// Linux at MAX_ARG_STRLEN, 32 pages of 4 KiB with "PULUMI_CONFIG=" and the
// closing NUL, and Windows at 32,767 characters. Above that the program does
// not start: "fork/exec ...: argument list too long" (pulumi/pulumi#8680,
// #20402). A large organization's Identity Center section is far longer (1,500
// permission sets take about 1 MB), so the baseline reads its sections from the
// file orgtrust-baseline:configFile names instead, which no limit applies to.
const (
	// LinuxEnvLimit is the longest "PULUMI_CONFIG=..." string Linux passes
	// to a program, counting the closing NUL.
	LinuxEnvLimit = 32 * 4096
	// WindowsEnvLimit is the most characters a Windows environment variable
	// holds.
	WindowsEnvLimit = 32767
)

// EnvConfigSize is the length of the PULUMI_CONFIG environment string the Go
// language host passes to the program for a stack configuration's values
// ("namespace:key" to value, object values JSON-encoded), counting
// "PULUMI_CONFIG=" and the closing NUL, as LinuxEnvLimit counts.
func EnvConfigSize(values map[string]string) int {
	b, err := json.Marshal(values)
	if err != nil {
		return 0 // a map of strings always marshals
	}
	return len("PULUMI_CONFIG=") + len(b) + 1
}

// FileKeys are the keys the configuration file may hold: the sections that
// grow with the organization. managementAccountId and configFile itself stay
// in the stack file.
var FileKeys = []string{KeyIdentityCenter, KeyIntegrations, KeyServiceCatalog}

// ConfigFilePath resolves the value of orgtrust-baseline:configFile: an
// absolute path as it is, a relative one against root, the project's
// directory (where Pulumi.yaml and the stack files are).
func ConfigFilePath(root, name string) string {
	if filepath.IsAbs(name) || root == "" {
		return name
	}
	return filepath.Join(root, name)
}

// ReadConfigFile reads the configuration file that orgtrust-baseline:configFile
// names (name, resolved with ConfigFilePath): a YAML mapping of the baseline's
// FileKeys, written as in the stack file's config block, with or without the
// orgtrust-baseline: namespace. It returns them as the Pulumi CLI passes stack
// values to the program: "orgtrust-baseline:identityCenter" to the value's JSON
// text. Every problem is returned, at the key it concerns.
func ReadConfigFile(root, name string) (map[string]string, components.InputErrors) {
	fileKey := key(KeyConfigFile)
	if strings.TrimSpace(name) == "" {
		return nil, components.InputErrors{{Field: fileKey, Message: "empty: name the YAML file that holds the baseline's " +
			"sections, relative to the project directory, such as orgtrust-baseline.prod.yaml; or remove the key"}}
	}
	path := ConfigFilePath(root, name)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, components.InputErrors{{Field: fileKey, Message: fmt.Sprintf("%s does not exist: a relative path is read "+
			"from the project directory (where Pulumi.yaml is); write the file there, as orgtrust discover "+
			"writes it beside the stack file, or give its absolute path", path)}}
	case err != nil:
		return nil, components.InputErrors{{Field: fileKey, Message: fmt.Sprintf("reading %s: %v", path, err)}}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, components.InputErrors{{Field: fileKey, Message: fmt.Sprintf("%s is not YAML: %v", path, err)}}
	}
	if len(doc.Content) == 0 {
		return map[string]string{}, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, components.InputErrors{{Field: fileKey, Message: fmt.Sprintf("%s holds no mapping: write the sections as "+
			"in the stack file's config block, such as %s: followed by its settings", path, key(KeyIdentityCenter))}}
	}
	values := map[string]string{}
	var errs components.InputErrors
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i].Value, top.Content[i+1]
		namespace, name, found := strings.Cut(k, ":")
		if !found {
			namespace, name = Project, k // as in a stack file: no namespace is the project's
		}
		at := fmt.Sprintf("%s (line %d of %s)", k, top.Content[i].Line, path)
		switch {
		case namespace != Project:
			errs = append(errs, &components.InputError{Field: at, Message: fmt.Sprintf("the configuration file holds only the "+
				"baseline's %s; keep %q keys in the stack file", strings.Join(FileKeys, ", "), namespace)})
			continue
		case !slices.Contains(FileKeys, name):
			msg := "unknown key" + didYouMean(name, FileKeys)
			if slices.Contains(Keys, name) {
				msg = fmt.Sprintf("keep %s in the stack file: the configuration file holds only %s", key(name),
					strings.Join(FileKeys, ", "))
			}
			errs = append(errs, &components.InputError{Field: at, Message: msg})
			continue
		}
		var raw any
		if err := v.Decode(&raw); err != nil {
			errs = append(errs, &components.InputError{Field: key(name), Message: fmt.Sprintf("in %s: %v", path, err)})
			continue
		}
		if m, ok := raw.(map[string]any); ok && len(m) == 1 && m["secure"] != nil {
			errs = append(errs, &components.InputError{Field: key(name), Message: fmt.Sprintf("in %s: a secret value, which "+
				"only the stack file can hold (Pulumi decrypts it): set it there with pulumi config set --secret",
				path)})
			continue
		}
		text, err := json.Marshal(raw)
		if err != nil {
			errs = append(errs, &components.InputError{Field: key(name), Message: fmt.Sprintf("in %s: %v; keys are strings", path,
				err)})
			continue
		}
		values[key(name)] = string(text)
	}
	return values, errs
}

// fileValues reads the configuration file the stack names, for LoadConfig:
// its values, and the problems with it, including a key set in both the file
// and the stack configuration (has says whether the stack configuration sets
// a key).
func fileValues(root, name string, has func(string) bool) (map[string]string, components.InputErrors) {
	values, errs := ReadConfigFile(root, name)
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if has(k) {
			errs = append(errs, &components.InputError{Field: k, Message: fmt.Sprintf("set both in the stack configuration and "+
				"in %s (%s): keep it in one of them", ConfigFilePath(root, name), key(KeyConfigFile))})
		}
	}
	return values, errs
}
