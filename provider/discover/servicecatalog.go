package discover

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	sctypes "github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"
)

// scShareTypes are the share types DescribePortfolioShares lists, one call
// (and its pages) each.
var scShareTypes = []sctypes.DescribePortfolioShareType{
	sctypes.DescribePortfolioShareTypeAccount,
	sctypes.DescribePortfolioShareTypeOrganization,
	sctypes.DescribePortfolioShareTypeOrganizationalUnit,
	sctypes.DescribePortfolioShareTypeOrganizationMemberAccount,
}

// readServiceCatalog reads Service Catalog's organization access and the
// account's portfolios, each with its tags, shares and principals.
func (d *discoverer) readServiceCatalog(ctx context.Context) error {
	sc := &ServiceCatalog{}
	status, err := d.c.sc.GetAWSOrganizationsAccessStatus(ctx, &servicecatalog.GetAWSOrganizationsAccessStatusInput{})
	if err != nil {
		return fmt.Errorf("reading Service Catalog's organization access "+
			"(servicecatalog:GetAWSOrganizationsAccessStatus): %w", err)
	}
	sc.AccessStatus = string(status.AccessStatus)
	var ids []string
	pages := servicecatalog.NewListPortfoliosPaginator(d.c.sc, &servicecatalog.ListPortfoliosInput{PageSize: 20})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("listing portfolios (servicecatalog:ListPortfolios): %w", err)
		}
		for _, p := range page.PortfolioDetails {
			ids = append(ids, aws.ToString(p.Id))
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, err := d.readPortfolio(ctx, id)
		if err != nil {
			return err
		}
		sc.Portfolios = append(sc.Portfolios, p)
	}
	d.inv.ServiceCatalog = sc
	d.progress("service catalog: %d portfolios", len(ids))
	return nil
}

func (d *discoverer) readPortfolio(ctx context.Context, id string) (Portfolio, error) {
	desc, err := d.c.sc.DescribePortfolio(ctx, &servicecatalog.DescribePortfolioInput{Id: aws.String(id)})
	if err != nil {
		return Portfolio{}, fmt.Errorf("reading portfolio %s (servicecatalog:DescribePortfolio): %w", id, err)
	}
	p := Portfolio{ID: id}
	if dt := desc.PortfolioDetail; dt != nil {
		p.Name, p.Description, p.ProviderName = aws.ToString(dt.DisplayName), aws.ToString(dt.Description),
			aws.ToString(dt.ProviderName)
	}
	for _, t := range desc.Tags {
		if p.Tags == nil {
			p.Tags = map[string]string{}
		}
		p.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	for _, typ := range scShareTypes {
		shares := servicecatalog.NewDescribePortfolioSharesPaginator(d.c.sc, &servicecatalog.DescribePortfolioSharesInput{
			PortfolioId: aws.String(id), Type: typ, PageSize: 100,
		})
		for shares.HasMorePages() {
			page, err := shares.NextPage(ctx)
			if err != nil {
				return Portfolio{}, fmt.Errorf("listing the %s shares of portfolio %s "+
					"(servicecatalog:DescribePortfolioShares): %w", typ, id, err)
			}
			for _, s := range page.PortfolioShareDetails {
				p.Shares = append(p.Shares, Share{
					Type: string(typ), PrincipalID: bareID(aws.ToString(s.PrincipalId)),
					ShareTagOptions: s.ShareTagOptions, SharePrincipals: s.SharePrincipals,
				})
			}
		}
	}
	slices.SortFunc(p.Shares, func(a, b Share) int { return strings.Compare(a.Type+a.PrincipalID, b.Type+b.PrincipalID) })
	principals := servicecatalog.NewListPrincipalsForPortfolioPaginator(d.c.sc,
		&servicecatalog.ListPrincipalsForPortfolioInput{PortfolioId: aws.String(id), PageSize: 20})
	for principals.HasMorePages() {
		page, err := principals.NextPage(ctx)
		if err != nil {
			return Portfolio{}, fmt.Errorf("listing the principals of portfolio %s "+
				"(servicecatalog:ListPrincipalsForPortfolio): %w", id, err)
		}
		for _, pr := range page.Principals {
			p.Principals = append(p.Principals, PortfolioPrincipal{
				ARN: aws.ToString(pr.PrincipalARN), Type: string(pr.PrincipalType),
			})
		}
	}
	slices.SortFunc(p.Principals, func(a, b PortfolioPrincipal) int { return strings.Compare(a.ARN, b.ARN) })
	return p, nil
}

// bareID is the ID at the end of an Organizations ARN (an OU's or the
// organization's), or id itself.
func bareID(id string) string {
	if strings.HasPrefix(id, "arn:") {
		return id[strings.LastIndex(id, "/")+1:]
	}
	return id
}
