package tests

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/display"
	"github.com/pulumi/pulumi/pkg/v3/engine"
	"github.com/pulumi/pulumi/pkg/v3/pluginstorage"
	"github.com/pulumi/pulumi/pkg/v3/resource/deploy"
	"github.com/pulumi/pulumi/pkg/v3/resource/deploy/deploytest"
	"github.com/pulumi/pulumi/pkg/v3/resource/plugin"
	"github.com/pulumi/pulumi/pkg/v3/util/cancel"
	"github.com/pulumi/pulumi/sdk/v3/go/common/diag"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components"
)

// The upgrade of a stack deployed before OrgIntegrations shared its aws
// providers: each integration had its own per-Region providers,
// <set>-<integration>-<region> below the integration; now one provider per
// (account, Region), <set>-<region> below the set, serves them all. The
// registrations' provider references change. These tests run both programs
// through the Pulumi engine itself (pkg/v3 engine.Update, its step generator
// and executor, in process), with stand-in aws and orgtrust providers whose
// DiffConfig reports a replacement for any change of a provider's
// configuration and whose Diff replaces a resource on any change of its
// inputs, as the strictest pulumi-aws would.
//
// The engine's step generator (pkg/resource/deploy/step_generator.go,
// providerChanged) does not replace a resource whose provider reference
// changed when the old provider is aliased to the new one, or, failing that,
// when the new provider's DiffConfig between the old provider's inputs and the
// new one's reports no replacement. An alias can name only one old provider
// (getOldResource stops at the first alias found, and a second claim is an
// error), so several per-integration providers cannot all alias to the shared
// one; the shared provider has the same configuration as each of them (the
// Region), so the DiffConfig path keeps every registration: orgtrust needs no
// alias.

const (
	upgradeAudit = "222233334444"
	upgradeMgmt  = "111122223333"
)

// upgradeSpecs are the integrations of both programs: GuardDuty and Security
// Hub in two Regions, Macie in one, Access Analyzer through Organizations.
func upgradeSpecs(withConfiguration bool) []components.OrgIntegrationSpec {
	regions := []string{"us-east-1", "eu-west-1"}
	specs := []components.OrgIntegrationSpec{
		{Name: "guardduty", Args: components.OrgServiceIntegrationArgs{Service: "guardduty",
			DelegatedAdminAccountID: upgradeAudit, ManagementAccountID: upgradeMgmt, Regions: regions}},
		{Name: "securityhub", Args: components.OrgServiceIntegrationArgs{Service: "securityhub",
			DelegatedAdminAccountID: upgradeAudit, ManagementAccountID: upgradeMgmt, Regions: regions}},
		{Name: "macie", Args: components.OrgServiceIntegrationArgs{Service: "macie",
			DelegatedAdminAccountID: upgradeAudit, ManagementAccountID: upgradeMgmt, Regions: regions[:1]}},
		{Name: "access-analyzer", Args: components.OrgServiceIntegrationArgs{Service: "access-analyzer",
			DelegatedAdminAccountID: upgradeAudit, ManagementAccountID: upgradeMgmt}},
	}
	if withConfiguration {
		specs[0].Args.OrganizationConfiguration = &components.OrganizationConfiguration{
			GuardDuty: &components.GuardDutyConfiguration{
				ProtectionPlans: []components.GuardDutyProtectionPlan{{Name: "S3_DATA_EVENTS"}}}}
		specs[1].Args.OrganizationConfiguration = &components.OrganizationConfiguration{
			SecurityHub: &components.SecurityHubConfiguration{}}
	}
	return specs
}

// legacyProgram registers the integrations as orgtrust did before the
// providers were shared: the OrgIntegrations component, and below it each
// integration as an OrgServiceIntegration of its own, which makes its own
// per-Region providers named <set>-<integration>-<region>. The URNs and the
// providers' inputs are those of that release.
func legacyProgram(ctx *pulumi.Context) error {
	set := &components.OrgIntegrations{}
	if err := ctx.RegisterComponentResource(components.OrgIntegrationsToken, "sec", set); err != nil {
		return err
	}
	for _, s := range upgradeSpecs(false) {
		if _, err := components.NewOrgServiceIntegration(ctx, "sec-"+s.Name, s.Args, pulumi.Parent(set)); err != nil {
			return err
		}
	}
	return ctx.RegisterResourceOutputs(set, pulumi.Map{})
}

