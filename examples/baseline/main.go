// Command baseline is the root project's program (Pulumi.yaml): the
// organization baseline a platform team previews on every pull request. The
// program itself is package baseline, which `make plan` runs under Pulumi's
// mock runtime.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/provider/baseline"
)

func main() {
	pulumi.Run(baseline.Program(baseline.EnvConfigKeys()))
}
