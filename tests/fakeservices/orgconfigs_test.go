package fakeservices_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
)

// TestOrgConfigsChecksTheScopeAgainstTheOperationsService: each
// administrator-side read is known by its path, and its credential scope must
// name that service and a valid Region, as AWS's front ends check it before
// the operation runs; only then is the caller checked.
func TestOrgConfigsChecksTheScopeAgainstTheOperationsService(t *testing.T) {
	t.Parallel()
	fake := fakeservices.NewOrgConfigs()
	fake.Set(fakeservices.Detective, "us-east-1", fakeservices.OrgConfig{Admin: "222222222222",
		GraphArn: "arn:aws:detective:us-east-1:222222222222:graph:0123", Answer: map[string]any{"AutoEnable": true}})
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	// Access Analyzer's and Config's reads are their own fakes', per account.
	org := fakeorg.New(fakeorg.Options{})
	t.Cleanup(org.Close)
	analyzer := httptest.NewServer(fakeservices.NewAccessAnalyzer(org, fakeorg.DefaultManagementAccountID))
	t.Cleanup(analyzer.Close)
	config := httptest.NewServer(fakeservices.NewConfigService(org,
		fakeservices.NewIAM(fakeorg.DefaultManagementAccountID), fakeorg.DefaultManagementAccountID))
	t.Cleanup(config.Close)
	call := func(url, method, path, target, key, scope string) (*http.Response, map[string]any) {
		req, err := http.NewRequestWithContext(t.Context(), method, url+path, strings.NewReader("{}"))
		require.NoError(t, err)
		if target != "" {
			req.Header.Set("X-Amz-Target", target)
		}
		if scope != "" {
			req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+key+"/20260101/"+scope+
				"/aws4_request, SignedHeaders=host, Signature=00")
		}
		if url == srv.URL {
			require.True(t, fake.Serves(req), "%s %s is one of the fake's calls", method, path)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var body map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp, body
	}
	admin := fakeservices.AssumedKeyPrefix + "222222222222"
	for _, tc := range []struct {
		name, url, method, path, target, key, scope string
		status                                      int
		code                                        string
	}{
		{"Detective's call signed for Security Hub", srv.URL, http.MethodPost, "/graphs/list", "", admin,
			"us-east-1/securityhub", http.StatusForbidden, "InvalidSignatureException"},
		{"Access Analyzer's call signed for an invalid Region", analyzer.URL, http.MethodGet, "/analyzer", "", admin,
			"us-east-9x/access-analyzer", http.StatusForbidden, "InvalidSignatureException"},
		{"Config's call unsigned", config.URL, http.MethodPost, "/",
			"StarlingDoveService.DescribeConfigurationAggregators", admin, "", http.StatusForbidden,
			"MissingAuthenticationTokenException"},
		{"Detective's call from the management account", srv.URL, http.MethodPost, "/orgs/describeOrganizationConfiguration",
			"", "AKIDFAKE", "us-east-1/detective", http.StatusForbidden, "AccessDeniedException"},
		{"Detective's call from its administrator", srv.URL, http.MethodPost, "/graphs/list", "", admin,
			"us-east-1/detective", http.StatusOK, ""},
	} {
		resp, _ := call(tc.url, tc.method, tc.path, tc.target, tc.key, tc.scope)
		assert.Equal(t, tc.status, resp.StatusCode, tc.name)
		assert.Equal(t, tc.code, resp.Header.Get("X-Amzn-ErrorType"), tc.name)
	}
	assert.Equal(t, 2, fake.Calls()["detective:ListGraphs"]+fake.Calls()["detective:DescribeOrganizationConfiguration"],
		"the calls whose scope passed")
}
