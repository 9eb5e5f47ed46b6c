package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Security Hub's organization configuration, in the delegated
// administrator's account (the provider assumes a role there).

func (c *Config) hubCall(ctx context.Context, method, path string, in, out any) error {
	return c.restCall(ctx, "securityhub", "SECURITYHUB", "securityhub", method, path, in, out)
}

// SecurityHubOrganizationConfiguration is
// aws:securityhub/organizationConfiguration:OrganizationConfiguration
// (terraform-provider-aws internal/service/securityhub/organization_configuration.go):
// ID the caller's account; Create and Update are
// UpdateOrganizationConfiguration (waiting for the status ENABLED when
// CENTRAL), Read DescribeOrganizationConfiguration, Delete sets a CENTRAL
// configuration back to LOCAL with auto-enable off (a LOCAL one only leaves
// the state).
type SecurityHubOrganizationConfiguration struct{}

// HubOrganizationConfigurationType is its organizationConfiguration block.
type HubOrganizationConfigurationType struct {
	ConfigurationType string `pulumi:"configurationType"`
}

// SecurityHubOrganizationConfigurationArgs are its inputs.
type SecurityHubOrganizationConfigurationArgs struct {
	AutoEnable                bool                              `pulumi:"autoEnable"`
	AutoEnableStandards       *string                           `pulumi:"autoEnableStandards,optional"`
	OrganizationConfiguration *HubOrganizationConfigurationType `pulumi:"organizationConfiguration,optional"`
}

// SecurityHubOrganizationConfigurationState is its state.
type SecurityHubOrganizationConfigurationState struct {
	SecurityHubOrganizationConfigurationArgs
}

// Annotate sets pulumi-aws's token.
func (*SecurityHubOrganizationConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("securityhub/organizationConfiguration", "OrganizationConfiguration")
}

type hubOrgConfig struct {
	AutoEnable                bool
	AutoEnableStandards       string
	OrganizationConfiguration struct{ ConfigurationType, Status, StatusMessage string }
}

func (c *Config) putHubConfig(ctx context.Context, x SecurityHubOrganizationConfigurationArgs) (hubOrgConfig, error) {
	in := map[string]any{"AutoEnable": x.AutoEnable}
	if x.AutoEnableStandards != nil {
		in["AutoEnableStandards"] = *x.AutoEnableStandards
	}
	if x.OrganizationConfiguration != nil {
		in["OrganizationConfiguration"] = map[string]any{"ConfigurationType": x.OrganizationConfiguration.ConfigurationType}
	}
	if err := c.hubCall(ctx, http.MethodPost, "/organization/configuration", in, nil); err != nil {
		return hubOrgConfig{}, err
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		var cur hubOrgConfig
		if err := c.hubCall(ctx, http.MethodGet, "/organization/configuration", nil, &cur); err != nil {
			return hubOrgConfig{}, err
		}
		if cur.OrganizationConfiguration.Status != "PENDING" {
			if cur.OrganizationConfiguration.Status == "FAILED" {
				return cur, errors.New(cur.OrganizationConfiguration.StatusMessage)
			}
			return cur, nil
		}
		if time.Now().After(deadline) {
			return cur, errors.New("timeout while waiting for the status ENABLED")
		}
		if err := c.wait(ctx); err != nil {
			return cur, err
		}
	}
}

func hubState(cur hubOrgConfig) SecurityHubOrganizationConfigurationState {
	return SecurityHubOrganizationConfigurationState{SecurityHubOrganizationConfigurationArgs{
		AutoEnable: cur.AutoEnable, AutoEnableStandards: &cur.AutoEnableStandards,
		OrganizationConfiguration: &HubOrganizationConfigurationType{cur.OrganizationConfiguration.ConfigurationType},
	}}
}

// Create sets the configuration.
func (*SecurityHubOrganizationConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[SecurityHubOrganizationConfigurationArgs],
) (infer.CreateResponse[SecurityHubOrganizationConfigurationState], error) {
	type resp = infer.CreateResponse[SecurityHubOrganizationConfigurationState]
	if req.DryRun {
		return resp{Output: SecurityHubOrganizationConfigurationState{req.Inputs}}, nil
	}
	c := config(ctx)
	who, err := sts.NewFromConfig(c.aws).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return resp{}, fmt.Errorf("reading the caller's account: %w", err)
	}
	cur, err := c.putHubConfig(ctx, req.Inputs)
	if err != nil {
		return resp{}, fmt.Errorf("updating Security Hub Organization Configuration (%s): %w",
			aws.ToString(who.Account), err)
	}
	return resp{ID: aws.ToString(who.Account), Output: hubState(cur)}, nil
}

