package provider

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	istypes "github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
)

// listPageSize is the largest MaxResults of ListAccountAssignments and
// ListAccountAssignmentsForPrincipal (valid range 1 to 100).
const listPageSize = 100

// slotRetry is how soon an apply tries again for an outstanding-operation
// slot that other resources of the process hold.
const slotRetry = 100 * time.Millisecond

// ApplyResult is what an Apply did. An assignment in neither Created nor
// Deleted failed, or its outcome is unknown; Failed says which and why.
type ApplyResult struct {
	Created []Assignment
	Deleted []Assignment
	Failed  []AssignmentError
	// Adopted is how many assignments Converge found existing and adopted.
	Adopted int
}

// AssignmentError is the failure of one assignment operation.
type AssignmentError struct {
	Assignment Assignment
	Delete     bool
	Err        error
}

func (e AssignmentError) Error() string {
	verb := "creating"
	if e.Delete {
		verb = "deleting"
	}
	return fmt.Sprintf("%s the assignment of %s: %v", verb, e.Assignment, e.Err)
}

// without returns the assignments of from that are not in drop.
func without(from []Assignment, drop []Assignment) []Assignment {
	d := keySet(drop)
	var out []Assignment
	for _, a := range from {
		if _, ok := d[a.key()]; !ok {
			out = append(out, a)
		}
	}
	return out
}

// Converge makes managed (the assignments a state records) into desired: it
// adopts those of desired that exist, creates the rest and deletes those no
// longer desired. It returns the assignments managed afterwards, which, when
// some operations failed, holds exactly those that succeeded.
func (c *AssignmentClient) Converge(ctx context.Context, instanceArn string, managed, desired []Assignment) (
	[]Assignment, ApplyResult, error,
) {
	adds, dels := without(desired, managed), without(managed, desired)
	adopted, err := c.Existing(ctx, instanceArn, adds)
	if err != nil {
		return managed, ApplyResult{}, fmt.Errorf("reading the existing assignments: %w", err)
	}
	res, err := c.Apply(ctx, instanceArn, without(adds, adopted), dels)
	res.Adopted = len(adopted)
	after := append(append(without(managed, res.Deleted), adopted...), res.Created...)
	return sortAssignments(after), res, err
}

type assignmentOp struct {
	a       Assignment
	del     bool
	reqID   string
	started time.Time
}

// Apply creates and deletes assignments with at most MaxOutstanding
// operations outstanding across the process, and every call within the
// rate limit. Creates go first, so that an assignment moved from one
// permission set to another never leaves its principal without access.
func (c *AssignmentClient) Apply(ctx context.Context, instanceArn string, create, del []Assignment) (
	ApplyResult, error,
) {
	var res ApplyResult
	p := newPump(c.clock, c.lim)
	pending := make([]*assignmentOp, 0, len(create)+len(del))
	for _, a := range create {
		pending = append(pending, &assignmentOp{a: a})
	}
	for _, a := range del {
		pending = append(pending, &assignmentOp{a: a, del: true})
	}

	var startNext func()
	finish := func(op *assignmentOp, err error) {
		<-c.slots
		switch {
		case err != nil:
			res.Failed = append(res.Failed, AssignmentError{Assignment: op.a, Delete: op.del, Err: err})
		case op.del:
			res.Deleted = append(res.Deleted, op.a)
		default:
			res.Created = append(res.Created, op.a)
		}
		startNext()
	}
	// status handles the status of op's operation as of at.
	var status func(*assignmentOp, *types.AccountAssignmentOperationStatus, time.Time)
	status = func(op *assignmentOp, st *types.AccountAssignmentOperationStatus, at time.Time) {
		if st == nil {
			finish(op, errors.New("AWS answered without an operation status"))
			return
		}
		if op.reqID == "" {
			op.reqID = aws.ToString(st.RequestId)
			op.started = at
		}
		age := at.Sub(op.started)
		switch st.Status {
		case types.StatusValuesSucceeded:
			if age > 0 {
				c.poll.done(age)
			}
			finish(op, nil)
		case types.StatusValuesFailed:
			finish(op, fmt.Errorf("the operation failed: %s", aws.ToString(st.FailureReason)))
		default: // IN_PROGRESS
			if age > 0 {
				c.poll.inProgress(age)
				p.at(at.Add(c.poll.next(age)), func(ctx context.Context) func() { return c.describe(ctx, instanceArn, op, status) })
				return
			}
			p.at(at.Add(c.poll.first()), func(ctx context.Context) func() { return c.describe(ctx, instanceArn, op, status) })
		}
	}
	retrying := false // a retry for a slot is queued
	startNext = func() {
		for len(pending) > 0 {
			select {
			case c.slots <- struct{}{}:
			default:
				// Every slot is taken. This apply's own operations call
				// startNext as they finish; those of other resources of the
				// process do not, so look again shortly.
				if !retrying {
					retrying = true
					p.after(c.clock.Now().Add(slotRetry), func() { retrying = false; startNext() })
				}
				return
			}
			op := pending[0]
			pending = pending[1:]
			p.now(func(ctx context.Context) func() {
				st, err := c.start(ctx, instanceArn, op)
				at := c.clock.Now()
				return func() {
					switch {
					case err != nil && op.del && isNotFound(err):
						finish(op, nil) // already gone
					case err != nil:
						finish(op, err)
					default:
						status(op, st, at)
					}
				}
			})
		}
	}
	startNext()
	err := p.run(ctx)
	return res, err
}

