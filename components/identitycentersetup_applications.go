package components

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Customer managed applications of IdentityCenterSetup (identitycentersetup.md,
// "Applications"): created (OAuth 2.0, the only kind IAM Identity Center's
// CreateApplication makes) or existing (any kind, SAML 2.0 included, by ARN),
// with their assignments to the component's groups and users, whether an
// assignment is required, and their access scopes.

// ApplicationSpec is one customer managed application.
type ApplicationSpec struct {
	Name                   string            `pulumi:"name"`
	Existing               bool              `pulumi:"existing,optional"`
	ApplicationArn         string            `pulumi:"applicationArn,optional"`
	ApplicationProviderArn string            `pulumi:"applicationProviderArn,optional"`
	Description            string            `pulumi:"description,optional"`
	Status                 string            `pulumi:"status,optional"`
	PortalVisibility       string            `pulumi:"portalVisibility,optional"`
	SignInOrigin           string            `pulumi:"signInOrigin,optional"`
	ApplicationURL         string            `pulumi:"applicationUrl,optional"`
	Tags                   map[string]string `pulumi:"tags,optional"`
	AssignmentRequired     *bool             `pulumi:"assignmentRequired,optional"`
	Principals             []PrincipalRef    `pulumi:"principals,optional"`
	AccessScopes           []AccessScopeSpec `pulumi:"accessScopes,optional"`
}

// Annotate describes the type for the provider schema.
func (s *ApplicationSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "A customer managed application of IAM Identity Center: created here (an OAuth 2.0 application, "+
		"the only kind the CreateApplication API makes), or an existing one of any kind (a SAML 2.0 application "+
		"made in the console, say) referenced by ARN; with its assignments, whether an assignment is required, and "+
		"its access scopes.")
	a.Describe(&s.Name, "The application's name, 1 to 255 letters, digits and `+=,.@_-`, unique among "+
		"`applications`. It keys the application's children. For an application created here it is also its name in "+
		"IAM Identity Center; for an existing one, only the key.")
	a.Describe(&s.Existing, "Reference an application that exists already, by `applicationArn`, instead of "+
		"creating one. It is looked up at preview and never modified; its assignments, assignment configuration "+
		"and access scopes are managed here. Only `name`, `applicationArn`, `assignmentRequired`, `principals` and "+
		"`accessScopes` may be set.")
	a.Describe(&s.ApplicationArn, "The ARN of the existing application, such as "+
		"`arn:aws:sso::111122223333:application/ssoins-1234567890abcdef/apl-1234567890abcdef`; only with `existing`.")
	a.Describe(&s.ApplicationProviderArn, "The application provider of an application created here. Defaults to "+
		"`arn:aws:sso::aws:applicationProvider/custom`, the customer managed OAuth 2.0 provider, the only one "+
		"CreateApplication accepts.")
	a.Describe(&s.Description, "The description of an application created here, 1 to 128 characters.")
	a.Describe(&s.Status, "`ENABLED` (the default) or `DISABLED`, for an application created here.")
	a.Describe(&s.PortalVisibility, "Whether the application appears in the AWS access portal: `ENABLED` or "+
		"`DISABLED`.")
	a.Describe(&s.SignInOrigin, "How the AWS access portal signs users in: `APPLICATION` (redirect to "+
		"`applicationUrl`; the default when it is set) or `IDENTITY_CENTER` (SAML identity-provider initiated).")
	a.Describe(&s.ApplicationURL, "The URL that accepts authentication requests for the application, `http://` or "+
		"`https://`, at most 512 characters; required with `signInOrigin: APPLICATION`.")
	a.Describe(&s.Tags, "Tags on an application created here.")
	a.Describe(&s.AssignmentRequired, "Whether users need an assignment to use the application "+
		"(PutApplicationAssignmentConfiguration). Unset leaves the application's configuration alone; false "+
		"gives every user of the instance access.")
	a.Describe(&s.Principals, "The groups and users, declared in `groups` and `users` (created or existing), "+
		"assigned to the application. Duplicates are merged.")
	a.Describe(&s.AccessScopes, "The application's access scopes: each scope at most once.")
}

// AccessScopeSpec is one access scope of an application.
type AccessScopeSpec struct {
	Scope             string   `pulumi:"scope"`
	AuthorizedTargets []string `pulumi:"authorizedTargets,optional"`
}