// Update sets the configuration.
func (*SecurityHubOrganizationConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[SecurityHubOrganizationConfigurationArgs, SecurityHubOrganizationConfigurationState],
) (infer.UpdateResponse[SecurityHubOrganizationConfigurationState], error) {
	type resp = infer.UpdateResponse[SecurityHubOrganizationConfigurationState]
	if req.DryRun {
		return resp{Output: SecurityHubOrganizationConfigurationState{req.Inputs}}, nil
	}
	cur, err := config(ctx).putHubConfig(ctx, req.Inputs)
	if err != nil {
		return resp{}, fmt.Errorf("updating Security Hub Organization Configuration (%s): %w", req.ID, err)
	}
	return resp{Output: hubState(cur)}, nil
}

// Read describes the configuration; an import reads it by account ID.
func (*SecurityHubOrganizationConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[SecurityHubOrganizationConfigurationArgs, SecurityHubOrganizationConfigurationState],
) (infer.ReadResponse[SecurityHubOrganizationConfigurationArgs, SecurityHubOrganizationConfigurationState], error) {
	type resp = infer.ReadResponse[SecurityHubOrganizationConfigurationArgs, SecurityHubOrganizationConfigurationState]
	var cur hubOrgConfig
	if err := config(ctx).hubCall(ctx, http.MethodGet, "/organization/configuration", nil, &cur); err != nil {
		return resp{}, fmt.Errorf("reading Security Hub Organization Configuration (%s): %w", req.ID, err)
	}
	st := hubState(cur)
	return resp{ID: req.ID, Inputs: st.SecurityHubOrganizationConfigurationArgs, State: st}, nil
}

