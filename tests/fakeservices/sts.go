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
// belong to, and sts:AssumeRole, whose temporary credentials name the role's
// account (AssumedAccount reads it back from a request signed with them).
type STS struct {
	mu      sync.Mutex
	account string
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
	if assumed, ok := AssumedAccount(r); ok {
		account = assumed
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`+
		`<GetCallerIdentityResult><Arn>arn:aws:iam::%s:user/discover</Arn><UserId>AIDAFAKE</UserId>`+
		`<Account>%s</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>fake</RequestId>`+
		`</ResponseMetadata></GetCallerIdentityResponse>`, account, account)
}

// assumedKeyPrefix starts the access key IDs of AssumeRole's credentials,
// followed by the role's account.
const assumedKeyPrefix = "ASIAFAKE"

var roleArnPattern = regexp.MustCompile(`^arn:aws[a-z-]*:iam::(\d{12}):role/[\w+=,.@/-]+$`)

// assumeRole answers AssumeRole for roleArn: credentials for one hour whose
// access key names the role's account.
func (s *STS) assumeRole(w http.ResponseWriter, roleArn, session string) {
	m := roleArnPattern.FindStringSubmatch(roleArn)
	if m == nil || session == "" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>`+
			`<Message>invalid RoleArn %q or RoleSessionName %q</Message></Error></ErrorResponse>`, roleArn, session)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>`+
		`<Credentials><AccessKeyId>%s%s</AccessKeyId><SecretAccessKey>SECRETFAKE</SecretAccessKey>`+
		`<SessionToken>TOKENFAKE</SessionToken><Expiration>%s</Expiration></Credentials>`+
		`<AssumedRoleUser><Arn>arn:aws:sts::%s:assumed-role/%s/%s</Arn><AssumedRoleId>AROAFAKE:%s</AssumedRoleId>`+
		`</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata>`+
		`</AssumeRoleResponse>`, assumedKeyPrefix, m[1], time.Now().Add(time.Hour).UTC().Format(time.RFC3339),
		m[1], roleArn[strings.LastIndex(roleArn, "/")+1:], session, session)
}

// AssumedAccount is the account of the role whose AssumeRole credentials
// signed r, if they did.
func AssumedAccount(r *http.Request) (string, bool) {
	auth := r.Header.Get("Authorization")
	i := strings.Index(auth, "Credential="+assumedKeyPrefix)
	if i < 0 || len(auth) < i+len("Credential=")+len(assumedKeyPrefix)+12 {
		return "", false
	}
	start := i + len("Credential=") + len(assumedKeyPrefix)
	return auth[start : start+12], true
}
