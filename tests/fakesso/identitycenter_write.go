package fakesso

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The writes of IAM Identity Center and the identity store that pulumi-aws's
// ssoadmin and identitystore resources make (the stand-in aws plugin of
// tests/fakeawsplugin), beyond permission sets: groups, users and group
// memberships; a permission set's managed and customer managed policies,
// inline policy and permissions boundary; the instance's access control
// attributes; applications, their access scopes, assignments and assignment
// configuration; and trusted token issuers. Each has the reads pulumi-aws
// refreshes it with.

// application is one application of CreateApplication.
type application struct {
	ProviderArn, Name, Description, Status string
	PortalOptions                          json.RawMessage
	AssignmentRequired                     bool
	Scopes                                 map[string][]string // scope -> authorized targets
	Assignments                            map[string]bool     // "PRINCIPAL_TYPE/PRINCIPAL_ID"
	created                                time.Time
	// existing is an application AddApplication added.
	existing bool
}

// tokenIssuer is one trusted token issuer of CreateTrustedTokenIssuer.
type tokenIssuer struct {
	Name, Type    string
	Configuration json.RawMessage
}

// identityCenterState is the state of this file's operations.
type identityCenterState struct {
	descriptions map[string]string // group ID -> description
	memberships  map[string][2]string
	apps         map[string]*application
	issuers      map[string]*tokenIssuer
}

type icRequest struct {
	InstanceArn, PermissionSetArn, IdentityStoreId                    string
	DisplayName, Description, UserName, GroupId, MembershipId, UserId string
	MemberId                                                          *struct{ UserId string }
	ManagedPolicyArn, InlinePolicy                                    string
	CustomerManagedPolicyReference                                    *struct{ Name, Path string }
	PermissionsBoundary                                               *struct {
		ManagedPolicyArn               string
		CustomerManagedPolicyReference *struct{ Name, Path string }
	}
	InstanceAccessControlAttributeConfiguration *struct {
		AccessControlAttributes []struct {
			Key   string
			Value struct{ Source []string }
		}
	}
	ApplicationArn, ApplicationProviderArn, Status, Scope string
	// Name is a string for applications and issuers, an object for users.
	Name                                          json.RawMessage
	PortalOptions                                 json.RawMessage
	AuthorizedTargets                             []string
	PrincipalId, PrincipalType                    string
	AssignmentRequired                            *bool
	TrustedTokenIssuerArn, TrustedTokenIssuerType string
	TrustedTokenIssuerConfiguration               json.RawMessage
}

// name is the request's Name when it is a string.
func (r *icRequest) name() string {
	var n string
	_ = json.Unmarshal(r.Name, &n)
	return n
}

func (s *Server) icState() *identityCenterState {
	if s.ic == nil {
		s.ic = &identityCenterState{descriptions: map[string]string{}, memberships: map[string][2]string{},
			apps: map[string]*application{}, issuers: map[string]*tokenIssuer{}}
	}
	return s.ic
}

var icOps = map[string]bool{
	"CreateGroup": true, "DeleteGroup": true, "CreateUser": true, "DeleteUser": true,
	"CreateGroupMembership": true, "DescribeGroupMembership": true, "DeleteGroupMembership": true,
	"AttachManagedPolicyToPermissionSet": true, "DetachManagedPolicyFromPermissionSet": true,
	"AttachCustomerManagedPolicyReferenceToPermissionSet": true, "DetachCustomerManagedPolicyReferenceFromPermissionSet": true,
	"PutInlinePolicyToPermissionSet": true, "DeleteInlinePolicyFromPermissionSet": true,
	"PutPermissionsBoundaryToPermissionSet": true, "DeletePermissionsBoundaryFromPermissionSet": true,
	"CreateInstanceAccessControlAttributeConfiguration": true, "UpdateInstanceAccessControlAttributeConfiguration": true,
	"DeleteInstanceAccessControlAttributeConfiguration": true,
	"CreateApplication": true, "DescribeApplication": true, "DeleteApplication": true,
	"PutApplicationAccessScope": true, "GetApplicationAccessScope": true, "DeleteApplicationAccessScope": true,
	"CreateApplicationAssignment": true, "DescribeApplicationAssignment": true, "DeleteApplicationAssignment": true,
	"PutApplicationAssignmentConfiguration": true, "GetApplicationAssignmentConfiguration": true,
	"CreateTrustedTokenIssuer": true, "DescribeTrustedTokenIssuer": true, "DeleteTrustedTokenIssuer": true,
}

