package components

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// Assignment targets by AWS Organizations tag (AssignmentSpec.AccountTags):
// the ACTIVE accounts whose tags match every filter of the entry. The
// accounts and their tags are read once per component, at preview, with the
// orgtrust provider's getOrganizationAccounts (one paginated ListAccounts,
// then ListTagsForResource per account, at Organizations' request rate):
// pulumi-aws has no lookup that returns the tags of every account, and one
// aws.organizations.getResourceTags invoke per account would cost an engine
// round trip each.

// GetOrganizationAccountsToken is the token of the orgtrust function that
// lists the organization's accounts with their tags.
const GetOrganizationAccountsToken = catalog.GetOrganizationAccountsToken

// AccountTagSpec selects accounts by one AWS Organizations tag.
type AccountTagSpec struct {
	Key    string   `pulumi:"key"`
	Values []string `pulumi:"values"`
}

// Annotate describes the type for the provider schema.
func (t *AccountTagSpec) Annotate(a infer.Annotator) {
	a.Describe(t, "An AWS Organizations tag that target accounts carry: an account matches when it has the key "+
		"with one of the values. Several in one assignment entry must all match (AND).")
	a.Describe(&t.Key, "The tag key, such as `env`: 1 to 128 letters, digits, spaces and `_.:/=+-@`, not "+
		"starting with `aws:`. Keys are case-sensitive.")
	a.Describe(&t.Values, "The values that match, such as `[prod]` (any of them; case-sensitive): at least one, "+
		"each at most 256 letters, digits, spaces and `_.:/=+-@`; an empty string matches the key with an empty "+
		"value.")
}

// Limits of AWS Organizations tags ("Tagging AWS Organizations resources",
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_tagging.html,
// and the API's Tag type): keys 1 to 128 characters, values 0 to 256, at
// most 50 tags on one resource.
const (
	orgTagKeyMax      = 128
	orgTagValueMax    = 256
	orgMaxAccountTags = 50
)

// icTagFilter is one checked AccountTagSpec.
type icTagFilter struct {
	key    string
	values []string
}

// matches reports whether tags carry the key with one of the values.
func (f icTagFilter) matches(tags map[string]string) bool {
	v, ok := tags[f.key]
	return ok && slices.Contains(f.values, v)
}

// String names the filter in the plan: env=prod|staging.
func (f icTagFilter) String() string {
	return f.key + "=" + strings.Join(f.values, "|")
}

// planAccountTags checks an entry's accountTags and returns its filters; ok
// is false when one is wrong.
func planAccountTags(errs *InputErrors, field string, specs []AccountTagSpec) ([]icTagFilter, bool) {
	ok := true
	seen := map[string]int{}
	var out []icTagFilter
	if len(specs) > orgMaxAccountTags {
		errs.addSubject(field+".accountTags", "", "has %d tags; an account carries at most %d AWS Organizations "+
			"tags, so no account can match: keep at most %d", len(specs), orgMaxAccountTags, orgMaxAccountTags)
		ok = false
	}
	for i, t := range specs {
		f := fmt.Sprintf("%s.accountTags[%d]", field, i)
		switch n := utf8.RuneCountInString(t.Key); {
		case strings.TrimSpace(t.Key) == "":
			errs.addSubject(f+".key", t.Key, "is empty; give the tag key the accounts carry, such as env")
			ok = false
			continue
		case n > orgTagKeyMax:
			errs.addSubject(f+".key", t.Key, "is %d characters long; AWS Organizations tag keys are 1 to %d "+
				"characters: shorten it", n, orgTagKeyMax)
			ok = false
			continue
		case strings.HasPrefix(strings.ToLower(t.Key), reservedTagPrefix):
			errs.addSubject(f+".key", t.Key, "%q starts with %q, which AWS reserves for its own tags, and no "+
				"account carries such a tag from Organizations: use the key your accounts are tagged with", t.Key,
				t.Key[:len(reservedTagPrefix)])
			ok = false
			continue
		}
		if c, bad := firstOutside(t.Key, tagChars); bad {
			errs.addSubject(f+".key", t.Key, "%q has the character %s, which AWS Organizations tag keys cannot "+
				"have: use %s", t.Key, describeRune(c), tagCharsAllowed)
			ok = false
			continue
		}
		if j, dup := seen[t.Key]; dup {
			errs.addSubject(f+".key", t.Key, "%q is also accountTags[%d]; an account has one value per key, so "+
				"two filters of one key match only their common values: list every value in one entry", t.Key, j)
			ok = false
			continue
		}
		seen[t.Key] = i
		if len(t.Values) == 0 {
			errs.addSubject(f+".values", "", "is empty; give the values of %q that match, such as [prod] (an "+
				"empty list would match no account)", t.Key)
			ok = false
			continue
		}
		filter := icTagFilter{key: t.Key}
		for j, v := range t.Values {
			vf := fmt.Sprintf("%s.values[%d]", f, j)
			if n := utf8.RuneCountInString(v); n > orgTagValueMax {
				errs.addSubject(vf, v, "is %d characters long; AWS Organizations tag values are at most %d: "+
					"shorten it", n, orgTagValueMax)
				ok = false
				continue
			}
			if c, bad := firstOutside(v, tagChars); bad {
				errs.addSubject(vf, v, "%q has the character %s, which AWS Organizations tag values cannot have: "+
					"use %s", v, describeRune(c), tagCharsAllowed)
				ok = false
				continue
			}
			if !slices.Contains(filter.values, v) {
				filter.values = append(filter.values, v)
			}
		}
		slices.Sort(filter.values)
		out = append(out, filter)
	}
	return out, ok
}

