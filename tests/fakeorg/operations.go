package fakeorg

import (
	"fmt"
	"time"
)

type organization struct {
	ID                   string `json:"Id"`
	Arn                  string
	FeatureSet           string
	MasterAccountID      string `json:"MasterAccountId"`
	MasterAccountArn     string
	MasterAccountEmail   string
	AvailablePolicyTypes []struct{}
}

type describeOrganizationOutput struct {
	Organization organization
}

func (s *Server) describeOrganization(_ *request) (any, *apiError) {
	st := s.snapshot()
	if !st.inOrg {
		return nil, newError("AWSOrganizationsNotInUseException", msgNotInUse)
	}
	return describeOrganizationOutput{Organization: organization{
		ID:                   OrganizationID,
		Arn:                  fmt.Sprintf("arn:aws:organizations::%s:organization/%s", st.mgmt, OrganizationID),
		FeatureSet:           st.featureSet,
		MasterAccountID:      st.mgmt,
		MasterAccountArn:     accountArn(st, st.mgmt),
		MasterAccountEmail:   accountEmail(st.mgmt),
		AvailablePolicyTypes: []struct{}{},
	}}, nil
}

// enableAWSServiceAccess is idempotent: enabling an enabled principal
// succeeds and keeps its DateEnabled. The input is checked before the
// organization's feature set: a principal AWS does not know gets
// InvalidInputException with reason UNRECOGNIZED_SERVICE_PRINCIPAL in any
// organization.
func (s *Server) enableAWSServiceAccess(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := st.checkCaller(); err != nil {
		return nil, err
	}
	p, err := validatePrincipal(req.ServicePrincipal, maxEnablePrincipalLen)
	if err != nil {
		return nil, err
	}
	if p == StackSetsPrincipal {
		return nil, invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL", fmt.Sprintf(
			"You can't enable trusted access for %s through AWS Organizations: enable it from AWS CloudFormation StackSets.", p))
	}
	s.mu.Lock()
	known := s.known[p]
	s.mu.Unlock()
	if !known {
		return nil, invalidInput("UNRECOGNIZED_SERVICE_PRINCIPAL", msgUnrecognizedPrincipal)
	}
	if err := st.checkFeatures(); err != nil {
		return nil, err
	}
	return nil, s.write(func() *apiError {
		at := now()
		s.mutate(func(t *trust) { t.enable(p, at) })
		return nil
	})
}

// disableAWSServiceAccess succeeds when the principal is already disabled,
// as AWS does. Delegated administrators registered for the principal are
// left in place: the fake does not model what the service does with them.
func (s *Server) disableAWSServiceAccess(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := st.checkWrite(); err != nil {
		return nil, err
	}
	p, err := validatePrincipal(req.ServicePrincipal, maxEnablePrincipalLen)
	if err != nil {
		return nil, err
	}
	return nil, s.write(func() *apiError {
		s.mutate(func(t *trust) { t.disable(p) })
		return nil
	})
}

type enabledServicePrincipal struct {
	ServicePrincipal string
	DateEnabled      epochSeconds
}

type listAWSServiceAccessOutput struct {
	EnabledServicePrincipals []enabledServicePrincipal
	NextToken                *string `json:",omitempty"`
}

func (s *Server) listAWSServiceAccess(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	view := s.read()
	page, next, err := paginate(req, st, OpListAWSServiceAccessForOrganization, "", sortedKeys(view.enabled))
	if err != nil {
		return nil, err
	}
	out := listAWSServiceAccessOutput{EnabledServicePrincipals: []enabledServicePrincipal{}, NextToken: next}
	for _, p := range page {
		out.EnabledServicePrincipals = append(out.EnabledServicePrincipals,
			enabledServicePrincipal{ServicePrincipal: p, DateEnabled: epochSeconds(view.enabled[p])})
	}
	return out, nil
}

// registerDelegatedAdministrator requires trusted access for the principal
// to be enabled first; otherwise it returns ConstraintViolationException
// with reason SERVICE_ACCESS_NOT_ENABLED, the reason the API documents for
// "you attempted to register a delegated administrator before you enabled
// service access".
func (s *Server) registerDelegatedAdministrator(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := st.checkWrite(); err != nil {
		return nil, err
	}
	account, err := validateAccountID(req.AccountID)
	if err != nil {
		return nil, err
	}
	p, err := validatePrincipal(req.ServicePrincipal, maxDelegatedPrincipalLen)
	if err != nil {
		return nil, err
	}
	if account == st.mgmt {
		return nil, constraintViolation("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", msgCannotRegisterMgmt)
	}
	if !s.HasAccount(account) {
		return nil, newError("AccountNotFoundException", msgAccountNotFound)
	}
	return nil, s.write(func() *apiError {
		if _, ok := s.state.enabled[p]; !ok {
			return constraintViolation("SERVICE_ACCESS_NOT_ENABLED", fmt.Sprintf(
				"You must enable trusted access for %s (EnableAWSServiceAccess) before you register a delegated administrator for it.", p))
		}
		if _, ok := s.state.delegated[p][account]; ok {
			return newError("AccountAlreadyRegisteredException", msgAlreadyRegistered)
		}
		at := now()
		s.mutate(func(t *trust) { t.register(p, account, at) })
		return nil
	})
}