// Delete turns central configuration back to LOCAL.
func (*SecurityHubOrganizationConfiguration) Delete(ctx context.Context,
	req infer.DeleteRequest[SecurityHubOrganizationConfigurationState],
) (infer.DeleteResponse, error) {
	oc := req.State.OrganizationConfiguration
	if oc == nil || oc.ConfigurationType != "CENTRAL" {
		return infer.DeleteResponse{}, nil
	}
	if _, err := config(ctx).putHubConfig(ctx, SecurityHubOrganizationConfigurationArgs{AutoEnable: false,
		AutoEnableStandards:       aws.String("NONE"),
		OrganizationConfiguration: &HubOrganizationConfigurationType{"LOCAL"},
	}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Security Hub Organization Configuration (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// FindingAggregator is aws:securityhub/findingAggregator:FindingAggregator
// (terraform-provider-aws internal/service/securityhub/finding_aggregator.go):
// ID the aggregator's ARN; CreateFindingAggregator, GetFindingAggregator
// (ResourceNotFoundException leaves the state), UpdateFindingAggregator,
// DeleteFindingAggregator.
type FindingAggregator struct{}

// FindingAggregatorArgs are its inputs.
type FindingAggregatorArgs struct {
	LinkingMode      string   `pulumi:"linkingMode"`
	SpecifiedRegions []string `pulumi:"specifiedRegions,optional"`
}

// FindingAggregatorState is its state.
type FindingAggregatorState struct {
	FindingAggregatorArgs
}

// Annotate sets pulumi-aws's token.
func (*FindingAggregator) Annotate(a infer.Annotator) {
	a.SetToken("securityhub/findingAggregator", "FindingAggregator")
}

type hubAggregator struct {
	FindingAggregatorArn string
	RegionLinkingMode    string
	Regions              []string
}

func aggregatorInput(x FindingAggregatorArgs) map[string]any {
	in := map[string]any{"RegionLinkingMode": x.LinkingMode}
	if len(x.SpecifiedRegions) > 0 {
		in["Regions"] = x.SpecifiedRegions
	}
	return in
}

// Create creates the aggregator.
func (*FindingAggregator) Create(ctx context.Context, req infer.CreateRequest[FindingAggregatorArgs]) (
	infer.CreateResponse[FindingAggregatorState], error,
) {
	type resp = infer.CreateResponse[FindingAggregatorState]
	if req.DryRun {
		return resp{Output: FindingAggregatorState{req.Inputs}}, nil
	}
	var out hubAggregator
	if err := config(ctx).hubCall(ctx, http.MethodPost, "/findingAggregator/create", aggregatorInput(req.Inputs),
		&out); err != nil {
		return resp{}, fmt.Errorf("creating Security Hub Finding Aggregator: %w", err)
	}
	return resp{ID: out.FindingAggregatorArn, Output: FindingAggregatorState{req.Inputs}}, nil
}

// Update changes the linked Regions.
func (*FindingAggregator) Update(ctx context.Context,
	req infer.UpdateRequest[FindingAggregatorArgs, FindingAggregatorState],
) (infer.UpdateResponse[FindingAggregatorState], error) {
	type resp = infer.UpdateResponse[FindingAggregatorState]
	if req.DryRun {
		return resp{Output: FindingAggregatorState{req.Inputs}}, nil
	}
	in := aggregatorInput(req.Inputs)
	in["FindingAggregatorArn"] = req.ID
	if err := config(ctx).hubCall(ctx, http.MethodPatch, "/findingAggregator/update", in, nil); err != nil {
		return resp{}, fmt.Errorf("updating Security Hub Finding Aggregator (%s): %w", req.ID, err)
	}
	return resp{Output: FindingAggregatorState{req.Inputs}}, nil
}

// Read reads the aggregator; an import reads it by ARN.
func (*FindingAggregator) Read(ctx context.Context,
	req infer.ReadRequest[FindingAggregatorArgs, FindingAggregatorState],
) (infer.ReadResponse[FindingAggregatorArgs, FindingAggregatorState], error) {
	type resp = infer.ReadResponse[FindingAggregatorArgs, FindingAggregatorState]
	var out hubAggregator
	err := config(ctx).hubCall(ctx, http.MethodGet, "/findingAggregator/get/"+url.PathEscape(req.ID), nil, &out)
	if notFound(err) {
		return resp{}, nil
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading Security Hub Finding Aggregator (%s): %w", req.ID, err)
	}
	x := FindingAggregatorArgs{LinkingMode: out.RegionLinkingMode}
	if len(out.Regions) > 0 {
		x.SpecifiedRegions = out.Regions
	}
	return resp{ID: req.ID, Inputs: x, State: FindingAggregatorState{x}}, nil
}

// Delete deletes the aggregator.
func (*FindingAggregator) Delete(ctx context.Context, req infer.DeleteRequest[FindingAggregatorState]) (
	infer.DeleteResponse, error,
) {
	err := config(ctx).hubCall(ctx, http.MethodDelete, "/findingAggregator/delete/"+url.PathEscape(req.ID), nil, nil)
	if err != nil && !notFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Security Hub Finding Aggregator (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// ConfigurationPolicy is aws:securityhub/configurationPolicy:ConfigurationPolicy
// (terraform-provider-aws internal/service/securityhub/configuration_policy.go):
// ID the policy's UUID; CreateConfigurationPolicy, GetConfigurationPolicy
// (ResourceNotFoundException leaves the state), UpdateConfigurationPolicy,
// DeleteConfigurationPolicy. Read takes the name, description and ARN from
// AWS and keeps the policy document of the state (the stand-in does not
// flatten AWS's form back).
type ConfigurationPolicy struct{}

// ParamBool, ParamDouble, ParamInt and ParamString hold one parameter value,
// ParamInts and ParamStrings a list (pulumi-aws's bool, double, int, enum
// and string, intList, enumList and stringList blocks).
type (
	ParamBool struct {
		Value bool `pulumi:"value"`
	}
	ParamDouble struct {
		Value float64 `pulumi:"value"`
	}
	ParamInt struct {
		Value int `pulumi:"value"`
	}
	ParamString struct {
		Value string `pulumi:"value"`
	}
	ParamInts struct {
		Values []int `pulumi:"values"`
	}
	ParamStrings struct {
		Values []string `pulumi:"values"`
	}
)

// PolicyParameter is one control parameter.
type PolicyParameter struct {
	Name       string        `pulumi:"name"`
	ValueType  string        `pulumi:"valueType"`
	Bool       *ParamBool    `pulumi:"bool,optional"`
	Double     *ParamDouble  `pulumi:"double,optional"`
	Enum       *ParamString  `pulumi:"enum,optional"`
	EnumList   *ParamStrings `pulumi:"enumList,optional"`
	Int        *ParamInt     `pulumi:"int,optional"`
	IntList    *ParamInts    `pulumi:"intList,optional"`
	String     *ParamString  `pulumi:"string,optional"`
	StringList *ParamStrings `pulumi:"stringList,optional"`
}

// ControlCustomParameter is the parameters of one control.
type ControlCustomParameter struct {
	SecurityControlID string            `pulumi:"securityControlId"`
	Parameters        []PolicyParameter `pulumi:"parameters"`
}

// SecurityControlsConfiguration is the policy's controls.
type SecurityControlsConfiguration struct {
	DisabledControlIdentifiers      []string                 `pulumi:"disabledControlIdentifiers,optional"`
	EnabledControlIdentifiers       []string                 `pulumi:"enabledControlIdentifiers,optional"`
	SecurityControlCustomParameters []ControlCustomParameter `pulumi:"securityControlCustomParameters,optional"`
}

// ConfigurationPolicyDocument is the configurationPolicy block.
type ConfigurationPolicyDocument struct {
	ServiceEnabled                bool                           `pulumi:"serviceEnabled"`
	EnabledStandardArns           []string                       `pulumi:"enabledStandardArns,optional"`
	SecurityControlsConfiguration *SecurityControlsConfiguration `pulumi:"securityControlsConfiguration,optional"`
}

// ConfigurationPolicyArgs are its inputs.
type ConfigurationPolicyArgs struct {
	Name                string                      `pulumi:"name"`
	Description         *string                     `pulumi:"description,optional"`
	ConfigurationPolicy ConfigurationPolicyDocument `pulumi:"configurationPolicy"`
}

// ConfigurationPolicyState is its state.
type ConfigurationPolicyState struct {
	ConfigurationPolicyArgs
	Arn string `pulumi:"arn"`
}

// Annotate sets pulumi-aws's token.
func (*ConfigurationPolicy) Annotate(a infer.Annotator) {
	a.SetToken("securityhub/configurationPolicy", "ConfigurationPolicy")
}

// policyInput is the policy in Security Hub's API form.
func policyInput(x ConfigurationPolicyArgs) map[string]any {
	d := x.ConfigurationPolicy
	hub := map[string]any{"ServiceEnabled": d.ServiceEnabled}
	if d.EnabledStandardArns != nil {
		hub["EnabledStandardIdentifiers"] = d.EnabledStandardArns
	}
	if sc := d.SecurityControlsConfiguration; sc != nil {
		controls := map[string]any{}
		if sc.EnabledControlIdentifiers != nil {
			controls["EnabledSecurityControlIdentifiers"] = sc.EnabledControlIdentifiers
		}
		if sc.DisabledControlIdentifiers != nil {
			controls["DisabledSecurityControlIdentifiers"] = sc.DisabledControlIdentifiers
		}
		var custom []any
		for _, cp := range sc.SecurityControlCustomParameters {
			params := map[string]any{}
			for _, p := range cp.Parameters {
				v := map[string]any{}
				switch {
				case p.Bool != nil:
					v["Boolean"] = p.Bool.Value
				case p.Double != nil:
					v["Double"] = p.Double.Value
				case p.Enum != nil:
					v["Enum"] = p.Enum.Value
				case p.EnumList != nil:
					v["EnumList"] = p.EnumList.Values
				case p.Int != nil:
					v["Integer"] = p.Int.Value
				case p.IntList != nil:
					v["IntegerList"] = p.IntList.Values
				case p.String != nil:
					v["String"] = p.String.Value
				case p.StringList != nil:
					v["StringList"] = p.StringList.Values
				}
				params[p.Name] = map[string]any{"ValueType": p.ValueType, "Value": v}
			}
			custom = append(custom, map[string]any{"SecurityControlId": cp.SecurityControlID, "Parameters": params})
		}
		if custom != nil {
			controls["SecurityControlCustomParameters"] = custom
		}
		hub["SecurityControlsConfiguration"] = controls
	}
	in := map[string]any{"Name": x.Name, "ConfigurationPolicy": map[string]any{"SecurityHub": hub}}
	if x.Description != nil {
		in["Description"] = *x.Description
	}
	return in
}

// Create creates the policy.
func (*ConfigurationPolicy) Create(ctx context.Context, req infer.CreateRequest[ConfigurationPolicyArgs]) (
	infer.CreateResponse[ConfigurationPolicyState], error,
) {
	type resp = infer.CreateResponse[ConfigurationPolicyState]
	if req.DryRun {
		return resp{Output: ConfigurationPolicyState{ConfigurationPolicyArgs: req.Inputs}}, nil
	}
	var out struct{ Arn, Id string }
	if err := config(ctx).hubCall(ctx, http.MethodPost, "/configurationPolicy/create", policyInput(req.Inputs),
		&out); err != nil {
		return resp{}, fmt.Errorf("creating Security Hub Configuration Policy (%s): %w", req.Inputs.Name, err)
	}
	return resp{ID: out.Id, Output: ConfigurationPolicyState{ConfigurationPolicyArgs: req.Inputs, Arn: out.Arn}}, nil
}

// Update updates the policy.
func (*ConfigurationPolicy) Update(ctx context.Context,
	req infer.UpdateRequest[ConfigurationPolicyArgs, ConfigurationPolicyState],
) (infer.UpdateResponse[ConfigurationPolicyState], error) {
	type resp = infer.UpdateResponse[ConfigurationPolicyState]
	st := ConfigurationPolicyState{ConfigurationPolicyArgs: req.Inputs, Arn: req.State.Arn}
	if req.DryRun {
		return resp{Output: st}, nil
	}
	if err := config(ctx).hubCall(ctx, http.MethodPatch, "/configurationPolicy/"+url.PathEscape(req.ID),
		policyInput(req.Inputs), nil); err != nil {
		return resp{}, fmt.Errorf("updating Security Hub Configuration Policy (%s): %w", req.ID, err)
	}
	return resp{Output: st}, nil
}

// Read reads the policy.
func (*ConfigurationPolicy) Read(ctx context.Context,
	req infer.ReadRequest[ConfigurationPolicyArgs, ConfigurationPolicyState],
) (infer.ReadResponse[ConfigurationPolicyArgs, ConfigurationPolicyState], error) {
	type resp = infer.ReadResponse[ConfigurationPolicyArgs, ConfigurationPolicyState]
	var out struct {
		Arn, Name   string
		Description *string
	}
	err := config(ctx).hubCall(ctx, http.MethodGet, "/configurationPolicy/get/"+url.PathEscape(req.ID), nil, &out)
	if notFound(err) {
		return resp{}, nil
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading Security Hub Configuration Policy (%s): %w", req.ID, err)
	}
	x := req.State.ConfigurationPolicyArgs
	x.Name, x.Description = out.Name, out.Description
	return resp{ID: req.ID, Inputs: x, State: ConfigurationPolicyState{ConfigurationPolicyArgs: x, Arn: out.Arn}}, nil
}

// Delete deletes the policy.
func (*ConfigurationPolicy) Delete(ctx context.Context, req infer.DeleteRequest[ConfigurationPolicyState]) (
	infer.DeleteResponse, error,
) {
	err := config(ctx).hubCall(ctx, http.MethodDelete, "/configurationPolicy/"+url.PathEscape(req.ID), nil, nil)
	if err != nil && !notFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Security Hub Configuration Policy (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// ConfigurationPolicyAssociation is
// aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation
// (terraform-provider-aws internal/service/securityhub/configuration_policy_association.go):
// ID the target (account, OU or root ID), which replaces; Create and Update
// are StartConfigurationPolicyAssociation, then GetConfigurationPolicyAssociation
// until SUCCESS; Read is GetConfigurationPolicyAssociation
// (ResourceNotFoundException leaves the state); Delete is
// StartConfigurationPolicyDisassociation.
type ConfigurationPolicyAssociation struct{}

// ConfigurationPolicyAssociationArgs are its inputs.
type ConfigurationPolicyAssociationArgs struct {
	PolicyID string `pulumi:"policyId"`
	TargetID string `pulumi:"targetId" provider:"replaceOnChanges"`
}

// ConfigurationPolicyAssociationState is its state.
type ConfigurationPolicyAssociationState struct {
	ConfigurationPolicyAssociationArgs
}

// Annotate sets pulumi-aws's token.
func (*ConfigurationPolicyAssociation) Annotate(a infer.Annotator) {
	a.SetToken("securityhub/configurationPolicyAssociation", "ConfigurationPolicyAssociation")
}

var (
	rootIDPattern    = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	ouIDPattern      = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$`)
	accountIDPattern = regexp.MustCompile(`^[0-9]{12}$`)
)

// hubTarget is the Target of an association call.
func hubTarget(id string) (map[string]string, error) {
	switch {
	case rootIDPattern.MatchString(id):
		return map[string]string{"RootId": id}, nil
	case ouIDPattern.MatchString(id):
		return map[string]string{"OrganizationalUnitId": id}, nil
	case accountIDPattern.MatchString(id):
		return map[string]string{"AccountId": id}, nil
	}
	return nil, fmt.Errorf("target %q is not an account, OU or root ID", id)
}

type hubAssociation struct {
	AssociationStatus, ConfigurationPolicyId, StatusMessage string
}

func (c *Config) associate(ctx context.Context, x ConfigurationPolicyAssociationArgs) error {
	target, err := hubTarget(x.TargetID)
	if err != nil {
		return err
	}
	if err := c.hubCall(ctx, http.MethodPost, "/configurationPolicyAssociation/associate", map[string]any{
		"ConfigurationPolicyIdentifier": x.PolicyID, "Target": target}, nil); err != nil {
		return err
	}
	deadline := time.Now().Add(5 * time.Minute)
	for {
		var out hubAssociation
		if err := c.hubCall(ctx, http.MethodPost, "/configurationPolicyAssociation/get",
			map[string]any{"Target": target}, &out); err != nil {
			return err
		}
		switch out.AssociationStatus {
		case "SUCCESS":
			return nil
		case "FAILED":
			return errors.New(out.StatusMessage)
		}
		if time.Now().After(deadline) {
			return errors.New("timeout while waiting for the association")
		}
		if err := c.wait(ctx); err != nil {
			return err
		}
	}
}

// Create associates the policy.
func (*ConfigurationPolicyAssociation) Create(ctx context.Context,
	req infer.CreateRequest[ConfigurationPolicyAssociationArgs],
) (infer.CreateResponse[ConfigurationPolicyAssociationState], error) {
	out := infer.CreateResponse[ConfigurationPolicyAssociationState]{ID: req.Inputs.TargetID,
		Output: ConfigurationPolicyAssociationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	if err := config(ctx).associate(ctx, req.Inputs); err != nil {
		return infer.CreateResponse[ConfigurationPolicyAssociationState]{}, fmt.Errorf("creating Security Hub "+
			"Configuration Policy Association (%s): %w", req.Inputs.TargetID, err)
	}
	return out, nil
}

// Update associates the new policy.
func (*ConfigurationPolicyAssociation) Update(ctx context.Context,
	req infer.UpdateRequest[ConfigurationPolicyAssociationArgs, ConfigurationPolicyAssociationState],
) (infer.UpdateResponse[ConfigurationPolicyAssociationState], error) {
	out := infer.UpdateResponse[ConfigurationPolicyAssociationState]{Output: ConfigurationPolicyAssociationState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	if err := config(ctx).associate(ctx, req.Inputs); err != nil {
		return infer.UpdateResponse[ConfigurationPolicyAssociationState]{}, fmt.Errorf("updating Security Hub "+
			"Configuration Policy Association (%s): %w", req.ID, err)
	}
	return out, nil
}

// Read reads the association; an import reads it by target ID.
func (*ConfigurationPolicyAssociation) Read(ctx context.Context,
	req infer.ReadRequest[ConfigurationPolicyAssociationArgs, ConfigurationPolicyAssociationState],
) (infer.ReadResponse[ConfigurationPolicyAssociationArgs, ConfigurationPolicyAssociationState], error) {
	type resp = infer.ReadResponse[ConfigurationPolicyAssociationArgs, ConfigurationPolicyAssociationState]
	target, err := hubTarget(req.ID)
	if err != nil {
		return resp{}, err
	}
	var out hubAssociation
	err = config(ctx).hubCall(ctx, http.MethodPost, "/configurationPolicyAssociation/get",
		map[string]any{"Target": target}, &out)
	if notFound(err) {
		return resp{}, nil
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading Security Hub Configuration Policy Association (%s): %w", req.ID, err)
	}
	x := ConfigurationPolicyAssociationArgs{PolicyID: out.ConfigurationPolicyId, TargetID: req.ID}
	return resp{ID: req.ID, Inputs: x, State: ConfigurationPolicyAssociationState{x}}, nil
}

// Delete disassociates the policy.
func (*ConfigurationPolicyAssociation) Delete(ctx context.Context,
	req infer.DeleteRequest[ConfigurationPolicyAssociationState],
) (infer.DeleteResponse, error) {
	target, err := hubTarget(req.ID)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	err = config(ctx).hubCall(ctx, http.MethodPost, "/configurationPolicyAssociation/disassociate", map[string]any{
		"ConfigurationPolicyIdentifier": req.State.PolicyID, "Target": target}, nil)
	if err != nil && !notFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Security Hub Configuration Policy Association (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
