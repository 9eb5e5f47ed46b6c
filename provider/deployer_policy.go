package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// GetDeployerPolicy returns the least-privilege IAM policy for the role that
// runs `pulumi up` for an orgtrust program in the management account.
type GetDeployerPolicy struct{}

// GetDeployerPolicyArgs selects the integrations the program uses.
type GetDeployerPolicyArgs struct {
	Services       []string `pulumi:"services,optional"`
	IdentityCenter bool     `pulumi:"identityCenter,optional"`
	ServiceCatalog bool     `pulumi:"serviceCatalog,optional"`
	ReadOnly       bool     `pulumi:"readOnly,optional"`
	// OrganizationConfiguration and AdministratorRole cover the services'
	// organization configuration, set through the administrator role.
	OrganizationConfiguration bool   `pulumi:"organizationConfiguration,optional"`
	AdministratorRole         string `pulumi:"administratorRole,optional"`
}

// GetDeployerPolicyResult is the policy document and the actions it allows.
type GetDeployerPolicyResult struct {
	Policy  string   `pulumi:"policy"`
	Actions []string `pulumi:"actions"`
	// AdministratorPolicy is the administrator role's policy; empty without
	// organizationConfiguration.
	AdministratorPolicy  string   `pulumi:"administratorPolicy,optional"`
	AdministratorActions []string `pulumi:"administratorActions,optional"`
}

// Annotate documents the function.
func (f *GetDeployerPolicy) Annotate(a infer.Annotator) {
	a.Describe(f, "Returns the least-privilege IAM policy, as JSON, for the role that deploys an orgtrust "+
		"program from the organization's management account (for example the OIDC role of the pull-request "+
		"workflow): the AWS Organizations trusted-access and delegated-administrator actions, "+
		"`iam:CreateServiceLinkedRole` for the selected services' principals, each selected service's own "+
		"delegated-administrator and enable actions with the actions of the resources that call them, and "+
		"the actions of the IdentityCenterSetup and ServiceCatalogSharing children when those features are "+
		"selected. Attach it as an inline or customer-managed policy.")
	a.SetToken("index", "getDeployerPolicy")
}

// Annotate documents the arguments.
func (a *GetDeployerPolicyArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.Services, "The catalog keys of the services the program integrates, such as "+
		"`guardduty` or `access-analyzer` (see listTrustedServices). Each adds its delegated-administrator "+
		"and enable actions, and its principals to the `iam:CreateServiceLinkedRole` condition.")
	an.Describe(&a.IdentityCenter, "Whether the program uses IdentityCenterSetup: adds the IAM Identity "+
		"Center (`sso`) integration, permission sets and their provisioning, existing permission sets' lookups, "+
		"account assignments, applications, trusted token issuers, the identity store and the organization "+
		"lookups that expand organizational units to accounts. A managementAccountRoleArn role needs the same "+
		"Identity Center actions.")
	an.Describe(&a.ServiceCatalog, "Whether the program uses ServiceCatalogSharing: adds the Service Catalog "+
		"(`servicecatalog`) integration, portfolios, portfolio shares and principal associations.")
	an.Describe(&a.ReadOnly, "Keep only the read actions (`List*`, `Describe*`, `Get*`): the policy of a "+
		"role that may run `pulumi preview` and `pulumi refresh` but change nothing, such as the role that "+
		"pull-request workflows assume.")
	an.Describe(&a.OrganizationConfiguration, "Whether the program sets the services' `organizationConfiguration`: "+
		"adds `sts:AssumeRole` on `administratorRole` to the policy, and returns `administratorPolicy`, the "+
		"least-privilege policy of that role in the delegated administrator's account for the selected services "+
		"that have one (GuardDuty, Security Hub, Macie, Inspector, Detective, Access Analyzer, Config).")
	an.Describe(&a.AdministratorRole, "The role the organization configuration assumes in the delegated "+
		"administrator's account, as `organizationConfiguration.administratorRole` gives it: a role name (in "+
		"any account; default `OrganizationAccountAccessRole`) or a role ARN.")
}

