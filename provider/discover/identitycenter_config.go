package discover

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// buildIdentityCenter writes the identityCenter section: every permission
// set with its policies, the groups and users the assignments name (as
// existing: the identity source owns them), the assignments per (permission
// set, principal) with OUs where they cover exactly the OU's ACTIVE
// accounts, ABAC, and the adopt inputs that import all of it.
func (g *Generated) buildIdentityCenter() {
	ic := g.inv.IdentityCenter
	if ic == nil {
		return
	}
	args := &components.IdentityCenterSetupArgs{InstanceArn: ic.InstanceArn, IdentityStoreID: ic.IdentityStoreID}
	adopt := &components.IdentityCenterAdoptSpec{}
	if admins := g.inv.OrgAdmins["sso.amazonaws.com"]; len(admins) > 0 {
		args.DelegatedAdminAccountID, adopt.DelegatedAdmin = admins[0], true
		if len(admins) > 1 {
			g.cannot("IAM Identity Center's delegated administrators", "%v are registered; the component "+
				"registers one, so %s is written and the others are left as they are", admins, admins[0])
		}
	}
	byArn := map[string]*PermissionSet{}
	for i := range ic.PermissionSets {
		ps := &ic.PermissionSets[i]
		byArn[ps.Arn] = ps
		args.PermissionSets = append(args.PermissionSets, permissionSetSpec(ps))
		if adopt.PermissionSets == nil {
			adopt.PermissionSets = map[string]string{}
		}
		adopt.PermissionSets[ps.Name] = ps.Arn
	}

	// The accounts of each (permission set, principal).
	type pair struct{ ps, typ, id string }
	accounts := map[pair][]string{}
	var pairs []pair
	for _, a := range ic.Assignments {
		ps, ok := byArn[a.PermissionSetArn]
		if !ok {
			g.cannot("assignment of "+a.PermissionSetArn+" in "+a.AccountID, "its permission set is not among "+
				"the instance's permission sets; it is left as it is")
			continue
		}
		k := pair{ps.Name, a.PrincipalType, a.PrincipalID}
		if _, seen := accounts[k]; !seen {
			pairs = append(pairs, k)
		}
		accounts[k] = append(accounts[k], a.AccountID)
	}
	comp := newCompressor(&g.inv.Organization)
	type rule struct {
		ps, targets string
		ous, accts  []string
		tags        []components.AccountTagSpec
		principals  []components.PrincipalRef
	}
	rules := map[string]*rule{}
	groups, users := map[string]bool{}, map[string]bool{}
	ouSet := map[string]bool{}
	for _, k := range pairs {
		var name string
		switch k.typ {
		case "GROUP":
			name = ic.Groups[k.id]
			groups[name] = true
		default:
			name = ic.Users[k.id]
			users[name] = true
		}
		ous, rest := comp.targets(accounts[k])
		var tags []components.AccountTagSpec
		if tag, others, ok := tagCover(&g.inv.Organization, accounts[k], ous, rest); ok {
			ous, rest, tags = nil, others, []components.AccountTagSpec{tag}
		}
		key := k.ps + "\x00" + strings.Join(ous, ",") + "\x00" + strings.Join(rest, ",") + "\x00" +
			components.AccountTagsString(tags)
		r := rules[key]
		if r == nil {
			r = &rule{ps: k.ps, targets: key, ous: ous, accts: rest, tags: tags}
			rules[key] = r
		}
		r.principals = append(r.principals, components.PrincipalRef{Type: components.PrincipalType(k.typ), Name: name})
		for _, ou := range ous {
			ouSet[ou] = true
		}
	}
	var ordered []*rule
	for _, r := range rules {
		sortPrincipals(r.principals)
		ordered = append(ordered, r)
	}
	slices.SortFunc(ordered, func(a, b *rule) int {
		pa, pb := a.principals[0], b.principals[0]
		return strings.Compare(a.ps+"\x00"+string(pa.Type)+"\x00"+pa.Name+"\x00"+a.targets,
			b.ps+"\x00"+string(pb.Type)+"\x00"+pb.Name+"\x00"+b.targets)
	})
	for _, r := range ordered {
		args.Assignments = append(args.Assignments, components.AssignmentSpec{
			PermissionSet: r.ps, Principals: r.principals, AccountIDs: r.accts, OrganizationalUnitIDs: r.ous,
			AccountTags: r.tags,
		})
	}
	args.GroupMemberships, adopt.GroupMemberships = memberships(ic, groups, users)
	for _, n := range sortedKeys(groups) {
		args.Groups = append(args.Groups, components.GroupSpec{DisplayName: n, Existing: true})
	}
	for _, n := range sortedKeys(users) {
		args.Users = append(args.Users, components.UserSpec{UserName: n, Existing: true})
	}
	for _, a := range ic.AccessControlAttributes {
		args.AccessControlAttributes = append(args.AccessControlAttributes,
			components.AccessControlAttributeSpec{Key: a.Key, Sources: a.Sources})
	}
	adopt.Assignments = len(args.Assignments) > 0
	if adopt.Assignments {
		// A new stack: the assignments go into one AccountAssignments, which
		// adopts each existing one without a write, as the mode's doc
		// recommends for new stacks. One resource per assignment would make
		// the engine write its whole state once per assignment: at 50,000
		// assignments, the first `pulumi up` never ends (make bench).
		args.AssignmentsMode = components.AssignmentsSet
	}
	adopt.AccessControlAttributes = len(args.AccessControlAttributes) > 0
	if adopt.DelegatedAdmin || len(adopt.PermissionSets) > 0 || adopt.Assignments || adopt.AccessControlAttributes ||
		len(adopt.GroupMemberships) > 0 {
		args.Adopt = adopt
	}
	g.IdentityCenter = g.checkIdentityCenter(args)
	if g.IdentityCenter != nil {
		for _, a := range g.IdentityCenter.Assignments {
			for _, ou := range a.OrganizationalUnitIDs {
				ouSet[ou] = true
			}
		}
		g.ous = sortedKeys(ouSet)
	}
}

