package components

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rules for the free text that components pass to AWS: lengths and
// characters as each API's reference gives them, tags, email addresses.
// Lengths are counted in characters, as the API references count them.

// textRule is one API's rule for a text field: its length and characters.
type textRule struct {
	// min and max are the length limits, in characters; max 0 is no limit.
	min, max int
	// chars matches one allowed character; nil allows any.
	chars *regexp.Regexp
	// allowed says, for messages, which characters chars allows.
	allowed string
	// source names the API field the rule is AWS's for, such as
	// "IAM Identity Center (CreatePermissionSet Description)".
	source string
}

// check reports a value that breaks the rule. what names the value in the
// message ("the description"); it is reported at field, with value.
func (r textRule) check(errs *InputErrors, field, value, what string) bool {
	n := utf8.RuneCountInString(value)
	switch {
	case n < r.min || (r.max > 0 && n > r.max):
		errs.addSubject(field, value, "is %d characters long; %s takes %s: %s", n, r.source, r.lengths(),
			r.fixLength(what, n))
		return false
	case r.chars != nil:
		for i, c := range value {
			if !r.chars.MatchString(string(c)) {
				errs.addSubject(field, value, "%q has the character %s at position %d, which %s does not "+
					"take in %s: use %s", value, describeRune(c), utf8.RuneCountInString(value[:i])+1, r.source,
					what, r.allowed)
				return false
			}
		}
	}
	return true
}

func (r textRule) lengths() string {
	switch {
	case r.max == 0:
		return fmt.Sprintf("at least %d", r.min)
	case r.min == r.max:
		return strconv.Itoa(r.max)
	default:
		return fmt.Sprintf("%d to %d characters", r.min, r.max)
	}
}

func (r textRule) fixLength(what string, n int) string {
	if n < r.min {
		if r.min == 1 {
			return fmt.Sprintf("give %s, or leave the field out", what)
		}
		return fmt.Sprintf("lengthen %s", what)
	}
	return fmt.Sprintf("shorten %s by %d characters", what, n-r.max)
}

// describeRune names a character for a message: 'é' (U+00E9), or U+0007
// for one that does not print.
func describeRune(c rune) string {
	if strconv.IsPrint(c) {
		return fmt.Sprintf("%q (U+%04X)", c, c)
	}
	return fmt.Sprintf("U+%04X", c)
}

// The character classes of the API references, each matching one character.
var (
	// PermissionSetDescription:
	// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html
	icDescriptionChars = regexp.MustCompile(`^[\x{0009}\x{000A}\x{000D}\x{0020}-\x{007E}\x{00A1}-\x{00FF}]$`)
	// RelayState: the same page.
	icRelayStateChars = regexp.MustCompile(`^[a-zA-Z0-9&$@#\\/%?=~\-_'"|!:,.;*+\[\] (){}]$`)
	// PutInlinePolicyToPermissionSet InlinePolicy:
	// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PutInlinePolicyToPermissionSet.html
	icPolicyChars = regexp.MustCompile(`^[\x{0009}\x{000A}\x{000D}\x{0020}-\x{00FF}]$`)
	// Identity Store CreateGroup DisplayName:
	// https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateGroup.html
	idsGroupNameChars = regexp.MustCompile(`^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \x{00A0}]$`)
	// Identity Store SensitiveStringType (group description, user display,
	// given and family names, email):
	// https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html
	idsTextChars = regexp.MustCompile(`^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \x{00A0}\x{3000}]$`)
	// Identity Store UserName: the same page; no white space.
	idsUserNameChars = regexp.MustCompile(`^[\p{L}\p{M}\p{S}\p{N}\p{P}]$`)
	// Tag keys and values of IAM Identity Center
	// (https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_Tag.html) and Service
	// Catalog (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_Tag.html), and ABAC keys
	// (https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_AccessControlAttribute.html).
	tagChars = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]$`)
	// ABAC sources (AccessControlAttributeValue Source): the tag characters
	// and [ ] { } $ \ " for ${path:...} expressions.
	abacSourceChars = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@\[\]{}$\\"]$`)
)

const (
	tagCharsAllowed  = `letters, digits, spaces and _ . : / = + - @`
	textCharsAllowed = "letters, marks, symbols, digits, punctuation, spaces, tabs and line breaks"
)

// The rules of the text fields the components pass on.
var (
	icDescriptionRule = textRule{min: 1, max: 700, chars: icDescriptionChars,
		allowed: "printable Latin-1 characters (U+0020 to U+007E and U+00A1 to U+00FF), tabs and line breaks",
		source:  "IAM Identity Center (CreatePermissionSet Description)"}
	icRelayStateRule = textRule{min: 1, max: 240, chars: icRelayStateChars,
		allowed: `letters, digits and & $ @ # \ / % ? = ~ - _ ' " | ! : , . ; * + [ ] ( ) { } and spaces ` +
			`(percent-encode anything else)`,
		source: "IAM Identity Center (CreatePermissionSet RelayState)"}
	idsGroupNameRule = textRule{min: 1, max: 1024, chars: idsGroupNameChars, allowed: textCharsAllowed,
		source: "the identity store (CreateGroup DisplayName)"}
	idsGroupDescriptionRule = textRule{min: 1, max: 1024, chars: idsTextChars, allowed: textCharsAllowed,
		source: "the identity store (CreateGroup Description)"}
	idsUserNameRule = textRule{min: 1, max: 128, chars: idsUserNameChars,
		allowed: "letters, marks, symbols, digits and punctuation, without spaces",
		source:  "the identity store (CreateUser UserName)"}
	idsUserTextRule = textRule{min: 1, max: 1024, chars: idsTextChars, allowed: textCharsAllowed,
		source: "the identity store (CreateUser)"}
	abacKeyRule = textRule{min: 1, max: 128, chars: tagChars, allowed: tagCharsAllowed,
		source: "IAM Identity Center (AccessControlAttribute Key)"}
	abacSourceRule = textRule{min: 0, max: 256, chars: abacSourceChars,
		allowed: tagCharsAllowed + ` and [ ] { } $ \ "`,
		source:  "IAM Identity Center (AccessControlAttributeValue Source)"}
)

