package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// AttributeValue is one value of an access control attribute.
type AttributeValue struct {
	Sources []string `pulumi:"sources"`
}

// Attribute is one access control attribute.
type Attribute struct {
	Key    string           `pulumi:"key"`
	Values []AttributeValue `pulumi:"values"`
}

// InstanceAccessControlAttributes is
// aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes
// (terraform-provider-aws internal/service/ssoadmin/instance_access_control_attributes.go):
// ID the instance ARN; instanceArn replaces, attributes update; Create
// CreateInstanceAccessControlAttributeConfiguration, Read Describe..., Update
// Update..., Delete Delete....
type InstanceAccessControlAttributes struct{}

// InstanceAccessControlAttributesArgs are its inputs.
type InstanceAccessControlAttributesArgs struct {
	InstanceArn string      `pulumi:"instanceArn" provider:"replaceOnChanges"`
	Attributes  []Attribute `pulumi:"attributes"`
}

// InstanceAccessControlAttributesState is its state.
type InstanceAccessControlAttributesState struct {
	InstanceAccessControlAttributesArgs
	Status       string `pulumi:"status"`
	StatusReason string `pulumi:"statusReason"`
}

// Annotate sets pulumi-aws's token.
func (*InstanceAccessControlAttributes) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/instanceAccessControlAttributes", "InstanceAccessControlAttributes")
}

func accessControlConfig(attrs []Attribute) *types.InstanceAccessControlAttributeConfiguration {
	cfg := &types.InstanceAccessControlAttributeConfiguration{}
	for _, a := range attrs {
		var sources []string
		for _, v := range a.Values {
			sources = append(sources, v.Sources...)
		}
		cfg.AccessControlAttributes = append(cfg.AccessControlAttributes, types.AccessControlAttribute{
			Key: aws.String(a.Key), Value: &types.AccessControlAttributeValue{Source: sources}})
	}
	return cfg
}

// Create configures the attributes.
func (*InstanceAccessControlAttributes) Create(ctx context.Context,
	req infer.CreateRequest[InstanceAccessControlAttributesArgs],
) (infer.CreateResponse[InstanceAccessControlAttributesState], error) {
	x := req.Inputs
	out := infer.CreateResponse[InstanceAccessControlAttributesState]{ID: x.InstanceArn,
		Output: InstanceAccessControlAttributesState{InstanceAccessControlAttributesArgs: x, Status: "ENABLED"}}
	if req.DryRun {
		return out, nil
	}
	if _, err := config(ctx).sso.CreateInstanceAccessControlAttributeConfiguration(ctx,
		&ssoadmin.CreateInstanceAccessControlAttributeConfigurationInput{InstanceArn: aws.String(x.InstanceArn),
			InstanceAccessControlAttributeConfiguration: accessControlConfig(x.Attributes)}); err != nil {
		return infer.CreateResponse[InstanceAccessControlAttributesState]{}, fmt.Errorf("creating SSO Instance "+
			"Access Control Attributes (%s): %w", x.InstanceArn, err)
	}
	return out, nil
}

// Read describes the attributes.
func (*InstanceAccessControlAttributes) Read(ctx context.Context,
	req infer.ReadRequest[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState],
) (infer.ReadResponse[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState], error) {
	out, err := config(ctx).sso.DescribeInstanceAccessControlAttributeConfiguration(ctx,
		&ssoadmin.DescribeInstanceAccessControlAttributeConfigurationInput{InstanceArn: aws.String(req.ID)})
	if ssoNotFound(err) {
		return infer.ReadResponse[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState]{},
			fmt.Errorf("reading SSO Instance Access Control Attributes (%s): %w", req.ID, err)
	}
	x := InstanceAccessControlAttributesArgs{InstanceArn: req.ID}
	if c := out.InstanceAccessControlAttributeConfiguration; c != nil {
		for _, a := range c.AccessControlAttributes {
			attr := Attribute{Key: aws.ToString(a.Key)}
			if a.Value != nil {
				attr.Values = []AttributeValue{{Sources: a.Value.Source}}
			}
			x.Attributes = append(x.Attributes, attr)
		}
	}
	return infer.ReadResponse[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState]{ID: req.ID,
		Inputs: x, State: InstanceAccessControlAttributesState{InstanceAccessControlAttributesArgs: x,
			Status: string(out.Status), StatusReason: aws.ToString(out.StatusReason)}}, nil
}

