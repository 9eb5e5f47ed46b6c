package plan

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// updateGolden regenerates the golden files of this package:
// ORGTRUST_UPDATE_GOLDEN=1 go test ./provider/plan/
var updateGolden = os.Getenv("ORGTRUST_UPDATE_GOLDEN") == "1"

// checkGolden compares got with testdata/<golden>, or rewrites it.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", golden)
	if updateGolden {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file: run ORGTRUST_UPDATE_GOLDEN=1 go test ./provider/plan/")
	assert.Equal(t, string(want), string(got), "the plan differs from %s: if the change is intended, run "+
		"ORGTRUST_UPDATE_GOLDEN=1 go test ./provider/plan/ and review the diff", path)
}

// largeOrg is the golden's organization: 20 permission sets × 5 groups × 20
// ACTIVE accounts (and 2 SUSPENDED ones), plus an existing group's two rules:
// 2,022 assignments, ten times SummaryThreshold.
var largeOrg = scaleShape{permissionSets: 20, groups: 5, accounts: 20, suspended: 2, extras: true}

// runScale plans a generated organization and requires that it is valid.
func runScale(t *testing.T, s scaleShape) *Plan {
	t.Helper()
	config, fixtures := s.write(t, t.TempDir(), "large")
	p, err := Run(Options{StackConfig: config, Fixtures: fixtures})
	require.NoError(t, err)
	require.Empty(t, p.Errors)
	return p
}

func write(t *testing.T, p *Plan, f Format) string {
	t.Helper()
	var out, errs bytes.Buffer
	require.NoError(t, p.Write(&out, &errs, f))
	require.Empty(t, errs.String())
	return out.String()
}

// TestPlanLargeGolden pins the summary and the collapsed diagram of a large
// organization: the default text output is the summary, the Mermaid output
// has one node per assignment rule, and FORMAT=full still lists every
// resource in create and destroy order.
func TestPlanLargeGolden(t *testing.T) {
	t.Parallel()
	p := runScale(t, largeOrg)
	require.True(t, p.Summarized())
	text := write(t, p, FormatText)
	assert.Equal(t, text, write(t, p, FormatSummary), "the default text of a large plan is its summary")
	checkGolden(t, "large-summary.txt", []byte(text))
	checkGolden(t, "large.mmd", []byte(write(t, p, FormatMermaid)))

	full := write(t, p, FormatFull)
	var want bytes.Buffer
	require.NoError(t, p.WriteText(&want))
	assert.Equal(t, want.String(), full)
	assert.Contains(t, full, fmt.Sprintf("Create order (%d resources", len(p.Create)))
	assert.Contains(t, full, fmt.Sprintf("%4d. identity-center (create #1)", len(p.Create)))
}

// TestPlanLargeCreateOrder: in the create order of a large organization,
// every resource comes after all its Predecessors.
func TestPlanLargeCreateOrder(t *testing.T) {
	t.Parallel()
	p := runScale(t, largeOrg)
	pos := map[string]int{}
	for i, urn := range p.Create {
		pos[urn] = i
	}
	require.Len(t, pos, len(p.Graph.Resources))
	for _, urn := range p.Create {
		for _, pred := range p.Graph.Predecessors(urn) {
			require.Less(t, pos[pred], pos[urn], "%s comes before its predecessor %s", urn, pred)
		}
	}
}

