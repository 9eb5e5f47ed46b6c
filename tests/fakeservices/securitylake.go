package fakeservices

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// Security Lake operations the fake implements.
const (
	OpRegisterDataLakeDelegatedAdministrator   = "RegisterDataLakeDelegatedAdministrator"
	OpDeregisterDataLakeDelegatedAdministrator = "DeregisterDataLakeDelegatedAdministrator"
)

const delegatePath = "/v1/datalake/delegate"

var accountIDPattern = regexp.MustCompile(`^\d{12}$`)

// SecurityLake fakes Security Lake's delegated-administrator operations (the
// REST-JSON protocol: POST and DELETE /v1/datalake/delegate).
type SecurityLake struct {
	*server
	mgmt string
}

// NewSecurityLake starts a Security Lake fake whose delegated administrator
// is registered in org, whose management account is mgmt.
func NewSecurityLake(org *fakeorg.Server, mgmt string) *SecurityLake {
	s := &SecurityLake{mgmt: mgmt}
	s.server = newServer(org, "securitylake", fakeaws.JSON, http.HandlerFunc(s.serve))
	return s
}

func (s *SecurityLake) serve(w http.ResponseWriter, r *http.Request) {
	op := ""
	switch {
	case r.URL.Path == delegatePath && r.Method == http.MethodPost:
		op = OpRegisterDataLakeDelegatedAdministrator
	case r.URL.Path == delegatePath && r.Method == http.MethodDelete:
		op = OpDeregisterDataLakeDelegatedAdministrator
	default:
		slError(w, http.StatusNotFound, "ResourceNotFoundException", fmt.Sprintf("no operation at %s %s", r.Method, r.URL.Path))
		return
	}
	if f, ok := s.begin(r, op); ok {
		slError(w, f.Status, f.Code, f.message())
		return
	}
	current := s.org.DelegatedAdmins(SecurityLakePrincipal)
	switch op {
	case OpRegisterDataLakeDelegatedAdministrator:
		var in struct {
			AccountID string `json:"accountId"`
		}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err := json.Unmarshal(body, &in); err != nil || !accountIDPattern.MatchString(in.AccountID) {
			slError(w, http.StatusBadRequest, "BadRequestException", "accountId must be a 12-digit AWS account ID")
			return
		}
		switch {
		case !s.org.HasAccount(in.AccountID):
			slError(w, http.StatusBadRequest, "BadRequestException",
				fmt.Sprintf("Account %s is not a member of the organization.", in.AccountID))
			return
		case in.AccountID == s.mgmt:
			slError(w, http.StatusBadRequest, "BadRequestException",
				"The organization management account cannot be the delegated administrator account.")
			return
		case len(current) > 0 && current[0] != in.AccountID:
			slError(w, http.StatusBadRequest, "BadRequestException",
				fmt.Sprintf("Account %s is already the delegated administrator.", current[0]))
			return
		}
		s.org.EnableOutOfBand(SecurityLakePrincipal)
		s.org.RegisterOutOfBand(SecurityLakePrincipal, in.AccountID)
	case OpDeregisterDataLakeDelegatedAdministrator:
		if len(current) == 0 {
			slError(w, http.StatusNotFound, "ResourceNotFoundException", "There is no delegated administrator.")
			return
		}
		for _, a := range current {
			s.org.DeregisterOutOfBand(SecurityLakePrincipal, a)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
}

func slError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("X-Amzn-ErrorType", code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	b, _ := json.Marshal(map[string]string{"message": message}) // strings always encode
	_, _ = w.Write(b)
}
