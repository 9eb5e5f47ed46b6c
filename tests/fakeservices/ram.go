package fakeservices

import (
	"net/http"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// RAMPrincipal is AWS RAM's service principal.
const RAMPrincipal = "ram.amazonaws.com"

// RAM fakes AWS RAM's EnableSharingWithAwsOrganization (REST-JSON, POST
// /enablesharingwithawsorganization, signing name ram), which enables RAM's
// trusted access in the organization on the caller's behalf, as AWS does
// (https://docs.aws.amazon.com/ram/latest/userguide/getting-started-sharing.html).
type RAM struct{ org *fakeorg.Server }

// NewRAM returns a fake whose organization is org.
func NewRAM(org *fakeorg.Server) *RAM { return &RAM{org: org} }

// ServeHTTP answers one call.
func (f *RAM) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/enablesharingwithawsorganization" {
		restError(w, http.StatusNotFound, "UnknownOperationException", "no operation at "+r.Method+" "+r.URL.Path)
		return
	}
	f.org.EnableOutOfBand(RAMPrincipal)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"returnValue":true}`))
}
