package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/organizations"
	"github.com/aws/smithy-go/middleware"

	"github.com/orgtrust/pulumi-orgtrust/internal/awsapi"
)

// countMiddleware counts every call (not its retries) into n.
func countMiddleware(n *atomic.Int64) func(*middleware.Stack) error {
	return func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("orgtrustCount",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				n.Add(1)
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	}
}

// The organization's accounts with their tags, for assignment rules that
// target accounts by tag (orgtrust:index:getOrganizationAccounts): one
// paginated ListAccounts, then one ListTagsForResource per account (the
// Organizations API has no call that returns the tags of many accounts),
// every call through the SDK's retryer and one rate limiter.

// OrganizationsRequestsPerSecond is the rate at which the reader calls
// Organizations (internal/awsapi, with the quota page it comes from).
const OrganizationsRequestsPerSecond = awsapi.OrganizationsRequestsPerSecond

// organizationsPageSize is ListAccounts' largest MaxResults (1 to 20).
const organizationsPageSize = 20

// tagReaders is how many ListTagsForResource calls the reader keeps in
// flight; the rate limiter, not this, sets the pace.
const tagReaders = 4

// progressEvery is how many accounts the reader reads between two progress
// lines; an organization of fewer accounts than this gets none.
const progressEvery = 250

// OrgAccount is an account of the organization, with its tags.
type OrgAccount struct {
	ID     string            `pulumi:"id"`
	Name   string            `pulumi:"name"`
	Status string            `pulumi:"status"`
	Tags   map[string]string `pulumi:"tags"`
}

// orgAccountsAPI is the subset of the Organizations client the reader uses.
type orgAccountsAPI interface {
	ListAccounts(context.Context, *organizations.ListAccountsInput, ...func(*organizations.Options)) (*organizations.ListAccountsOutput, error)
	ListTagsForResource(context.Context, *organizations.ListTagsForResourceInput, ...func(*organizations.Options)) (*organizations.ListTagsForResourceOutput, error)
}

// OrgAccountReaderOptions tune an OrgAccountReader; the zero value is the
// provider's.
type OrgAccountReaderOptions struct {
	// Endpoint is a custom Organizations endpoint (a fake, in tests).
	Endpoint string
	// Clock is the time source of the rate limiter: a simulated clock in
	// the benchmark.
	Clock awsapi.Clock
	// RequestsPerSecond defaults to OrganizationsRequestsPerSecond.
	RequestsPerSecond float64
	// Progress, when set, is told how many accounts' tags were read, every
	// progressEvery accounts.
	Progress func(done, total int)
}

// OrgAccountReader reads the organization's accounts and their tags.
type OrgAccountReader struct {
	api      orgAccountsAPI
	progress func(done, total int)
	calls    atomic.Int64
}

// NewOrgAccountReader returns a reader over cfg, whose retryer it keeps.
func NewOrgAccountReader(cfg aws.Config, opts OrgAccountReaderOptions) *OrgAccountReader {
	if opts.Clock == nil {
		opts.Clock = awsapi.WallClock()
	}
	if opts.RequestsPerSecond <= 0 {
		opts.RequestsPerSecond = OrganizationsRequestsPerSecond
	}
	r := &OrgAccountReader{progress: opts.Progress}
	count := countMiddleware(&r.calls)
	limit := awsapi.NewRateLimiter(opts.RequestsPerSecond).Option(opts.Clock)
	r.api = organizations.NewFromConfig(cfg, func(o *organizations.Options) {
		o.APIOptions = append(o.APIOptions, count, limit)
		if opts.Endpoint != "" {
			o.BaseEndpoint = aws.String(opts.Endpoint)
		}
	})
	return r
}

// Calls is how many API calls the reader made (retries not counted).
func (r *OrgAccountReader) Calls() int { return int(r.calls.Load()) }

// Accounts returns every account of the organization, sorted by ID, each
// with its tags. With tagKeys, only those keys' tags are returned (the calls
// are the same); without, every tag. withTags false skips the tags.
func (r *OrgAccountReader) Accounts(ctx context.Context, tagKeys []string, withTags bool) ([]OrgAccount, error) {
	var accounts []OrgAccount
	pages := organizations.NewListAccountsPaginator(r.api, &organizations.ListAccountsInput{
		MaxResults: aws.Int32(organizationsPageSize),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("calling organizations:ListAccounts: %w", err)
		}
		for _, a := range page.Accounts {
			accounts = append(accounts, OrgAccount{ID: aws.ToString(a.Id), Name: aws.ToString(a.Name),
				Status: string(a.Status), Tags: map[string]string{}})
		}
	}
	slices.SortFunc(accounts, func(a, b OrgAccount) int { return strings.Compare(a.ID, b.ID) })
	if !withTags || len(accounts) == 0 {
		return accounts, nil
	}
	keep := map[string]bool{}
	for _, k := range tagKeys {
		keep[k] = true
	}
	var (
		mu       sync.Mutex
		firstErr error
		done     int
		wg       sync.WaitGroup
	)
	next := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for range tagReaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				tags, err := r.tags(ctx, accounts[i].ID)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				for k, v := range tags {
					if len(keep) == 0 || keep[k] {
						accounts[i].Tags[k] = v
					}
				}
				done++
				if r.progress != nil && done%progressEvery == 0 {
					r.progress(done, len(accounts))
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range accounts {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return accounts, nil
}

// tags lists one account's tags, every page.
func (r *OrgAccountReader) tags(ctx context.Context, id string) (map[string]string, error) {
	out := map[string]string{}
	pages := organizations.NewListTagsForResourcePaginator(r.api, &organizations.ListTagsForResourceInput{
		ResourceId: aws.String(id),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("calling organizations:ListTagsForResource for account %s: %w", id, err)
		}
		for _, t := range page.Tags {
			out[aws.ToString(t.Key)] = aws.ToString(t.Value)
		}
	}
	return out, nil
}
