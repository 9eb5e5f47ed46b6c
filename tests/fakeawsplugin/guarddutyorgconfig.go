package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// GuardDuty's organization configuration, in the delegated administrator's
// account (the provider assumes a role there).

func (c *Config) guardDutyCall(ctx context.Context, method, path string, in, out any) error {
	return c.restCall(ctx, "guardduty", "GUARDDUTY", "guardduty", method, path, in, out)
}

// GetDetector is aws:guardduty/getDetector:getDetector (terraform-provider-aws
// internal/service/guardduty/detector_data_source.go): without an id,
// ListDetectors must give exactly one detector; then GetDetector.
type GetDetector struct{}

// GetDetectorArgs are its inputs: pulumi-aws's id, which main's Invoke
// passes as lookupId (infer reserves id).
type GetDetectorArgs struct {
	ID *string `pulumi:"lookupId,optional"`
}

// DetectorFeature is one feature of the detector.
type DetectorFeature struct {
	Name                     string                      `pulumi:"name"`
	Status                   string                      `pulumi:"status"`
	AdditionalConfigurations []DetectorFeatureAdditional `pulumi:"additionalConfigurations"`
}

// DetectorFeatureAdditional is a feature's additional configuration.
type DetectorFeatureAdditional struct {
	Name   string `pulumi:"name"`
	Status string `pulumi:"status"`
}

// GetDetectorResult is its result.
type GetDetectorResult struct {
	ID                         string            `pulumi:"resultId"`
	Status                     string            `pulumi:"status"`
	ServiceRoleArn             string            `pulumi:"serviceRoleArn"`
	FindingPublishingFrequency string            `pulumi:"findingPublishingFrequency"`
	Features                   []DetectorFeature `pulumi:"features"`
	Tags                       map[string]string `pulumi:"tags"`
}

// Annotate sets pulumi-aws's token.
func (*GetDetector) Annotate(a infer.Annotator) { a.SetToken("guardduty/getDetector", "getDetector") }

// Invoke finds the detector.
func (*GetDetector) Invoke(ctx context.Context, req infer.FunctionRequest[GetDetectorArgs]) (
	infer.FunctionResponse[GetDetectorResult], error,
) {
	c := config(ctx)
	id := ""
	if req.Input.ID != nil {
		id = *req.Input.ID
	} else {
		var list struct {
			DetectorIDs []string `json:"detectorIds"`
		}
		if err := c.guardDutyCall(ctx, http.MethodGet, "/detector", nil, &list); err != nil {
			return infer.FunctionResponse[GetDetectorResult]{}, fmt.Errorf("listing GuardDuty Detectors: %w", err)
		}
		if len(list.DetectorIDs) != 1 {
			return infer.FunctionResponse[GetDetectorResult]{}, fmt.Errorf("reading GuardDuty Detector: "+
				"expected 1 detector in %s, found %d", c.awsRg, len(list.DetectorIDs))
		}
		id = list.DetectorIDs[0]
	}
	var d struct {
		Status, ServiceRole, FindingPublishingFrequency string
		Tags                                            map[string]string
		Features                                        []struct {
			Name, Status            string
			AdditionalConfiguration []struct{ Name, Status string }
		}
	}
	if err := c.guardDutyCall(ctx, http.MethodGet, "/detector/"+url.PathEscape(id), nil, &d); err != nil {
		return infer.FunctionResponse[GetDetectorResult]{}, fmt.Errorf("reading GuardDuty Detector (%s): %w", id, err)
	}
	res := GetDetectorResult{ID: id, Status: d.Status, ServiceRoleArn: d.ServiceRole,
		FindingPublishingFrequency: d.FindingPublishingFrequency, Features: []DetectorFeature{}, Tags: d.Tags}
	if res.Tags == nil {
		res.Tags = map[string]string{}
	}
	for _, f := range d.Features {
		df := DetectorFeature{Name: f.Name, Status: f.Status, AdditionalConfigurations: []DetectorFeatureAdditional{}}
		for _, a := range f.AdditionalConfiguration {
			df.AdditionalConfigurations = append(df.AdditionalConfigurations, DetectorFeatureAdditional(a))
		}
		res.Features = append(res.Features, df)
	}
	return infer.FunctionResponse[GetDetectorResult]{Output: res}, nil
}

