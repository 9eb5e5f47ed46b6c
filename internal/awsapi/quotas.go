package awsapi

// IAM Identity Center's quotas, which AWS does not raise: "IAM Identity
// Center APIs have a collective throttle maximum of 20 transactions per
// second (TPS). The CreateAccountAssignment has a maximum rate of 10
// outstanding async calls."
// (https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html)
const (
	// IdentityCenterRequestsPerSecond is the collective request quota.
	IdentityCenterRequestsPerSecond = 20
	// MaxOutstandingAssignmentOps is the most assignment operations (creates
	// and deletes together) that orgtrust keeps outstanding at once.
	MaxOutstandingAssignmentOps = 10
)

// OrganizationsRequestsPerSecond is the rate at which orgtrust reads AWS
// Organizations in bulk (getOrganizationAccounts, discover). AWS documents
// the Organizations API's throttling on the "Quotas for AWS Organizations"
// page (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html,
// "Throttling limits") and answers a caller above it with
// TooManyRequestsException, which the SDK's retryer retries with backoff;
// staying at or below this rate keeps a read of thousands of accounts from
// being a storm of throttled retries that slows every other Organizations
// caller of the account.
const OrganizationsRequestsPerSecond = 10
