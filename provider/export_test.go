package provider

// AWSPluginVersion exports awsPluginVersion to the external tests.
const AWSPluginVersion = awsPluginVersion
