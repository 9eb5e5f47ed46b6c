package fakeservices

import (
	"fmt"
	"net/http"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// STS fakes sts:GetCallerIdentity (the query protocol: POST of
// Action=GetCallerIdentity, an XML answer), for the account the credentials
// belong to.
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
	if err := r.ParseForm(); err != nil || r.PostForm.Get("Action") != "GetCallerIdentity" {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>`+
			`<Message>only GetCallerIdentity is supported</Message></Error></ErrorResponse>`)
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
