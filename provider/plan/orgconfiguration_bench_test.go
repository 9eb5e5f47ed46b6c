package plan

// The organization configuration at scale (issue 27): GuardDuty, Security
// Hub, Macie, Inspector and Detective administered by one account in 17
// Regions, each with its organization configuration. The plan counts the
// explicit providers: one per account and Region, 17 in the management
// account and 17 in the administrator's, where each integration had its own
// per-Region providers before (85 management providers for the same
// program).
//
//	ORGTRUST_BENCH=1 go test ./provider/plan/ -run '^TestPlanOrganizationConfigurationScale$' -count 1 -v

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// orgConfigRegions are 17 Regions of the aws partition that need no opt-in.
var orgConfigRegions = []string{"ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
	"ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2",
	"eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"}

// orgConfigChildEnv names the stack configuration and the output file a
// child process plans, separated by a newline.
const orgConfigChildEnv = "ORGTRUST_PLAN_ORGCONFIG_CHILD"

// orgConfigStack is the stack configuration of the five services in the 17
// Regions, each with its organization configuration.
func orgConfigStack() string {
	regions := "[" + strings.Join(orgConfigRegions, ", ") + "]"
	var b strings.Builder
	b.WriteString("config:\n  orgtrust-baseline:managementAccountId: \"111111111111\"\n  orgtrust-baseline:integrations:\n")
	for _, svc := range []struct{ key, block string }{
		{"guardduty", "guardDuty: {protectionPlans: [{name: S3_DATA_EVENTS}, {name: EBS_MALWARE_PROTECTION}]}"},
		{"securityhub", "securityHub: {configurationType: CENTRAL, homeRegion: us-east-1, policies: [{name: " +
			"foundational, standards: [aws-foundational-security-best-practices/v/1.0.0], targets: [r-a1b2]}]}"},
		{"macie", "macie: {}"},
		{"inspector", "inspector: {ec2: true, ecr: true, lambda: true}"},
		{"detective", "detective: {}"},
	} {
		fmt.Fprintf(&b, "    - service: %s\n      delegatedAdminAccountId: \"222222222222\"\n      regions: %s\n"+
			"      organizationConfiguration:\n        %s\n", svc.key, regions, svc.block)
	}
	return b.String()
}

var (
	providersLine = regexp.MustCompile(`Explicit providers: (\d+) .*?, (\d+) of them assuming a role`)
	createLine    = regexp.MustCompile("First `pulumi up`: (\\d+) resources to create")
)

// planOrgConfig plans the stack configuration written to dir.
func planOrgConfig(t *testing.T, dir string) (providers, assuming, resources int, text string) {
	t.Helper()
	config := filepath.Join(dir, "Pulumi.orgconfig.yaml")
	require.NoError(t, os.WriteFile(config, []byte(orgConfigStack()), 0o600))
	p, err := Run(Options{StackConfig: config})
	require.NoError(t, err)
	require.Empty(t, p.Errors)
	var b strings.Builder
	require.NoError(t, p.Write(&b, &b, FormatText))
	return countOrgConfig(t, b.String())
}

func countOrgConfig(t *testing.T, text string) (providers, assuming, resources int, out string) {
	t.Helper()
	m := providersLine.FindStringSubmatch(text)
	require.NotNil(t, m, "the plan counts the providers")
	c := createLine.FindStringSubmatch(text)
	require.NotNil(t, c)
	providers, _ = strconv.Atoi(m[1])
	assuming, _ = strconv.Atoi(m[2])
	resources, _ = strconv.Atoi(c[1])
	return providers, assuming, resources, text
}

// TestPlanOrganizationConfigurationSharesProviders: the five services in 17
// Regions take one provider per account and Region.
func TestPlanOrganizationConfigurationSharesProviders(t *testing.T) {
	t.Parallel()
	providers, assuming, resources, text := planOrgConfig(t, t.TempDir())
	assert.Equal(t, 34, providers, "17 Regions × (management + administrator)")
	assert.Equal(t, 17, assuming, "one per Region in the administrator's account")
	// Per Region: 5 registrations, GuardDuty's configuration and 2 plans,
	// Macie's, Inspector's, Detective's graph and configuration; Security
	// Hub's aggregator, configuration, policy and association once; trusted
	// access 6 (GuardDuty has two principals); and the 34 providers.
	assert.Equal(t, 17*(5+3+1+1+2)+4+6+34, resources, "resources to create")
	assert.Contains(t, text, "   34  pulumi:providers:aws\n")
	assert.Contains(t, text, "   34  aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature\n")
}

// TestPlanOrganizationConfigurationScale plans the same in a process of its
// own and prints the line of make bench.
func TestPlanOrganizationConfigurationScale(t *testing.T) {
	if child := os.Getenv(orgConfigChildEnv); child != "" {
		files := strings.Split(child, "\n")
		require.Len(t, files, 2)
		p, err := Run(Options{StackConfig: files[0]})
		require.NoError(t, err)
		f, err := os.Create(files[1])
		require.NoError(t, err)
		require.NoError(t, p.Write(f, f, FormatText))
		require.NoError(t, f.Close())
		return
	}
	if os.Getenv("ORGTRUST_BENCH") != "1" {
		t.Skip("set ORGTRUST_BENCH=1 to measure (make bench)")
	}
	dir := t.TempDir()
	config, out := filepath.Join(dir, "Pulumi.orgconfig.yaml"), filepath.Join(dir, "plan.txt")
	require.NoError(t, os.WriteFile(config, []byte(orgConfigStack()), 0o600))
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestPlanOrganizationConfigurationScale$",
		"-test.count=1")
	cmd.Env = append(os.Environ(), orgConfigChildEnv+"="+config+"\n"+out)
	start := time.Now()
	b, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	require.NoError(t, err, "%s", b)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	require.True(t, ok)
	text, err := os.ReadFile(out)
	require.NoError(t, err)
	providers, _, resources, _ := countOrgConfig(t, string(text))
	require.Equal(t, 34, providers)
	fmt.Printf("organization configuration 5 services 17 regions: providers %d resources %d seconds %.1f "+
		"peak-mb %d\n", providers, resources, elapsed.Seconds(), ru.Maxrss/1024)
}