// permissionSetSpec is the component's input for one permission set. A
// customer managed policy's path is left out when it is "/", the default.
func permissionSetSpec(ps *PermissionSet) components.PermissionSetSpec {
	spec := components.PermissionSetSpec{
		Name: ps.Name, Description: ps.Description, SessionDuration: ps.SessionDuration, RelayState: ps.RelayState,
		Tags: ps.Tags, ManagedPolicyArns: ps.ManagedPolicies, InlinePolicy: ps.InlinePolicy,
	}
	ref := func(r PolicyRef) components.CustomerManagedPolicyRef {
		out := components.CustomerManagedPolicyRef{Name: r.Name, Path: r.Path}
		if out.Path == "/" {
			out.Path = ""
		}
		return out
	}
	for _, c := range ps.CustomerManagedPolicies {
		spec.CustomerManagedPolicies = append(spec.CustomerManagedPolicies, ref(c))
	}
	if b := ps.Boundary; b != nil {
		spec.PermissionsBoundary = &components.PermissionsBoundarySpec{ManagedPolicyArn: b.ManagedPolicyArn}
		if b.Customer != nil {
			r := ref(*b.Customer)
			spec.PermissionsBoundary.CustomerManagedPolicy = &r
		}
	}
	return spec
}

// listField is the list and index an input error's field starts with, such
// as permissionSets[3].
var listField = regexp.MustCompile(`^(permissionSets|groups|users|assignments|accessControlAttributes|portfolios)\[(\d+)\]`)