// guardDutyOrgConfig is DescribeOrganizationConfiguration's answer.
type guardDutyOrgConfig struct {
	AutoEnable                    bool   `json:"autoEnable"`
	AutoEnableOrganizationMembers string `json:"autoEnableOrganizationMembers"`
	Features                      []struct {
		Name                    string `json:"name"`
		AutoEnable              string `json:"autoEnable"`
		AdditionalConfiguration []struct {
			Name       string `json:"name"`
			AutoEnable string `json:"autoEnable"`
		} `json:"additionalConfiguration"`
	} `json:"features"`
}

func (c *Config) describeGuardDuty(ctx context.Context, detector string) (guardDutyOrgConfig, error) {
	var out guardDutyOrgConfig
	err := c.guardDutyCall(ctx, http.MethodGet, "/detector/"+url.PathEscape(detector)+"/admin", nil, &out)
	return out, err
}

// GuardDutyOrganizationConfiguration is
// aws:guardduty/organizationConfiguration:OrganizationConfiguration
// (terraform-provider-aws internal/service/guardduty/organization_configuration.go):
// ID the detector ID, which replaces; Create and Update are
// UpdateOrganizationConfiguration, Read DescribeOrganizationConfiguration,
// Delete only leaves the state (the configuration stays, as with
// terraform-provider-aws). The stand-in does not serve datasources, which
// pulumi-aws deprecates for the features of OrganizationConfigurationFeature.
type GuardDutyOrganizationConfiguration struct{}

// GuardDutyOrganizationConfigurationArgs are its inputs.
type GuardDutyOrganizationConfigurationArgs struct {
	AutoEnable                    *bool   `pulumi:"autoEnable,optional"`
	AutoEnableOrganizationMembers *string `pulumi:"autoEnableOrganizationMembers,optional"`
	DetectorID                    string  `pulumi:"detectorId" provider:"replaceOnChanges"`
}

// GuardDutyOrganizationConfigurationState is its state.
type GuardDutyOrganizationConfigurationState struct {
	GuardDutyOrganizationConfigurationArgs
}

// Annotate sets pulumi-aws's token.
func (*GuardDutyOrganizationConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("guardduty/organizationConfiguration", "OrganizationConfiguration")
}

func (c *Config) putGuardDuty(ctx context.Context, x GuardDutyOrganizationConfigurationArgs) (
	GuardDutyOrganizationConfigurationState, error,
) {
	in := map[string]any{}
	if x.AutoEnableOrganizationMembers != nil {
		in["autoEnableOrganizationMembers"] = *x.AutoEnableOrganizationMembers
	} else if x.AutoEnable != nil {
		in["autoEnable"] = *x.AutoEnable
	}
	if err := c.guardDutyCall(ctx, http.MethodPost, "/detector/"+url.PathEscape(x.DetectorID)+"/admin", in,
		nil); err != nil {
		return GuardDutyOrganizationConfigurationState{}, fmt.Errorf("updating GuardDuty Organization "+
			"Configuration (%s): %w", x.DetectorID, err)
	}
	cur, err := c.describeGuardDuty(ctx, x.DetectorID)
	if err != nil {
		return GuardDutyOrganizationConfigurationState{}, fmt.Errorf("reading GuardDuty Organization "+
			"Configuration (%s): %w", x.DetectorID, err)
	}
	x.AutoEnable, x.AutoEnableOrganizationMembers = &cur.AutoEnable, &cur.AutoEnableOrganizationMembers
	return GuardDutyOrganizationConfigurationState{x}, nil
}

// Create sets the configuration.
func (*GuardDutyOrganizationConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[GuardDutyOrganizationConfigurationArgs],
) (infer.CreateResponse[GuardDutyOrganizationConfigurationState], error) {
	if req.DryRun {
		return infer.CreateResponse[GuardDutyOrganizationConfigurationState]{ID: req.Inputs.DetectorID,
			Output: GuardDutyOrganizationConfigurationState{req.Inputs}}, nil
	}
	st, err := config(ctx).putGuardDuty(ctx, req.Inputs)
	return infer.CreateResponse[GuardDutyOrganizationConfigurationState]{ID: req.Inputs.DetectorID, Output: st}, err
}

