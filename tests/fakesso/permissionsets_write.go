package fakesso

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// The writes of permission sets (CreatePermissionSet, DeletePermissionSet)
// and the identity store's lookups by name, as far as a pulumi-aws program's
// permission sets and existing principals need them (the fake aws plugin of
// tests/fakeawsplugin). Reads are in permissionsets.go.

// Operation names.
const (
	OpCreatePermissionSet = "CreatePermissionSet"
	OpDeletePermissionSet = "DeletePermissionSet"
	OpGetGroupID          = "GetGroupId"
	OpGetUserID           = "GetUserId"
)

// permissionSetNamePattern is the Name pattern of CreatePermissionSet.
var permissionSetNamePattern = regexp.MustCompile(`^[\w+=,.@-]{1,32}$`)

// PermissionSets returns the ARN of each permission set that
// CreatePermissionSet made and that exists, by name.
func (s *Server) PermissionSets() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]string, len(s.permissionSets))
	for arn, p := range s.permissionSets {
		out[p.Name] = arn
	}
	return out
}

// alternateIdentifier is the AlternateIdentifier of GetGroupId and GetUserId.
type alternateIdentifier struct {
	UniqueAttribute *struct {
		AttributePath  string
		AttributeValue json.RawMessage
	}
}

// dispatchMore runs the operations of this file. Called with mu held.
func (s *Server) dispatchMore(op string, req *request, now time.Time) (any, *apiError, bool) {
	switch op {
	case OpCreatePermissionSet:
		out, err := s.createPermissionSet(req, now)
		return out, err, true
	case OpDeletePermissionSet:
		if e := s.checkInstance(req.InstanceArn); e != nil {
			return nil, e, true
		}
		arn := req.PermissionSetArn
		if _, ok := s.permissionSets[arn]; !ok {
			return nil, errorf("ResourceNotFoundException", "Could not find PermissionSet with ARN %s.", arn), true
		}
		if accounts := s.accountsWith(arn, ""); len(accounts) > 0 {
			// AWS documents ConflictException for DeletePermissionSet, and
			// refuses to delete a permission set still provisioned to accounts:
			// delete its assignments first.
			return nil, errorf("ConflictException", "Permission set %s is provisioned to %d accounts (%s); "+
				"delete its account assignments first.", arn, len(accounts), accounts[0]), true
		}
		delete(s.permissionSets, arn)
		s.lag.Write(func() { delete(s.seenPermissionSets, arn) })
		return map[string]any{}, nil, true
	case OpGetGroupID:
		id, err := s.idByName(req, "displayname", "GROUP", s.groups, s.groupName)
		return map[string]any{"GroupId": id, "IdentityStoreId": req.IdentityStoreID}, err, true
	case OpGetUserID:
		id, err := s.idByName(req, "username", "USER", s.users, s.userName)
		return map[string]any{"UserId": id, "IdentityStoreId": req.IdentityStoreID}, err, true
	}
	return nil, nil, false
}

func (s *Server) createPermissionSet(req *request, now time.Time) (any, *apiError) {
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e
	}
	if !permissionSetNamePattern.MatchString(req.Name) {
		return nil, errorf("ValidationException", "Name %q does not match %s.", req.Name, permissionSetNamePattern)
	}
	for _, p := range s.permissionSets {
		if p.Name == req.Name {
			return nil, errorf("ConflictException", "PermissionSet with name %s already exists.", req.Name)
		}
	}
	s.seq++
	duration := req.SessionDuration
	if duration == "" {
		duration = "PT1H"
	}
	// Far from the small numbers of PermissionSetArn(n) and AddPermissionSet.
	arn := fmt.Sprintf("arn:aws:sso:::permissionSet/%s/ps-%016x", s.instanceID(), 0xf00000000000+s.seq)
	p := &PermissionSet{Name: req.Name, Description: req.Description, SessionDuration: duration,
		RelayState: req.RelayState, created: now}
	s.addPermissionSet(arn, p)
	return map[string]any{"PermissionSet": p.describe(arn)}, nil
}

// idByName answers GetGroupId or GetUserId: the principal of ids whose name
// is the unique attribute's value.
func (s *Server) idByName(req *request, path, kind string, ids map[string]bool, name func(string) string) (
	string, *apiError,
) {
	if req.IdentityStoreID != s.opts.IdentityStoreID {
		return "", errorf("ResourceNotFoundException", "Identity store %s does not exist.", req.IdentityStoreID)
	}
	u := req.AlternateIdentifier
	if u == nil || u.UniqueAttribute == nil || !strings.EqualFold(u.UniqueAttribute.AttributePath, path) {
		return "", errorf("ValidationException", "AlternateIdentifier must give UniqueAttribute %s.", path)
	}
	var want string
	if err := json.Unmarshal(u.UniqueAttribute.AttributeValue, &want); err != nil {
		return "", errorf("ValidationException", "AttributeValue must be a string.")
	}
	for id := range ids {
		if name(id) == want {
			return id, nil
		}
	}
	return "", errorf("ResourceNotFoundException", "%s not found.", kind)
}

func (s *Server) groupName(id string) string {
	if n, ok := s.groupNames[id]; ok {
		return n
	}
	return "group-" + id[max(len(id)-4, 0):]
}

func (s *Server) userName(id string) string {
	if n, ok := s.userNames[id]; ok {
		return n
	}
	return "user-" + id[max(len(id)-4, 0):]
}

// OrganizationsHandler serves Organizations' ListAccounts, with the fake's
// accounts, and passes every other request to next (such as a fakeorg
// server's Middleware), so that one Organizations endpoint answers both.
func (s *Server) OrganizationsHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Target") == orgsPrefix+OpListAccounts {
			s.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
