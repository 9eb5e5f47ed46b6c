package baseline

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
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

// componentPrefix matches the "orgtrust:index:Type "name": " prefix with
// which the components wrap their errors, nested components included.
var componentPrefix = regexp.MustCompile(`^(?:registering )?orgtrust:index:[A-Za-z]+ "[^"]*": `)

// countLine is the first line of a component error that lists several
// problems, such as "3 input errors:".
var countLine = regexp.MustCompile(`^\d+ input errors:$`)

// fieldPath matches a field path at the start of a component message, such
// as "permissionSets[2].sessionDuration", followed by ": " or a space.
var fieldPath = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9]*)((?:\[\d+\])*(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])*)*)(?::\s*|\s+|$)`)

// errorMapper turns a component's validation error into configuration
// errors at the key path of the configuration the component was given.
type errorMapper struct {
	// key is the configuration key path of the component's arguments, such
	// as "orgtrust-baseline:identityCenter".
	key string
	// fields are the argument fields a message may start with.
	fields map[string]bool
	// moved maps fields that come from another key (managementAccountId) to
	// that key's path.
	moved map[string]string
}

func newErrorMapper(key string, args any, moved map[string]string) errorMapper {
	fs := structFields(reflect.TypeOf(args))
	m := errorMapper{key: key, fields: map[string]bool{}, moved: moved}
	for _, k := range fs.keys {
		m.fields[k] = true
	}
	return m
}

// mapError maps err, from the component, to configuration errors.
func (m errorMapper) mapError(err error) ConfigErrors {
	var out ConfigErrors
	for _, msg := range splitComponentError(err.Error()) {
		out = append(out, m.mapMessage(msg))
	}
	return out
}

// splitComponentError strips the component prefixes and splits a message
// listing several problems into one message each.
func splitComponentError(s string) []string {
	s = stripPrefixes(s)
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimPrefix(line, "- ")
		if line == "" || countLine.MatchString(line) {
			continue
		}
		out = append(out, stripPrefixes(line))
	}
	return out
}

func stripPrefixes(s string) string {
	for {
		loc := componentPrefix.FindStringIndex(s)
		if loc == nil {
			return s
		}
		s = s[loc[1]:]
	}
}

// mapMessage puts one component message at the key path of the field it
// starts with, or at the component's key when it names none.
func (m errorMapper) mapMessage(msg string) *ConfigError {
	sub := fieldPath.FindStringSubmatchIndex(msg)
	if sub == nil {
		return &ConfigError{Key: m.key, Msg: msg}
	}
	first := msg[sub[2]:sub[3]]
	if !m.fields[first] {
		return &ConfigError{Key: m.key, Msg: msg}
	}
	rest := strings.TrimSpace(msg[sub[1]:])
	if rest == "" {
		rest = msg
	}
	if to, ok := m.moved[first]; ok && sub[4] == sub[5] {
		return &ConfigError{Key: to, Msg: rest}
	}
	return &ConfigError{Key: m.key + "." + msg[sub[2]:sub[5]], Msg: rest}
}

// integrationPrefix starts the OrgIntegrations messages about one integration.
var integrationPrefix = regexp.MustCompile(`^integration "([^"]*)": `)

// mapIntegrationsError maps an OrgIntegrations error to the entries of
// orgtrust-baseline:integrations it is about.
func mapIntegrationsError(err error, integrations []IntegrationConfig, moved map[string]string) ConfigErrors {
	var out ConfigErrors
	for _, msg := range splitComponentError(err.Error()) {
		if m := integrationPrefix.FindStringSubmatch(msg); m != nil {
			if i := slices.IndexFunc(integrations, func(in IntegrationConfig) bool { return in.Name == m[1] }); i >= 0 {
				mapper := newErrorMapper(fmt.Sprintf("%s[%d]", key(KeyIntegrations), i), IntegrationConfig{}, moved)
				out = append(out, mapper.mapMessage(msg[len(m[0]):]))
				continue
			}
		}
		out = append(out, &ConfigError{Key: key(KeyIntegrations), Msg: msg})
	}
	return out
}
