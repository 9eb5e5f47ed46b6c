// Package awsapi is the AWS plumbing that the provider's resources and
// `orgtrust discover` share: the services' quotas, the clock and the rate
// limiter that keep IAM Identity Center within its quota, the retry rule of
// each API (the AWS SDK's standard retryer, configured per API), the
// Organizations write queue, and the typed interfaces of the AWS API calls
// orgtrust makes.
//
// It knows nothing of Pulumi, the components or the catalog: it is the
// bottom of the dependency order (provider → components → catalog →
// internal).
package awsapi
