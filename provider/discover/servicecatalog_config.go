package discover

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

// ssoRolePrefix and ssoRoleSuffix bracket a permission set's name in the
// IAM_PATTERN principal ServiceCatalogSharing writes for permissionSetName.
const (
	ssoRolePrefix = "arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_"
	ssoRoleSuffix = "_*"
	rolePrefix    = "arn:aws:iam:::role/"
)

// buildServiceCatalog writes the serviceCatalog section: organization access
// as it is, the delegated administrator, and every portfolio of the account
// with its shares and IAM_PATTERN principals, adopted.
func (g *Generated) buildServiceCatalog() {
	sc := g.inv.ServiceCatalog
	if sc == nil {
		return
	}
	enabled := sc.AccessStatus == "ENABLED"
	admins := g.inv.OrgAdmins["servicecatalog.amazonaws.com"]
	if !enabled && len(admins) == 0 && len(sc.Portfolios) == 0 {
		return
	}
	args := &components.ServiceCatalogSharingArgs{OrganizationID: g.inv.Organization.ID}
	adopt := &components.ServiceCatalogAdoptSpec{}
	if !enabled {
		args.EnableVia = "none"
	}
	if len(admins) > 0 {
		args.DelegatedAdminAccountID, adopt.DelegatedAdmin = admins[0], true
	}
	keys := map[string]bool{}
	for _, p := range sc.Portfolios {
		spec := components.PortfolioSpec{
			Key: portfolioKey(p, keys),
			Create: &components.PortfolioCreateSpec{
				Name: p.Name, Description: p.Description, ProviderName: p.ProviderName, Tags: p.Tags,
			},
		}
		shares := g.withoutRedundantShares(p)
		tagOptions, principals, orgShares := 0, 0, 0
		for _, s := range shares {
			spec.Shares = append(spec.Shares, components.ShareSpec{Type: s.Type, ID: s.PrincipalID})
			if s.ShareTagOptions {
				tagOptions++
			}
			if s.Type == components.ShareTypeOrganization || s.Type == components.ShareTypeOrganizationalUnit {
				orgShares++
				if s.SharePrincipals {
					principals++
				}
			}
		}
		spec.ShareTagOptions = len(shares) > 0 && tagOptions == len(shares)
		spec.SharePrincipals = orgShares > 0 && principals == orgShares
		if tagOptions != 0 && tagOptions != len(shares) {
			g.cannot("portfolio "+p.ID+" shares", "%d of its %d shares share TagOptions; the component sets it "+
				"for all the shares of a portfolio, so it is written off, and the first preview shows the "+
				"difference", tagOptions, len(shares))
		}
		if principals != 0 && principals != orgShares {
			g.cannot("portfolio "+p.ID+" shares", "%d of its %d organization and OU shares share principals; "+
				"the component sets it for all of them, so it is written off", principals, orgShares)
		}
		for _, pr := range p.Principals {
			switch {
			case pr.Type != "IAM_PATTERN":
				g.cannot("principal "+pr.ARN+" of portfolio "+p.ID, "its type is %s; ServiceCatalogSharing "+
					"associates IAM_PATTERN principals only, so it is left as it is", pr.Type)
			case strings.HasPrefix(pr.ARN, ssoRolePrefix) && strings.HasSuffix(pr.ARN, ssoRoleSuffix):
				spec.PrincipalAssociations = append(spec.PrincipalAssociations, components.PrincipalAssociationSpec{
					PermissionSetName: strings.TrimSuffix(strings.TrimPrefix(pr.ARN, ssoRolePrefix), ssoRoleSuffix),
				})
			case strings.HasPrefix(pr.ARN, rolePrefix):
				spec.PrincipalAssociations = append(spec.PrincipalAssociations, components.PrincipalAssociationSpec{
					IAMRolePattern: strings.TrimPrefix(pr.ARN, rolePrefix),
				})
			default:
				g.cannot("principal "+pr.ARN+" of portfolio "+p.ID, "it is not a role pattern "+
					"(arn:aws:iam:::role/...); it is left as it is")
			}
		}
		args.Portfolios = append(args.Portfolios, spec)
		if adopt.Portfolios == nil {
			adopt.Portfolios = map[string]string{}
		}
		adopt.Portfolios[spec.Key] = p.ID
	}
	if adopt.DelegatedAdmin || len(adopt.Portfolios) > 0 {
		args.Adopt = adopt
	}
	g.ServiceCatalog = g.checkServiceCatalog(args)
}