// start issues op's CreateAccountAssignment or DeleteAccountAssignment.
func (c *AssignmentClient) start(ctx context.Context, instanceArn string, op *assignmentOp) (
	*types.AccountAssignmentOperationStatus, error,
) {
	a := op.a
	if op.del {
		out, err := c.sso.DeleteAccountAssignment(ctx, &ssoadmin.DeleteAccountAssignmentInput{
			InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(a.PermissionSetArn),
			PrincipalId: aws.String(a.PrincipalID), PrincipalType: types.PrincipalType(a.PrincipalType),
			TargetId: aws.String(a.AccountID), TargetType: types.TargetTypeAwsAccount,
		})
		if err != nil {
			return nil, err
		}
		return out.AccountAssignmentDeletionStatus, nil
	}
	out, err := c.sso.CreateAccountAssignment(ctx, &ssoadmin.CreateAccountAssignmentInput{
		InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(a.PermissionSetArn),
		PrincipalId: aws.String(a.PrincipalID), PrincipalType: types.PrincipalType(a.PrincipalType),
		TargetId: aws.String(a.AccountID), TargetType: types.TargetTypeAwsAccount,
	})
	if err != nil {
		return nil, err
	}
	return out.AccountAssignmentCreationStatus, nil
}

// describe polls op's status. An error leaves the outcome unknown: a create
// is left out of the state (the next update adopts it if it succeeded), a
// delete stays in it (the next update deletes it again).
func (c *AssignmentClient) describe(ctx context.Context, instanceArn string, op *assignmentOp,
	status func(*assignmentOp, *types.AccountAssignmentOperationStatus, time.Time),
) func() {
	var st *types.AccountAssignmentOperationStatus
	var err error
	if op.del {
		var out *ssoadmin.DescribeAccountAssignmentDeletionStatusOutput
		out, err = c.sso.DescribeAccountAssignmentDeletionStatus(ctx,
			&ssoadmin.DescribeAccountAssignmentDeletionStatusInput{
				InstanceArn: aws.String(instanceArn), AccountAssignmentDeletionRequestId: aws.String(op.reqID),
			})
		if err == nil {
			st = out.AccountAssignmentDeletionStatus
		}
	} else {
		var out *ssoadmin.DescribeAccountAssignmentCreationStatusOutput
		out, err = c.sso.DescribeAccountAssignmentCreationStatus(ctx,
			&ssoadmin.DescribeAccountAssignmentCreationStatusInput{
				InstanceArn: aws.String(instanceArn), AccountAssignmentCreationRequestId: aws.String(op.reqID),
			})
		if err == nil {
			st = out.AccountAssignmentCreationStatus
		}
	}
	at := c.clock.Now()
	return func() {
		if err != nil {
			status(op, &types.AccountAssignmentOperationStatus{
				Status:        types.StatusValuesFailed,
				FailureReason: aws.String(fmt.Sprintf("its status (request %s) is unknown: %v", op.reqID, err)),
			}, at)
			return
		}
		status(op, st, at)
	}
}

func isNotFound(err error) bool {
	var nf *types.ResourceNotFoundException
	return errors.As(err, &nf)
}

func isAccessDenied(err error) bool {
	var ad *types.AccessDeniedException
	return errors.As(err, &ad)
}

// ReadStrategy is how Existing lists assignments.
type ReadStrategy int

const (
	// ByPrincipal calls ListAccountAssignmentsForPrincipal once per page per
	// managed principal.
	ByPrincipal ReadStrategy = iota
	// ByAccountAndPermissionSet calls ListAccountAssignments once per page
	// per managed (account, permission set) pair.
	ByAccountAndPermissionSet
)

