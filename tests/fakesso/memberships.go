package fakesso

import (
	"fmt"
	"sort"
)

// Group memberships of the identity store, for ListGroupMemberships
// (paginated like the other lists).

// OpListGroupMemberships lists a group's memberships.
const OpListGroupMemberships = "ListGroupMemberships"

// Membership is a user's membership in a group.
type Membership struct {
	ID, GroupID, UserID string
}

// AddMembership makes user a member of group, both of the identity store,
// and returns the membership ID. It panics on a principal the fake lacks.
func (s *Server) AddMembership(group, user string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.groups[group] || !s.users[user] {
		panic(fmt.Sprintf("fakesso: AddMembership: group %q and user %q must both exist", group, user))
	}
	if s.memberships == nil {
		s.memberships = map[string]Membership{}
	}
	id := fmt.Sprintf("%08x-0000-4000-8000-%012x", len(s.memberships)+1, len(s.memberships)+1)
	s.memberships[id] = Membership{ID: id, GroupID: group, UserID: user}
	return id
}

func (s *Server) listGroupMemberships(req *request) (any, *apiError) {
	if req.IdentityStoreID != s.opts.IdentityStoreID {
		return nil, errorf("ResourceNotFoundException", "IdentityStore %s not found.", req.IdentityStoreID)
	}
	if !s.groups[req.GroupID] {
		return nil, errorf("ResourceNotFoundException", "GROUP not found.")
	}
	var keys []string
	for id, m := range s.memberships {
		if m.GroupID == req.GroupID {
			keys = append(keys, id)
		}
	}
	sort.Strings(keys)
	page, next, e := s.keyPage(req, keys)
	if e != nil {
		return nil, e
	}
	items := make([]map[string]any, 0, len(page))
	for _, id := range page {
		m := s.memberships[id]
		items = append(items, map[string]any{"IdentityStoreId": s.opts.IdentityStoreID, "MembershipId": id,
			"GroupId": m.GroupID, "MemberId": map[string]string{"UserId": m.UserID}})
	}
	return withNext(map[string]any{"GroupMemberships": items}, next), nil
}