// withoutRedundantShares returns the portfolio's shares, less the
// ORGANIZATIONAL_UNIT and ORGANIZATION_MEMBER_ACCOUNT shares beside an
// ORGANIZATION share, which ServiceCatalogSharing refuses as redundant (the
// organization share covers them). Each one left out is reported: it stays
// in AWS, unmanaged, until someone deletes it.
func (g *Generated) withoutRedundantShares(p Portfolio) []Share {
	org := slices.IndexFunc(p.Shares, func(s Share) bool { return s.Type == components.ShareTypeOrganization })
	if org < 0 {
		return p.Shares
	}
	var out []Share
	for _, s := range p.Shares {
		if s.Type == components.ShareTypeOrganizationalUnit || s.Type == components.ShareTypeOrganizationMemberAccount {
			g.cannot(fmt.Sprintf("the %s share of portfolio %s with %s", s.Type, p.ID, s.PrincipalID),
				"left out of the configuration: the portfolio is also shared with the whole organization "+
					"%s, which covers it, and ServiceCatalogSharing refuses a share that gives nothing; it "+
					"stays in AWS, unmanaged: delete it with `aws servicecatalog delete-portfolio-share "+
					"--portfolio-id %s --organization-node Type=%s,Value=%s`, or leave it", p.Shares[org].PrincipalID,
				p.ID, s.Type, s.PrincipalID)
			continue
		}
		out = append(out, s)
	}
	return out
}

// portfolioKey is a stable key for a portfolio: its name as a key, or its
// ID when the name is taken or gives no key.
func portfolioKey(p Portfolio, taken map[string]bool) string {
	var b strings.Builder
	for _, r := range strings.ToLower(p.Name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	key := strings.Trim(b.String(), "-_.")
	for strings.Contains(key, "--") {
		key = strings.ReplaceAll(key, "--", "-")
	}
	if len(key) > 63 {
		key = strings.TrimRight(key[:63], "-_.")
	}
	if key == "" || taken[key] {
		key = p.ID
	}
	taken[key] = true
	return key
}

// checkServiceCatalog runs the component's check and drops the portfolios it
// rejects, reporting them.
func (g *Generated) checkServiceCatalog(args *components.ServiceCatalogSharingArgs) *components.ServiceCatalogSharingArgs {
	for range 4 {
		check := *args
		check.ManagementAccountID = g.ManagementAccountID
		err := components.CheckServiceCatalogSharing(baseline.ServiceCatalogName, check)
		if err == nil {
			return args
		}
		items, other := failedItems(err)
		if len(other) > 0 {
			g.cannot("Service Catalog", "the serviceCatalog section is left out, because the component rejects "+
				"it: %s", strings.Join(other, "; "))
			return nil
		}
		out := *args
		out.Portfolios = nil
		var adopt *components.ServiceCatalogAdoptSpec
		if args.Adopt != nil {
			a := *args.Adopt
			a.Portfolios = map[string]string{}
			adopt = &a
		}
		for i, p := range args.Portfolios {
			if why, bad := items["portfolios"][i]; bad {
				g.cannot(fmt.Sprintf("portfolio %s (%s)", p.Key, args.Adopt.Portfolios[p.Key]),
					"left out, because the component rejects it: %s", why)
				continue
			}
			out.Portfolios = append(out.Portfolios, p)
			if adopt != nil {
				adopt.Portfolios[p.Key] = args.Adopt.Portfolios[p.Key]
			}
		}
		out.Adopt = adopt
		args = &out
	}
	g.cannot("Service Catalog", "the serviceCatalog section is left out: the component still rejects it")
	return nil
}
