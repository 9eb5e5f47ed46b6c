package components

import (
	"fmt"
	"strings"
)

// InputError is one problem with a component's input: the field it is about,
// the value given there, and what is wrong with it, the fix included. Every
// constructor and Check function of this package reports bad input as
// InputErrors, a list of them, wrapped in the component's token and name:
// use errors.As to get the list, and each error's Field to place it, rather
// than parsing the message.
type InputError struct {
	// Field is the path of the input within the component's arguments, in
	// the schema's names: "delegatedAdminAccountId",
	// "permissionSets[2].sessionDuration" or "integrations[1].args.service"
	// (indexes are positions in the list as given). Empty when the problem is
	// not one field's.
	Field string
	// Value is the bad value as given; empty when the field is missing or is
	// not a single string.
	Value string
	// Message says what is wrong and how to fix it, without the field path:
	// `"PT13H" is 13h0m0s; IAM Identity Center accepts 1 to 12 hours (PT1H to PT12H)`.
	Message string

	// subject says that Message continues a sentence whose subject is the
	// field ("permissionSets[0].name "x" is not ..."); otherwise the field
	// and the message are separated by ": ".
	subject bool
}

// Error is the field path, then the message.
func (e *InputError) Error() string {
	switch {
	case e.Field == "":
		return e.Message
	case e.subject:
		return e.Field + " " + e.Message
	default:
		return e.Field + ": " + e.Message
	}
}

// InputErrors are every problem found in one component's input, in the order
// the fields are checked. A problem that depends on another (a delegated
// administrator's mechanism needs a known service) is reported only once the
// other is fixed; independent ones are all reported at once.
type InputErrors []*InputError

// Error lists the problems: the one problem, or "N input errors:" and one
// line each.
func (es InputErrors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d input errors:", len(es))
	for _, e := range es {
		b.WriteString("\n  - ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.As finds an *InputError in the
// list and errors.Is matches any of them.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// err returns es as an error, or nil when empty.
func (es InputErrors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// add appends a problem whose message is "field: message".
func (es *InputErrors) add(field, value, format string, args ...any) {
	*es = append(*es, &InputError{Field: field, Value: value, Message: fmt.Sprintf(format, args...)})
}

// addSubject appends a problem whose message continues a sentence with the
// field as its subject: "field message".
func (es *InputErrors) addSubject(field, value, format string, args ...any) {
	*es = append(*es, &InputError{Field: field, Value: value, Message: fmt.Sprintf(format, args...), subject: true})
}

// addAll appends others, their fields placed under prefix (such as
// "integrations[1].args").
func (es *InputErrors) addAll(prefix string, others InputErrors) {
	for _, e := range others {
		c := *e
		switch {
		case prefix == "":
		case c.Field == "":
			c.Field = prefix
			c.subject = false
		default:
			c.Field = prefix + "." + c.Field
		}
		*es = append(*es, &c)
	}
}

// componentError wraps a component's error in its token and resource name,
// as every error of the component starts: `orgtrust:index:X "name": ...`.
func componentError(token, name string, err error) error {
	return fmt.Errorf("%s %q: %w", token, name, err)
}

// exampleAccountID is the account ID that error messages give as an example,
// the one AWS's documentation uses.
const exampleAccountID = "111122223333"

// Wordings of the rules that several components check, each written once.

// notAccountID reports a field that is not a 12-digit account ID; whose says
// which account it should name, and orElse, when not empty, how else to fix
// it (", or leave it empty to ...").
func (es *InputErrors) notAccountID(field, value, whose, orElse string) {
	if fix := surroundingSpace(value); fix != "" && accountIDPattern.MatchString(strings.TrimSpace(value)) {
		es.addSubject(field, value, "%q has white space around the account ID: %s", value, fix)
		return
	}
	es.addSubject(field, value, "%q is not an AWS account ID: set it to the 12 digits of %s, such as %q%s", value,
		whose, exampleAccountID, orElse)
}

// notManagementAccountID reports a managementAccountId that is not an
// account ID.
func (es *InputErrors) notManagementAccountID(value string) {
	es.notAccountID("managementAccountId", value, "the organization's management account",
		", or leave it empty to look it up")
}

// managementAsAdmin is the message of a delegated administrator that is the
// organization's management account; source says where the management
// account comes from.
func managementAsAdmin(field, admin, source string) *InputError {
	return &InputError{Field: field, Value: admin, subject: true, Message: fmt.Sprintf("%q is the organization's "+
		"management account (%s): AWS does not allow the management account as a delegated administrator; "+
		"set it to a member account, such as a security or audit account, or leave it empty", admin, source)}
}
