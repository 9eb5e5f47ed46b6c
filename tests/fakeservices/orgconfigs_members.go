package fakeservices

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// The write side of Macie's, Inspector's and Detective's organization
// configuration, in the administrator's account, as the stand-in aws
// plugin's resources call it (the paths of aws-sdk-go-v2's serializers):
//
//   - Macie: UpdateOrganizationConfiguration (PATCH /admin/configuration);
//     its members: CreateMember (POST /members), GetMember and DeleteMember
//     (GET and DELETE /members/{id}), DisassociateMember (POST
//     /members/disassociate/{id}).
//   - Inspector: UpdateOrganizationConfiguration (POST
//     /organizationconfiguration/update); its members: AssociateMember,
//     GetMember, DisassociateMember (POST /members/associate, /get,
//     /disassociate); the scans: Enable, Disable and BatchGetAccountStatus
//     (POST /enable, /disable, /status/batch/get).
//   - Detective: the behavior graph: CreateGraph (POST /graph), DeleteGraph
//     (POST /graph/removal), ListGraphs (orgconfigs_lists.go);
//     UpdateOrganizationConfiguration (POST
//     /orgs/updateOrganizationConfiguration); its members: CreateMembers,
//     GetMembers, ListMembers, DeleteMembers (POST /graph/members, /get,
//     /list, /removal).
//
// They share the store of the reads (DescribeOrganizationConfiguration,
// ListGraphs), so that discover sees what the writes made. As AWS makes it on
// delegation, a designated administrator (UseAdmins) has the configuration at
// its defaults, and Detective's behavior graph (CreateGraph then returns it,
// as AWS documents: "If the same account calls CreateGraph with the same
// administrator account, it always returns the same behavior graph ARN").
// Members must be accounts of the organization that UseOrganization gives,
// with the email it lists.

// AccountDirectory is what the member calls check an account against: the
// organization's accounts and their emails (fakeorg.Server).
type AccountDirectory interface {
	HasAccount(account string) bool
	AccountEmail(account string) string
}

// UseOrganization makes the member calls accept only org's accounts, with
// their emails.
func (o *OrgConfigs) UseOrganization(org AccountDirectory) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.org = org
}

// memberState is the members and scans of the three services, with
// OrgConfigs' lock held.
type memberState struct {
	// macie and inspector: admin/region -> account -> the member's JSON.
	macie, inspector map[string]map[string]map[string]any
	// scans: region -> account -> Inspector's resource type -> enabled.
	scans map[string]map[string]map[string]bool
	// detective: graph ARN -> account -> the MemberDetail JSON.
	detective map[string]map[string]map[string]any
}

func newMemberState() *memberState {
	return &memberState{macie: map[string]map[string]map[string]any{},
		inspector: map[string]map[string]map[string]any{}, scans: map[string]map[string]map[string]bool{},
		detective: map[string]map[string]map[string]any{}}
}

// memberTime is the fakes' fixed timestamp, ISO 8601 and in epoch seconds
// (Inspector's restjson timestamps are epoch seconds).
const (
	memberTime      = "2026-01-01T00:00:00Z"
	memberTimeEpoch = 1767225600
)

// inspectorScanTypes are Inspector's resource scan types, with their keys in
// ResourceState and AutoEnable.
var inspectorScanTypes = map[string]string{"EC2": "ec2", "ECR": "ecr", "LAMBDA": "lambda",
	"LAMBDA_CODE": "lambdaCode", "CODE_REPOSITORY": "codeRepository"}

