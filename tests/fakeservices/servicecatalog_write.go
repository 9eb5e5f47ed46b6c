package fakeservices

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// scWrite is the body of the Service Catalog writes the fake serves.
type scWrite struct {
	ID, PortfolioID, DisplayName, Description, ProviderName, AccountId string
	PrincipalARN, PrincipalType, PortfolioShareToken                   string
	OrganizationNode                                                   *struct{ Type, Value string }
	ShareTagOptions, SharePrincipals                                   bool
	Tags, AddTags                                                      []struct{ Key, Value string }
	RemoveTags                                                         []string
}

// write runs one of the writes pulumi-aws's servicecatalog resources make
// (terraform-provider-aws internal/service/servicecatalog): organizations
// access (Enable/DisableAWSOrganizationsAccess), portfolios
// (Create/Update/DeletePortfolio), shares (Create/DeletePortfolioShare, which
// answer a token for an organization node, and DescribePortfolioShareStatus,
// COMPLETED at once) and principal associations
// (Associate/DisassociatePrincipal(With|From)Portfolio). It reports whether op
// was one; s.mu is held.
func (s *ServiceCatalog) write(op string, body []byte) (out any, code, msg string, ok bool) {
	switch op {
	case "EnableAWSOrganizationsAccess", "DisableAWSOrganizationsAccess", "CreatePortfolio", "UpdatePortfolio",
		"DeletePortfolio", "CreatePortfolioShare", "DeletePortfolioShare", "DescribePortfolioShareStatus",
		"AssociatePrincipalWithPortfolio", "DisassociatePrincipalFromPortfolio":
	default:
		return nil, "", "", false
	}
	var req scWrite
	if len(body) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			return nil, "SerializationException", err.Error(), true
		}
	}
	if op == "EnableAWSOrganizationsAccess" || op == "DisableAWSOrganizationsAccess" {
		enable := op == "EnableAWSOrganizationsAccess"
		s.access = map[bool]string{true: "ENABLED", false: "DISABLED"}[enable]
		// Service Catalog enables (disables) its trusted access in
		// Organizations on the caller's behalf.
		if s.org != nil && enable {
			s.org.EnableOutOfBand(ServiceCatalogPrincipal)
		} else if s.org != nil {
			s.org.DisableOutOfBand(ServiceCatalogPrincipal)
		}
		return map[string]any{}, "", "", true
	}
	if op == "DescribePortfolioShareStatus" {
		if !strings.HasPrefix(req.PortfolioShareToken, "share-") {
			return nil, "ResourceNotFoundException", "PortfolioShareToken " + req.PortfolioShareToken + " not found.", true
		}
		return map[string]any{"PortfolioShareToken": req.PortfolioShareToken, "Status": "COMPLETED"}, "", "", true
	}
	if op == "CreatePortfolio" {
		if req.DisplayName == "" || req.ProviderName == "" {
			return nil, "InvalidParametersException", "DisplayName and ProviderName are required", true
		}
		s.nextID++
		id := fmt.Sprintf("port-%013d", s.nextID)
		p := &Portfolio{ID: id, Name: req.DisplayName, Description: req.Description, ProviderName: req.ProviderName,
			Tags: map[string]string{}}
		for _, t := range req.Tags {
			p.Tags[t.Key] = t.Value
		}
		s.portfolios[id] = p
		return map[string]any{"PortfolioDetail": portfolioDetail(p), "Tags": req.Tags}, "", "", true
	}
	id := req.PortfolioID
	if op == "UpdatePortfolio" || op == "DeletePortfolio" {
		id = req.ID
	}
	p := s.portfolios[id]
	if p == nil {
		return nil, "ResourceNotFoundException", "Portfolio " + id + " not found.", true
	}
	switch op {
	case "UpdatePortfolio":
		if req.DisplayName != "" {
			p.Name = req.DisplayName
		}
		if req.ProviderName != "" {
			p.ProviderName = req.ProviderName
		}
		p.Description = req.Description
		for _, k := range req.RemoveTags {
			delete(p.Tags, k)
		}
		for _, t := range req.AddTags {
			p.Tags[t.Key] = t.Value
		}
		return map[string]any{"PortfolioDetail": portfolioDetail(p)}, "", "", true
	case "DeletePortfolio":
		if len(p.Shares) > 0 || len(p.Principals) > 0 {
			return nil, "ResourceInUseException", "Portfolio " + id + " is shared or has principals associated.", true
		}
		delete(s.portfolios, id)
		return map[string]any{}, "", "", true
	case "AssociatePrincipalWithPortfolio", "DisassociatePrincipalFromPortfolio":
		key := req.PrincipalARN
		if req.PrincipalType == "IAM" {
			key = "IAM:" + key
		} else if req.PrincipalType != "IAM_PATTERN" && op == "AssociatePrincipalWithPortfolio" {
			return nil, "InvalidParametersException", "PrincipalType must be IAM or IAM_PATTERN", true
		}
		i := slices.Index(p.Principals, key)
		if op == "AssociatePrincipalWithPortfolio" {
			if i < 0 {
				p.Principals = append(p.Principals, key)
			}
			return map[string]any{}, "", "", true
		}
		if i < 0 {
			return nil, "ResourceNotFoundException", "Principal " + req.PrincipalARN + " is not associated.", true
		}
		p.Principals = slices.Delete(p.Principals, i, i+1)
		return map[string]any{}, "", "", true
	}
	// CreatePortfolioShare, DeletePortfolioShare: an account, or an organization node.
	typ, principal := "ACCOUNT", req.AccountId
	if req.OrganizationNode != nil {
		typ, principal = req.OrganizationNode.Type, req.OrganizationNode.Value
	}
	if principal == "" {
		return nil, "InvalidParametersException", "AccountId or OrganizationNode is required", true
	}
	i := slices.IndexFunc(p.Shares, func(sh PortfolioShare) bool { return sh.Type == typ && sh.PrincipalID == principal })
	var resp map[string]any
	if op == "CreatePortfolioShare" {
		if typ != "ACCOUNT" && s.access != "ENABLED" {
			return nil, "InvalidStateException", "AWS Organizations access is not enabled for Service Catalog.", true
		}
		if i >= 0 {
			return nil, "DuplicateResourceException", "Portfolio " + id + " is already shared with " + principal, true
		}
		p.Shares = append(p.Shares, PortfolioShare{Type: typ, PrincipalID: principal,
			ShareTagOptions: req.ShareTagOptions, SharePrincipals: req.SharePrincipals})
		resp = map[string]any{}
	} else {
		if i < 0 {
			return nil, "ResourceNotFoundException", "Portfolio " + id + " is not shared with " + principal, true
		}
		p.Shares = slices.Delete(p.Shares, i, i+1)
		resp = map[string]any{}
	}
	if typ != "ACCOUNT" {
		s.nextID++
		resp["PortfolioShareToken"] = fmt.Sprintf("share-%013d", s.nextID)
	}
	return resp, "", "", true
}

// ServiceCatalogPrincipal is the principal Service Catalog's organizations
// access enables in Organizations.
const ServiceCatalogPrincipal = "servicecatalog.amazonaws.com"

// SetOrganization makes EnableAWSOrganizationsAccess and
// DisableAWSOrganizationsAccess enable and disable Service Catalog's trusted
// access in org, as AWS does.
func (s *ServiceCatalog) SetOrganization(org *fakeorg.Server) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.org = org
}

func portfolioDetail(p *Portfolio) map[string]any {
	return map[string]any{"Id": p.ID, "DisplayName": p.Name, "Description": p.Description,
		"ProviderName": p.ProviderName, "ARN": "arn:aws:catalog:us-east-1:111111111111:portfolio/" + p.ID,
		"CreatedTime": 1.7e9}
}

// Portfolios returns a copy of the portfolios, by ID.
func (s *ServiceCatalog) Portfolios() map[string]Portfolio {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]Portfolio{}
	for id, p := range s.portfolios {
		c := *p
		c.Shares = append([]PortfolioShare(nil), p.Shares...)
		c.Principals = append([]string(nil), p.Principals...)
		out[id] = c
	}
	return out
}