// Annotate describes the type for the provider schema.
func (s *AccessScopeSpec) Annotate(a infer.Annotator) {
	a.Describe(s, "An access scope of an application (PutApplicationAccessScope).")
	a.Describe(&s.Scope, "The scope, such as `sso:account:access` or `redshift:connect`: up to three parts of 1 to "+
		"50 letters, digits and `_`, separated by `:`.")
	a.Describe(&s.AuthorizedTargets, "Up to 10 ARNs of the applications (or the instance) authorized for the scope. "+
		"Empty authorizes none in particular.")
}

// The application provider CreateApplication accepts. "The CreateApplication
// API only supports custom OAuth 2.0 applications" (pulumi-aws
// ssoadmin.Application, terraform-provider-aws#35667); a custom-saml provider
// is answered "The application provider ... is not supported for this
// action" (terraform-provider-aws#34813).
const customApplicationProvider = "arn:aws:sso::aws:applicationProvider/custom"

// Formats of the IAM Identity Center API reference (Application,
// SignInOptions, PutApplicationAccessScope).
var (
	icApplicationNamePattern     = regexp.MustCompile(`^[\w+=,.@-]{1,255}$`)
	icApplicationArnPattern      = regexp.MustCompile(`^arn:aws(?:-[a-z]+)*:sso::\d{12}:application/((?:sso)?ins-[a-zA-Z0-9-.]{16})/apl-[a-zA-Z0-9]{16}$`)
	icApplicationProviderPattern = regexp.MustCompile(`^arn:aws(?:-[a-z]+)*:sso::aws:applicationProvider/[a-zA-Z0-9-/]+$`)
	icApplicationURLPattern      = regexp.MustCompile(`^https?://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%?=~_|]$`)
	icScopePattern               = regexp.MustCompile(`^[A-Za-z0-9_]{1,50}(?::[A-Za-z0-9_]{1,50}){0,2}$`)
	icAuthorizedTargetPattern    = regexp.MustCompile(`^arn:aws(?:-[a-z]+)*:sso::(?:\d{12}:application/(?:sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}|:instance/(?:sso)?ins-[a-zA-Z0-9-.]{16})$`)
)

// icApplication is one validated ApplicationSpec.
type icApplication struct {
	spec    ApplicationSpec
	field   string
	resName string
	// principals index icPlan.principals, sorted, without duplicates; and
	// the names of their assignments.
	principals  []int
	assignNames []string
	scopes      []icScope

	// Set by the lookup (existing) or while registering.
	arn pulumi.StringOutput
}

type icScope struct {
	spec    AccessScopeSpec
	resName string
}

// enabledDisabled checks an ENABLED/DISABLED field.
func enabledDisabled(errs *InputErrors, field, v string) {
	if v != "" && v != "ENABLED" && v != "DISABLED" {
		errs.addSubject(field, v, "%q is not a status; use ENABLED or DISABLED", v)
	}
}

// planApplications validates the applications, sorted by name.
func (p *icPlan) planApplications(specs []ApplicationSpec, groupIndex, userIndex map[string]int, errs *InputErrors,
	claims icNameClaims,
) {
	order := make([]int, len(specs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(specs[a].Name, specs[b].Name) })
	seen := map[string]bool{}
	for _, i := range order {
		s := specs[i]
		field := fmt.Sprintf("applications[%d]", i)
		if !icApplicationNamePattern.MatchString(s.Name) {
			errs.addSubject(field+".name", s.Name, "%q is not a valid application name: use 1 to 255 letters, "+
				"digits and +=,.@_-", s.Name)
			continue
		}
		if seen[s.Name] {
			errs.addSubject(field+".name", s.Name, "%q is a duplicate: application names are unique; merge the "+
				"two entries or rename one", s.Name)
			continue
		}
		seen[s.Name] = true
		app := icApplication{spec: s, field: field, resName: p.name + "-app-" + icSanitizeName(s.Name)}
		claims.claim(errs, app.resName, field+".name", s.Name)
		if s.Existing {
			p.checkExistingApplication(field, s, errs)
		} else {
			checkCreatedApplication(field, s, errs)
		}
		app.principals, app.assignNames = p.planApplicationPrincipals(field, app.resName, s.Principals, groupIndex,
			userIndex, errs, claims)
		app.scopes = planAccessScopes(field, app.resName, s.AccessScopes, errs, claims)
		if s.AssignmentRequired != nil {
			claims.claim(errs, app.resName+"-assignment-required", field+".assignmentRequired", s.Name)
		}
		p.applications = append(p.applications, app)
	}
}

