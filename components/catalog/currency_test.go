package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// awsCurrentList is AWS's list of services that work with AWS Organizations:
// the service pages linked from "AWS services that you can use with AWS
// Organizations" (orgs_integrate_services_list), as the Organizations User
// Guide's page index listed them when the catalog was last compared with it
// (2026), plus resilience-hub, whose page is newer than that index. When AWS
// adds a page, add it here and a row for it in catalog_data.go.
var awsCurrentList = []string{
	"services-that-can-integrate-account",
	"services-that-can-integrate-application-migration",
	"services-that-can-integrate-artifact",
	"services-that-can-integrate-audit-manager",
	"services-that-can-integrate-backup",
	"services-that-can-integrate-awsaccountbilling",
	"services-that-can-integrate-cloudformation",
	"services-that-can-integrate-cloudtrail",
	"services-that-can-integrate-cloudwatch",
	"services-that-can-integrate-compute-optimizer",
	"services-that-can-integrate-config",
	"services-that-can-integrate-coh",
	"services-that-can-integrate-CTower",
	"services-that-can-integrate-detective",
	"services-that-can-integrate-devops",
	"services-that-can-integrate-directory-service",
	"services-that-can-integrate-ec2",
	"services-that-can-integrate-ec2-capacity-manager",
	"services-that-can-integrate-eks",
	"services-that-can-integrate-fms",
	"services-that-can-integrate-guardduty",
	"services-that-can-integrate-health",
	"services-that-can-integrate-iam",
	"services-that-can-integrate-inspector2",
	"services-that-can-integrate-license-manager",
	"services-that-can-integrate-managed-services",
	"services-that-can-integrate-macie",
	"services-that-can-integrate-marketplace",
	"services-that-can-integrate-private-marketplace",
	"services-that-can-integrate-procurement-insights",
	"services-that-can-integrate-network-manager",
	"services-that-can-integrate-amazon-q-dev",
	"services-that-can-integrate-ram",
	"services-that-can-integrate-resource-explorer",
	"services-that-can-integrate-securityhub",
	"services-that-can-integrate-s3lens",
	"services-that-can-integrate-security-ir",
	"services-that-can-integrate-sl",
	"services-that-can-integrate-servicecatalog",
	"services-that-can-integrate-servicequotas",
	"services-that-can-integrate-sso",
	"services-that-can-integrate-ssm",
	"services-that-can-integrate-uno",
	"services-that-can-integrate-tag-policies",
	"services-that-can-integrate-ta",
	"services-that-can-integrate-wat",
	"services-that-can-integrate-ipam",
	"services-that-can-integrate-ra",
	"services-that-can-integrate-resilience-hub",
}

// docURLPattern is an AWS documentation page: https://docs.aws.amazon.com/<guide>/latest/<path>.html.
var docURLPattern = regexp.MustCompile(`^https://docs\.aws\.amazon\.com/[A-Za-z0-9-]+/latest/[A-Za-z0-9_/.-]+\.html$`)

// minReasonLen is the shortest reason an unverified row may give: enough
// for a clause that says what is not settled.
const minReasonLen = 30

