package components

// pulumi-aws-native is one of orgtrust's pinned dependencies, for delegated
// administrators and enable paths that pulumi-aws v6 lacks. With v1.38.0 no
// component needs it yet (see orgserviceintegration.md: aws-native has no
// resource that pulumi-aws v6 lacks for these services), so this test-only
// import keeps the pin in go.mod without making library users compile it.
import _ "github.com/pulumi/pulumi-aws-native/sdk/go/aws/sso"
