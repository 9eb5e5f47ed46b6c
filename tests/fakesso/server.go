package fakesso

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

const (
	ssoPrefix  = "SWBExternalService."
	idsPrefix  = "AWSIdentityStore."
	orgsPrefix = "AWSOrganizationsV20161128."
	jsonType   = "application/x-amz-json-1.1"
)

// Operation names.
const (
	OpCreateAccountAssignment                 = "CreateAccountAssignment"
	OpDeleteAccountAssignment                 = "DeleteAccountAssignment"
	OpDescribeAccountAssignmentCreationStatus = "DescribeAccountAssignmentCreationStatus"
	OpDescribeAccountAssignmentDeletionStatus = "DescribeAccountAssignmentDeletionStatus"
	OpListAccountAssignmentsForPrincipal      = "ListAccountAssignmentsForPrincipal"
	OpListAccountAssignments                  = "ListAccountAssignments"
	OpListInstances                           = "ListInstances"
	OpDescribeUser                            = "DescribeUser"
	OpDescribeGroup                           = "DescribeGroup"
	OpListAccounts                            = "ListAccounts"
)

// Formats of the API reference.
var (
	permissionSetArnRe = regexp.MustCompile(`^arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}$`)
	accountIDRe        = regexp.MustCompile(`^\d{12}$`)
)

type apiError struct {
	status        int
	code, message string
}

func errorf(code, format string, a ...any) *apiError {
	return &apiError{status: http.StatusBadRequest, code: code, message: fmt.Sprintf(format, a...)}
}

// request holds the members of every implemented operation's input.
type request struct {
	InstanceArn                        string
	PermissionSetArn                   string
	PrincipalID                        string `json:"PrincipalId"`
	PrincipalType                      string
	TargetID                           string `json:"TargetId"`
	TargetType                         string
	AccountID                          string `json:"AccountId"`
	AccountAssignmentCreationRequestID string `json:"AccountAssignmentCreationRequestId"`
	AccountAssignmentDeletionRequestID string `json:"AccountAssignmentDeletionRequestId"`
	ProvisionPermissionSetRequestID    string `json:"ProvisionPermissionSetRequestId"`
	ProvisioningStatus                 string
	IdentityStoreID                    string `json:"IdentityStoreId"`
	UserID                             string `json:"UserId"`
	ResourceArn                        string
	GroupID                            string `json:"GroupId"`
	Filter                             *struct {
		AccountID string `json:"AccountId"`
	}
	Name                string
	Description         string
	SessionDuration     string
	RelayState          string
	AlternateIdentifier *alternateIdentifier
	MaxResults          *int
	NextToken           *string

	// body is the request's JSON, for the operations of identitycenter_write.go.
	body []byte
}

type epoch time.Time

func (t epoch) MarshalJSON() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(time.Time(t).UnixMilli())/1000, 'f', -1, 64)), nil
}

// ServeHTTP implements the AWS JSON 1.1 protocol.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	var op, signingName string
	var counted, admin bool
	switch {
	case strings.HasPrefix(target, ssoPrefix):
		op, counted, admin, signingName = strings.TrimPrefix(target, ssoPrefix), true, true, "sso"
	case strings.HasPrefix(target, idsPrefix):
		op, counted, signingName = strings.TrimPrefix(target, idsPrefix), true, "identitystore"
	case target == orgsPrefix+OpListAccounts:
		op, signingName = OpListAccounts, "organizations"
	default:
		writeError(w, errorf("UnknownOperationException", "unknown operation %q", target))
		return
	}
	if e := fakeaws.CheckScope(r, fakeaws.JSON, s.opts.Region, signingName); e != nil {
		writeError(w, &apiError{status: e.Status, code: e.Code, message: e.Message})
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var req request
	if err == nil && len(body) > 0 {
		err = json.Unmarshal(body, &req)
	}
	if err != nil && !icOps[op] { // those decode their own requests (identitycenter_write.go)
		writeError(w, errorf("SerializationException", "decoding the request: %v", err))
		return
	}
	req.body = body

	s.mu.Lock()
	s.calls[op]++
	now := s.opts.Clock.Now()
	s.settle(now)
	if counted && !s.admit(now) {
		s.mu.Unlock()
		writeError(w, errorf("ThrottlingException", MsgRateExceeded))
		return
	}
	if admin && s.caller != s.opts.ManagementAccountID && s.caller != s.opts.DelegatedAdminAccountID {
		// IAM Identity Center's instance is managed from the organization's
		// management account or its delegated administrator only.
		caller := s.caller
		s.mu.Unlock()
		writeError(w, errorf("AccessDeniedException", "User: arn:aws:iam::%s:user/caller is not authorized to "+
			"perform: sso:%s: only the organization's management account and IAM Identity Center's delegated "+
			"administrator can call it", caller, op))
		return
	}
	if isRead(op) {
		s.lag.Read()
	}
	out, apiErr := s.dispatch(op, &req, now)
	s.mu.Unlock()
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	b, _ := json.Marshal(out)
	w.Header().Set("Content-Type", jsonType)
	_, _ = w.Write(b)
}

