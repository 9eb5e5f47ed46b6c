package fakeservices

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// CloudFormation operations the fake implements.
const (
	OpActivateOrganizationsAccess   = "ActivateOrganizationsAccess"
	OpDeactivateOrganizationsAccess = "DeactivateOrganizationsAccess"
	OpDescribeOrganizationsAccess   = "DescribeOrganizationsAccess"
)

const cfnXMLNS = "http://cloudformation.amazonaws.com/doc/2010-05-15/"

// CloudFormation fakes the organizations-access operations of the
// CloudFormation API (the AWS query protocol: form-encoded POST /, XML
// responses, version 2010-05-15).
type CloudFormation struct{ *server }

// NewCloudFormation starts a CloudFormation fake whose organizations access
// is the StackSets principal's trusted access in org.
func NewCloudFormation(org *fakeorg.Server) *CloudFormation {
	c := &CloudFormation{}
	c.server = newServer(org, "cloudformation", fakeaws.Query, http.HandlerFunc(c.serve))
	// "You can call ActivateOrganizationsAccess from the management account
	// or a delegated administrator account" (StackSets' delegated
	// administrators are registered for member.org.stacksets).
	c.delegable = StackSetsPrincipal
	return c
}

func (c *CloudFormation) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	form, err := url.ParseQuery(string(body))
	if r.Method != http.MethodPost || err != nil || form.Get("Version") != "2010-05-15" {
		cfnError(w, http.StatusBadRequest, "InvalidAction", "expected a form-encoded POST with Version 2010-05-15")
		return
	}
	op := form.Get("Action")
	if f, ok := c.begin(r, op); ok {
		cfnError(w, f.Status, f.Code, f.message())
		return
	}
	switch op {
	case OpDescribeOrganizationsAccess:
		_, enabled := c.org.ReadEnabledPrincipals()[StackSetsPrincipal]
		status := "DISABLED"
		if enabled {
			status = "ENABLED"
		}
		cfnResult(w, op, fmt.Sprintf("<Status>%s</Status>", status))
	case OpActivateOrganizationsAccess:
		c.org.EnableOutOfBand(StackSetsPrincipal)
		cfnResult(w, op, "")
	case OpDeactivateOrganizationsAccess:
		c.org.DisableOutOfBand(StackSetsPrincipal)
		cfnResult(w, op, "")
	default:
		cfnError(w, http.StatusBadRequest, "InvalidAction", fmt.Sprintf("operation %q is not supported by this endpoint", op))
	}
}

func cfnResult(w http.ResponseWriter, op, inner string) {
	w.Header().Set("Content-Type", "text/xml")
	fmt.Fprintf(w, `<%sResponse xmlns="%s"><%sResult>%s</%sResult><ResponseMetadata><RequestId>fakecfn</RequestId></ResponseMetadata></%sResponse>`,
		op, cfnXMLNS, op, inner, op, op)
}

func cfnError(w http.ResponseWriter, status int, code, message string) {
	var msg strings.Builder
	_ = xml.EscapeText(&msg, []byte(message))
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>fakecfn</RequestId></ErrorResponse>`,
		cfnXMLNS, code, msg.String())
}