// Update sets the configuration.
func (*GuardDutyOrganizationConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[GuardDutyOrganizationConfigurationArgs, GuardDutyOrganizationConfigurationState],
) (infer.UpdateResponse[GuardDutyOrganizationConfigurationState], error) {
	if req.DryRun {
		return infer.UpdateResponse[GuardDutyOrganizationConfigurationState]{
			Output: GuardDutyOrganizationConfigurationState{req.Inputs}}, nil
	}
	st, err := config(ctx).putGuardDuty(ctx, req.Inputs)
	return infer.UpdateResponse[GuardDutyOrganizationConfigurationState]{Output: st}, err
}

// Read describes the configuration; an import reads it by detector ID.
func (*GuardDutyOrganizationConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[GuardDutyOrganizationConfigurationArgs, GuardDutyOrganizationConfigurationState],
) (infer.ReadResponse[GuardDutyOrganizationConfigurationArgs, GuardDutyOrganizationConfigurationState], error) {
	cur, err := config(ctx).describeGuardDuty(ctx, req.ID)
	if err != nil {
		return infer.ReadResponse[GuardDutyOrganizationConfigurationArgs, GuardDutyOrganizationConfigurationState]{},
			fmt.Errorf("reading GuardDuty Organization Configuration (%s): %w", req.ID, err)
	}
	in := req.Inputs
	in.DetectorID = req.ID
	if in.AutoEnableOrganizationMembers != nil || in.AutoEnable == nil {
		in.AutoEnableOrganizationMembers = &cur.AutoEnableOrganizationMembers
	}
	if in.AutoEnable != nil {
		in.AutoEnable = &cur.AutoEnable
	}
	st := in
	st.AutoEnable, st.AutoEnableOrganizationMembers = &cur.AutoEnable, &cur.AutoEnableOrganizationMembers
	return infer.ReadResponse[GuardDutyOrganizationConfigurationArgs, GuardDutyOrganizationConfigurationState]{
		ID: req.ID, Inputs: in, State: GuardDutyOrganizationConfigurationState{st}}, nil
}

// Delete leaves the state only.
func (*GuardDutyOrganizationConfiguration) Delete(context.Context,
	infer.DeleteRequest[GuardDutyOrganizationConfigurationState],
) (infer.DeleteResponse, error) {
	return infer.DeleteResponse{}, nil
}

// OrganizationConfigurationFeature is
// aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature
// (terraform-provider-aws internal/service/guardduty/organization_configuration_feature.go):
// ID detectorId/name, both of which replace; Create and Update are
// UpdateOrganizationConfiguration of that one feature, with the
// configuration's autoEnableOrganizationMembers as it reads; Read finds the
// feature in DescribeOrganizationConfiguration; Delete only leaves the
// state.
type OrganizationConfigurationFeature struct{}

// FeatureAdditionalConfiguration is one additional configuration.
type FeatureAdditionalConfiguration struct {
	Name       string `pulumi:"name"`
	AutoEnable string `pulumi:"autoEnable"`
}

// OrganizationConfigurationFeatureArgs are its inputs.
type OrganizationConfigurationFeatureArgs struct {
	DetectorID               string                           `pulumi:"detectorId" provider:"replaceOnChanges"`
	Name                     string                           `pulumi:"name" provider:"replaceOnChanges"`
	AutoEnable               string                           `pulumi:"autoEnable"`
	AdditionalConfigurations []FeatureAdditionalConfiguration `pulumi:"additionalConfigurations,optional"`
}

// OrganizationConfigurationFeatureState is its state.
type OrganizationConfigurationFeatureState struct {
	OrganizationConfigurationFeatureArgs
}

