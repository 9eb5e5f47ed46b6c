package baseline

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// decodeJSON decodes the JSON text of one configuration value into v, a
// pointer. Objects map to structs by the fields' `json` tag, else their
// `pulumi` tag, matched exactly; keys no field takes, values of the wrong type
// and missing required keys are errors, each at its key path below path. The
// components' Args types decode directly, so the configuration follows their
// schema without a copy of it.
func decodeJSON(path, text string, v any) components.InputErrors {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil || dec.More() {
		// Pulumi passes a scalar configuration value as its plain text.
		raw = text
	}
	d := &decoder{}
	d.value(path, raw, reflect.ValueOf(v).Elem())
	return d.errs
}

type decoder struct{ errs components.InputErrors }

func (d *decoder) fail(path, format string, args ...any) {
	d.errs = append(d.errs, &components.InputError{Field: path, Message: fmt.Sprintf(format, args...)})
}

// describe names a decoded JSON value in messages.
func describe(raw any) string {
	switch x := raw.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", x)
	case json.Number:
		return "the number " + x.String()
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", raw)
}

func (d *decoder) value(path string, raw any, v reflect.Value) {
	if raw == nil {
		return // null, or "key:" with nothing after it in YAML: the zero value
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(path, raw, v.Elem())
	case reflect.String:
		switch x := raw.(type) {
		case string:
			v.SetString(x)
		case json.Number:
			d.fail(path, "expected a string, got %s: %s", describe(raw), numberHint(path, x))
		default:
			d.fail(path, "expected a string, got %s", describe(raw))
		}
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			d.fail(path, "expected true or false, got %s", describe(raw))
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := raw.(json.Number)
		if !ok {
			d.fail(path, "expected a whole number, got %s", describe(raw))
			return
		}
		i, err := n.Int64()
		if err != nil || v.OverflowInt(i) {
			d.fail(path, "expected a whole number, got %s", describe(raw))
			return
		}
		v.SetInt(i)
	case reflect.Slice:
		list, ok := raw.([]any)
		if !ok {
			d.fail(path, "expected a list, got %s", describe(raw))
			return
		}
		out := reflect.MakeSlice(v.Type(), len(list), len(list))
		for i, item := range list {
			d.value(fmt.Sprintf("%s[%d]", path, i), item, out.Index(i))
		}
		v.Set(out)
	case reflect.Map:
		obj, ok := raw.(map[string]any)
		if !ok || v.Type().Key().Kind() != reflect.String {
			d.fail(path, "expected an object, got %s", describe(raw))
			return
		}
		out := reflect.MakeMapWithSize(v.Type(), len(obj))
		for _, k := range sortedKeys(obj) {
			elem := reflect.New(v.Type().Elem()).Elem()
			d.value(joinKey(path, k), obj[k], elem)
			out.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), elem)
		}
		v.Set(out)
	case reflect.Struct:
		obj, ok := raw.(map[string]any)
		if !ok {
			d.fail(path, "expected an object, got %s", describe(raw))
			return
		}
		fields := structFields(v.Type())
		for _, k := range sortedKeys(obj) {
			f, ok := fields.byKey[k]
			if !ok {
				d.fail(joinKey(path, k), "unknown key%s", didYouMean(k, fields.keys))
				continue
			}
			d.value(joinKey(path, k), obj[k], v.FieldByIndex(f.index))
		}
		for _, k := range fields.keys {
			if _, set := obj[k]; !set && fields.byKey[k].required {
				d.fail(joinKey(path, k), "missing: this key is required")
			}
		}
	default:
		d.fail(path, "cannot decode into %s", v.Type())
	}
}

// accountIDKey matches the names of the keys that take account IDs:
// managementAccountId, delegatedAdminAccountId, accountIds[i],
// excludeAccountIds[i].
var accountIDKey = regexp.MustCompile(`(?i)accountids?$`)

