package fakeservices

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
)

// OrgConfigs fakes the services' organization configuration, which the
// delegated administrator reads and writes in its own account, per Region:
// GuardDuty (ListDetectors, then DescribeOrganizationConfiguration of the
// detector), Security Hub (with its central configuration), Macie, Inspector
// and Detective (DescribeOrganizationConfiguration, its graph), with the
// writes of orgconfigs_write.go on the same store. As AWS does, each answers only the
// service's administrator in that Region: a request must carry credentials
// that STS's AssumeRole gave for the administrator's account
// (AssumedAccount); any other caller, the management account included, gets
// the error the service gives a non-administrator.
type OrgConfigs struct {
	mu      sync.Mutex
	configs map[string]map[string]*OrgConfig // service -> region -> configuration
	calls   map[string]int
	// The writes' state (orgconfigs_write.go): the administrators (from
	// Admins, once UseAdmins), GuardDuty's detectors and Security Hub's
	// central configuration, which Set's seeds go into too: one store that
	// the reads and the writes share.
	admins *Admins
	hub    *hubState
	// members are Macie's, Inspector's and Detective's members and
	// Inspector's scans (orgconfigs_members.go), whose accounts must be org's
	// (UseOrganization).
	members *memberState
	org     AccountDirectory
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
	// aggregator only (ListFindingAggregators lists it there too). Set puts
	// them into the store the writes change (orgconfigs_write.go).
	FindingAggregator map[string]any
	Policies          []map[string]any
	Associations      []map[string]any
	// auto: made for a designated administrator (UseAdmins), not by Set.
	auto bool
}

// NewOrgConfigs returns an empty fake.
func NewOrgConfigs() *OrgConfigs {
	return &OrgConfigs{configs: map[string]map[string]*OrgConfig{}, calls: map[string]int{}, hub: newHubState(),
		members: newMemberState()}
}

// Set records service's configuration in region.
func (o *OrgConfigs) Set(service, region string, c OrgConfig) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.configs[service] == nil {
		o.configs[service] = map[string]*OrgConfig{}
	}
	o.configs[service][region] = &c
	o.hub.seed(service, region, &c)
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
	_, op := orgConfigOperation(r)
	return op != ""
}

// orgConfigOperation names the service and the call r makes, from its
// method and path (and target header) alone, as each service's endpoint
// knows its own operations: the credential scope is then checked against
// that service, as AWS checks it. "" when the fake does not serve it.
func orgConfigOperation(r *http.Request) (service, op string) {
	get, post, path := r.Method == http.MethodGet, r.Method == http.MethodPost, r.URL.Path
	switch {
	case get && path == "/detector":
		return GuardDuty, "ListDetectors"
	case get && strings.HasPrefix(path, "/detector/") && strings.HasSuffix(path, "/admin"):
		return GuardDuty, "DescribeOrganizationConfiguration"
	case post && strings.HasPrefix(path, "/detector/") && strings.HasSuffix(path, "/admin"):
		return GuardDuty, "UpdateOrganizationConfiguration"
	case get && strings.HasPrefix(path, "/detector/") && strings.Count(path, "/") == 2:
		return GuardDuty, "GetDetector"
	case get && path == "/organization/configuration":
		return SecurityHub, "DescribeOrganizationConfiguration"
	case get && path == "/findingAggregator/list":
		return SecurityHub, "ListFindingAggregators"
	case get && path == "/configurationPolicy/list":
		return SecurityHub, "ListConfigurationPolicies"
	case post && path == "/configurationPolicyAssociation/list":
		return SecurityHub, "ListConfigurationPolicyAssociations"
	case get && path == "/admin/configuration":
		return Macie, "DescribeOrganizationConfiguration"
	case post && path == "/organizationconfiguration/describe":
		return Inspector, "DescribeOrganizationConfiguration"
	case post && path == "/graphs/list":
		return Detective, "ListGraphs"
	case post && path == "/orgs/describeOrganizationConfiguration":
		return Detective, "DescribeOrganizationConfiguration"
	}
	if op := hubOperation(r); op != "" {
		return SecurityHub, op
	}
	return memberOperation(r)
}

// ServeHTTP answers one call.
func (o *OrgConfigs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	service, op := orgConfigOperation(r)
	region, _, _ := Scope(r)
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", service); e != nil {
		restError(w, e.Status, e.Code, e.Message)
		return
	}
	caller := AssumedAccount(r)
	if o.serveMembers(w, r, region, service, op, caller) {
		return
	}
	if o.serveWrite(w, r, region, service, op, caller) {
		return
	}
	o.mu.Lock()
	o.calls[service+":"+op]++
	c := o.current(service, region, caller)
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
	case service == SecurityHub && op != "DescribeOrganizationConfiguration", service == Detective:
		o.serveList(w, r, region, op, c)
	default:
		writeJSON(w, c.Answer)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
