package components

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Share target types of ShareSpec.Type. They are the share types of
// aws.servicecatalog.PortfolioShare.
const (
	// ShareTypeOrganization shares with every account of the organization.
	ShareTypeOrganization = "ORGANIZATION"
	// ShareTypeOrganizationalUnit shares with every account under an OU.
	ShareTypeOrganizationalUnit = "ORGANIZATIONAL_UNIT"
	// ShareTypeOrganizationMemberAccount shares with one account of the
	// organization, through organization access: the share needs no acceptance.
	ShareTypeOrganizationMemberAccount = "ORGANIZATION_MEMBER_ACCOUNT"
	// ShareTypeAccount shares with one account, inside or outside the
	// organization, without organization access: the recipient must import it.
	ShareTypeAccount = "ACCOUNT"
)

// scShareTypes lists the share types in the order error messages name them.
var scShareTypes = []string{
	ShareTypeOrganization, ShareTypeOrganizationalUnit, ShareTypeOrganizationMemberAccount, ShareTypeAccount,
}

// scMaxPatternPrincipals is how many IAM_PATTERN principals Service Catalog
// allows per portfolio (AssociatePrincipalWithPortfolio).
const scMaxPatternPrincipals = 10

// scMaxPrincipalARNLen is the longest PrincipalARN AssociatePrincipalWithPortfolio
// takes (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_AssociatePrincipalWithPortfolio.html).
const scMaxPrincipalARNLen = 1000

// scSSORolePathPattern is the path of the roles IAM Identity Center creates for
// permission sets: /aws-reserved/sso.amazonaws.com/ when the Identity Center
// instance is in us-east-1, /aws-reserved/sso.amazonaws.com/<region>/
// elsewhere. The "*" after it covers the optional Region segment ("*" also
// matches "/" in an IAM_PATTERN).
const scSSORolePathPattern = "aws-reserved/sso.amazonaws.com/*"

