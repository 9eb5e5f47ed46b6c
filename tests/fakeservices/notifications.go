package fakeservices

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// User Notifications operations the fake implements.
const (
	OpEnableNotificationsAccessForOrganization  = "EnableNotificationsAccessForOrganization"
	OpDisableNotificationsAccessForOrganization = "DisableNotificationsAccessForOrganization"
	OpGetNotificationsAccessForOrganization     = "GetNotificationsAccessForOrganization"

	// NotificationsPrincipal is User Notifications' principal (amazon.com, not amazonaws.com).
	NotificationsPrincipal = "notifications.amazon.com"
)

// Notifications fakes User Notifications' organizations-access operations
// (the REST-JSON protocol: POST, GET and DELETE /organization/access).
type Notifications struct{ *server }

// NewNotifications starts a User Notifications fake whose organizations
// access is notifications.amazon.com's trusted access in org.
func NewNotifications(org *fakeorg.Server) *Notifications {
	n := &Notifications{}
	n.server = newServer(org, "notifications", fakeaws.JSON, http.HandlerFunc(n.serve))
	return n
}

func (n *Notifications) serve(w http.ResponseWriter, r *http.Request) {
	ops := map[string]string{
		http.MethodPost:   OpEnableNotificationsAccessForOrganization,
		http.MethodDelete: OpDisableNotificationsAccessForOrganization,
		http.MethodGet:    OpGetNotificationsAccessForOrganization,
	}
	op, ok := ops[r.Method]
	if r.URL.Path != "/organization/access" || !ok {
		slError(w, http.StatusNotFound, "ResourceNotFoundException", fmt.Sprintf("no operation at %s %s", r.Method, r.URL.Path))
		return
	}
	if f, ok := n.begin(r, op); ok {
		slError(w, f.Status, f.Code, f.message())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch op {
	case OpEnableNotificationsAccessForOrganization:
		n.org.EnableOutOfBand(NotificationsPrincipal)
	case OpDisableNotificationsAccessForOrganization:
		n.org.DisableOutOfBand(NotificationsPrincipal)
	case OpGetNotificationsAccessForOrganization:
		status := "DISABLED"
		if _, on := n.org.ReadEnabledPrincipals()[NotificationsPrincipal]; on {
			status = "ENABLED"
		}
		b, _ := json.Marshal(map[string]any{"notificationsAccessForOrganization": map[string]string{"accessStatus": status}})
		_, _ = w.Write(b)
		return
	}
	w.WriteHeader(http.StatusOK)
}