// chooseStrategy picks the strategy with fewer first pages: one per
// principal, or one per (account, permission set) pair.
func chooseStrategy(managed []Assignment) ReadStrategy {
	principals, pairs := map[string]bool{}, map[string]bool{}
	for _, a := range managed {
		principals[a.PrincipalType+"|"+a.PrincipalID] = true
		pairs[a.AccountID+"|"+a.PermissionSetArn] = true
	}
	if len(pairs) < len(principals) {
		return ByAccountAndPermissionSet
	}
	return ByPrincipal
}

// Existing returns those of managed that exist in the instance. Its calls
// grow with the managed principals (or account and permission set pairs,
// when those are fewer), never with the assignments; assignments that the
// set does not manage are read past and never returned.
func (c *AssignmentClient) Existing(ctx context.Context, instanceArn string, managed []Assignment) (
	[]Assignment, error,
) {
	if len(managed) == 0 {
		return nil, nil
	}
	found, _, _, err := c.existingAndOthers(ctx, instanceArn, managed, nil)
	return found, err
}

// existingAndOthers returns those of managed that exist, and, of the
// assignments its reads pass by, those of a permission set in others that
// managed does not list, with the strategy the reads used.
func (c *AssignmentClient) existingAndOthers(ctx context.Context, instanceArn string, managed []Assignment,
	others map[string]bool,
) ([]Assignment, []Assignment, ReadStrategy, error) {
	strategy := chooseStrategy(managed)
	found, extra, err := c.existing(ctx, instanceArn, managed, strategy, others)
	if err != nil && strategy == ByPrincipal && isAccessDenied(err) {
		// ListAccountAssignmentsForPrincipal works only from the management
		// account; a delegated administrator lists by account instead.
		strategy = ByAccountAndPermissionSet
		found, extra, err = c.existing(ctx, instanceArn, managed, strategy, others)
	}
	return found, extra, strategy, err
}

func (c *AssignmentClient) existing(ctx context.Context, instanceArn string, managed []Assignment,
	strategy ReadStrategy, others map[string]bool,
) ([]Assignment, []Assignment, error) {
	want := keySet(managed)
	seen := map[string]Assignment{}
	extra := map[string]Assignment{}
	var firstErr error
	p := newPump(c.clock, c.lim)
	record := func(a Assignment) {
		if _, ok := want[a.key()]; ok {
			seen[a.key()] = a
		} else if others[a.PermissionSetArn] {
			extra[a.key()] = a
		}
	}
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	done := map[string]bool{}
	for _, m := range managed {
		switch strategy {
		case ByPrincipal:
			k := m.PrincipalType + "|" + m.PrincipalID
			if done[k] {
				continue
			}
			done[k] = true
			var page func(token *string) func(ctx context.Context) func()
			page = func(token *string) func(ctx context.Context) func() {
				return func(ctx context.Context) func() {
					out, err := c.sso.ListAccountAssignmentsForPrincipal(ctx,
						&ssoadmin.ListAccountAssignmentsForPrincipalInput{
							InstanceArn: aws.String(instanceArn), PrincipalId: aws.String(m.PrincipalID),
							PrincipalType: types.PrincipalType(m.PrincipalType),
							MaxResults:    aws.Int32(listPageSize), NextToken: token,
						})
					return func() {
						if err != nil {
							fail(fmt.Errorf("listing the assignments of %s %s: %w",
								m.PrincipalType, m.PrincipalID, err))
							return
						}
						for _, a := range out.AccountAssignments {
							record(Assignment{PermissionSetArn: aws.ToString(a.PermissionSetArn),
								PrincipalType: string(a.PrincipalType), PrincipalID: aws.ToString(a.PrincipalId),
								AccountID: aws.ToString(a.AccountId)})
						}
						if out.NextToken != nil && firstErr == nil {
							p.now(page(out.NextToken))
						}
					}
				}
			}
			p.now(page(nil))
		case ByAccountAndPermissionSet:
			k := m.AccountID + "|" + m.PermissionSetArn
			if done[k] {
				continue
			}
			done[k] = true
			var page func(token *string) func(ctx context.Context) func()
			page = func(token *string) func(ctx context.Context) func() {
				return func(ctx context.Context) func() {
					out, err := c.sso.ListAccountAssignments(ctx, &ssoadmin.ListAccountAssignmentsInput{
						InstanceArn: aws.String(instanceArn), AccountId: aws.String(m.AccountID),
						PermissionSetArn: aws.String(m.PermissionSetArn),
						MaxResults:       aws.Int32(listPageSize), NextToken: token,
					})
					return func() {
						if err != nil {
							fail(fmt.Errorf("listing the assignments of account %s with %s: %w",
								m.AccountID, m.PermissionSetArn, err))
							return
						}
						for _, a := range out.AccountAssignments {
							record(Assignment{PermissionSetArn: aws.ToString(a.PermissionSetArn),
								PrincipalType: string(a.PrincipalType), PrincipalID: aws.ToString(a.PrincipalId),
								AccountID: aws.ToString(a.AccountId)})
						}
						if out.NextToken != nil && firstErr == nil {
							p.now(page(out.NextToken))
						}
					}
				}
			}
			p.now(page(nil))
		}
	}
	if err := p.run(ctx); err != nil {
		return nil, nil, err
	}
	if firstErr != nil {
		return nil, nil, firstErr
	}
	out := make([]Assignment, 0, len(seen))
	for _, a := range seen {
		out = append(out, a)
	}
	others2 := make([]Assignment, 0, len(extra))
	for _, a := range extra {
		others2 = append(others2, a)
	}
	return sortAssignments(out), sortAssignments(others2), nil
}

