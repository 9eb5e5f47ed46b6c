package fakeorg

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

const (
	targetPrefix    = "AWSOrganizationsV20161128."
	jsonContentType = "application/x-amz-json-1.1"
	// SigningName is the service name of Organizations' SigV4 credential scope.
	SigningName  = "organizations"
	maxBodyBytes = 1 << 20

	// Length limits from the Organizations API reference.
	maxEnablePrincipalLen    = 1000
	maxDelegatedPrincipalLen = 128
)

// Error messages, worded as AWS words them.
const (
	msgConcurrentModification = "AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity. Try again later."
	msgServiceException       = "AWS Organizations can't complete your request because of an internal service error. Try again later."
	msgAccessDenied           = "You don't have permissions to access this resource."
	msgNotInUse               = "Your account is not a member of an organization."
	msgNotAllFeatures         = "This operation can be performed only if the organization has enabled all features."
	msgCannotRegisterMgmt     = "You cannot register the management account of the organization as a delegated administrator."
	msgAlreadyRegistered      = "The provided account is already a delegated administrator for your organization."
	msgNotRegistered          = "The provided account is not a registered delegated administrator for your organization."
	msgUnrecognizedPrincipal  = "You specified an unrecognized service principal."
	msgInvalidNextToken       = "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API."
	msgAccountNotFound        = "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization."
)

// principalPattern is the ServicePrincipal pattern of the API reference.
var principalPattern = regexp.MustCompile(`^[\w+=,.@-]*$`)

// apiError is an error response.
type apiError struct {
	status  int
	code    string
	message string
	reason  string
}

func newError(code, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: code, message: message}
}

func constraintViolation(reason, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: "ConstraintViolationException", message: message, reason: reason}
}

func invalidInput(reason, message string) *apiError {
	return &apiError{status: http.StatusBadRequest, code: "InvalidInputException", message: message, reason: reason}
}

func faultError(f Fault) *apiError {
	status := f.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &apiError{status: status, code: f.Code, message: f.Message, reason: f.Reason}
}

// request holds the members of every implemented operation's input.
type request struct {
	ServicePrincipal *string
	AccountID        *string `json:"AccountId"`
	ParentID         *string `json:"ParentId"`
	ResourceID       *string `json:"ResourceId"`
	MaxResults       *int32
	NextToken        *string
}

// epochSeconds is a timestamp in the JSON 1.1 default format: epoch seconds
// as a number with millisecond precision.
type epochSeconds time.Time

func (t epochSeconds) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return []byte(strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)), nil
}

type operation func(s *Server, req *request) (any, *apiError)

var operations = map[string]operation{
	OpEnableAWSServiceAccess:              (*Server).enableAWSServiceAccess,
	OpDisableAWSServiceAccess:             (*Server).disableAWSServiceAccess,
	OpListAWSServiceAccessForOrganization: (*Server).listAWSServiceAccess,
	OpDescribeOrganization:                (*Server).describeOrganization,
	OpRegisterDelegatedAdministrator:      (*Server).registerDelegatedAdministrator,
	OpDeregisterDelegatedAdministrator:    (*Server).deregisterDelegatedAdministrator,
	OpListDelegatedAdministrators:         (*Server).listDelegatedAdministrators,
	OpListDelegatedServicesForAccount:     (*Server).listDelegatedServicesForAccount,
	OpListRoots:                           (*Server).listRoots,
	OpListOrganizationalUnitsForParent:    (*Server).listOUsForParent,
	OpListAccountsForParent:               (*Server).listAccountsForParent,
	OpListAccounts:                        (*Server).listAccounts,
	OpListTagsForResource:                 (*Server).listTagsForResource,
}

func isWrite(op string) bool {
	switch op {
	case OpEnableAWSServiceAccess, OpDisableAWSServiceAccess,
		OpRegisterDelegatedAdministrator, OpDeregisterDelegatedAdministrator:
		return true
	}
	return false
}

