package components

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// This file checks an integration's organization configuration
// (OrgServiceIntegrationArgs.OrganizationConfiguration) from plain values,
// with the rest of the plan, and decides its Regions and role.

// orgConfigField is the input field of the organization configuration.
const orgConfigField = "organizationConfiguration"

// orgConfigPlan is a checked organization configuration.
type orgConfigPlan struct {
	// cfg is the input, with its defaults filled in.
	cfg OrganizationConfiguration
	// regions are the Regions to configure, sorted.
	regions []string
	// roleArn is the role to assume in the administrator's account.
	roleArn string
	// emails are the emails of the existing accounts to enable as members,
	// by account ID, from the organization lookup.
	emails map[string]string
}

// orgConfigServices maps each service that has an organization configuration
// to the block that holds it, with a function that says whether it is set.
var orgConfigServices = []struct {
	key, block string
	set        func(*OrganizationConfiguration) bool
}{
	{"guardduty", "guardDuty", func(c *OrganizationConfiguration) bool { return c.GuardDuty != nil }},
	{"securityhub", "securityHub", func(c *OrganizationConfiguration) bool { return c.SecurityHub != nil }},
	{"macie", "macie", func(c *OrganizationConfiguration) bool { return c.Macie != nil }},
	{"inspector", "inspector", func(c *OrganizationConfiguration) bool { return c.Inspector != nil }},
	{"detective", "detective", func(c *OrganizationConfiguration) bool { return c.Detective != nil }},
	{"access-analyzer", "accessAnalyzer", func(c *OrganizationConfiguration) bool { return c.AccessAnalyzer != nil }},
	{"config", "config", func(c *OrganizationConfiguration) bool { return c.Config != nil }},
}

// orgConfigBlock returns the block of service key, or "".
func orgConfigBlock(key string) string {
	for _, s := range orgConfigServices {
		if s.key == key {
			return s.block
		}
	}
	return ""
}

// roleNamePattern is an IAM role name with an optional path
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html).
var roleNamePattern = regexp.MustCompile(`^(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$`)

// roleArnPattern is an IAM role ARN: partition, account and path/name.
var roleArnPattern = regexp.MustCompile(`^arn:([a-z-]+):iam::([0-9]{12}):role/((?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64})$`)

// checkOrgConfiguration checks the organization configuration against the
// resolved service, administrator and Regions.
func (p *integrationPlan) checkOrgConfiguration(errs *InputErrors) {
	in := p.args.OrganizationConfiguration
	if in == nil {
		return
	}
	var local InputErrors
	block := ""
	if p.known {
		block = orgConfigBlock(p.svc.Key)
	}
	if block == "" {
		local.addSubject("", "", "is set, but %s has no organization configuration in %s: remove "+
			"organizationConfiguration (it serves %s)", p.label(), PackageName, orgConfigKeys())
		errs.addAll(orgConfigField, local)
		return
	}
	if p.admin == "" {
		local.addSubject("", "", "is set, but delegatedAdminAccountId is empty: the organization configuration is "+
			"set by the delegated administrator, in its account; set delegatedAdminAccountId, or remove "+
			"organizationConfiguration")
	}
	blocks := 0
	for _, s := range orgConfigServices {
		if !s.set(in) {
			continue
		}
		blocks++
		if s.key != p.svc.Key {
			local.addSubject(s.block, "", "is set on an integration of %s: set %s instead (the block of the "+
				"integration's service), or move it to the %s integration", p.label(), block, s.key)
		}
	}
	if blocks == 0 {
		local.addSubject("", "", "sets nothing for %s: set organizationConfiguration.%s", p.label(), block)
	}
	c := &orgConfigPlan{cfg: *in}
	regionsOK := c.checkRegions(p, &local)
	c.checkRole(p, &local)
	// The services' own settings are checked whatever the Regions; only
	// the checks against the Regions wait for them to be valid.
	{
		switch {
		case in.GuardDuty != nil && p.svc.Key == "guardduty":
			c.checkGuardDuty(&local)
		case in.SecurityHub != nil && p.svc.Key == "securityhub":
			c.checkSecurityHub(regionsOK, &local)
		case in.Inspector != nil && p.svc.Key == "inspector":
			c.checkInspector(p, &local)
		case in.Macie != nil && p.svc.Key == "macie":
			c.checkMembers(p, "macie", in.Macie.MemberAccountIDs, 0, &local)
		case in.Detective != nil && p.svc.Key == "detective":
			c.checkMembers(p, "detective", in.Detective.MemberAccountIDs, detectiveMaxMembers, &local)
		case in.AccessAnalyzer != nil && p.svc.Key == "access-analyzer":
			c.checkAccessAnalyzer(&local)
		case in.Config != nil && p.svc.Key == "config":
			c.checkConfig(p, &local)
		}
	}
	errs.addAll(orgConfigField, local)
	if len(local) == 0 {
		p.orgConfig = c
	}
}