// catalogCurrencyProblems returns what keeps rows from being current with
// AWS's list: a row without a documentation link (or with one that is not an
// AWS documentation page), a row marked unverified without a recorded
// reason, a verified row whose notes say otherwise, a page of AWS's list that
// no row documents, and a row that points at an Organizations page that is
// not on AWS's list.
func catalogCurrencyProblems(rows []Service, current []string) []string {
	var problems []string
	documented := map[string]bool{}
	for _, s := range rows {
		switch {
		case s.DocumentationURL == "":
			problems = append(problems, fmt.Sprintf("%s: documentationUrl is missing: link the AWS page the row was "+
				"checked against", s.Key))
		case !docURLPattern.MatchString(s.DocumentationURL):
			problems = append(problems, fmt.Sprintf("%s: documentationUrl %q is not an AWS documentation page "+
				"(https://docs.aws.amazon.com/<guide>/latest/<page>.html)", s.Key, s.DocumentationURL))
		default:
			if page, ok := strings.CutPrefix(s.DocumentationURL, "https://"+orgsGuide); ok {
				page = strings.TrimSuffix(page, ".html")
				documented[page] = true
				if !slices.Contains(current, page) {
					problems = append(problems, fmt.Sprintf("%s: documentationUrl page %q is not on AWS's current "+
						"list: check the page name, or add it to awsCurrentList", s.Key, page))
				}
			}
		}
		reason, unverified := strings.CutPrefix(s.Notes, "Unverified: ")
		switch {
		case !s.Verified && !unverified:
			problems = append(problems, fmt.Sprintf("%s: marked unverified, but its notes do not start with "+
				"\"Unverified: <reason>\"", s.Key))
		case !s.Verified:
			if r, _, _ := strings.Cut(reason, "."); len(strings.TrimSpace(r)) < minReasonLen {
				problems = append(problems, fmt.Sprintf("%s: marked unverified without a recorded reason: "+
					"notes must say what is not settled (got %q)", s.Key, r))
			}
		case unverified || strings.HasPrefix(s.Notes, "Unverified"):
			problems = append(problems, fmt.Sprintf("%s: marked verified, but its notes say unverified", s.Key))
		}
	}
	for _, page := range current {
		if !documented[page] {
			problems = append(problems, fmt.Sprintf("%s is on AWS's list of services that work with Organizations, "+
				"but no catalog row documents it: add a row with documentationUrl %s", page, orgsPage(page)))
		}
	}
	return problems
}

// TestCatalogCurrency fails when the catalog falls behind AWS's list or a row
// loses its documentation link or its reason for being unverified.
func TestCatalogCurrency(t *testing.T) {
	t.Parallel()
	assert.Empty(t, catalogCurrencyProblems(Services(), awsCurrentList))
}

// TestCatalogCurrencyProblems checks that the currency check catches each
// kind of problem, one row at a time.
func TestCatalogCurrencyProblems(t *testing.T) {
	t.Parallel()
	good := Service{
		Key: "example", DocumentationURL: orgsPage("services-that-can-integrate-example"),
		Verified: true, Notes: srcOrgs("services-that-can-integrate-example") + ": checked.",
	}
	current := []string{"services-that-can-integrate-example"}
	require.Empty(t, catalogCurrencyProblems([]Service{good}, current))

	tests := []struct {
		name    string
		change  func(*Service)
		current []string
		want    string
	}{
		{"no documentation link", func(s *Service) { s.DocumentationURL = "" }, current,
			"example: documentationUrl is missing"},
		{"link to another site", func(s *Service) { s.DocumentationURL = "https://example.com/page.html" },
			current, "is not an AWS documentation page"},
		{"link to a page AWS does not list", func(s *Service) {
			s.DocumentationURL = orgsPage("services-that-can-integrate-exampel")
		}, current, `documentationUrl page "services-that-can-integrate-exampel" is not on AWS's current list`},
		{"unverified without notes", func(s *Service) { s.Verified, s.Notes = false, "" }, current,
			"marked unverified, but its notes do not start with"},
		{"unverified without a reason", func(s *Service) { s.Verified, s.Notes = false, "Unverified: tbd." },
			current, "marked unverified without a recorded reason"},
		{"verified but notes say unverified", func(s *Service) { s.Notes = "Unverified: the principal is not on any page." },
			current, "marked verified, but its notes say unverified"},
		{"a service on AWS's list with no row", func(*Service) {},
			append(slices.Clone(current), "services-that-can-integrate-newservice"),
			"services-that-can-integrate-newservice is on AWS's list of services that work with Organizations, but no " +
				"catalog row documents it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			row := good
			tt.change(&row)
			problems := catalogCurrencyProblems([]Service{row}, tt.current)
			// The row's own problem comes first; a row that lost its link also
			// leaves its page undocumented.
			require.NotEmpty(t, problems)
			assert.Contains(t, problems[0], tt.want)
		})
	}

	// An unverified row with a reason and a verified row with a page pass.
	unverified := good
	unverified.Verified = false
	unverified.Notes = "Unverified: the principal EnableAWSServiceAccess takes is on no AWS page read. More."
	assert.Empty(t, catalogCurrencyProblems([]Service{unverified}, current))
}
