package baseline

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// decodeJSON decodes the JSON text of one configuration value into v, a
// pointer. Objects map to structs by the fields' `json` tag, else their
// `pulumi` tag, matched exactly; keys no field takes, values of the wrong type
// and missing required keys are errors, each at its key path below path. The
// components' Args types decode directly, so the configuration follows their
// schema without a copy of it.
func decodeJSON(path, text string, v any) ConfigErrors {
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

type decoder struct{ errs ConfigErrors }

func (d *decoder) fail(path, format string, args ...any) {
	d.errs = append(d.errs, &ConfigError{Key: path, Msg: fmt.Sprintf(format, args...)})
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
			d.fail(path, "expected a string, got %s: quote it, as in %q (YAML reads an unquoted ID as a number, "+
				"and drops the leading zeros of one such as 012345678901)", describe(raw), x.String())
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
	if best, ok := nearest(k, keys); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; the keys are " + strings.Join(keys, ", ")
}