// Annotate sets pulumi-aws's token.
func (*OrganizationConfigurationFeature) Annotate(a infer.Annotator) {
	a.SetToken("guardduty/organizationConfigurationFeature", "OrganizationConfigurationFeature")
}

func (c *Config) putFeature(ctx context.Context, x OrganizationConfigurationFeatureArgs) error {
	cur, err := c.describeGuardDuty(ctx, x.DetectorID)
	if err != nil {
		return fmt.Errorf("reading GuardDuty Organization Configuration (%s): %w", x.DetectorID, err)
	}
	feature := map[string]any{"name": x.Name, "autoEnable": x.AutoEnable}
	if len(x.AdditionalConfigurations) > 0 {
		var add []map[string]string
		for _, a := range x.AdditionalConfigurations {
			add = append(add, map[string]string{"name": a.Name, "autoEnable": a.AutoEnable})
		}
		feature["additionalConfiguration"] = add
	}
	in := map[string]any{"autoEnableOrganizationMembers": cur.AutoEnableOrganizationMembers,
		"features": []any{feature}}
	if err := c.guardDutyCall(ctx, http.MethodPost, "/detector/"+url.PathEscape(x.DetectorID)+"/admin", in,
		nil); err != nil {
		return fmt.Errorf("updating GuardDuty Organization Configuration Feature (%s/%s): %w", x.DetectorID, x.Name,
			err)
	}
	return nil
}

// Create sets the feature.
func (*OrganizationConfigurationFeature) Create(ctx context.Context,
	req infer.CreateRequest[OrganizationConfigurationFeatureArgs],
) (infer.CreateResponse[OrganizationConfigurationFeatureState], error) {
	out := infer.CreateResponse[OrganizationConfigurationFeatureState]{
		ID: req.Inputs.DetectorID + "/" + req.Inputs.Name, Output: OrganizationConfigurationFeatureState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	return out, config(ctx).putFeature(ctx, req.Inputs)
}

// Update sets the feature.
func (*OrganizationConfigurationFeature) Update(ctx context.Context,
	req infer.UpdateRequest[OrganizationConfigurationFeatureArgs, OrganizationConfigurationFeatureState],
) (infer.UpdateResponse[OrganizationConfigurationFeatureState], error) {
	out := infer.UpdateResponse[OrganizationConfigurationFeatureState]{
		Output: OrganizationConfigurationFeatureState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	return out, config(ctx).putFeature(ctx, req.Inputs)
}

// Read finds the feature; an import reads it by detectorId/name.
func (*OrganizationConfigurationFeature) Read(ctx context.Context,
	req infer.ReadRequest[OrganizationConfigurationFeatureArgs, OrganizationConfigurationFeatureState],
) (infer.ReadResponse[OrganizationConfigurationFeatureArgs, OrganizationConfigurationFeatureState], error) {
	type resp = infer.ReadResponse[OrganizationConfigurationFeatureArgs, OrganizationConfigurationFeatureState]
	detector, name, ok := strings.Cut(req.ID, "/")
	if !ok {
		return resp{}, fmt.Errorf("GuardDuty Organization Configuration Feature ID %q is not detectorId/name", req.ID)
	}
	cur, err := config(ctx).describeGuardDuty(ctx, detector)
	if err != nil {
		return resp{}, fmt.Errorf("reading GuardDuty Organization Configuration Feature (%s): %w", req.ID, err)
	}
	for _, f := range cur.Features {
		if f.Name != name {
			continue
		}
		x := OrganizationConfigurationFeatureArgs{DetectorID: detector, Name: name, AutoEnable: f.AutoEnable}
		for _, a := range f.AdditionalConfiguration {
			x.AdditionalConfigurations = append(x.AdditionalConfigurations, FeatureAdditionalConfiguration(a))
		}
		return resp{ID: req.ID, Inputs: x, State: OrganizationConfigurationFeatureState{x}}, nil
	}
	return resp{}, nil
}

// Delete leaves the state only.
func (*OrganizationConfigurationFeature) Delete(context.Context,
	infer.DeleteRequest[OrganizationConfigurationFeatureState],
) (infer.DeleteResponse, error) {
	return infer.DeleteResponse{}, nil
}