// memberOperation names the member and configuration writes of Macie,
// Inspector and Detective by method and path, as orgConfigOperation does.
func memberOperation(r *http.Request) (service, op string) {
	m, p := r.Method, r.URL.Path
	post := m == http.MethodPost
	switch {
	case m == http.MethodPatch && p == "/admin/configuration":
		return Macie, "UpdateOrganizationConfiguration"
	case post && p == "/members":
		return Macie, "CreateMember"
	case m == http.MethodGet && strings.HasPrefix(p, "/members/") && strings.Count(p, "/") == 2:
		return Macie, "GetMember"
	case m == http.MethodDelete && strings.HasPrefix(p, "/members/") && strings.Count(p, "/") == 2:
		return Macie, "DeleteMember"
	case post && strings.HasPrefix(p, "/members/disassociate/"):
		return Macie, "DisassociateMember"
	case post && p == "/organizationconfiguration/update":
		return Inspector, "UpdateOrganizationConfiguration"
	case post && p == "/members/associate":
		return Inspector, "AssociateMember"
	case post && p == "/members/get":
		return Inspector, "GetMember"
	case post && p == "/members/disassociate":
		return Inspector, "DisassociateMember"
	case post && p == "/enable":
		return Inspector, "Enable"
	case post && p == "/disable":
		return Inspector, "Disable"
	case post && p == "/status/batch/get":
		return Inspector, "BatchGetAccountStatus"
	case post && p == "/graph":
		return Detective, "CreateGraph"
	case post && p == "/graph/removal":
		return Detective, "DeleteGraph"
	case post && p == "/orgs/updateOrganizationConfiguration":
		return Detective, "UpdateOrganizationConfiguration"
	case post && p == "/graph/members":
		return Detective, "CreateMembers"
	case post && p == "/graph/members/get":
		return Detective, "GetMembers"
	case post && p == "/graph/members/list":
		return Detective, "ListMembers"
	case post && p == "/graph/members/removal":
		return Detective, "DeleteMembers"
	}
	return "", ""
}

// serveMembers answers a call of memberOperation from caller, who must be
// the service's administrator in region, and reports whether r was one.
func (o *OrgConfigs) serveMembers(w http.ResponseWriter, r *http.Request, region, service, op, caller string) bool {
	if s, _ := memberOperation(r); s == "" || s != service {
		return false
	}
	body := map[string]any{}
	if data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20)); len(data) > 0 {
		if err := json.Unmarshal(data, &body); err != nil {
			restError(w, http.StatusBadRequest, "ValidationException", "the body is not JSON: "+err.Error())
			return true
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls[service+":"+op]++
	c := o.current(service, region, caller)
	if c == nil || caller == "" || c.Admin != caller {
		restError(w, http.StatusForbidden, "AccessDeniedException", "The request is rejected because the current "+
			"account is not the delegated administrator of the organization in "+region)
		return true
	}
	switch service {
	case Macie:
		o.macieWrite(w, r, region, op, c, body)
	case Inspector:
		o.inspectorWrite(w, region, op, c, body)
	case Detective:
		o.detectiveWrite(w, region, op, c, body)
	}
	return true
}

// memberCheck is why account cannot be a member of admin's organization
// configuration, "" when it can: it must be another account of the
// organization, with email when one is given.
func (o *OrgConfigs) memberCheck(admin, account, email string) string {
	switch {
	case !accountIDPattern.MatchString(account):
		return "the account ID " + account + " is not 12 digits"
	case account == admin:
		return "the administrator account cannot be its own member"
	case o.org != nil && !o.org.HasAccount(account):
		return "the account " + account + " is not part of the organization"
	case o.org != nil && email != "" && !strings.EqualFold(email, o.org.AccountEmail(account)):
		return "the email address " + email + " is not the email address of account " + account
	}
	return ""
}

// macieWrite answers Macie's configuration and member calls.
func (o *OrgConfigs) macieWrite(w http.ResponseWriter, r *http.Request, region, op string, c *OrgConfig,
	body map[string]any,
) {
	key := c.Admin + "/" + region
	members := o.members.macie[key]
	if members == nil {
		members = map[string]map[string]any{}
		o.members.macie[key] = members
	}
	id, _ := url.PathUnescape(r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:])
	notFound := func() {
		restError(w, http.StatusNotFound, "ResourceNotFoundException", "The request failed because the specified "+
			"resource wasn't found: member "+id)
	}
	switch op {
	case "UpdateOrganizationConfiguration":
		auto, ok := body["autoEnable"].(bool)
		if !ok {
			restError(w, http.StatusBadRequest, "ValidationException", "autoEnable is required")
			return
		}
		c.Answer["autoEnable"] = auto
		writeJSON(w, map[string]any{})
	case "CreateMember":
		acct, _ := body["account"].(map[string]any)
		account, email := str(acct["accountId"]), str(acct["email"])
		if email == "" {
			restError(w, http.StatusBadRequest, "ValidationException", "account.email is required")
			return
		}
		if why := o.memberCheck(c.Admin, account, email); why != "" {
			restError(w, http.StatusBadRequest, "ValidationException", why)
			return
		}
		if m := members[account]; m != nil && m["relationshipStatus"] != "Removed" {
			restError(w, http.StatusConflict, "ConflictException", "The request failed because the account "+
				account+" is already a member")
			return
		}
		tags, _ := body["tags"].(map[string]any)
		if tags == nil {
			tags = map[string]any{}
		}
		arn := fmt.Sprintf("arn:aws:macie2:%s:%s:member/%s", region, c.Admin, account)
		// An organization's account is enabled on creation: no invitation.
		members[account] = map[string]any{"accountId": account, "administratorAccountId": c.Admin, "arn": arn,
			"email": email, "invitedAt": memberTime, "masterAccountId": c.Admin, "relationshipStatus": "Enabled",
			"tags": tags, "updatedAt": memberTime}
		writeJSON(w, map[string]any{"arn": arn})
	case "GetMember":
		if members[id] == nil {
			notFound()
			return
		}
		writeJSON(w, members[id])
	case "DisassociateMember":
		if members[id] == nil {
			notFound()
			return
		}
		members[id]["relationshipStatus"] = "Removed"
		writeJSON(w, map[string]any{})
	case "DeleteMember":
		if members[id] == nil {
			notFound()
			return
		}
		delete(members, id)
		writeJSON(w, map[string]any{})
	}
}