// sharedProgram is today's OrgIntegrations, with or without the
// organization configuration.
func sharedProgram(withConfiguration bool) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		_, err := components.NewOrgIntegrations(ctx, "sec",
			components.OrgIntegrationsArgs{Integrations: upgradeSpecs(withConfiguration)})
		return err
	}
}

// strictProviders are the stand-in aws and orgtrust providers. extraConfig,
// when set, is added to the configuration of every explicit aws provider the
// engine configures, to show that a provider whose configuration changes
// does replace its resources.
type strictProviders struct {
	mu          sync.Mutex
	creates     []string
	deletes     []string
	extraConfig bool
}

func (s *strictProviders) provider() *deploytest.Provider {
	return &deploytest.Provider{
		CheckConfigF: func(_ context.Context, req plugin.CheckConfigRequest) (plugin.CheckConfigResponse, error) {
			news := req.News.Copy()
			if s.extraConfig && !strings.HasPrefix(req.URN.Name(), "default") {
				news["skipCredentialsValidation"] = resource.NewProperty("true")
			}
			return plugin.CheckConfigResponse{Properties: news}, nil
		},
		DiffConfigF: func(_ context.Context, req plugin.DiffConfigRequest) (plugin.DiffConfigResponse, error) {
			var replace []resource.PropertyKey
			for k, v := range req.NewInputs {
				if !req.OldInputs[k].DeepEquals(v) {
					replace = append(replace, k)
				}
			}
			for k := range req.OldInputs {
				if _, ok := req.NewInputs[k]; !ok {
					replace = append(replace, k)
				}
			}
			if len(replace) == 0 {
				return plugin.DiffResult{Changes: plugin.DiffNone}, nil
			}
			return plugin.DiffResult{Changes: plugin.DiffSome, ReplaceKeys: replace}, nil
		},
		DiffF: func(_ context.Context, req plugin.DiffRequest) (plugin.DiffResult, error) {
			if req.OldInputs.DeepEquals(req.NewInputs) {
				return plugin.DiffResult{Changes: plugin.DiffNone}, nil
			}
			return plugin.DiffResult{Changes: plugin.DiffSome, ReplaceKeys: []resource.PropertyKey{"adminAccountId"}}, nil
		},
		CreateF: func(_ context.Context, req plugin.CreateRequest) (plugin.CreateResponse, error) {
			s.mu.Lock()
			s.creates = append(s.creates, string(req.URN))
			s.mu.Unlock()
			return plugin.CreateResponse{ID: resource.ID(req.URN.Name() + "-id"), Properties: req.Properties,
				Status: resource.StatusOK}, nil
		},
		DeleteF: func(_ context.Context, req plugin.DeleteRequest) (plugin.DeleteResponse, error) {
			s.mu.Lock()
			s.deletes = append(s.deletes, string(req.URN))
			s.mu.Unlock()
			return plugin.DeleteResponse{Status: resource.StatusOK}, nil
		},
		InvokeF: func(_ context.Context, req plugin.InvokeRequest) (plugin.InvokeResponse, error) {
			if req.Tok == "aws:guardduty/getDetector:getDetector" {
				return plugin.InvokeResponse{Properties: resource.PropertyMap{
					"id": resource.NewProperty("detector")}}, nil
			}
			return plugin.InvokeResponse{}, fmt.Errorf("unexpected invoke %s", req.Tok)
		},
	}
}

// upgradeEngine runs programs, one per step, under the engine.
type upgradeEngine struct {
	t       *testing.T
	program pulumi.RunFunc
	hostF   deploytest.PluginHostFactory
	fakes   *strictProviders
}