// numberHint says how to fix a number YAML read where a string belongs,
// for the key at path. YAML reads unquoted digits as a number: 012345678901
// becomes 12345678901 (the leading zero dropped), 012345670123 becomes
// 1402433619 (read as octal), so the value as converted is no guide to
// what was written, except when it has the 12 digits of an account ID.
func numberHint(path string, n json.Number) string {
	name := lastKey(path)
	switch {
	case name == "sessionDuration":
		if h, err := n.Int64(); err == nil && h >= 1 && h <= 12 {
			return fmt.Sprintf("a session duration is an ISO 8601 duration: write %d hours as PT%dH (and, say, "+
				"an hour and a half as PT1H30M), from PT1H to PT12H", h, h)
		}
		return "a session duration is an ISO 8601 duration, from PT1H to PT12H, such as PT8H or PT1H30M"
	case len(n.String()) == 12 && strings.Trim(n.String(), "0123456789") == "":
		return fmt.Sprintf("quote it, as in %q (YAML reads an unquoted ID as a number)", n.String())
	case accountIDKey.MatchString(name):
		return fmt.Sprintf("YAML read the unquoted account ID as a number, and %s has %d digits, not 12: a "+
			"leading zero was dropped, or the digits were read as octal; quote the ID exactly as written in "+
			"the stack file, with its leading zeros, such as \"012345678901\"", n.String(), len(n.String()))
	default:
		return "YAML read the unquoted value as a number, which drops leading zeros and reads digits after a " +
			"leading zero as octal; quote the value exactly as written in the stack file"
	}
}

// lastKey is the name of the last key of a key path: "sessionDuration" in
// "orgtrust-baseline:identityCenter.permissionSets[2].sessionDuration",
// "accountIds" in "...assignments[0].accountIds[1]".
func lastKey(path string) string {
	for strings.HasSuffix(path, "]") {
		i := strings.LastIndexByte(path, '[')
		if i < 0 {
			break
		}
		if k, err := strconv.Unquote(path[i+1 : len(path)-1]); err == nil {
			return k
		}
		path = path[:i]
	}
	if i := strings.LastIndexAny(path, ".:"); i >= 0 {
		return path[i+1:]
	}
	return path
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// joinKey appends an object key to a configuration key path, the way Pulumi
// writes property paths: a.b, or a["b c"] for keys that are not identifiers.
func joinKey(path, key string) string {
	if identifier.MatchString(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

type fieldInfo struct {
	index    []int
	required bool
}

type fieldSet struct {
	byKey map[string]fieldInfo
	keys  []string // sorted
}

// structFields lists the keys of a struct type: the `json` tag name of each
// field, else its `pulumi` tag name. An embedded struct without a name in its
// tag contributes its own keys. A field is required when its pulumi tag lacks
// "optional" (or its json tag lacks "omitempty").
func structFields(t reflect.Type) fieldSet {
	fs := fieldSet{byKey: map[string]fieldInfo{}}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			index := append(slices.Clone(prefix), i)
			name, opts, tagged := fieldTag(f)
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, index)
				continue
			}
			if !f.IsExported() || name == "-" || (!tagged && name == "") {
				continue
			}
			required := !slices.Contains(opts, "optional") && !slices.Contains(opts, "omitempty")
			fs.byKey[name] = fieldInfo{index: index, required: required}
			fs.keys = append(fs.keys, name)
		}
	}
	walk(t, nil)
	slices.Sort(fs.keys)
	return fs
}

// fieldTag returns a field's key and tag options: from its json tag when it
// has one, else from its pulumi tag.
func fieldTag(f reflect.StructField) (string, []string, bool) {
	for _, tag := range []string{"json", "pulumi"} {
		if s, ok := f.Tag.Lookup(tag); ok {
			parts := strings.Split(s, ",")
			return parts[0], parts[1:], true
		}
	}
	return "", nil, false
}

// didYouMean suggests the nearest of keys to k, or lists them.
func didYouMean(k string, keys []string) string {
	if best, ok := suggest.Nearest(k, keys); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; the keys are " + strings.Join(keys, ", ")
}
