package fakeservices

import (
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// ServiceCatalog fakes the read side of Service Catalog (JSON 1.1, X-Amz-Target
// AWS242ServiceCatalogService.<Op>) as `orgtrust discover` calls it: the
// organization access status, the account's portfolios, their shares and
// their principals.
type ServiceCatalog struct {
	mu         sync.Mutex
	access     string
	portfolios map[string]*Portfolio
	calls      map[string]int
}

// Portfolio is one portfolio of the fake.
type Portfolio struct {
	ID, Name, Description, ProviderName string
	Tags                                map[string]string
	Shares                              []PortfolioShare
	// Principals are IAM_PATTERN principal ARNs, or "IAM:<arn>" for IAM ones.
	Principals []string
}

// PortfolioShare is one share of a portfolio.
type PortfolioShare struct {
	Type, PrincipalID                string
	ShareTagOptions, SharePrincipals bool
}

// NewServiceCatalog returns a fake whose organization access is DISABLED and
// that has no portfolio.
func NewServiceCatalog() *ServiceCatalog {
	return &ServiceCatalog{access: "DISABLED", portfolios: map[string]*Portfolio{}, calls: map[string]int{}}
}

// SetAccess sets the organization access status: ENABLED or DISABLED.
func (s *ServiceCatalog) SetAccess(status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.access = status
}

// AddPortfolio adds a portfolio.
func (s *ServiceCatalog) AddPortfolio(p Portfolio) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.portfolios[p.ID] = &p
}

// Calls returns the calls made so far, by "servicecatalog:Operation".
func (s *ServiceCatalog) Calls() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.calls {
		out[k] = v
	}
	return out
}

const scPrefix = "AWS242ServiceCatalogService."

type scRequest struct {
	ID          string `json:"Id"`
	PortfolioID string `json:"PortfolioId"`
	Type        string
	PageSize    int
	PageToken   *string
}

// ServeHTTP answers one call.
func (s *ServiceCatalog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", "servicecatalog"); e != nil {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", e.Code)
		w.WriteHeader(e.Status)
		_ = json.NewEncoder(w).Encode(map[string]string{"__type": e.Code, "Message": e.Message})
		return
	}
	op, ok := strings.CutPrefix(r.Header.Get("X-Amz-Target"), scPrefix)
	if !ok {
		jsonError(w, "UnknownOperationException", "expected X-Amz-Target "+scPrefix+"<Operation>")
		return
	}
	var req scRequest
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if len(body) > 0 {
		if err := json.Unmarshal(body, &req); err != nil {
			jsonError(w, "SerializationException", err.Error())
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls["servicecatalog:"+op]++
	var out any
	switch op {
	case "GetAWSOrganizationsAccessStatus":
		out = map[string]string{"AccessStatus": s.access}
	case "ListPortfolios":
		var ids []string
		for id := range s.portfolios {
			ids = append(ids, id)
		}
		page, next := tokenPage(ids, req.PageToken, req.PageSize, 20)
		items := []map[string]string{}
		for _, id := range page {
			p := s.portfolios[id]
			items = append(items, map[string]string{"Id": id, "DisplayName": p.Name, "ProviderName": p.ProviderName,
				"ARN": "arn:aws:catalog:us-east-1:111111111111:portfolio/" + id})
		}
		out = withPageToken(map[string]any{"PortfolioDetails": items}, next)
	case "DescribePortfolio", "DescribePortfolioShares", "ListPrincipalsForPortfolio":
		id := req.ID
		if op != "DescribePortfolio" {
			id = req.PortfolioID
		}
		p := s.portfolios[id]
		if p == nil {
			jsonError(w, "ResourceNotFoundException", "Portfolio "+id+" not found.")
			return
		}
		switch op {
		case "DescribePortfolio":
			tags := []map[string]string{}
			for _, k := range sortedStrings(p.Tags) {
				tags = append(tags, map[string]string{"Key": k, "Value": p.Tags[k]})
			}
			detail := map[string]string{"Id": id, "DisplayName": p.Name, "ProviderName": p.ProviderName}
			if p.Description != "" {
				detail["Description"] = p.Description
			}
			out = map[string]any{"PortfolioDetail": detail, "Tags": tags}
		case "DescribePortfolioShares":
			byKey := map[string]PortfolioShare{}
			var keys []string
			for _, sh := range p.Shares {
				if sh.Type == req.Type {
					byKey[sh.PrincipalID] = sh
					keys = append(keys, sh.PrincipalID)
				}
			}
			page, next := tokenPage(keys, req.PageToken, req.PageSize, 100)
			items := []map[string]any{}
			for _, k := range page {
				sh := byKey[k]
				items = append(items, map[string]any{"PrincipalId": sh.PrincipalID, "Type": sh.Type, "Accepted": true,
					"ShareTagOptions": sh.ShareTagOptions, "SharePrincipals": sh.SharePrincipals})
			}
			out = withPageToken(map[string]any{"PortfolioShareDetails": items}, next)
		default:
			page, next := tokenPage(append([]string{}, p.Principals...), req.PageToken, req.PageSize, 20)
			items := []map[string]string{}
			for _, pr := range page {
				typ, arn := "IAM_PATTERN", pr
				if a, ok := strings.CutPrefix(pr, "IAM:"); ok {
					typ, arn = "IAM", a
				}
				items = append(items, map[string]string{"PrincipalARN": arn, "PrincipalType": typ})
			}
			out = withPageToken(map[string]any{"Principals": items}, next)
		}
	default:
		jsonError(w, "UnknownOperationException", "operation "+op+" is not supported by this endpoint")
		return
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	_ = json.NewEncoder(w).Encode(out)
}

// tokenPage returns the page of keys after token, sorted, and the next
// token: of the size the client asks for, at most largest (the API's
// limit) and DefaultPageSize (so that the tests cross pages).
func tokenPage(keys []string, token *string, size, largest int) ([]string, string) {
	sort.Strings(keys)
	if size <= 0 || size > largest {
		size = largest
	}
	size = min(size, DefaultPageSize)
	start := 0
	if token != nil {
		start = sort.SearchStrings(keys, *token)
		if start < len(keys) && keys[start] == *token {
			start++
		}
	}
	end := min(start+size, len(keys))
	if end < len(keys) {
		return keys[start:end], keys[end-1]
	}
	return keys[start:end], ""
}

func withPageToken(out map[string]any, next string) map[string]any {
	if next != "" {
		out["NextPageToken"] = next
	}
	return out
}

func sortedStrings(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func jsonError(w http.ResponseWriter, code, message string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", code)
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "Message": message})
}
