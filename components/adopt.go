package components

import (
	_ "embed"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// The adopt inputs of the components: what already exists in AWS, so that
// the first `pulumi up` imports it (Pulumi's import resource option) instead
// of creating it. `orgtrust discover` writes them; adopt.md is the life
// cycle.

//go:embed adopt.md
var adoptDoc string

// IntegrationAdoptSpec says which of an OrgServiceIntegration's children
// exist already.
type IntegrationAdoptSpec struct {
	// DelegatedAdmin: the delegated administrator is registered (for a
	// per-Region service without regions, in the aws provider's Region).
	DelegatedAdmin bool `pulumi:"delegatedAdmin,optional"`
	// DelegatedAdminRegions are the Regions, of regions, where a per-Region
	// service's administrator is designated.
	DelegatedAdminRegions []string `pulumi:"delegatedAdminRegions,optional"`
	// Access: trusted access is enabled.
	Access bool `pulumi:"access,optional"`
	// OrganizationConfigurationRegions are the Regions where the
	// organization configuration exists already.
	OrganizationConfigurationRegions []string `pulumi:"organizationConfigurationRegions,optional"`
	// OrganizationConfigurationIDs are the import IDs AWS assigned to the
	// organization configuration's resources, by the key of the resource.
	OrganizationConfigurationIDs map[string]string `pulumi:"organizationConfigurationIds,optional"`
}

// Annotate describes the type for the provider schema.
func (s *IntegrationAdoptSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "What of an integration exists already, to import on the first `pulumi up` instead of "+
		"creating it. "+adoptDoc)
	a.Describe(&s.DelegatedAdmin, "The delegated administrator `delegatedAdminAccountId` is registered already "+
		"(for a service designated per Region and no `regions`, in the aws provider's Region): its resource "+
		"is imported, with the import ID of its pulumi-aws documentation (`<account>/<principal>` for "+
		"Organizations' DelegatedAdministrator, the account ID for the services' own admin resources).")
	a.Describe(&s.DelegatedAdminRegions, "For a service designated per Region: the Regions, among `regions`, "+
		"where `delegatedAdminAccountId` is designated already; their admin resources are imported, the "+
		"others created.")
	a.Describe(&s.Access, "Trusted access is enabled already. Where the enable resource is imported "+
		"(`aws.ram.SharingWithOrganization`, by the management account ID) it is imported; "+
		"TrustedServiceAccess and the orgtrust provider's other resources adopt an enabled service on create "+
		"without a write, and `aws.servicecatalog.OrganizationsAccess` has no import (its create changes "+
		"nothing where access is on).")
	a.Describe(&s.OrganizationConfigurationRegions, "The Regions, among the organization configuration's, where "+
		"it exists already: GuardDuty's organization configuration is imported by the detector ID looked up, "+
		"Security Hub's by the administrator's account ID, Access Analyzer's analyzers and Config's aggregator by "+
		"name (their pulumi-aws import IDs). The other resources have no import in pulumi-aws: they set what "+
		"exists (GuardDuty's protection plans, Macie's and Inspector's UpdateOrganizationConfiguration), which "+
		"changes nothing when the configuration is the one discovered.")
	a.Describe(&s.OrganizationConfigurationIDs, "The import IDs that AWS assigned to the existing organization "+
		"configuration's resources, by key (`orgtrust discover` writes them): `findingAggregator`, the ARN of "+
		"Security Hub's finding aggregator in the home Region (central configuration); `policy:<name>`, the ID "+
		"(UUID) of the Security Hub configuration policy `<name>`; `association:<target>`, the target ID of "+
		"an existing policy association (its import ID); `graph:<region>`, the ARN of Detective's behavior graph in that Region, which imports the "+
		"graph and its organization configuration (pulumi-aws's import IDs for "+
		"`aws:securityhub/findingAggregator`, `aws:securityhub/configurationPolicy`, "+
		"`aws:securityhub/configurationPolicyAssociation`, `aws:detective/graph` and "+
		"`aws:detective/organizationConfiguration`). Used in the Regions of `organizationConfigurationRegions`.")
}

