package fakesso

import (
	"fmt"
	"sort"
	"time"
)

// Permission set provisioning, as the sso-admin API reference describes it:
// ProvisionPermissionSet pushes a permission set's current content to the
// accounts it is provisioned to (ALL_PROVISIONED_ACCOUNTS) or to one account
// (AWS_ACCOUNT), asynchronously; DescribePermissionSetProvisioningStatus
// reports IN_PROGRESS, SUCCEEDED or FAILED with a FailureReason; and
// ListAccountsForProvisionedPermissionSet lists the accounts, filtered by
// LATEST_PERMISSION_SET_PROVISIONED or LATEST_PERMISSION_SET_NOT_PROVISIONED.
// A permission set is provisioned to an account when an assignment of it
// there is created, and deprovisioned when the last one is deleted. Its
// content changes (a policy attached, an attribute updated) bump its version
// with ChangePermissionSet; the accounts keep the version they were last
// provisioned with. Starting a provisioning while another of the same
// permission set is in progress is a ConflictException, as AWS answers
// concurrent provisioning (aws-iam-identity-center-extensions#111).

// Operation names and the conflict message.
const (
	OpProvisionPermissionSet                  = "ProvisionPermissionSet"
	OpDescribePermissionSetProvisioningStatus = "DescribePermissionSetProvisioningStatus"
	OpListAccountsForProvisionedPermissionSet = "ListAccountsForProvisionedPermissionSet"
	MsgConflictingOperation                   = "There is a conflicting operation in process."
)

// provisioningState is the fake's provisioning model. Guarded by Server.mu.
type provisioningState struct {
	// version is each permission set's content version (0 until changed).
	version map[string]int
	// provisioned is the version each account has, by permission set.
	provisioned map[string]map[string]int
	ops         map[string]*provisionOp
	fail        map[string]string
	log         []string
}

type provisionOp struct {
	id, ps, target string
	created        time.Time
	completeAt     time.Time
	settled        bool
	failure        string
}

func (p *provisioningState) init() {
	if p.version == nil {
		p.version, p.provisioned = map[string]int{}, map[string]map[string]int{}
		p.ops, p.fail = map[string]*provisionOp{}, map[string]string{}
	}
}

// record appends one write to the log. Called with mu held.
func (s *Server) record(format string, a ...any) {
	s.prov.log = append(s.prov.log, fmt.Sprintf(format, a...))
}

// Writes returns the writes the fake accepted, in order: "ProvisionPermissionSet
// <permission set ARN>" and "CreateAccountAssignment <permission set ARN>
// <account>" (and DeleteAccountAssignment likewise).
func (s *Server) Writes() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.prov.log...)
}

// ChangePermissionSet changes a permission set's content out of band (a
// policy attached or detached, an attribute updated), as every write of the
// permission set and its policies does: each account it is provisioned to
// is outdated until the next provisioning.
func (s *Server) ChangePermissionSet(arn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prov.init()
	s.prov.version[arn]++
}

// Outdated returns the accounts a permission set is provisioned to with an
// older version than its current one, sorted.
func (s *Server) Outdated(arn string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.opts.Clock.Now())
	return s.accountsWith(arn, "LATEST_PERMISSION_SET_NOT_PROVISIONED")
}

// FailProvisioning makes every later provisioning of a permission set end
// FAILED with reason (empty clears it), as AWS fails one when a customer
// managed policy the permission set references is missing in an account.
func (s *Server) FailProvisioning(arn, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prov.init()
	if reason == "" {
		delete(s.prov.fail, arn)
		return
	}
	s.prov.fail[arn] = reason
}

// assignmentSettled updates the provisioning model when an assignment
// operation completes. Called with mu held.
func (s *Server) assignmentSettled(a Assignment, del bool) {
	s.prov.init()
	if !del {
		if s.prov.provisioned[a.PermissionSetArn] == nil {
			s.prov.provisioned[a.PermissionSetArn] = map[string]int{}
		}
		s.prov.provisioned[a.PermissionSetArn][a.AccountID] = s.prov.version[a.PermissionSetArn]
		return
	}
	for _, other := range s.assignments {
		if other.PermissionSetArn == a.PermissionSetArn && other.AccountID == a.AccountID {
			return
		}
	}
	delete(s.prov.provisioned[a.PermissionSetArn], a.AccountID)
}