// failedItems returns the list items the component's input errors name, by
// list, and the errors that name none.
func failedItems(err error) (map[string]map[int]string, []string) {
	var ies components.InputErrors
	if !errors.As(err, &ies) {
		return nil, []string{err.Error()}
	}
	items := map[string]map[int]string{}
	var other []string
	for _, e := range ies {
		m := listField.FindStringSubmatch(e.Field)
		if m == nil {
			other = append(other, e.Error())
			continue
		}
		i, _ := strconv.Atoi(m[2])
		if items[m[1]] == nil {
			items[m[1]] = map[int]string{}
		}
		if items[m[1]][i] == "" {
			items[m[1]][i] = e.Error()
		}
	}
	return items, other
}

// checkIdentityCenter runs the component's check, drops what it rejects
// (with what depends on it) and reports it, until the section passes.
func (g *Generated) checkIdentityCenter(args *components.IdentityCenterSetupArgs) *components.IdentityCenterSetupArgs {
	for range 8 {
		check := *args
		check.ManagementAccountID = g.ManagementAccountID
		err := components.CheckIdentityCenterSetup(baseline.IdentityCenterName, check)
		if err == nil {
			return args
		}
		items, other := failedItems(err)
		if len(other) > 0 {
			g.cannot("IAM Identity Center", "the identityCenter section is left out, because the component "+
				"rejects it: %s", strings.Join(other, "; "))
			return nil
		}
		args = dropIdentityCenterItems(g, args, items)
	}
	g.cannot("IAM Identity Center", "the identityCenter section is left out: the component still rejects it")
	return nil
}

// dropIdentityCenterItems removes the rejected items, and the assignments of
// a rejected permission set or principal.
func dropIdentityCenterItems(g *Generated, args *components.IdentityCenterSetupArgs, items map[string]map[int]string,
) *components.IdentityCenterSetupArgs {
	out := *args
	droppedPS, droppedPrincipal := map[string]bool{}, map[string]bool{}
	out.PermissionSets = nil
	for i, ps := range args.PermissionSets {
		if why, bad := items["permissionSets"][i]; bad {
			droppedPS[ps.Name] = true
			g.cannot("permission set "+ps.Name, "left out with its assignments, because the component rejects "+
				"it: %s", why)
			continue
		}
		out.PermissionSets = append(out.PermissionSets, ps)
	}
	out.Groups = nil
	for i, gr := range args.Groups {
		if why, bad := items["groups"][i]; bad {
			droppedPrincipal["GROUP\x00"+gr.DisplayName] = true
			g.cannot("group "+gr.DisplayName, "left out with its assignments: %s", why)
			continue
		}
		out.Groups = append(out.Groups, gr)
	}
	out.Users = nil
	for i, u := range args.Users {
		if why, bad := items["users"][i]; bad {
			droppedPrincipal["USER\x00"+u.UserName] = true
			g.cannot("user "+u.UserName, "left out with its assignments: %s", why)
			continue
		}
		out.Users = append(out.Users, u)
	}
	out.Assignments = nil
	for i, a := range args.Assignments {
		if why, bad := items["assignments"][i]; bad {
			g.cannot("assignments of "+a.PermissionSet, "left out: %s", why)
			continue
		}
		if droppedPS[a.PermissionSet] {
			continue
		}
		kept := a
		kept.Principals = nil
		for _, p := range a.Principals {
			if !droppedPrincipal[string(p.Type)+"\x00"+p.Name] {
				kept.Principals = append(kept.Principals, p)
			}
		}
		if len(kept.Principals) > 0 {
			out.Assignments = append(out.Assignments, kept)
		}
	}
	if _, bad := items["accessControlAttributes"]; bad {
		g.cannot("attributes for access control", "left out, because the component rejects them: %v",
			items["accessControlAttributes"])
		out.AccessControlAttributes = nil
	}
	if args.Adopt != nil {
		adopt := *args.Adopt
		adopt.PermissionSets = map[string]string{}
		for n, arn := range args.Adopt.PermissionSets {
			if !droppedPS[n] {
				adopt.PermissionSets[n] = arn
			}
		}
		adopt.Assignments = len(out.Assignments) > 0
		adopt.AccessControlAttributes = len(out.AccessControlAttributes) > 0
		out.Adopt = &adopt
	}
	return &out
}