// orgConfigKeys lists the services that have an organization configuration.
func orgConfigKeys() string {
	keys := make([]string, len(orgConfigServices))
	for i, s := range orgConfigServices {
		keys[i] = s.key
	}
	return strings.Join(keys, ", ")
}

// checkRegions decides the Regions: the configuration's, within the
// integration's for a service designated per Region, else the integration's.
func (c *orgConfigPlan) checkRegions(p *integrationPlan, errs *InputErrors) bool {
	in := c.cfg.Regions
	perRegion := p.svc.DelegatedAdminPerRegion && p.adminMechanism == DelegatedAdminService
	if len(in) == 0 {
		if len(p.regions) == 0 {
			what := "the integration's regions are empty"
			if !perRegion {
				what = fmt.Sprintf("%s registers its administrator once, with Organizations", p.label())
			}
			errs.addSubject("regions", "", "are empty, and %s: list the Regions to configure the service in, "+
				"such as [%q]", what, "us-east-1")
			return false
		}
		c.regions = slices.Clone(p.regions)
		return true
	}
	ok := true
	seen := map[string]bool{}
	var first string
	for i, r := range in {
		field := fmt.Sprintf("regions[%d]", i)
		switch {
		case seen[r]:
			errs.addSubject(field, r, "%q is listed twice: list each Region once", r)
			ok = false
		case catalog.CheckRegion(r) != nil:
			errs.add(field, r, "%s", catalog.CheckRegion(r))
			ok = false
		case perRegion && !slices.Contains(p.regions, r):
			errs.addSubject(field, r, "%q is not one of the integration's regions %v: the administrator of %s is "+
				"designated per Region, and configures only where it is designated; add %q to regions, or remove "+
				"it here", r, p.regions, p.label(), r)
			ok = false
		case first == "":
			first = r
		default:
			if e := samePartition(field, r, first); e != nil {
				*errs = append(*errs, e)
				ok = false
			}
		}
		seen[r] = true
	}
	c.regions = slices.Sorted(slices.Values(in))
	return ok
}

// partition is the partition of the configuration's Regions.
func (c *orgConfigPlan) partition() string {
	if len(c.regions) == 0 {
		return "aws"
	}
	_, part, _ := catalog.LookupRegion(c.regions[0])
	return part.ID
}

// checkRole checks administratorRole and makes the role ARN.
func (c *orgConfigPlan) checkRole(p *integrationPlan, errs *InputErrors) {
	role := c.cfg.AdministratorRole
	if role == "" {
		role = DefaultAdministratorRole
	}
	if strings.HasPrefix(role, "arn:") {
		m := roleArnPattern.FindStringSubmatch(role)
		switch {
		case m == nil:
			errs.addSubject("administratorRole", role, "%q is not an IAM role ARN: give a role name, such as %q, or "+
				"an ARN such as %q", role, DefaultAdministratorRole,
				fmt.Sprintf("arn:aws:iam::%s:role/%s", exampleAccountID, DefaultAdministratorRole))
		case p.admin != "" && m[2] != p.admin:
			errs.addSubject("administratorRole", role, "%q is a role in account %s, not in the delegated "+
				"administrator %s: the configuration is set from the administrator's account; give a role there, "+
				"or its name", role, m[2], p.admin)
		case len(c.regions) > 0 && m[1] != c.partition():
			errs.addSubject("administratorRole", role, "%q is in the %s partition, but the Regions are in %s: "+
				"give a role ARN of %s, or its name", role, m[1], c.partition(), c.partition())
		default:
			c.roleArn = role
		}
		return
	}
	if !roleNamePattern.MatchString(role) {
		errs.addSubject("administratorRole", role, "%q is not an IAM role name: use letters, digits and "+
			"+=,.@_- (at most 64), with an optional path, such as %q, or give the role's ARN", role,
			DefaultAdministratorRole)
		return
	}
	if p.admin != "" {
		c.roleArn = fmt.Sprintf("arn:%s:iam::%s:role/%s", c.partition(), p.admin, role)
	}
}

