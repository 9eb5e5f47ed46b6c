package fakeservices

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
)

// The list calls of the organization configuration that discover reads
// beyond DescribeOrganizationConfiguration: Security Hub's central
// configuration (ListFindingAggregators, ListConfigurationPolicies,
// ListConfigurationPolicyAssociations, from the store the writes share;
// GetFindingAggregator and GetConfigurationPolicy are answered with the
// writes, orgconfigs_write.go) and Detective's graph (ListGraphs,
// DescribeOrganizationConfiguration). Access Analyzer's ListAnalyzers and
// Config's DescribeConfigurationAggregators are the AccessAnalyzer and
// ConfigService fakes' own, per account. Every list pages at
// DefaultPageSize, with each API's own token and limit names.

// serveList answers one list call of c, the configuration of the caller,
// who is service's administrator in region.
func (o *OrgConfigs) serveList(w http.ResponseWriter, r *http.Request, region, op string, c *OrgConfig) {
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
		aggs, _, _ := o.hubLists(region)
		var items []map[string]any
		for _, a := range aggs {
			items = append(items, map[string]any{"FindingAggregatorArn": a["FindingAggregatorArn"]})
		}
		writeListPage(w, items, "FindingAggregators", "NextToken", q.Get("NextToken"), q.Get("MaxResults"))
	case "ListConfigurationPolicies":
		_, policies, _ := o.hubLists(region)
		var items []map[string]any
		for _, p := range policies {
			items = append(items, map[string]any{"Id": p["Id"], "Name": p["Name"], "Arn": p["Arn"],
				"ServiceEnabled": true})
		}
		writeListPage(w, items, "ConfigurationPolicySummaries", "NextToken", q.Get("NextToken"), q.Get("MaxResults"))
	case "ListConfigurationPolicyAssociations":
		want := ""
		if f, ok := body["Filters"].(map[string]any); ok {
			want, _ = f["AssociationType"].(string)
		}
		_, _, assocs := o.hubLists(region)
		var items []map[string]any
		for _, a := range assocs {
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