// instance is an Identity Center instance.
type instance struct {
	arn, identityStoreID string
}

// instances lists the Identity Center instances of the account.
func (c *AssignmentClient) instances(ctx context.Context) ([]instance, error) {
	var out []instance
	pages := ssoadmin.NewListInstancesPaginator(c.sso, &ssoadmin.ListInstancesInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("calling sso:ListInstances: %w", err)
		}
		for _, i := range page.Instances {
			out = append(out, instance{arn: aws.ToString(i.InstanceArn), identityStoreID: aws.ToString(i.IdentityStoreId)})
		}
	}
	return out, nil
}

// principalExists reports whether the user or group is in the identity store.
func (c *AssignmentClient) principalExists(ctx context.Context, storeID, typ, id string) (bool, error) {
	var err error
	if typ == string(types.PrincipalTypeGroup) {
		_, err = c.ids.DescribeGroup(ctx, &identitystore.DescribeGroupInput{
			IdentityStoreId: aws.String(storeID), GroupId: aws.String(id),
		})
	} else {
		_, err = c.ids.DescribeUser(ctx, &identitystore.DescribeUserInput{
			IdentityStoreId: aws.String(storeID), UserId: aws.String(id),
		})
	}
	var nf *istypes.ResourceNotFoundException
	if errors.As(err, &nf) {
		return false, nil
	}
	return err == nil, err
}

// orgAccounts returns the IDs of the organization's accounts; nil, nil when
// the caller may not list them.
func (c *AssignmentClient) orgAccounts(ctx context.Context) (map[string]bool, error) {
	c.accountsOnce.Do(func() {
		ids := map[string]bool{}
		pages := organizations.NewListAccountsPaginator(c.orgs, &organizations.ListAccountsInput{})
		for pages.HasMorePages() {
			page, err := pages.NextPage(ctx)
			if err != nil {
				c.accountsErr = fmt.Errorf("calling organizations:ListAccounts: %w", err)
				return
			}
			for _, a := range page.Accounts {
				ids[aws.ToString(a.Id)] = true
			}
		}
		c.accounts = ids
	})
	return c.accounts, c.accountsErr
}

// lookups bundles the preview-time lookups of one Check.
type lookups struct {
	storeID    string
	accounts   map[string]bool // nil: unknown
	principals map[string]bool // "TYPE|id" -> exists; missing: unknown
	skipped    []string        // lookups that could not be made, and why
}

// lookup runs the preview-time lookups for the assignments: the instance's
// identity store, the organization's accounts and each principal. A lookup
// that fails is skipped, with the reason in skipped.
func (c *AssignmentClient) lookup(ctx context.Context, instanceArn string, assignments []Assignment) (
	lookups, bool,
) {
	l := lookups{principals: map[string]bool{}}
	insts, err := c.instances(ctx)
	found := false
	if err != nil {
		l.skipped = append(l.skipped, err.Error())
	} else {
		for _, i := range insts {
			if i.arn == instanceArn {
				l.storeID, found = i.identityStoreID, true
			}
		}
		if !found {
			return l, false
		}
	}
	if accts, err := c.orgAccounts(ctx); err != nil {
		l.skipped = append(l.skipped, err.Error())
	} else {
		l.accounts = accts
	}
	if l.storeID == "" {
		return l, true
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, a := range assignments {
		k := a.PrincipalType + "|" + a.PrincipalID
		mu.Lock()
		_, ok := l.principals[k]
		l.principals[k] = true // placeholder until the lookup answers
		mu.Unlock()
		if ok {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(typ, id, k string) {
			defer func() { <-sem; wg.Done() }()
			ok, err := c.principalExists(ctx, l.storeID, typ, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				delete(l.principals, k)
				l.skipped = append(l.skipped, fmt.Sprintf("looking up %s %s: %v", typ, id, err))
				return
			}
			l.principals[k] = ok
		}(a.PrincipalType, a.PrincipalID, k)
	}
	wg.Wait()
	return l, true
}