func (s *Server) deregisterDelegatedAdministrator(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := st.checkWrite(); err != nil {
		return nil, err
	}
	account, err := validateAccountID(req.AccountID)
	if err != nil {
		return nil, err
	}
	p, err := validatePrincipal(req.ServicePrincipal, maxDelegatedPrincipalLen)
	if err != nil {
		return nil, err
	}
	if !s.HasAccount(account) {
		return nil, newError("AccountNotFoundException", msgAccountNotFound)
	}
	return nil, s.write(func() *apiError {
		if _, ok := s.state.delegated[p][account]; !ok {
			return newError("AccountNotRegisteredException", msgNotRegistered)
		}
		s.mutate(func(t *trust) { t.deregister(p, account) })
		return nil
	})
}

type delegatedAdministrator struct {
	ID                    string `json:"Id"`
	Arn                   string
	Email                 string
	Name                  string
	Status                string
	State                 string
	JoinedMethod          string
	JoinedTimestamp       epochSeconds
	DelegationEnabledDate epochSeconds
}

type listDelegatedAdministratorsOutput struct {
	DelegatedAdministrators []delegatedAdministrator
	NextToken               *string `json:",omitempty"`
}

// listDelegatedAdministrators lists the accounts that are delegated
// administrators for req.ServicePrincipal, or for any principal when it is
// absent, sorted by account id. DelegationEnabledDate is the earliest
// delegation of the account among those listed.
func (s *Server) listDelegatedAdministrators(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	filter := ""
	if req.ServicePrincipal != nil {
		p, err := validatePrincipal(req.ServicePrincipal, maxDelegatedPrincipalLen)
		if err != nil {
			return nil, err
		}
		filter = p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	since := map[string]time.Time{}
	for p, admins := range s.read().delegated {
		if filter != "" && p != filter {
			continue
		}
		for account, t := range admins {
			if prev, ok := since[account]; !ok || t.Before(prev) {
				since[account] = t
			}
		}
	}
	page, next, err := paginate(req, st, OpListDelegatedAdministrators, filter, sortedKeys(since))
	if err != nil {
		return nil, err
	}
	out := listDelegatedAdministratorsOutput{DelegatedAdministrators: []delegatedAdministrator{}, NextToken: next}
	for _, account := range page {
		out.DelegatedAdministrators = append(out.DelegatedAdministrators, delegatedAdministrator{
			ID:                    account,
			Arn:                   accountArn(st, account),
			Email:                 accountEmail(account),
			Name:                  "account-" + account,
			Status:                "ACTIVE",
			State:                 "ACTIVE",
			JoinedMethod:          "INVITED",
			JoinedTimestamp:       epochSeconds(s.created),
			DelegationEnabledDate: epochSeconds(since[account]),
		})
	}
	return out, nil
}

type delegatedService struct {
	ServicePrincipal      string
	DelegationEnabledDate epochSeconds
}

type listDelegatedServicesOutput struct {
	DelegatedServices []delegatedService
	NextToken         *string `json:",omitempty"`
}

// listDelegatedServicesForAccount returns AccountNotRegisteredException
// when the account is not a delegated administrator for any service, as AWS
// does.
func (s *Server) listDelegatedServicesForAccount(req *request) (any, *apiError) {
	st := s.snapshot()
	if err := s.checkList(st); err != nil {
		return nil, err
	}
	account, err := validateAccountID(req.AccountID)
	if err != nil {
		return nil, err
	}
	if !s.HasAccount(account) {
		return nil, newError("AccountNotFoundException", msgAccountNotFound)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	since := map[string]time.Time{}
	for p, admins := range s.read().delegated {
		if t, ok := admins[account]; ok {
			since[p] = t
		}
	}
	if len(since) == 0 {
		return nil, newError("AccountNotRegisteredException", msgNotRegistered)
	}
	page, next, err := paginate(req, st, OpListDelegatedServicesForAccount, account, sortedKeys(since))
	if err != nil {
		return nil, err
	}
	out := listDelegatedServicesOutput{DelegatedServices: []delegatedService{}, NextToken: next}
	for _, p := range page {
		out.DelegatedServices = append(out.DelegatedServices,
			delegatedService{ServicePrincipal: p, DelegationEnabledDate: epochSeconds(since[p])})
	}
	return out, nil
}

func accountEmail(id string) string { return "account-" + id + "@example.com" }