// IdentityCenterAdoptSpec says which of an IdentityCenterSetup's children
// exist already.
type IdentityCenterAdoptSpec struct {
	// DelegatedAdmin: the delegated administrator is registered.
	DelegatedAdmin bool `pulumi:"delegatedAdmin,optional"`
	// PermissionSets maps the name of each existing permission set to its ARN.
	PermissionSets map[string]string `pulumi:"permissionSets,optional"`
	// Assignments: the assignments of the adopted permission sets to existing
	// principals exist.
	Assignments bool `pulumi:"assignments,optional"`
	// AccessControlAttributes: the instance's ABAC configuration exists.
	AccessControlAttributes bool `pulumi:"accessControlAttributes,optional"`
	// GroupMemberships are the memberships of groupMemberships that exist,
	// with their IDs (identitycentersetup_memberships.go).
	GroupMemberships []MembershipAdoptSpec `pulumi:"groupMemberships,optional"`
}

// Annotate describes the type for the provider schema.
func (s *IdentityCenterAdoptSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "What of the Identity Center setup exists already, to import on the first `pulumi up` "+
		"instead of creating it. "+adoptDoc)
	a.Describe(&s.DelegatedAdmin, "`delegatedAdminAccountId` is registered already as IAM Identity Center's "+
		"delegated administrator: its DelegatedAdministrator is imported (`<account>/sso.amazonaws.com`).")
	a.Describe(&s.PermissionSets, "The ARN of each existing permission set, by its name in `permissionSets`. "+
		"The permission set is imported (`<arn>,<instanceArn>`), with every policy the configuration gives it: "+
		"its managed and customer managed policy attachments, inline policy and permissions boundary. Needs "+
		"`instanceArn`, whose instance the ARNs must belong to.")
	a.Describe(&s.Assignments, "The assignments of the adopted permission sets to existing principals "+
		"(`existing: true`) exist: each is imported (`<principalId>,<type>,<account>,AWS_ACCOUNT,<permission "+
		"set arn>,<instanceArn>`). Assignments to principals the component creates are created. In "+
		"`assignmentsMode: set`, the AccountAssignments resource adopts existing assignments itself.")
	a.Describe(&s.AccessControlAttributes, "The instance's attributes for access control exist already: "+
		"`accessControlAttributes` is imported (by `instanceArn`).")
	a.Describe(&s.GroupMemberships, "The memberships of `groupMemberships` that exist already, each with its "+
		"membership ID: each is imported (`<identityStoreId>/<membershipId>`). Needs `identityStoreId`.")
}

// ServiceCatalogAdoptSpec says which of a ServiceCatalogSharing's children
// exist already.
type ServiceCatalogAdoptSpec struct {
	// DelegatedAdmin: the delegated administrator is registered.
	DelegatedAdmin bool `pulumi:"delegatedAdmin,optional"`
	// Portfolios maps the key of each existing portfolio to its ID.
	Portfolios map[string]string `pulumi:"portfolios,optional"`
}

// Annotate describes the type for the provider schema.
func (s *ServiceCatalogAdoptSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "What of the Service Catalog sharing exists already, to import on the first `pulumi up` "+
		"instead of creating it. "+adoptDoc)
	a.Describe(&s.DelegatedAdmin, "`delegatedAdminAccountId` is registered already as Service Catalog's "+
		"delegated administrator: its DelegatedAdministrator is imported "+
		"(`<account>/servicecatalog.amazonaws.com`).")
	a.Describe(&s.Portfolios, "The ID (`port-...`) of each existing portfolio, by its key in `portfolios`. A "+
		"portfolio given with `create` is imported by it; one given by `id` must have the same ID. Its shares "+
		"(`<portfolio>:<type>:<principal>`) and principal associations (`en,<principal arn>,<portfolio>,"+
		"IAM_PATTERN`) are imported.")
}
