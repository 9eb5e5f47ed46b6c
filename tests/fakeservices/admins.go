package fakeservices

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// Admins fakes the services' own delegated-administrator APIs, per Region: the
// writes pulumi-aws's resources make (admins_write.go), and the reads as
// `orgtrust discover` calls them: GuardDuty, Security
// Hub and Macie (REST-JSON GET lists), Detective and Inspector (REST-JSON
// POST lists); and the whole of Firewall Manager's, Audit Manager's and
// CloudTrail's, which keep their administrator in the fake organization
// (admins_org.go). A request's service and
// Region are those its SigV4 credential scope names, so one endpoint serves
// them all, as AWS_ENDPOINT_URL points every client at one URL.
type Admins struct {
	mu     sync.Mutex
	admins map[string]map[string][]string // service -> region -> accounts
	calls  map[string]int                 // "service:Operation" -> calls
	// Unreadable services answer AccessDeniedException.
	unreadable map[string]bool
	// caller and mgmt: a caller that is not the management account is
	// refused, as these lists are the management account's.
	caller, mgmt string
	pageSize     int
	// org holds the administrators of OrgAdminPrincipals' services.
	org *fakeorg.Server
}

// SetCallerAccountID changes the account later calls come from: an account
// other than the management account (111111111111) gets
// AccessDeniedException, as the services answer their organization
// administrator lists to the management account only.
func (a *Admins) SetCallerAccountID(id string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.caller = id
}

// Signing names of the services Admins serves.
const (
	GuardDuty    = "guardduty"
	SecurityHub  = "securityhub"
	Macie        = "macie2"
	Detective    = "detective"
	Inspector    = "inspector2"
	AuditManager = "auditmanager"
	FMS          = "fms"
)

// NewAdmins returns an empty fake: no administrator anywhere.
func NewAdmins() *Admins {
	return &Admins{admins: map[string]map[string][]string{}, calls: map[string]int{}, unreadable: map[string]bool{},
		caller: fakeorg.DefaultManagementAccountID, mgmt: fakeorg.DefaultManagementAccountID, pageSize: 1}
}

// Set designates account as service's administrator in region; for the
// services of OrgAdminPrincipals it registers the account in the
// organization too (UseOrganization first).
func (a *Admins) Set(service, region, account string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if p, ok := OrgAdminPrincipals[service]; ok {
		a.org.RegisterOutOfBand(p, account)
		if service != AuditManager {
			return
		}
	}
	if a.admins[service] == nil {
		a.admins[service] = map[string][]string{}
	}
	a.admins[service][region] = append(a.admins[service][region], account)
	sort.Strings(a.admins[service][region])
}

// Deny makes every call to service answer AccessDeniedException.
func (a *Admins) Deny(service string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.unreadable[service] = true
}

// Calls returns the calls made so far, by "service:Operation".
func (a *Admins) Calls() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := map[string]int{}
	for k, v := range a.calls {
		out[k] = v
	}
	return out
}

// Scope returns the Region and signing name of a signed request.
func Scope(r *http.Request) (region, service string, ok bool) { return fakeaws.Scope(r) }

// Serves says whether the fake serves the service.
func (a *Admins) Serves(service string) bool {
	switch service {
	case GuardDuty, SecurityHub, Macie, Detective, Inspector, AuditManager, FMS, CloudTrail:
		return true
	}
	return false
}

// ServeHTTP answers one call.
func (a *Admins) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	region, service, ok := Scope(r)
	if !ok || !a.Serves(service) {
		service = "guardduty" // a scope with no service the fake serves: name one
	}
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", service); e != nil {
		restError(w, e.Status, e.Code, e.Message)
		return
	}
	if _, ok := OrgAdminPrincipals[service]; ok {
		a.serveOrgAdmin(w, r, region, service)
		return
	}
	if a.serveWrite(w, r, region, service) {
		return
	}
	op := ""
	switch {
	case service == GuardDuty && r.Method == http.MethodGet && r.URL.Path == "/admin",
		service == SecurityHub && r.Method == http.MethodGet && r.URL.Path == "/organization/admin",
		service == Macie && r.Method == http.MethodGet && r.URL.Path == "/admin",
		service == Detective && r.Method == http.MethodPost && r.URL.Path == "/orgs/adminAccountslist":
		op = "ListOrganizationAdminAccounts"
	case service == Inspector && r.Method == http.MethodPost && r.URL.Path == "/delegatedadminaccounts/list":
		op = "ListDelegatedAdminAccounts"
	default:
		restError(w, http.StatusNotFound, "UnknownOperationException", "no operation of "+service+" at "+r.Method+" "+
			r.URL.Path)
		return
	}
	a.mu.Lock()
	a.calls[service+":"+op]++
	denied := a.unreadable[service] || a.caller != a.mgmt
	all := append([]string{}, a.admins[service][region]...)
	pageSize := a.pageSize
	a.mu.Unlock()
	if denied {
		restError(w, http.StatusForbidden, "AccessDeniedException", "User is not authorized to perform: "+service+":"+op)
		return
	}
	// The lists page: each service's NextToken and MaxResults, in the query
	// (GET) or the body (POST), with the case its API uses.
	accounts, next := a.page(r, all, pageSize)
	tokenKey := "nextToken"
	if service == SecurityHub || service == Detective {
		tokenKey = "NextToken"
	}
	var out any
	switch service {
	case GuardDuty:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"adminAccountId": acct, "adminStatus": "ENABLED"})
		}
		out = withToken(map[string]any{"adminAccounts": items}, tokenKey, next)
	case SecurityHub:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"AccountId": acct, "Status": "ENABLED"})
		}
		out = withToken(map[string]any{"AdminAccounts": items}, tokenKey, next)
	case Macie:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"accountId": acct, "status": "ENABLED"})
		}
		out = withToken(map[string]any{"adminAccounts": items}, tokenKey, next)
	case Detective:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"AccountId": acct,
				"GraphArn": "arn:aws:detective:" + region + ":" + acct + ":graph:0123456789abcdef"})
		}
		out = withToken(map[string]any{"Administrators": items}, tokenKey, next)
	case Inspector:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"accountId": acct, "status": "ENABLED"})
		}
		out = withToken(map[string]any{"delegatedAdminAccounts": items}, tokenKey, next)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// page returns the accounts of one page of a list and the next page's token
// ("" on the last): the request's NextToken (an index) and MaxResults, read
// from the query or the JSON body whatever their case, at most pageSize.
func (a *Admins) page(r *http.Request, accounts []string, pageSize int) ([]string, string) {
	params := map[string]any{}
	if r.Method == http.MethodPost {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		_ = json.Unmarshal(body, &params)
	}
	for k, v := range r.URL.Query() {
		params[k] = v[0]
	}
	start, size := 0, pageSize
	for k, v := range params {
		switch strings.ToLower(k) {
		case "nexttoken":
			start, _ = strconv.Atoi(fmt.Sprint(v))
		case "maxresults":
			if n, err := strconv.Atoi(fmt.Sprint(v)); err == nil && n > 0 && n < size {
				size = n
			}
		}
	}
	start = min(max(start, 0), len(accounts))
	end := min(start+size, len(accounts))
	if end < len(accounts) {
		return accounts[start:end], strconv.Itoa(end)
	}
	return accounts[start:end], ""
}

func withToken(out map[string]any, key, next string) map[string]any {
	if next != "" {
		out[key] = next
	}
	return out
}

func restError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("X-Amzn-ErrorType", code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": message, "Message": message})
}