// checkExistingApplication checks a referenced application: its ARN, of the
// component's instance when that is given, and nothing the component would
// have to change on it.
func (p *icPlan) checkExistingApplication(field string, s ApplicationSpec, errs *InputErrors) {
	switch m := icApplicationArnPattern.FindStringSubmatch(s.ApplicationArn); {
	case s.ApplicationArn == "":
		errs.addSubject(field+".applicationArn", "", "is empty; give the ARN of the existing application, such as "+
			"arn:aws:sso::%s:application/ssoins-1234567890abcdef/apl-1234567890abcdef (aws sso-admin "+
			"list-applications lists them), or drop existing to create an application", exampleAccountID)
	case m == nil:
		errs.addSubject(field+".applicationArn", s.ApplicationArn, "%q is not an application ARN; it looks like "+
			"arn:aws:sso::%s:application/ssoins-1234567890abcdef/apl-1234567890abcdef", s.ApplicationArn,
			exampleAccountID)
	case p.instanceArn != "" && !strings.HasSuffix(p.instanceArn, "/"+m[1]):
		errs.addSubject(field+".applicationArn", s.ApplicationArn, "%q is an application of instance %s, not of "+
			"instanceArn %s; reference an application of the component's instance", s.ApplicationArn, m[1],
			p.instanceArn)
	}
	var set []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"applicationProviderArn", s.ApplicationProviderArn != ""},
		{"description", s.Description != ""},
		{"status", s.Status != ""},
		{"portalVisibility", s.PortalVisibility != ""},
		{"signInOrigin", s.SignInOrigin != ""},
		{"applicationUrl", s.ApplicationURL != ""},
		{"tags", len(s.Tags) > 0},
	} {
		if f.set {
			set = append(set, f.name)
		}
	}
	if len(set) > 0 {
		errs.addSubject(field, "", "sets %s on an existing application; the component never modifies an "+
			"application it references: keep only name, applicationArn, assignmentRequired, principals and "+
			"accessScopes, or drop existing to create the application here", strings.Join(set, ", "))
	}
}

// checkCreatedApplication checks an application to create.
func checkCreatedApplication(field string, s ApplicationSpec, errs *InputErrors) {
	if s.ApplicationArn != "" {
		errs.addSubject(field+".applicationArn", s.ApplicationArn, "is set on an application to create; set "+
			"existing: true to reference that application, or remove applicationArn")
	}
	switch provider := s.ApplicationProviderArn; {
	case provider == "" || provider == customApplicationProvider:
	case !icApplicationProviderPattern.MatchString(provider):
		errs.addSubject(field+".applicationProviderArn", provider, "%q is not an application provider ARN; it looks "+
			"like %s", provider, customApplicationProvider)
	case !strings.HasSuffix(provider, ":applicationProvider/custom"):
		errs.addSubject(field+".applicationProviderArn", provider, "%q cannot create an application: IAM Identity "+
			"Center's CreateApplication creates only customer managed OAuth 2.0 applications (%s). Create a SAML "+
			"2.0 or catalog application in the IAM Identity Center console and reference it with existing: true "+
			"and its applicationArn, or leave applicationProviderArn empty", provider, customApplicationProvider)
	}
	if n := utf8.RuneCountInString(s.Description); n > 128 {
		errs.addSubject(field+".description", "", "is %d characters; IAM Identity Center accepts at most 128", n)
	}
	enabledDisabled(errs, field+".status", s.Status)
	enabledDisabled(errs, field+".portalVisibility", s.PortalVisibility)
	switch s.SignInOrigin {
	case "", "APPLICATION", "IDENTITY_CENTER":
	default:
		errs.addSubject(field+".signInOrigin", s.SignInOrigin, "%q is not a sign-in origin; use APPLICATION (redirect "+
			"to applicationUrl) or IDENTITY_CENTER (SAML identity-provider initiated)", s.SignInOrigin)
	}
	if u := s.ApplicationURL; u != "" && (len(u) > 512 || !icApplicationURLPattern.MatchString(u)) {
		errs.addSubject(field+".applicationUrl", u, "%q is not an application URL: give an http:// or https:// "+
			"URL of at most 512 characters, such as https://app.example.com/login", u)
	}
	if s.SignInOrigin == "APPLICATION" && s.ApplicationURL == "" {
		errs.addSubject(field+".applicationUrl", "", "is empty, but signInOrigin is APPLICATION; give the URL that "+
			"accepts the application's authentication requests")
	}
	for k := range s.Tags {
		if k == "" {
			errs.addSubject(field+".tags", "", "has an empty key; tag keys must be 1 to 128 characters")
		}
	}
}

