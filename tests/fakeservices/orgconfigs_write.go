package fakeservices

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
)

// The write side of OrgConfigs, which the stand-in aws plugin's resources
// call as pulumi-aws's do, in the administrator's account: GuardDuty's
// detector and UpdateOrganizationConfiguration, and Security Hub's
// organization configuration, finding aggregator, configuration policies and
// their associations. Once UseAdmins links the fake to the administrators
// that Admins designates, an administrator's organization configuration
// exists as AWS makes it on delegation: GuardDuty's detector in the
// administrator's account in each Region where it is designated (it stays
// after the designation ends, as AWS keeps it), the configuration at its
// defaults (auto-enable off, Security Hub LOCAL). What a test seeds with Set
// goes into the same store (hubState.seed), so that the reads discover makes
// and the writes the stand-in makes see one organization configuration.

// UseAdmins makes the administrators that a designates the ones the
// organization configuration answers, for the Regions and services that Set
// gave no configuration.
func (o *OrgConfigs) UseAdmins(a *Admins) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.admins = a
}

// IsAdmin says whether account is service's administrator in region.
func (a *Admins) IsAdmin(service, region, account string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return slices.Contains(a.admins[service][region], account)
}

// current returns service's configuration in region for caller, with o.mu
// held: the one Set gave, else, with UseAdmins, the administrator's (made on
// first use), or nil when caller is not the administrator.
func (o *OrgConfigs) current(service, region, caller string) *OrgConfig {
	c := o.configs[service][region]
	if o.admins == nil || (c != nil && !c.auto) {
		return c
	}
	if caller == "" || !o.admins.IsAdmin(service, region, caller) {
		return nil
	}
	if c != nil && c.Admin == caller {
		return c
	}
	switch service {
	case GuardDuty:
		c = &OrgConfig{Admin: caller, DetectorID: DetectorID(caller, region), auto: true, Answer: map[string]any{
			"autoEnable": false, "autoEnableOrganizationMembers": "NONE", "memberAccountLimitReached": false,
			"features": []any{},
		}}
		o.hub.detectors[caller+"/"+region] = c.DetectorID
	case SecurityHub:
		c = &OrgConfig{Admin: caller, auto: true, Answer: map[string]any{
			"AutoEnable": false, "AutoEnableStandards": "DEFAULT", "MemberAccountLimitReached": false,
			"OrganizationConfiguration": map[string]any{"ConfigurationType": "LOCAL", "Status": "ENABLED"},
		}}
	case Macie:
		c = &OrgConfig{Admin: caller, auto: true, Answer: map[string]any{"autoEnable": false,
			"maxAccountLimitReached": false}}
	case Inspector:
		c = &OrgConfig{Admin: caller, auto: true, Answer: map[string]any{"autoEnable": map[string]any{"ec2": false,
			"ecr": false, "lambda": false, "lambdaCode": false, "codeRepository": false}, "maxAccountLimitReached": false}}
	case Detective:
		// Designating the administrator enables Detective in its account,
		// with a behavior graph.
		c = &OrgConfig{Admin: caller, auto: true, GraphArn: GraphArn(caller, region),
			Answer: map[string]any{"AutoEnable": false}}
	default:
		return nil
	}
	if o.configs[service] == nil {
		o.configs[service] = map[string]*OrgConfig{}
	}
	o.configs[service][region] = c
	return c
}

// DetectorID is the ID of GuardDuty's detector in account and region: 32
// hexadecimal characters, as GuardDuty's are.
func DetectorID(account, region string) string {
	sum := md5.Sum([]byte(account + "/" + region))
	return hex.EncodeToString(sum[:])
}

// hubState is Security Hub's central configuration, by Region.
type hubState struct {
	detectors   map[string]string                    // account/region -> GuardDuty's detector ID
	aggregators map[string]map[string]any            // region -> the aggregator's JSON
	policies    map[string]map[string]map[string]any // region -> policy ID -> the policy's JSON
	// region -> target -> the association's summary (TargetId, TargetType,
	// ConfigurationPolicyId, AssociationType, AssociationStatus).
	assoc map[string]map[string]map[string]any
	seq   atomic.Int64
}

