// Command pulumi-resource-orgtrust is the orgtrust Pulumi provider plugin.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/orgtrust/pulumi-orgtrust/provider"
)

func main() {
	if err := provider.Run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
