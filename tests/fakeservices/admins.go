package fakeservices

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"

	"sync"
)

// Admins fakes the services' own delegated-administrator APIs, per Region: the
// writes pulumi-aws's resources make (admins_write.go), and the reads as
// `orgtrust discover` calls them: GuardDuty, Security
// Hub and Macie (REST-JSON GET lists), Detective and Inspector (REST-JSON
// POST lists), Audit Manager (REST-JSON GET of the one administrator) and
// Firewall Manager (JSON 1.1 GetAdminAccount). A request's service and
// Region are those its SigV4 credential scope names, so one endpoint serves
// them all, as AWS_ENDPOINT_URL points every client at one URL.
type Admins struct {
	mu     sync.Mutex
	admins map[string]map[string][]string // service -> region -> accounts
	calls  map[string]int                 // "service:Operation" -> calls
	// Unreadable services answer AccessDeniedException.
	unreadable map[string]bool
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
	return &Admins{admins: map[string]map[string][]string{}, calls: map[string]int{}, unreadable: map[string]bool{}}
}

// Set designates account as service's administrator in region.
func (a *Admins) Set(service, region, account string) {
	a.mu.Lock()
	defer a.mu.Unlock()
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

// scopePattern reads the Region and service of a SigV4 credential scope.
var scopePattern = regexp.MustCompile(`Credential=[^/]+/\d{8}/([^/]+)/([^/]+)/aws4_request`)

// Scope returns the Region and signing name of a signed request.
func Scope(r *http.Request) (region, service string, ok bool) {
	m := scopePattern.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// Serves says whether the fake serves the service.
func (a *Admins) Serves(service string) bool {
	switch service {
	case GuardDuty, SecurityHub, Macie, Detective, Inspector, AuditManager, FMS:
		return true
	}
	return false
}

// ServeHTTP answers one call.
func (a *Admins) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	region, service, ok := Scope(r)
	if !ok {
		restError(w, http.StatusForbidden, "MissingAuthenticationTokenException", "the request must be signed")
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
	case service == AuditManager && r.Method == http.MethodGet && r.URL.Path == "/account/organizationAdminAccount":
		op = "GetOrganizationAdminAccount"
	case service == FMS && r.Header.Get("X-Amz-Target") == "AWSFMS_20180101.GetAdminAccount":
		op = "GetAdminAccount"
	default:
		restError(w, http.StatusNotFound, "UnknownOperationException", "no operation of "+service+" at "+r.Method+" "+
			r.URL.Path)
		return
	}
	a.mu.Lock()
	a.calls[service+":"+op]++
	denied := a.unreadable[service]
	accounts := append([]string{}, a.admins[service][region]...)
	a.mu.Unlock()
	if denied {
		restError(w, http.StatusForbidden, "AccessDeniedException", "User is not authorized to perform: "+service+":"+op)
		return
	}
	var out any
	switch service {
	case GuardDuty:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"adminAccountId": acct, "adminStatus": "ENABLED"})
		}
		out = map[string]any{"adminAccounts": items}
	case SecurityHub:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"AccountId": acct, "Status": "ENABLED"})
		}
		out = map[string]any{"AdminAccounts": items}
	case Macie:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"accountId": acct, "status": "ENABLED"})
		}
		out = map[string]any{"adminAccounts": items}
	case Detective:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"AccountId": acct,
				"GraphArn": "arn:aws:detective:" + region + ":" + acct + ":graph:0123456789abcdef"})
		}
		out = map[string]any{"Administrators": items}
	case Inspector:
		items := []map[string]string{}
		for _, acct := range accounts {
			items = append(items, map[string]string{"accountId": acct, "status": "ENABLED"})
		}
		out = map[string]any{"delegatedAdminAccounts": items}
	case AuditManager:
		if len(accounts) == 0 {
			restError(w, http.StatusNotFound, "ResourceNotFoundException", "No delegated administrator is registered.")
			return
		}
		out = map[string]any{"adminAccountId": accounts[0], "organizationId": "o-exampleorgid"}
	case FMS:
		if len(accounts) == 0 {
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{"__type": "ResourceNotFoundException",
				"Message": "The administrator account is not associated."})
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		_ = json.NewEncoder(w).Encode(map[string]string{"AdminAccount": accounts[0], "RoleStatus": "READY"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func restError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("X-Amzn-ErrorType", code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": message, "Message": message})
}