// Update replaces the attributes.
func (*InstanceAccessControlAttributes) Update(ctx context.Context,
	req infer.UpdateRequest[InstanceAccessControlAttributesArgs, InstanceAccessControlAttributesState],
) (infer.UpdateResponse[InstanceAccessControlAttributesState], error) {
	st := req.State
	st.InstanceAccessControlAttributesArgs = req.Inputs
	if !req.DryRun {
		if _, err := config(ctx).sso.UpdateInstanceAccessControlAttributeConfiguration(ctx,
			&ssoadmin.UpdateInstanceAccessControlAttributeConfigurationInput{InstanceArn: aws.String(req.ID),
				InstanceAccessControlAttributeConfiguration: accessControlConfig(req.Inputs.Attributes)}); err != nil {
			return infer.UpdateResponse[InstanceAccessControlAttributesState]{}, fmt.Errorf("updating SSO Instance "+
				"Access Control Attributes (%s): %w", req.ID, err)
		}
	}
	return infer.UpdateResponse[InstanceAccessControlAttributesState]{Output: st}, nil
}

// Delete removes the configuration.
func (*InstanceAccessControlAttributes) Delete(ctx context.Context,
	req infer.DeleteRequest[InstanceAccessControlAttributesState],
) (infer.DeleteResponse, error) {
	_, err := config(ctx).sso.DeleteInstanceAccessControlAttributeConfiguration(ctx,
		&ssoadmin.DeleteInstanceAccessControlAttributeConfigurationInput{InstanceArn: aws.String(req.ID)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Instance Access Control Attributes (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// SignInOptions are an application's sign-in options.
type SignInOptions struct {
	Origin         string  `pulumi:"origin"`
	ApplicationURL *string `pulumi:"applicationUrl,optional"`
}

// PortalOptions are an application's portal options.
type PortalOptions struct {
	Visibility    *string        `pulumi:"visibility,optional"`
	SignInOptions *SignInOptions `pulumi:"signInOptions,optional"`
}

// Application is aws:ssoadmin/application:Application (terraform-provider-aws
// internal/service/ssoadmin/application.go): ID the application ARN;
// applicationProviderArn and instanceArn replace; Create CreateApplication,
// Read DescribeApplication, Delete DeleteApplication. The stand-in has no
// UpdateApplication: the tests change no application.
type Application struct{}

// ApplicationArgs are its inputs.
type ApplicationArgs struct {
	ApplicationProviderArn string            `pulumi:"applicationProviderArn" provider:"replaceOnChanges"`
	InstanceArn            string            `pulumi:"instanceArn" provider:"replaceOnChanges"`
	Name                   string            `pulumi:"name" provider:"replaceOnChanges"`
	Description            *string           `pulumi:"description,optional" provider:"replaceOnChanges"`
	PortalOptions          *PortalOptions    `pulumi:"portalOptions,optional" provider:"replaceOnChanges"`
	Status                 *string           `pulumi:"status,optional" provider:"replaceOnChanges"`
	ClientToken            *string           `pulumi:"clientToken,optional" provider:"replaceOnChanges"`
	Tags                   map[string]string `pulumi:"tags,optional"`
}

// ApplicationState is its state.
type ApplicationState struct {
	ApplicationArgs
	ApplicationArn     string            `pulumi:"applicationArn"`
	ApplicationAccount string            `pulumi:"applicationAccount"`
	TagsAll            map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*Application) Annotate(a infer.Annotator) { a.SetToken("ssoadmin/application", "Application") }

func (p *PortalOptions) sdk() *types.PortalOptions {
	if p == nil {
		return nil
	}
	out := &types.PortalOptions{Visibility: types.ApplicationVisibility(aws.ToString(p.Visibility))}
	if s := p.SignInOptions; s != nil {
		out.SignInOptions = &types.SignInOptions{Origin: types.SignInOrigin(s.Origin), ApplicationUrl: s.ApplicationURL}
	}
	return out
}

// Create creates the application.
func (*Application) Create(ctx context.Context, req infer.CreateRequest[ApplicationArgs]) (
	infer.CreateResponse[ApplicationState], error,
) {
	x := req.Inputs
	st := ApplicationState{ApplicationArgs: x, TagsAll: x.Tags}
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	if req.DryRun {
		return infer.CreateResponse[ApplicationState]{Output: st}, nil
	}
	in := &ssoadmin.CreateApplicationInput{ApplicationProviderArn: aws.String(x.ApplicationProviderArn),
		InstanceArn: aws.String(x.InstanceArn), Name: aws.String(x.Name), Description: x.Description,
		PortalOptions: x.PortalOptions.sdk(), ClientToken: x.ClientToken}
	if x.Status != nil {
		in.Status = types.ApplicationStatus(*x.Status)
	}
	for _, k := range slices.Sorted(maps.Keys(x.Tags)) {
		in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(x.Tags[k])})
	}
	out, err := config(ctx).sso.CreateApplication(ctx, in)
	if err != nil {
		return infer.CreateResponse[ApplicationState]{}, fmt.Errorf("creating SSO Admin Application (%s): %w", x.Name, err)
	}
	st.ApplicationArn = aws.ToString(out.ApplicationArn)
	st.ApplicationAccount = strings.Split(st.ApplicationArn, ":")[4]
	return infer.CreateResponse[ApplicationState]{ID: st.ApplicationArn, Output: st}, nil
}

// Read describes the application.
func (*Application) Read(ctx context.Context, req infer.ReadRequest[ApplicationArgs, ApplicationState]) (
	infer.ReadResponse[ApplicationArgs, ApplicationState], error,
) {
	out, err := config(ctx).sso.DescribeApplication(ctx, &ssoadmin.DescribeApplicationInput{ApplicationArn: aws.String(req.ID)})
	if ssoNotFound(err) {
		return infer.ReadResponse[ApplicationArgs, ApplicationState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[ApplicationArgs, ApplicationState]{}, fmt.Errorf("reading SSO Admin Application "+
			"(%s): %w", req.ID, err)
	}
	st := req.State
	x := st.ApplicationArgs
	x.ApplicationProviderArn, x.InstanceArn, x.Name = aws.ToString(out.ApplicationProviderArn),
		aws.ToString(out.InstanceArn), aws.ToString(out.Name)
	x.Description = out.Description
	if x.Status != nil || out.Status != types.ApplicationStatusEnabled {
		x.Status = aws.String(string(out.Status))
	}
	if p := out.PortalOptions; p != nil && x.PortalOptions != nil {
		po := &PortalOptions{Visibility: aws.String(string(p.Visibility))}
		if x.PortalOptions.Visibility == nil && p.Visibility == "" {
			po.Visibility = nil
		}
		if s := p.SignInOptions; s != nil {
			po.SignInOptions = &SignInOptions{Origin: string(s.Origin), ApplicationURL: s.ApplicationUrl}
		}
		x.PortalOptions = po
	}
	st.ApplicationArgs, st.ApplicationArn = x, req.ID
	st.ApplicationAccount = aws.ToString(out.ApplicationAccount)
	return infer.ReadResponse[ApplicationArgs, ApplicationState]{ID: req.ID, Inputs: x, State: st}, nil
}

// Delete deletes the application.
func (*Application) Delete(ctx context.Context, req infer.DeleteRequest[ApplicationState]) (infer.DeleteResponse, error) {
	_, err := config(ctx).sso.DeleteApplication(ctx, &ssoadmin.DeleteApplicationInput{ApplicationArn: aws.String(req.ID)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Admin Application (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// ApplicationAccessScope is aws:ssoadmin/applicationAccessScope:ApplicationAccessScope
// (terraform-provider-aws internal/service/ssoadmin/application_access_scope.go):
// ID APPLICATION_ARN,SCOPE; every input replaces; Put/Get/Delete
// ApplicationAccessScope.
type ApplicationAccessScope struct{}

// ApplicationAccessScopeArgs are its inputs.
type ApplicationAccessScopeArgs struct {
	ApplicationArn    string   `pulumi:"applicationArn" provider:"replaceOnChanges"`
	Scope             string   `pulumi:"scope" provider:"replaceOnChanges"`
	AuthorizedTargets []string `pulumi:"authorizedTargets,optional" provider:"replaceOnChanges"`
}

// ApplicationAccessScopeState is its state.
type ApplicationAccessScopeState struct {
	ApplicationAccessScopeArgs
}

// Annotate sets pulumi-aws's token.
func (*ApplicationAccessScope) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/applicationAccessScope", "ApplicationAccessScope")
}

// Create puts the scope.
func (*ApplicationAccessScope) Create(ctx context.Context, req infer.CreateRequest[ApplicationAccessScopeArgs]) (
	infer.CreateResponse[ApplicationAccessScopeState], error,
) {
	x := req.Inputs
	id := x.ApplicationArn + "," + x.Scope
	if !req.DryRun {
		if _, err := config(ctx).sso.PutApplicationAccessScope(ctx, &ssoadmin.PutApplicationAccessScopeInput{
			ApplicationArn: aws.String(x.ApplicationArn), Scope: aws.String(x.Scope),
			AuthorizedTargets: x.AuthorizedTargets}); err != nil {
			return infer.CreateResponse[ApplicationAccessScopeState]{}, fmt.Errorf("creating SSO Admin Application "+
				"Access Scope (%s): %w", id, err)
		}
	}
	return infer.CreateResponse[ApplicationAccessScopeState]{ID: id, Output: ApplicationAccessScopeState{x}}, nil
}

// Read gets the scope.
func (*ApplicationAccessScope) Read(ctx context.Context,
	req infer.ReadRequest[ApplicationAccessScopeArgs, ApplicationAccessScopeState],
) (infer.ReadResponse[ApplicationAccessScopeArgs, ApplicationAccessScopeState], error) {
	i := strings.LastIndex(req.ID, ",")
	if i < 0 {
		return infer.ReadResponse[ApplicationAccessScopeArgs, ApplicationAccessScopeState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected APPLICATION_ARN,SCOPE", req.ID)
	}
	out, err := config(ctx).sso.GetApplicationAccessScope(ctx, &ssoadmin.GetApplicationAccessScopeInput{
		ApplicationArn: aws.String(req.ID[:i]), Scope: aws.String(req.ID[i+1:])})
	if ssoNotFound(err) {
		return infer.ReadResponse[ApplicationAccessScopeArgs, ApplicationAccessScopeState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[ApplicationAccessScopeArgs, ApplicationAccessScopeState]{}, fmt.Errorf(
			"reading SSO Admin Application Access Scope (%s): %w", req.ID, err)
	}
	x := ApplicationAccessScopeArgs{ApplicationArn: req.ID[:i], Scope: aws.ToString(out.Scope),
		AuthorizedTargets: out.AuthorizedTargets}
	return infer.ReadResponse[ApplicationAccessScopeArgs, ApplicationAccessScopeState]{ID: req.ID, Inputs: x,
		State: ApplicationAccessScopeState{x}}, nil
}

// Delete deletes the scope.
func (*ApplicationAccessScope) Delete(ctx context.Context, req infer.DeleteRequest[ApplicationAccessScopeState]) (
	infer.DeleteResponse, error,
) {
	x := req.State.ApplicationAccessScopeArgs
	_, err := config(ctx).sso.DeleteApplicationAccessScope(ctx, &ssoadmin.DeleteApplicationAccessScopeInput{
		ApplicationArn: aws.String(x.ApplicationArn), Scope: aws.String(x.Scope)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Admin Application Access Scope (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// ApplicationAssignment is aws:ssoadmin/applicationAssignment:ApplicationAssignment
// (terraform-provider-aws internal/service/ssoadmin/application_assignment.go):
// ID APPLICATION_ARN,PRINCIPAL_ID,PRINCIPAL_TYPE; every input replaces;
// Create/Describe/Delete ApplicationAssignment.
type ApplicationAssignment struct{}

// ApplicationAssignmentArgs are its inputs.
type ApplicationAssignmentArgs struct {
	ApplicationArn string `pulumi:"applicationArn" provider:"replaceOnChanges"`
	PrincipalID    string `pulumi:"principalId" provider:"replaceOnChanges"`
	PrincipalType  string `pulumi:"principalType" provider:"replaceOnChanges"`
}

// ApplicationAssignmentState is its state.
type ApplicationAssignmentState struct {
	ApplicationAssignmentArgs
}

// Annotate sets pulumi-aws's token.
func (*ApplicationAssignment) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/applicationAssignment", "ApplicationAssignment")
}

// Create assigns the principal.
func (*ApplicationAssignment) Create(ctx context.Context, req infer.CreateRequest[ApplicationAssignmentArgs]) (
	infer.CreateResponse[ApplicationAssignmentState], error,
) {
	x := req.Inputs
	id := strings.Join([]string{x.ApplicationArn, x.PrincipalID, x.PrincipalType}, ",")
	if !req.DryRun {
		if _, err := config(ctx).sso.CreateApplicationAssignment(ctx, &ssoadmin.CreateApplicationAssignmentInput{
			ApplicationArn: aws.String(x.ApplicationArn), PrincipalId: aws.String(x.PrincipalID),
			PrincipalType: types.PrincipalType(x.PrincipalType)}); err != nil {
			return infer.CreateResponse[ApplicationAssignmentState]{}, fmt.Errorf("creating SSO Admin Application "+
				"Assignment (%s): %w", id, err)
		}
	}
	return infer.CreateResponse[ApplicationAssignmentState]{ID: id, Output: ApplicationAssignmentState{x}}, nil
}

// Read describes the assignment.
func (*ApplicationAssignment) Read(ctx context.Context,
	req infer.ReadRequest[ApplicationAssignmentArgs, ApplicationAssignmentState],
) (infer.ReadResponse[ApplicationAssignmentArgs, ApplicationAssignmentState], error) {
	parts := strings.Split(req.ID, ",")
	if len(parts) != 3 {
		return infer.ReadResponse[ApplicationAssignmentArgs, ApplicationAssignmentState]{}, fmt.Errorf(
			"unexpected format for ID (%s), expected APPLICATION_ARN,PRINCIPAL_ID,PRINCIPAL_TYPE", req.ID)
	}
	x := ApplicationAssignmentArgs{ApplicationArn: parts[0], PrincipalID: parts[1], PrincipalType: parts[2]}
	_, err := config(ctx).sso.DescribeApplicationAssignment(ctx, &ssoadmin.DescribeApplicationAssignmentInput{
		ApplicationArn: aws.String(x.ApplicationArn), PrincipalId: aws.String(x.PrincipalID),
		PrincipalType: types.PrincipalType(x.PrincipalType)})
	if ssoNotFound(err) {
		return infer.ReadResponse[ApplicationAssignmentArgs, ApplicationAssignmentState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[ApplicationAssignmentArgs, ApplicationAssignmentState]{}, fmt.Errorf(
			"reading SSO Admin Application Assignment (%s): %w", req.ID, err)
	}
	return infer.ReadResponse[ApplicationAssignmentArgs, ApplicationAssignmentState]{ID: req.ID, Inputs: x,
		State: ApplicationAssignmentState{x}}, nil
}

// Delete removes the assignment.
func (*ApplicationAssignment) Delete(ctx context.Context, req infer.DeleteRequest[ApplicationAssignmentState]) (
	infer.DeleteResponse, error,
) {
	x := req.State.ApplicationAssignmentArgs
	_, err := config(ctx).sso.DeleteApplicationAssignment(ctx, &ssoadmin.DeleteApplicationAssignmentInput{
		ApplicationArn: aws.String(x.ApplicationArn), PrincipalId: aws.String(x.PrincipalID),
		PrincipalType: types.PrincipalType(x.PrincipalType)})
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Admin Application Assignment (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// ApplicationAssignmentConfiguration is
// aws:ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration
// (terraform-provider-aws internal/service/ssoadmin/application_assignment_configuration.go):
// ID the application ARN; applicationArn replaces, assignmentRequired
// updates; Put/Get ApplicationAssignmentConfiguration; Delete puts
// assignmentRequired true back, AWS's default.
type ApplicationAssignmentConfiguration struct{}

// ApplicationAssignmentConfigurationArgs are its inputs.
type ApplicationAssignmentConfigurationArgs struct {
	ApplicationArn     string `pulumi:"applicationArn" provider:"replaceOnChanges"`
	AssignmentRequired bool   `pulumi:"assignmentRequired"`
}

// ApplicationAssignmentConfigurationState is its state.
type ApplicationAssignmentConfigurationState struct {
	ApplicationAssignmentConfigurationArgs
}

// Annotate sets pulumi-aws's token.
func (*ApplicationAssignmentConfiguration) Annotate(a infer.Annotator) {
	a.SetToken("ssoadmin/applicationAssignmentConfiguration", "ApplicationAssignmentConfiguration")
}

func (c *Config) putAssignmentConfiguration(ctx context.Context, arn string, required bool) error {
	_, err := c.sso.PutApplicationAssignmentConfiguration(ctx, &ssoadmin.PutApplicationAssignmentConfigurationInput{
		ApplicationArn: aws.String(arn), AssignmentRequired: aws.Bool(required)})
	return err
}

// Create puts the configuration.
func (*ApplicationAssignmentConfiguration) Create(ctx context.Context,
	req infer.CreateRequest[ApplicationAssignmentConfigurationArgs],
) (infer.CreateResponse[ApplicationAssignmentConfigurationState], error) {
	x := req.Inputs
	if !req.DryRun {
		if err := config(ctx).putAssignmentConfiguration(ctx, x.ApplicationArn, x.AssignmentRequired); err != nil {
			return infer.CreateResponse[ApplicationAssignmentConfigurationState]{}, fmt.Errorf("creating SSO Admin "+
				"Application Assignment Configuration (%s): %w", x.ApplicationArn, err)
		}
	}
	return infer.CreateResponse[ApplicationAssignmentConfigurationState]{ID: x.ApplicationArn,
		Output: ApplicationAssignmentConfigurationState{x}}, nil
}

// Read gets the configuration.
func (*ApplicationAssignmentConfiguration) Read(ctx context.Context,
	req infer.ReadRequest[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState],
) (infer.ReadResponse[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState], error) {
	out, err := config(ctx).sso.GetApplicationAssignmentConfiguration(ctx,
		&ssoadmin.GetApplicationAssignmentConfigurationInput{ApplicationArn: aws.String(req.ID)})
	if ssoNotFound(err) {
		return infer.ReadResponse[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState]{},
			fmt.Errorf("reading SSO Admin Application Assignment Configuration (%s): %w", req.ID, err)
	}
	x := ApplicationAssignmentConfigurationArgs{ApplicationArn: req.ID, AssignmentRequired: aws.ToBool(out.AssignmentRequired)}
	return infer.ReadResponse[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState]{
		ID: req.ID, Inputs: x, State: ApplicationAssignmentConfigurationState{x}}, nil
}

// Update puts the new configuration.
func (*ApplicationAssignmentConfiguration) Update(ctx context.Context,
	req infer.UpdateRequest[ApplicationAssignmentConfigurationArgs, ApplicationAssignmentConfigurationState],
) (infer.UpdateResponse[ApplicationAssignmentConfigurationState], error) {
	if !req.DryRun {
		if err := config(ctx).putAssignmentConfiguration(ctx, req.ID, req.Inputs.AssignmentRequired); err != nil {
			return infer.UpdateResponse[ApplicationAssignmentConfigurationState]{}, fmt.Errorf("updating SSO Admin "+
				"Application Assignment Configuration (%s): %w", req.ID, err)
		}
	}
	return infer.UpdateResponse[ApplicationAssignmentConfigurationState]{
		Output: ApplicationAssignmentConfigurationState{req.Inputs}}, nil
}

// Delete restores AWS's default, assignment required.
func (*ApplicationAssignmentConfiguration) Delete(ctx context.Context,
	req infer.DeleteRequest[ApplicationAssignmentConfigurationState],
) (infer.DeleteResponse, error) {
	err := config(ctx).putAssignmentConfiguration(ctx, req.ID, true)
	if err != nil && !ssoNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting SSO Admin Application Assignment Configuration (%s): %w",
			req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