// isRead says whether op reads (List, Describe, Get): the operations that
// lag the writes under Options.Consistency.
func isRead(op string) bool {
	return strings.HasPrefix(op, "List") || strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "Get")
}

func writeError(w http.ResponseWriter, e *apiError) {
	w.Header().Set("Content-Type", jsonType)
	w.Header().Set("X-Amzn-ErrorType", e.code)
	w.WriteHeader(e.status)
	b, _ := json.Marshal(map[string]string{"__type": e.code, "Message": e.message})
	_, _ = w.Write(b)
}

// dispatch runs op. Called with mu held.
func (s *Server) dispatch(op string, req *request, now time.Time) (any, *apiError) {
	switch op {
	case OpCreateAccountAssignment, OpDeleteAccountAssignment:
		return s.startOp(op == OpDeleteAccountAssignment, req, now)
	case OpDescribeAccountAssignmentCreationStatus:
		return s.describeOp(false, req.InstanceArn, req.AccountAssignmentCreationRequestID, now)
	case OpDescribeAccountAssignmentDeletionStatus:
		return s.describeOp(true, req.InstanceArn, req.AccountAssignmentDeletionRequestID, now)
	case OpListAccountAssignmentsForPrincipal:
		if e := s.checkInstance(req.InstanceArn); e != nil {
			return nil, e
		}
		var keys []string
		for k, a := range s.seenAssignments {
			if a.PrincipalID == req.PrincipalID && a.PrincipalType == req.PrincipalType &&
				(req.Filter == nil || req.Filter.AccountID == "" || req.Filter.AccountID == a.AccountID) {
				keys = append(keys, k)
			}
		}
		return s.page(req, keys)
	case OpListAccountAssignments:
		if e := s.checkInstance(req.InstanceArn); e != nil {
			return nil, e
		}
		var keys []string
		for k, a := range s.seenAssignments {
			if a.AccountID == req.AccountID && a.PermissionSetArn == req.PermissionSetArn {
				keys = append(keys, k)
			}
		}
		return s.page(req, keys)
	case OpListInstances:
		if s.opts.NoInstance {
			return map[string]any{"Instances": []map[string]any{}}, nil
		}
		page, next, e := s.keyPage(req, []string{s.opts.InstanceArn})
		if e != nil {
			return nil, e
		}
		items := []map[string]any{}
		for range page {
			items = append(items, map[string]any{
				"InstanceArn": s.opts.InstanceArn, "IdentityStoreId": s.opts.IdentityStoreID, "Status": "ACTIVE",
			})
		}
		return withNext(map[string]any{"Instances": items}, next), nil
	case OpDescribeUser:
		if req.IdentityStoreID != s.opts.IdentityStoreID || !s.users[req.UserID] {
			return nil, errorf("ResourceNotFoundException", "USER not found.")
		}
		return map[string]any{"IdentityStoreId": req.IdentityStoreID, "UserId": req.UserID,
			"UserName": s.userName(req.UserID)}, nil
	case OpDescribeGroup:
		if req.IdentityStoreID != s.opts.IdentityStoreID || !s.groups[req.GroupID] {
			return nil, errorf("ResourceNotFoundException", "GROUP not found.")
		}
		return map[string]any{"IdentityStoreId": req.IdentityStoreID, "GroupId": req.GroupID,
			"DisplayName": s.groupName(req.GroupID)}, nil
	case OpListAccounts:
		return s.listAccounts(req)
	case OpProvisionPermissionSet:
		return s.provision(req, now)
	case OpDescribePermissionSetProvisioningStatus:
		return s.describeProvisioning(req)
	case OpListAccountsForProvisionedPermissionSet:
		return s.listProvisioned(req)
	}
	if out, e, ok := s.dispatchBrownfield(op, req); ok {
		return out, e
	}
	if out, err, ok := s.dispatchMore(op, req, now); ok {
		return out, err
	}
	if out, err, ok := s.dispatchIdentityCenter(op, req, now); ok {
		return out, err
	}
	if op == OpListGroupMemberships {
		return s.listGroupMemberships(req)
	}
	return nil, errorf("UnknownOperationException", "operation %q is not supported by this endpoint", op)
}

func (s *Server) checkInstance(arn string) *apiError {
	if arn != s.opts.InstanceArn {
		return errorf("ResourceNotFoundException", "Instance %s does not exist.", arn)
	}
	return nil
}