// ServeHTTP implements the AWS JSON 1.1 protocol.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requestSeq++
	w.Header().Set("X-Amzn-RequestId", fmt.Sprintf("fakeorg-%08d", s.requestSeq))
	s.mu.Unlock()

	op, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), targetPrefix)
	if r.Method != http.MethodPost || r.URL.Path != "/" || !ok || op == "" {
		writeError(w, newError("UnknownOperationException",
			fmt.Sprintf("expected POST / with X-Amz-Target %s<Operation>, got %s %s with X-Amz-Target %q",
				targetPrefix, r.Method, r.URL.Path, r.Header.Get("X-Amz-Target"))))
		return
	}
	s.mu.Lock()
	s.calls[op]++
	if isWrite(op) {
		s.writeCalls++
	}
	s.mu.Unlock()

	s.mu.Lock()
	region := s.region
	s.mu.Unlock()
	if e := fakeaws.CheckScope(r, fakeaws.JSON, region, SigningName); e != nil {
		writeError(w, &apiError{status: e.Status, code: e.Code, message: e.Message})
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != jsonContentType {
		writeError(w, newError("SerializationException",
			fmt.Sprintf("Content-Type %q is not supported: use %s", r.Header.Get("Content-Type"), jsonContentType)))
		return
	}
	handler, ok := operations[op]
	if !ok {
		writeError(w, newError("UnknownOperationException", fmt.Sprintf("operation %q is not supported by this endpoint", op)))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		writeError(w, newError("SerializationException", fmt.Sprintf("reading request body: %v", err)))
		return
	}
	var req request
	if len(strings.TrimSpace(string(body))) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, newError("SerializationException", fmt.Sprintf("decoding request body: %v", err)))
			return
		}
	}
	if f, ok := s.popFault(op); ok {
		writeError(w, faultError(f))
		return
	}
	out, apiErr := handler(s, &req)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) popFault(op string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{op, AnyOp} {
		if q := s.faults[key]; len(q) > 0 {
			s.faults[key] = q[1:]
			s.injectedFaults++
			return q[0], true
		}
	}
	return Fault{}, false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body := []byte("{}")
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			writeError(w, &apiError{status: http.StatusInternalServerError, code: "ServiceException",
				message: fmt.Sprintf("encoding response: %v", err)})
			return
		}
		body = b
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func writeError(w http.ResponseWriter, e *apiError) {
	w.Header().Set("X-Amzn-ErrorType", e.code)
	payload := map[string]string{"__type": e.code, "Message": e.message}
	if e.reason != "" {
		payload["Reason"] = e.reason
	}
	b, _ := json.Marshal(payload) // a map of strings always encodes
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(e.status)
	_, _ = w.Write(b)
}

// orgState is a snapshot of the organization settings.
type orgState struct {
	mgmt, caller, featureSet string
	inOrg                    bool
	pageSize                 int
}

func (s *Server) snapshot() orgState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return orgState{mgmt: s.mgmt, caller: s.caller, featureSet: s.featureSet, inOrg: s.inOrg, pageSize: s.pageSize}
}

// checkWrite makes the checks every write shares: in an organization, called
// from the management account, all features enabled.
func (st orgState) checkWrite() *apiError {
	if err := st.checkCaller(); err != nil {
		return err
	}
	return st.checkFeatures()
}

// checkCaller checks that the caller is the management account of an
// organization.
func (st orgState) checkCaller() *apiError {
	if !st.inOrg {
		return newError("AWSOrganizationsNotInUseException", msgNotInUse)
	}
	if st.caller != st.mgmt {
		return newError("AccessDeniedException", msgAccessDenied)
	}
	return nil
}

// checkFeatures checks that the organization has all features.
func (st orgState) checkFeatures() *apiError {
	if st.featureSet != FeatureSetAll {
		return constraintViolation("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE", msgNotAllFeatures)
	}
	return nil
}