// icOrgAccount is an account of the organization with its tags, as
// getOrganizationAccounts returns it.
type icOrgAccount struct {
	ID     string            `pulumi:"id"`
	Name   string            `pulumi:"name"`
	Status string            `pulumi:"status"`
	Tags   map[string]string `pulumi:"tags"`
}

// hasTagTargets reports whether an assignment targets accounts by tag.
func (p *icPlan) hasTagTargets() bool {
	for _, r := range p.rules {
		if len(r.tags) > 0 {
			return true
		}
	}
	return false
}

// tagKeys are the distinct tag keys of every rule, sorted.
func (p *icPlan) tagKeys() []string {
	var keys []string
	for _, r := range p.rules {
		for _, f := range r.tags {
			keys = append(keys, f.key)
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// lookupTaggedAccounts reads the organization's accounts with the tags the
// rules use, once for the component, and sets each rule's tagAccounts: the
// ACTIVE accounts that match all its filters, sorted. Nothing is read when
// no rule targets tags.
func lookupTaggedAccounts(ctx *pulumi.Context, plan *icPlan) error {
	if !plan.hasTagTargets() {
		return nil
	}
	var res struct {
		Accounts []icOrgAccount `pulumi:"accounts"`
	}
	keys := plan.tagKeys()
	if err := ctx.Invoke(GetOrganizationAccountsToken, map[string]any{"tagKeys": keys}, &res,
		packageInvokeDefaults()...); err != nil {
		return fmt.Errorf("reading the organization's accounts and their tags (%s, for the assignments' "+
			"accountTags): %w; the orgtrust provider's credentials need organizations:ListAccounts and "+
			"organizations:ListTagsForResource", GetOrganizationAccountsToken, err)
	}
	plan.matchTags(res.Accounts)
	return nil
}

// matchTags sets each rule's tagAccounts from the organization's accounts.
func (p *icPlan) matchTags(accounts []icOrgAccount) {
	for i := range p.rules {
		r := &p.rules[i]
		if len(r.tags) == 0 {
			continue
		}
		r.tagAccounts = []string{}
		for _, a := range accounts {
			if matchAll(r.tags, a.Status, a.Tags) {
				r.tagAccounts = append(r.tagAccounts, a.ID)
			}
		}
		slices.Sort(r.tagAccounts)
	}
}

// matchAll reports whether an account of status with tags is a target of
// filters: ACTIVE, and every filter matches.
func matchAll(filters []icTagFilter, status string, tags map[string]string) bool {
	if status != "ACTIVE" || len(filters) == 0 {
		return false
	}
	for _, f := range filters {
		if !f.matches(tags) {
			return false
		}
	}
	return true
}

// AccountTagsMatch reports whether an account of status with tags is a
// target of an assignment entry's accountTags, as IdentityCenterSetup
// decides it (make plan's summary uses it): ACTIVE, and every entry's key
// with one of its values.
func AccountTagsMatch(specs []AccountTagSpec, status string, tags map[string]string) bool {
	filters := make([]icTagFilter, len(specs))
	for i, s := range specs {
		filters[i] = icTagFilter{key: s.Key, values: s.Values}
	}
	return matchAll(filters, status, tags)
}

// AccountTagsString names an entry's accountTags as the plan shows them:
// env=prod|staging, team=payments.
func AccountTagsString(specs []AccountTagSpec) string {
	parts := make([]string, len(specs))
	for i, s := range specs {
		parts[i] = icTagFilter{key: s.Key, values: s.Values}.String()
	}
	return strings.Join(parts, ", ")
}

// packageInvokeDefaults are the invoke options of an orgtrust function: the
// plugin's download URL and version, as for its resources.
func packageInvokeDefaults() []pulumi.InvokeOption {
	out := []pulumi.InvokeOption{pulumi.PluginDownloadURL(PluginDownloadURL)}
	if PluginVersion != "" {
		out = append(out, pulumi.Version(PluginVersion))
	}
	return out
}