// inspectorWrite answers Inspector's configuration, member and scan calls.
func (o *OrgConfigs) inspectorWrite(w http.ResponseWriter, region, op string, c *OrgConfig, body map[string]any) {
	key := c.Admin + "/" + region
	members := o.members.inspector[key]
	if members == nil {
		members = map[string]map[string]any{}
		o.members.inspector[key] = members
	}
	scans := o.members.scans[region]
	if scans == nil {
		scans = map[string]map[string]bool{}
		o.members.scans[region] = scans
	}
	invalid := func(msg string) { restError(w, http.StatusBadRequest, "ValidationException", msg) }
	associated := func(account string) bool {
		m := members[account]
		return account == c.Admin || (m != nil && m["relationshipStatus"] == "ENABLED")
	}
	account := str(body["accountId"])
	switch op {
	case "UpdateOrganizationConfiguration":
		auto, _ := body["autoEnable"].(map[string]any)
		_, ec2 := auto["ec2"].(bool)
		_, ecr := auto["ecr"].(bool)
		if !ec2 || !ecr {
			invalid("autoEnable.ec2 and autoEnable.ecr are required")
			return
		}
		if auto["lambdaCode"] == true && auto["lambda"] != true {
			invalid("autoEnable.lambdaCode needs autoEnable.lambda")
			return
		}
		cur, _ := c.Answer["autoEnable"].(map[string]any)
		cur = maps.Clone(cur)
		if cur == nil {
			cur = map[string]any{}
		}
		for _, k := range inspectorScanTypes {
			if v, ok := auto[k].(bool); ok {
				cur[k] = v
			} else if _, ok := cur[k]; !ok {
				cur[k] = false
			}
		}
		c.Answer["autoEnable"] = cur
		writeJSON(w, map[string]any{"autoEnable": cur})
	case "AssociateMember":
		if why := o.memberCheck(c.Admin, account, ""); why != "" {
			invalid(why)
			return
		}
		members[account] = map[string]any{"accountId": account, "delegatedAdminAccountId": c.Admin,
			"relationshipStatus": "ENABLED", "updatedAt": memberTimeEpoch}
		writeJSON(w, map[string]any{"accountId": account})
	case "GetMember":
		if members[account] == nil {
			restError(w, http.StatusForbidden, "AccessDeniedException", "Invoking account does not have access to get "+
				"member account "+account)
			return
		}
		writeJSON(w, map[string]any{"member": members[account]})
	case "DisassociateMember":
		if !associated(account) || account == c.Admin {
			invalid("The request is rejected because the current account cannot disassociate the given member " +
				"account ID since the latter is not yet associated to it.")
			return
		}
		members[account]["relationshipStatus"] = "REMOVED"
		// Inspector stops scanning an account that leaves.
		delete(scans, account)
		writeJSON(w, map[string]any{"accountId": account})
	case "Enable", "Disable":
		var types []string
		for _, v := range anyList(body["resourceTypes"]) {
			t := str(v)
			if _, ok := inspectorScanTypes[t]; !ok {
				invalid(fmt.Sprintf("resourceTypes: %q is not one of EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY", t))
				return
			}
			types = append(types, t)
		}
		if len(types) == 0 {
			invalid("resourceTypes needs at least one resource type")
			return
		}
		accounts := []any{}
		failed := []any{}
		ids := anyList(body["accountIds"])
		if len(ids) == 0 {
			ids = []any{c.Admin}
		}
		for _, v := range ids {
			a := str(v)
			if !associated(a) {
				failed = append(failed, map[string]any{"accountId": a, "errorCode": "ACCESS_DENIED",
					"errorMessage": "the account is not a member associated with the administrator"})
				continue
			}
			if scans[a] == nil {
				scans[a] = map[string]bool{}
			}
			for _, t := range types {
				scans[a][t] = op == "Enable"
			}
			st := inspectorStatus(scans[a])
			accounts = append(accounts, map[string]any{"accountId": a, "status": st["status"],
				"resourceStatus": st["resourceStatus"]})
		}
		writeJSON(w, map[string]any{"accounts": accounts, "failedAccounts": failed})
	case "BatchGetAccountStatus":
		accounts := []any{}
		failed := []any{}
		for _, v := range anyList(body["accountIds"]) {
			a := str(v)
			if !associated(a) {
				failed = append(failed, map[string]any{"accountId": a, "errorCode": "ACCESS_DENIED",
					"errorMessage": "the account is not a member associated with the administrator"})
				continue
			}
			st := inspectorStatus(scans[a])
			state := map[string]any{}
			for k, v := range st["resourceStatus"].(map[string]any) {
				state[k] = map[string]any{"status": v}
			}
			accounts = append(accounts, map[string]any{"accountId": a, "state": map[string]any{"status": st["status"]},
				"resourceState": state})
		}
		writeJSON(w, map[string]any{"accounts": accounts, "failedAccounts": failed})
	}
}

