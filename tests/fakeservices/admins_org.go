package fakeservices

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// CloudTrail is the signing name of CloudTrail, whose delegated
// administrator Admins serves with Firewall Manager's and Audit Manager's.
const CloudTrail = "cloudtrail"

// OrgAdminPrincipals are the services of Admins whose own API registers
// their administrator as an Organizations delegated administrator for
// their principal, so that the fake keeps it in the fake organization
// (UseOrganization), where ListDelegatedAdministrators shows it:
// Firewall Manager (AssociateAdminAccount, whose API reference says it
// registers the account with Organizations), Audit Manager
// (RegisterOrganizationAdminAccount) and CloudTrail
// (RegisterOrganizationDelegatedAdmin).
var OrgAdminPrincipals = map[string]string{
	FMS:          "fms.amazonaws.com",
	AuditManager: "auditmanager.amazonaws.com",
	CloudTrail:   "cloudtrail.amazonaws.com",
}

// UseOrganization makes org hold the administrators of OrgAdminPrincipals'
// services; their calls fail without one.
func (a *Admins) UseOrganization(org *fakeorg.Server) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.org = org
}

// Operations of the services of OrgAdminPrincipals, by the request that
// names them: JSON 1.1 targets for Firewall Manager and CloudTrail,
// REST-JSON method and path for Audit Manager (aws-sdk-go-v2's
// serializers.go of each service).
var orgAdminOps = map[string]string{
	"fms AWSFMS_20180101.AssociateAdminAccount":                           "AssociateAdminAccount",
	"fms AWSFMS_20180101.GetAdminAccount":                                 "GetAdminAccount",
	"fms AWSFMS_20180101.DisassociateAdminAccount":                        "DisassociateAdminAccount",
	"cloudtrail CloudTrail_20131101.RegisterOrganizationDelegatedAdmin":   "RegisterOrganizationDelegatedAdmin",
	"cloudtrail CloudTrail_20131101.DeregisterOrganizationDelegatedAdmin": "DeregisterOrganizationDelegatedAdmin",
	"auditmanager POST /account/registerOrganizationAdminAccount":         "RegisterOrganizationAdminAccount",
	"auditmanager GET /account/organizationAdminAccount":                  "GetOrganizationAdminAccount",
	"auditmanager POST /account/deregisterOrganizationAdminAccount":       "DeregisterOrganizationAdminAccount",
}

// orgAdminCall is one call of a service of OrgAdminPrincipals.
type orgAdminCall struct {
	a               *Admins
	org             *fakeorg.Server
	w               http.ResponseWriter
	service, region string
	principal, op   string
	body            map[string]string
	json11          bool
}

// serveOrgAdmin answers a call of a service of OrgAdminPrincipals. Only the
// management account may call them (the services' error for another
// caller: Firewall Manager's InvalidOperationException, CloudTrail's
// NotOrganizationManagementAccountException, Audit Manager's
// AccessDeniedException). Firewall Manager's and CloudTrail's administrator
// is one for the organization; Audit Manager's is designated per Region,
// the same account in every Region (its user guide), and stays registered
// with Organizations while a Region has it.
func (a *Admins) serveOrgAdmin(w http.ResponseWriter, r *http.Request, region, service string) {
	key := service + " " + r.Header.Get("X-Amz-Target")
	json11 := service != AuditManager
	if !json11 {
		key = service + " " + r.Method + " " + r.URL.Path
	}
	op, ok := orgAdminOps[key]
	c := &orgAdminCall{a: a, w: w, service: service, region: region, principal: OrgAdminPrincipals[service],
		op: op, json11: json11, body: map[string]string{}}
	if !ok {
		c.fail(http.StatusBadRequest, "UnknownOperationException", "no operation of "+service+" at "+key)
		return
	}
	if r.Method == http.MethodPost {
		data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if len(data) > 0 {
			if err := json.Unmarshal(data, &c.body); err != nil {
				c.fail(http.StatusBadRequest, map[bool]string{true: "SerializationException",
					false: "ValidationException"}[json11], "the request body is not a JSON object of strings")
				return
			}
		}
	}
	a.mu.Lock()
	a.calls[service+":"+op]++
	c.org = a.org
	denied := a.unreadable[service]
	caller := AssumedAccount(r)
	if caller == "" {
		caller = a.caller
	}
	a.mu.Unlock()
	switch {
	case c.org == nil:
		c.fail(http.StatusInternalServerError, "InternalErrorException", "the fake has no organization: "+
			"call Admins.UseOrganization")
		return
	case denied:
		c.fail(http.StatusForbidden, "AccessDeniedException", "User is not authorized to perform: "+service+":"+op)
		return
	}
	if caller == c.org.ManagementAccountID() {
		caller = c.org.CallerAccountID()
	}
	if caller != c.org.ManagementAccountID() {
		switch service {
		case FMS:
			c.fail(http.StatusBadRequest, "InvalidOperationException", "Account "+caller+" is not the "+
				"organization's management account: only it can manage the Firewall Manager administrator.")
		case CloudTrail:
			c.fail(http.StatusBadRequest, "NotOrganizationManagementAccountException", "This operation can be "+
				"performed only with the management account of an organization.")
		default:
			c.fail(http.StatusForbidden, "AccessDeniedException", "Your account isn't registered with AWS Audit "+
				"Manager. Check the delegated administrator setup on the Audit Manager settings page, and try again.")
		}
		return
	}
	switch service {
	case FMS:
		c.fms()
	case CloudTrail:
		c.cloudTrail()
	default:
		c.auditManager()
	}
}

