package plan

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// SummaryThreshold is the number of resources above which `make plan`
// prints the summary instead of every resource, and the Mermaid diagram
// collapses groups of like resources.
//
// The full text takes about 340 characters per resource (the example: 20,273
// for 59 resources), so above about 190 resources it no longer fits in one
// GitHub pull-request comment, whose body is at most 65,536 characters; and
// the diagram takes about 117 characters per resource, so from a few hundred
// resources it reaches Mermaid's default limits (maxTextSize 50,000
// characters, maxEdges 500: https://mermaid.js.org/config/schema-docs/config.html).
// 200 is over three times the example (59 resources), whose output stays the
// full list.
const SummaryThreshold = 200

// Summarized reports whether the plan is above SummaryThreshold: its default
// text output is the summary and its diagram is collapsed.
func (p *Plan) Summarized() bool { return len(p.Create) > SummaryThreshold }

// accountAssignmentType is the token of the resources the summary groups by
// rule.
const accountAssignmentType = "aws:ssoadmin/accountAssignment:AccountAssignment"

// ruleSummary is one Identity Center assignment rule and what it registered.
type ruleSummary struct {
	// index is the rule's position in identityCenter.assignments.
	index int
	spec  components.AssignmentSpec
	// assignments and accounts count the registered assignments the rule
	// gives and their distinct accounts.
	assignments, accounts int
}

// assignmentSummary groups the registered account assignments by rule.
type assignmentSummary struct {
	rules []ruleSummary
	// ruleOf is the rule (its position in rules) of each assignment, the
	// first when rules overlap.
	ruleOf map[string]int
	// total counts the assignments; unmatched those no rule gives.
	total, unmatched int
}

// assignmentKey identifies an assignment by what a rule says: permission
// set name, principal type and name, account.
func assignmentKey(permissionSet, principalType, principal, account string) string {
	return permissionSet + "\x00" + principalType + "\x00" + principal + "\x00" + account
}

// inputString is a registered input's string value, "" when it is not one.
func inputString(r *Resource, key string) string {
	v, ok := r.Inputs[resource.PropertyKey(key)]
	for ok {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsOutput():
			v = v.OutputValue().Element
		case v.IsString():
			return v.StringValue()
		default:
			ok = false
		}
	}
	return ""
}

// assignments matches every account assignment with the rules of the stack
// configuration: by permission set (the name of the permission set resource
// its ARN comes from), principal (the group or user resource its ID comes
// from, or the existing one a lookup answered) and account (the rule's
// accounts and its OUs' accounts, less its exclusions). Linear in the
// assignments.
func (p *Plan) assignments() *assignmentSummary {
	s := &assignmentSummary{ruleOf: map[string]int{}}
	byKey := map[string]string{}
	for _, urn := range p.Create {
		r := p.Graph.Resources[urn]
		if r.Type != accountAssignmentType {
			continue
		}
		s.total++
		ps := ""
		if psr := p.Graph.InputFrom(r, "permissionSetArn"); psr != nil {
			ps = inputString(psr, "name")
		}
		ptype, principal := inputString(r, "principalType"), ""
		if pr := p.Graph.InputFrom(r, "principalId"); pr != nil {
			principal = cmp.Or(inputString(pr, "displayName"), inputString(pr, "userName"))
		} else {
			principal = p.principalNames[inputString(r, "principalId")]
		}
		byKey[assignmentKey(ps, ptype, principal, inputString(r, "targetId"))] = urn
	}
	p.setAssignments(s, byKey)
	for i, spec := range p.assignmentRules {
		excluded := map[string]bool{}
		for _, a := range spec.ExcludeAccountIDs {
			excluded[a] = true
		}
		var targets []string
		seen := map[string]bool{}
		add := func(a string) {
			if !seen[a] && !excluded[a] {
				seen[a] = true
				targets = append(targets, a)
			}
		}
		for _, a := range spec.AccountIDs {
			add(a)
		}
		for _, ou := range spec.OrganizationalUnitIDs {
			for _, a := range p.ouAccounts[ou] {
				add(a)
			}
		}
		if len(spec.AccountTags) > 0 {
			for _, a := range p.orgAccounts {
				if components.AccountTagsMatch(spec.AccountTags, a.Status, a.Tags) {
					add(a.ID)
				}
			}
		}
		rs := ruleSummary{index: i, spec: spec}
		for _, a := range targets {
			found := false
			for _, pr := range spec.Principals {
				urn, ok := byKey[assignmentKey(spec.PermissionSet, string(pr.Type), pr.Name, a)]
				if !ok {
					continue
				}
				found = true
				rs.assignments++
				if _, claimed := s.ruleOf[urn]; !claimed {
					s.ruleOf[urn] = len(s.rules)
				}
			}
			if found {
				rs.accounts++
			}
		}
		s.rules = append(s.rules, rs)
	}
	s.unmatched = s.total - len(s.ruleOf)
	return s
}

// listed joins at most most items, then says how many more there are.
func listed(items []string, most int) string {
	if len(items) <= most {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:most], ", "), len(items)-most)
}