func newUpgradeEngine(t *testing.T) *upgradeEngine {
	e := &upgradeEngine{t: t, fakes: &strictProviders{}}
	// The aws stand-in is the version of the pulumi-aws SDK in go.mod, which
	// the SDK's resources request.
	loaders := []*deploytest.ProviderLoader{
		deploytest.NewProviderLoader("aws", semver.MustParse(awsSDKVersion(t)), func() (plugin.Provider, error) {
			return e.fakes.provider(), nil
		}),
		deploytest.NewProviderLoader("orgtrust", semver.MustParse("0.1.0"), func() (plugin.Provider, error) {
			return e.fakes.provider(), nil
		}),
	}
	programF := deploytest.NewLanguageRuntimeF(func(info plugin.RunInfo, monitor *deploytest.ResourceMonitor) error {
		//nolint:usetesting // the SDK context outlives the step
		ctx, err := pulumi.NewContext(context.Background(), pulumi.RunInfo{
			Project: info.Project, Stack: info.Stack, Parallel: info.Parallel, DryRun: info.DryRun,
			MonitorAddr: info.MonitorAddress,
		})
		if err != nil {
			return err
		}
		return pulumi.RunWithContext(ctx, e.program)
	})
	e.hostF = deploytest.NewPluginHostF(nil, nil, programF, nil, nil, loaders...)
	return e
}

// copySnapshot copies snap: the engine changes the snapshot it is given.
func copySnapshot(snap *deploy.Snapshot) *deploy.Snapshot {
	if snap == nil {
		return nil
	}
	out := *snap
	out.Resources = nil
	for _, r := range snap.Resources {
		out.Resources = append(out.Resources, r.Copy())
	}
	return &out
}

// update runs program as `pulumi up` (or `pulumi preview`, with dryRun) on
// snap, as the Pulumi CLI's engine.Update does, and returns the new snapshot
// (snap for a preview) and the operations the engine chose, by URN.
func (e *upgradeEngine) update(snap *deploy.Snapshot, program pulumi.RunFunc, dryRun bool,
) (*deploy.Snapshot, map[string][]display.StepOp) {
	e.t.Helper()
	e.program = program
	project := workspace.Project{Name: "upgrade", Runtime: workspace.NewProjectRuntimeInfo("test", nil)}
	target := deploy.Target{Name: tokens.MustParseStackName("test"), Config: config.Map{},
		Snapshot: copySnapshot(snap)}
	cancelCtx, _ := cancel.NewContext(context.Background())
	events := make(chan engine.Event)
	journal := engine.NewTestJournal()
	ctx := &engine.Context{Cancel: cancelCtx, Events: events, PluginManager: nopPlugins{}}
	if !dryRun {
		ctx.SnapshotManager = journal
	}
	host := e.hostF()
	defer func() { _ = host.Close() }()
	opts := engine.UpdateOptions{Parallel: 4,
		HostFactory: func(context.Context, diag.Sink, diag.Sink, plugin.DebugContext) (plugin.Host, error) {
			return host, nil
		}}
	ops := map[string][]display.StepOp{}
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		for ev := range events {
			switch p := ev.Payload().(type) {
			case engine.ResourcePreEventPayload:
				ops[string(p.Metadata.URN)] = append(ops[string(p.Metadata.URN)], p.Metadata.Op)
			case engine.DiagEventPayload:
				e.t.Logf("%s: %s", p.Severity, p.Message)
			}
		}
	}()
	_, _, err := engine.Update(engine.UpdateInfo{Root: "/", Project: &project, Target: &target}, ctx, opts, dryRun)
	close(events)
	<-drained
	require.NoError(e.t, err)
	if dryRun {
		return snap, ops
	}
	next, err := journal.Snap(target.Snapshot)
	require.NoError(e.t, err)
	return next, ops
}

// nopPlugins is a plugin manager that installs nothing: the stand-in
// providers are in process.
type nopPlugins struct{}

func (nopPlugins) GetPluginPath(context.Context, diag.Sink, workspace.PluginDescriptor, []workspace.ProjectPlugin,
) (string, error) {
	return "installed", nil
}
func (nopPlugins) IsExternalURL(_ context.Context, source string) bool {
	return workspace.IsExternalURL(source)
}
func (nopPlugins) HasPlugin(context.Context, workspace.PluginDescriptor) bool { return true }
func (nopPlugins) HasPluginGTE(context.Context, workspace.PluginDescriptor) (bool, *semver.Version, error) {
	return true, nil, nil
}
func (nopPlugins) GetLatestVersion(context.Context, workspace.PluginDescriptor) (*semver.Version, error) {
	return semver.New("1.0.0")
}
func (nopPlugins) DownloadPlugin(context.Context, workspace.PluginDescriptor,
	func(io.ReadCloser, int64) io.ReadCloser, func(error, int, int, time.Duration),
) (io.ReadCloser, int64, error) {
	return io.NopCloser(bytes.NewReader(nil)), 0, nil
}
func (nopPlugins) InstallPlugin(context.Context, workspace.PluginDescriptor, pluginstorage.Content, bool) error {
	return nil
}
func (nopPlugins) GetPlugins(context.Context) ([]workspace.PluginInfo, error) { return nil, nil }