// account is the 12-digit account ID of the body's field, or "" after
// answering the service's validation error.
func (c *orgAdminCall) account(field string) string {
	acct := c.body[field]
	if !accountIDPattern.MatchString(acct) {
		code := map[string]string{FMS: "InvalidInputException", CloudTrail: "InvalidParameterException",
			AuditManager: "ValidationException"}[c.service]
		c.fail(http.StatusBadRequest, code, fmt.Sprintf("%s %q must be a 12-digit AWS account ID", field, acct))
		return ""
	}
	if !c.org.HasAccount(acct) {
		code := map[string]string{FMS: "InvalidInputException", CloudTrail: "AccountNotFoundException",
			AuditManager: "ValidationException"}[c.service]
		c.fail(http.StatusBadRequest, code, "Account "+acct+" is not a member of the organization.")
		return ""
	}
	return acct
}

// fms answers Firewall Manager's AssociateAdminAccount (which enables its
// trusted access, as the console does, and registers the account),
// GetAdminAccount and DisassociateAdminAccount. GetAdminAccount's
// RoleStatus is what Organizations' reads show (they lag the writes under
// fakeorg's Options.Consistency): CREATING until the registration shows,
// READY, DELETING while a removed one still shows; ResourceNotFoundException
// when there is none.
func (c *orgAdminCall) fms() {
	current := c.org.DelegatedAdmins(c.principal)
	switch c.op {
	case "AssociateAdminAccount":
		acct := c.account("AdminAccount")
		switch {
		case acct == "":
			return
		case acct == c.org.ManagementAccountID():
			c.fail(http.StatusBadRequest, "InvalidOperationException", "The management account cannot be the "+
				"Firewall Manager default administrator account.")
			return
		case len(current) > 0 && current[0] != acct:
			c.fail(http.StatusBadRequest, "InvalidOperationException", "Account "+current[0]+" is already the "+
				"Firewall Manager default administrator account: disassociate it first.")
			return
		}
		c.org.EnableOutOfBand(c.principal)
		c.org.RegisterOutOfBand(c.principal, acct)
		c.ok(nil)
	case "GetAdminAccount":
		seen := c.org.ReadDelegatedAdmins(c.principal)
		switch {
		case len(current) > 0 && len(seen) == 0:
			c.ok(map[string]string{"AdminAccount": current[0], "RoleStatus": "CREATING"})
		case len(current) > 0:
			c.ok(map[string]string{"AdminAccount": current[0], "RoleStatus": "READY"})
		case len(seen) > 0:
			c.ok(map[string]string{"AdminAccount": seen[0], "RoleStatus": "DELETING"})
		default:
			c.fail(http.StatusBadRequest, "ResourceNotFoundException", "No default administrator account is "+
				"associated with the organization.")
		}
	case "DisassociateAdminAccount":
		if len(current) == 0 {
			c.fail(http.StatusBadRequest, "ResourceNotFoundException", "No default administrator account is "+
				"associated with the organization.")
			return
		}
		c.org.DeregisterOutOfBand(c.principal, current[0])
		c.ok(nil)
	}
}

// cloudTrailMaxAdmins is how many delegated administrators CloudTrail
// allows an organization (its user guide: up to three).
const cloudTrailMaxAdmins = 3

