package fakeservices

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// STS fakes sts:GetCallerIdentity (the query protocol: POST of
// Action=GetCallerIdentity, an XML answer), for the account the credentials
// belong to, and sts:AssumeRole, whose credentials name the role's account
// (AssumedKeyID): the fakes of the administrator-side APIs answer only
// those.
type STS struct {
	mu      sync.Mutex
	account string
	// denied are the role ARNs AssumeRole refuses.
	denied  map[string]bool
	assumed map[string]int
}

// AssumedKeyPrefix starts the access key IDs AssumeRole returns; the role's
// account follows.
const AssumedKeyPrefix = "ASIAFAKE"

// AssumedAccount returns the account a request's credentials were assumed
// into, read from its SigV4 access key ID; "" for other credentials.
func AssumedAccount(r *http.Request) string {
	m := keyPattern.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil || !strings.HasPrefix(m[1], AssumedKeyPrefix) {
		return ""
	}
	return strings.TrimPrefix(m[1], AssumedKeyPrefix)
}

var keyPattern = regexp.MustCompile(`Credential=([^/]+)/`)

// DenyAssumeRole makes AssumeRole of roleArn answer AccessDenied, as for a
// role that does not exist or does not trust the caller.
func (s *STS) DenyAssumeRole(roleArn string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.denied == nil {
		s.denied = map[string]bool{}
	}
	s.denied[roleArn] = true
}

// Assumed returns how many times each role was assumed.
func (s *STS) Assumed() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.assumed {
		out[k] = v
	}
	return out
}

// NewSTS answers that the caller is account.
func NewSTS(account string) *STS { return &STS{account: account} }

// SetAccount changes the caller's account.
func (s *STS) SetAccount(account string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.account = account
}

// ServeHTTP answers one call.
func (s *STS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e := fakeaws.CheckScope(r, fakeaws.Query, "", "sts"); e != nil {
		w.WriteHeader(e.Status)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error></ErrorResponse>`,
			e.Code, e.Message)
		return
	}
	if err := r.ParseForm(); err == nil && r.PostForm.Get("Action") == "AssumeRole" {
		s.assumeRole(w, r.PostForm.Get("RoleArn"), r.PostForm.Get("RoleSessionName"))
		return
	}
	if r.PostForm.Get("Action") != "GetCallerIdentity" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>`+
			`<Message>only GetCallerIdentity and AssumeRole are supported</Message></Error></ErrorResponse>`)
		return
	}
	s.mu.Lock()
	account := s.account
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`+
		`<GetCallerIdentityResult><Arn>arn:aws:iam::%s:user/discover</Arn><UserId>AIDAFAKE</UserId>`+
		`<Account>%s</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>fake</RequestId>`+
		`</ResponseMetadata></GetCallerIdentityResponse>`, account, account)
}

// assumeRole answers AssumeRole: credentials for the role's account, or
// AccessDenied for a denied role.
func (s *STS) assumeRole(w http.ResponseWriter, roleArn, session string) {
	m := roleArnPattern.FindStringSubmatch(roleArn)
	s.mu.Lock()
	denied := s.denied[roleArn]
	if m != nil && !denied {
		if s.assumed == nil {
			s.assumed = map[string]int{}
		}
		s.assumed[roleArn]++
	}
	caller := s.account
	s.mu.Unlock()
	switch {
	case m == nil || session == "":
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>`+
			`<Message>%q is not a role ARN, or the session name is missing</Message></Error></ErrorResponse>`, roleArn)
		return
	case denied:
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>`+
			`<Message>User: arn:aws:iam::%s:user/discover is not authorized to perform: sts:AssumeRole on `+
			`resource: %s</Message></Error></ErrorResponse>`, caller, roleArn)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>`+
		`<Credentials><AccessKeyId>%s%s</AccessKeyId><SecretAccessKey>fake</SecretAccessKey>`+
		`<SessionToken>fake</SessionToken><Expiration>%s</Expiration></Credentials>`+
		`<AssumedRoleUser><Arn>arn:aws:sts::%s:assumed-role/%s/%s</Arn><AssumedRoleId>AROAFAKE:%s</AssumedRoleId>`+
		`</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata>`+
		`</AssumeRoleResponse>`, AssumedKeyPrefix, m[1], time.Now().Add(time.Hour).UTC().Format(time.RFC3339),
		m[1], m[2], session, session)
}

var roleArnPattern = regexp.MustCompile(`^arn:aws[a-z-]*:iam::([0-9]{12}):role/(?:.*/)?([^/]+)$`)