// inspectorStatus is an account's status and the status of each resource
// type, from its scans: ENABLED while one type is.
func inspectorStatus(scans map[string]bool) map[string]any {
	res := map[string]any{}
	status := "DISABLED"
	for t, k := range inspectorScanTypes {
		res[k] = "DISABLED"
		if scans[t] {
			res[k], status = "ENABLED", "ENABLED"
		}
	}
	return map[string]any{"status": status, "resourceStatus": res}
}

// GraphArn is the ARN of the behavior graph Detective makes for account in
// region: 32 hexadecimal characters, as Detective's are.
func GraphArn(account, region string) string {
	sum := md5.Sum([]byte("graph/" + account + "/" + region))
	return fmt.Sprintf("arn:aws:detective:%s:%s:graph:%s", region, account, hex.EncodeToString(sum[:]))
}

// detectiveWrite answers Detective's graph, configuration and member calls.
func (o *OrgConfigs) detectiveWrite(w http.ResponseWriter, region, op string, c *OrgConfig, body map[string]any) {
	graph := str(body["GraphArn"])
	if op != "CreateGraph" && (graph == "" || graph != c.GraphArn) {
		restError(w, http.StatusNotFound, "ResourceNotFoundException", "The request refers to a nonexistent "+
			"resource: the behavior graph "+graph+" is not the caller's")
		return
	}
	members := o.members.detective[graph]
	if members == nil && graph != "" {
		members = map[string]map[string]any{}
		o.members.detective[graph] = members
	}
	switch op {
	case "CreateGraph":
		if c.GraphArn == "" {
			c.GraphArn = GraphArn(c.Admin, region)
		}
		writeJSON(w, map[string]any{"GraphArn": c.GraphArn})
	case "DeleteGraph":
		delete(o.members.detective, graph)
		c.GraphArn = ""
		writeJSON(w, map[string]any{})
	case "UpdateOrganizationConfiguration":
		auto, ok := body["AutoEnable"].(bool)
		if !ok {
			auto = false
		}
		c.Answer["AutoEnable"] = auto
		writeJSON(w, map[string]any{})
	case "CreateMembers":
		out, unprocessed := []any{}, []any{}
		for _, v := range anyList(body["Accounts"]) {
			a, _ := v.(map[string]any)
			account, email := str(a["AccountId"]), str(a["EmailAddress"])
			if why := o.memberCheck(c.Admin, account, email); why != "" {
				unprocessed = append(unprocessed, map[string]any{"AccountId": account, "Reason": why})
				continue
			}
			// An organization's account is enabled directly, without invitation.
			members[account] = map[string]any{"AccountId": account, "AdministratorId": c.Admin,
				"EmailAddress": email, "GraphArn": graph, "InvitationType": "ORGANIZATION", "InvitedTime": memberTime,
				"MasterId": c.Admin, "Status": "ENABLED", "UpdatedTime": memberTime}
			out = append(out, members[account])
		}
		writeJSON(w, map[string]any{"Members": out, "UnprocessedAccounts": unprocessed})
	case "GetMembers":
		out, unprocessed := []any{}, []any{}
		for _, v := range anyList(body["AccountIds"]) {
			if m := members[str(v)]; m != nil {
				out = append(out, m)
			} else {
				unprocessed = append(unprocessed, map[string]any{"AccountId": str(v), "Reason": "not a member"})
			}
		}
		writeJSON(w, map[string]any{"MemberDetails": out, "UnprocessedAccounts": unprocessed})
	case "ListMembers":
		var items []map[string]any
		for _, id := range slices.Sorted(maps.Keys(members)) {
			items = append(items, members[id])
		}
		writeListPage(w, items, "MemberDetails", "NextToken", str(body["NextToken"]), str(body["MaxResults"]))
	case "DeleteMembers":
		deleted, unprocessed := []any{}, []any{}
		for _, v := range anyList(body["AccountIds"]) {
			if members[str(v)] == nil {
				unprocessed = append(unprocessed, map[string]any{"AccountId": str(v), "Reason": "not a member"})
				continue
			}
			delete(members, str(v))
			deleted = append(deleted, str(v))
		}
		writeJSON(w, map[string]any{"AccountIds": deleted, "UnprocessedAccounts": unprocessed})
	}
}

