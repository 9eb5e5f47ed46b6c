// Package fakebrownfield serves a fake AWS organization that is already set
// up, behind one endpoint: Organizations (tests/fakeorg, with its OU tree),
// IAM Identity Center and the identity store (tests/fakesso, with permission
// sets and named principals), the services' own administrator APIs, Service
// Catalog, EC2's Regions and IPAM administrator, and STS (tests/fakeservices). Requests go to the fake of the
// service their SigV4 credential scope names, so AWS_ENDPOINT_URL (or an
// aws.Config's BaseEndpoint) set to URL serves every client, as for
// `orgtrust discover`.
package fakebrownfield

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/orgtrust/pulumi-orgtrust/tests/fakeorg"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakeservices"
	"github.com/orgtrust/pulumi-orgtrust/tests/fakesso"
)

// Options configure the fake.
type Options struct {
	// Clock is Identity Center's time source (default the wall clock).
	Clock fakesso.Clock
	// RequestsPerSecond is Identity Center's quota (default AWS's 20).
	RequestsPerSecond int
	// NoInstance: IAM Identity Center is not enabled.
	NoInstance bool
	// PageSize is Organizations' page and SSOPageSize Identity Center's
	// (defaults fakeorg.DefaultPageSize and fakesso.DefaultPageSize, small
	// so that the lists cross pages; the largest AWS returns are
	// fakeorg.MaxPageSize and fakesso.MaxPageSize).
	PageSize, SSOPageSize int
}

// Org is a running fake organization.
type Org struct {
	Orgs    *fakeorg.Server
	SSO     *fakesso.Server
	Admins  *fakeservices.Admins
	Catalog *fakeservices.ServiceCatalog
	STS     *fakeservices.STS
	// Analyzer serves IAM Access Analyzer's analyzers.
	Analyzer *fakeservices.AccessAnalyzer
	// OrgConfigs are the services' organization configurations, which
	// only their administrator reads, through a role it assumes.
	OrgConfigs *fakeservices.OrgConfigs
	// IAM serves roles and Config the configuration aggregators, in the
	// caller's account, for the organization configuration of Config.
	IAM    *fakeservices.IAM
	Config *fakeservices.ConfigService
	// EC2 serves DescribeRegions (per account: SetOptIn enables an opt-in
	// Region) and IPAM's delegated administrator, registered in Orgs.
	EC2 *fakeservices.EC2

	srv *httptest.Server

	logMu sync.Mutex
	log   []Call
}

// Call is one request the fake received, in arrival order: the service (the
// SigV4 signing name), the operation (X-Amz-Target's operation for JSON
// protocols, "METHOD /path" for REST ones) and, for Organizations, the
// service principal the request names; the Region its signature names, and
// the account of credentials from STS's AssumeRole ("" for others: the
// management account's).
type Call struct {
	Service, Operation, Principal string
	Region, Account               string
}

func (c Call) String() string {
	if c.Principal != "" {
		return c.Service + ":" + c.Operation + " " + c.Principal
	}
	return c.Service + ":" + c.Operation
}

// Log returns the requests received so far, in arrival order.
func (o *Org) Log() []Call {
	o.logMu.Lock()
	defer o.logMu.Unlock()
	return append([]Call(nil), o.log...)
}

// record appends r to the log; it reads the body for the principal and puts
// it back.
func (o *Org) record(r *http.Request, service string) {
	region, _, _ := fakeservices.Scope(r)
	c := Call{Service: service, Operation: r.Method + " " + r.URL.Path, Region: region,
		Account: fakeservices.AssumedAccount(r)}
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		c.Operation = target[strings.LastIndex(target, ".")+1:]
	}
	if service == "organizations" && r.Body != nil {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		var req struct{ ServicePrincipal string }
		_ = json.Unmarshal(body, &req)
		c.Principal = req.ServicePrincipal
	}
	o.logMu.Lock()
	o.log = append(o.log, c)
	o.logMu.Unlock()
}