// dispatchIdentityCenter runs the operations of this file. Called with mu held.
func (s *Server) dispatchIdentityCenter(op string, req *request, now time.Time) (any, *apiError, bool) {
	if !icOps[op] {
		return nil, nil, false
	}
	var r icRequest
	if len(req.body) > 0 {
		if err := json.Unmarshal(req.body, &r); err != nil {
			return nil, errorf("SerializationException", "decoding the request: %v", err), true
		}
	}
	out, e := s.identityCenterOp(op, &r, now)
	return out, e, true
}

func (s *Server) identityCenterOp(op string, r *icRequest, now time.Time) (any, *apiError) {
	ic := s.icState()
	ok := map[string]any{}
	switch op {
	case "CreateGroup", "DeleteGroup", "CreateUser", "DeleteUser", "CreateGroupMembership", "DescribeGroupMembership",
		"DeleteGroupMembership":
		if r.IdentityStoreId != s.opts.IdentityStoreID {
			return nil, errorf("ResourceNotFoundException", "Identity store %s does not exist.", r.IdentityStoreId)
		}
	default:
		if strings.Contains(op, "PermissionSet") {
			if e := s.checkInstance(r.InstanceArn); e != nil {
				return nil, e
			}
			if s.permissionSets[r.PermissionSetArn] == nil {
				return nil, errorf("ResourceNotFoundException", "Could not find PermissionSet with ARN %s.",
					r.PermissionSetArn)
			}
		}
	}
	ps := s.permissionSets[r.PermissionSetArn]
	s.seq++
	switch op {
	case "CreateGroup":
		for id := range s.groups {
			if s.groupName(id) == r.DisplayName {
				return nil, errorf("ConflictException", "Duplicate GroupDisplayName")
			}
		}
		id := fmt.Sprintf("9067%08x-0000-0000-0000-%012x", s.seq, s.seq)
		s.groups[id], s.groupNames[id], ic.descriptions[id] = true, r.DisplayName, r.Description
		return map[string]any{"GroupId": id, "IdentityStoreId": r.IdentityStoreId}, nil
	case "CreateUser":
		for id := range s.users {
			if s.userName(id) == r.UserName {
				return nil, errorf("ConflictException", "Duplicate UserName")
			}
		}
		id := fmt.Sprintf("9067%08x-1111-1111-1111-%012x", s.seq, s.seq)
		s.users[id], s.userNames[id] = true, r.UserName
		return map[string]any{"UserId": id, "IdentityStoreId": r.IdentityStoreId}, nil
	case "DeleteGroup", "DeleteUser":
		ids, id := s.groups, r.GroupId
		if op == "DeleteUser" {
			ids, id = s.users, r.UserId
		}
		if !ids[id] {
			return nil, errorf("ResourceNotFoundException", "%s not found.", id)
		}
		delete(ids, id)
		return ok, nil
	case "CreateGroupMembership":
		// One store with AddMembership's, so ListGroupMemberships lists
		// them; ic.memberships marks the ones created through the API.
		if !s.groups[r.GroupId] || r.MemberId == nil || !s.users[r.MemberId.UserId] {
			return nil, errorf("ResourceNotFoundException", "GROUP or USER not found.")
		}
		for _, m := range s.memberships {
			if m.GroupID == r.GroupId && m.UserID == r.MemberId.UserId {
				return nil, errorf("ConflictException", "Member is already in the group.")
			}
		}
		id := fmt.Sprintf("9067%08x-2222-2222-2222-%012x", s.seq, s.seq)
		if s.memberships == nil {
			s.memberships = map[string]Membership{}
		}
		s.memberships[id] = Membership{ID: id, GroupID: r.GroupId, UserID: r.MemberId.UserId}
		ic.memberships[id] = [2]string{r.GroupId, r.MemberId.UserId}
		return map[string]any{"MembershipId": id, "IdentityStoreId": r.IdentityStoreId}, nil
	case "DescribeGroupMembership", "DeleteGroupMembership":
		m, found := s.memberships[r.MembershipId]
		if !found {
			return nil, errorf("ResourceNotFoundException", "GROUP_MEMBERSHIP not found.")
		}
		if op == "DeleteGroupMembership" {
			delete(s.memberships, r.MembershipId)
			delete(ic.memberships, r.MembershipId)
			return ok, nil
		}
		return map[string]any{"IdentityStoreId": r.IdentityStoreId, "MembershipId": r.MembershipId,
			"GroupId": m.GroupID, "MemberId": map[string]string{"UserId": m.UserID}}, nil
	case "AttachManagedPolicyToPermissionSet":
		if slices.Contains(ps.ManagedPolicies, r.ManagedPolicyArn) {
			return nil, errorf("ConflictException", "Managed policy %s is already attached.", r.ManagedPolicyArn)
		}
		ps.ManagedPolicies = append(ps.ManagedPolicies, r.ManagedPolicyArn)
		return ok, nil
	case "DetachManagedPolicyFromPermissionSet":
		i := slices.Index(ps.ManagedPolicies, r.ManagedPolicyArn)
		if i < 0 {
			return nil, errorf("ResourceNotFoundException", "Managed policy %s is not attached.", r.ManagedPolicyArn)
		}
		ps.ManagedPolicies = slices.Delete(ps.ManagedPolicies, i, i+1)
		return ok, nil
	case "AttachCustomerManagedPolicyReferenceToPermissionSet", "DetachCustomerManagedPolicyReferenceFromPermissionSet":
		if r.CustomerManagedPolicyReference == nil {
			return nil, errorf("ValidationException", "CustomerManagedPolicyReference is required.")
		}
		ref := [2]string{r.CustomerManagedPolicyReference.Path, r.CustomerManagedPolicyReference.Name}
		if ref[0] == "" {
			ref[0] = "/"
		}
		i := slices.Index(ps.CustomerManagedPolicies, ref)
		switch {
		case op[0] == 'A' && i >= 0:
			return nil, errorf("ConflictException", "Customer managed policy %s is already attached.", ref[1])
		case op[0] == 'A':
			ps.CustomerManagedPolicies = append(ps.CustomerManagedPolicies, ref)
		case i < 0:
			return nil, errorf("ResourceNotFoundException", "Customer managed policy %s is not attached.", ref[1])
		default:
			ps.CustomerManagedPolicies = slices.Delete(ps.CustomerManagedPolicies, i, i+1)
		}
		return ok, nil
	case "PutInlinePolicyToPermissionSet":
		if !json.Valid([]byte(r.InlinePolicy)) {
			return nil, errorf("ValidationException", "The InlinePolicy is not valid JSON.")
		}
		ps.InlinePolicy = r.InlinePolicy
		return ok, nil
	case "DeleteInlinePolicyFromPermissionSet":
		ps.InlinePolicy = ""
		return ok, nil
	case "PutPermissionsBoundaryToPermissionSet":
		b := r.PermissionsBoundary
		switch {
		case b == nil:
			return nil, errorf("ValidationException", "PermissionsBoundary is required.")
		case b.ManagedPolicyArn != "":
			ps.BoundaryManagedPolicy, ps.BoundaryCustomer = b.ManagedPolicyArn, nil
		case b.CustomerManagedPolicyReference != nil:
			path := b.CustomerManagedPolicyReference.Path
			if path == "" {
				path = "/"
			}
			ps.BoundaryManagedPolicy, ps.BoundaryCustomer = "", &[2]string{path, b.CustomerManagedPolicyReference.Name}
		}
		return ok, nil
	case "DeletePermissionsBoundaryFromPermissionSet":
		if ps.BoundaryManagedPolicy == "" && ps.BoundaryCustomer == nil {
			return nil, errorf("ResourceNotFoundException", "The permissions boundary does not exist.")
		}
		ps.BoundaryManagedPolicy, ps.BoundaryCustomer = "", nil
		return ok, nil
	case "CreateInstanceAccessControlAttributeConfiguration", "UpdateInstanceAccessControlAttributeConfiguration":
		if e := s.checkInstance(r.InstanceArn); e != nil {
			return nil, e
		}
		if op[0] == 'C' && len(s.abac) > 0 {
			return nil, errorf("ConflictException", "The access control attribute configuration already exists.")
		}
		if r.InstanceAccessControlAttributeConfiguration == nil {
			return nil, errorf("ValidationException", "InstanceAccessControlAttributeConfiguration is required.")
		}
		s.abac = nil
		for _, a := range r.InstanceAccessControlAttributeConfiguration.AccessControlAttributes {
			s.abac = append(s.abac, Attribute{Key: a.Key, Sources: a.Value.Source})
		}
		return ok, nil
	case "DeleteInstanceAccessControlAttributeConfiguration":
		if e := s.checkInstance(r.InstanceArn); e != nil {
			return nil, e
		}
		s.abac = nil
		return ok, nil
	case "CreateApplication":
		if e := s.checkInstance(r.InstanceArn); e != nil {
			return nil, e
		}
		for _, a := range ic.apps {
			if a.Name == r.name() {
				return nil, errorf("ConflictException", "An application named %s already exists.", r.name())
			}
		}
		arn := fmt.Sprintf("arn:aws:sso::%s:application/%s/apl-%016x", "111111111111", s.instanceID(), s.seq)
		status := r.Status
		if status == "" {
			status = "ENABLED"
		}
		ic.apps[arn] = &application{ProviderArn: r.ApplicationProviderArn, Name: r.name(), Description: r.Description,
			Status: status, PortalOptions: r.PortalOptions, AssignmentRequired: true, Scopes: map[string][]string{},
			Assignments: map[string]bool{}, created: now}
		return map[string]any{"ApplicationArn": arn}, nil
	case "CreateTrustedTokenIssuer":
		if e := s.checkInstance(r.InstanceArn); e != nil {
			return nil, e
		}
		arn := fmt.Sprintf("arn:aws:sso::%s:trustedTokenIssuer/%s/tti-%016x", "111111111111", s.instanceID(), s.seq)
		ic.issuers[arn] = &tokenIssuer{Name: r.name(), Type: r.TrustedTokenIssuerType,
			Configuration: r.TrustedTokenIssuerConfiguration}
		return map[string]any{"TrustedTokenIssuerArn": arn}, nil
	case "DescribeTrustedTokenIssuer", "DeleteTrustedTokenIssuer":
		t := ic.issuers[r.TrustedTokenIssuerArn]
		if t == nil {
			return nil, errorf("ResourceNotFoundException", "Trusted token issuer %s not found.", r.TrustedTokenIssuerArn)
		}
		if strings.HasPrefix(op, "Delete") {
			delete(ic.issuers, r.TrustedTokenIssuerArn)
			return ok, nil
		}
		var cfg any
		_ = json.Unmarshal(t.Configuration, &cfg)
		return map[string]any{"TrustedTokenIssuerArn": r.TrustedTokenIssuerArn, "Name": t.Name,
			"TrustedTokenIssuerType": t.Type, "TrustedTokenIssuerConfiguration": cfg}, nil
	}
	// The application's operations.
	a := ic.apps[r.ApplicationArn]
	if a == nil {
		return nil, errorf("ResourceNotFoundException", "Application %s not found.", r.ApplicationArn)
	}
	switch op {
	case "DescribeApplication":
		var portal any
		_ = json.Unmarshal(a.PortalOptions, &portal)
		out := map[string]any{"ApplicationArn": r.ApplicationArn, "ApplicationProviderArn": a.ProviderArn,
			"Name": a.Name, "InstanceArn": s.opts.InstanceArn, "Status": a.Status, "ApplicationAccount": "111111111111",
			"CreatedDate": epoch(a.created)}
		if a.Description != "" {
			out["Description"] = a.Description
		}
		if portal != nil {
			out["PortalOptions"] = portal
		}
		return out, nil
	case "DeleteApplication":
		delete(ic.apps, r.ApplicationArn)
		return ok, nil
	case "PutApplicationAccessScope":
		a.Scopes[r.Scope] = r.AuthorizedTargets
		return ok, nil
	case "GetApplicationAccessScope", "DeleteApplicationAccessScope":
		targets, found := a.Scopes[r.Scope]
		if !found {
			return nil, errorf("ResourceNotFoundException", "Scope %s not found.", r.Scope)
		}
		if strings.HasPrefix(op, "Delete") {
			delete(a.Scopes, r.Scope)
			return ok, nil
		}
		out := map[string]any{"Scope": r.Scope}
		if len(targets) > 0 {
			out["AuthorizedTargets"] = targets
		}
		return out, nil
	case "CreateApplicationAssignment", "DescribeApplicationAssignment", "DeleteApplicationAssignment":
		key := r.PrincipalType + "/" + r.PrincipalId
		switch {
		case op[0] == 'C' && !(r.PrincipalType == "GROUP" && s.groups[r.PrincipalId] ||
			r.PrincipalType == "USER" && s.users[r.PrincipalId]):
			return nil, errorf("ResourceNotFoundException", "%s %s not found.", r.PrincipalType, r.PrincipalId)
		case op[0] == 'C':
			a.Assignments[key] = true
			return ok, nil
		case !a.Assignments[key]:
			return nil, errorf("ResourceNotFoundException", "Application assignment not found.")
		case strings.HasPrefix(op, "Delete"):
			delete(a.Assignments, key)
			return ok, nil
		}
		return map[string]any{"ApplicationArn": r.ApplicationArn, "PrincipalId": r.PrincipalId,
			"PrincipalType": r.PrincipalType}, nil
	case "PutApplicationAssignmentConfiguration":
		a.AssignmentRequired = r.AssignmentRequired != nil && *r.AssignmentRequired
		return ok, nil
	case "GetApplicationAssignmentConfiguration":
		return map[string]any{"AssignmentRequired": a.AssignmentRequired}, nil
	}
	return nil, errorf("UnknownOperationException", "operation %q is not supported by this endpoint", op)
}