// anyList is a JSON array, or nil.
func anyList(v any) []any {
	l, _ := v.([]any)
	return l
}

// memberLeftovers are the members, associations and scans left, with
// OrgConfigs' lock held: what the organization configuration's resources
// undo on delete.
func (o *OrgConfigs) memberLeftovers() []string {
	var out []string
	for key, ms := range o.members.macie {
		for id := range ms {
			out = append(out, "macie2 member "+id+" of "+key)
		}
	}
	for key, ms := range o.members.inspector {
		for id, m := range ms {
			if m["relationshipStatus"] != "REMOVED" {
				out = append(out, "inspector2 member "+id+" of "+key)
			}
		}
	}
	for region, accounts := range o.members.scans {
		for id, types := range accounts {
			for t, on := range types {
				if on {
					out = append(out, "inspector2 "+t+" scans of "+id+" in "+region)
				}
			}
		}
	}
	for graph, ms := range o.members.detective {
		for id := range ms {
			out = append(out, "detective member "+id+" of "+graph)
		}
	}
	for region, c := range o.configs[Inspector] {
		auto, _ := c.Answer["autoEnable"].(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(auto)) {
			if auto[k] == true {
				out = append(out, "inspector2 auto-enable of "+k+" in "+region)
			}
		}
	}
	return out
}