// New starts an empty organization: its management account, no OU, no
// trusted access, an Identity Center instance (unless NoInstance) without
// permission sets. Call Close when done.
func New(opts Options) *Org {
	o := &Org{
		Orgs: fakeorg.New(fakeorg.Options{PageSize: opts.PageSize}),
		SSO: fakesso.New(fakesso.Options{Clock: opts.Clock, RequestsPerSecond: opts.RequestsPerSecond,
			NoInstance: opts.NoInstance, PageSize: opts.SSOPageSize}),
		Admins:  fakeservices.NewAdmins(),
		Catalog: fakeservices.NewServiceCatalog(),
		STS:     fakeservices.NewSTS(fakeorg.DefaultManagementAccountID),

		OrgConfigs: fakeservices.NewOrgConfigs(),
	}
	o.Catalog.SetOrganization(o.Orgs)
	// The administrators that Admins designates have their organization
	// configuration (GuardDuty's detector among it), as AWS makes it.
	o.OrgConfigs.UseAdmins(o.Admins)
	// Firewall Manager's, Audit Manager's and CloudTrail's administrators
	// are Organizations delegated administrators, as AWS registers them.
	o.Admins.UseOrganization(o.Orgs)
	// Macie's, Inspector's and Detective's members are the organization's
	// accounts, with its emails.
	o.OrgConfigs.UseOrganization(o.Orgs)
	o.IAM = fakeservices.NewIAM(fakeorg.DefaultManagementAccountID)
	o.Config = fakeservices.NewConfigService(o.Orgs, o.IAM, fakeorg.DefaultManagementAccountID)
	o.Analyzer = fakeservices.NewAccessAnalyzer(o.Orgs, fakeorg.DefaultManagementAccountID)
	o.EC2 = fakeservices.NewEC2(o.Orgs)
	ram := fakeservices.NewRAM(o.Orgs)
	o.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, service, ok := fakeservices.Scope(r)
		if ok {
			o.record(r, service)
		}
		switch {
		case !ok:
			http.Error(w, "the request must be signed with SigV4", http.StatusForbidden)
		case service == "organizations":
			o.Orgs.ServeHTTP(w, r)
		case service == "sso" || service == "identitystore":
			o.SSO.ServeHTTP(w, r)
		case service == "servicecatalog":
			o.Catalog.ServeHTTP(w, r)
		case service == "ram":
			ram.ServeHTTP(w, r)
		case service == "access-analyzer":
			o.Analyzer.ServeHTTP(w, r)
		case service == "iam":
			o.IAM.ServeHTTP(w, r)
		case service == "config":
			o.Config.ServeHTTP(w, r)
		case service == "sts":
			o.STS.ServeHTTP(w, r)
		case service == "ec2":
			o.EC2.ServeHTTP(w, r)
		case o.OrgConfigs.Serves(r):
			o.OrgConfigs.ServeHTTP(w, r)
		case o.Admins.Serves(service):
			o.Admins.ServeHTTP(w, r)
		default:
			http.Error(w, "the fake organization does not serve "+service, http.StatusNotFound)
		}
	}))
	return o
}

// URL is the endpoint of every service.
func (o *Org) URL() string { return o.srv.URL }

// Close stops every fake.
func (o *Org) Close() {
	o.srv.Close()
	o.Orgs.Close()
	o.SSO.Close()
}

// AWSConfig is a configuration for clients of the fake: Region us-east-1,
// static credentials, every service at URL. It reads nothing from the
// environment.
func (o *Org) AWSConfig(context.Context) aws.Config {
	return aws.Config{
		Region: fakeorg.Region,
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(fakeorg.AccessKeyID,
			fakeorg.SecretAccessKey, "")),
		BaseEndpoint: aws.String(o.URL()),
	}
}

// Env is the environment that points the AWS SDK's standard configuration at
// the fake: AWS_ENDPOINT_URL, AWS_REGION and static credentials, with no
// profile or shared files.
func (o *Org) Env() []string {
	return []string{
		"AWS_ENDPOINT_URL=" + o.URL(), "AWS_REGION=" + fakeorg.Region,
		"AWS_ACCESS_KEY_ID=" + fakeorg.AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + fakeorg.SecretAccessKey,
		"AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true",
	}
}