// Annotate documents the result.
func (r *GetDeployerPolicyResult) Annotate(a infer.Annotator) {
	a.Describe(&r.Policy, "The IAM policy document, as JSON (version 2012-10-17).")
	a.Describe(&r.Actions, "Every action the policy allows, sorted.")
	a.Describe(&r.AdministratorPolicy, "With `organizationConfiguration`: the IAM policy document, as JSON, of the "+
		"administrator role in the delegated administrator's account: the actions of the organization "+
		"configuration's resources and lookups. Attach it to that role in place of a broader one.")
	a.Describe(&r.AdministratorActions, "Every action `administratorPolicy` allows, sorted.")
}

// Invoke implements the function.
func (*GetDeployerPolicy) Invoke(_ context.Context, req infer.FunctionRequest[GetDeployerPolicyArgs]) (
	infer.FunctionResponse[GetDeployerPolicyResult], error,
) {
	doc, err := deployerPolicy(req.Input)
	if err != nil {
		return infer.FunctionResponse[GetDeployerPolicyResult]{}, err
	}
	policy, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return infer.FunctionResponse[GetDeployerPolicyResult]{}, fmt.Errorf("encoding the policy: %w", err)
	}
	out := GetDeployerPolicyResult{Policy: string(policy), Actions: doc.actions()}
	if req.Input.OrganizationConfiguration {
		admin, err := administratorPolicy(selectedKeys(req.Input), req.Input.ReadOnly)
		if err != nil {
			return infer.FunctionResponse[GetDeployerPolicyResult]{}, err
		}
		if len(admin.Statement) > 0 {
			text, err := json.MarshalIndent(admin, "", "  ")
			if err != nil {
				return infer.FunctionResponse[GetDeployerPolicyResult]{}, fmt.Errorf("encoding the policy: %w", err)
			}
			out.AdministratorPolicy, out.AdministratorActions = string(text), admin.actions()
		}
	}
	return infer.FunctionResponse[GetDeployerPolicyResult]{Output: out}, nil
}

// policyDocument is an IAM policy document.
type policyDocument struct {
	Version   string            `json:"Version"`
	Statement []policyStatement `json:"Statement"`
}

// policyStatement is one statement of a policyDocument.
type policyStatement struct {
	Sid       string                         `json:"Sid"`
	Effect    string                         `json:"Effect"`
	Action    []string                       `json:"Action"`
	Resource  string                         `json:"Resource"`
	Condition map[string]map[string][]string `json:"Condition,omitempty"`
}

