package components

import (
	"slices"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The adoption of a ServiceCatalogSharing's existing children
// (ServiceCatalogSharingArgs.Adopt): checked with the plan, applied as import
// options while registering. The import IDs are those of the pulumi-aws v6
// documentation's "Import" sections:
//
//   - Portfolio: `<portfolio id>`
//     (https://www.pulumi.com/registry/packages/aws/api-docs/servicecatalog/portfolio/#import)
//   - PortfolioShare: `<portfolio id>:<type>:<principal id>`, the principal as the share gives it
//     (.../servicecatalog/portfolioshare/#import; the provider splits the ID at its first two colons)
//   - PrincipalPortfolioAssociation: `<accept language>,<principal arn>,<portfolio id>,<principal type>`
//     (.../servicecatalog/principalportfolioassociation/#import), with the default language "en"

// planAdopt checks adopt against the planned portfolios and records the
// existing portfolios' IDs.
func (plan *scSharingPlan) planAdopt(a *ServiceCatalogAdoptSpec, errs *InputErrors) {
	if a == nil {
		return
	}
	byKey := map[string]int{}
	for i, p := range plan.portfolios {
		byKey[p.key] = i
	}
	keys := make([]string, 0, len(a.Portfolios))
	for k := range a.Portfolios {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		id := a.Portfolios[k]
		field := "adopt.portfolios[" + strconv.Quote(k) + "]"
		i, ok := byKey[k]
		switch {
		case !ok:
			errs.add(field, id, "%q is not the key of a portfolio in portfolios; adopt only declared portfolios", k)
			continue
		case !scPortfolioIDPattern.MatchString(id):
			errs.add(field, id, "%q is not a portfolio ID; it looks like port-abcdefghi1234", id)
			continue
		case plan.portfolios[i].existingID != "" && plan.portfolios[i].existingID != id:
			errs.add(field, id, "%q differs from the portfolio's id %q: the portfolio given by id is that one",
				id, plan.portfolios[i].existingID)
			continue
		}
		plan.portfolios[i].adoptID = id
	}
}

// portfolioImport is the import option of an adopted portfolio the
// component manages (one given by id is not a child).
func (p scPortfolioPlan) portfolioImport() []pulumi.ResourceOption {
	if p.adoptID == "" || p.create == nil {
		return nil
	}
	return []pulumi.ResourceOption{importAs(p.adoptID)}
}

// shareImport is the import option of a share of an adopted portfolio, whose
// principal ID is principalID.
func (p scPortfolioPlan) shareImport(s scSharePlan, principalID string) []pulumi.ResourceOption {
	if p.adoptID == "" {
		return nil
	}
	return []pulumi.ResourceOption{importAs(p.adoptID + ":" + s.shareType + ":" + principalID)}
}

// principalImport is the import option of a principal association of an
// adopted portfolio.
func (p scPortfolioPlan) principalImport(pr scPrincipalPlan) []pulumi.ResourceOption {
	if p.adoptID == "" {
		return nil
	}
	return []pulumi.ResourceOption{importAs("en," + pr.arn + "," + p.adoptID + ",IAM_PATTERN")}
}