// tagRules are one service's rules for the tags of a resource.
type tagRules struct {
	service string
	// maxTags is the most tags a resource takes.
	maxTags int
	// minValue is the shortest value (0: empty values allowed).
	minValue int
}

var (
	// IAM Identity Center: CreatePermissionSet Tags, at most 75
	// (https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreatePermissionSet.html);
	// keys 1 to 128 and values 0 to 256 characters (API_Tag).
	icTagRules = tagRules{service: "IAM Identity Center", maxTags: 75, minValue: 0}
	// Service Catalog: CreatePortfolio Tags, at most 20; keys 1 to 128 and
	// values 1 to 256 characters
	// (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_Tag.html).
	scTagRules = tagRules{service: "Service Catalog", maxTags: 20, minValue: 1}
)

// reservedTagPrefix is the prefix, in any case, that AWS keeps for the keys
// of its own tags ("aws:", "AWS:"; see "Tag naming limits and requirements"
// in https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html).
// Some services refuse it in values too, others allow it there; only keys
// are checked.
const reservedTagPrefix = "aws:"

// checkTags reports every tag that breaks the rules, at field["key"], and
// too many tags at field.
func (es *InputErrors) checkTags(field string, tags map[string]string, r tagRules) {
	if len(tags) > r.maxTags {
		es.addSubject(field, "", "has %d tags; %s takes at most %d per resource: remove %d", len(tags), r.service,
			r.maxTags, len(tags)-r.maxTags)
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range tags {
			if !yield(k) {
				return
			}
		}
	}) {
		v := tags[k]
		f := field + "[" + strconv.Quote(k) + "]"
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			continue // reported by checkText
		}
		switch n := utf8.RuneCountInString(k); {
		case n == 0:
			es.addSubject(field, "", "has an empty key; %s tag keys are 1 to 128 characters", r.service)
			continue
		case n > 128:
			es.addSubject(f, k, "is a key of %d characters; %s tag keys are 1 to 128 characters: shorten it",
				n, r.service)
			continue
		case strings.HasPrefix(strings.ToLower(k), reservedTagPrefix):
			es.addSubject(f, k, "%q starts with %q, which AWS reserves for its own tags: use a key without "+
				"it, such as %q", k, k[:len(reservedTagPrefix)], strings.TrimLeft(k[len(reservedTagPrefix):], ":"))
			continue
		}
		if c, ok := firstOutside(k, tagChars); ok {
			es.addSubject(f, k, "%q has the character %s, which %s tag keys cannot have: use %s", k,
				describeRune(c), r.service, tagCharsAllowed)
			continue
		}
		switch n := utf8.RuneCountInString(v); {
		case n < r.minValue:
			es.addSubject(f, v, "has an empty value; %s tag values are %d to 256 characters: give a value, or "+
				"remove the tag", r.service, r.minValue)
		case n > 256:
			es.addSubject(f, v, "has a value of %d characters; %s tag values are at most 256: shorten it", n,
				r.service)
		default:
			if c, ok := firstOutside(v, tagChars); ok {
				es.addSubject(f, v, "has the value %q, with the character %s, which %s tag values cannot have: "+
					"use %s", v, describeRune(c), r.service, tagCharsAllowed)
			}
		}
	}
}

// firstOutside returns the first character of s that class does not match.
func firstOutside(s string, class *regexp.Regexp) (rune, bool) {
	for _, c := range s {
		if !class.MatchString(string(c)) {
			return c, true
		}
	}
	return 0, false
}

// emailDomainLabel is one label of an email address's domain: letters,
// digits and hyphens, not at either end (RFC 1035's host names, with the
// letters of internationalized domain names).
var emailDomainLabel = regexp.MustCompile(`^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$`)

// checkEmail reports a value that is not one plain email address: what
// net/mail parses as a single address with no display name and no angle
// brackets, whose domain is a host name with a dot, as a work email sent to
// the identity store is.
func (es *InputErrors) checkEmail(field, value string) {
	fail := func(why string) {
		es.addSubject(field, value, "%q is not an email address (%s): give one address such as %q, a name, "+
			"\"@\" and a domain such as example.com", value, why, "jdoe@example.com")
	}
	addr, err := mail.ParseAddress(value)
	if err != nil {
		fail(strings.TrimPrefix(err.Error(), "mail: "))
		return
	}
	if addr.Name != "" || addr.Address != value {
		fail("it has more than the address; give the address alone")
		return
	}
	at := strings.LastIndexByte(value, '@')
	local, domain := value[:at], value[at+1:]
	switch {
	case strings.ContainsAny(local, " \t\"\\"):
		fail("the part before \"@\" has a space or a quote")
	case !strings.Contains(domain, "."):
		fail(fmt.Sprintf("the domain %q has no dot", domain))
	default:
		for _, label := range strings.Split(domain, ".") {
			if !emailDomainLabel.MatchString(label) {
				fail(fmt.Sprintf("the domain %q is not a host name", domain))
				return
			}
		}
	}
}
