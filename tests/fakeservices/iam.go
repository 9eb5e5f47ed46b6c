package fakeservices

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// IAM fakes the role calls of pulumi-aws's iam Role and RolePolicyAttachment
// (the query protocol: POST of Action=..., an XML answer, as the IAM API
// reference gives them): CreateRole, GetRole, DeleteRole, AttachRolePolicy,
// DetachRolePolicy, ListAttachedRolePolicies, ListRolePolicies and
// ListInstanceProfilesForRole, in the caller's account (the assumed one, for
// credentials from STS's AssumeRole). DeleteRole refuses a role with
// attached policies (DeleteConflict), as IAM does.
type IAM struct {
	mu    sync.Mutex
	mgmt  string
	roles map[string]*fakeRole // account/name -> role
	seq   int
}

type fakeRole struct {
	account, name, path, trust, description string
	maxSession                              string
	policies                                []string
	id                                      string
}

// NewIAM returns an IAM with no role; mgmt is the account of credentials that
// were not assumed.
func NewIAM(mgmt string) *IAM { return &IAM{mgmt: mgmt, roles: map[string]*fakeRole{}} }

// Role returns the ARN and the attached policies of the role name in
// account, and whether it exists.
func (s *IAM) Role(account, name string) (string, []string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.roles[account+"/"+name]
	if r == nil {
		return "", nil, false
	}
	return r.arn(), slices.Clone(r.policies), true
}

// Roles lists the roles, as account/name.
func (s *IAM) Roles() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.roles {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (r *fakeRole) arn() string { return "arn:aws:iam::" + r.account + ":role" + r.path + r.name }

func (r *fakeRole) xml() string {
	return fmt.Sprintf(`<Role><Path>%s</Path><RoleName>%s</RoleName><RoleId>%s</RoleId><Arn>%s</Arn>`+
		`<CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%s</AssumeRolePolicyDocument>`+
		`<Description>%s</Description><MaxSessionDuration>%s</MaxSessionDuration></Role>`, r.path, r.name, r.id,
		r.arn(), html.EscapeString(urlEscape(r.trust)), html.EscapeString(r.description), r.maxSession)
}

// urlEscape URL-encodes a policy document, as IAM returns them.
func urlEscape(s string) string {
	return strings.NewReplacer("%", "%25", " ", "%20", "\"", "%22", "{", "%7B", "}", "%7D", ":", "%3A", ",",
		"%2C", "[", "%5B", "]", "%5D", "\n", "%0A").Replace(s)
}

// ServeHTTP answers one call.
func (s *IAM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e := fakeaws.CheckScope(r, fakeaws.Query, "", "iam"); e != nil {
		s.error(w, e.Status, e.Code, e.Message)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.error(w, http.StatusBadRequest, "MalformedInput", err.Error())
		return
	}
	f := r.PostForm
	account := AssumedAccount(r)
	if account == "" {
		account = s.mgmt
	}
	action, name := f.Get("Action"), f.Get("RoleName")
	s.mu.Lock()
	defer s.mu.Unlock()
	role := s.roles[account+"/"+name]
	if action != "CreateRole" && role == nil {
		s.error(w, http.StatusNotFound, "NoSuchEntity", "The role with name "+name+" cannot be found.")
		return
	}
	var result string
	switch action {
	case "CreateRole":
		if role != nil {
			s.error(w, http.StatusConflict, "EntityAlreadyExists", "Role with name "+name+" already exists.")
			return
		}
		if name == "" || f.Get("AssumeRolePolicyDocument") == "" {
			s.error(w, http.StatusBadRequest, "ValidationError", "RoleName and AssumeRolePolicyDocument are required")
			return
		}
		var doc any
		if err := json.Unmarshal([]byte(f.Get("AssumeRolePolicyDocument")), &doc); err != nil {
			s.error(w, http.StatusBadRequest, "MalformedPolicyDocument", "the trust policy is not JSON: "+err.Error())
			return
		}
		path := f.Get("Path")
		if path == "" {
			path = "/"
		}
		maxSession := f.Get("MaxSessionDuration")
		if maxSession == "" {
			maxSession = "3600"
		}
		s.seq++
		role = &fakeRole{account: account, name: name, path: path, trust: f.Get("AssumeRolePolicyDocument"),
			description: f.Get("Description"), maxSession: maxSession, id: fmt.Sprintf("AROAFAKE%012d", s.seq)}
		s.roles[account+"/"+name] = role
		result = role.xml()
	case "GetRole":
		result = role.xml()
	case "DeleteRole":
		if len(role.policies) > 0 {
			s.error(w, http.StatusConflict, "DeleteConflict", "Cannot delete entity, must detach all policies first.")
			return
		}
		delete(s.roles, account+"/"+name)
	case "AttachRolePolicy":
		arn := f.Get("PolicyArn")
		if !strings.HasPrefix(arn, "arn:aws:iam::") || !strings.Contains(arn, ":policy/") {
			s.error(w, http.StatusBadRequest, "InvalidInput", "ARN "+arn+" is not valid.")
			return
		}
		if !slices.Contains(role.policies, arn) {
			role.policies = append(role.policies, arn)
		}
	case "DetachRolePolicy":
		arn := f.Get("PolicyArn")
		i := slices.Index(role.policies, arn)
		if i < 0 {
			s.error(w, http.StatusNotFound, "NoSuchEntity", "Policy "+arn+" was not found.")
			return
		}
		role.policies = slices.Delete(role.policies, i, i+1)
	case "ListAttachedRolePolicies":
		var b strings.Builder
		b.WriteString("<AttachedPolicies>")
		for _, p := range role.policies {
			fmt.Fprintf(&b, "<member><PolicyArn>%s</PolicyArn><PolicyName>%s</PolicyName></member>", p,
				p[strings.LastIndex(p, "/")+1:])
		}
		b.WriteString("</AttachedPolicies><IsTruncated>false</IsTruncated>")
		result = b.String()
	case "ListRolePolicies":
		result = "<PolicyNames/><IsTruncated>false</IsTruncated>"
	case "ListInstanceProfilesForRole":
		result = "<InstanceProfiles/><IsTruncated>false</IsTruncated>"
	default:
		s.error(w, http.StatusBadRequest, "InvalidAction", "the fake IAM does not serve "+action)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%sResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><%sResult>%s</%sResult>`+
		`<ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></%sResponse>`, action, action, result,
		action, action)
}

func (s *IAM) error(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>`+
		`<Code>%s</Code><Message>%s</Message></Error><RequestId>fake</RequestId></ErrorResponse>`, code,
		html.EscapeString(msg))
}
