package fakeservices

import (
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeaws"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
)

// IPAMPrincipal is the service principal IPAM's delegated administrator is
// registered under in Organizations.
const IPAMPrincipal = "ipam.amazonaws.com"

// The opt-in statuses DescribeRegions answers (its optInStatus).
const (
	OptInNotRequired = "opt-in-not-required"
	OptedIn          = "opted-in"
	NotOptedIn       = "not-opted-in"
)

// ec2XMLNS is the namespace of EC2's answers (API version 2016-11-15).
const ec2XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/"

// awsRegions are the Regions of the aws partition, and whether each is an
// opt-in Region (launched after 2019-03-20, enabled per account), as the AWS
// Regions page lists them
// (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
// The fake keeps its own table, not the catalog's, so that the components'
// Region checks are tested against an independent answer.
var awsRegions = map[string]bool{
	"us-east-1": false, "us-east-2": false, "us-west-1": false, "us-west-2": false, "ca-central-1": false,
	"sa-east-1": false, "eu-west-1": false, "eu-west-2": false, "eu-west-3": false, "eu-central-1": false,
	"eu-north-1": false, "ap-northeast-1": false, "ap-northeast-2": false, "ap-northeast-3": false,
	"ap-south-1": false, "ap-southeast-1": false, "ap-southeast-2": false,
	"af-south-1": true, "ap-east-1": true, "ap-east-2": true, "ap-south-2": true, "ap-southeast-3": true,
	"ap-southeast-4": true, "ap-southeast-5": true, "ap-southeast-7": true, "ca-west-1": true,
	"eu-central-2": true, "eu-south-1": true, "eu-south-2": true, "il-central-1": true, "me-central-1": true,
	"me-south-1": true, "mx-central-1": true,
}

// EC2 fakes the Amazon EC2 calls pulumi-aws makes for aws.getRegions and
// ec2.VpcIpamOrganizationAdminAccount (the EC2 query protocol: form-encoded
// POST of Action=... with Version 2016-11-15, XML answers, errors as
// <Response><Errors><Error>):
//   - DescribeRegions, per caller account: the Regions enabled for it
//     (opt-in-not-required and opted-in) or, with AllRegions, every Region
//     with its optInStatus; filtered by region-name, endpoint and
//     opt-in-status, and by RegionName. An opt-in Region is not-opted-in
//     until SetOptIn enables it for the account.
//   - EnableIpamOrganizationAdminAccount and
//     DisableIpamOrganizationAdminAccount, from the organization's
//     management account only: enabling registers the account as the
//     delegated administrator for ipam.amazonaws.com in the organization
//     (enabling that principal's trusted access, as IPAM does), disabling
//     deregisters it (trusted access stays: it is disabled through
//     Organizations); the registration is what terraform-provider-aws reads
//     back, with ListDelegatedAdministrators.
//
// A request's account is that of credentials from STS's AssumeRole
// (AssumedAccount), or else the organization's caller.
type EC2 struct {
	org *fakeorg.Server

	mu    sync.Mutex
	optIn map[string]map[string]string // account -> region -> status of an opt-in Region
	calls map[string]int
}

// NewEC2 returns an EC2 fake on org, with every opt-in Region not enabled.
func NewEC2(org *fakeorg.Server) *EC2 {
	return &EC2{org: org, optIn: map[string]map[string]string{}, calls: map[string]int{}}
}