func (s *Server) startOp(del bool, req *request, now time.Time) (any, *apiError) {
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e
	}
	switch {
	case !permissionSetArnRe.MatchString(req.PermissionSetArn):
		return nil, errorf("ValidationException", "PermissionSetArn %q is invalid.", req.PermissionSetArn)
	case req.PrincipalType != "USER" && req.PrincipalType != "GROUP":
		return nil, errorf("ValidationException", "PrincipalType %q is invalid.", req.PrincipalType)
	case req.TargetType != "AWS_ACCOUNT" || !accountIDRe.MatchString(req.TargetID):
		return nil, errorf("ValidationException", "TargetId %q of type %q is invalid.", req.TargetID, req.TargetType)
	}
	a := Assignment{PermissionSetArn: req.PermissionSetArn, PrincipalType: req.PrincipalType,
		PrincipalID: req.PrincipalID, AccountID: req.TargetID}
	if _, ok := s.permissionSets[a.PermissionSetArn]; !ok && !del {
		// The permission set must exist in this instance: an ARN of another
		// instance, or of a deleted permission set, is not found.
		return nil, errorf("ResourceNotFoundException", "Could not find PermissionSet with ARN %s.", a.PermissionSetArn)
	}
	if !del && !slices.Contains(s.accounts, a.AccountID) {
		return nil, errorf("ValidationException", "TargetId %s is not an account of the organization.", a.AccountID)
	}
	if !del {
		if (a.PrincipalType == "USER" && !s.users[a.PrincipalID]) || (a.PrincipalType == "GROUP" && !s.groups[a.PrincipalID]) {
			return nil, errorf("ResourceNotFoundException", "Principal %s does not exist.", a.PrincipalID)
		}
	} else if _, ok := s.assignments[a.key()]; !ok {
		return nil, errorf("ResourceNotFoundException", "The assignment does not exist.")
	}
	if len(s.pending) >= s.opts.MaxOutstanding {
		s.pendingErrors++
		return nil, errorf("ThrottlingException", MsgTooManyPending)
	}
	s.seq++
	op := &operation{
		id: fmt.Sprintf("%08x-0000-4000-8000-%012x", s.seq, s.seq), a: a, del: del,
		created: now, completeAt: now.Add(s.opts.Latency),
	}
	s.ops[op.id] = op
	s.record("%s %s %s", op2name(del), a.PermissionSetArn, a.AccountID)
	i := sort.Search(len(s.pending), func(i int) bool { return s.pending[i].completeAt.After(op.completeAt) })
	s.pending = append(s.pending, nil)
	copy(s.pending[i+1:], s.pending[i:])
	s.pending[i] = op
	s.maxOutstanding = max(s.maxOutstanding, len(s.pending))
	s.settle(now)
	field := "AccountAssignmentCreationStatus"
	if del {
		field = "AccountAssignmentDeletionStatus"
	}
	return map[string]any{field: status(op)}, nil
}

func op2name(del bool) string {
	if del {
		return OpDeleteAccountAssignment
	}
	return OpCreateAccountAssignment
}

func (s *Server) describeOp(del bool, instanceArn, id string, _ time.Time) (any, *apiError) {
	if e := s.checkInstance(instanceArn); e != nil {
		return nil, e
	}
	op, ok := s.ops[id]
	if !ok || op.del != del {
		return nil, errorf("ResourceNotFoundException", "Request %s does not exist.", id)
	}
	field := "AccountAssignmentCreationStatus"
	if del {
		field = "AccountAssignmentDeletionStatus"
	}
	return map[string]any{field: status(op)}, nil
}

func status(op *operation) map[string]any {
	st := "IN_PROGRESS"
	switch {
	case op.settled && op.failure != "":
		st = "FAILED"
	case op.settled:
		st = "SUCCEEDED"
	}
	m := map[string]any{
		"CreatedDate": epoch(op.created), "PermissionSetArn": op.a.PermissionSetArn,
		"PrincipalId": op.a.PrincipalID, "PrincipalType": op.a.PrincipalType, "RequestId": op.id,
		"Status": st, "TargetId": op.a.AccountID, "TargetType": "AWS_ACCOUNT",
	}
	if st == "FAILED" {
		m["FailureReason"] = op.failure
	}
	return m
}

// page returns one page of the assignments with keys, sorted, after the
// NextToken (the last key of the previous page).
func (s *Server) page(req *request, keys []string) (any, *apiError) {
	sort.Strings(keys)
	page, next, e := s.keyPage(req, keys)
	if e != nil {
		return nil, e
	}
	items := make([]map[string]string, 0, len(page))
	for _, k := range page {
		a := s.seenAssignments[k]
		items = append(items, map[string]string{"AccountId": a.AccountID, "PermissionSetArn": a.PermissionSetArn,
			"PrincipalId": a.PrincipalID, "PrincipalType": a.PrincipalType})
	}
	return withNext(map[string]any{"AccountAssignments": items}, next), nil
}

func (s *Server) listAccounts(req *request) (any, *apiError) {
	// Organizations' largest page is 20.
	page, next := pageAfter(s.accounts, req.NextToken, min(s.opts.PageSize, 20))
	items := make([]map[string]string, 0, len(page))
	for _, id := range page {
		items = append(items, map[string]string{"Id": id, "Name": "account-" + id, "Status": "ACTIVE",
			"Arn": "arn:aws:organizations::111111111111:account/o-exampleorgid/" + id})
	}
	return withNext(map[string]any{"Accounts": items}, next), nil
}