// checkList makes the checks the list operations share: in an organization,
// called from the management account or a delegated administrator.
func (s *Server) checkList(st orgState) *apiError {
	if !st.inOrg {
		return newError("AWSOrganizationsNotInUseException", msgNotInUse)
	}
	if st.caller == st.mgmt {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.state.isAdmin(st.caller) {
		return nil
	}
	return newError("AccessDeniedException", msgAccessDenied)
}

// write runs apply as a write to the organization. It marks the
// organization busy, sleeps WriteLatency, then runs apply under the lock. A
// write arriving while another is in progress gets
// ConcurrentModificationException without running. The lock is never held
// while sleeping.
func (s *Server) write(apply func() *apiError) *apiError {
	s.mu.Lock()
	if s.busy {
		s.concurrentModErrors++
		s.mu.Unlock()
		return newError("ConcurrentModificationException", msgConcurrentModification)
	}
	s.busy = true
	latency := s.writeLatency
	s.mu.Unlock()

	if latency > 0 {
		// Like AWS, a write whose caller has gone away still takes effect,
		// so only Close cuts the wait short.
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-s.closed:
			t.Stop()
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.busy = false
	return apply()
}

func validatePrincipal(p *string, maxLen int) (string, *apiError) {
	if p == nil || *p == "" {
		return "", invalidInput("INPUT_REQUIRED", "You must specify a value for ServicePrincipal.")
	}
	if len(*p) > maxLen {
		return "", invalidInput("MAX_LENGTH_EXCEEDED",
			fmt.Sprintf("ServicePrincipal %q is longer than %d characters.", *p, maxLen))
	}
	if !principalPattern.MatchString(*p) {
		return "", invalidInput("INVALID_PATTERN",
			fmt.Sprintf("ServicePrincipal %q does not match the pattern %s.", *p, principalPattern))
	}
	return *p, nil
}

func validateAccountID(id *string) (string, *apiError) {
	if id == nil || *id == "" {
		return "", invalidInput("INPUT_REQUIRED", "You must specify a value for AccountId.")
	}
	if !accountIDPattern.MatchString(*id) {
		return "", invalidInput("INVALID_PATTERN",
			fmt.Sprintf("AccountId %q is not a 12-digit account id.", *id))
	}
	return *id, nil
}

// pageToken is the decoded NextToken: the operation and filter it belongs to
// and the last key returned. Keyed tokens stay valid when items are added or
// removed between pages.
type pageToken struct {
	Op     string `json:"o"`
	Filter string `json:"f,omitempty"`
	After  string `json:"a"`
}

// paginate returns the page of sorted keys selected by req and the
// NextToken for the following page ("" when it is the last).
func paginate(req *request, st orgState, op, filter string, keys []string) ([]string, *string, *apiError) {
	limit := st.pageSize
	if req.MaxResults != nil {
		switch n := *req.MaxResults; {
		case n < 1:
			return nil, nil, invalidInput("MIN_VALUE_EXCEEDED",
				fmt.Sprintf("MaxResults %d is below the minimum of 1.", n))
		case n > MaxPageSize:
			return nil, nil, invalidInput("MAX_VALUE_EXCEEDED",
				fmt.Sprintf("MaxResults %d is above the maximum of %d.", n, MaxPageSize))
		case int(n) < limit:
			limit = int(n)
		}
	}
	start := 0
	if req.NextToken != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*req.NextToken)
		var tok pageToken
		if err != nil || json.Unmarshal(raw, &tok) != nil || tok.Op != op || tok.Filter != filter {
			return nil, nil, invalidInput("INVALID_NEXT_TOKEN", msgInvalidNextToken)
		}
		for start < len(keys) && keys[start] <= tok.After {
			start++
		}
	}
	end := min(start+limit, len(keys))
	page := keys[start:end]
	if end >= len(keys) {
		return page, nil, nil
	}
	raw, _ := json.Marshal(pageToken{Op: op, Filter: filter, After: page[len(page)-1]}) // plain strings always encode
	next := base64.RawURLEncoding.EncodeToString(raw)
	return page, &next, nil
}

func accountArn(st orgState, id string) string {
	return fmt.Sprintf("arn:aws:organizations::%s:account/%s/%s", st.mgmt, OrganizationID, id)
}
