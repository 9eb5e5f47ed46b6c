package fakeservices

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// OrgConfigs fakes the read side of the services' organization
// configuration, which the delegated administrator reads in its own account,
// per Region: GuardDuty (ListDetectors, then DescribeOrganizationConfiguration
// of the detector), Security Hub, Macie and Inspector
// (DescribeOrganizationConfiguration). As AWS does, each answers only the
// service's administrator in that Region: a request must carry credentials
// that STS's AssumeRole gave for the administrator's account
// (AssumedAccount); any other caller, the management account included, gets
// the error the service gives a non-administrator.
type OrgConfigs struct {
	mu      sync.Mutex
	configs map[string]map[string]*OrgConfig // service -> region -> configuration
	calls   map[string]int
}

// OrgConfig is one service's organization configuration in one Region, in
// the services' own JSON (the fields of DescribeOrganizationConfiguration's
// answer), and the administrator account that reads it.
type OrgConfig struct {
	Admin string
	// DetectorID is GuardDuty's detector in the administrator's account.
	DetectorID string
	// Answer is the JSON answer of DescribeOrganizationConfiguration.
	Answer map[string]any
	// GraphArn is Detective's behavior graph in the administrator's account
	// (ListGraphs; DescribeOrganizationConfiguration answers only it).
	GraphArn string
	// FindingAggregator is Security Hub's GetFindingAggregator answer (with
	// FindingAggregatorArn), Policies the GetConfigurationPolicy answers
	// (with Id and Name) and Associations the
	// ListConfigurationPolicyAssociations summaries (with AssociationType):
	// central configuration, in the home Region. A linked Region has the
	// aggregator only (ListFindingAggregators lists it there too).
	FindingAggregator map[string]any
	Policies          []map[string]any
	Associations      []map[string]any
	// Analyzers are Access Analyzer's ListAnalyzers summaries (with type).
	Analyzers []map[string]any
	// Aggregators are Config's DescribeConfigurationAggregators answers.
	Aggregators []map[string]any
}

// NewOrgConfigs returns an empty fake.
func NewOrgConfigs() *OrgConfigs {
	return &OrgConfigs{configs: map[string]map[string]*OrgConfig{}, calls: map[string]int{}}
}

// Set records service's configuration in region.
func (o *OrgConfigs) Set(service, region string, c OrgConfig) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.configs[service] == nil {
		o.configs[service] = map[string]*OrgConfig{}
	}
	o.configs[service][region] = &c
}

// Calls returns the calls so far, by "service:Operation".
func (o *OrgConfigs) Calls() map[string]int {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := map[string]int{}
	for k, v := range o.calls {
		out[k] = v
	}
	return out
}

// Serves says whether r is one of the calls the fake answers.
func (o *OrgConfigs) Serves(r *http.Request) bool {
	return o.operation(r) != ""
}

// operation names the call r makes, or "".
func (o *OrgConfigs) operation(r *http.Request) string {
	_, service, ok := Scope(r)
	if !ok {
		return ""
	}
	switch {
	case service == GuardDuty && r.Method == http.MethodGet && r.URL.Path == "/detector":
		return "ListDetectors"
	case service == GuardDuty && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/detector/") &&
		strings.HasSuffix(r.URL.Path, "/admin"):
		return "DescribeOrganizationConfiguration"
	case service == SecurityHub && r.Method == http.MethodGet && r.URL.Path == "/findingAggregator/list":
		return "ListFindingAggregators"
	case service == SecurityHub && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/findingAggregator/get/"):
		return "GetFindingAggregator"
	case service == SecurityHub && r.Method == http.MethodGet && r.URL.Path == "/configurationPolicy/list":
		return "ListConfigurationPolicies"
	case service == SecurityHub && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/configurationPolicy/get/"):
		return "GetConfigurationPolicy"
	case service == SecurityHub && r.Method == http.MethodPost && r.URL.Path == "/configurationPolicyAssociation/list":
		return "ListConfigurationPolicyAssociations"
	case service == Detective && r.Method == http.MethodPost && r.URL.Path == "/graphs/list":
		return "ListGraphs"
	case service == Detective && r.Method == http.MethodPost && r.URL.Path == "/orgs/describeOrganizationConfiguration":
		return "DescribeOrganizationConfiguration"
	case service == AccessAnalyzer && r.Method == http.MethodGet && r.URL.Path == "/analyzer":
		return "ListAnalyzers"
	case service == ConfigService && r.Method == http.MethodPost &&
		r.Header.Get("X-Amz-Target") == "StarlingDoveService.DescribeConfigurationAggregators":
		return "DescribeConfigurationAggregators"
	case service == SecurityHub && r.Method == http.MethodGet && r.URL.Path == "/organization/configuration",
		service == Macie && r.Method == http.MethodGet && r.URL.Path == "/admin/configuration",
		service == Inspector && r.Method == http.MethodPost && r.URL.Path == "/organizationconfiguration/describe":
		return "DescribeOrganizationConfiguration"
	}
	return ""
}

// ServeHTTP answers one call.
func (o *OrgConfigs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	region, service, _ := Scope(r)
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", service); e != nil {
		restError(w, e.Status, e.Code, e.Message)
		return
	}
	op := o.operation(r)
	caller := AssumedAccount(r)
	o.mu.Lock()
	o.calls[service+":"+op]++
	c := o.configs[service][region]
	o.mu.Unlock()
	if c == nil || caller == "" || caller != c.Admin {
		// What each service answers an account that is not its administrator.
		status, code := http.StatusBadRequest, "BadRequestException"
		if service != GuardDuty {
			status, code = http.StatusForbidden, "AccessDeniedException"
		}
		if caller != "" {
			// The account's own lists are empty where it has nothing.
			switch {
			case service == GuardDuty && op == "ListDetectors":
				writeJSON(w, map[string]any{"detectorIds": []string{}})
				return
			case service == Detective && op == "ListGraphs":
				writeJSON(w, map[string]any{"GraphList": []any{}})
				return
			case service == AccessAnalyzer:
				writeJSON(w, map[string]any{"analyzers": []any{}})
				return
			case service == ConfigService:
				writeJSON(w, map[string]any{"ConfigurationAggregators": []any{}})
				return
			}
		}
		restError(w, status, code, "The request is rejected because the current account is not the delegated "+
			"administrator of the organization in "+region)
		return
	}
	switch {
	case service == GuardDuty && op == "ListDetectors":
		writeJSON(w, map[string]any{"detectorIds": []string{c.DetectorID}})
	case service == GuardDuty:
		if r.URL.Path != "/detector/"+c.DetectorID+"/admin" {
			restError(w, http.StatusBadRequest, "BadRequestException", "The request is rejected because the "+
				"input detectorId is not owned by the current account.")
			return
		}
		writeJSON(w, c.Answer)
	case service == SecurityHub && op != "DescribeOrganizationConfiguration",
		service == Detective, service == AccessAnalyzer, service == ConfigService:
		o.serveList(w, r, service, op, c)
	default:
		writeJSON(w, c.Answer)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
