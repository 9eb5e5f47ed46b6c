package fakeservices

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// AccessAnalyzerPrincipal is IAM Access Analyzer's service principal.
const AccessAnalyzerPrincipal = "access-analyzer.amazonaws.com"

// AccessAnalyzer fakes IAM Access Analyzer's analyzers (REST-JSON, signing
// name access-analyzer), as pulumi-aws's accessanalyzer.Analyzer calls them:
// CreateAnalyzer (PUT /analyzer), GetAnalyzer (GET /analyzer/{name}) and
// DeleteAnalyzer (DELETE /analyzer/{name}), per account (the caller's: the
// management account, or the role's account of AssumeRole credentials) and
// Region. An ORGANIZATION analyzer can be created only by the management
// account or Access Analyzer's delegated administrator in org, as AWS says.
type AccessAnalyzer struct {
	mu        sync.Mutex
	org       *fakeorg.Server
	mgmt      string
	analyzers map[string]analyzer // account/region/name
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
	return &AccessAnalyzer{org: org, mgmt: mgmt, analyzers: map[string]analyzer{}}
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
	region, _, ok := Scope(r)
	if !ok {
		restError(w, http.StatusForbidden, "AccessDeniedException", "the request must be signed")
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
		tags := an.Tags
		if tags == nil {
			tags = map[string]string{}
		}
		out := map[string]any{"arn": an.Arn, "name": an.Name, "type": an.Type, "status": "ACTIVE",
			"createdAt": an.Created.Format(time.RFC3339), "tags": tags}
		if an.Configuration != nil {
			out["configuration"] = an.Configuration
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"analyzer": out})
	default:
		restError(w, http.StatusNotFound, "UnknownOperationException", "no operation at "+r.Method+" "+r.URL.Path)
	}
}