// describe says what a rule gives: "Admin to group Ops, user jane in OU
// ou-ab12-prod, account 333333333333, except 444444444444".
func (rs ruleSummary) describe() string {
	principals := make([]string, len(rs.spec.Principals))
	for i, pr := range rs.spec.Principals {
		principals[i] = strings.ToLower(string(pr.Type)) + " " + pr.Name
	}
	var targets []string
	if ous := rs.spec.OrganizationalUnitIDs; len(ous) > 0 {
		targets = append(targets, "OU "+listed(ous, 5))
	}
	if accounts := rs.spec.AccountIDs; len(accounts) > 0 {
		targets = append(targets, "account "+listed(accounts, 5))
	}
	if tags := rs.spec.AccountTags; len(tags) > 0 {
		targets = append(targets, "accounts tagged "+components.AccountTagsString(tags))
	}
	s := fmt.Sprintf("%s to %s in %s", rs.spec.PermissionSet, listed(principals, 5), strings.Join(targets, ", "))
	if ex := rs.spec.ExcludeAccountIDs; len(ex) > 0 {
		s += ", except " + listed(ex, 5)
	}
	return s
}

// WriteSummary writes the summary of the plan: the simulated lookups (an
// OU's accounts counted), the resources counted by type and by component,
// the Identity Center assignments grouped by rule, and the validation
// result. FormatFull has every resource.
func (p *Plan) WriteSummary(out io.Writer) error {
	w := bufio.NewWriter(out)
	p.writeHeader(w, true)
	if len(p.Errors) > 0 {
		p.writeErrors(w)
		return w.Flush()
	}
	x := p.index()
	fmt.Fprintf(w, "Summary (%d resources, %d of them components); every resource in create and destroy order: "+
		"FORMAT=full\n\n", len(p.Create), x.components)

	p.writeFirstUp(w)
	byType, imports := map[string]int{}, map[string]int{}
	for _, r := range p.Graph.Resources {
		byType[r.Type]++
		if r.ImportID != "" {
			imports[r.Type]++
		}
	}
	types := slices.SortedFunc(maps.Keys(byType), func(a, b string) int {
		return cmp.Or(byType[b]-byType[a], strings.Compare(a, b))
	})
	width := len(strconv.Itoa(len(p.Create)))
	fmt.Fprintln(w, "Resources by type:")
	for _, t := range types {
		imported := ""
		if n := imports[t]; n > 0 {
			imported = fmt.Sprintf(" (%d to import)", n)
		}
		fmt.Fprintf(w, "  %*d  %s%s\n", width, byType[t], t, imported)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "Resources by component (every resource below it):")
	top := 0
	for _, urn := range p.Create {
		if p.Graph.ParentOf(urn) == "" {
			top++
		}
		if p.Graph.Resources[urn].Custom {
			continue
		}
		depth := 0
		for a := p.Graph.ParentOf(urn); a != ""; a = p.Graph.ParentOf(a) {
			depth++
		}
		r := p.Graph.Resources[urn]
		fmt.Fprintf(w, "  %*d  %s%s (%s)\n", width, len(p.Graph.DescendantsUnsorted(urn)), strings.Repeat("  ", depth),
			x.labels[urn], r.Type)
	}
	fmt.Fprintf(w, "  %*d  at the top level (the stack's children)\n", width, top)
	fmt.Fprintln(w)

	if a := p.assignments(); a.total > 0 {
		fmt.Fprintf(w, "Identity Center assignments by rule (%s:%s.assignments): %d assignments\n",
			baseline.Project, baseline.KeyIdentityCenter, a.total)
		for _, rs := range a.rules {
			fmt.Fprintf(w, "  [%d] %s: %d accounts, %d assignments\n", rs.index, rs.describe(), rs.accounts,
				rs.assignments)
		}
		if a.unmatched > 0 {
			fmt.Fprintf(w, "  %d assignments match no rule of the stack configuration\n", a.unmatched)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Validation: no errors.")
	return w.Flush()
}

// setAssignments adds the assignments of each AccountAssignments (the
// assignmentsMode set and migrate, where the per-resource ones are counted
// already) to byKey, each as "<set URN>#<index>":
// its permission set and principal known by the simulated identifiers the
// simulation gave their resources (answers.NewResource), or by a lookup.
func (p *Plan) setAssignments(s *assignmentSummary, byKey map[string]string) {
	psName, principalName := map[string]string{}, map[string]string{}
	for id, name := range p.principalNames {
		principalName[id] = name
	}
	for _, r := range p.Graph.Resources {
		switch r.Type {
		case "aws:ssoadmin/permissionSet:PermissionSet":
			psName[madeUpARN(r.Type, r.Name)] = inputString(r, "name")
		case groupType:
			principalName[madeUpPrincipalID(r.Type, r.Name)] = inputString(r, "displayName")
		case userType:
			principalName[madeUpPrincipalID(r.Type, r.Name)] = inputString(r, "userName")
		}
	}
	for _, urn := range p.Create {
		r := p.Graph.Resources[urn]
		if r.Type != components.AccountAssignmentsToken {
			continue
		}
		list := r.Inputs["assignments"]
		if !list.IsArray() {
			continue
		}
		for i, v := range list.ArrayValue() {
			if !v.IsObject() {
				continue
			}
			a := &Resource{Inputs: v.ObjectValue()}
			key := assignmentKey(psName[inputString(a, "permissionSetArn")], inputString(a, "principalType"),
				principalName[inputString(a, "principalId")], inputString(a, "accountId"))
			if _, perResource := byKey[key]; perResource { // migrate: counted once
				continue
			}
			s.total++
			byKey[key] = fmt.Sprintf("%s#%d", urn, i)
		}
	}
}
