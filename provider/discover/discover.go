// Package discover reads an existing AWS organization, read-only, and turns
// it into the stack configuration of the organization baseline
// (examples/baseline) that reproduces it: `orgtrust discover`
// (provider/cmd/orgtrust). The configuration carries the components' adopt
// inputs, so that the first `pulumi up` imports what exists instead of
// creating it.
//
// It reads trusted access and Organizations' delegated administrators, each
// catalog service's own administrator API in every Region it needs (one
// reader per service, keyed by the catalog's admin resource), IAM Identity
// Center (the instance, permission sets and their policies, the identity
// store's principals, every account assignment, ABAC), and Service Catalog
// (organization access, portfolios, shares, principals). Every list is
// paginated, every call goes through the AWS SDK's retryer, and Identity
// Center's calls share one rate limiter within its 20 requests per second.
package discover

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	orgtypes "github.com/aws/aws-sdk-go-v2/service/organizations/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// Options say what to read and how.
type Options struct {
	// Config is the AWS configuration: credentials, Region and endpoints,
	// from the SDK's standard sources (config.LoadDefaultConfig).
	Config aws.Config
	// Services are the catalog keys to read; empty reads every service.
	// "sso" is IAM Identity Center and "servicecatalog" Service Catalog.
	Services []string
	// Regions are the Regions to read the per-Region admin APIs in; empty
	// reads the configured Region only.
	Regions []string
	// Progress receives a progress line per step; nil discards them.
	Progress io.Writer
	// Clock is the rate limiter's time source (default the wall clock; a
	// simulated clock in benchmarks).
	Clock awsapi.Clock
	// RequestsPerSecond is Identity Center's rate (default
	// awsapi.IdentityCenterRequestsPerSecond, its quota).
	RequestsPerSecond float64
	// AdministratorRole is the role to assume in the services' delegated
	// administrator accounts to read their organization configuration: a
	// role name (default components.DefaultAdministratorRole) or ARN.
	AdministratorRole string
}

// A problem with discover's input (its flags, its AWS configuration, the
// account its credentials belong to) stops it before it writes anything.
// It is reported with the components' input error type: a
// components.InputErrors of *components.InputError, each with the flag it
// is about (Field, such as "--regions[0]"; empty when no flag is), the bad
// value, and what to do.

// inputError is one problem with discover's input that is no flag's.
func inputError(format string, args ...any) error {
	return components.InputErrors{{Message: fmt.Sprintf(format, args...)}}
}

// Result is what Run read, and the calls it made.
type Result struct {
	Inventory *Inventory
	// Calls counts the calls by IAM action, retries not counted.
	Calls map[string]int
	// Elapsed is the time the reads took on Options.Clock.
	Elapsed time.Duration
}

// TotalCalls is the number of calls Run made.
func (r *Result) TotalCalls() int {
	n := 0
	for _, c := range r.Calls {
		n += c
	}
	return n
}

// discoverer holds one run.
type discoverer struct {
	// role is the administrator role the organization configuration is read
	// through.
	role     string
	c        *clients
	inv      *Inventory
	progress func(format string, args ...any)
}

// unreadable records something that could not be read.
func (d *discoverer) unreadable(what, why string) {
	d.inv.Unreadable = append(d.inv.Unreadable, Problem{What: what, Why: why})
}

// Run checks the options and the credentials, then reads the organization.
// A bad input is a components.InputErrors, returned before any read of the
// organization's contents.
func Run(ctx context.Context, opts Options) (*Result, error) {
	services, regions, err := checkOptions(opts)
	if err != nil {
		return nil, err
	}
	if opts.Clock == nil {
		opts.Clock = awsapi.WallClock()
	}
	if opts.RequestsPerSecond <= 0 {
		opts.RequestsPerSecond = awsapi.IdentityCenterRequestsPerSecond
	}
	if _, err := opts.Config.Credentials.Retrieve(ctx); err != nil {
		return nil, inputError("no AWS credentials: %v. Set AWS_PROFILE to a profile of the "+
			"organization's management account (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then run "+
			"orgtrust discover again", err)
	}
	progress := func(string, ...any) {}
	if opts.Progress != nil {
		progress = func(format string, args ...any) { fmt.Fprintf(opts.Progress, "discover: "+format+"\n", args...) }
	}
	d := &discoverer{
		c:        newClients(opts.Config, opts.Clock, opts.RequestsPerSecond),
		inv:      &Inventory{Region: opts.Config.Region, Regions: regions},
		progress: progress,
		role:     opts.AdministratorRole,
	}
	if d.role == "" {
		d.role = components.DefaultAdministratorRole
	}
	for _, s := range services {
		d.inv.Services = append(d.inv.Services, s.Key)
	}
	start := opts.Clock.Now()
	if err := d.checkCaller(ctx); err != nil {
		return nil, readFailure(err)
	}
	if err := d.read(ctx, services); err != nil {
		return nil, readFailure(err)
	}
	return &Result{Inventory: d.inv, Calls: d.c.count.snapshot(), Elapsed: opts.Clock.Now().Sub(start)}, nil
}

// readFailure is err, an error that stopped the reads, as Run returns it: an
// input error (components.InputError) as it is, any other error saying what
// failed (describe).
func readFailure(err error) error {
	var in *components.InputError
	if errors.As(err, &in) {
		return err
	}
	return &readError{err: err}
}