// SetOptIn sets an opt-in Region's status for account: OptedIn (enabled)
// or NotOptedIn. It panics for a Region enabled in every account or a
// status DescribeRegions does not answer for an opt-in Region.
func (e *EC2) SetOptIn(account, region, status string) {
	if optIn, ok := awsRegions[region]; !ok || !optIn || (status != OptedIn && status != NotOptedIn) {
		panic(fmt.Sprintf("fakeservices: SetOptIn(%q, %q): not an opt-in Region of the aws partition, or a "+
			"status other than %s and %s", region, status, OptedIn, NotOptedIn))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.optIn[account] == nil {
		e.optIn[account] = map[string]string{}
	}
	e.optIn[account][region] = status
}

// Calls returns the calls so far, by Action.
func (e *EC2) Calls() map[string]int {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := map[string]int{}
	for k, v := range e.calls {
		out[k] = v
	}
	return out
}

// ServeHTTP answers one call.
func (e *EC2) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if ae := fakeaws.CheckScope(r, fakeaws.Query, "", "ec2"); ae != nil {
		ec2Error(w, ae.Status, ae.Code, ae.Message)
		return
	}
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost {
		ec2Error(w, http.StatusBadRequest, "MalformedQueryString", "expected a form-encoded POST")
		return
	}
	f := r.PostForm
	action := f.Get("Action")
	if f.Get("Version") != "2016-11-15" {
		ec2Error(w, http.StatusBadRequest, "InvalidAction", "expected Version 2016-11-15")
		return
	}
	account := AssumedAccount(r)
	if account == "" {
		account = e.org.CallerAccountID()
	}
	e.mu.Lock()
	e.calls[action]++
	e.mu.Unlock()
	switch action {
	case "DescribeRegions":
		e.describeRegions(w, f, account)
	case "EnableIpamOrganizationAdminAccount", "DisableIpamOrganizationAdminAccount":
		e.ipamAdmin(w, f, action, account)
	default:
		ec2Error(w, http.StatusBadRequest, "InvalidAction", "the fake EC2 does not serve "+action)
	}
}

// regionFilterNames are the filters DescribeRegions takes.
var regionFilterNames = []string{"endpoint", "opt-in-status", "region-name"}

func (e *EC2) describeRegions(w http.ResponseWriter, f url.Values, account string) {
	filters := map[string][]string{}
	for i := 1; f.Has(fmt.Sprintf("Filter.%d.Name", i)); i++ {
		name := f.Get(fmt.Sprintf("Filter.%d.Name", i))
		if !slices.Contains(regionFilterNames, name) {
			ec2Error(w, http.StatusBadRequest, "InvalidParameterValue", fmt.Sprintf("The filter '%s' is invalid", name))
			return
		}
		for j := 1; f.Has(fmt.Sprintf("Filter.%d.Value.%d", i, j)); j++ {
			filters[name] = append(filters[name], f.Get(fmt.Sprintf("Filter.%d.Value.%d", i, j)))
		}
	}
	var names []string
	for i := 1; f.Has(fmt.Sprintf("RegionName.%d", i)); i++ {
		n := f.Get(fmt.Sprintf("RegionName.%d", i))
		if _, ok := awsRegions[n]; !ok {
			ec2Error(w, http.StatusBadRequest, "InvalidParameterValue", fmt.Sprintf("Invalid region: %s", n))
			return
		}
		names = append(names, n)
	}
	all := f.Get("AllRegions") == "true"
	e.mu.Lock()
	statuses := map[string]string{}
	for region, optIn := range awsRegions {
		statuses[region] = OptInNotRequired
		if optIn {
			statuses[region] = NotOptedIn
			if s, ok := e.optIn[account][region]; ok {
				statuses[region] = s
			}
		}
	}
	e.mu.Unlock()
	match := func(filter, value string) bool {
		values, ok := filters[filter]
		return !ok || slices.Contains(values, value)
	}
	var b strings.Builder
	for _, region := range slices.Sorted(maps.Keys(statuses)) {
		status, endpoint := statuses[region], "ec2."+region+".amazonaws.com"
		if (!all && status == NotOptedIn) || (len(names) > 0 && !slices.Contains(names, region)) ||
			!match("region-name", region) || !match("endpoint", endpoint) || !match("opt-in-status", status) {
			continue
		}
		fmt.Fprintf(&b, "<item><regionName>%s</regionName><regionEndpoint>%s</regionEndpoint>"+
			"<optInStatus>%s</optInStatus></item>", region, endpoint, status)
	}
	ec2Result(w, "DescribeRegions", "<regionInfo>"+b.String()+"</regionInfo>")
}

