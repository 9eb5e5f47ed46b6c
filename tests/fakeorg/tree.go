package fakeorg

import (
	"fmt"
	"regexp"
	"sort"
)

// The organization's structure: its root, OUs and accounts, for the read
// operations ListRoots, ListOrganizationalUnitsForParent,
// ListAccountsForParent and ListAccounts. The management account is in the
// root from the start.

// RootID is the ID of the fake organization's root.
const RootID = "r-ex12"

// Account statuses of the Organizations API.
const (
	StatusActive    = "ACTIVE"
	StatusSuspended = "SUSPENDED"
)

// Operations of the structure.
const (
	OpListRoots                        = "ListRoots"
	OpListOrganizationalUnitsForParent = "ListOrganizationalUnitsForParent"
	OpListAccountsForParent            = "ListAccountsForParent"
	OpListAccounts                     = "ListAccounts"
)

var ouIDPattern = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)

type ou struct {
	id, name, parent string
}

type account struct {
	id, name, status, parent string
}

// AddOU adds OU id, named name, below parent (RootID or an OU added before).
// It panics on an ID that is not an OU ID or a parent that does not exist.
func (s *Server) AddOU(parent, id, name string) {
	if !ouIDPattern.MatchString(id) {
		panic(fmt.Sprintf("fakeorg: AddOU: %q is not an OU ID: use e.g. ou-ab12-cdef3456", id))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustParent(parent)
	s.ous[id] = ou{id: id, name: name, parent: parent}
}

// AddAccount adds account id, named name, with status (StatusActive when
// empty), in parent. It panics on a bad ID or a parent that does not exist.
func (s *Server) AddAccount(parent, id, name, status string) {
	if !accountIDPattern.MatchString(id) {
		panic(fmt.Sprintf("fakeorg: AddAccount: %q is not a 12-digit account id", id))
	}
	if status == "" {
		status = StatusActive
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mustParent(parent)
	s.accounts[id] = account{id: id, name: name, status: status, parent: parent}
}

// AddAccounts adds each of ids, ACTIVE, in the root, named "account-<id>":
// the member accounts a test registers as delegated administrators or
// assigns access in. Organizations refuses an account that is not in the
// organization (AccountNotFoundException).
func (s *Server) AddAccounts(ids ...string) {
	for _, id := range ids {
		s.AddAccount(RootID, id, "account-"+id, "")
	}
}

// HasAccount says whether account is in the organization: the management
// account or one added with AddAccount.
func (s *Server) HasAccount(account string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.accounts[account]
	return ok || account == s.mgmt
}

// AccountEmail is the email of an account of the organization, as
// ListAccounts and DescribeOrganization give it; "" for another account.
func (s *Server) AccountEmail(account string) string {
	if !s.HasAccount(account) {
		return ""
	}
	return accountEmail(account)
}

// CallerAccountID is the account requests are treated as coming from.
func (s *Server) CallerAccountID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.caller
}

// ManagementAccountID is the organization's management account.
func (s *Server) ManagementAccountID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mgmt
}

func (s *Server) mustParent(id string) {
	if _, ok := s.ous[id]; id != RootID && !ok {
		panic(fmt.Sprintf("fakeorg: parent %q does not exist: use RootID or an OU added before", id))
	}
}

type rootOut struct {
	ID   string `json:"Id"`
	Arn  string
	Name string
}

type ouOut struct {
	ID   string `json:"Id"`
	Arn  string
	Name string
}

type accountOut struct {
	ID              string `json:"Id"`
	Arn             string
	Email           string
	Name            string
	Status          string
	State           string
	JoinedMethod    string
	JoinedTimestamp epochSeconds
}

func (s *Server) listRoots(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	page, next, err := paginate(req, st, OpListRoots, "", []string{RootID})
	if err != nil {
		return nil, err
	}
	roots := []rootOut{}
	for _, id := range page {
		roots = append(roots, rootOut{ID: id, Name: "Root",
			Arn: fmt.Sprintf("arn:aws:organizations::%s:root/%s/%s", st.mgmt, OrganizationID, id)})
	}
	return map[string]any{"Roots": roots, "NextToken": next}, nil
}

func (s *Server) checkParent(req *request) (string, *apiError) {
	if req.ParentID == nil || *req.ParentID == "" {
		return "", invalidInput("INPUT_REQUIRED", "You must specify a value for ParentId.")
	}
	p := *req.ParentID
	if _, ok := s.ous[p]; p != RootID && !ok {
		return "", newError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.")
	}
	return p, nil
}

func (s *Server) listOUsForParent(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, err := s.checkParent(req)
	if err != nil {
		return nil, err
	}
	var keys []string
	for id, o := range s.ous {
		if o.parent == parent {
			keys = append(keys, id)
		}
	}
	sort.Strings(keys)
	page, next, err := paginate(req, st, OpListOrganizationalUnitsForParent, parent, keys)
	if err != nil {
		return nil, err
	}
	out := []ouOut{}
	for _, id := range page {
		out = append(out, ouOut{ID: id, Name: s.ous[id].name,
			Arn: fmt.Sprintf("arn:aws:organizations::%s:ou/%s/%s", st.mgmt, OrganizationID, id)})
	}
	return map[string]any{"OrganizationalUnits": out, "NextToken": next}, nil
}

func (s *Server) listAccountsForParent(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, err := s.checkParent(req)
	if err != nil {
		return nil, err
	}
	var keys []string
	for id, a := range s.allAccountsLocked(st) {
		if a.parent == parent {
			keys = append(keys, id)
		}
	}
	sort.Strings(keys)
	return s.accountPage(req, st, OpListAccountsForParent, parent, keys)
}

func (s *Server) listAccounts(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accountPage(req, st, OpListAccounts, "", sortedKeys(s.allAccountsLocked(st)))
}

// allAccountsLocked is every account, the management account included.
func (s *Server) allAccountsLocked(st orgState) map[string]account {
	out := make(map[string]account, len(s.accounts)+1)
	out[st.mgmt] = account{id: st.mgmt, name: "management", status: StatusActive, parent: RootID}
	for id, a := range s.accounts {
		out[id] = a
	}
	return out
}

func (s *Server) accountPage(req *request, st orgState, op, filter string, keys []string) (any, *apiError) {
	page, next, err := paginate(req, st, op, filter, keys)
	if err != nil {
		return nil, err
	}
	all := s.allAccountsLocked(st)
	out := []accountOut{}
	for _, id := range page {
		a := all[id]
		out = append(out, accountOut{ID: id, Arn: accountArn(st, id), Email: accountEmail(id), Name: a.name,
			Status: a.status, State: a.status, JoinedMethod: "CREATED", JoinedTimestamp: epochSeconds(s.created)})
	}
	return map[string]any{"Accounts": out, "NextToken": next}, nil
}

// Region is the Region requests must be signed for.
func (s *Server) Region() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.region
}
