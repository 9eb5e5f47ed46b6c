package provider

import (
	"context"
	_ "embed"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/notifications"
	ntypes "github.com/aws/aws-sdk-go-v2/service/notifications/types"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

//go:embed docs/notificationsorganizationsaccess.md
var notificationsOrganizationsAccessDoc string

// notificationsID is the ID of the one NotificationsOrganizationsAccess an
// organization has: the principal whose trusted access it manages.
const notificationsID = "notifications.amazon.com"

// NotificationsOrganizationsAccess enables trusted access between AWS User
// Notifications and AWS Organizations with User Notifications' own API, which
// AWS requires (enabling through Organizations leaves it unconfigured).
type NotificationsOrganizationsAccess struct{}

// Compile-time checks that the resource implements the life cycle.
var (
	_ infer.CustomResource[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState] = (*NotificationsOrganizationsAccess)(nil)
	_ infer.CustomRead[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState]     = (*NotificationsOrganizationsAccess)(nil)
	_ infer.CustomUpdate[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState]   = (*NotificationsOrganizationsAccess)(nil)
	_ infer.CustomDelete[NotificationsOrganizationsAccessState]                                         = (*NotificationsOrganizationsAccess)(nil)
)

// NotificationsOrganizationsAccessArgs are the inputs of NotificationsOrganizationsAccess.
type NotificationsOrganizationsAccessArgs struct {
	DisableOnDelete *bool `pulumi:"disableOnDelete,optional"`
}

// NotificationsOrganizationsAccessState is the state of NotificationsOrganizationsAccess.
type NotificationsOrganizationsAccessState struct {
	NotificationsOrganizationsAccessArgs
	AccessStatus        string `pulumi:"accessStatus"`
	WillDisableOnDelete bool   `pulumi:"willDisableOnDelete"`
}

// Annotate documents the resource.
func (r *NotificationsOrganizationsAccess) Annotate(a infer.Annotator) {
	a.Describe(r, notificationsOrganizationsAccessDoc)
}

// Annotate documents the inputs.
func (a *NotificationsOrganizationsAccessArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.DisableOnDelete, "Whether deleting the resource disables User Notifications' organizations "+
		"access (DisableNotificationsAccessForOrganization). Defaults to true.")
}

// Annotate documents the outputs.
func (s *NotificationsOrganizationsAccessState) Annotate(a infer.Annotator) {
	a.Describe(&s.AccessStatus, "The status GetNotificationsAccessForOrganization reports: `ENABLED`, or "+
		"`PENDING` while User Notifications finishes enabling it.")
	a.Describe(&s.WillDisableOnDelete, "Whether deleting this resource will disable organizations access: "+
		"`disableOnDelete` with its default applied.")
}

func notificationsStateOf(args NotificationsOrganizationsAccessArgs, status ntypes.AccessStatus) NotificationsOrganizationsAccessState {
	return NotificationsOrganizationsAccessState{
		NotificationsOrganizationsAccessArgs: args,
		AccessStatus:                         string(status),
		WillDisableOnDelete:                  args.DisableOnDelete == nil || *args.DisableOnDelete,
	}
}

// notificationsAccessOn says whether a status means access is on or turning on.
func notificationsAccessOn(s ntypes.AccessStatus) bool {
	return s == ntypes.AccessStatusEnabled || s == ntypes.AccessStatusPending
}

func getNotificationsAccess(ctx context.Context, api awsapi.Notifications) (ntypes.AccessStatus, error) {
	out, err := api.GetNotificationsAccessForOrganization(ctx, &notifications.GetNotificationsAccessForOrganizationInput{})
	if err != nil {
		return "", explainService("notifications:GetNotificationsAccessForOrganization", err)
	}
	if out.NotificationsAccessForOrganization == nil {
		return ntypes.AccessStatusDisabled, nil
	}
	return out.NotificationsAccessForOrganization.AccessStatus, nil
}