// settleProvisioning completes the provisionings due by now. Called with mu
// held.
func (s *Server) settleProvisioning(now time.Time) {
	s.prov.init()
	for _, op := range s.prov.ops {
		if op.settled || op.completeAt.After(now) {
			continue
		}
		op.settled = true
		if reason := s.prov.fail[op.ps]; reason != "" {
			op.failure = reason
			continue
		}
		for account := range s.prov.provisioned[op.ps] {
			if op.target == "" || op.target == account {
				s.prov.provisioned[op.ps][account] = s.prov.version[op.ps]
			}
		}
	}
}

func (s *Server) provision(req *request, now time.Time) (any, *apiError) {
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e
	}
	if !permissionSetArnRe.MatchString(req.PermissionSetArn) {
		return nil, errorf("ValidationException", "PermissionSetArn %q is invalid.", req.PermissionSetArn)
	}
	target := ""
	switch req.TargetType {
	case "ALL_PROVISIONED_ACCOUNTS":
	case "AWS_ACCOUNT":
		if !accountIDRe.MatchString(req.TargetID) {
			return nil, errorf("ValidationException", "TargetId %q is invalid.", req.TargetID)
		}
		target = req.TargetID
	default:
		return nil, errorf("ValidationException", "TargetType %q is invalid.", req.TargetType)
	}
	s.prov.init()
	for _, op := range s.prov.ops {
		if op.ps == req.PermissionSetArn && !op.settled {
			return nil, errorf("ConflictException", MsgConflictingOperation)
		}
	}
	s.seq++
	op := &provisionOp{
		id: fmt.Sprintf("%08x-0000-4000-9000-%012x", s.seq, s.seq), ps: req.PermissionSetArn, target: target,
		created: now, completeAt: now.Add(s.opts.Latency),
	}
	s.prov.ops[op.id] = op
	s.record("%s %s", OpProvisionPermissionSet, req.PermissionSetArn)
	s.settleProvisioning(now)
	return map[string]any{"PermissionSetProvisioningStatus": provisionStatus(op)}, nil
}

func (s *Server) describeProvisioning(req *request) (any, *apiError) {
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e
	}
	s.prov.init()
	op, ok := s.prov.ops[req.ProvisionPermissionSetRequestID]
	if !ok {
		return nil, errorf("ResourceNotFoundException", "Request %s does not exist.", req.ProvisionPermissionSetRequestID)
	}
	return map[string]any{"PermissionSetProvisioningStatus": provisionStatus(op)}, nil
}

func provisionStatus(op *provisionOp) map[string]any {
	st := "IN_PROGRESS"
	switch {
	case op.settled && op.failure != "":
		st = "FAILED"
	case op.settled:
		st = "SUCCEEDED"
	}
	m := map[string]any{"CreatedDate": epoch(op.created), "PermissionSetArn": op.ps, "RequestId": op.id, "Status": st}
	if op.target != "" {
		m["AccountId"] = op.target
	}
	if st == "FAILED" {
		m["FailureReason"] = op.failure
	}
	return m
}

// accountsWith lists the accounts a permission set is provisioned to, with
// the latest version or not, or all for an empty status. Called with mu held.
func (s *Server) accountsWith(arn, status string) []string {
	s.prov.init()
	var out []string
	for account, v := range s.prov.provisioned[arn] {
		latest := v == s.prov.version[arn]
		if status == "" || (status == "LATEST_PERMISSION_SET_PROVISIONED") == latest {
			out = append(out, account)
		}
	}
	sort.Strings(out)
	return out
}

func (s *Server) listProvisioned(req *request) (any, *apiError) {
	if e := s.checkInstance(req.InstanceArn); e != nil {
		return nil, e
	}
	switch req.ProvisioningStatus {
	case "", "LATEST_PERMISSION_SET_PROVISIONED", "LATEST_PERMISSION_SET_NOT_PROVISIONED":
	default:
		return nil, errorf("ValidationException", "ProvisioningStatus %q is invalid.", req.ProvisioningStatus)
	}
	page, next, e := s.keyPage(req, s.accountsWith(req.PermissionSetArn, req.ProvisioningStatus))
	if e != nil {
		return nil, e
	}
	return withNext(map[string]any{"AccountIds": page}, next), nil
}