func newHubState() *hubState {
	return &hubState{detectors: map[string]string{}, aggregators: map[string]map[string]any{},
		policies: map[string]map[string]map[string]any{}, assoc: map[string]map[string]map[string]any{}}
}

// seed puts what Set gave for service in region into the store, with the
// OrgConfigs' lock held: GuardDuty's detector, Security Hub's finding
// aggregator, policies and associations.
func (h *hubState) seed(service, region string, c *OrgConfig) {
	switch service {
	case GuardDuty:
		if c.DetectorID != "" {
			h.detectors[c.Admin+"/"+region] = c.DetectorID
		}
	case SecurityHub:
		delete(h.aggregators, region)
		if c.FindingAggregator != nil {
			h.aggregators[region] = maps.Clone(c.FindingAggregator)
		}
		h.policies[region], h.assoc[region] = map[string]map[string]any{}, map[string]map[string]any{}
		for _, p := range c.Policies {
			h.policies[region][p["Id"].(string)] = maps.Clone(p)
		}
		for _, a := range c.Associations {
			h.assoc[region][a["TargetId"].(string)] = maps.Clone(a)
		}
	}
}

// hubLists are Security Hub's lists in region from the store, in a stable
// order (policies by ID, associations by target) so that pages follow on.
func (o *OrgConfigs) hubLists(region string) (aggs, policies, assocs []map[string]any) {
	o.mu.Lock()
	defer o.mu.Unlock()
	h := o.hub
	if a := h.aggregators[region]; a != nil {
		aggs = append(aggs, a)
	}
	for _, id := range slices.Sorted(maps.Keys(h.policies[region])) {
		policies = append(policies, h.policies[region][id])
	}
	for _, t := range slices.Sorted(maps.Keys(h.assoc[region])) {
		assocs = append(assocs, h.assoc[region][t])
	}
	return aggs, policies, assocs
}

// hubOperation names Security Hub's write and read calls of its central
// configuration (the paths of the Security Hub API reference).
func hubOperation(r *http.Request) string {
	p := r.URL.Path
	switch {
	case r.Method == http.MethodPost && p == "/organization/configuration":
		return "UpdateOrganizationConfiguration"
	case r.Method == http.MethodPost && p == "/findingAggregator/create":
		return "CreateFindingAggregator"
	case r.Method == http.MethodGet && strings.HasPrefix(p, "/findingAggregator/get/"):
		return "GetFindingAggregator"
	case r.Method == http.MethodPatch && p == "/findingAggregator/update":
		return "UpdateFindingAggregator"
	case r.Method == http.MethodDelete && strings.HasPrefix(p, "/findingAggregator/delete/"):
		return "DeleteFindingAggregator"
	case r.Method == http.MethodPost && p == "/configurationPolicy/create":
		return "CreateConfigurationPolicy"
	case r.Method == http.MethodGet && strings.HasPrefix(p, "/configurationPolicy/get/"):
		return "GetConfigurationPolicy"
	case r.Method == http.MethodPatch && strings.HasPrefix(p, "/configurationPolicy/"):
		return "UpdateConfigurationPolicy"
	case r.Method == http.MethodDelete && strings.HasPrefix(p, "/configurationPolicy/"):
		return "DeleteConfigurationPolicy"
	case r.Method == http.MethodPost && p == "/configurationPolicyAssociation/associate":
		return "StartConfigurationPolicyAssociation"
	case r.Method == http.MethodPost && p == "/configurationPolicyAssociation/disassociate":
		return "StartConfigurationPolicyDisassociation"
	case r.Method == http.MethodPost && p == "/configurationPolicyAssociation/get":
		return "GetConfigurationPolicyAssociation"
	}
	return ""
}