// checkAutoEnable checks an ALL/NEW/NONE value.
func checkAutoEnable(errs *InputErrors, field, v string) bool {
	switch v {
	case "", autoEnableAll, autoEnableNew, autoEnableNone:
		return true
	}
	hint := ""
	if up := strings.ToUpper(v); up == autoEnableAll || up == autoEnableNew || up == autoEnableNone {
		hint = fmt.Sprintf(" (GuardDuty spells it %q)", up)
	}
	errs.addSubject(field, v, "%q is not valid: use %q, %q or %q%s", v, autoEnableAll, autoEnableNew,
		autoEnableNone, hint)
	return false
}

// guardDutyPlans are GuardDuty's organization features and the additional
// configurations each takes
// (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_OrganizationFeatureConfiguration.html,
// API_OrganizationAdditionalConfiguration.html).
var guardDutyPlans = map[string][]string{
	"S3_DATA_EVENTS":         nil,
	"EKS_AUDIT_LOGS":         nil,
	"EBS_MALWARE_PROTECTION": nil,
	"RDS_LOGIN_EVENTS":       nil,
	"EKS_RUNTIME_MONITORING": {"EKS_ADDON_MANAGEMENT"},
	"RUNTIME_MONITORING":     {"EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"},
	"LAMBDA_NETWORK_LOGS":    nil,
}

// guardDutyPlanUnavailable are the Regions where GuardDuty does not offer a
// plan, from "Region-specific feature availability" in
// https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_regions.html
// ("RDS Protection is not supported in Asia Pacific (Taipei) (ap-east-2)").
var guardDutyPlanUnavailable = map[string][]string{
	"RDS_LOGIN_EVENTS": {"ap-east-2"},
}

