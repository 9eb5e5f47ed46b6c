package components

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The checks of a permission set's inline policy: IAM Identity Center's size
// limits and characters, and the parts of IAM's policy grammar that every
// identity-based policy needs.

// IAM Identity Center's limits on an inline policy: "Maximum size of inline
// policy per permission set: 32,768 bytes. Maximum size of non-whitespace
// characters in the inline policy per permission set is 10,240 bytes"
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html).
const (
	icMaxInlinePolicyBytes         = 32768
	icMaxInlinePolicyNonSpaceBytes = 10240
)

// examplePolicy is the policy document the messages show.
const examplePolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}`

// checkInlinePolicy reports every problem of an inline policy document: its
// size, its characters (PutInlinePolicyToPermissionSet takes U+0009, U+000A,
// U+000D and U+0020 to U+00FF), and its structure as IAM's grammar gives it
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html):
// a JSON object with a Version of 2012-10-17 or 2008-10-17, if any, and a
// Statement, each statement with an Effect of Allow or Deny, an Action or
// NotAction, a Resource or NotResource, and no Principal (an identity-based
// policy's principal is the role it is attached to).
func (es *InputErrors) checkInlinePolicy(field, doc string) {
	if n := len(doc); n > icMaxInlinePolicyBytes {
		es.addSubject(field, "", "is %d bytes; IAM Identity Center takes an inline policy of at most %d bytes: "+
			"move statements into customer managed policies (customerManagedPolicies)", n, icMaxInlinePolicyBytes)
	}
	nonSpace := 0
	for _, c := range doc {
		if !unicode.IsSpace(c) {
			nonSpace += utf8.RuneLen(c)
		}
	}
	if nonSpace > icMaxInlinePolicyNonSpaceBytes {
		es.addSubject(field, "", "has %d bytes besides white space; IAM Identity Center takes at most %d: "+
			"move statements into customer managed policies (customerManagedPolicies), or use wildcards in "+
			"long action lists", nonSpace, icMaxInlinePolicyNonSpaceBytes)
	}
	if utf8.ValidString(doc) {
		if c, ok := firstOutside(doc, icPolicyChars); ok {
			es.addSubject(field, "", "has the character %s, which IAM Identity Center does not take in an inline "+
				"policy (only tabs, line breaks and U+0020 to U+00FF): write it as a JSON escape, \\u%04x", describeRune(c), c)
		}
	}

	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = fmt.Errorf("text follows the JSON value")
	}
	if err != nil {
		es.addSubject(field, "", "is not a JSON policy document (%v); give the policy as a JSON object string, "+
			"such as the output of json.Marshal or JSON.stringify", err)
		return
	}
	policy, ok := v.(map[string]any)
	if !ok {
		kind := describeJSON(v)
		es.addSubject(field, "", "is not a JSON policy document (it is %s, not an object): give an object such as "+
			"%s, or leave inlinePolicy out for none", kind, examplePolicy)
		return
	}
	if ver, set := policy["Version"]; set && ver != "2012-10-17" && ver != "2008-10-17" {
		es.addSubject(field, "", "has the Version %s; IAM policies take \"2012-10-17\" (the current one) or "+
			"\"2008-10-17\": use \"2012-10-17\"", describeJSON(ver))
	}
	statement, set := policy["Statement"]
	switch s := statement.(type) {
	case map[string]any:
		es.checkStatement(field, "its Statement", s)
	case []any:
		for i, item := range s {
			what := fmt.Sprintf("statement %d", i+1)
			if obj, ok := item.(map[string]any); ok {
				es.checkStatement(field, what, obj)
			} else {
				es.addSubject(field, "", "has %s as %s, not an object: write each statement as an object, such as "+
					`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}`, describeJSON(item), what)
			}
		}
	default:
		switch {
		case !set:
			es.addSubject(field, "", "has no Statement%s: an IAM policy lists its permissions there, as in %s",
				caseHint(policy, "Statement"), examplePolicy)
		default:
			es.addSubject(field, "", "has %s as its Statement: give a statement object, or a list of them, as in %s",
				describeJSON(statement), examplePolicy)
		}
	}
}

// checkStatement reports the missing and forbidden elements of one statement.
func (es *InputErrors) checkStatement(field, what string, s map[string]any) {
	switch effect, set := s["Effect"]; {
	case !set:
		es.addSubject(field, "", "has no Effect in %s%s: set \"Effect\" to \"Allow\" or \"Deny\"", what,
			caseHint(s, "Effect"))
	case effect != "Allow" && effect != "Deny":
		es.addSubject(field, "", "has the Effect %s in %s: IAM takes \"Allow\" or \"Deny\" (case matters)",
			describeJSON(effect), what)
	}
	_, action := s["Action"]
	_, notAction := s["NotAction"]
	if !action && !notAction {
		es.addSubject(field, "", "has no Action in %s%s: list the actions, such as \"Action\": \"s3:GetObject\" "+
			"(or NotAction)", what, caseHint(s, "Action"))
	}
	_, resource := s["Resource"]
	_, notResource := s["NotResource"]
	if !resource && !notResource {
		es.addSubject(field, "", "has no Resource in %s%s: an identity-based policy names its resources, such "+
			"as \"Resource\": \"*\" (or NotResource)", what, caseHint(s, "Resource"))
	}
	for _, k := range []string{"Principal", "NotPrincipal"} {
		if _, set := s[k]; set {
			es.addSubject(field, "", "has a %s in %s: an inline policy is attached to the role Identity Center "+
				"provisions, which is its principal, and IAM refuses a principal there: remove it", k, what)
		}
	}
}

// caseHint points out a key that differs from want only in case.
func caseHint(obj map[string]any, want string) string {
	for k := range obj {
		if k != want && strings.EqualFold(k, want) {
			return fmt.Sprintf(" (it has %q: IAM's element names are case-sensitive)", k)
		}
	}
	return ""
}

// describeJSON names a decoded JSON value in messages.
func describeJSON(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("the string %q", x)
	case json.Number:
		return "the number " + x.String()
	case bool:
		return fmt.Sprintf("%t", x)
	case []any:
		return "a list"
	case map[string]any:
		if len(x) == 0 {
			return "an empty object"
		}
		return "an object"
	}
	return fmt.Sprint(v)
}
