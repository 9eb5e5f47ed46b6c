package fakeservices

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The list and get calls of the organization configuration that discover
// reads beyond DescribeOrganizationConfiguration: Security Hub's central
// configuration (ListFindingAggregators, GetFindingAggregator,
// ListConfigurationPolicies, GetConfigurationPolicy,
// ListConfigurationPolicyAssociations), Detective's graph (ListGraphs,
// DescribeOrganizationConfiguration), Access Analyzer's ListAnalyzers and
// Config's DescribeConfigurationAggregators. Every list pages at
// DefaultPageSize, with each API's own token and limit names.

// Signing names of the services only OrgConfigs serves.
const (
	AccessAnalyzer = "access-analyzer"
	ConfigService  = "config"
)

// serveList answers one list or get call of c, the configuration of the
// caller, who is service's administrator in the request's Region.
func (o *OrgConfigs) serveList(w http.ResponseWriter, r *http.Request, service, op string, c *OrgConfig) {
	body := map[string]any{}
	if r.Method == http.MethodPost {
		raw, _ := io.ReadAll(r.Body)
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &body); err != nil {
				restError(w, http.StatusBadRequest, "ValidationException", "the body is not JSON: "+err.Error())
				return
			}
		}
	}
	q := r.URL.Query()
	switch op {
	case "ListFindingAggregators":
		var items []map[string]any
		if c.FindingAggregator != nil {
			items = append(items, map[string]any{"FindingAggregatorArn": c.FindingAggregator["FindingAggregatorArn"]})
		}
		writeListPage(w, items, "FindingAggregators", "NextToken", q.Get("NextToken"), q.Get("MaxResults"))
	case "GetFindingAggregator":
		arn, _ := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), "/findingAggregator/get/"))
		if c.FindingAggregator == nil || c.FindingAggregator["FindingAggregatorArn"] != arn {
			restError(w, http.StatusNotFound, "ResourceNotFoundException", "the finding aggregator "+arn+
				" does not exist in this account and Region")
			return
		}
		writeJSON(w, c.FindingAggregator)
	case "ListConfigurationPolicies":
		var items []map[string]any
		for _, p := range c.Policies {
			items = append(items, map[string]any{"Id": p["Id"], "Name": p["Name"], "Arn": p["Arn"],
				"ServiceEnabled": true})
		}
		writeListPage(w, items, "ConfigurationPolicySummaries", "NextToken", q.Get("NextToken"), q.Get("MaxResults"))
	case "GetConfigurationPolicy":
		id := strings.TrimPrefix(r.URL.Path, "/configurationPolicy/get/")
		for _, p := range c.Policies {
			if p["Id"] == id || p["Arn"] == id {
				writeJSON(w, p)
				return
			}
		}
		restError(w, http.StatusNotFound, "ResourceNotFoundException", "the configuration policy "+id+
			" does not exist")
	case "ListConfigurationPolicyAssociations":
		want := ""
		if f, ok := body["Filters"].(map[string]any); ok {
			want, _ = f["AssociationType"].(string)
		}
		var items []map[string]any
		for _, a := range c.Associations {
			if want == "" || a["AssociationType"] == want {
				items = append(items, a)
			}
		}
		writeListPage(w, items, "ConfigurationPolicyAssociationSummaries", "NextToken", str(body["NextToken"]),
			str(body["MaxResults"]))
	case "ListGraphs":
		var items []map[string]any
		if c.GraphArn != "" {
			items = append(items, map[string]any{"Arn": c.GraphArn, "CreatedTime": "2024-01-01T00:00:00Z"})
		}
		writeListPage(w, items, "GraphList", "NextToken", str(body["NextToken"]), str(body["MaxResults"]))
	case "DescribeOrganizationConfiguration": // Detective's
		if body["GraphArn"] != c.GraphArn {
			restError(w, http.StatusForbidden, "AccessDeniedException", "the graph "+str(body["GraphArn"])+
				" is not the caller's")
			return
		}
		writeJSON(w, c.Answer)
	case "ListAnalyzers":
		var items []map[string]any
		for _, a := range c.Analyzers {
			if t := q.Get("type"); t == "" || a["type"] == t {
				items = append(items, a)
			}
		}
		writeListPage(w, items, "analyzers", "nextToken", q.Get("nextToken"), q.Get("maxResults"))
	case "DescribeConfigurationAggregators":
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		writeListPage(w, c.Aggregators, "ConfigurationAggregators", "NextToken", str(body["NextToken"]),
			str(body["Limit"]))
	}
}

// writeListPage answers the page of items after token (an index), of the
// size asked for, at most DefaultPageSize.
func writeListPage(w http.ResponseWriter, items []map[string]any, key, tokenKey, token, size string) {
	start, _ := strconv.Atoi(token)
	n, _ := strconv.Atoi(size)
	if n <= 0 || n > DefaultPageSize {
		n = DefaultPageSize
	}
	start = min(max(start, 0), len(items))
	end := min(start+n, len(items))
	out := map[string]any{key: append([]map[string]any{}, items[start:end]...)}
	if end < len(items) {
		out[tokenKey] = strconv.Itoa(end)
	}
	writeJSON(w, out)
}

// str is a JSON value as a query value.
func str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}