// actions returns every action of the document, sorted and without duplicates.
func (d policyDocument) actions() []string {
	set := map[string]bool{}
	for _, s := range d.Statement {
		for _, a := range s.Action {
			set[a] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// deployerPolicy builds the policy document for args. Unknown service keys are
// an error that names the key and suggests the nearest one.
func deployerPolicy(args GetDeployerPolicyArgs) (policyDocument, error) {
	selected := map[string]components.Service{}
	for i, key := range args.Services {
		svc, err := components.ResolveService(fmt.Sprintf("services[%d]", i), key)
		if err != nil {
			return policyDocument{}, err
		}
		selected[svc.Key] = svc
	}
	if args.IdentityCenter {
		selected["sso"], _ = components.LookupService("sso")
	}
	if args.ServiceCatalog {
		selected["servicecatalog"], _ = components.LookupService("servicecatalog")
	}

	types := slices.Clone(catalog.IntegrationTypes)
	serviceActions := map[string]bool{}
	principals := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(selected)) {
		svc := selected[key]
		for _, p := range svc.Principals {
			principals[p] = true
		}
		for _, a := range []string{svc.DelegatedAdminAPI, svc.EnableAPI} {
			if a != "" {
				serviceActions[a] = true
			}
		}
		for _, t := range []catalog.ResourceType{svc.DelegatedAdminResource, svc.EnableResource} {
			if t != "" {
				types = append(types, string(t))
			}
		}
		if svc.DelegatedAdminPerRegion {
			// Regions given, opt-in ones are checked against the enabled list.
			types = append(types, "aws:index/getRegions:getRegions")
		}
	}
	if args.IdentityCenter {
		types = append(types, catalog.ComponentTypes["sso"]...)
		for _, a := range catalog.DiscoverActions["sso"] {
			serviceActions[a] = true
		}
	}
	if args.ServiceCatalog {
		types = append(types, catalog.ComponentTypes["servicecatalog"]...)
		for _, a := range catalog.DiscoverActions["servicecatalog"] {
			serviceActions[a] = true
		}
	}

	orgs := map[string]bool{}
	for _, a := range catalog.OrganizationsActions {
		orgs[a] = true
	}
	for _, t := range types {
		actions, ok := catalog.TypeActions(t)
		if !ok {
			return policyDocument{}, fmt.Errorf("no IAM actions are recorded for %s: add it to typeActions in "+
				"components/catalog/iam.go, or, for a service's own resource, to components/catalog/resources.go", t)
		}
		for _, a := range actions {
			if strings.HasPrefix(a, "organizations:") {
				orgs[a] = true
			} else {
				serviceActions[a] = true
			}
		}
	}
	for a := range orgs {
		delete(serviceActions, a)
	}

	doc := policyDocument{Version: "2012-10-17"}
	doc.Statement = append(doc.Statement, policyStatement{
		Sid: "OrganizationsTrustedAccess", Effect: "Allow", Resource: "*",
		Action: slices.Sorted(maps.Keys(orgs)),
	})
	slr := policyStatement{
		Sid: "ServiceLinkedRoles", Effect: "Allow", Resource: "arn:aws:iam::*:role/aws-service-role/*",
		Action: []string{"iam:CreateServiceLinkedRole"},
	}
	if len(principals) > 0 {
		slr.Condition = map[string]map[string][]string{
			"StringEquals": {"iam:AWSServiceName": slices.Sorted(maps.Keys(principals))},
		}
	}
	doc.Statement = append(doc.Statement, slr)
	if len(serviceActions) > 0 {
		doc.Statement = append(doc.Statement, policyStatement{
			Sid: "ServiceIntegrations", Effect: "Allow", Resource: "*",
			Action: slices.Sorted(maps.Keys(serviceActions)),
		})
	}
	if args.IdentityCenter {
		doc.Statement = append(doc.Statement,
			policyStatement{
				Sid: "IdentityCenterRoles", Effect: "Allow",
				Resource: "arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*",
				Action:   roleActions(catalog.IdentityCenterAssignmentActions),
			},
			policyStatement{
				Sid: "IdentityCenterSAMLProviders", Effect: "Allow",
				Resource: "arn:aws:iam::*:saml-provider/AWSSSO_*",
				Action:   samlActions(catalog.IdentityCenterAssignmentActions),
			})
	}
	if args.OrganizationConfiguration {
		st, err := assumeAdministratorStatement(args.AdministratorRole)
		if err != nil {
			return policyDocument{}, err
		}
		doc.Statement = append(doc.Statement, st)
	}
	if args.ReadOnly {
		doc = readOnly(doc)
	}
	return doc, nil
}

// selectedKeys are the catalog keys args selects, sorted.
func selectedKeys(args GetDeployerPolicyArgs) []string {
	keys := map[string]bool{}
	for _, k := range args.Services {
		keys[k] = true
	}
	return slices.Sorted(maps.Keys(keys))
}

// readOnly keeps the read actions of doc, and the statements left with any.
func readOnly(doc policyDocument) policyDocument {
	out := policyDocument{Version: doc.Version}
	for _, s := range doc.Statement {
		var kept []string
		for _, a := range s.Action {
			_, name, _ := strings.Cut(a, ":")
			// sts:AssumeRole changes nothing, and a preview needs it to look
			// up what the administrator's account holds.
			if strings.HasPrefix(name, "List") || strings.HasPrefix(name, "Describe") ||
				strings.HasPrefix(name, "Get") || a == "sts:AssumeRole" {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			s.Action = kept
			out.Statement = append(out.Statement, s)
		}
	}
	return out
}

func roleActions(actions []string) []string {
	var out []string
	for _, a := range actions {
		if !strings.Contains(a, "SAMLProvider") {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

func samlActions(actions []string) []string {
	var out []string
	for _, a := range actions {
		if strings.Contains(a, "SAMLProvider") {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}