// Leftovers describes what this file's writes made and nothing deleted since:
// groups, users, memberships, applications, trusted token issuers and access
// control attributes ("" entries are none). Groups and users added with
// AddGroup and AddUser are not counted.
func (s *Server) Leftovers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	ic := s.icState()
	for id := range ic.descriptions {
		if s.groups[id] {
			out = append(out, "group "+s.groupName(id))
		}
	}
	for id := range s.users {
		if strings.HasPrefix(id, "9067") && strings.Contains(id, "-1111-") {
			out = append(out, "user "+s.userName(id))
		}
	}
	for id := range ic.memberships {
		out = append(out, "membership "+id)
	}
	for arn, a := range ic.apps {
		if !a.existing {
			out = append(out, "application "+a.Name+" ("+arn+")")
		}
		for k := range a.Assignments {
			out = append(out, "assignment of "+k+" to application "+a.Name)
		}
	}
	for arn, t := range ic.issuers {
		out = append(out, "trusted token issuer "+t.Name+" ("+arn+")")
	}
	if len(s.abac) > 0 {
		out = append(out, "access control attributes")
	}
	slices.Sort(out)
	return out
}

// AddApplication adds an existing application (one made in the console, say)
// with the ARN arn, the name name and assignment required, which Leftovers
// does not count.
func (s *Server) AddApplication(arn, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.icState().apps[arn] = &application{ProviderArn: "arn:aws:sso::aws:applicationProvider/custom-saml", Name: name,
		Status: "ENABLED", AssignmentRequired: true, Scopes: map[string][]string{}, Assignments: map[string]bool{},
		created: time.Now(), existing: true}
}

// AddAccounts adds accounts of the organization, which assignments may target
// (as Identity Center knows them from Organizations).
func (s *Server) AddAccounts(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if !slices.Contains(s.accounts, id) {
			s.accounts = append(s.accounts, id)
		}
	}
	slices.Sort(s.accounts)
}
