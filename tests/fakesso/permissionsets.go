package fakesso

import (
	"sort"
	"time"
)

// The brownfield part of the fake: permission sets with their policies,
// named groups and users, and the instance's attributes for access control,
// for the reads of `orgtrust discover`.

// Operations of the brownfield part.
const (
	OpListPermissionSets                                  = "ListPermissionSets"
	OpDescribePermissionSet                               = "DescribePermissionSet"
	OpListTagsForResource                                 = "ListTagsForResource"
	OpListManagedPoliciesInPermissionSet                  = "ListManagedPoliciesInPermissionSet"
	OpListCustomerManagedPolicyReferencesInPermissionSet  = "ListCustomerManagedPolicyReferencesInPermissionSet"
	OpGetInlinePolicyForPermissionSet                     = "GetInlinePolicyForPermissionSet"
	OpGetPermissionsBoundaryForPermissionSet              = "GetPermissionsBoundaryForPermissionSet"
	OpDescribeInstanceAccessControlAttributeConfiguration = "DescribeInstanceAccessControlAttributeConfiguration"
	OpListGroups                                          = "ListGroups"
	OpListUsers                                           = "ListUsers"
)

// PermissionSet is a permission set of the fake instance.
type PermissionSet struct {
	Name, Description, SessionDuration, RelayState string
	Tags                                           map[string]string
	ManagedPolicies                                []string
	// CustomerManagedPolicies are "path/name" pairs, such as {"/", "Guardrails"}.
	CustomerManagedPolicies [][2]string
	InlinePolicy            string
	// BoundaryManagedPolicy or BoundaryCustomer ({path, name}) is the
	// permissions boundary; neither for none.
	BoundaryManagedPolicy string
	BoundaryCustomer      *[2]string

	// created is when CreatePermissionSet made it (zero for AddPermissionSet).
	created time.Time
}

// describe is the PermissionSet of DescribePermissionSet and
// CreatePermissionSet.
func (ps *PermissionSet) describe(arn string) map[string]any {
	created := int64(1767225600)
	if !ps.created.IsZero() {
		created = ps.created.Unix()
	}
	out := map[string]any{"Name": ps.Name, "PermissionSetArn": arn, "SessionDuration": ps.SessionDuration,
		"CreatedDate": created}
	if ps.Description != "" {
		out["Description"] = ps.Description
	}
	if ps.RelayState != "" {
		out["RelayState"] = ps.RelayState
	}
	return out
}

// Attribute is one attribute for access control.
type Attribute struct {
	Key     string
	Sources []string
}

// AddPermissionSet adds a permission set and returns its ARN.
func (s *Server) AddPermissionSet(ps PermissionSet) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.psSeq++
	arn := s.permissionSetArn(s.psSeq)
	if ps.SessionDuration == "" {
		ps.SessionDuration = "PT1H"
	}
	s.addPermissionSet(arn, &ps)
	return arn
}

// AddGroup adds group id with a display name.
func (s *Server) AddGroup(id, displayName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.groups[id] = true
	s.groupNames[id] = displayName
}

// AddUser adds user id with a user name.
func (s *Server) AddUser(id, userName string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[id] = true
	s.userNames[id] = userName
}

// SetAccessControlAttributes configures the instance's ABAC attributes.
func (s *Server) SetAccessControlAttributes(attrs []Attribute) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.abac = append([]Attribute{}, attrs...)
}