// Create enables organizations access; access already on is adopted.
func (*NotificationsOrganizationsAccess) Create(ctx context.Context,
	req infer.CreateRequest[NotificationsOrganizationsAccessArgs],
) (infer.CreateResponse[NotificationsOrganizationsAccessState], error) {
	type resp = infer.CreateResponse[NotificationsOrganizationsAccessState]
	if req.DryRun {
		return resp{ID: notificationsID, Output: notificationsStateOf(req.Inputs, ntypes.AccessStatusEnabled)}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	api, err := cfg.notifications(ctx)
	if err != nil {
		return resp{}, err
	}
	status, err := getNotificationsAccess(ctx, api)
	if err != nil {
		return resp{}, err
	}
	if !notificationsAccessOn(status) {
		orgs, err := cfg.orgs(ctx)
		if err != nil {
			return resp{}, err
		}
		// Enabling turns on trusted access in Organizations: through the queue.
		if err := orgs.serviceWrite(ctx, "notifications:EnableNotificationsAccessForOrganization", func() error {
			_, err := api.EnableNotificationsAccessForOrganization(ctx, &notifications.EnableNotificationsAccessForOrganizationInput{})
			return err
		}); err != nil {
			return resp{}, fmt.Errorf("enabling User Notifications organizations access: %w", err)
		}
		if status, err = waitNotificationsAccess(ctx, cfg, api, true); err != nil {
			return resp{}, fmt.Errorf("enabled User Notifications organizations access, but "+
				"GetNotificationsAccessForOrganization reports %s: %w", status, err)
		}
	}
	return resp{ID: notificationsID, Output: notificationsStateOf(req.Inputs, status)}, nil
}

// Read reports the resource gone when access was disabled out of band. Import
// takes the ID notificationsID, and fails when access is not enabled
// (nothingToImport).
func (*NotificationsOrganizationsAccess) Read(ctx context.Context,
	req infer.ReadRequest[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState],
) (infer.ReadResponse[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState], error) {
	type resp = infer.ReadResponse[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState]
	if req.ID != notificationsID {
		return resp{}, fmt.Errorf("%q is not the ID of User Notifications organizations access: an organization "+
			"has one, imported with the ID %q", req.ID, notificationsID)
	}
	api, err := infer.GetConfig[*Config](ctx).notifications(ctx)
	if err != nil {
		return resp{}, err
	}
	status, err := getNotificationsAccess(ctx, api)
	if err != nil {
		return resp{}, err
	}
	switch {
	case !notificationsAccessOn(status) && req.State.AccessStatus == "": // an import: no prior state
		return resp{}, nothingToImport(fmt.Sprintf("User Notifications organizations access is %s", status),
			"create the resource without importing it (its create enables access), "+
				"or check `aws notifications get-notifications-access-for-organization`")
	case !notificationsAccessOn(status):
		return resp{}, nil
	}
	return resp{ID: notificationsID, Inputs: req.Inputs, State: notificationsStateOf(req.Inputs, status)}, nil
}

// Update changes only what delete does: no AWS call.
func (*NotificationsOrganizationsAccess) Update(_ context.Context,
	req infer.UpdateRequest[NotificationsOrganizationsAccessArgs, NotificationsOrganizationsAccessState],
) (infer.UpdateResponse[NotificationsOrganizationsAccessState], error) {
	return infer.UpdateResponse[NotificationsOrganizationsAccessState]{
		Output: notificationsStateOf(req.Inputs, ntypes.AccessStatus(req.State.AccessStatus)),
	}, nil
}

// Delete disables organizations access unless the resource keeps it.
func (*NotificationsOrganizationsAccess) Delete(ctx context.Context,
	req infer.DeleteRequest[NotificationsOrganizationsAccessState],
) (infer.DeleteResponse, error) {
	if !req.State.WillDisableOnDelete {
		p.GetLogger(ctx).Infof("keeping User Notifications organizations access (disableOnDelete is false)")
		return infer.DeleteResponse{}, nil
	}
	cfg := infer.GetConfig[*Config](ctx)
	api, err := cfg.notifications(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	orgs, err := cfg.orgs(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	if err := orgs.serviceWrite(ctx, "notifications:DisableNotificationsAccessForOrganization", func() error {
		_, err := api.DisableNotificationsAccessForOrganization(ctx, &notifications.DisableNotificationsAccessForOrganizationInput{})
		return err
	}); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabling User Notifications organizations access: %w", err)
	}
	if status, err := waitNotificationsAccess(ctx, cfg, api, false); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("disabled User Notifications organizations access, but "+
			"GetNotificationsAccessForOrganization reports %s: %w", status, err)
	}
	return infer.DeleteResponse{}, nil
}

// waitNotificationsAccess reads the status until access is on (or off): it
// lags the enable and disable (propagation). It returns the last status
// read.
func waitNotificationsAccess(ctx context.Context, cfg *Config, api awsapi.Notifications, on bool) (
	ntypes.AccessStatus, error,
) {
	var status ntypes.AccessStatus
	want := "enabled"
	if !on {
		want = "disabled"
	}
	err := cfg.propagation().wait(ctx, "GetNotificationsAccessForOrganization to report access "+want,
		func(ctx context.Context) (bool, error) {
			var err error
			status, err = getNotificationsAccess(ctx, api)
			return notificationsAccessOn(status) == on, err
		})
	return status, err
}
