package components

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// This file turns IdentityCenterSetupArgs into a plan: every check, every
// child's name and every assignment, computed from plain values before
// anything is registered. The work is linear in the size of the input (plus
// sorting), with no per-assignment lookups.

// icPlan is a validated, normalized IdentityCenterSetup.
type icPlan struct {
	name            string
	instanceArn     string
	identityStoreID string

	// permissionSets are sorted by name.
	permissionSets []icPermissionSet
	// principals holds the groups (sorted by display name), then the users
	// (sorted by user name).
	principals []icPrincipal
	// memberships are sorted by resource name.
	memberships []icMembership
	rules       []icRule
	// ous are the distinct OU and root IDs of all assignments, sorted.
	ous []string
	// abac is sorted by key.
	abac []AccessControlAttributeSpec

	// partition is the partition of the instance, when given, else of the
	// first policy ARN; policyARNs are every policy ARN with its field, to
	// check against the partition of an instance looked up.
	partition  partitionClaim
	policyARNs []icARN
	// adoptAssignments and adoptABAC: the assignments of adopted permission
	// sets to existing principals, and the ABAC configuration, exist.
	adoptAssignments, adoptABAC bool
	// managementAccountID and managementRoleArn are the inputs of
	// identitycentersetup_management.go.
	managementAccountID, managementRoleArn string
	// applications and issuers are sorted by name
	// (identitycentersetup_applications.go, _tokenissuers.go).
	applications []icApplication
	issuers      []icIssuer
}

// icARN is an ARN of the input and its field.
type icARN struct{ field, arn string }

type icPermissionSet struct {
	spec PermissionSetSpec
	// field is the input's path, such as "permissionSets[2]".
	field    string
	resName  string
	managed  []icManagedPolicy
	customer []icCustomerPolicy
	// adoptArn is the ARN of the existing permission set to import; "" to
	// create it.
	adoptArn string
	// existing marks a permission set referenced by name: looked up, never
	// registered (identitycentersetup_existing.go).
	existing    bool
	existingArn string

	// Set while registering.
	arn          pulumi.StringOutput
	id           pulumi.IDOutput
	attachments  []pulumi.Resource
	provisioning pulumi.Resource
}

type icManagedPolicy struct {
	arn     string
	resName string
}

type icCustomerPolicy struct {
	ref     CustomerManagedPolicyRef
	resName string
}

type icPrincipal struct {
	typ      PrincipalType
	name     string
	field    string
	key      string
	resName  string
	existing bool
	group    GroupSpec
	user     UserSpec

	// Set by the lookup (existing) or while registering.
	id      string
	idInput pulumi.StringInput
}

type icMembership struct {
	group, user int
	resName     string
	// adoptID is the ID of the existing membership to import; "" to create it.
	adoptID string
}

// icRule is one validated AssignmentSpec.
type icRule struct {
	// field is the entry's path, such as "assignments[2]".
	field      string
	ps         int
	principals []int
	// prefixes[i] is the resource-name prefix of principals[i]'s assignments;
	// the account ID completes it.
	prefixes []string
	accounts []string
	ous      []string
	exclude  []string
	// tags are the accountTags filters; tagAccounts the ACTIVE accounts that
	// match them all, set by the lookup (identitycentersetup_tags.go).
	tags        []icTagFilter
	tagAccounts []string
}

// identity is what the rule gives, independent of the order of its lists:
// its permission set, principals and targets, each as a sorted set. Two
// entries of one identity are exact duplicates.
func (r icRule) identity() string {
	set := func(items []string) string {
		s := slices.Clone(items)
		slices.Sort(s)
		return strings.Join(slices.Compact(s), ",")
	}
	principals := slices.Clone(r.principals)
	slices.Sort(principals)
	tags := make([]string, len(r.tags))
	for i, t := range r.tags {
		tags[i] = t.String()
	}
	return fmt.Sprintf("%d|%v|%s|%s|%s|%s", r.ps, principals, set(r.accounts), set(r.ous), set(r.exclude),
		set(tags))
}

// icAssignment is one account assignment after expansion.
type icAssignment struct {
	name      string
	ps        int
	principal int
	account   string
}