// guardDutyFeatures and guardDutyAdditional are the names
// UpdateOrganizationConfiguration accepts (GuardDuty API reference,
// OrganizationFeatureConfiguration and OrganizationAdditionalConfiguration).
var (
	guardDutyFeatures = []string{"S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS",
		"EKS_RUNTIME_MONITORING", "LAMBDA_NETWORK_LOGS", "RUNTIME_MONITORING"}
	guardDutyAdditional = []string{"EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"}
	autoEnableValues    = []string{"NEW", "ALL", "NONE"}
)

// serveWrite answers GetDetector and the writes, and reports whether r was
// one of them.
func (o *OrgConfigs) serveWrite(w http.ResponseWriter, r *http.Request, region, service, op, caller string) bool {
	if op == "ListDetectors" && caller != "" {
		o.mu.Lock()
		o.current(service, region, caller)
		id := o.hub.detectors[caller+"/"+region]
		if id != "" {
			o.calls[service+":"+op]++
		}
		o.mu.Unlock()
		if id != "" {
			writeJSON(w, map[string]any{"detectorIds": []string{id}})
			return true
		}
	}
	if op != "GetDetector" && op != "UpdateOrganizationConfiguration" && (service != SecurityHub || hubOperation(r) == "") {
		return false // a read of orgconfigs.go's
	}
	var body map[string]any
	if data, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20)); len(data) > 0 {
		if err := json.Unmarshal(data, &body); err != nil {
			restError(w, http.StatusBadRequest, "BadRequestException", "the body is not JSON: "+err.Error())
			return true
		}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.calls[service+":"+op]++
	if service == GuardDuty && op == "GetDetector" {
		id := strings.TrimPrefix(r.URL.Path, "/detector/")
		if caller == "" || o.hub.detectors[caller+"/"+region] == "" || id != o.hub.detectors[caller+"/"+region] {
			restError(w, http.StatusBadRequest, "BadRequestException", "The request is rejected because the input "+
				"detectorId is not owned by the current account.")
			return true
		}
		writeJSON(w, map[string]any{"createdAt": "2026-01-01T00:00:00.000Z", "findingPublishingFrequency": "SIX_HOURS",
			"serviceRole": "arn:aws:iam::" + caller + ":role/aws-service-role/guardduty.amazonaws.com/" +
				"AWSServiceRoleForAmazonGuardDuty", "status": "ENABLED", "updatedAt": "2026-01-01T00:00:00.000Z",
			"tags": map[string]string{}})
		return true
	}
	c := o.current(service, region, caller)
	if c == nil || caller == "" || c.Admin != caller {
		status, code := http.StatusForbidden, "AccessDeniedException"
		if service == GuardDuty {
			status, code = http.StatusBadRequest, "BadRequestException"
		}
		restError(w, status, code, "The request is rejected because the current account is not the delegated "+
			"administrator of the organization in "+region)
		return true
	}
	if service == GuardDuty {
		o.guardDutyUpdate(w, r, c, body)
		return true
	}
	o.hubWrite(w, r, region, op, c, body)
	return true
}

