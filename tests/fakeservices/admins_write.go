package fakeservices

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
)

// adminWrite is one write operation of a service's own delegated-administrator
// API: the request that designates (enable) or removes (disable) an account.
type adminWrite struct {
	service, method, path, op string
	// field is the JSON body field holding the account ID ("" for
	// Detective's disable, which removes the current administrator).
	field  string
	enable bool
}

// adminWrites are the calls pulumi-aws's resources make, as the services'
// API references give them: GuardDuty Enable/DisableOrganizationAdminAccount
// (POST /admin/enable, /admin/disable), Security Hub the same at
// /organization/admin/enable and /disable, Macie EnableOrganizationAdminAccount
// (POST /admin) and DisableOrganizationAdminAccount (DELETE /admin?adminAccountId=),
// Detective Enable/DisableOrganizationAdminAccount (POST /orgs/enableAdminAccount,
// /orgs/disableAdminAccount) and Inspector Enable/DisableDelegatedAdminAccount
// (POST /delegatedadminaccounts/enable, /disable).
var adminWrites = []adminWrite{
	{GuardDuty, http.MethodPost, "/admin/enable", "EnableOrganizationAdminAccount", "adminAccountId", true},
	{GuardDuty, http.MethodPost, "/admin/disable", "DisableOrganizationAdminAccount", "adminAccountId", false},
	{SecurityHub, http.MethodPost, "/organization/admin/enable", "EnableOrganizationAdminAccount", "AdminAccountId", true},
	{SecurityHub, http.MethodPost, "/organization/admin/disable", "DisableOrganizationAdminAccount", "AdminAccountId", false},
	{Macie, http.MethodPost, "/admin", "EnableOrganizationAdminAccount", "adminAccountId", true},
	{Macie, http.MethodDelete, "/admin", "DisableOrganizationAdminAccount", "", false},
	{Detective, http.MethodPost, "/orgs/enableAdminAccount", "EnableOrganizationAdminAccount", "AccountId", true},
	{Detective, http.MethodPost, "/orgs/disableAdminAccount", "DisableOrganizationAdminAccount", "", false},
	{Inspector, http.MethodPost, "/delegatedadminaccounts/enable", "EnableDelegatedAdminAccount", "delegatedAdminAccountId", true},
	{Inspector, http.MethodPost, "/delegatedadminaccounts/disable", "DisableDelegatedAdminAccount", "delegatedAdminAccountId", false},
}

// serveWrite answers a write of adminWrites and reports whether r was one.
// An organization has one administrator per service and Region: enabling a
// second account is a BadRequestException (ConflictException for Inspector),
// disabling an account that is not the administrator a
// ResourceNotFoundException (BadRequestException for GuardDuty, as it answers).
func (a *Admins) serveWrite(w http.ResponseWriter, r *http.Request, region, service string) bool {
	i := slices.IndexFunc(adminWrites, func(x adminWrite) bool {
		return x.service == service && x.method == r.Method && x.path == r.URL.Path
	})
	if i < 0 {
		return false
	}
	op := adminWrites[i]
	account := ""
	switch {
	case service == Macie && !op.enable:
		account = r.URL.Query().Get("adminAccountId")
	case op.field != "":
		var body map[string]any
		data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err := json.Unmarshal(data, &body); err != nil {
			restError(w, http.StatusBadRequest, "BadRequestException", "the request body is not JSON: "+err.Error())
			return true
		}
		account, _ = body[op.field].(string)
	}
	a.mu.Lock()
	a.calls[service+":"+op.op]++
	denied := a.unreadable[service]
	current := a.admins[service][region]
	a.mu.Unlock()
	if denied {
		restError(w, http.StatusForbidden, "AccessDeniedException", "User is not authorized to perform: "+service+":"+op.op)
		return true
	}
	if service == Detective && !op.enable && len(current) > 0 {
		account = current[0]
	}
	if !accountIDPattern.MatchString(account) {
		restError(w, http.StatusBadRequest, "ValidationException", "the account ID "+account+" is not 12 digits")
		return true
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.admins[service] == nil {
		a.admins[service] = map[string][]string{}
	}
	has := slices.Contains(a.admins[service][region], account)
	switch {
	case op.enable && has:
		// Enabling the administrator again succeeds (the services are idempotent here).
	case op.enable && len(a.admins[service][region]) > 0:
		code := "BadRequestException"
		if service == Inspector {
			code = "ConflictException"
		}
		restError(w, http.StatusBadRequest, code, "the organization already has an administrator account in "+region)
		return true
	case op.enable:
		a.admins[service][region] = []string{account}
	case !has:
		code := "ResourceNotFoundException"
		if service == GuardDuty {
			code = "BadRequestException"
		}
		restError(w, http.StatusNotFound, code, "account "+account+" is not the administrator account in "+region)
		return true
	default:
		a.admins[service][region] = slices.DeleteFunc(a.admins[service][region], func(s string) bool { return s == account })
	}
	w.Header().Set("Content-Type", "application/json")
	if service == Inspector {
		_ = json.NewEncoder(w).Encode(map[string]string{"delegatedAdminAccountId": account})
		return true
	}
	_, _ = w.Write([]byte("{}"))
	return true
}

// Designated returns the administrators designated now, by service and Region.
func (a *Admins) Designated() map[string]map[string][]string {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := map[string]map[string][]string{}
	for service, regions := range a.admins {
		out[service] = map[string][]string{}
		for region, accounts := range regions {
			out[service][region] = append([]string(nil), accounts...)
		}
	}
	return out
}
