package components

import (
	"github.com/pulumi/pulumi-go-provider/infer"
)

// The input types of ServiceCatalogSharing: portfolios, their shares and
// their principal associations.

// PortfolioSpec is one portfolio to share: an existing one (ID) or one the
// component creates (Create), its share targets and principal associations.
type PortfolioSpec struct {
	// Key is the stable key of the portfolio in child names and outputs.
	Key string `pulumi:"key"`
	// ID is an existing portfolio's ID (port-...). Exclusive with Create.
	ID string `pulumi:"id,optional"`
	// Create has the component create the portfolio. Exclusive with ID.
	Create *PortfolioCreateSpec `pulumi:"create,optional"`
	// Shares are the share targets.
	Shares []ShareSpec `pulumi:"shares,optional"`
	// ShareTagOptions shares the portfolio's TagOptions with every target.
	ShareTagOptions bool `pulumi:"shareTagOptions,optional"`
	// SharePrincipals shares the principal associations with ORGANIZATION and
	// ORGANIZATIONAL_UNIT targets.
	SharePrincipals bool `pulumi:"sharePrincipals,optional"`
	// PrincipalAssociations give IAM principals access to the portfolio.
	PrincipalAssociations []PrincipalAssociationSpec `pulumi:"principalAssociations,optional"`
}

// PortfolioCreateSpec describes a portfolio the component creates.
type PortfolioCreateSpec struct {
	Name         string            `pulumi:"name"`
	Description  string            `pulumi:"description,optional"`
	ProviderName string            `pulumi:"providerName"`
	Tags         map[string]string `pulumi:"tags,optional"`
}

// ShareSpec is one share target of a portfolio.
type ShareSpec struct {
	// Type is ORGANIZATION, ORGANIZATIONAL_UNIT, ORGANIZATION_MEMBER_ACCOUNT or ACCOUNT.
	Type string `pulumi:"type"`
	// ID is the organization ID (o-...), the OU ID (ou-...) or the account ID.
	ID string `pulumi:"id"`
}

// PrincipalAssociationSpec is one IAM_PATTERN principal association: a role
// name pattern or an IAM Identity Center permission set name.
type PrincipalAssociationSpec struct {
	IAMRolePattern    string `pulumi:"iamRolePattern,optional"`
	PermissionSetName string `pulumi:"permissionSetName,optional"`
}

// Annotate describes the type for the provider schema.
func (p *PortfolioSpec) Annotate(a infer.Annotator) {
	a.Describe(p, "A portfolio to share: an existing one (`id`) or one the component creates (`create`).")
	a.Describe(&p.Key, "A stable key for the portfolio, such as `platform`: 1 to 63 letters, digits, `_`, `.` or "+
		"`-`. Child resource names and the outputs use it, so reordering portfolios replaces nothing.")
	a.Describe(&p.ID, "The ID of an existing portfolio (`port-...`) in the account the AWS provider targets. "+
		"Exclusive with `create`.")
	a.Describe(&p.Create, "Create the portfolio with these settings. Exclusive with `id`.")
	a.Describe(&p.Shares, "The share targets; each target once, and no ORGANIZATIONAL_UNIT or "+
		"ORGANIZATION_MEMBER_ACCOUNT share beside an ORGANIZATION share, which already covers them. Children are "+
		"keyed by (portfolio key, type, ID).")
	a.Describe(&p.ShareTagOptions, "Share the portfolio's TagOptions with every target.")
	a.Describe(&p.SharePrincipals, "Share the portfolio's principal associations (principal name sharing) with "+
		"its ORGANIZATION and ORGANIZATIONAL_UNIT targets, so that matching roles in the recipient accounts can "+
		"use the portfolio. AWS supports it on those two share types only; other shares ignore it.")
	a.Describe(&p.PrincipalAssociations, "IAM_PATTERN principals given access to the portfolio: at most 10.")
}

// Annotate describes the type for the provider schema.
func (c *PortfolioCreateSpec) Annotate(a infer.Annotator) {
	a.Describe(c, "A portfolio the component creates (`aws.servicecatalog.Portfolio`).")
	a.Describe(&c.Name, "The portfolio's display name, 1 to 100 characters.")
	a.Describe(&c.Description, "The portfolio's description, at most 2000 characters.")
	a.Describe(&c.ProviderName, "The person or team that owns the portfolio, 1 to 50 characters.")
	a.Describe(&c.Tags, "Tags to apply to the portfolio: at most 20; keys of 1 to 128 characters, not starting "+
		"with `aws:`, values of 1 to 256, of letters, digits, spaces and `_.:/=+-@`.")
}

// Annotate describes the type for the provider schema.
func (s *ShareSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "A share target of a portfolio (`aws.servicecatalog.PortfolioShare`).")
	a.Describe(&s.Type, "`ORGANIZATION` (every account of the organization), `ORGANIZATIONAL_UNIT` (every "+
		"account under the OU, including accounts that join later), `ORGANIZATION_MEMBER_ACCOUNT` (one member "+
		"account, through organization access, no acceptance needed) or `ACCOUNT` (one account, inside or "+
		"outside the organization, which must accept the share). The first three need organization access.")
	a.Describe(&s.ID, "The target: the organization ID (`o-...`) for ORGANIZATION, the OU ID (`ou-...`) for "+
		"ORGANIZATIONAL_UNIT, a 12-digit account ID for ORGANIZATION_MEMBER_ACCOUNT and ACCOUNT. IDs, not ARNs.")
}

// Annotate describes the type for the provider schema.
func (p *PrincipalAssociationSpec) Annotate(a infer.Annotator) {
	a.Describe(p, "A principal given access to the portfolio (`aws.servicecatalog.PrincipalPortfolioAssociation` "+
		"with principal type IAM_PATTERN, which matches by name in every account that has the portfolio). Give "+
		"exactly one of `iamRolePattern` and `permissionSetName`.")
	a.Describe(&p.IAMRolePattern, "A role path and name pattern, such as `ServiceCatalogUser*` or "+
		"`team/Builder?`, or the account-less ARN pattern `arn:aws:iam:::role/ServiceCatalogUser*`. `*` matches "+
		"any characters including `/`, `?` zero or one character. A pattern matching every role is refused.")
	a.Describe(&p.PermissionSetName, "An IAM Identity Center permission set name, such as `DeveloperAccess`. "+
		"It becomes the pattern `arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_<name>_*`, "+
		"which matches the role Identity Center creates for the permission set in each account, whatever its "+
		"Region path and unique suffix.")
}