// guardDutyUpdate is GuardDuty's UpdateOrganizationConfiguration: the
// features it names replace those of the same name, the others stay.
func (o *OrgConfigs) guardDutyUpdate(w http.ResponseWriter, r *http.Request, c *OrgConfig, body map[string]any) {
	if r.URL.Path != "/detector/"+c.DetectorID+"/admin" {
		restError(w, http.StatusBadRequest, "BadRequestException", "The request is rejected because the input "+
			"detectorId is not owned by the current account.")
		return
	}
	var problems []string
	if v, ok := body["autoEnableOrganizationMembers"].(string); ok && !slices.Contains(autoEnableValues, v) {
		problems = append(problems, fmt.Sprintf("autoEnableOrganizationMembers %q is not one of %v", v, autoEnableValues))
	}
	features, _ := body["features"].([]any)
	for _, f := range features {
		fm, _ := f.(map[string]any)
		name, _ := fm["name"].(string)
		if !slices.Contains(guardDutyFeatures, name) {
			problems = append(problems, fmt.Sprintf("feature %q is not one of %v", name, guardDutyFeatures))
		}
		if v, _ := fm["autoEnable"].(string); !slices.Contains(autoEnableValues, v) {
			problems = append(problems, fmt.Sprintf("feature %s's autoEnable %q is not one of %v", name, v,
				autoEnableValues))
		}
		add, _ := fm["additionalConfiguration"].([]any)
		for _, a := range add {
			am, _ := a.(map[string]any)
			if n, _ := am["name"].(string); !slices.Contains(guardDutyAdditional, n) {
				problems = append(problems, fmt.Sprintf("additional configuration %q is not one of %v", n,
					guardDutyAdditional))
			}
		}
	}
	if len(problems) > 0 {
		restError(w, http.StatusBadRequest, "BadRequestException", "The request is rejected because an invalid or "+
			"out-of-range value is specified as an input parameter: "+strings.Join(problems, "; "))
		return
	}
	if v, ok := body["autoEnableOrganizationMembers"].(string); ok {
		c.Answer["autoEnableOrganizationMembers"] = v
		c.Answer["autoEnable"] = v != "NONE"
	} else if v, ok := body["autoEnable"].(bool); ok {
		c.Answer["autoEnable"] = v
		c.Answer["autoEnableOrganizationMembers"] = map[bool]string{true: "NEW", false: "NONE"}[v]
	}
	current, _ := c.Answer["features"].([]any)
	for _, f := range features {
		fm := f.(map[string]any)
		i := slices.IndexFunc(current, func(x any) bool { return x.(map[string]any)["name"] == fm["name"] })
		if i < 0 {
			current = append(current, fm)
		} else {
			current[i] = fm
		}
	}
	c.Answer["features"] = current
	writeJSON(w, map[string]any{})
}

