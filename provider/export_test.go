package provider

// AWSPluginVersion exports awsPluginVersion to the external tests.
const AWSPluginVersion = awsPluginVersion

// CheckComponentInputs exports checkComponentInputs to the external tests.
var CheckComponentInputs = checkComponentInputs