// planApplicationPrincipals resolves an application's principals to the
// component's groups and users.
func (p *icPlan) planApplicationPrincipals(field, resName string, refs []PrincipalRef,
	groupIndex, userIndex map[string]int, errs *InputErrors, claims icNameClaims,
) ([]int, []string) {
	seen := map[int]bool{}
	var out []int
	for j, pr := range refs {
		f := fmt.Sprintf("%s.principals[%d]", field, j)
		var (
			idx   int
			found bool
		)
		switch PrincipalType(strings.ToUpper(string(pr.Type))) {
		case PrincipalGroup:
			if idx, found = groupIndex[pr.Name]; !found {
				errs.addSubject(f+".name", pr.Name, "%q is not a group declared in groups%s", pr.Name,
					icDidYouMean(pr.Name, groupIndex))
			}
		case PrincipalUser:
			if idx, found = userIndex[pr.Name]; !found {
				errs.addSubject(f+".name", pr.Name, "%q is not a user declared in users%s", pr.Name,
					icDidYouMean(pr.Name, userIndex))
			}
		default:
			errs.addSubject(f+".type", string(pr.Type), "%q is not a principal type; use GROUP or USER", pr.Type)
		}
		if found && !seen[idx] {
			seen[idx] = true
			out = append(out, idx)
		}
	}
	slices.Sort(out)
	names := make([]string, len(out))
	for k, idx := range out {
		pr := &p.principals[idx]
		names[k] = resName + "-" + strings.ToLower(string(pr.typ)) + "-" + pr.key
		claims.claim(errs, names[k], field+".principals", pr.name)
	}
	return out, names
}

// planAccessScopes checks an application's access scopes, sorted by scope.
func planAccessScopes(field, resName string, specs []AccessScopeSpec, errs *InputErrors, claims icNameClaims) []icScope {
	seen := map[string]bool{}
	var out []icScope
	for j, s := range specs {
		f := fmt.Sprintf("%s.accessScopes[%d]", field, j)
		if !icScopePattern.MatchString(s.Scope) {
			errs.addSubject(f+".scope", s.Scope, "%q is not an access scope: use up to three parts of 1 to 50 "+
				"letters, digits and _, separated by colons, such as sso:account:access", s.Scope)
			continue
		}
		if seen[s.Scope] {
			errs.addSubject(f+".scope", s.Scope, "%q is a duplicate: an application has each scope once; merge the "+
				"authorized targets into one entry", s.Scope)
			continue
		}
		seen[s.Scope] = true
		if len(s.AuthorizedTargets) > 10 {
			errs.addSubject(f+".authorizedTargets", "", "has %d targets; IAM Identity Center accepts at most 10 per "+
				"scope", len(s.AuthorizedTargets))
		}
		dup := map[string]bool{}
		for k, t := range s.AuthorizedTargets {
			tf := fmt.Sprintf("%s.authorizedTargets[%d]", f, k)
			switch {
			case len(t) > 100 || !icAuthorizedTargetPattern.MatchString(t):
				errs.addSubject(tf, t, "%q is not an application or instance ARN; it looks like "+
					"arn:aws:sso::%s:application/ssoins-1234567890abcdef/apl-1234567890abcdef", t, exampleAccountID)
			case dup[t]:
				errs.addSubject(tf, t, "%q is a duplicate; list each target once", t)
			}
			dup[t] = true
		}
		name := resName + "-scope-" + icSanitizeName(s.Scope)
		claims.claim(errs, name, f+".scope", s.Scope)
		out = append(out, icScope{spec: s, resName: name})
	}
	slices.SortFunc(out, func(a, b icScope) int { return cmp.Compare(a.spec.Scope, b.spec.Scope) })
	return out
}

// lookupExistingApplications checks each existing application with
// aws:ssoadmin/getApplication: it exists and belongs to the instance.
func lookupExistingApplications(ctx *pulumi.Context, plan *icPlan, instanceArn string, lookup []pulumi.InvokeOption,
) error {
	var errs InputErrors
	for i := range plan.applications {
		app := &plan.applications[i]
		if !app.spec.Existing {
			continue
		}
		res, err := ssoadmin.LookupApplication(ctx, &ssoadmin.LookupApplicationArgs{
			ApplicationArn: app.spec.ApplicationArn,
		}, lookup...)
		if err != nil {
			return fmt.Errorf("%s.applicationArn: looking up the existing application %s: %w; check the ARN (aws "+
				"sso-admin list-applications --instance-arn %s lists them) and that the aws provider's credentials "+
				"may call sso:DescribeApplication", app.field, app.spec.ApplicationArn, err, instanceArn)
		}
		if res.InstanceArn != instanceArn {
			errs.addSubject(app.field+".applicationArn", app.spec.ApplicationArn, "%q is an application of instance "+
				"%s, not of the component's instance %s; reference an application of %s", app.spec.ApplicationArn,
				res.InstanceArn, instanceArn, instanceArn)
		}
	}
	return errs.err()
}