// hubWrite answers Security Hub's central configuration calls, with AWS's
// rules: CENTRAL needs the finding aggregator in its home Region and
// auto-enable off; a policy needs CENTRAL; an aggregator cannot go while
// CENTRAL is on, nor a policy while it is associated.
func (o *OrgConfigs) hubWrite(w http.ResponseWriter, r *http.Request, region, op string, c *OrgConfig,
	body map[string]any,
) {
	h := o.hub
	invalid := func(msg string) { restError(w, http.StatusBadRequest, "InvalidInputException", msg) }
	notFound := func(what string) { restError(w, http.StatusNotFound, "ResourceNotFoundException", what+" not found") }
	central := func() bool {
		oc, _ := c.Answer["OrganizationConfiguration"].(map[string]any)
		return oc["ConfigurationType"] == "CENTRAL"
	}
	if h.policies[region] == nil {
		h.policies[region], h.assoc[region] = map[string]map[string]any{}, map[string]map[string]any{}
	}
	pathID := func(prefix string) string {
		id, _ := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), prefix))
		if i := strings.LastIndex(id, "/"); i >= 0 && strings.HasPrefix(id, "arn:") {
			id = id[i+1:]
		}
		return id
	}
	switch op {
	case "UpdateOrganizationConfiguration":
		oc, _ := body["OrganizationConfiguration"].(map[string]any)
		typ, _ := oc["ConfigurationType"].(string)
		if typ == "" {
			typ = "LOCAL"
		}
		auto, _ := body["AutoEnable"].(bool)
		std, _ := body["AutoEnableStandards"].(string)
		switch {
		case typ != "LOCAL" && typ != "CENTRAL":
			invalid("ConfigurationType must be LOCAL or CENTRAL, not " + typ)
			return
		case typ == "CENTRAL" && h.aggregators[region] == nil:
			invalid("Central configuration requires a finding aggregator in the home Region " + region)
			return
		case typ == "CENTRAL" && (auto || std == "DEFAULT"):
			invalid("With central configuration, AutoEnable must be false and AutoEnableStandards NONE")
			return
		}
		c.Answer["AutoEnable"] = auto
		if std != "" {
			c.Answer["AutoEnableStandards"] = std
		}
		c.Answer["OrganizationConfiguration"] = map[string]any{"ConfigurationType": typ, "Status": "ENABLED"}
		writeJSON(w, map[string]any{})
	case "CreateFindingAggregator", "UpdateFindingAggregator":
		mode, _ := body["RegionLinkingMode"].(string)
		regions, _ := body["Regions"].([]any)
		switch {
		case !slices.Contains([]string{"ALL_REGIONS", "ALL_REGIONS_EXCEPT_SPECIFIED", "SPECIFIED_REGIONS",
			"NO_REGIONS"}, mode):
			invalid("RegionLinkingMode " + mode + " is not valid")
			return
		case (mode == "SPECIFIED_REGIONS") != (len(regions) > 0) && mode != "ALL_REGIONS_EXCEPT_SPECIFIED":
			invalid("Regions must be given with SPECIFIED_REGIONS, and only with it or ALL_REGIONS_EXCEPT_SPECIFIED")
			return
		}
		agg := h.aggregators[region]
		if op == "CreateFindingAggregator" {
			if agg != nil {
				invalid("the account has a finding aggregator already in " + region)
				return
			}
			agg = map[string]any{"FindingAggregatorArn": fmt.Sprintf("arn:aws:securityhub:%s:%s:finding-aggregator/%s",
				region, c.Admin, uuid(h.seq.Add(1))), "FindingAggregationRegion": region}
			h.aggregators[region] = agg
		} else if agg == nil || agg["FindingAggregatorArn"] != body["FindingAggregatorArn"] {
			notFound("finding aggregator")
			return
		}
		agg["RegionLinkingMode"], agg["Regions"] = mode, regions
		writeJSON(w, agg)
	case "GetFindingAggregator", "DeleteFindingAggregator":
		prefix := map[string]string{"GetFindingAggregator": "/findingAggregator/get/",
			"DeleteFindingAggregator": "/findingAggregator/delete/"}[op]
		arn, _ := url.PathUnescape(strings.TrimPrefix(r.URL.EscapedPath(), prefix))
		agg := h.aggregators[region]
		if agg == nil || agg["FindingAggregatorArn"] != arn {
			notFound("finding aggregator " + arn)
			return
		}
		if op == "DeleteFindingAggregator" {
			if central() {
				invalid("the finding aggregator cannot be deleted while central configuration is on: set LOCAL first")
				return
			}
			delete(h.aggregators, region)
			writeJSON(w, map[string]any{})
			return
		}
		writeJSON(w, agg)
	case "CreateConfigurationPolicy":
		if !central() {
			invalid("configuration policies need central configuration in " + region)
			return
		}
		name, _ := body["Name"].(string)
		for _, p := range h.policies[region] {
			if p["Name"] == name {
				restError(w, http.StatusConflict, "ResourceConflictException", "a policy named "+name+" exists")
				return
			}
		}
		id := uuid(h.seq.Add(1))
		p := map[string]any{"Id": id, "Arn": fmt.Sprintf("arn:aws:securityhub:%s:%s:configuration-policy/%s", region,
			c.Admin, id), "Name": name, "Description": body["Description"],
			"ConfigurationPolicy": body["ConfigurationPolicy"], "CreatedAt": "2026-01-01T00:00:00Z",
			"UpdatedAt": "2026-01-01T00:00:00Z"}
		h.policies[region][id] = p
		writeJSON(w, p)
	case "GetConfigurationPolicy", "UpdateConfigurationPolicy", "DeleteConfigurationPolicy":
		prefix := "/configurationPolicy/"
		if op == "GetConfigurationPolicy" {
			prefix += "get/"
		}
		id := pathID(prefix)
		p := h.policies[region][id]
		if p == nil {
			notFound("configuration policy " + id)
			return
		}
		switch op {
		case "UpdateConfigurationPolicy":
			for _, k := range []string{"Name", "Description", "ConfigurationPolicy"} {
				if v, ok := body[k]; ok {
					p[k] = v
				}
			}
		case "DeleteConfigurationPolicy":
			for target, a := range h.assoc[region] {
				if a["ConfigurationPolicyId"] == id {
					restError(w, http.StatusConflict, "ResourceConflictException", "the policy is associated with "+
						target+": disassociate it first")
					return
				}
			}
			delete(h.policies[region], id)
			writeJSON(w, map[string]any{})
			return
		}
		writeJSON(w, p)
	case "StartConfigurationPolicyAssociation", "StartConfigurationPolicyDisassociation",
		"GetConfigurationPolicyAssociation":
		target, typ := hubTarget(body)
		if target == "" {
			invalid("Target must name one AccountId, OrganizationalUnitId or RootId")
			return
		}
		id, _ := body["ConfigurationPolicyIdentifier"].(string)
		if i := strings.LastIndex(id, "/"); i >= 0 {
			id = id[i+1:]
		}
		switch op {
		case "StartConfigurationPolicyAssociation":
			if h.policies[region][id] == nil {
				notFound("configuration policy " + id)
				return
			}
			h.assoc[region][target] = map[string]any{"AssociationStatus": "SUCCESS", "AssociationType": "APPLIED",
				"ConfigurationPolicyId": id, "TargetId": target, "TargetType": typ, "UpdatedAt": "2026-01-01T00:00:00Z"}
		case "StartConfigurationPolicyDisassociation":
			if a := h.assoc[region][target]; a == nil || a["ConfigurationPolicyId"] != id {
				notFound("association of " + target + " with " + id)
				return
			}
			delete(h.assoc[region], target)
			writeJSON(w, map[string]any{})
			return
		default:
			if h.assoc[region][target] == nil {
				notFound("association of " + target)
				return
			}
		}
		writeJSON(w, h.assoc[region][target])
	}
}