// checkOptions resolves the service keys and checks the Regions and the
// configured Region.
func checkOptions(opts Options) ([]components.Service, []string, error) {
	var problems components.InputErrors
	switch {
	case opts.Config.Region == "":
		problems = append(problems, &components.InputError{Message: "no AWS Region is configured: set AWS_REGION " +
			"(or region in the profile of AWS_PROFILE in ~/.aws/config) to the Region where IAM Identity Center " +
			"is enabled, such as us-east-1"})
	case catalog.CheckRegion(opts.Config.Region) != nil:
		problems = append(problems, &components.InputError{Value: opts.Config.Region, Message: "the configured " +
			"Region (AWS_REGION, or region in the profile of AWS_PROFILE) " +
			catalog.CheckRegion(opts.Config.Region).Error()})
	}
	if opts.Config.Credentials == nil {
		problems = append(problems, &components.InputError{Message: "no AWS credentials are configured: set " +
			"AWS_PROFILE to a profile of the organization's management account"})
	}
	var services []components.Service
	if len(opts.Services) == 0 {
		services = components.Services()
	}
	for i, key := range opts.Services {
		svc, err := components.ResolveService(fmt.Sprintf("--services[%d]", i), key)
		var bad *components.InputError
		switch {
		case errors.As(err, &bad):
			problems = append(problems, bad)
			continue
		case err != nil:
			problems = append(problems, &components.InputError{Field: fmt.Sprintf("--services[%d]", i), Value: key,
				Message: err.Error()})
			continue
		}
		if !slices.ContainsFunc(services, func(s components.Service) bool { return s.Key == svc.Key }) {
			services = append(services, svc)
		}
	}
	slices.SortFunc(services, func(a, b components.Service) int { return strings.Compare(a.Key, b.Key) })
	regions := slices.Clone(opts.Regions)
	for i, r := range regions {
		if err := catalog.CheckRegion(r); err != nil {
			problems = append(problems, &components.InputError{Field: fmt.Sprintf("--regions[%d]", i), Value: r,
				Message: err.Error()})
		}
	}
	if len(regions) == 0 && opts.Config.Region != "" {
		regions = []string{opts.Config.Region}
	}
	slices.Sort(regions)
	regions = slices.Compact(regions)
	if len(problems) > 0 {
		return nil, nil, problems
	}
	return services, regions, nil
}

// checkCaller makes sure the credentials are the management account's: it
// compares the caller (sts:GetCallerIdentity) with the organization's
// management account (organizations:DescribeOrganization).
func (d *discoverer) checkCaller(ctx context.Context) error {
	who, err := d.c.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		// Only credentials AWS does not accept are discover's input; an
		// endpoint that cannot be reached, or an error of STS, says so.
		if f, ok := classify(err); ok && f.kind == failedCredentials {
			return inputError("%s", f.String())
		}
		return fmt.Errorf("checking whose credentials these are: %w", err)
	}
	caller := aws.ToString(who.Account)
	org, err := d.c.orgs.DescribeOrganization(ctx, &organizations.DescribeOrganizationInput{})
	var notInUse *orgtypes.AWSOrganizationsNotInUseException
	switch {
	case errors.As(err, &notInUse):
		return inputError("account %s is not in an AWS organization: run orgtrust discover with "+
			"credentials of an organization's management account", caller)
	case err != nil:
		return fmt.Errorf("reading the organization (organizations:DescribeOrganization): %w", err)
	}
	mgmt := aws.ToString(org.Organization.MasterAccountId)
	d.inv.Organization.ID, d.inv.Organization.ManagementAccountID = aws.ToString(org.Organization.Id), mgmt
	if caller != mgmt {
		return inputError("the AWS credentials are of account %s, a member of organization %s, "+
			"whose management account is %s: orgtrust discover reads trusted access, delegated administrators "+
			"and IAM Identity Center as the management account does; set AWS_PROFILE to a profile of account %s "+
			"and run it again", caller, d.inv.Organization.ID, mgmt, mgmt)
	}
	return nil
}

// read reads everything the services select.
func (d *discoverer) read(ctx context.Context, services []components.Service) error {
	selected := func(key string) bool {
		return slices.ContainsFunc(services, func(s components.Service) bool { return s.Key == key })
	}
	// Identity Center first: a missing instance is an input error, found
	// before the longer reads.
	if selected("sso") {
		if err := d.readIdentityCenterInstance(ctx); err != nil {
			return err
		}
	}
	if err := d.readTree(ctx); err != nil {
		return err
	}
	if err := d.readTrustedAccess(ctx); err != nil {
		return err
	}
	if err := d.readOrgAdmins(ctx); err != nil {
		return err
	}
	d.readServiceAdmins(ctx, services)
	d.readOrgConfigs(ctx, services, d.role)
	if selected("sso") {
		if err := d.readIdentityCenter(ctx); err != nil {
			return err
		}
	}
	if selected("servicecatalog") {
		// Service Catalog is optional for an organization: one that cannot be
		// read is reported, and the rest is written.
		if err := d.readServiceCatalog(ctx); err != nil {
			d.unreadable("Service Catalog", "it could not be read, so the serviceCatalog section is left out: "+
				describe(err))
		}
	}
	d.progress("done: %d calls", d.c.count.total())
	return nil
}