// cloudTrail answers CloudTrail's RegisterOrganizationDelegatedAdmin, which
// needs trusted access for cloudtrail.amazonaws.com enabled first, and
// DeregisterOrganizationDelegatedAdmin, with the errors of its API
// reference.
func (c *orgAdminCall) cloudTrail() {
	field := map[string]string{"RegisterOrganizationDelegatedAdmin": "MemberAccountId",
		"DeregisterOrganizationDelegatedAdmin": "DelegatedAdminAccountId"}[c.op]
	acct := c.account(field)
	if acct == "" {
		return
	}
	if _, ok := c.org.EnabledPrincipals()[c.principal]; !ok {
		c.fail(http.StatusBadRequest, "CloudTrailAccessNotEnabledException", "Trusted access for "+c.principal+
			" is not enabled in the organization: enable it (EnableAWSServiceAccess) first.")
		return
	}
	current := c.org.DelegatedAdmins(c.principal)
	has := slices.Contains(current, acct)
	switch {
	case c.op == "DeregisterOrganizationDelegatedAdmin" && !has:
		c.fail(http.StatusBadRequest, "AccountNotRegisteredException", "Account "+acct+" is not registered as "+
			"the CloudTrail delegated administrator.")
		return
	case c.op == "DeregisterOrganizationDelegatedAdmin":
		c.org.DeregisterOutOfBand(c.principal, acct)
	case acct == c.org.ManagementAccountID():
		c.fail(http.StatusBadRequest, "CannotDelegateManagementAccountException", "The management account "+
			"cannot be registered as the CloudTrail delegated administrator.")
		return
	case has:
		c.fail(http.StatusBadRequest, "AccountRegisteredException", "Account "+acct+" is already registered as "+
			"the CloudTrail delegated administrator.")
		return
	case len(current) >= cloudTrailMaxAdmins:
		c.fail(http.StatusBadRequest, "DelegatedAdminAccountLimitExceededException", fmt.Sprintf("The "+
			"organization already has %d CloudTrail delegated administrators.", cloudTrailMaxAdmins))
		return
	default:
		c.org.RegisterOutOfBand(c.principal, acct)
	}
	c.ok(nil)
}

// auditManager answers Audit Manager's RegisterOrganizationAdminAccount
// (trusted access for auditmanager.amazonaws.com enabled first, as the
// Organizations user guide's page for Audit Manager says; one account in
// every Region: another answers its user guide's ValidationException
// "Cannot change delegated Admin ..."), GetOrganizationAdminAccount
// (ResourceNotFoundException when the Region has none) and
// DeregisterOrganizationAdminAccount.
func (c *orgAdminCall) auditManager() {
	c.a.mu.Lock()
	if c.a.admins[AuditManager] == nil {
		c.a.admins[AuditManager] = map[string][]string{}
	}
	regions := c.a.admins[AuditManager]
	here := append([]string(nil), regions[c.region]...)
	c.a.mu.Unlock()
	switch c.op {
	case "GetOrganizationAdminAccount":
		if len(here) == 0 {
			c.fail(http.StatusNotFound, "ResourceNotFoundException", "No delegated administrator is registered "+
				"in "+c.region+".")
			return
		}
		c.ok(map[string]string{"adminAccountId": here[0], "organizationId": fakeorg.OrganizationID})
		return
	case "DeregisterOrganizationAdminAccount":
		acct := c.account("adminAccountId")
		if acct == "" {
			return
		}
		if !slices.Contains(here, acct) {
			c.fail(http.StatusNotFound, "ResourceNotFoundException", "Account "+acct+" is not the delegated "+
				"administrator in "+c.region+".")
			return
		}
		c.a.mu.Lock()
		delete(regions, c.region)
		elsewhere := false
		for _, accts := range regions {
			elsewhere = elsewhere || slices.Contains(accts, acct)
		}
		c.a.mu.Unlock()
		if !elsewhere {
			c.org.DeregisterOutOfBand(c.principal, acct)
		}
		c.ok(map[string]string{})
		return
	}
	acct := c.account("adminAccountId")
	if acct == "" {
		return
	}
	if _, ok := c.org.EnabledPrincipals()[c.principal]; !ok {
		c.fail(http.StatusBadRequest, "ValidationException", "Trusted access for "+c.principal+" is not "+
			"enabled in the organization: enable it before you designate a delegated administrator.")
		return
	}
	if acct == c.org.ManagementAccountID() {
		c.fail(http.StatusBadRequest, "ValidationException", "You can't use your AWS Organizations management "+
			"account as a delegated administrator in Audit Manager.")
		return
	}
	c.a.mu.Lock()
	other := ""
	for _, accts := range regions {
		for _, x := range accts {
			if x != acct {
				other = x
			}
		}
	}
	if other == "" {
		regions[c.region] = []string{acct}
	}
	c.a.mu.Unlock()
	if other != "" {
		c.fail(http.StatusBadRequest, "ValidationException", "Cannot change delegated Admin for an active account "+
			c.org.ManagementAccountID()+" from "+other+" to "+acct)
		return
	}
	c.org.RegisterOutOfBand(c.principal, acct)
	c.ok(map[string]string{"adminAccountId": acct, "organizationId": fakeorg.OrganizationID})
}

func (c *orgAdminCall) ok(out map[string]string) {
	if c.json11 {
		c.w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	} else {
		c.w.Header().Set("Content-Type", "application/json")
	}
	if out == nil {
		out = map[string]string{}
	}
	_ = json.NewEncoder(c.w).Encode(out)
}

// fail answers an error in the service's protocol: JSON 1.1's __type, or
// REST-JSON's X-Amzn-ErrorType.
func (c *orgAdminCall) fail(status int, code, message string) {
	if !c.json11 {
		restError(c.w, status, code, message)
		return
	}
	c.w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	c.w.WriteHeader(status)
	_ = json.NewEncoder(c.w).Encode(map[string]string{"__type": code, "Message": message, "message": message})
}