var (
	scPortfolioIDPattern  = regexp.MustCompile(`^port-[A-Za-z0-9]{1,95}$`)
	scPortfolioKeyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$`)
	// scRolePatternChars are the characters of an IAM role path and name, plus
	// the IAM_PATTERN wildcards "*" and "?".
	scRolePatternChars = regexp.MustCompile(`^[A-Za-z0-9_+=,.@/*?-]+$`)
	scRoleARNPattern   = regexp.MustCompile(`^arn:(aws|aws-cn|aws-us-gov):iam:::role/(.+)$`)
)

// scSharingPlan is the validated, normalized form of ServiceCatalogSharingArgs:
// everything the constructor registers, keyed by stable identities.
type scSharingPlan struct {
	accessOn            bool // this component enables organization access
	disableOnDelete     bool
	portfolios          []scPortfolioPlan
	needsOrgLookup      bool // an organization or OU share needs a value not given
	organizationNodeCnt int
}

type scPortfolioPlan struct {
	key        string
	field      string // portfolios[i], for errors raised while building
	existingID string
	create     *PortfolioCreateSpec
	// adoptID is the ID of the existing portfolio whose children are
	// imported; "" when none is adopted.
	adoptID    string
	shares     []scSharePlan
	principals []scPrincipalPlan
}

type scSharePlan struct {
	shareType       string
	targetID        string
	field           string
	orgNode         bool // needs organization access
	sharePrincipals bool
	shareTagOptions bool
}

// key is the share's stable identity within the component, also the key of
// the ShareIDs output: portfolio key, share type and target ID.
func (s scSharePlan) key(portfolioKey string) string {
	return portfolioKey + "/" + s.shareType + "/" + s.targetID
}

// childName is the share's child resource name suffix.
func (s scSharePlan) childName(portfolioKey string) string {
	return portfolioKey + "-" + scShareTypeSlug(s.shareType) + "-" + s.targetID
}

type scPrincipalPlan struct {
	// id is the stable identity: "permission-set-<name>" or "role-<role path and name pattern>".
	id    string
	arn   string // the IAM_PATTERN principal ARN
	field string
}

func scShareTypeSlug(t string) string {
	switch t {
	case ShareTypeOrganization:
		return "org"
	case ShareTypeOrganizationalUnit:
		return "ou"
	case ShareTypeOrganizationMemberAccount:
		return "member"
	default:
		return "account"
	}
}

// scIsOrganizationNode reports whether shares of type t go through organization
// access (CreatePortfolioShare with an OrganizationNode).
func scIsOrganizationNode(t string) bool {
	return t == ShareTypeOrganization || t == ShareTypeOrganizationalUnit || t == ShareTypeOrganizationMemberAccount
}

// scTargetKind names what an ID looks like, for error hints.
func scTargetKind(id string) string {
	switch {
	case orgIDPattern.MatchString(id):
		return "an organization ID"
	case ouIDPattern.MatchString(id):
		return "an organizational unit ID"
	case accountIDPattern.MatchString(id):
		return "an account ID"
	case strings.HasPrefix(id, "r-"):
		return "a root ID"
	case strings.HasPrefix(id, "arn:"):
		return "an ARN"
	default:
		return ""
	}
}

// planServiceCatalogSharing validates args and returns the plan. Every
// problem is reported, each naming its field path, the bad value and the fix;
// the plan is complete only when there are none.
func planServiceCatalogSharing(args ServiceCatalogSharingArgs) (scSharingPlan, InputErrors) {
	var errs InputErrors
	var plan scSharingPlan
	switch args.EnableVia {
	case "", "service", "organizations":
		plan.accessOn = true
	case "none":
	default:
		errs.add("enableVia", args.EnableVia, `%q is not an enable path; use "" (Service Catalog's own `+
			`EnableAWSOrganizationsAccess, the default AWS recommends), "organizations" (Organizations `+
			`EnableAWSServiceAccess) or "none" (organization access is managed elsewhere)`, args.EnableVia)
	}
	// delegatedAdminAccountId and managementAccountId are checked by the
	// plan of the integration child (scCheck), or below when there is none.
	if args.OrganizationID != "" && !orgIDPattern.MatchString(args.OrganizationID) {
		errs.add("organizationId", args.OrganizationID, "%q is not an organization ID; it looks like o-a1b2c3d4e5 "+
			"(o- then 10 to 32 lowercase letters or digits)", args.OrganizationID)
	}
	if args.DisableAccessOnDelete != nil && *args.DisableAccessOnDelete && args.EnableVia == "none" {
		errs.add("disableAccessOnDelete", "true", `true needs organization access enabled by this component, but `+
			`enableVia is "none"; remove disableAccessOnDelete, or set enableVia to "" to manage access here`)
	}
	plan.disableOnDelete = args.DisableAccessOnDelete != nil && *args.DisableAccessOnDelete
	if args.OrganizationAccessManagedElsewhere && args.EnableVia != "none" {
		errs.add("organizationAccessManagedElsewhere", "true", `true says organization access is enabled outside `+
			`this component, but enableVia %q enables it here; set enableVia to "none", or remove `+
			`organizationAccessManagedElsewhere`, args.EnableVia)
	}

	// The ORGANIZATION shares are checked against a valid organizationId only.
	orgID := args.OrganizationID
	if !orgIDPattern.MatchString(orgID) {
		orgID = ""
	}
	keys := map[string]int{}
	existing := map[string]int{}
	// children maps each child resource name to the input that asks for it:
	// keys and targets may contain '-', so two inputs can spell one name.
	children := map[string]string{}
	claim := func(field, child string) {
		if other, dup := children[child]; dup {
			errs.add(field, "", "its child resource would have the same name as that of %s (%q): "+
				"change a portfolio key so "+
				"that the names differ", other, child)
			return
		}
		children[child] = field
	}
	for i, p := range args.Portfolios {
		field := fmt.Sprintf("portfolios[%d]", i)
		pp := scPortfolioPlan{key: p.Key, field: field, existingID: p.ID, create: p.Create}
		switch {
		case p.Key == "":
			errs.add(field+".key", "", "missing; give a stable key such as %q, used in child names so that reordering "+
				"portfolios replaces nothing", "platform")
		case !scPortfolioKeyPattern.MatchString(p.Key):
			errs.add(field+".key", p.Key, "%q is not a valid key; use 1 to 63 letters, digits, '_', "+
				"'.' or '-', starting with a "+
				"letter or digit", p.Key)
		default:
			if j, dup := keys[p.Key]; dup {
				errs.add(field+".key", p.Key, "%q is also the key of portfolios[%d]; give each "+
					"portfolio its own key", p.Key, j)
			} else {
				keys[p.Key] = i
			}
		}
		switch {
		case p.ID != "" && p.Create != nil:
			errs.add(field, "", "both id (%q) and create are set; give id to share an existing "+
				"portfolio, or create to "+
				"have this component create one, not both", p.ID)
		case p.ID == "" && p.Create == nil:
			errs.add(field, "", "neither id nor create is set; give id (such as port-abcdefghi1234) "+
				"to share an existing "+
				"portfolio, or create (name, providerName) to create one")
		case p.ID != "":
			if !scPortfolioIDPattern.MatchString(p.ID) {
				errs.add(field+".id", p.ID, "%q is not a portfolio ID; it looks like port-abcdefghi1234", p.ID)
			} else if j, dup := existing[p.ID]; dup {
				errs.add(field+".id", "", "portfolio %q is also portfolios[%d]; list each portfolio "+
					"once and merge their "+
					"shares", p.ID, j)
			} else {
				existing[p.ID] = i
			}
		default:
			errs = append(errs, scValidatePortfolioCreate(field+".create", p.Create)...)
		}
		shares, shareErrs := scPlanShares(field, p, plan.accessOn || args.OrganizationAccessManagedElsewhere,
			args.EnableVia, orgID)
		errs = append(errs, shareErrs...)
		pp.shares = shares
		principals, principalErrs := scPlanPrincipals(field, p.PrincipalAssociations)
		errs = append(errs, principalErrs...)
		pp.principals = principals
		for _, pr := range principals {
			claim(pr.field, "principal-"+p.Key+"-"+pr.id)
		}
		for _, s := range shares {
			claim(s.field, "share-"+s.childName(p.Key))
		}
		for _, s := range shares {
			if s.orgNode {
				plan.organizationNodeCnt++
			}
			// Both share types are sent as ARNs with the management account
			// and the organization ID; and an ORGANIZATION share's target
			// must be the organization itself, which only its ID, given or
			// looked up, can tell.
			if s.shareType == ShareTypeOrganization || s.shareType == ShareTypeOrganizationalUnit {
				if args.ManagementAccountID == "" || args.OrganizationID == "" {
					plan.needsOrgLookup = true
				}
			}
		}
		plan.portfolios = append(plan.portfolios, pp)
	}
	plan.planAdopt(args.Adopt, &errs)
	return plan, errs
}

// scValidatePortfolioCreate checks a portfolio to create against
// CreatePortfolio (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_CreatePortfolio.html):
// a display name of 1 to 100 characters, a provider name of 1 to 50, a
// description of at most 2000, and at most 20 tags.
func scValidatePortfolioCreate(field string, c *PortfolioCreateSpec) InputErrors {
	var errs InputErrors
	if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 {
		errs.add(field+".name", c.Name, "%q must be 1 to 100 characters long (it is %d)", c.Name, n)
	}
	if n := utf8.RuneCountInString(c.ProviderName); n < 1 || n > 50 {
		errs.add(field+".providerName", c.ProviderName, "%q must be 1 to 50 characters long (it is %d); give "+
			"the person or team that owns the portfolio", c.ProviderName, n)
	}
	if n := utf8.RuneCountInString(c.Description); n > 2000 {
		errs.add(field+".description", "", "must be at most 2000 characters long (it is %d)", n)
	}
	errs.checkTags(field+".tags", c.Tags, scTagRules)
	return errs
}

// scPlanShares validates the shares of one portfolio. accessAvailable says
// whether organization access is enabled here or declared managed elsewhere.
func scPlanShares(field string, p PortfolioSpec, accessAvailable bool, enableVia, organizationID string,
) ([]scSharePlan, InputErrors) {
	var errs InputErrors
	var out []scSharePlan
	targets := map[string]int{}  // type/id -> index
	accounts := map[string]int{} // account id -> index, across ACCOUNT and ORGANIZATION_MEMBER_ACCOUNT
	orgShare := -1
	for j, s := range p.Shares {
		sf := fmt.Sprintf("%s.shares[%d]", field, j)
		if !slices.Contains(scShareTypes, s.Type) {
			hint := ""
			if up := strings.ToUpper(strings.ReplaceAll(s.Type, "-", "_")); slices.Contains(scShareTypes, up) {
				hint = fmt.Sprintf(" (did you mean %q?)", up)
			}
			errs.add(sf+".type", s.Type, "%q is not a share type%s; use ORGANIZATION, ORGANIZATIONAL_UNIT, "+
				"ORGANIZATION_MEMBER_ACCOUNT or ACCOUNT", s.Type, hint)
			continue
		}
		if msg := scCheckTargetID(s.Type, s.ID); msg != "" {
			errs.add(sf+".id", "", "%s", msg)
			continue
		}
		sp := scSharePlan{
			shareType:       s.Type,
			targetID:        s.ID,
			field:           sf,
			orgNode:         scIsOrganizationNode(s.Type),
			shareTagOptions: p.ShareTagOptions,
			// AWS supports principal sharing only on ORGANIZATION and
			// ORGANIZATIONAL_UNIT shares.
			sharePrincipals: p.SharePrincipals &&
				(s.Type == ShareTypeOrganization || s.Type == ShareTypeOrganizationalUnit),
		}
		if sp.orgNode && !accessAvailable {
			errs.add(sf, "", "a %s share needs Service Catalog's organization access, but enableVia %q leaves it off; "+
				`set enableVia to "" (Service Catalog's own API) or "organizations", or set `+
				`organizationAccessManagedElsewhere if another stack or the console enables it, or share `+
				`with an ACCOUNT instead`, s.Type, enableVia)
			continue
		}
		tk := s.Type + "/" + s.ID
		if k, dup := targets[tk]; dup {
			errs.add(sf, "", "%s %q is also %s.shares[%d]; list each target once", s.Type, s.ID, field, k)
			continue
		}
		targets[tk] = j
		if s.Type == ShareTypeAccount || s.Type == ShareTypeOrganizationMemberAccount {
			if k, dup := accounts[s.ID]; dup {
				errs.add(sf, "", "account %q is also the target of %s.shares[%d]; share with an account once, as "+
					"ORGANIZATION_MEMBER_ACCOUNT for a member account or ACCOUNT for any other", s.ID, field, k)
				continue
			}
			accounts[s.ID] = j
		}
		if s.Type == ShareTypeOrganization {
			if orgShare >= 0 {
				errs.add(sf, "", "the portfolio is already shared with organization %q (%s.shares[%d]); an account "+
					"belongs to one organization, so keep one ORGANIZATION share", p.Shares[orgShare].ID, field, orgShare)
				continue
			}
			orgShare = j
			if organizationID != "" && s.ID != organizationID {
				errs.add(sf+".id", s.ID, "%q is not the organization given in organizationId (%q); "+
					"share with %q, or fix "+
					"organizationId", s.ID, organizationID, organizationID)
				continue
			}
		}
		out = append(out, sp)
	}
	errs = append(errs, scRedundantShares(field, p.Shares, out, orgShare)...)
	return out, errs
}

// scRedundantShares reports the ORGANIZATIONAL_UNIT and
// ORGANIZATION_MEMBER_ACCOUNT shares of a portfolio that also has an
// ORGANIZATION share (shares[orgShare]; -1 when none). Shares to an
// organization node are made by the organization's management account or
// its delegated administrator, within their own organization
// (CreatePortfolioShare), so such a share is always of an OU or a member
// account the ORGANIZATION share already covers, with the same portfolio
// settings: it gives no account anything. It is refused rather than
// ignored, because it hides a mistake: it reads as a limit, yet every
// account of the organization has the portfolio.
func scRedundantShares(field string, shares []ShareSpec, planned []scSharePlan, orgShare int) InputErrors {
	if orgShare < 0 || !slices.ContainsFunc(planned, func(s scSharePlan) bool {
		return s.shareType == ShareTypeOrganization
	}) {
		return nil
	}
	var errs InputErrors
	org := shares[orgShare].ID
	for _, s := range planned {
		if s.shareType != ShareTypeOrganizationalUnit && s.shareType != ShareTypeOrganizationMemberAccount {
			continue
		}
		errs.add(s.field, "", "the %s share of %q is redundant: %s.shares[%d] shares the portfolio with "+
			"organization %q, which holds every OU and member account; remove this share to share with the "+
			"whole organization, or remove the ORGANIZATION share to share with the listed targets only",
			s.shareType, s.targetID, field, orgShare, org)
	}
	return errs
}

// scCheckTargetID returns why id is not a valid target for share type t, or "".
func scCheckTargetID(t, id string) string {
	var ok bool
	var want string
	switch t {
	case ShareTypeOrganization:
		ok, want = orgIDPattern.MatchString(id), "an organization ID, such as o-a1b2c3d4e5 (o- then 10 to 32 "+
			"lowercase letters or digits)"
	case ShareTypeOrganizationalUnit:
		ok, want = ouIDPattern.MatchString(id), "an organizational unit ID, such as ou-ab12-cdef3456 (ou-, 4 to "+
			"32 lowercase letters or digits, '-', then 8 to 32 more)"
	default:
		ok, want = accountIDPattern.MatchString(id), "a 12-digit account ID, such as "+exampleAccountID
	}
	if ok {
		return ""
	}
	if id == "" {
		return fmt.Sprintf("missing; a %s share takes %s", t, want)
	}
	msg := fmt.Sprintf("%q is not valid for a %s share, which takes %s", id, t, want)
	if kind := scTargetKind(id); kind != "" {
		msg = fmt.Sprintf("%q is %s, not valid for a %s share, which takes %s", id, kind, t, want)
		switch {
		case kind == "an organization ID":
			msg += "; for the whole organization use type ORGANIZATION"
		case kind == "an organizational unit ID":
			msg += "; for an OU use type ORGANIZATIONAL_UNIT"
		case kind == "an account ID":
			msg += "; for one account use type ORGANIZATION_MEMBER_ACCOUNT or ACCOUNT"
		case kind == "a root ID":
			msg += "; to share with the whole organization use type ORGANIZATION with the organization ID"
		case kind == "an ARN":
			msg += "; give the ID, not the ARN (the component builds the ARN)"
		}
	}
	return msg
}

// scPlanPrincipals validates the principal associations of one portfolio and
// resolves each to its IAM_PATTERN ARN.
func scPlanPrincipals(field string, specs []PrincipalAssociationSpec) ([]scPrincipalPlan, InputErrors) {
	var errs InputErrors
	var out []scPrincipalPlan
	seen := map[string]int{}
	for j, s := range specs {
		pf := fmt.Sprintf("%s.principalAssociations[%d]", field, j)
		var pp scPrincipalPlan
		switch {
		case s.IAMRolePattern != "" && s.PermissionSetName != "":
			errs.add(pf, "", "both iamRolePattern (%q) and permissionSetName (%q) are set; give one "+
				"per association", s.IAMRolePattern, s.PermissionSetName)
			continue
		case s.IAMRolePattern == "" && s.PermissionSetName == "":
			errs.add(pf, "", "neither iamRolePattern nor permissionSetName is set; give a role name pattern such as "+
				"%q, or an IAM Identity Center permission set name such as %q", "ServiceCatalogUser*", "DeveloperAccess")
			continue
		case s.PermissionSetName != "":
			if !permissionSetPattern.MatchString(s.PermissionSetName) {
				errs.add(pf+".permissionSetName", s.PermissionSetName, "%q is not a permission set "+
					"name; use 1 to 32 letters, digits or "+
					"+=,.@_- (the name, not the ARN)", s.PermissionSetName)
				continue
			}
			pp = scPrincipalPlan{
				id:  "permission-set-" + s.PermissionSetName,
				arn: "arn:aws:iam:::role/" + scPermissionSetRolePattern(s.PermissionSetName),
			}
		default:
			resourceID, arn, msg := scResolveRolePattern(s.IAMRolePattern)
			if msg != "" {
				errs.add(pf+".iamRolePattern", "", "%s", msg)
				continue
			}
			pp = scPrincipalPlan{id: "role-" + resourceID, arn: arn}
		}
		if n := len(pp.arn); n > scMaxPrincipalARNLen {
			errs.add(pf, "", "the principal %q is %d characters long; Service Catalog takes a principal ARN of "+
				"at most %d (AssociatePrincipalWithPortfolio PrincipalARN): shorten the pattern", pp.arn, n,
				scMaxPrincipalARNLen)
			continue
		}
		if k, dup := seen[pp.arn]; dup {
			errs.add(pf, "", "principal %q is also %s.principalAssociations[%d]; list each principal once", pp.arn, field, k)
			continue
		}
		seen[pp.arn] = j
		pp.field = pf
		out = append(out, pp)
	}
	if len(specs) > scMaxPatternPrincipals {
		errs.add(field+".principalAssociations", "", "%d associations, but Service Catalog allows at "+
			"most %d IAM_PATTERN "+
			"principals per portfolio; use broader patterns or split the portfolio", len(specs), scMaxPatternPrincipals)
	}
	return out, errs
}

// scPermissionSetRolePattern is the role path and name pattern matching the roles
// IAM Identity Center creates for permission set name in every account it is
// assigned to: AWSReservedSSO_<name>_<unique suffix> under the reserved SSO
// path, with or without the Region segment.
func scPermissionSetRolePattern(name string) string {
	return scSSORolePathPattern + "AWSReservedSSO_" + name + "_*"
}

// scResolveRolePattern turns a role name pattern ("Dev*", "team/Dev*") or an
// account-less role ARN pattern ("arn:aws:iam:::role/Dev*") into the role's
// resource ID and the IAM_PATTERN ARN. msg explains a bad pattern.
func scResolveRolePattern(p string) (resourceID, arn, msg string) {
	resourceID, arn = p, "arn:aws:iam:::role/"+p
	if m := scRoleARNPattern.FindStringSubmatch(p); m != nil {
		resourceID, arn = m[2], p
	} else if strings.HasPrefix(p, "arn:") {
		return "", "", fmt.Sprintf("%q is not an IAM_PATTERN role ARN; it has no account ID, as in "+
			"arn:aws:iam:::role/ServiceCatalogUser*, or give only the role name pattern, as in "+
			"ServiceCatalogUser*", p)
	}
	switch {
	case strings.HasPrefix(resourceID, "/"):
		return "", "", fmt.Sprintf("%q starts with '/'; give the role path and name without the leading "+
			"slash, such as team/ServiceCatalogUser*", p)
	case !scRolePatternChars.MatchString(resourceID):
		return "", "", fmt.Sprintf("%q has characters an IAM role path or name cannot have; use letters, "+
			"digits, +=,.@_-, '/' between path segments and the wildcards '*' and '?'", p)
	case strings.Trim(resourceID, "*?/") == "":
		return "", "", fmt.Sprintf("%q matches every role in every account the portfolio is shared with; "+
			"name the roles, such as ServiceCatalogUser*", p)
	}
	return resourceID, arn, ""
}

// scDisableAccessWarning is the warning a preview shows when deleting the
// component will disable Service Catalog's organization access: the seed's
// caveat that shares left behind stop following the organization.
func scDisableAccessWarning(name string, organizationShares int) string {
	return fmt.Sprintf("ServiceCatalogSharing %q: disableAccessOnDelete is true, so deleting this component "+
		"disables Service Catalog's AWS Organizations access, after it removes the %d organization share(s) it "+
		"manages. Portfolio shares made outside this component are not deleted, but they no longer stay in sync "+
		"as the organization changes (accounts that join a shared OU do not get the portfolio), and no new "+
		"organization shares can be made until access is enabled again.", name, organizationShares)
}
