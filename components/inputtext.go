package components

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Every string a component takes reaches AWS, and on its way the Pulumi
// engine, as protobuf text, which must be valid UTF-8: the SDK refuses
// anything else ("non-UTF8 bytes") only when it registers the resource,
// naming no field, after the component's other children are registered.
// So every component checks every string of its arguments first, by field,
// with checkText.

// checkText returns one error for each string in args, a component's
// arguments (a struct, walked by its `pulumi` tags), that is not valid UTF-8:
// field values, list items, map keys and map values, at their field paths,
// such as "permissionSets[2].description" or `permissionSets[0].tags["team"]`.
func checkText(args any) InputErrors {
	var errs InputErrors
	walkText("", reflect.ValueOf(args), &errs)
	return errs
}

func walkText(path string, v reflect.Value, errs *InputErrors) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkText(path, v.Elem(), errs)
		}
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) {
			errs.addSubject(path, s, "%s", notUTF8(s))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkText(fmt.Sprintf("%s[%d]", path, i), v.Index(i), errs)
		}
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			key := k.String()
			if !utf8.ValidString(key) {
				errs.addSubject(path, key, "has a key that %s", notUTF8(key))
				continue
			}
			walkText(path+"["+strconv.Quote(key)+"]", v.MapIndex(k), errs)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("pulumi"), ",")
			if name == "" {
				continue
			}
			walkText(joinField(path, name), v.Field(i), errs)
		}
	}
}

// joinField appends a field name to a field path.
func joinField(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// notUTF8 says where s stops being UTF-8. %q shows the bad bytes escaped,
// so the message itself is valid UTF-8.
func notUTF8(s string) string {
	at := 0
	for at < len(s) {
		r, size := utf8.DecodeRuneInString(s[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	return fmt.Sprintf("%q is not valid UTF-8 text (byte 0x%02x at offset %d is not part of a UTF-8 character): "+
		"Pulumi and AWS take UTF-8 only; re-encode the text as UTF-8 (a Latin-1 \"é\" is the byte 0xe9, in "+
		"UTF-8 it is 0xc3 0xa9)", s, s[at], at)
}

// withText puts the text errors of a component's arguments before its other
// errors, and drops the other errors about the same fields (a description
// that is not UTF-8 is not also reported as too long), so that each problem
// is reported once.
func withText(text, others InputErrors) InputErrors {
	if len(text) == 0 {
		return others
	}
	bad := make(map[string]bool, len(text))
	for _, e := range text {
		bad[e.Field] = true
	}
	out := slices.Clone(text)
	for _, e := range others {
		if !aboutField(e.Field, bad) {
			out = append(out, e)
		}
	}
	return out
}

// aboutField reports whether an error at field is about one of the bad
// fields: the field itself, or a list it belongs to (errors about list items
// such as a Region are reported at the list, "regions").
func aboutField(field string, bad map[string]bool) bool {
	if bad[field] {
		return true
	}
	for b := range bad {
		if strings.HasPrefix(b, field+"[") && !strings.Contains(b[len(field):], ".") {
			return true
		}
	}
	return false
}
