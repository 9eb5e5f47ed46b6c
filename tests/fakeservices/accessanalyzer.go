package fakeservices

import (
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// AccessAnalyzerPrincipal is IAM Access Analyzer's service principal.
const AccessAnalyzerPrincipal = "access-analyzer.amazonaws.com"

// AccessAnalyzer fakes IAM Access Analyzer's analyzers (REST-JSON, signing
// name access-analyzer), as pulumi-aws's accessanalyzer.Analyzer calls them:
// CreateAnalyzer (PUT /analyzer), GetAnalyzer (GET /analyzer/{name}) and
// DeleteAnalyzer (DELETE /analyzer/{name}), and ListAnalyzers (GET /analyzer,
// as discover reads them), per account (the caller's: the
// management account, or the role's account of AssumeRole credentials) and
// Region. An ORGANIZATION analyzer can be created only by the management
// account or Access Analyzer's delegated administrator in org, as AWS says.
type AccessAnalyzer struct {
	mu        sync.Mutex
	org       *fakeorg.Server
	mgmt      string
	analyzers map[string]analyzer // account/region/name
	calls     map[string]int
}

type analyzer struct {
	Arn, Name, Type string
	Tags            map[string]string
	Created         time.Time
	// Configuration is an unused-access analyzer's configuration JSON.
	Configuration map[string]any
}

// NewAccessAnalyzer returns a fake without analyzers, whose organization is
// org with management account mgmt.
func NewAccessAnalyzer(org *fakeorg.Server, mgmt string) *AccessAnalyzer {
	return &AccessAnalyzer{org: org, mgmt: mgmt, analyzers: map[string]analyzer{}, calls: map[string]int{}}
}

// Analyzers returns the keys (account/region/name) of the analyzers.
func (a *AccessAnalyzer) Analyzers() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []string
	for k := range a.analyzers {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var analyzerNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,254}$`)

// ServeHTTP answers one call.
func (a *AccessAnalyzer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	region, _, _ := Scope(r)
	if e := fakeaws.CheckScope(r, fakeaws.JSON, "", "access-analyzer"); e != nil {
		restError(w, e.Status, e.Code, e.Message)
		return
	}
	account := AssumedAccount(r)
	if account == "" {
		account = a.mgmt
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case r.Method == http.MethodPut && r.URL.Path == "/analyzer":
		var req struct {
			AnalyzerName, Type string
			Tags               map[string]string
			Configuration      map[string]any
		}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err := json.Unmarshal(body, &req); err != nil || !analyzerNamePattern.MatchString(req.AnalyzerName) {
			restError(w, http.StatusBadRequest, "ValidationException", "invalid analyzerName")
			return
		}
		unused, _ := req.Configuration["unusedAccess"].(map[string]any)
		if strings.HasSuffix(req.Type, "_UNUSED_ACCESS") != (unused != nil) {
			restError(w, http.StatusBadRequest, "ValidationException", "configuration.unusedAccess is required for "+
				"an unused access analyzer, and only for it")
			return
		}
		switch req.Type {
		case "ACCOUNT", "ACCOUNT_UNUSED_ACCESS":
		case "ORGANIZATION", "ORGANIZATION_UNUSED_ACCESS":
			if account != a.mgmt && !slices.Contains(a.org.DelegatedAdmins(AccessAnalyzerPrincipal), account) {
				restError(w, http.StatusBadRequest, "ValidationException", "You must be the management account or "+
					"a delegated administrator of the organization to create an analyzer of type ORGANIZATION.")
				return
			}
		default:
			restError(w, http.StatusBadRequest, "ValidationException", "invalid type "+req.Type)
			return
		}
		key := account + "/" + region + "/" + req.AnalyzerName
		if _, exists := a.analyzers[key]; exists {
			restError(w, http.StatusConflict, "ConflictException", "Analyzer "+req.AnalyzerName+" already exists")
			return
		}
		an := analyzer{Arn: "arn:aws:access-analyzer:" + region + ":" + account + ":analyzer/" + req.AnalyzerName,
			Name: req.AnalyzerName, Type: req.Type, Tags: req.Tags, Created: time.Now().UTC(),
			Configuration: req.Configuration}
		a.analyzers[key] = an
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"arn": an.Arn})
	case r.Method == http.MethodGet && r.URL.Path == "/analyzer":
		// ListAnalyzers: the caller's analyzers in region, of the type asked
		// for, by name, paged.
		q := r.URL.Query()
		var items []map[string]any
		for _, key := range slices.Sorted(maps.Keys(a.analyzers)) {
			if an := a.analyzers[key]; strings.HasPrefix(key, account+"/"+region+"/") &&
				(q.Get("type") == "" || an.Type == q.Get("type")) {
				items = append(items, an.summary())
			}
		}
		a.calls["ListAnalyzers"]++
		writeListPage(w, items, "analyzers", "nextToken", q.Get("nextToken"), q.Get("maxResults"))
	case strings.HasPrefix(r.URL.Path, "/analyzer/") && (r.Method == http.MethodGet || r.Method == http.MethodDelete):
		name := strings.TrimPrefix(r.URL.Path, "/analyzer/")
		key := account + "/" + region + "/" + name
		an, exists := a.analyzers[key]
		if !exists {
			restError(w, http.StatusNotFound, "ResourceNotFoundException", "Analyzer "+name+" not found")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodDelete {
			delete(a.analyzers, key)
			_, _ = w.Write([]byte("{}"))
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"analyzer": an.summary()})
	default:
		restError(w, http.StatusNotFound, "UnknownOperationException", "no operation at "+r.Method+" "+r.URL.Path)
	}
}

// Calls returns the list calls answered so far, by operation (ListAnalyzers).
func (a *AccessAnalyzer) Calls() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return maps.Clone(a.calls)
}

// summary is the analyzer as GetAnalyzer and ListAnalyzers answer it.
func (an analyzer) summary() map[string]any {
	tags := an.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	out := map[string]any{"arn": an.Arn, "name": an.Name, "type": an.Type, "status": "ACTIVE",
		"createdAt": an.Created.Format(time.RFC3339), "tags": tags}
	if an.Configuration != nil {
		out["configuration"] = an.Configuration
	}
	return out
}

// Add makes an analyzer in account and region, as one made before the test
// (an existing organization's), and returns its ARN.
func (a *AccessAnalyzer) Add(account, region, name, typ string, configuration map[string]any) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	an := analyzer{Arn: "arn:aws:access-analyzer:" + region + ":" + account + ":analyzer/" + name, Name: name,
		Type: typ, Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Configuration: configuration}
	a.analyzers[account+"/"+region+"/"+name] = an
	return an.Arn
}
