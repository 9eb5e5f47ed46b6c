package components

// Temporary: keeps the pinned dependencies in go.mod while the packages that use
// them are written. Removed once every dependency has a real importer.
import (
	_ "github.com/aws/aws-sdk-go-v2/config"
	_ "github.com/aws/aws-sdk-go-v2/service/organizations"
	_ "github.com/pulumi/pulumi-aws-native/sdk/go/aws/sso"
	_ "github.com/pulumi/pulumi-aws/sdk/v6/go/aws/organizations"
	_ "github.com/pulumi/pulumi/sdk/v3/go/auto"
	_ "github.com/stretchr/testify/require"
)