// dispatchBrownfield runs the brownfield operations; ok is false for others.
// Called with mu held.
func (s *Server) dispatchBrownfield(op string, req *request) (any, *apiError, bool) {
	switch op {
	case OpListGroups, OpListUsers:
		if req.IdentityStoreID != s.opts.IdentityStoreID {
			return nil, errorf("ResourceNotFoundException", "Identity store %s does not exist.", req.IdentityStoreID), true
		}
		listKey, idKey, nameKey := "Groups", "GroupId", "DisplayName"
		if op == OpListUsers {
			listKey, idKey, nameKey = "Users", "UserId", "UserName"
		}
		ids := map[string]bool{}
		for id := range s.groups {
			if op == OpListGroups {
				ids[id] = true
			}
		}
		for id := range s.users {
			if op == OpListUsers {
				ids[id] = true
			}
		}
		page, next, e := s.keyPage(req, sortedSet(ids))
		if e != nil {
			return nil, e, true
		}
		items := []map[string]string{}
		for _, id := range page {
			name := s.userName(id)
			if op == OpListGroups {
				name = s.groupName(id)
			}
			items = append(items, map[string]string{idKey: id, nameKey: name, "IdentityStoreId": req.IdentityStoreID})
		}
		return withNext(map[string]any{listKey: items}, next), nil, true
	case OpDescribeInstanceAccessControlAttributeConfiguration:
		if e := s.checkInstance(req.InstanceArn); e != nil {
			return nil, e, true
		}
		if len(s.abac) == 0 {
			return nil, errorf("ResourceNotFoundException", "Instance access control attribute configuration "+
				"does not exist."), true
		}
		attrs := []map[string]any{}
		for _, a := range s.abac {
			attrs = append(attrs, map[string]any{"Key": a.Key, "Value": map[string]any{"Source": a.Sources}})
		}
		return map[string]any{"Status": "ENABLED", "InstanceAccessControlAttributeConfiguration": map[string]any{
			"AccessControlAttributes": attrs}}, nil, true
	case OpListPermissionSets:
		if e := s.checkInstance(req.InstanceArn); e != nil {
			return nil, e, true
		}
		page, next, e := s.keyPage(req, sortedKeys(s.seenPermissionSets))
		if e != nil {
			return nil, e, true
		}
		return withNext(map[string]any{"PermissionSets": page}, next), nil, true
	case OpDescribePermissionSet, OpListManagedPoliciesInPermissionSet,
		OpListCustomerManagedPolicyReferencesInPermissionSet, OpGetInlinePolicyForPermissionSet,
		OpGetPermissionsBoundaryForPermissionSet, OpListTagsForResource:
	default:
		return nil, nil, false
	}
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e, true
	}
	arn := req.PermissionSetArn
	if op == OpListTagsForResource {
		arn = req.ResourceArn
	}
	ps, found := s.seenPermissionSets[arn]
	if !found {
		return nil, errorf("ResourceNotFoundException", "Could not find PermissionSet with id %s.", arn), true
	}
	switch op {
	case OpDescribePermissionSet:
		return map[string]any{"PermissionSet": ps.describe(arn)}, nil, true
	case OpListTagsForResource:
		page, next, e := s.keyPage(req, sortedKeys(ps.Tags))
		if e != nil {
			return nil, e, true
		}
		tags := []map[string]string{}
		for _, k := range page {
			tags = append(tags, map[string]string{"Key": k, "Value": ps.Tags[k]})
		}
		return withNext(map[string]any{"Tags": tags}, next), nil, true
	case OpListManagedPoliciesInPermissionSet:
		keys := append([]string{}, ps.ManagedPolicies...)
		sort.Strings(keys)
		page, next, e := s.keyPage(req, keys)
		if e != nil {
			return nil, e, true
		}
		items := []map[string]string{}
		for _, a := range page {
			items = append(items, map[string]string{"Arn": a, "Name": a[len("arn:aws:iam::aws:policy/"):]})
		}
		return withNext(map[string]any{"AttachedManagedPolicies": items}, next), nil, true
	case OpListCustomerManagedPolicyReferencesInPermissionSet:
		byKey := map[string][2]string{}
		for _, c := range ps.CustomerManagedPolicies {
			byKey[c[0]+c[1]] = c
		}
		page, next, e := s.keyPage(req, sortedKeys(byKey))
		if e != nil {
			return nil, e, true
		}
		items := []map[string]string{}
		for _, k := range page {
			items = append(items, map[string]string{"Path": byKey[k][0], "Name": byKey[k][1]})
		}
		return withNext(map[string]any{"CustomerManagedPolicyReferences": items}, next), nil, true
	case OpGetInlinePolicyForPermissionSet:
		return map[string]any{"InlinePolicy": ps.InlinePolicy}, nil, true
	default: // OpGetPermissionsBoundaryForPermissionSet
		switch {
		case ps.BoundaryManagedPolicy != "":
			return map[string]any{"PermissionsBoundary": map[string]any{"ManagedPolicyArn": ps.BoundaryManagedPolicy}},
				nil, true
		case ps.BoundaryCustomer != nil:
			return map[string]any{"PermissionsBoundary": map[string]any{"CustomerManagedPolicyReference": map[string]string{
				"Path": ps.BoundaryCustomer[0], "Name": ps.BoundaryCustomer[1]}}}, nil, true
		}
		return nil, errorf("ResourceNotFoundException", "Could not find PermissionsBoundary for PermissionSet %s.",
			arn), true
	}
}

// keyPage returns the page of sorted keys after req's NextToken (the last
// key of the previous page), of the fake's page size or req's MaxResults,
// and the next page's token ("" on the last page).
func (s *Server) keyPage(req *request, keys []string) ([]string, string, *apiError) {
	limit := s.opts.PageSize
	if req.MaxResults != nil {
		if *req.MaxResults < 1 || *req.MaxResults > MaxPageSize {
			return nil, "", errorf("ValidationException", "MaxResults %d is not between 1 and %d.", *req.MaxResults,
				MaxPageSize)
		}
		limit = min(limit, *req.MaxResults)
	}
	page, next := pageAfter(keys, req.NextToken, limit)
	return page, next, nil
}

// pageAfter returns up to limit of the sorted keys after the token (the last
// key of the previous page; nil for the first page), and the next page's
// token ("" on the last page).
func pageAfter(keys []string, token *string, limit int) ([]string, string) {
	start := 0
	if token != nil {
		start = sort.SearchStrings(keys, *token)
		if start < len(keys) && keys[start] == *token {
			start++
		}
	}
	end := min(start+limit, len(keys))
	if end < len(keys) {
		return keys[start:end], keys[end-1]
	}
	return keys[start:end], ""
}

func withNext(out map[string]any, next string) map[string]any {
	if next != "" {
		out["NextToken"] = next
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedSet(m map[string]bool) []string { return sortedKeys(m) }