// hubTarget is the target of an association call and its type.
func hubTarget(body map[string]any) (string, string) {
	t, _ := body["Target"].(map[string]any)
	for k, typ := range map[string]string{"AccountId": "ACCOUNT", "OrganizationalUnitId": "ORGANIZATIONAL_UNIT",
		"RootId": "ROOT"} {
		if v, _ := t[k].(string); v != "" {
			return v, typ
		}
	}
	return "", ""
}

// uuid is a UUID-shaped identifier from n.
func uuid(n int64) string {
	return fmt.Sprintf("a1b2c3d4-0000-4000-8000-%012x", n)
}

// Leftovers lists what the organization configuration holds beyond AWS's
// defaults: Security Hub's finding aggregators, policies, associations and
// central configuration, and GuardDuty's auto-enable and features; Macie's,
// Inspector's and Detective's members, Inspector's scans and auto-enable
// (orgconfigs_members.go).
func (o *OrgConfigs) Leftovers() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []string
	h := o.hub
	for region := range h.aggregators {
		out = append(out, "securityhub finding aggregator in "+region)
	}
	for region, ps := range h.policies {
		for id := range ps {
			out = append(out, "securityhub policy "+id+" in "+region)
		}
	}
	for region, as := range h.assoc {
		for target := range as {
			out = append(out, "securityhub association of "+target+" in "+region)
		}
	}
	for region, c := range o.configs[SecurityHub] {
		if oc, _ := c.Answer["OrganizationConfiguration"].(map[string]any); oc["ConfigurationType"] == "CENTRAL" {
			out = append(out, "securityhub central configuration in "+region)
		}
	}
	out = append(out, o.memberLeftovers()...)
	slices.Sort(out)
	return out
}