var (
	icPolicyNamePattern    = regexp.MustCompile(`^[\w+=,.@-]{1,128}$`)
	icPolicyPathPattern    = regexp.MustCompile(`^/(?:[\w+=,.@-]+/)*$`)
	icInstanceArnPattern   = regexp.MustCompile(`^arn:aws(?:-[a-z]+)*:sso:::instance/(?:sso)?ins-[a-zA-Z0-9.-]{16}$`)
	icIdentityStorePattern = regexp.MustCompile(`^d-[0-9a-f]{10}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	icISODurationPattern   = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)
)

// Limits of IAM Identity Center
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html and the API reference).
const (
	// icMaxPoliciesPerPermissionSet: "Number of AWS managed and customer
	// managed policies per permission set: 20", not adjustable.
	icMaxPoliciesPerPermissionSet = 20
	// icMaxPolicyPathLen: CustomerManagedPolicyReference Path, 1 to 512.
	icMaxPolicyPathLen = 512
	// icMaxAccessControlAttributes: InstanceAccessControlAttributeConfiguration
	// AccessControlAttributes, at most 50, each with exactly one source.
	icMaxAccessControlAttributes = 50
)

// icNameClaims detects two inputs that sanitize to the same resource name.
type icNameClaims map[string]string

func (c icNameClaims) claim(errs *InputErrors, resName, field, value string) {
	if prev, taken := c[resName]; taken {
		errs.addSubject(field, value, "%q gives the resource name %q, which %s already gives; rename "+
			"one of them", value, resName, prev)
		return
	}
	c[resName] = fmt.Sprintf("%s %q", field, value)
}

// planIdentityCenter validates args and computes the plan. Any error means
// nothing may be registered.
func planIdentityCenter(name string, args IdentityCenterSetupArgs) (*icPlan, InputErrors) {
	errs := &InputErrors{}
	plan := &icPlan{name: name}

	// Instance.
	switch {
	case args.InstanceArn != "" && args.IdentityStoreID == "":
		errs.add("identityStoreId", "", "instanceArn is set but identityStoreId is not; give both "+
			"(the identity store ID is on the "+
			"IAM Identity Center console's Settings page, like d-1234567890), or neither to look both up")
	case args.InstanceArn == "" && args.IdentityStoreID != "":
		errs.add("instanceArn", "", "identityStoreId is set but instanceArn is not; give both, or "+
			"neither to look both up")
	case args.InstanceArn != "":
		switch partition := arnPartition(args.InstanceArn); {
		case !icInstanceArnPattern.MatchString(args.InstanceArn):
			errs.addSubject("instanceArn", args.InstanceArn, "%q is not an IAM Identity Center instance ARN; it "+
				"looks like arn:aws:sso:::instance/ssoins-1234567890abcdef", args.InstanceArn)
		case !knownPartition(partition):
			errs.addSubject("instanceArn", args.InstanceArn, "%s", unknownPartition(args.InstanceArn, partition))
		default:
			plan.partition = partitionClaim{partition: partition, by: "the instance (instanceArn)"}
		}
		if !icIdentityStorePattern.MatchString(args.IdentityStoreID) {
			errs.addSubject("identityStoreId", args.IdentityStoreID, "%q is not an identity store ID; it looks like "+
				"d-1234567890", args.IdentityStoreID)
		}
		plan.instanceArn, plan.identityStoreID = args.InstanceArn, args.IdentityStoreID
	}

	// The accounts of the integration (delegatedAdminAccountId,
	// managementAccountId) are checked by its plan (CheckIdentityCenterSetup).

	claims := icNameClaims{}
	psIndex := plan.planPermissionSets(args.PermissionSets, errs, claims)
	groupIndex, userIndex := plan.planPrincipals(args.Groups, args.Users, errs, claims)
	plan.planMemberships(args.GroupMemberships, groupIndex, userIndex, errs, claims)
	plan.planRules(args.Assignments, psIndex, groupIndex, userIndex, errs)
	plan.planABAC(args.AccessControlAttributes, errs)
	plan.planAdopt(args.Adopt, psIndex, errs)
	plan.planApplications(args.Applications, groupIndex, userIndex, errs, claims)
	plan.planTrustedTokenIssuers(args.TrustedTokenIssuers, errs, claims)

	checkAssignmentsMode(errs, args.AssignmentsMode)
	plan.checkExclusive(errs, args.AssignmentsMode)
	plan.planManagement(args, errs)
	if len(*errs) > 0 {
		return nil, *errs
	}
	return plan, nil
}

func (p *icPlan) planPermissionSets(specs []PermissionSetSpec, errs *InputErrors, claims icNameClaims) map[string]int {
	sorted := make([]int, len(specs))
	for i := range sorted {
		sorted[i] = i
	}
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(specs[a].Name, specs[b].Name) })

	index := make(map[string]int, len(specs))
	for _, i := range sorted {
		s := specs[i]
		field := fmt.Sprintf("permissionSets[%d]", i)
		if fix := surroundingSpace(s.Name); fix != "" && strings.TrimSpace(s.Name) != "" {
			errs.addSubject(field+".name", s.Name, "%q has white space around the permission set name: %s",
				s.Name, fix)
			continue
		}
		if !permissionSetPattern.MatchString(s.Name) {
			errs.addSubject(field+".name", s.Name, "%q is not a valid permission set name: use 1 to "+
				"32 letters, digits and +=,.@_-", s.Name)
			continue
		}
		if _, dup := index[s.Name]; dup {
			errs.addSubject(field+".name", s.Name, "%q is a duplicate: permission set names must be "+
				"unique; merge the two entries or "+
				"rename one", s.Name)
			continue
		}
		if s.Existing {
			// Always indexed, so an assignment naming it reports no second error.
			index[s.Name] = len(p.permissionSets)
			p.permissionSets = append(p.permissionSets, planExistingPermissionSet(field, s, errs))
			continue
		}
		if s.SessionDuration != "" {
			if err := icCheckSessionDuration(s.SessionDuration); err != nil {
				errs.addSubject(field+".sessionDuration", s.SessionDuration, "%q %v", s.SessionDuration, err)
			}
		}
		if s.Description != "" {
			icDescriptionRule.check(errs, field+".description", s.Description, "the description")
		}
		if s.RelayState != "" {
			icCheckRelayState(errs, field+".relayState", s.RelayState)
		}
		if s.InlinePolicy != "" {
			errs.checkInlinePolicy(field+".inlinePolicy", s.InlinePolicy)
		}
		errs.checkTags(field+".tags", s.Tags, icTagRules)
		if n := len(s.ManagedPolicyArns) + len(s.CustomerManagedPolicies); n > icMaxPoliciesPerPermissionSet {
			errs.addSubject(field, "", "attaches %d managed and customer managed policies; IAM Identity Center "+
				"takes at most %d per permission set: merge policies, or move statements into the inline policy",
				n, icMaxPoliciesPerPermissionSet)
		}
		resName := p.name + "-ps-" + icSanitizeName(s.Name)
		claims.claim(errs, resName, field+".name", s.Name)
		ps := icPermissionSet{spec: s, field: field, resName: resName}

		seenManaged := make(map[string]bool, len(s.ManagedPolicyArns))
		for j, arn := range s.ManagedPolicyArns {
			f := fmt.Sprintf("%s.managedPolicyArns[%d]", field, j)
			if !errs.checkManagedPolicyARN(f, arn, "arn:aws:iam::aws:policy/ReadOnlyAccess",
				"customerManagedPolicies", &p.partition) {
				continue
			}
			p.policyARNs = append(p.policyARNs, icARN{field: f, arn: arn})
			if seenManaged[arn] {
				continue // the same policy twice is one attachment
			}
			seenManaged[arn] = true
			policy := arn[strings.Index(arn, ":policy/")+len(":policy/"):]
			mName := resName + "-managed-" + icSanitizeName(policy)
			claims.claim(errs, mName, f, arn)
			ps.managed = append(ps.managed, icManagedPolicy{arn: arn, resName: mName})
		}
		slices.SortFunc(ps.managed, func(a, b icManagedPolicy) int { return cmp.Compare(a.resName, b.resName) })

		seenCustomer := make(map[CustomerManagedPolicyRef]bool, len(s.CustomerManagedPolicies))
		for j, ref := range s.CustomerManagedPolicies {
			f := fmt.Sprintf("%s.customerManagedPolicies[%d]", field, j)
			ref, ok := icCheckPolicyRef(f, ref, errs)
			if !ok || seenCustomer[ref] {
				continue
			}
			seenCustomer[ref] = true
			cName := resName + "-customer-" + icSanitizeName(strings.TrimPrefix(ref.Path, "/")+ref.Name)
			claims.claim(errs, cName, f, ref.Path+ref.Name)
			ps.customer = append(ps.customer, icCustomerPolicy{ref: ref, resName: cName})
		}
		slices.SortFunc(ps.customer, func(a, b icCustomerPolicy) int { return cmp.Compare(a.resName, b.resName) })

		if b := s.PermissionsBoundary; b != nil {
			f := field + ".permissionsBoundary"
			switch {
			case b.ManagedPolicyArn != "" && b.CustomerManagedPolicy != nil:
				errs.addSubject(f, "", "sets both managedPolicyArn and customerManagedPolicy; a "+
					"permission set has one "+
					"boundary: keep one of them")
			case b.ManagedPolicyArn != "":
				if errs.checkManagedPolicyARN(f+".managedPolicyArn", b.ManagedPolicyArn,
					"arn:aws:iam::aws:policy/PowerUserAccess", "customerManagedPolicy", &p.partition) {
					p.policyARNs = append(p.policyARNs, icARN{field: f + ".managedPolicyArn", arn: b.ManagedPolicyArn})
				}
			case b.CustomerManagedPolicy != nil:
				ref, ok := icCheckPolicyRef(f+".customerManagedPolicy", *b.CustomerManagedPolicy, errs)
				if ok {
					bb := *b
					bb.CustomerManagedPolicy = &ref
					ps.spec.PermissionsBoundary = &bb
				}
			default:
				errs.addSubject(f, "", "is set but empty; set managedPolicyArn or customerManagedPolicy, or remove it")
			}
		}
		index[s.Name] = len(p.permissionSets)
		p.permissionSets = append(p.permissionSets, ps)
	}
	return index
}

// icCheckPolicyRef validates a customer managed policy reference and defaults
// its path to "/".
func icCheckPolicyRef(field string, ref CustomerManagedPolicyRef, errs *InputErrors) (CustomerManagedPolicyRef, bool) {
	ok := true
	if fix := surroundingSpace(ref.Name); fix != "" {
		errs.addSubject(field+".name", ref.Name, "%q has white space around the policy name: %s", ref.Name, fix)
		ok = false
	} else if !icPolicyNamePattern.MatchString(ref.Name) {
		errs.addSubject(field+".name", ref.Name, "%q is not a valid IAM policy name: use 1 to 128 "+
			"letters, digits and +=,.@_- (the "+
			"path goes in path)", ref.Name)
		ok = false
	}
	switch {
	case ref.Path == "":
		ref.Path = "/"
	case len(ref.Path) > icMaxPolicyPathLen:
		errs.addSubject(field+".path", ref.Path, "is %d characters long; an IAM path is at most %d: shorten it",
			len(ref.Path), icMaxPolicyPathLen)
		ok = false
	case !icPolicyPathPattern.MatchString(ref.Path):
		errs.addSubject(field+".path", ref.Path, "%q is not a valid IAM path; it starts and ends "+
			"with /, such as / or /teams/", ref.Path)
		ok = false
	}
	return ref, ok
}

// icCheckSessionDuration checks an ISO 8601 duration lies within 1 to 12 hours.
func icCheckSessionDuration(s string) error {
	m := icISODurationPattern.FindStringSubmatch(s)
	if m == nil || s == "P" || strings.HasSuffix(s, "T") {
		return fmt.Errorf("is not an ISO 8601 duration; write it like PT8H or PT1H30M (1 to 12 hours)")
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute, time.Second} {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 32)
		if err != nil {
			return fmt.Errorf("is out of range; IAM Identity Center accepts 1 to 12 hours (PT1H to PT12H)")
		}
		d += time.Duration(n) * unit
	}
	if d < time.Hour || d > 12*time.Hour {
		return fmt.Errorf("is %s; IAM Identity Center accepts 1 to 12 hours (PT1H to PT12H)", d)
	}
	return nil
}

// icCheckRelayState checks a permission set's relay state: RelayState's
// length and characters, and a URL IAM Identity Center can send the browser
// to after sign-in, in the AWS console: https, with a host
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/howtopermrelaystate.html).
func icCheckRelayState(errs *InputErrors, field, value string) {
	if !icRelayStateRule.check(errs, field, value, "the relay state") {
		return
	}
	const example = "https://console.aws.amazon.com/ec2/"
	u, err := url.Parse(value)
	switch {
	case err != nil:
		errs.addSubject(field, value, "%q is not a URL (%v): give the console page users land on after "+
			"signing in, such as %s", value, err, example)
	case u.Scheme != "https":
		scheme := "no scheme"
		if u.Scheme != "" {
			scheme = "the scheme " + u.Scheme
		}
		errs.addSubject(field, value, "%q has %s; IAM Identity Center sends users to the relay state in the "+
			"AWS console, over https: give an https URL, such as %s", value, scheme, example)
	case u.Host == "":
		errs.addSubject(field, value, "%q has no host: give the full console URL, such as %s", value, example)
	}
}

func (p *icPlan) planPrincipals(groups []GroupSpec, users []UserSpec, errs *InputErrors, claims icNameClaims,
) (map[string]int, map[string]int) {
	groupOrder := make([]int, len(groups))
	for i := range groupOrder {
		groupOrder[i] = i
	}
	slices.SortStableFunc(groupOrder, func(a, b int) int {
		return cmp.Compare(groups[a].DisplayName, groups[b].DisplayName)
	})
	groupIndex := make(map[string]int, len(groups))
	for _, i := range groupOrder {
		g := groups[i]
		field := fmt.Sprintf("groups[%d]", i)
		switch {
		case strings.TrimSpace(g.DisplayName) == "":
			errs.addSubject(field+".displayName", "", "is empty; give the group's display name")
			continue
		case g.DisplayName != strings.TrimSpace(g.DisplayName):
			errs.addSubject(field+".displayName", g.DisplayName, "%q has leading or trailing spaces; "+
				"remove them", g.DisplayName)
			continue
		}
		if _, dup := groupIndex[g.DisplayName]; dup {
			errs.addSubject(field+".displayName", g.DisplayName, "%q is a duplicate: group display "+
				"names are unique in an identity store; "+
				"remove one entry", g.DisplayName)
			continue
		}
		if !idsGroupNameRule.check(errs, field+".displayName", g.DisplayName, "the display name") {
			continue
		}
		switch {
		case g.Existing && g.Description != "":
			errs.addSubject(field+".description", "", "is set on an existing group; the component "+
				"does not manage existing "+
				"groups: remove the description, or drop existing to create the group")
		case g.Description != "":
			idsGroupDescriptionRule.check(errs, field+".description", g.Description, "the description")
		}
		key := icSanitizeName(g.DisplayName)
		resName := p.name + "-group-" + key
		if !g.Existing {
			claims.claim(errs, resName, field+".displayName", g.DisplayName)
		}
		groupIndex[g.DisplayName] = len(p.principals)
		p.principals = append(p.principals, icPrincipal{
			typ: PrincipalGroup, name: g.DisplayName, field: field, key: key, resName: resName,
			existing: g.Existing, group: g,
		})
	}

	userOrder := make([]int, len(users))
	for i := range userOrder {
		userOrder[i] = i
	}
	slices.SortStableFunc(userOrder, func(a, b int) int { return cmp.Compare(users[a].UserName, users[b].UserName) })
	userIndex := make(map[string]int, len(users))
	for _, i := range userOrder {
		u := users[i]
		field := fmt.Sprintf("users[%d]", i)
		switch {
		case strings.TrimSpace(u.UserName) == "":
			errs.addSubject(field+".userName", "", "is empty; give the user's unique user name")
			continue
		case u.UserName != strings.TrimSpace(u.UserName) || utf8.RuneCountInString(u.UserName) > 128:
			errs.addSubject(field+".userName", u.UserName, "%q must be 1 to 128 characters without "+
				"leading or trailing spaces", u.UserName)
			continue
		case !idsUserNameRule.check(errs, field+".userName", u.UserName, "the user name"):
			continue
		}
		if _, dup := userIndex[u.UserName]; dup {
			errs.addSubject(field+".userName", u.UserName, "%q is a duplicate: user names are unique "+
				"in an identity store; remove one entry", u.UserName)
			continue
		}
		if u.Existing {
			if u.DisplayName != "" || u.GivenName != "" || u.FamilyName != "" || u.Email != "" {
				errs.addSubject(field, "", "sets displayName, givenName, familyName or email on an "+
					"existing user; the component "+
					"does not manage existing users: keep only userName, or drop existing to create the user")
			}
		} else {
			if u.GivenName == "" || u.FamilyName == "" {
				errs.addSubject(field, "", "needs givenName and familyName to create user %q (or set "+
					"existing: true to "+
					"reference a user that already exists)", u.UserName)
			}
			for _, f := range []struct{ name, value, what string }{
				{"givenName", u.GivenName, "the given name"},
				{"familyName", u.FamilyName, "the family name"},
				{"displayName", u.DisplayName, "the display name"},
			} {
				if f.value != "" {
					idsUserTextRule.check(errs, field+"."+f.name, f.value, f.what)
				}
			}
			if u.DisplayName == "" {
				u.DisplayName = strings.TrimSpace(u.GivenName + " " + u.FamilyName)
			}
			if u.Email != "" && idsUserTextRule.check(errs, field+".email", u.Email, "the email address") {
				errs.checkEmail(field+".email", u.Email)
			}
		}
		key := icSanitizeName(u.UserName)
		resName := p.name + "-user-" + key
		if !u.Existing {
			claims.claim(errs, resName, field+".userName", u.UserName)
		}
		userIndex[u.UserName] = len(p.principals)
		p.principals = append(p.principals, icPrincipal{
			typ: PrincipalUser, name: u.UserName, field: field, key: key, resName: resName,
			existing: u.Existing, user: u,
		})
	}
	return groupIndex, userIndex
}

func (p *icPlan) planMemberships(specs []MembershipSpec, groupIndex, userIndex map[string]int, errs *InputErrors,
	claims icNameClaims,
) {
	seen := make(map[[2]int]bool, len(specs))
	for i, m := range specs {
		field := fmt.Sprintf("groupMemberships[%d]", i)
		g, gok := groupIndex[m.Group]
		if !gok {
			errs.addSubject(field+".group", m.Group, "%q is not declared in groups%s", m.Group, icDidYouMean(m.Group, groupIndex))
		}
		u, uok := userIndex[m.User]
		if !uok {
			errs.addSubject(field+".user", m.User, "%q is not declared in users%s", m.User, icDidYouMean(m.User, userIndex))
		}
		if !gok || !uok || seen[[2]int{g, u}] {
			continue
		}
		seen[[2]int{g, u}] = true
		resName := p.name + "-member-" + p.principals[g].key + "-" + p.principals[u].key
		claims.claim(errs, resName, field, m.Group+"/"+m.User)
		p.memberships = append(p.memberships, icMembership{group: g, user: u, resName: resName})
	}
	slices.SortFunc(p.memberships, func(a, b icMembership) int { return cmp.Compare(a.resName, b.resName) })
}

func (p *icPlan) planRules(specs []AssignmentSpec, psIndex, groupIndex, userIndex map[string]int, errs *InputErrors) {
	ouSet := map[string]bool{}
	// prefixes maps each assignment name prefix to the (permission set,
	// principal) it stands for, to catch two that sanitize alike.
	prefixes := map[string][2]int{}
	// rules maps each valid rule's identity (icRule.identity) to its entry,
	// to report an exact duplicate.
	rules := map[string]int{}
	for i, s := range specs {
		field := fmt.Sprintf("assignments[%d]", i)
		rule := icRule{field: field}
		ok := true
		ps, found := psIndex[s.PermissionSet]
		if !found {
			errs.addSubject(field+".permissionSet", s.PermissionSet, "%q is not declared in permissionSets%s",
				s.PermissionSet, icDidYouMean(s.PermissionSet, psIndex))
			ok = false
		}
		rule.ps = ps
		if len(s.Principals) == 0 {
			errs.addSubject(field+".principals", "", "is empty; give at least one group or user")
			ok = false
		}
		seenPrincipal := make(map[int]bool, len(s.Principals))
		for j, pr := range s.Principals {
			f := fmt.Sprintf("%s.principals[%d]", field, j)
			var idx int
			switch PrincipalType(strings.ToUpper(string(pr.Type))) {
			case PrincipalGroup:
				idx, found = groupIndex[pr.Name]
				if !found {
					errs.addSubject(f+".name", pr.Name, "%q is not a group declared in groups%s", pr.Name,
						icDidYouMean(pr.Name, groupIndex))
				}
			case PrincipalUser:
				idx, found = userIndex[pr.Name]
				if !found {
					errs.addSubject(f+".name", pr.Name, "%q is not a user declared in users%s", pr.Name,
						icDidYouMean(pr.Name, userIndex))
				}
			default:
				errs.addSubject(f+".type", string(pr.Type), "%q is not a principal type; use GROUP or USER", pr.Type)
				found = false
			}
			if !found {
				ok = false
				continue
			}
			if seenPrincipal[idx] {
				continue
			}
			seenPrincipal[idx] = true
			rule.principals = append(rule.principals, idx)
		}
		if len(s.AccountIDs) == 0 && len(s.OrganizationalUnitIDs) == 0 && len(s.AccountTags) == 0 {
			errs.addSubject(field, "", "has no targets; give accountIds, organizationalUnitIds and/or accountTags")
			ok = false
		}
		tags, tagsOK := planAccountTags(errs, field, s.AccountTags)
		ok = ok && tagsOK
		for j, a := range s.AccountIDs {
			if !accountIDPattern.MatchString(a) {
				errs.notAccountID(fmt.Sprintf("%s.accountIds[%d]", field, j), a, "a target account", "")
				ok = false
			}
		}
		for j, a := range s.ExcludeAccountIDs {
			if !accountIDPattern.MatchString(a) {
				errs.notAccountID(fmt.Sprintf("%s.excludeAccountIds[%d]", field, j), a, "an account to leave out", "")
				ok = false
			}
		}
		for j, ou := range s.OrganizationalUnitIDs {
			if !ouIDPattern.MatchString(ou) && !rootIDPattern.MatchString(ou) {
				errs.addSubject(fmt.Sprintf("%s.organizationalUnitIds[%d]", field, j), ou,
					"%q is not an OU ID; it looks like ou-ab12-cdef3456 (or a "+
						"root, r-ab12)", ou)
				ok = false
				continue
			}
			ouSet[ou] = true
		}
		if !ok {
			continue
		}
		psKey := p.permissionSets[ps].spec.Name
		rule.prefixes = make([]string, len(rule.principals))
		for j, idx := range rule.principals {
			pr := &p.principals[idx]
			prefix := p.name + "-assign-" + icSanitizeName(psKey) + "-" + strings.ToLower(string(pr.typ)) + "-" +
				pr.key + "-"
			if prev, taken := prefixes[prefix]; taken && prev != [2]int{ps, idx} {
				errs.add(field, "", "the assignments of %q to %q are named %q..., which the assignments of %q to %q "+
					"already use; rename the permission set or the principal", psKey, pr.name, prefix,
					p.permissionSets[prev[0]].spec.Name, p.principals[prev[1]].name)
				ok = false
			}
			prefixes[prefix] = [2]int{ps, idx}
			rule.prefixes[j] = prefix
		}
		if !ok {
			continue
		}
		rule.accounts = s.AccountIDs
		rule.ous = s.OrganizationalUnitIDs
		rule.exclude = s.ExcludeAccountIDs
		rule.tags = tags
		// An exact duplicate gives nothing the first entry does not, and it
		// hides a mistake: an edit or removal made to one copy leaves the
		// other granting the same access. Entries that only overlap are
		// merged by expand.
		id := rule.identity()
		if k, dup := rules[id]; dup {
			errs.add(field, "", "repeats assignments[%d] exactly (permission set %q, the same principals and "+
				"the same accountIds, organizationalUnitIds, accountTags and excludeAccountIds, in any order); remove %s, or "+
				"change it to give other access", k, psKey, field)
			continue
		}
		rules[id] = i
		p.rules = append(p.rules, rule)
	}
	p.ous = make([]string, 0, len(ouSet))
	for ou := range ouSet {
		p.ous = append(p.ous, ou)
	}
	slices.Sort(p.ous)
}

// planABAC checks the attributes against
// InstanceAccessControlAttributeConfiguration
// (https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_AccessControlAttribute.html):
// at most 50 attributes; keys of 1 to 128 letters, digits, spaces and
// _.:/=+-@; exactly one source each, of at most 256 characters.
func (p *icPlan) planABAC(specs []AccessControlAttributeSpec, errs *InputErrors) {
	if len(specs) > icMaxAccessControlAttributes {
		errs.addSubject("accessControlAttributes", "", "has %d attributes; IAM Identity Center takes at most %d: "+
			"remove %d", len(specs), icMaxAccessControlAttributes, len(specs)-icMaxAccessControlAttributes)
	}
	seen := make(map[string]bool, len(specs))
	for i, a := range specs {
		field := fmt.Sprintf("accessControlAttributes[%d]", i)
		if strings.TrimSpace(a.Key) == "" {
			errs.addSubject(field+".key", "", "is empty; give the session tag key, such as Department")
			continue
		}
		if !abacKeyRule.check(errs, field+".key", a.Key, "the key") {
			continue
		}
		if seen[a.Key] {
			errs.addSubject(field+".key", a.Key, "%q is a duplicate; each attribute key appears once", a.Key)
			continue
		}
		seen[a.Key] = true
		switch len(a.Sources) {
		case 0:
			errs.addSubject(field+".sources", "", "is empty; give the identity-source attribute, such as "+
				"${path:enterprise.department}")
			continue
		case 1:
			if !abacSourceRule.check(errs, field+".sources[0]", a.Sources[0], "the source") {
				continue
			}
		default:
			errs.addSubject(field+".sources", "", "has %d sources; IAM Identity Center maps an attribute from "+
				"exactly one: keep one, such as %q, and map the others to keys of their own", len(a.Sources),
				a.Sources[0])
			continue
		}
		p.abac = append(p.abac, a)
	}
	slices.SortFunc(p.abac, func(a, b AccessControlAttributeSpec) int { return cmp.Compare(a.Key, b.Key) })
}

// expand turns the rules into assignments: OU targets become their accounts,
// exclusions are removed, duplicates are merged, and the result is sorted by
// name. ouAccounts holds the ACTIVE accounts below each OU of p.ous; each
// rule's tagAccounts, those its accountTags match.
func (p *icPlan) expand(ouAccounts map[string][]string) []icAssignment {
	total := 0
	for _, r := range p.rules {
		n := len(r.accounts)
		for _, ou := range r.ous {
			n += len(ouAccounts[ou])
		}
		n += len(r.tagAccounts)
		total += n * len(r.principals)
	}
	out := make([]icAssignment, 0, total)
	seen := make(map[string]struct{}, total)
	targets := map[string]struct{}{}
	var accounts []string
	for _, r := range p.rules {
		clear(targets)
		accounts = accounts[:0]
		add := func(a string) {
			if _, dup := targets[a]; !dup {
				targets[a] = struct{}{}
				accounts = append(accounts, a)
			}
		}
		// Excluded accounts are marked as seen first, so adding them is a no-op.
		for _, a := range r.exclude {
			targets[a] = struct{}{}
		}
		for _, a := range r.accounts {
			add(a)
		}
		for _, ou := range r.ous {
			for _, a := range ouAccounts[ou] {
				add(a)
			}
		}
		for _, a := range r.tagAccounts {
			add(a)
		}
		for j, pi := range r.principals {
			prefix := r.prefixes[j]
			for _, a := range accounts {
				name := prefix + a
				if _, dup := seen[name]; dup {
					continue
				}
				seen[name] = struct{}{}
				out = append(out, icAssignment{name: name, ps: r.ps, principal: pi, account: a})
			}
		}
	}
	slices.SortFunc(out, func(a, b icAssignment) int { return strings.Compare(a.name, b.name) })
	return out
}

// icDidYouMean suggests the nearest declared name, or lists them when few.
func icDidYouMean(name string, declared map[string]int) string {
	names := make([]string, 0, len(declared))
	for n := range declared {
		names = append(names, n)
	}
	slices.Sort(names)
	if s, ok := suggest.Nearest(name, names); ok {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	switch {
	case len(names) == 0:
		return " (none is declared); declare it there first"
	case len(names) <= 10:
		return fmt.Sprintf("; declared: %s", strings.Join(names, ", "))
	}
	return "; declare it there first"
}

// icSanitizeName makes s safe inside a Pulumi resource name: letters, digits
// and ._+=,@- are kept, anything else becomes "-". Names that sanitize alike
// are caught by the callers.
func icSanitizeName(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if !icNameByteOK(s[i]) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf && icNameByteOK(byte(r)) {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func icNameByteOK(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("._+=,@-", c) >= 0
}