var ec2AccountID = regexp.MustCompile(`^\d{12}$`)

// ipamAdmin enables or disables IPAM's delegated administrator, with the
// error codes EC2 gives: IpamOrganizationAccountNotFound for an account
// outside the organization, IpamOrganizationDelegatedAdminLimitExceeded for
// a second administrator, IpamOrganizationAccountNotRegistered when
// disabling an account that is not it (the code terraform-provider-aws's
// delete tolerates), UnauthorizedOperation for a caller other than the
// management account, DryRunOperation for a permitted DryRun.
func (e *EC2) ipamAdmin(w http.ResponseWriter, f url.Values, action, caller string) {
	account := f.Get("DelegatedAdminAccountId")
	mgmt := e.org.ManagementAccountID()
	switch {
	case account == "":
		ec2Error(w, http.StatusBadRequest, "MissingParameter", "The request must contain the parameter "+
			"DelegatedAdminAccountId")
		return
	case !ec2AccountID.MatchString(account):
		ec2Error(w, http.StatusBadRequest, "InvalidParameterValue", fmt.Sprintf("Value (%s) for parameter "+
			"DelegatedAdminAccountId is invalid: an account ID has 12 digits", account))
		return
	case caller != mgmt:
		ec2Error(w, http.StatusForbidden, "UnauthorizedOperation", fmt.Sprintf("You are not authorized to perform "+
			"this operation: %s is not the organization's management account, which alone can call ec2:%s", caller,
			action))
		return
	case f.Get("DryRun") == "true":
		ec2Error(w, http.StatusPreconditionFailed, "DryRunOperation", "Request would have succeeded, but DryRun "+
			"flag is set.")
		return
	}
	current := e.org.DelegatedAdmins(IPAMPrincipal)
	if action == "EnableIpamOrganizationAdminAccount" {
		switch {
		case account == mgmt:
			ec2Error(w, http.StatusBadRequest, "InvalidParameterValue", "The organization's management account "+
				"cannot be the IPAM delegated administrator: choose a member account")
			return
		case !e.org.HasAccount(account):
			ec2Error(w, http.StatusBadRequest, "IpamOrganizationAccountNotFound", fmt.Sprintf("The account %s "+
				"does not belong to your organization.", account))
			return
		case len(current) > 0 && !slices.Contains(current, account):
			ec2Error(w, http.StatusBadRequest, "IpamOrganizationDelegatedAdminLimitExceeded", fmt.Sprintf("An "+
				"IPAM delegated administrator (%s) already exists; an organization has one.", current[0]))
			return
		}
		e.org.EnableOutOfBand(IPAMPrincipal)
		e.org.RegisterOutOfBand(IPAMPrincipal, account)
	} else {
		if !slices.Contains(current, account) {
			ec2Error(w, http.StatusBadRequest, "IpamOrganizationAccountNotRegistered", fmt.Sprintf("The account "+
				"%s is not registered as the IPAM delegated administrator.", account))
			return
		}
		e.org.DeregisterOutOfBand(IPAMPrincipal, account)
	}
	ec2Result(w, action, "<success>true</success>")
}

// IPAMAdmins returns IPAM's delegated administrators, as Organizations
// lists them.
func (e *EC2) IPAMAdmins() []string {
	out := e.org.DelegatedAdmins(IPAMPrincipal)
	sort.Strings(out)
	return out
}

func ec2Result(w http.ResponseWriter, action, body string) {
	w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
	fmt.Fprintf(w, `<%sResponse xmlns="%s"><requestId>fake</requestId>%s</%sResponse>`, action, ec2XMLNS, body, action)
}

func ec2Error(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>`+
		`<RequestID>fake</RequestID></Response>`, code, html.EscapeString(msg))
}
