package catalog

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRegionsTable checks the table's own rules: codes sorted in each
// partition (LookupRegion searches them), each code once, each named, and
// the lookups find every one in its partition.
func TestRegionsTable(t *testing.T) {
	t.Parallel()
	seen := map[string]string{}
	for _, p := range Partitions() {
		codes := p.Codes()
		assert.Truef(t, slices.IsSorted(codes), "the Regions of %s are sorted", p.ID)
		for _, r := range p.Regions {
			assert.NotEmpty(t, r.Name, r.Code)
			if other, dup := seen[r.Code]; dup {
				t.Errorf("%s is in %s and %s", r.Code, other, p.ID)
			}
			seen[r.Code] = p.ID
			_, got, ok := LookupRegion(r.Code)
			require.True(t, ok, r.Code)
			assert.Equal(t, p.ID, got.ID, r.Code)
		}
	}
	for _, missing := range []string{"eu-wset-1", "us-east-7", "aws-global", ""} {
		_, _, ok := LookupRegion(missing)
		assert.Falsef(t, ok, "%q is not a Region", missing)
	}
}

// sdkPartitions is the partition table of the AWS SDK for Go v2 this module
// builds with (internal/endpoints/awsrulesfn/partitions.json).
type sdkPartitions struct {
	Partitions []struct {
		ID          string                     `json:"id"`
		RegionRegex string                     `json:"regionRegex"`
		Regions     map[string]json.RawMessage `json:"regions"`
	} `json:"partitions"`
}

// TestRegionsCoverTheSDK compares the table with the partitions and Regions
// of the AWS SDK for Go v2 that go.mod requires: every partition and Region
// the SDK resolves endpoints for must be in the table, in the same partition,
// and every Region of the table must match its partition's Region pattern.
// It fails when an SDK upgrade brings a Region the table lacks.
func TestRegionsCoverTheSDK(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-sdk-go-v2").Output()
	require.NoError(t, err, "go list finds the SDK module")
	path := filepath.Join(strings.TrimSpace(string(out)), "internal", "endpoints", "awsrulesfn", "partitions.json")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var sdk sdkPartitions
	require.NoError(t, json.Unmarshal(data, &sdk))
	require.NotEmpty(t, sdk.Partitions)
	for _, sp := range sdk.Partitions {
		p, ok := LookupPartition(sp.ID)
		if !assert.Truef(t, ok, "the SDK's partition %s is in the table", sp.ID) {
			continue
		}
		pattern := regexp.MustCompile(sp.RegionRegex)
		for code := range sp.Regions {
			if strings.HasSuffix(code, "-global") {
				continue // an endpoint alias, not a Region
			}
			_, got, ok := LookupRegion(code)
			if assert.Truef(t, ok, "the SDK's Region %s (%s) is in the table", code, sp.ID) {
				assert.Equal(t, sp.ID, got.ID, code)
			}
		}
		for _, r := range p.Regions {
			assert.Truef(t, pattern.MatchString(r.Code), "%s matches the %s pattern %s", r.Code, sp.ID,
				sp.RegionRegex)
		}
	}
}