// guardDutyPlanNames are the plans' names, sorted.
func guardDutyPlanNames() []string {
	names := make([]string, 0, len(guardDutyPlans))
	for n := range guardDutyPlans {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// checkGuardDuty checks GuardDuty's settings and fills in the defaults.
func (c *orgConfigPlan) checkGuardDuty(errs *InputErrors) {
	g := *c.cfg.GuardDuty
	g.ProtectionPlans = slices.Clone(g.ProtectionPlans)
	if g.AutoEnable == "" {
		g.AutoEnable = autoEnableAll
	}
	// A bad value is reported once, where it is given, not again in the
	// plans that take it.
	inherit := func(field, v, from string) string {
		if v == "" {
			return from
		}
		checkAutoEnable(errs, field, v)
		return v
	}
	checkAutoEnable(errs, "guardDuty.autoEnable", g.AutoEnable)
	seen := map[string]int{}
	for i, plan := range g.ProtectionPlans {
		field := fmt.Sprintf("guardDuty.protectionPlans[%d]", i)
		additional, known := guardDutyPlans[plan.Name]
		switch {
		case known:
		case strings.Contains(strings.ToUpper(plan.Name), "S3") && strings.Contains(strings.ToUpper(plan.Name), "MALWARE"):
			errs.addSubject(field+".name", plan.Name, "%q: Malware Protection for S3 is enabled per bucket, with "+
				"aws:guardduty/malwareProtectionPlan, not for the organization "+
				"(https://docs.aws.amazon.com/guardduty/latest/ug/gdu-malware-protection-s3.html); remove it here", plan.Name)
			continue
		default:
			if near, ok := suggest.Nearest(strings.ToUpper(plan.Name), guardDutyPlanNames()); ok {
				errs.addSubject(field+".name", plan.Name, "%q is not a GuardDuty protection plan; did you mean %q?",
					plan.Name, near)
			} else {
				errs.addSubject(field+".name", plan.Name, "%q is not a GuardDuty protection plan: use one of %s",
					plan.Name, strings.Join(guardDutyPlanNames(), ", "))
			}
			continue
		}
		if j, dup := seen[plan.Name]; dup {
			errs.addSubject(field+".name", plan.Name, "%q is listed twice, as guardDuty.protectionPlans[%d]: list "+
				"each plan once", plan.Name, j)
			continue
		}
		seen[plan.Name] = i
		for _, r := range c.regions {
			if slices.Contains(guardDutyPlanUnavailable[plan.Name], r) {
				region, _, _ := catalog.LookupRegion(r)
				errs.addSubject(field+".name", plan.Name, "%q is not offered in %s (%s) "+
					"(https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_regions.html): configure GuardDuty "+
					"without %s (organizationConfiguration.regions lists the Regions to configure), or remove the "+
					"plan", plan.Name, r, region.Name, r)
			}
		}
		plan.AutoEnable = inherit(field+".autoEnable", plan.AutoEnable, g.AutoEnable)
		plan.AdditionalConfigurations = slices.Clone(plan.AdditionalConfigurations)
		names := map[string]bool{}
		for k, ac := range plan.AdditionalConfigurations {
			acField := fmt.Sprintf("%s.additionalConfigurations[%d]", field, k)
			switch {
			case !slices.Contains(additional, ac.Name) && len(additional) == 0:
				errs.addSubject(acField+".name", ac.Name, "%q: %s takes no additional configuration; remove it",
					ac.Name, plan.Name)
				continue
			case !slices.Contains(additional, ac.Name):
				hint := ""
				if near, ok := suggest.Nearest(ac.Name, additional); ok {
					hint = fmt.Sprintf("did you mean %q? ", near)
				}
				errs.addSubject(acField+".name", ac.Name, "%q is not an additional configuration of %s: %suse %s",
					ac.Name, plan.Name, hint, strings.Join(additional, ", "))
				continue
			case names[ac.Name]:
				errs.addSubject(acField+".name", ac.Name, "%q is listed twice: list it once", ac.Name)
				continue
			}
			names[ac.Name] = true
			ac.AutoEnable = inherit(acField+".autoEnable", ac.AutoEnable, plan.AutoEnable)
			plan.AdditionalConfigurations[k] = ac
		}
		g.ProtectionPlans[i] = plan
	}
	if i, ok := seen["EKS_RUNTIME_MONITORING"]; ok {
		if _, both := seen["RUNTIME_MONITORING"]; both {
			errs.addSubject(fmt.Sprintf("guardDuty.protectionPlans[%d].name", i), "EKS_RUNTIME_MONITORING",
				"%q and %q are both listed, and GuardDuty rejects both: RUNTIME_MONITORING covers EKS "+
					"(https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html); "+
					"remove EKS_RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING", "RUNTIME_MONITORING")
		}
	}
	c.cfg.GuardDuty = &g
}

// securityHubStandards are the standards a configuration policy can enable,
// by ID, and whether their ARN is a Regional "standards/" ARN (else the
// global "ruleset/" of CIS 1.2.0), from
// https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html.
var securityHubStandards = map[string]bool{
	"aws-foundational-security-best-practices/v/1.0.0": true,
	"aws-resource-tagging-standard/v/1.0.0":            true,
	"cis-aws-foundations-benchmark/v/1.2.0":            false,
	"cis-aws-foundations-benchmark/v/1.4.0":            true,
	"cis-aws-foundations-benchmark/v/3.0.0":            true,
	"cis-aws-foundations-benchmark/v/5.0.0":            true,
	"nist-800-53/v/5.0.0":                              true,
	"nist-800-171/v/2.0.0":                             true,
	"pci-dss/v/3.2.1":                                  true,
	"pci-dss/v/4.0.1":                                  true,
}

// standardArn is the ARN of standard id in region.
func standardArn(partition, region, id string) string {
	if securityHubStandards[id] {
		return fmt.Sprintf("arn:%s:securityhub:%s::standards/%s", partition, region, id)
	}
	return fmt.Sprintf("arn:%s:securityhub:::ruleset/%s", partition, id)
}

// controlIDFormat is a Security Hub security control ID, such as IAM.1.
var controlIDFormat = regexp.MustCompile(`^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*\.[0-9]+$`)

// checkSecurityHub checks Security Hub's settings and fills in the defaults.
func (c *orgConfigPlan) checkSecurityHub(regionsOK bool, errs *InputErrors) {
	s := *c.cfg.SecurityHub
	if s.ConfigurationType == "" {
		s.ConfigurationType = securityHubLocal
	}
	local := func(field string, set bool) {
		if set && s.ConfigurationType == securityHubCentral {
			errs.addSubject("securityHub."+field, "", "is a LOCAL setting, and configurationType is CENTRAL: "+
				"remove it (configuration policies decide what is enabled)")
		}
	}
	central := func(field string, set bool) {
		if set && s.ConfigurationType == securityHubLocal {
			errs.addSubject("securityHub."+field, "", "is a CENTRAL setting, and configurationType is LOCAL: set "+
				"configurationType: CENTRAL, or remove it")
		}
	}
	switch s.ConfigurationType {
	case securityHubLocal, securityHubCentral:
	default:
		errs.addSubject("securityHub.configurationType", s.ConfigurationType, "%q is not valid: use %q (auto-enable "+
			"in each Region) or %q (central configuration with policies)", s.ConfigurationType, securityHubLocal,
			securityHubCentral)
		c.cfg.SecurityHub = &s
		return
	}
	local("autoEnable", s.AutoEnable != nil)
	local("autoEnableStandards", s.AutoEnableStandards != "")
	central("homeRegion", s.HomeRegion != "")
	central("linkedRegions", len(s.LinkedRegions) > 0)
	central("policies", len(s.Policies) > 0)
	if s.ConfigurationType == securityHubLocal {
		if s.AutoEnable == nil {
			s.AutoEnable = ptr(true)
		}
		switch s.AutoEnableStandards {
		case "":
			s.AutoEnableStandards = "DEFAULT"
		case "DEFAULT", "NONE":
		default:
			errs.addSubject("securityHub.autoEnableStandards", s.AutoEnableStandards, "%q is not valid: use %q or %q",
				s.AutoEnableStandards, "DEFAULT", "NONE")
		}
		c.cfg.SecurityHub = &s
		return
	}
	// Central configuration: every Region it touches is one the
	// administrator is designated and configures in.
	switch {
	case s.HomeRegion == "":
		errs.addSubject("securityHub.homeRegion", "", "is required with configurationType CENTRAL: set it to one "+
			"of the Regions %v, where the finding aggregator and the policies live", c.regions)
	case regionsOK && !slices.Contains(c.regions, s.HomeRegion):
		if err := catalog.CheckRegion(s.HomeRegion); err != nil {
			errs.add("securityHub.homeRegion", s.HomeRegion, "%s", err)
		} else {
			errs.addSubject("securityHub.homeRegion", s.HomeRegion, "%q is not one of the Regions %v: central "+
				"configuration needs the delegated administrator designated in its home Region; add it to regions, "+
				"or choose one of them", s.HomeRegion, c.regions)
		}
	}
	if len(s.LinkedRegions) == 0 {
		for _, r := range c.regions {
			if r != s.HomeRegion {
				s.LinkedRegions = append(s.LinkedRegions, r)
			}
		}
	} else {
		seen := map[string]bool{}
		for i, r := range s.LinkedRegions {
			field := fmt.Sprintf("securityHub.linkedRegions[%d]", i)
			switch {
			case seen[r]:
				errs.addSubject(field, r, "%q is listed twice: list each Region once", r)
			case r == s.HomeRegion:
				errs.addSubject(field, r, "%q is the home Region: list only the other Regions", r)
			case regionsOK && !slices.Contains(c.regions, r):
				if err := catalog.CheckRegion(r); err != nil {
					errs.add(field, r, "%s", err)
				} else {
					errs.addSubject(field, r, "%q is not one of the Regions %v: central configuration needs the "+
						"delegated administrator designated in every linked Region; add it to regions, or remove it "+
						"here", r, c.regions)
				}
			}
			seen[r] = true
		}
		s.LinkedRegions = slices.Sorted(slices.Values(s.LinkedRegions))
	}
	s.Policies = slices.Clone(s.Policies)
	names := map[string]int{}
	targets := map[string]string{}
	for i, pol := range s.Policies {
		field := fmt.Sprintf("securityHub.policies[%d]", i)
		switch j, dup := names[pol.Name]; {
		case pol.Name == "":
			errs.addSubject(field+".name", "", "is required: name the policy, such as %q", "baseline")
		case !isSpecName(pol.Name) || len(pol.Name) > 128:
			errs.addSubject(field+".name", pol.Name, "%q is not valid: use at most 128 letters, digits, '.', '_' "+
				"and '-' (it keys the policy's resources)", pol.Name)
		case dup:
			errs.addSubject(field+".name", pol.Name, "%q is used twice, as securityHub.policies[%d].name: give each "+
				"policy its own name", pol.Name, j)
		default:
			names[pol.Name] = i
		}
		if pol.ServiceEnabled == nil {
			pol.ServiceEnabled = ptr(true)
		}
		c.checkPolicy(field, &pol, errs)
		for k, t := range pol.Targets {
			tField := fmt.Sprintf("%s.targets[%d]", field, k)
			switch other, dup := targets[t]; {
			case !rootIDPattern.MatchString(t) && !ouIDPattern.MatchString(t) && !accountIDPattern.MatchString(t):
				errs.addSubject(tField, t, "%q is not a root, OU or account ID: use the organization's root "+
					"(such as %q), an OU (such as %q) or a 12-digit account ID", t, "r-examplerootid111",
					"ou-examplerootid111-exampleouid111")
			case dup:
				errs.addSubject(tField, t, "%q is a target of %s already: a target takes one configuration policy; "+
					"list it once", t, other)
			default:
				targets[t] = fmt.Sprintf("policy %q", pol.Name)
			}
		}
		s.Policies[i] = pol
	}
	c.cfg.SecurityHub = &s
}

// checkPolicy checks one configuration policy's standards, controls and
// parameters.
func (c *orgConfigPlan) checkPolicy(field string, pol *SecurityHubPolicy, errs *InputErrors) {
	if !*pol.ServiceEnabled {
		if len(pol.Standards) > 0 || len(pol.EnabledControls) > 0 || len(pol.DisabledControls) > 0 ||
			len(pol.ControlParameters) > 0 {
			errs.addSubject(field+".serviceEnabled", "false", "is false, so the policy disables Security Hub: "+
				"remove its standards, controls and parameters, or set serviceEnabled: true")
		}
		return
	}
	if len(pol.Standards) == 0 {
		errs.addSubject(field+".standards", "", "are empty, and the policy enables Security Hub: list the standards "+
			"to enable, such as [%q]", "aws-foundational-security-best-practices/v/1.0.0")
	}
	ids := slices.Sorted(func(yield func(string) bool) {
		for id := range securityHubStandards {
			if !yield(id) {
				return
			}
		}
	})
	seen := map[string]bool{}
	for i, std := range pol.Standards {
		sField := fmt.Sprintf("%s.standards[%d]", field, i)
		if _, ok := securityHubStandards[std]; !ok {
			if near, found := suggest.Nearest(std, ids); found {
				errs.addSubject(sField, std, "%q is not a Security Hub standard ID; did you mean %q?", std, near)
			} else {
				errs.addSubject(sField, std, "%q is not a Security Hub standard ID: use one of %s (the ARN is made "+
					"for the home Region)", std, strings.Join(ids, ", "))
			}
			continue
		}
		if seen[std] {
			errs.addSubject(sField, std, "%q is listed twice: list each standard once", std)
		}
		seen[std] = true
	}
	if len(pol.EnabledControls) > 0 && len(pol.DisabledControls) > 0 {
		errs.addSubject(field+".enabledControls", "", "and disabledControls are both set, and a policy takes one: "+
			"list the controls to enable (every other is disabled) or those to disable (every other is enabled)")
	}
	for _, list := range []struct {
		name string
		ids  []string
	}{{"enabledControls", pol.EnabledControls}, {"disabledControls", pol.DisabledControls}} {
		seen := map[string]bool{}
		for i, id := range list.ids {
			cField := fmt.Sprintf("%s.%s[%d]", field, list.name, i)
			switch {
			case !controlIDFormat.MatchString(id):
				errs.addSubject(cField, id, "%q is not a security control ID: use IDs such as %q "+
					"(https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-controls-reference.html)",
					id, "IAM.1")
			case seen[id]:
				errs.addSubject(cField, id, "%q is listed twice: list each control once", id)
			}
			seen[id] = true
		}
	}
	params := map[string]bool{}
	for i, cp := range pol.ControlParameters {
		pField := fmt.Sprintf("%s.controlParameters[%d]", field, i)
		if !controlIDFormat.MatchString(cp.ControlID) {
			errs.addSubject(pField+".controlId", cp.ControlID, "%q is not a security control ID: use IDs such as %q",
				cp.ControlID, "IAM.7")
		}
		if cp.Name == "" {
			errs.addSubject(pField+".name", "", "is required: the parameter's name, such as %q", "MaxPasswordAge")
		}
		key := cp.ControlID + "/" + cp.Name
		if params[key] {
			errs.addSubject(pField, key, "sets %s of %s a second time: set each parameter once", cp.Name, cp.ControlID)
		}
		params[key] = true
		values := countSet(cp.Bool != nil, cp.Double != nil, cp.Enum != "", len(cp.EnumList) > 0, cp.Int != nil,
			len(cp.IntList) > 0, cp.String != "", len(cp.StringList) > 0)
		switch cp.ValueType {
		case "", "CUSTOM":
			if values != 1 {
				errs.addSubject(pField, key, "sets %d values: with valueType CUSTOM set exactly one of bool, double, "+
					"enum, enumList, int, intList, string and stringList, the one of the parameter's type", values)
			}
		case "DEFAULT":
			if values != 0 {
				errs.addSubject(pField, key, "sets a value with valueType DEFAULT, which takes Security Hub's default: "+
					"remove the value, or set valueType: CUSTOM")
			}
		default:
			errs.addSubject(pField+".valueType", cp.ValueType, "%q is not valid: use %q or %q", cp.ValueType, "CUSTOM",
				"DEFAULT")
		}
	}
}

// countSet counts the true values.
func countSet(set ...bool) int {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	return n
}

// checkInspector checks Inspector's settings.
func (c *orgConfigPlan) checkInspector(p *integrationPlan, errs *InputErrors) {
	in := c.cfg.Inspector
	if !in.Ec2 && !in.Ecr && !in.Lambda && !in.LambdaCode && len(in.MemberAccountIDs) == 0 {
		errs.addSubject("inspector", "", "activates no scan type: set ec2, ecr, lambda or lambdaCode to true")
	}
	if in.LambdaCode && !in.Lambda {
		errs.addSubject("inspector.lambdaCode", "true", "needs Lambda standard scanning: set lambda: true "+
			"(https://docs.aws.amazon.com/inspector/latest/user/scanning-lambda.html)")
	}
	// The management account can be a member of Inspector's administrator.
	c.checkMembers(p, "inspector", in.MemberAccountIDs, 0, errs)
}

// detectiveMaxMembers is a behavior graph's limit of enabled member accounts
// (https://docs.aws.amazon.com/detective/latest/userguide/accounts-orgs-members.html).
const detectiveMaxMembers = 1200

// checkMembers checks the existing accounts to enable as members of
// Inspector, Macie or Detective (block): 12 digits, each once, not the
// administrator, at most limit (0: none).
func (c *orgConfigPlan) checkMembers(p *integrationPlan, block string, ids []string, limit int, errs *InputErrors) {
	if limit > 0 && len(ids) > limit {
		errs.addSubject(block+".memberAccountIds", fmt.Sprint(len(ids)), "lists %d accounts, and a behavior graph "+
			"enables at most %d members: list at most %d", len(ids), limit, limit)
	}
	seen := map[string]bool{}
	for i, id := range ids {
		field := fmt.Sprintf("%s.memberAccountIds[%d]", block, i)
		switch {
		case !accountIDPattern.MatchString(id):
			errs.notAccountID(field, id, "a member account of the organization", "")
		case id == p.admin:
			errs.addSubject(field, id, "%q is the delegated administrator, which is not its own member: remove it", id)
		case seen[id]:
			errs.addSubject(field, id, "%q is listed twice: list each account once", id)
		}
		seen[id] = true
	}
}

// memberAccountIDs are the existing accounts to enable as Macie or
// Detective members, whose emails the organization lookup gives.
func (c *orgConfigPlan) memberAccountIDs() (string, []string) {
	switch {
	case c.cfg.Macie != nil:
		return "macie", c.cfg.Macie.MemberAccountIDs
	case c.cfg.Detective != nil:
		return "detective", c.cfg.Detective.MemberAccountIDs
	}
	return "", nil
}

// needsMemberEmails says whether the configuration enables existing members
// whose emails only the organization lookup gives.
func (p *integrationPlan) needsMemberEmails() bool {
	if p.orgConfig == nil {
		return false
	}
	_, ids := p.orgConfig.memberAccountIDs()
	return len(ids) > 0
}

// checkOrgConfigMembers takes each member's email from the organization, and
// checks that each is an active account of it.
func (p *integrationPlan) checkOrgConfigMembers(org organization) InputErrors {
	if !p.needsMemberEmails() {
		return nil
	}
	block, ids := p.orgConfig.memberAccountIDs()
	field := orgConfigField + "." + block + ".memberAccountIds"
	var errs InputErrors
	if org.accounts == nil {
		errs.addSubject(field, "", "needs each account's email, and the organization's accounts could not be "+
			"listed (aws:organizations/getOrganization lists them only for the management account or a delegated "+
			"administrator of Organizations): deploy with the management account's credentials")
		return errs
	}
	p.orgConfig.emails = map[string]string{}
	for i, id := range ids {
		f := fmt.Sprintf("%s[%d]", field, i)
		switch {
		case !org.accounts[id]:
			errs.addSubject(f, id, "%q is not an account of the organization %s: list its accounts only", id, org.id)
		case org.statuses[id] != "" && org.statuses[id] != "ACTIVE":
			errs.addSubject(f, id, "%q is %s: only an active account can be enabled as a member; remove it", id,
				org.statuses[id])
		case org.emails[id] == "":
			errs.addSubject(f, id, "%q has no email in the organization's answer, which %s needs: check that the "+
				"deploying identity may read the organization's accounts", id, block)
		default:
			p.orgConfig.emails[id] = org.emails[id]
		}
	}
	return errs
}

// analyzerNamePattern is an Access Analyzer name
// (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CreateAnalyzer.html).
var analyzerNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,254}$`)

// checkAccessAnalyzer checks Access Analyzer's settings and fills in the
// defaults.
func (c *orgConfigPlan) checkAccessAnalyzer(errs *InputErrors) {
	a := *c.cfg.AccessAnalyzer
	if a.ExternalAccess == nil {
		a.ExternalAccess = ptr(true)
	}
	if a.AnalyzerName == "" {
		a.AnalyzerName = "organization"
	}
	if !analyzerNamePattern.MatchString(a.AnalyzerName) || len(a.AnalyzerName) > 255-len("-unused-access") {
		errs.addSubject("accessAnalyzer.analyzerName", a.AnalyzerName, "%q is not a valid analyzer name: start with "+
			"a letter, then letters, digits, '.', '_' and '-', at most %d", a.AnalyzerName, 255-len("-unused-access"))
	}
	switch {
	case a.UnusedAccessAge < 0 || a.UnusedAccessAge > 365:
		errs.addSubject("accessAnalyzer.unusedAccessAge", fmt.Sprint(a.UnusedAccessAge), "%d is not valid: Access "+
			"Analyzer takes 1 to 365 days (https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_UnusedAccessConfiguration.html), "+
			"or 0 for no unused access analyzer", a.UnusedAccessAge)
	case !*a.ExternalAccess && a.UnusedAccessAge == 0:
		errs.addSubject("accessAnalyzer", "", "creates no analyzer: leave externalAccess unset or true, or set "+
			"unusedAccessAge")
	}
	c.cfg.AccessAnalyzer = &a
}

// checkConfig checks Config's settings and fills in the defaults.
func (c *orgConfigPlan) checkConfig(p *integrationPlan, errs *InputErrors) {
	a := *c.cfg.Config
	if a.AggregatorName == "" {
		a.AggregatorName = "organization"
	}
	if !regexp.MustCompile(`^[\w-]{1,256}$`).MatchString(a.AggregatorName) {
		errs.addSubject("config.aggregatorName", a.AggregatorName, "%q is not a valid aggregator name: use letters, "+
			"digits, '_' and '-', at most 256", a.AggregatorName)
	}
	if a.RoleArn != "" {
		m := roleArnPattern.FindStringSubmatch(a.RoleArn)
		switch {
		case m == nil:
			errs.addSubject("config.roleArn", a.RoleArn, "%q is not an IAM role ARN, such as %q; leave it empty to "+
				"create the role", a.RoleArn, fmt.Sprintf("arn:aws:iam::%s:role/ConfigAggregator", exampleAccountID))
		case p.admin != "" && m[2] != p.admin:
			errs.addSubject("config.roleArn", a.RoleArn, "%q is in account %s, but the aggregator is in the "+
				"delegated administrator %s, whose roles it assumes: give a role of %s, or leave it empty to create "+
				"one", a.RoleArn, m[2], p.admin, p.admin)
		}
	}
	c.cfg.Config = &a
}

// checkOrgConfigTargets checks the Security Hub policies' targets against the
// organization looked up: its root, and its accounts when it lists them.
func (p *integrationPlan) checkOrgConfigTargets(org organization) InputErrors {
	if p.orgConfig == nil {
		return nil
	}
	errs := p.checkOrgConfigMembers(org)
	if p.orgConfig.cfg.SecurityHub == nil {
		return errs
	}
	for i, pol := range p.orgConfig.cfg.SecurityHub.Policies {
		for k, t := range pol.Targets {
			field := fmt.Sprintf("%s.securityHub.policies[%d].targets[%d]", orgConfigField, i, k)
			switch {
			case rootIDPattern.MatchString(t) && len(org.roots) > 0 && !slices.Contains(org.roots, t):
				errs.addSubject(field, t, "%q is not the root of the organization %s, %s: use %q", t, org.id,
					strings.Join(org.roots, ", "), org.roots[0])
			case accountIDPattern.MatchString(t) && org.accounts != nil && !org.accounts[t]:
				errs.addSubject(field, t, "%q is not an account of the organization %s: list its accounts only", t,
					org.id)
			}
		}
	}
	return errs
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }
