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