// registrationOps are the operations on the registrations and trusted
// access, by resource name.
func registrationOps(ops map[string][]display.StepOp) map[string][]display.StepOp {
	out := map[string][]display.StepOp{}
	for urn, list := range ops {
		u := resource.URN(urn)
		typ := string(u.Type())
		if strings.Contains(typ, "organizationAdminAccount") || strings.Contains(typ, "delegatedAdministrator") ||
			typ == components.TrustedServiceAccessToken {
			out[u.Name()] = list
		}
	}
	return out
}

func TestUpgradeToSharedProvidersReplacesNoRegistration(t *testing.T) {
	t.Parallel()
	e := newUpgradeEngine(t)
	snap, _ := e.update(nil, legacyProgram, false)
	var legacyProviders []string
	for _, r := range snap.Resources {
		if strings.HasPrefix(string(r.Type), "pulumi:providers:aws") && !strings.HasPrefix(r.URN.Name(), "default") {
			legacyProviders = append(legacyProviders, r.URN.Name())
		}
	}
	slices.Sort(legacyProviders)
	require.Equal(t, []string{"sec-guardduty-eu-west-1", "sec-guardduty-us-east-1", "sec-macie-us-east-1",
		"sec-securityhub-eu-west-1", "sec-securityhub-us-east-1"}, legacyProviders,
		"the stack as today's orgtrust deployed it: each integration's own providers")
	for _, withConfiguration := range []bool{false, true} {
		name := map[bool]string{false: "shared providers", true: "and the organization configuration"}[withConfiguration]
		// Preview, then up: neither replaces, deletes or creates a
		// registration or trusted access.
		for _, dryRun := range []bool{true, false} {
			e.fakes.deletes = nil
			_, ops := e.update(snap, sharedProgram(withConfiguration), dryRun)
			regs := registrationOps(ops)
			require.Len(t, regs, 5+6, "every trusted access (5) and registration (6) is in the program")
			for res, list := range regs {
				for _, op := range list {
					assert.Contains(t, []display.StepOp{deploy.OpSame, deploy.OpUpdate}, op,
						"%s (%s): the upgrade must not replace, delete or create it", res, name)
				}
			}
			if !dryRun {
				for _, d := range e.fakes.deletes {
					u := resource.URN(d)
					assert.True(t, strings.HasPrefix(string(u.Type()), "pulumi:providers:"),
						"%s: only the per-integration providers go (%s)", d, name)
				}
			}
		}
		snap, _ = e.update(snap, sharedProgram(withConfiguration), false)
	}
	var shared []string
	for _, r := range snap.Resources {
		if strings.HasPrefix(string(r.Type), "pulumi:providers:aws") && !strings.HasPrefix(r.URN.Name(), "default") {
			shared = append(shared, r.URN.Name())
		}
	}
	slices.Sort(shared)
	assert.Equal(t, []string{"sec-admin-" + upgradeAudit + "-eu-west-1", "sec-admin-" + upgradeAudit + "-us-east-1",
		"sec-eu-west-1", "sec-us-east-1"}, shared, "one provider per account and Region")
}

// TestUpgradeWithAChangedProviderWouldReplace is the control: had the shared
// providers a configuration other than the per-integration ones' (here one
// more key), the same engine would replace every registration they serve.
// It shows that the stand-in providers and the assertions above see a
// replacement when there is one.
func TestUpgradeWithAChangedProviderWouldReplace(t *testing.T) {
	t.Parallel()
	e := newUpgradeEngine(t)
	snap, _ := e.update(nil, legacyProgram, false)
	e.fakes.extraConfig = true
	_, ops := e.update(snap, sharedProgram(false), true)
	regs := registrationOps(ops)
	replaced := 0
	for res, list := range regs {
		if strings.Contains(res, "-admin-") && slices.Contains(list, deploy.OpReplace) {
			replaced++
		}
	}
	assert.Equal(t, 5, replaced, "the five per-Region registrations would be replaced: %v", regs)
}
