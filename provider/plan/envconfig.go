package plan

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// envConfigProblems checks the length of the PULUMI_CONFIG string the Go
// language host would pass the program for the stack's values: above Linux's
// limit of one environment string, `pulumi preview` fails before the program
// runs (an error); above Windows' limit of one variable, it fails on Windows
// (a note). Each names the longest keys and the fix, orgtrust-baseline:configFile.
//
// Linux: execve(2), "the maximum length of a single string is MAX_ARG_STRLEN
// (32 pages)". Windows: "The maximum size of a user-defined environment
// variable is 32,767 characters"
// (https://learn.microsoft.com/en-us/windows/win32/api/processenv/nf-processenv-setenvironmentvariablew).
func envConfigProblems(values map[string]string) (errText, note string) {
	size := baseline.EnvConfigSize(values)
	if size <= baseline.WindowsEnvLimit {
		return "", ""
	}
	keys := slices.Collect(maps.Keys(values))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(len(values[b])-len(values[a]), strings.Compare(a, b)) })
	var longest []string
	for _, k := range keys[:min(3, len(keys))] {
		longest = append(longest, fmt.Sprintf("%s %d bytes", k, len(values[k])))
	}
	fix := fmt.Sprintf("move the long sections (%s) to a YAML file beside the stack file and name it at %s:%s, "+
		"as orgtrust discover does for a large organization (see the README, \"Adopting an existing organization\")",
		strings.Join(longest, ", "), baseline.Project, baseline.KeyConfigFile)
	if size > baseline.LinuxEnvLimit {
		return fmt.Sprintf("%s: the stack configuration takes %d bytes in PULUMI_CONFIG, the one environment "+
			"variable the Go language host passes it to the program in; Linux passes at most %d bytes in one "+
			"(MAX_ARG_STRLEN), so `pulumi preview` fails before the program runs, with \"fork/exec ...: argument "+
			"list too long\": %s", baseline.Project, size, baseline.LinuxEnvLimit, fix), ""
	}
	return "", fmt.Sprintf("the stack configuration takes %d characters in PULUMI_CONFIG; Windows holds at most %d "+
		"in one environment variable, so `pulumi preview` on Windows fails before the program runs (Linux takes "+
		"it): to preview on Windows, %s", size, baseline.WindowsEnvLimit, fix)
}
