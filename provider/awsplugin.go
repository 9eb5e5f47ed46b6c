package provider

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag/colors"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
)

// awsPluginVersion is the version of the pulumi-aws SDK that the components
// use (go.mod): the engine loads the aws provider plugin at that version for
// their children and lookups. A provider test checks it against go.mod.
const awsPluginVersion = "6.83.2"

// findAWSPlugin looks for the aws resource plugin where the engine looks: the
// plugin cache ($PULUMI_HOME/plugins) and, unless ambient plugins are
// ignored, $PATH. The provider runs with the engine's environment, so it sees
// the same places.
func findAWSPlugin(ctx context.Context, version string) error {
	spec := workspace.PluginDescriptor{Name: "aws", Kind: apitype.ResourcePlugin}
	if v, err := semver.ParseTolerant(version); err == nil {
		spec.Version = &v
	}
	sink := diag.DefaultSink(io.Discard, io.Discard, diag.FormatOptions{Color: colors.Never})
	_, err := workspace.GetPluginPath(ctx, sink, spec, nil)
	return err
}

// explainMissingAWSPlugin wraps Construct so that a component that fails
// because the aws provider plugin is missing says so, and how to install it.
// Programs in TypeScript, Python and YAML run the components through
// Construct; the engine then loads pulumi-aws for their children and
// lookups, and when it cannot, it cancels them: the component itself only
// sees "context canceled", and its lookups' hints (the OU, the credentials)
// mislead. The hint is given only when the plugin is in fact missing from
// where the engine looks.
func explainMissingAWSPlugin(construct func(context.Context, p.ConstructRequest) (p.ConstructResponse, error),
	find func(ctx context.Context, version string) error,
) func(context.Context, p.ConstructRequest) (p.ConstructResponse, error) {
	return func(ctx context.Context, req p.ConstructRequest) (p.ConstructResponse, error) {
		if acquisitionDisabled() {
			// The engine will not download the plugin, so a missing one fails
			// the deployment for certain. Say so before anything is
			// registered: once the engine fails to load the plugin it may
			// cancel this very call, and the explanation below never arrives.
			// The component's own input errors come first: they are what its
			// constructor reports before it registers anything, plugin or not.
			if ferr := find(context.WithoutCancel(ctx), awsPluginVersion); ferr != nil {
				if err := checkComponentInputs(string(req.Urn.Type()), req.Urn.Name(), req.Inputs); err != nil {
					return p.ConstructResponse{}, err
				}
				return p.ConstructResponse{}, &missingAWSPluginError{component: string(req.Urn.Type()),
					version: awsPluginVersion, cause: ferr}
			}
		}
		resp, err := construct(ctx, req)
		if err == nil || !canceledOrPluginMissing(err) {
			return resp, err
		}
		if find(context.WithoutCancel(ctx), awsPluginVersion) == nil {
			return resp, err // the plugin is there: the failure is something else
		}
		return resp, &missingAWSPluginError{component: string(req.Urn.Type()), version: awsPluginVersion, cause: err}
	}
}

// missingAWSPluginError says that the aws provider plugin is missing. Its
// message leaves out the component's own error ("context canceled", or a
// lookup hint about OUs or credentials), which only the missing plugin
// caused; the error stays in the chain.
type missingAWSPluginError struct {
	component, version string
	cause              error
}

func (e *missingAWSPluginError) Error() string {
	install := "pulumi plugin install resource aws " + e.version
	return fmt.Sprintf("the aws provider plugin (pulumi-resource-aws %s) is missing: %s creates pulumi-aws "+
		"resources, so the engine needs that plugin, and it cancelled the component when it could not load it. "+
		"Install the plugin with `%s`, or add the pulumi-aws SDK (@pulumi/aws, pulumi-aws) at that version to "+
		"the program's dependencies and run `pulumi install`", e.version, e.component, install)
}

func (e *missingAWSPluginError) Unwrap() error { return e.cause }

// acquisitionDisabled reports whether the engine is told not to download
// missing plugins (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION); the provider
// runs with the engine's environment.
func acquisitionDisabled() bool {
	v, err := strconv.ParseBool(os.Getenv("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION"))
	return err == nil && v
}

// canceledOrPluginMissing reports whether err is how a Construct fails when
// the engine cannot load a plugin: the engine's own "no resource plugin"
// error, or the cancellation of the component's calls that follows it.
func canceledOrPluginMissing(err error) bool {
	if errors.Is(err, context.Canceled) {
		return true
	}
	// The engine closes its connection too: calls then fail with gRPC's
	// "the client connection is closing" or "transport is closing".
	for _, s := range []string{"context canceled", "code = Canceled", "the client connection is closing",
		"transport is closing", "no resource plugin 'pulumi-resource-aws'"} {
		if strings.Contains(err.Error(), s) {
			return true
		}
	}
	return false
}
