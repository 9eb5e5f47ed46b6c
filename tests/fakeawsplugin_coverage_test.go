package tests

import (
	"encoding/json"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider/plan"
	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// standInTokens are the resource and function tokens the stand-in aws
// plugin's schema declares (`pulumi-resource-aws -schema` prints it).
func standInTokens(t *testing.T) map[string]bool {
	t.Helper()
	aws := fakeAWSPlugin(t)
	cmd := exec.CommandContext(t.Context(), filepath.Join(aws.Path, "pulumi-resource-aws"), "-schema")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "the stand-in's schema: %s", stderr.String())
	var schema struct {
		Resources map[string]json.RawMessage `json:"resources"`
		Functions map[string]json.RawMessage `json:"functions"`
	}
	require.NoError(t, json.Unmarshal(out, &schema))
	served := map[string]bool{}
	for tok := range schema.Resources {
		served[tok] = true
	}
	for tok := range schema.Functions {
		served[tok] = true
	}
	return served
}

// componentAWSTokens are the pulumi-aws resource types the components
// register and the functions they invoke for the organization baseline with
// Pulumi.example.yaml (every component and section, with the plan's
// fixtures), under Pulumi's mocks.
func componentAWSTokens(t *testing.T) []string {
	t.Helper()
	root := engine.RepoRoot()
	p, err := plan.Run(plan.Options{StackConfig: filepath.Join(root, "Pulumi.example.yaml"),
		Fixtures: filepath.Join(root, "examples", "baseline", "plan-fixtures.yaml")})
	require.NoError(t, err)
	require.Empty(t, p.Errors, "Pulumi.example.yaml plans without errors")
	set := map[string]bool{}
	for _, r := range p.Graph.Resources {
		if strings.HasPrefix(r.Type, "aws:") {
			set[r.Type] = true
		}
	}
	for _, l := range p.Lookups {
		if strings.HasPrefix(l.Token, "aws:") {
			set[l.Token] = true
		}
	}
	out := make([]string, 0, len(set))
	for tok := range set {
		out = append(out, tok)
	}
	sort.Strings(out)
	return out
}

// TestStandInServesEveryAWSType: every pulumi-aws type and function the
// components register or invoke is served by tests/fakeawsplugin, so a
// component cannot add a pulumi-aws child the stand-in does not serve. The
// types are those the plan of Pulumi.example.yaml registers and invokes, and
// every one the components' source can register or invoke
// (sourceAWSTokens), so that a section the example leaves out is covered too.
func TestStandInServesEveryAWSType(t *testing.T) {
	t.Parallel()
	served := standInTokens(t)
	planned := componentAWSTokens(t)
	require.NotEmpty(t, planned)
	used := sourceAWSTokens(t)
	for _, tok := range planned {
		if _, ok := used[tok]; !ok {
			used[tok] = "the plan of Pulumi.example.yaml"
		}
	}
	var missing []string
	for _, tok := range slices.Sorted(maps.Keys(used)) {
		if !served[tok] {
			missing = append(missing, tok+" ("+used[tok]+")")
		}
	}
	assert.Empty(t, missing, "the components register or invoke these pulumi-aws types, which the stand-in aws "+
		"plugin (tests/fakeawsplugin) does not serve: add them there, with pulumi-aws v6's properties, ID and "+
		"behaviour")
}