// TestPlanSummaryGroupsAssignmentsByRule checks the rule lines against the
// configuration, in each assignments mode (one resource per assignment, the
// set's inputs, both): each OU rule reaches the OU's ACTIVE accounts, the
// existing group's rule adds its account and drops the excluded one, and
// every assignment is counted once.
func TestPlanSummaryGroupsAssignmentsByRule(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ mode, perResource string }{
		{"", "  2022  aws:ssoadmin/accountAssignment:AccountAssignment\n"},
		{"set", ""},
		{"migrate", "  2022  aws:ssoadmin/accountAssignment:AccountAssignment\n"},
	} {
		t.Run(cmp.Or(tc.mode, "default"), func(t *testing.T) {
			t.Parallel()
			shape := largeOrg
			shape.mode = tc.mode
			p := runScale(t, shape)
			a := p.assignments()
			require.Len(t, a.rules, 22)
			for i, rs := range a.rules[:20] {
				assert.Equal(t, 20, rs.accounts, "rule %d", i)
				assert.Equal(t, 100, rs.assignments, "rule %d", i)
			}
			assert.Equal(t, 20, a.rules[20].accounts, "19 ACTIVE accounts of the OU (one excluded) and 999999999999")
			assert.Equal(t, 2, a.rules[21].assignments)
			assert.Equal(t, 2022, a.total)
			assert.Zero(t, a.unmatched)

			summary := write(t, p, FormatSummary)
			assert.Contains(t, summary, "  [20] PermissionSet01 to group Auditors in OU ou-ab12-workload, account "+
				"999999999999, except 300000000000: 20 accounts, 20 assignments\n")
			if tc.perResource != "" {
				assert.Contains(t, summary, tc.perResource)
			} else {
				assert.NotContains(t, summary, "aws:ssoadmin/accountAssignment:AccountAssignment")
			}
			assert.Contains(t, summary, "-> 22 accounts: 20 ACTIVE, 2 SUSPENDED [fixture]")
		})
	}
}

// mermaidEdges matches an arrow line of the diagram.
var mermaidEdges = regexp.MustCompile(`(?m)^  [rg]\d+ -\.?-> [rg]\d+$`)

// TestPlanCollapsedDiagramStaysSmall: the collapsed diagram of a large
// organization has the same nodes and arrows whatever the number of
// accounts, within Mermaid's default limits (maxTextSize 50,000 characters,
// maxEdges 500), and the small rule (2 assignments) stays expanded.
func TestPlanCollapsedDiagramStaysSmall(t *testing.T) {
	t.Parallel()
	shapes := []scaleShape{largeOrg, largeOrg}
	shapes[1].accounts = 40
	var diagrams []string
	for _, s := range shapes {
		d := write(t, runScale(t, s), FormatMermaid)
		assert.Less(t, len(d), 50000)
		assert.Less(t, len(mermaidEdges.FindAllString(d, -1)), 500)
		assert.Equal(t, 2, strings.Count(d, "identity-center-assign-PermissionSet02-group-Auditors-"))
		diagrams = append(diagrams, d)
	}
	digits := regexp.MustCompile(`\d+`)
	assert.Equal(t, strings.Count(diagrams[0], "\n"), strings.Count(diagrams[1], "\n"))
	assert.Equal(t, digits.ReplaceAllString(diagrams[0], "N"), digits.ReplaceAllString(diagrams[1], "N"))
}

// TestPlanSummaryThreshold: up to SummaryThreshold resources the default
// text is the full list and the diagram is not collapsed; one more, and it
// is the summary and the collapsed diagram.
func TestPlanSummaryThreshold(t *testing.T) {
	t.Parallel()
	// One permission set (with its provisioning) and one group: 8 resources
	// besides the assignments.
	for _, tc := range []struct {
		accounts   int
		summarized bool
	}{
		{SummaryThreshold - 8, false},
		{SummaryThreshold - 7, true},
	} {
		t.Run(fmt.Sprint(tc.accounts), func(t *testing.T) {
			t.Parallel()
			p := runScale(t, scaleShape{permissionSets: 1, groups: 1, accounts: tc.accounts})
			require.Equal(t, SummaryThreshold+btoi(tc.summarized), len(p.Create))
			assert.Equal(t, tc.summarized, p.Summarized())
			text, diagram := write(t, p, FormatText), write(t, p, FormatMermaid)
			assert.Equal(t, tc.summarized, strings.Contains(text, "Summary ("))
			assert.Equal(t, !tc.summarized, strings.Contains(text, "Create order ("))
			assert.Equal(t, tc.summarized, strings.Contains(diagram, fmt.Sprintf("%d × aws ssoadmin "+
				"AccountAssignment", tc.accounts)))
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestParseFormat(t *testing.T) {
	t.Parallel()
	for _, f := range Formats {
		got, err := ParseFormat(string(f))
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := ParseFormat("json")
	require.ErrorContains(t, err, `-format "json" is not a format: use text, full, summary, mermaid`)
}