// applications registers the applications and their children.
func (b *icBuilder) applications() error {
	b.appArns = pulumi.StringMap{}
	for i := range b.plan.applications {
		app := &b.plan.applications[i]
		s := app.spec
		// Children of an existing application take a plain ARN: only an
		// explicit edge orders them after trusted access.
		childOpts := []pulumi.ResourceOption{b.parent}
		if s.Existing {
			app.arn = pulumi.String(s.ApplicationArn).ToStringOutput()
			childOpts = append(childOpts, b.afterIntegration)
		} else {
			res, err := ssoadmin.NewApplication(b.ctx, app.resName, createApplicationArgs(b.instanceArn, s),
				b.parent, b.afterIntegration)
			if err != nil {
				return fmt.Errorf("registering application %q: %w", s.Name, err)
			}
			app.arn = res.ApplicationArn
			b.add(res)
		}
		b.appArns[s.Name] = app.arn
		if s.AssignmentRequired != nil {
			res, err := ssoadmin.NewApplicationAssignmentConfiguration(b.ctx, app.resName+"-assignment-required",
				&ssoadmin.ApplicationAssignmentConfigurationArgs{
					ApplicationArn: app.arn, AssignmentRequired: pulumi.Bool(*s.AssignmentRequired),
				}, childOpts...)
			if err != nil {
				return fmt.Errorf("registering the assignment configuration of application %q: %w", s.Name, err)
			}
			b.add(res)
		}
		for k, idx := range app.principals {
			pr := &b.plan.principals[idx]
			res, err := ssoadmin.NewApplicationAssignment(b.ctx, app.assignNames[k], &ssoadmin.ApplicationAssignmentArgs{
				ApplicationArn: app.arn, PrincipalId: pr.idInput, PrincipalType: pulumi.String(string(pr.typ)),
			}, childOpts...)
			if err != nil {
				return fmt.Errorf("registering the assignment of %s %q to application %q: %w",
					strings.ToLower(string(pr.typ)), pr.name, s.Name, err)
			}
			b.add(res)
		}
		for _, sc := range app.scopes {
			args := &ssoadmin.ApplicationAccessScopeArgs{ApplicationArn: app.arn, Scope: pulumi.String(sc.spec.Scope)}
			if len(sc.spec.AuthorizedTargets) > 0 {
				targets := slices.Sorted(slices.Values(sc.spec.AuthorizedTargets))
				args.AuthorizedTargets = pulumi.ToStringArray(targets)
			}
			res, err := ssoadmin.NewApplicationAccessScope(b.ctx, sc.resName, args, childOpts...)
			if err != nil {
				return fmt.Errorf("registering access scope %s of application %q: %w", sc.spec.Scope, s.Name, err)
			}
			b.add(res)
		}
	}
	return nil
}

// createApplicationArgs are the inputs of an application created here.
func createApplicationArgs(instanceArn pulumi.String, s ApplicationSpec) *ssoadmin.ApplicationArgs {
	provider := s.ApplicationProviderArn
	if provider == "" {
		provider = customApplicationProvider
	}
	args := &ssoadmin.ApplicationArgs{
		InstanceArn: instanceArn, Name: pulumi.String(s.Name), ApplicationProviderArn: pulumi.String(provider),
	}
	if s.Description != "" {
		args.Description = pulumi.String(s.Description)
	}
	if s.Status != "" {
		args.Status = pulumi.String(s.Status)
	}
	if len(s.Tags) > 0 {
		args.Tags = pulumi.ToStringMap(s.Tags)
	}
	origin := s.SignInOrigin
	if origin == "" && s.ApplicationURL != "" {
		origin = "APPLICATION"
	}
	if s.PortalVisibility != "" || origin != "" {
		portal := &ssoadmin.ApplicationPortalOptionsArgs{}
		if s.PortalVisibility != "" {
			portal.Visibility = pulumi.String(s.PortalVisibility)
		}
		if origin != "" {
			sign := &ssoadmin.ApplicationPortalOptionsSignInOptionsArgs{Origin: pulumi.String(origin)}
			if s.ApplicationURL != "" {
				sign.ApplicationUrl = pulumi.String(s.ApplicationURL)
			}
			portal.SignInOptions = sign
		}
		args.PortalOptions = portal
	}
	return args
}
