package fakeservices

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// ConfigService fakes AWS Config's configuration aggregators (JSON 1.1,
// X-Amz-Target StarlingDoveService.<Operation>): PutConfigurationAggregator,
// DescribeConfigurationAggregators (by name, or all of them, paged, as
// discover reads them) and DeleteConfigurationAggregator, per
// account (the assumed one) and Region. As Config does, an organization
// aggregator is accepted only from the management account or a delegated
// administrator of config.amazonaws.com or
// config-multiaccountsetup.amazonaws.com (else
// OrganizationAccessDeniedException), and only with a role that exists in
// the caller's account with AWSConfigRoleForOrganizations attached (else
// InvalidRoleException).
type ConfigService struct {
	mu     sync.Mutex
	org    *fakeorg.Server
	iam    *IAM
	mgmt   string
	aggs   map[string]map[string]any // account/region/name -> the aggregator's JSON
	counts map[string]int
}

// NewConfigService returns a fake with no aggregator.
func NewConfigService(org *fakeorg.Server, iam *IAM, mgmt string) *ConfigService {
	return &ConfigService{org: org, iam: iam, mgmt: mgmt, aggs: map[string]map[string]any{}, counts: map[string]int{}}
}

// Aggregators lists the aggregators, as account/region/name.
func (s *ConfigService) Aggregators() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.aggs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ServeHTTP answers one call.
func (s *ConfigService) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	region, _, _ := Scope(r)
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", "config"); e != nil {
		configError(w, e.Status, e.Code, e.Message)
		return
	}
	op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "StarlingDoveService.")
	var body struct {
		ConfigurationAggregatorName   string
		ConfigurationAggregatorNames  []string
		NextToken                     string
		Limit                         int
		OrganizationAggregationSource *struct {
			RoleArn    string
			AwsRegions []string
			AllRegions bool
		}
	}
	data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(data, &body); err != nil {
		configError(w, http.StatusBadRequest, "SerializationException", err.Error())
		return
	}
	account := AssumedAccount(r)
	if account == "" {
		account = s.mgmt
	}
	prefix := account + "/" + region + "/"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counts[op]++
	switch op {
	case "PutConfigurationAggregator":
		src := body.OrganizationAggregationSource
		if src == nil {
			configError(w, http.StatusBadRequest, "InvalidParameterValueException",
				"the fake serves organization aggregators only")
			return
		}
		if account != s.mgmt && !slices.Contains(s.org.DelegatedAdmins("config.amazonaws.com"), account) &&
			!slices.Contains(s.org.DelegatedAdmins("config-multiaccountsetup.amazonaws.com"), account) {
			configError(w, http.StatusBadRequest, "OrganizationAccessDeniedException", "account "+account+
				" is neither the management account nor a delegated administrator of AWS Config")
			return
		}
		name := src.RoleArn[strings.LastIndex(src.RoleArn, "/")+1:]
		if !strings.HasPrefix(src.RoleArn, "arn:aws:iam::"+account+":role/") {
			configError(w, http.StatusBadRequest, "InvalidRoleException", "the role "+src.RoleArn+" is not in "+account)
			return
		}
		_, policies, ok := s.iam.Role(account, name)
		if !ok || !slices.ContainsFunc(policies, func(p string) bool {
			return strings.HasSuffix(p, "/AWSConfigRoleForOrganizations")
		}) {
			configError(w, http.StatusBadRequest, "InvalidRoleException", "the role "+src.RoleArn+" does not exist "+
				"or does not have AWSConfigRoleForOrganizations attached")
			return
		}
		if src.AllRegions == (len(src.AwsRegions) > 0) {
			configError(w, http.StatusBadRequest, "InvalidParameterValueException",
				"give AllRegions or AwsRegions, one of them")
			return
		}
		agg := map[string]any{"ConfigurationAggregatorName": body.ConfigurationAggregatorName,
			"ConfigurationAggregatorArn": fmt.Sprintf("arn:aws:config:%s:%s:config-aggregator/config-aggregator-%s",
				region, account, strings.ToLower(body.ConfigurationAggregatorName)),
			"OrganizationAggregationSource": src, "CreationTime": 1.7e9, "LastUpdatedTime": 1.7e9}
		s.aggs[prefix+body.ConfigurationAggregatorName] = agg
		writeJSON(w, map[string]any{"ConfigurationAggregator": agg})
	case "DescribeConfigurationAggregators":
		if len(body.ConfigurationAggregatorNames) == 0 {
			// Every aggregator of the caller in region, by name, paged.
			var items []map[string]any
			for _, k := range slices.Sorted(maps.Keys(s.aggs)) {
				if strings.HasPrefix(k, prefix) {
					items = append(items, s.aggs[k])
				}
			}
			w.Header().Set("Content-Type", "application/x-amz-json-1.1")
			writeListPage(w, items, "ConfigurationAggregators", "NextToken", body.NextToken, strconv.Itoa(body.Limit))
			return
		}
		var out []any
		for _, n := range body.ConfigurationAggregatorNames {
			agg := s.aggs[prefix+n]
			if agg == nil {
				configError(w, http.StatusBadRequest, "NoSuchConfigurationAggregatorException",
					"The configuration aggregator does not exist. Check the configuration aggregator name and try again.")
				return
			}
			out = append(out, agg)
		}
		writeJSON(w, map[string]any{"ConfigurationAggregators": out})
	case "DeleteConfigurationAggregator":
		if s.aggs[prefix+body.ConfigurationAggregatorName] == nil {
			configError(w, http.StatusBadRequest, "NoSuchConfigurationAggregatorException",
				"The configuration aggregator does not exist.")
			return
		}
		delete(s.aggs, prefix+body.ConfigurationAggregatorName)
		writeJSON(w, map[string]any{})
	default:
		configError(w, http.StatusBadRequest, "UnknownOperationException", "the fake Config does not serve "+op)
	}
}

// Add makes an aggregator (its DescribeConfigurationAggregators JSON, with
// ConfigurationAggregatorName) in account and region, as one made before the
// test (an existing organization's).
func (s *ConfigService) Add(account, region string, agg map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aggs[account+"/"+region+"/"+agg["ConfigurationAggregatorName"].(string)] = agg
}

// configError is a JSON 1.1 protocol error answer.
func configError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"__type": code, "message": msg})
}
