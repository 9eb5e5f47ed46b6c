package discover

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The stack configuration is written from the components' own Args types,
// by the tags the baseline program decodes them with (provider/baseline's
// decodeJSON): a field's `json` tag, else its `pulumi` tag; an optional field
// at its zero value is left out; an embedded struct without a name gives its
// own fields. So the written file follows the components' schema without a
// copy of it.

// encode returns v as a YAML node.
func encode(v any) (*yaml.Node, error) {
	return encodeValue(reflect.ValueOf(v))
}

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

// str is a string node, quoted where plain YAML would read another type
// (an account ID as a number, "true" as a bool).
func str(s string) *yaml.Node {
	n := scalar("!!str", s)
	var probe any
	if err := yaml.Unmarshal([]byte(s), &probe); err != nil || !isString(probe, s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func isString(v any, s string) bool {
	got, ok := v.(string)
	return ok && got == strings.TrimSpace(s) && s == strings.TrimSpace(s) && !strings.Contains(s, "\n")
}

func encodeValue(v reflect.Value) (*yaml.Node, error) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return scalar("!!null", "null"), nil
		}
		return encodeValue(v.Elem())
	case reflect.String:
		return str(v.String()), nil
	case reflect.Bool:
		return scalar("!!bool", strconv.FormatBool(v.Bool())), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return scalar("!!int", strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Len() {
			item, err := encodeValue(v.Index(i))
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, item)
		}
		if flowable(n) {
			n.Style = yaml.FlowStyle
		}
		return n, nil
	case reflect.Map:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			item, err := encodeValue(v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())))
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, str(k), item)
		}
		return n, nil
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		if err := encodeFields(n, v); err != nil {
			return nil, err
		}
		return n, nil
	}
	return nil, fmt.Errorf("discover: cannot write a %s to the stack configuration", v.Type())
}

// flowable says whether a sequence of short scalars reads best on one line.
func flowable(n *yaml.Node) bool {
	if len(n.Content) == 0 || len(n.Content) > 8 {
		return len(n.Content) == 0
	}
	width := 0
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || strings.ContainsAny(c.Value, ",[]{}#\n") {
			return false
		}
		width += len(c.Value) + 2
	}
	return width <= 80
}

func encodeFields(n *yaml.Node, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, tagged := fieldTag(f)
		fv := v.Field(i)
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			if err := encodeFields(n, fv); err != nil {
				return err
			}
			continue
		}
		if !f.IsExported() || name == "-" || (!tagged && name == "") {
			continue
		}
		optional := slices.Contains(opts, "optional") || slices.Contains(opts, "omitempty")
		if optional && empty(fv) {
			continue
		}
		item, err := encodeValue(fv)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		n.Content = append(n.Content, scalar("!!str", name), item)
	}
	return nil
}

// empty says whether v is left out when optional: the zero value, or an
// empty list or map.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}

// fieldTag returns a field's key and tag options, from its json tag when it
// has one, else from its pulumi tag: the baseline decoder's rule.
func fieldTag(f reflect.StructField) (string, []string, bool) {
	for _, tag := range []string{"json", "pulumi"} {
		if s, ok := f.Tag.Lookup(tag); ok {
			parts := strings.Split(s, ",")
			return parts[0], parts[1:], true
		}
	}
	return "", nil, false
}
