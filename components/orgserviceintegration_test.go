package components

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

const (
	auditAccount = "222233334444"
	mgmtAccount  = "111122223333"

	tsaType        = TrustedServiceAccessToken
	rdaType        = "aws:organizations/delegatedAdministrator:DelegatedAdministrator"
	awsProviderTyp = "pulumi:providers:aws"
)

// wantChild is an expected child: its type, name and (some of) its inputs.
type wantChild struct {
	typ    string
	name   string
	inputs map[string]any
}

// requireChild asserts that r is the expected child.
func requireChild(t *testing.T, want wantChild, r recordedResource) {
	t.Helper()
	require.Equal(t, want.typ, r.Type, "type of %q", r.Name)
	require.Equal(t, want.name, r.Name)
	for k, v := range want.inputs {
		got, ok := r.Inputs[resource.PropertyKey(k)]
		require.Truef(t, ok, "%s %q has no input %q; inputs: %v", r.Type, r.Name, k, r.Inputs)
		require.Equalf(t, resource.NewPropertyValue(v), got, "%s %q input %q", r.Type, r.Name, k)
	}
	for k := range r.Inputs {
		if strings.HasPrefix(string(k), "__") {
			continue
		}
		_, ok := want.inputs[string(k)]
		require.Truef(t, ok, "%s %q has unexpected input %q = %v", r.Type, r.Name, k, r.Inputs[k])
	}
}

// outputs captures resolved output values of a program. Outputs built from
// plain values are not tracked by the program's context, so get waits for the
// captures themselves.
type outputs struct {
	mu     sync.Mutex
	wg     sync.WaitGroup
	values map[string]any
}

func (o *outputs) capture(key string, out pulumi.Output) {
	o.wg.Add(1)
	out.ApplyT(func(v any) any {
		defer o.wg.Done()
		o.mu.Lock()
		defer o.mu.Unlock()
		if o.values == nil {
			o.values = map[string]any{}
		}
		o.values[key] = v
		return v
	})
}

func (o *outputs) get(t *testing.T, key string) any {
	t.Helper()
	done := make(chan struct{})
	go func() { o.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		require.FailNow(t, "outputs did not resolve in 10s")
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	v, ok := o.values[key]
	require.Truef(t, ok, "output %q did not resolve", key)
	return v
}

func TestOrgServiceIntegrationMechanisms(t *testing.T) {
	t.Parallel()
	tsa := func(name, principal string) wantChild {
		return wantChild{tsaType, name, map[string]any{"servicePrincipal": principal}}
	}
	rda := func(name, principal string) wantChild {
		return wantChild{rdaType, name, map[string]any{"accountId": auditAccount, "servicePrincipal": principal}}
	}
	svcAdmin := func(typ, field string) wantChild {
		return wantChild{typ, "x-admin", map[string]any{field: auditAccount}}
	}
	tests := []struct {
		name         string
		args         OrgServiceIntegrationArgs
		wantPath     string
		wantAccess   []wantChild
		wantAdmins   []wantChild
		wantRoles    []string
		wantAccessIs string // the name of comp.Access; "" for nil
	}{
		{
			name:         "organizations RegisterDelegatedAdministrator",
			args:         OrgServiceIntegrationArgs{Service: "access-analyzer"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "access-analyzer.amazonaws.com")},
			wantAdmins:   []wantChild{rda("x-admin", "access-analyzer.amazonaws.com")},
			wantRoles:    []string{"AWSServiceRoleForAccessAnalyzer"},
			wantAccessIs: "x-access",
		},
		{
			name:     "config registers one admin per principal",
			args:     OrgServiceIntegrationArgs{Service: "config"},
			wantPath: "organizations",
			wantAccess: []wantChild{
				tsa("x-access", "config.amazonaws.com"),
				tsa("x-access-config-multiaccountsetup.amazonaws.com", "config-multiaccountsetup.amazonaws.com"),
			},
			wantAdmins: []wantChild{
				rda("x-admin", "config.amazonaws.com"),
				rda("x-admin-config-multiaccountsetup.amazonaws.com", "config-multiaccountsetup.amazonaws.com"),
			},
			wantAccessIs: "x-access",
		},
		{
			name:         "one principal of a multi-principal service",
			args:         OrgServiceIntegrationArgs{ServicePrincipal: "config-multiaccountsetup.amazonaws.com"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "config-multiaccountsetup.amazonaws.com")},
			wantAdmins:   []wantChild{rda("x-admin", "config-multiaccountsetup.amazonaws.com")},
			wantAccessIs: "x-access",
		},
		{
			name:     "guardduty",
			args:     OrgServiceIntegrationArgs{Service: "guardduty"},
			wantPath: "organizations",
			wantAccess: []wantChild{
				tsa("x-access", "guardduty.amazonaws.com"),
				tsa("x-access-malware-protection.guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com"),
			},
			wantAdmins: []wantChild{
				svcAdmin("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId"),
			},
			wantAccessIs: "x-access",
		},
		{
			name:         "securityhub falls back to Organizations",
			args:         OrgServiceIntegrationArgs{Service: "securityhub"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "securityhub.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:securityhub/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "macie",
			args:         OrgServiceIntegrationArgs{Service: "macie"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "macie.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:macie2/organizationAdminAccount:OrganizationAdminAccount", "adminAccountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "detective",
			args:         OrgServiceIntegrationArgs{Service: "detective"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "detective.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:detective/organizationAdminAccount:OrganizationAdminAccount", "accountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "inspector",
			args:         OrgServiceIntegrationArgs{Service: "inspector"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "inspector2.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount", "accountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "firewall manager",
			args:         OrgServiceIntegrationArgs{Service: "fms"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "fms.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:fms/adminAccount:AdminAccount", "accountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "cloudtrail",
			args:         OrgServiceIntegrationArgs{Service: "cloudtrail"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "cloudtrail.amazonaws.com")},
			wantAdmins:   []wantChild{svcAdmin("aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount", "accountId")},
			wantAccessIs: "x-access",
		},
		{
			name:       "audit manager",
			args:       OrgServiceIntegrationArgs{Service: "auditmanager"},
			wantPath:   "organizations",
			wantAccess: []wantChild{tsa("x-access", "auditmanager.amazonaws.com")},
			wantAdmins: []wantChild{svcAdmin(
				"aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration", "adminAccountId")},
			wantAccessIs: "x-access",
		},
		{
			name:         "ipam: the admin resource enables access",
			args:         OrgServiceIntegrationArgs{Service: "ipam"},
			wantPath:     "service",
			wantAdmins:   []wantChild{svcAdmin(string(catalog.IPAMAdmin), "delegatedAdminAccountId")},
			wantAccessIs: "x-admin",
		},
		{
			name:     "service catalog through its own resource",
			args:     OrgServiceIntegrationArgs{Service: "servicecatalog"},
			wantPath: "service",
			wantAccess: []wantChild{{"aws:servicecatalog/organizationsAccess:OrganizationsAccess", "x-access",
				map[string]any{"enabled": true}}},
			wantAdmins:   []wantChild{rda("x-admin", "servicecatalog.amazonaws.com")},
			wantAccessIs: "x-access",
		},
		{
			name:         "iam falls back to TrustedServiceAccess",
			args:         OrgServiceIntegrationArgs{Service: "iam"},
			wantPath:     "organizations",
			wantAccess:   []wantChild{tsa("x-access", "iam.amazonaws.com")},
			wantAdmins:   []wantChild{rda("x-admin", "iam.amazonaws.com")},
			wantAccessIs: "x-access",
		},
		{
			name:       "stacksets through the provider's own resource, without force",
			args:       OrgServiceIntegrationArgs{Service: "stacksets"},
			wantPath:   "service",
			wantAccess: []wantChild{{StackSetsOrganizationsAccessToken, "x-access", map[string]any{}}},
			wantAdmins: []wantChild{rda("x-admin", "member.org.stacksets.cloudformation.amazonaws.com")},
			wantRoles: []string{"AWSServiceRoleForCloudFormationStackSetsOrgAdmin",
				"AWSServiceRoleForCloudFormationStackSetsOrgMember"},
			wantAccessIs: "x-access",
		},
		{
			name:         "securitylake: the provider's admin resource enables access",
			args:         OrgServiceIntegrationArgs{Service: "securitylake"},
			wantPath:     "service",
			wantAdmins:   []wantChild{svcAdmin(SecurityLakeDelegatedAdminToken, "accountId")},
			wantRoles:    []string{"AWSServiceRoleForSecurityLake"},
			wantAccessIs: "x-admin",
		},
		{
			name:         "access managed elsewhere",
			args:         OrgServiceIntegrationArgs{Service: "stacksets", EnableVia: "none"},
			wantPath:     "none",
			wantAdmins:   []wantChild{rda("x-admin", "member.org.stacksets.cloudformation.amazonaws.com")},
			wantAccessIs: "",
		},
		{
			name:     "serviceOnly through Organizations with force",
			args:     OrgServiceIntegrationArgs{Service: "stacksets", EnableVia: "organizations", Force: true},
			wantPath: "organizations",
			wantAccess: []wantChild{{tsaType, "x-access", map[string]any{
				"servicePrincipal": "member.org.stacksets.cloudformation.amazonaws.com", "force": true}}},
			wantAdmins:   []wantChild{rda("x-admin", "member.org.stacksets.cloudformation.amazonaws.com")},
			wantAccessIs: "x-access",
		},
		{
			name:     "principal outside the catalog",
			args:     OrgServiceIntegrationArgs{ServicePrincipal: "newservice.amazonaws.com", AllowUnknownPrincipal: true},
			wantPath: "organizations",
			wantAccess: []wantChild{{tsaType, "x-access", map[string]any{
				"servicePrincipal": "newservice.amazonaws.com", "allowUnknownPrincipal": true}}},
			wantAdmins:   []wantChild{rda("x-admin", "newservice.amazonaws.com")},
			wantAccessIs: "x-access",
		},
		{
			name:         "unknown mechanism with force",
			args:         OrgServiceIntegrationArgs{Service: "billing", Force: true},
			wantPath:     "organizations",
			wantAccess:   []wantChild{{tsaType, "x-access", map[string]any{"servicePrincipal": "billing-cost-management.amazonaws.com", "force": true}}},
			wantAdmins:   []wantChild{rda("x-admin", "billing-cost-management.amazonaws.com")},
			wantAccessIs: "x-access",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			var out outputs
			var accessName string
			var adminCount int
			args := tt.args
			args.DelegatedAdminAccountID = auditAccount
			args.ManagementAccountID = mgmtAccount
			err := m.run(func(ctx *pulumi.Context) error {
				c, err := NewOrgServiceIntegration(ctx, "x", args)
				if err != nil {
					return err
				}
				if c.Access != nil {
					out.capture("accessURN", c.Access.URN())
				}
				adminCount = len(c.DelegatedAdmins)
				out.capture("path", c.EnablePath)
				out.capture("principal", c.ServicePrincipal)
				out.capture("admin", c.DelegatedAdminAccountID)
				out.capture("roles", c.ServiceLinkedRoleNames)
				out.capture("ready", c.Ready)
				return nil
			})
			require.NoError(t, err)

			comp := m.Find(t, "x")
			require.Equal(t, OrgServiceIntegrationToken, comp.Type)
			var gotAccess, gotAdmins []recordedResource
			for _, r := range m.Children(comp) {
				if strings.HasPrefix(r.Name, "x-access") {
					gotAccess = append(gotAccess, r)
				} else {
					gotAdmins = append(gotAdmins, r)
				}
			}
			require.Len(t, gotAccess, len(tt.wantAccess), "access children: %v", m.Names())
			for i, w := range tt.wantAccess {
				requireChild(t, w, gotAccess[i])
			}
			require.Len(t, gotAdmins, len(tt.wantAdmins), "admin children: %v", m.Names())
			require.Equal(t, len(tt.wantAdmins), adminCount)
			for i, w := range tt.wantAdmins {
				requireChild(t, w, gotAdmins[i])
				// The admin depends on every access child: the edge itself.
				for _, a := range gotAccess {
					requireDependsOn(t, gotAdmins[i], a)
				}
			}
			if tt.wantAccessIs == "" {
				out.get(t, "path")
				_, ok := out.values["accessURN"]
				require.False(t, ok, "Access must be nil")
			} else {
				accessName = tt.wantAccessIs
				require.Equal(t, m.Find(t, accessName).URN, string(out.get(t, "accessURN").(pulumi.URN)))
			}

			principal := tt.args.ServicePrincipal
			if principal == "" {
				svc, ok := LookupService(tt.args.Service)
				require.True(t, ok)
				principal = svc.Principals[0]
			}
			assert.Equal(t, tt.wantPath, out.get(t, "path"))
			assert.Equal(t, principal, out.get(t, "principal"))
			assert.Equal(t, principal, out.get(t, "ready"))
			assert.Equal(t, ptr(auditAccount), out.get(t, "admin"))
			if tt.wantRoles != nil {
				assert.Equal(t, tt.wantRoles, out.get(t, "roles"))
			}
			assert.Empty(t, m.Invokes(), "managementAccountId was given: no lookup")
		})
	}
}

func TestOrgServiceIntegrationAccessOnly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		args      OrgServiceIntegrationArgs
		want      wantChild
		wantPath  string
		wantRetai bool
	}{
		{
			name:     "organizations",
			args:     OrgServiceIntegrationArgs{Service: "health"},
			want:     wantChild{tsaType, "x-access", map[string]any{"servicePrincipal": "health.amazonaws.com"}},
			wantPath: "organizations",
		},
		{
			name: "disableOnDelete passes through to TrustedServiceAccess",
			args: OrgServiceIntegrationArgs{Service: "health", DisableOnDelete: ptr(false)},
			want: wantChild{tsaType, "x-access", map[string]any{
				"servicePrincipal": "health.amazonaws.com", "disableOnDelete": false}},
			wantPath: "organizations",
		},
		{
			name:     "ram through its own resource",
			args:     OrgServiceIntegrationArgs{Service: "ram"},
			want:     wantChild{"aws:ram/sharingWithOrganization:SharingWithOrganization", "x-access", nil},
			wantPath: "service",
		},
		{
			name:     "explicit enableVia service",
			args:     OrgServiceIntegrationArgs{Service: "servicecatalog", EnableVia: "service"},
			want:     wantChild{"aws:servicecatalog/organizationsAccess:OrganizationsAccess", "x-access", map[string]any{"enabled": true}},
			wantPath: "service",
		},
		{
			name:      "disableOnDelete false retains the service's own resource",
			args:      OrgServiceIntegrationArgs{Service: "servicecatalog", DisableOnDelete: ptr(false)},
			want:      wantChild{"aws:servicecatalog/organizationsAccess:OrganizationsAccess", "x-access", map[string]any{"enabled": true}},
			wantPath:  "service",
			wantRetai: true,
		},
		{
			name:     "explicit enableVia organizations overrides the catalog",
			args:     OrgServiceIntegrationArgs{Service: "servicecatalog", EnableVia: "organizations"},
			want:     wantChild{tsaType, "x-access", map[string]any{"servicePrincipal": "servicecatalog.amazonaws.com"}},
			wantPath: "organizations",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			var out outputs
			err := m.run(func(ctx *pulumi.Context) error {
				c, err := NewOrgServiceIntegration(ctx, "x", tt.args)
				if err != nil {
					return err
				}
				require.Empty(t, c.DelegatedAdmins)
				out.capture("path", c.EnablePath)
				out.capture("admin", c.DelegatedAdminAccountID)
				return nil
			})
			require.NoError(t, err)
			children := m.Children(m.Find(t, "x"))
			require.Len(t, children, 1)
			requireChild(t, tt.want, children[0])
			require.Equal(t, tt.wantRetai, children[0].RetainOnDelete)
			assert.Equal(t, tt.wantPath, out.get(t, "path"))
			assert.Nil(t, out.get(t, "admin"))
			assert.Empty(t, m.Invokes(), "no admin requested: no lookup")
		})
	}
}

// TestOrgServiceIntegrationDependencies asserts the edges: admin -> access, a
// dependent -> every child, and the destroy order derived from them.
func TestOrgServiceIntegrationDependencies(t *testing.T) {
	t.Parallel()
	m := newMocks()
	err := m.run(func(ctx *pulumi.Context) error {
		c, err := NewOrgServiceIntegration(ctx, "gd", OrgServiceIntegrationArgs{
			Service:                 "securityhub",
			DelegatedAdminAccountID: auditAccount,
			ManagementAccountID:     mgmtAccount,
		})
		if err != nil {
			return err
		}
		var byDependsOn, byReady pulumi.CustomResourceState
		if err := ctx.RegisterResource("test:index:Dependent", "waits-by-dependson", pulumi.Map{}, &byDependsOn,
			c.DependsOn()); err != nil {
			return err
		}
		return ctx.RegisterResource("test:index:Dependent", "waits-by-ready", pulumi.Map{"gate": c.Ready}, &byReady)
	})
	require.NoError(t, err)
	access, admin := m.Find(t, "gd-access"), m.Find(t, "gd-admin")
	requireDependsOn(t, admin, access)
	requireNotDependsOn(t, access, admin)

	for _, name := range []string{"waits-by-dependson", "waits-by-ready"} {
		user := m.Find(t, name)
		requireDependsOn(t, user, access)
		requireDependsOn(t, user, admin)
	}
	// The data-flow gate: the input itself carries both children.
	gate := m.Find(t, "waits-by-ready").PropertyDependencies["gate"]
	require.ElementsMatch(t, []string{access.URN, admin.URN}, gate)

	order := m.DestroyOrder(t)
	requireDestroyedBefore(t, order, m.Find(t, "waits-by-dependson"), admin)
	requireDestroyedBefore(t, order, m.Find(t, "waits-by-ready"), admin)
	requireDestroyedBefore(t, order, admin, access)
}

// TestDestroyOrderNeedsTheEdge checks that the destroy-order helper does not
// put a resource first without an edge: among unrelated resources, the one
// registered earliest is deleted first, the opposite of what an edge demands.
func TestDestroyOrderNeedsTheEdge(t *testing.T) {
	t.Parallel()
	m := newMocks()
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		var a, b pulumi.CustomResourceState
		if err := ctx.RegisterResource("test:index:R", "first", pulumi.Map{}, &a); err != nil {
			return err
		}
		return ctx.RegisterResource("test:index:R", "second", pulumi.Map{}, &b)
	}))
	res := m.Resources()
	require.Len(t, res, 2)
	order := m.DestroyOrder(t)
	requireDestroyedBefore(t, order, res[0], res[1])
}

func TestOrgServiceIntegrationRegions(t *testing.T) {
	t.Parallel()
	run := func(t *testing.T, regions []string) *mockRecorder {
		m := newMocks()
		require.NoError(t, m.run(func(ctx *pulumi.Context) error {
			c, err := NewOrgServiceIntegration(ctx, "gd", OrgServiceIntegrationArgs{
				Service:                 "guardduty",
				DelegatedAdminAccountID: auditAccount,
				ManagementAccountID:     mgmtAccount,
				Regions:                 regions,
			})
			if err != nil {
				return err
			}
			require.Len(t, c.DelegatedAdmins, len(regions))
			return nil
		}))
		return m
	}
	m := run(t, []string{"us-east-1", "eu-west-1", "ap-southeast-2"})
	sorted := []string{"ap-southeast-2", "eu-west-1", "us-east-1"}
	admins := m.ByType("aws:guardduty/organizationAdminAccount:OrganizationAdminAccount")
	require.Len(t, admins, 3)
	access := m.Find(t, "gd-access")
	comp := m.Find(t, "gd")
	for i, region := range sorted {
		admin := admins[i]
		require.Equal(t, "gd-admin-"+region, admin.Name)
		require.Equal(t, comp.URN, admin.Parent)
		require.Equal(t, auditAccount, inputString(t, admin, "adminAccountId"))
		prov := m.Find(t, "gd-"+region)
		require.Equal(t, awsProviderTyp, prov.Type)
		require.Equal(t, comp.URN, prov.Parent)
		require.Equal(t, region, inputString(t, prov, "region"))
		require.Equal(t, prov.URN, admin.ProviderURN(), "the admin in %s uses the %s provider", region, region)
		requireDependsOn(t, admin, access)
		if i > 0 {
			// One Organizations write at a time, in Region order.
			requireDependsOn(t, admin, admins[i-1])
		}
	}

	// Stable names: another order (and another run) gives the same children.
	again := run(t, []string{"eu-west-1", "ap-southeast-2", "us-east-1"})
	require.Equal(t, m.Names(), again.Names())
	for _, r := range m.Resources() {
		other := again.Find(t, r.Name)
		require.Equal(t, r.URN, other.URN)
		require.Equal(t, r.Inputs, other.Inputs, "inputs of %q", r.Name)
	}
}

func TestOrgServiceIntegrationManagementLookup(t *testing.T) {
	t.Parallel()
	m := newMocks().withOrganization(mgmtAccount)
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		prov, err := aws.NewProvider(ctx, "org", &aws.ProviderArgs{Region: pulumi.String("us-east-1")})
		if err != nil {
			return err
		}
		_, err = NewOrgServiceIntegration(ctx, "aa", OrgServiceIntegrationArgs{
			Service:                 "access-analyzer",
			DelegatedAdminAccountID: auditAccount,
		}, pulumi.Provider(prov))
		return err
	}))
	invokes := m.Invokes()
	require.Len(t, invokes, 1)
	require.Equal(t, getOrganizationToken, invokes[0].Token)
	require.True(t, strings.HasPrefix(invokes[0].Provider, m.Find(t, "org").URN+"::"),
		"the lookup uses the component's aws provider; got %q", invokes[0].Provider)
	require.Equal(t, m.Find(t, "org").URN, m.Find(t, "aa-admin").ProviderURN())
}

func TestOrgServiceIntegrationBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  OrgServiceIntegrationArgs
		org   string // management account the lookup answers; "" fails the lookup
		wants []string
	}{
		{
			name:  "neither service nor servicePrincipal",
			args:  OrgServiceIntegrationArgs{DelegatedAdminAccountID: auditAccount},
			wants: []string{"set exactly one of service and servicePrincipal", `service ""`},
		},
		{
			name:  "both service and servicePrincipal",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", ServicePrincipal: "guardduty.amazonaws.com"},
			wants: []string{"set exactly one of service and servicePrincipal", `service "guardduty"`},
		},
		{
			name:  "unknown service",
			args:  OrgServiceIntegrationArgs{Service: "guarduty"},
			wants: []string{`service "guarduty" is not a known service key`, `did you mean "guardduty"?`},
		},
		{
			name:  "unknown principal",
			args:  OrgServiceIntegrationArgs{ServicePrincipal: "securityhub.amazonaws.co"},
			wants: []string{`servicePrincipal "securityhub.amazonaws.co"`, `did you mean "securityhub.amazonaws.com"?`},
		},
		{
			name:  "bad account ID",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: "12345"},
			wants: []string{`delegatedAdminAccountId "12345" is not an AWS account ID`, "12 digits"},
		},
		{
			name:  "bad management account ID",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount, ManagementAccountID: "x"},
			wants: []string{`managementAccountId "x" is not an AWS account ID`},
		},
		{
			name: "management account as admin, from the input",
			args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: mgmtAccount,
				ManagementAccountID: mgmtAccount},
			wants: []string{`delegatedAdminAccountId "111122223333" is the organization's management account`,
				"managementAccountId", "set it to a member account"},
		},
		{
			name:  "management account as admin, from the organization lookup",
			args:  OrgServiceIntegrationArgs{Service: "access-analyzer", DelegatedAdminAccountID: mgmtAccount},
			org:   mgmtAccount,
			wants: []string{`delegatedAdminAccountId "111122223333" is the organization's management account (read from the organization)`},
		},
		{
			name:  "organization lookup fails",
			args:  OrgServiceIntegrationArgs{Service: "access-analyzer", DelegatedAdminAccountID: auditAccount},
			wants: []string{"looking up the organization's management account", "set managementAccountId to skip the lookup"},
		},
		{
			name:  "service without delegated-admin support",
			args:  OrgServiceIntegrationArgs{Service: "ram", DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount},
			wants: []string{"AWS Resource Access Manager (ram) has no delegated administrator", "remove delegatedAdminAccountId"},
		},
		{
			name:  "securitylake without an admin",
			args:  OrgServiceIntegrationArgs{Service: "securitylake"},
			wants: []string{"(securitylake) enables trusted access by registering its delegated administrator", "set delegatedAdminAccountId"},
		},
		{
			name: "unknown mechanism without force",
			args: OrgServiceIntegrationArgs{Service: "billing", DelegatedAdminAccountID: auditAccount,
				ManagementAccountID: mgmtAccount},
			wants: []string{"does not know whether", "(billing) supports a delegated administrator", "force: true"},
		},
		{
			name:  "serviceOnly service through Organizations without force",
			args:  OrgServiceIntegrationArgs{Service: "stacksets", EnableVia: "organizations"},
			wants: []string{`service "stacksets"`, "must not be enabled through AWS Organizations", "force: true"},
		},
		{
			name:  "ipam without an admin",
			args:  OrgServiceIntegrationArgs{Service: "ipam"},
			wants: []string{"enables trusted access by registering its delegated administrator", "set delegatedAdminAccountId"},
		},
		{
			name:  "enableVia service without a resource",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", EnableVia: "service"},
			wants: []string{`enableVia "service"`, "(guardduty) has no pulumi-aws resource of its own", `set enableVia to "organizations"`},
		},
		{
			name:  "enableVia none without an admin",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", EnableVia: "none"},
			wants: []string{`enableVia "none" registers only the delegated administrator`, "set delegatedAdminAccountId"},
		},
		{
			name:  "bad enableVia",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", EnableVia: "Organisations"},
			wants: []string{`enableVia "Organisations" is not a valid value`, `"organizations"`},
		},
		{
			name: "regions for a service whose admin is not per Region",
			args: OrgServiceIntegrationArgs{Service: "access-analyzer", DelegatedAdminAccountID: auditAccount,
				ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1"}},
			wants: []string{"regions [us-east-1]", "(access-analyzer) is not designated per Region", "remove regions"},
		},
		{
			name:  "regions without an admin",
			args:  OrgServiceIntegrationArgs{Service: "guardduty", Regions: []string{"us-east-1"}},
			wants: []string{"apply only to the delegated administrator", "set delegatedAdminAccountId"},
		},
		{
			name: "duplicate region",
			args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount,
				ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1", "eu-west-1", "us-east-1"}},
			wants: []string{`regions: "us-east-1" is listed twice`},
		},
		{
			name: "bad region",
			args: OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount,
				ManagementAccountID: mgmtAccount, Regions: []string{"us-east1"}},
			wants: []string{`regions: "us-east1" is not an AWS Region name`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			if tt.org != "" {
				m.withOrganization(tt.org)
			}
			err := m.run(func(ctx *pulumi.Context) error {
				_, err := NewOrgServiceIntegration(ctx, "x", tt.args)
				return err
			})
			require.ErrorContains(t, err, OrgServiceIntegrationToken+` "x": `)
			for _, want := range tt.wants {
				require.ErrorContains(t, err, want)
			}
			require.Empty(t, m.Resources(), "bad input must register nothing")
		})
	}
}

// orgWritingTypes are the child types that write to AWS Organizations.
func isOrgWrite(r recordedResource) bool {
	return r.Custom && !strings.HasPrefix(r.Type, "pulumi:providers:") && !strings.HasPrefix(r.Type, "test:")
}

func TestOrgIntegrationsSerializesOrganizationsWrites(t *testing.T) {
	t.Parallel()
	regions := []string{"us-east-1", "eu-west-1"}
	specs := []OrgIntegrationSpec{
		{Name: "securityhub", Args: OrgServiceIntegrationArgs{Service: "securityhub", Regions: regions}},
		{Name: "guardduty", Args: OrgServiceIntegrationArgs{Service: "guardduty", Regions: regions}},
		{Name: "access-analyzer", Args: OrgServiceIntegrationArgs{Service: "access-analyzer"}},
		{Name: "config", Args: OrgServiceIntegrationArgs{Service: "config"}},
		{Name: "macie", Args: OrgServiceIntegrationArgs{Service: "macie", Regions: regions}},
		{Name: "detective", Args: OrgServiceIntegrationArgs{Service: "detective"}},
		{Name: "inspector", Args: OrgServiceIntegrationArgs{Service: "inspector", Regions: regions}},
		{Name: "fms", Args: OrgServiceIntegrationArgs{Service: "fms"}},
		{Name: "cloudtrail", Args: OrgServiceIntegrationArgs{Service: "cloudtrail"}},
		{Name: "auditmanager", Args: OrgServiceIntegrationArgs{Service: "auditmanager"}},
		{Name: "ipam", Args: OrgServiceIntegrationArgs{Service: "ipam"}},
		{Name: "servicecatalog", Args: OrgServiceIntegrationArgs{Service: "servicecatalog"}},
		{Name: "backup", Args: OrgServiceIntegrationArgs{Service: "backup"}},
		{Name: "health", Args: OrgServiceIntegrationArgs{Service: "health"}},
		{Name: "ssm", Args: OrgServiceIntegrationArgs{Service: "ssm"}},
	}
	require.Len(t, specs, 15)
	for i := range specs {
		specs[i].Args.DelegatedAdminAccountID = auditAccount
	}
	m := newMocks().withOrganization(mgmtAccount)
	var out outputs
	require.NoError(t, m.run(func(ctx *pulumi.Context) error {
		set, err := NewOrgIntegrations(ctx, "org", OrgIntegrationsArgs{Integrations: specs})
		if err != nil {
			return err
		}
		require.Len(t, set.Integrations, 15)
		out.capture("ready", set.Ready)
		out.capture("paths", set.EnablePaths)
		return nil
	}))
	require.Len(t, m.Invokes(), 1, "one management-account lookup serves the set")

	setRec := m.Find(t, "org")
	require.Equal(t, OrgIntegrationsToken, setRec.Type)
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.Name
	}
	slices.Sort(names)

	// The expected chain: integrations in name order, each one's
	// Organizations writes in registration order.
	var chain []recordedResource
	for _, n := range names {
		integ := m.Find(t, "org-"+n)
		require.Equal(t, OrgServiceIntegrationToken, integ.Type)
		require.Equal(t, setRec.URN, integ.Parent)
		var writes []recordedResource
		for _, c := range m.Children(integ) {
			if isOrgWrite(c) {
				writes = append(writes, c)
			}
		}
		require.NotEmpty(t, writes, "integration %q", n)
		slices.SortFunc(writes, func(a, b recordedResource) int { return int(a.Seq - b.Seq) })
		chain = append(chain, writes...)
	}
	var all []recordedResource
	for _, r := range m.Resources() {
		if isOrgWrite(r) {
			all = append(all, r)
		}
	}
	require.Len(t, chain, len(all), "every Organizations write is in some integration")
	require.Greater(t, len(chain), 15)

	// A single chain: every write after the first depends on the one before.
	chainURNs := map[string]bool{}
	for _, r := range chain {
		chainURNs[r.URN] = true
	}
	for i, r := range chain {
		var orgDeps []string
		for _, d := range r.Dependencies {
			if chainURNs[d] {
				orgDeps = append(orgDeps, d)
			}
		}
		if i == 0 {
			require.Empty(t, orgDeps, "the first write %q waits for nothing", r.Name)
			continue
		}
		requireDependsOn(t, r, chain[i-1])
	}
	// So any order the engine may pick is the chain's order.
	order := m.DestroyOrder(t)
	for i := 1; i < len(chain); i++ {
		requireDestroyedBefore(t, order, chain[i], chain[i-1])
	}

	ready := out.get(t, "ready").(map[string]string)
	require.Len(t, ready, 15)
	require.Equal(t, "guardduty.amazonaws.com", ready["guardduty"])
	paths := out.get(t, "paths").(map[string]string)
	require.Equal(t, "service", paths["servicecatalog"])
	require.Equal(t, "organizations", paths["guardduty"])
}

func TestOrgIntegrationsBadInput(t *testing.T) {
	t.Parallel()
	ok := OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount}
	tests := []struct {
		name  string
		specs []OrgIntegrationSpec
		org   string
		wants []string
	}{
		{name: "empty", wants: []string{"integrations is empty"}},
		{
			name:  "duplicate name",
			specs: []OrgIntegrationSpec{{Name: "gd", Args: ok}, {Name: "gd", Args: ok}},
			wants: []string{`name "gd" is used twice`},
		},
		{
			name:  "bad name",
			specs: []OrgIntegrationSpec{{Name: "guard duty", Args: ok}},
			wants: []string{`name "guard duty" is not valid`},
		},
		{
			name: "one bad integration",
			specs: []OrgIntegrationSpec{{Name: "gd", Args: ok},
				{Name: "hub", Args: OrgServiceIntegrationArgs{Service: "securityhub", DelegatedAdminAccountID: "1"}}},
			org:   mgmtAccount,
			wants: []string{`integrations[1].args.delegatedAdminAccountId "1" is not an AWS account ID`},
		},
		{
			name:  "management account as admin in one integration",
			specs: []OrgIntegrationSpec{{Name: "gd", Args: ok}, {Name: "aa", Args: OrgServiceIntegrationArgs{Service: "access-analyzer", DelegatedAdminAccountID: mgmtAccount}}},
			org:   mgmtAccount,
			wants: []string{`integrations[1].args.delegatedAdminAccountId "111122223333" is the organization's management account (read from the organization)`},
		},
		{
			name: "management account given by another integration",
			specs: []OrgIntegrationSpec{
				{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty", ManagementAccountID: mgmtAccount}},
				{Name: "aa", Args: OrgServiceIntegrationArgs{Service: "access-analyzer", DelegatedAdminAccountID: mgmtAccount}},
			},
			wants: []string{`integrations[1].args.delegatedAdminAccountId "111122223333" is the organization's management account (managementAccountId of integration "gd")`},
		},
		{
			name: "different management accounts",
			specs: []OrgIntegrationSpec{
				{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty", ManagementAccountID: mgmtAccount}},
				{Name: "aa", Args: OrgServiceIntegrationArgs{Service: "access-analyzer", ManagementAccountID: "999988887777"}},
			},
			wants: []string{`integrations[0].args.managementAccountId "111122223333" differs from the managementAccountId of integration "aa", "999988887777"`},
		},
		{
			// Integrations are planned in name order, so "a" claims first.
			name: "a principal that a service already enables",
			specs: []OrgIntegrationSpec{
				{Name: "b", Args: OrgServiceIntegrationArgs{Service: "config", ManagementAccountID: mgmtAccount}},
				{Name: "a", Args: OrgServiceIntegrationArgs{ServicePrincipal: "config-multiaccountsetup.amazonaws.com"}},
			},
			wants: []string{`integrations[0].args.service "config" manages config-multiaccountsetup.amazonaws.com, as integration "a" (integrations[1]) does`},
		},
		{
			name: "the same service twice",
			specs: []OrgIntegrationSpec{
				{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty"}},
				{Name: "gd2", Args: OrgServiceIntegrationArgs{ServicePrincipal: "guardduty.amazonaws.com"}},
			},
			wants: []string{`integrations[1].args.servicePrincipal "guardduty.amazonaws.com" manages guardduty.amazonaws.com, as integration "gd" (integrations[0]) does`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := newMocks()
			if tt.org != "" {
				m.withOrganization(tt.org)
			}
			err := m.run(func(ctx *pulumi.Context) error {
				_, err := NewOrgIntegrations(ctx, "set", OrgIntegrationsArgs{Integrations: tt.specs})
				return err
			})
			require.ErrorContains(t, err, OrgIntegrationsToken+` "set": `)
			for _, want := range tt.wants {
				require.ErrorContains(t, err, want)
			}
			require.Empty(t, m.Resources(), "bad input must register nothing")
		})
	}
}

func BenchmarkOrgIntegrations(b *testing.B) {
	services := []string{"guardduty", "securityhub", "access-analyzer", "config", "macie", "detective",
		"inspector", "fms", "cloudtrail", "auditmanager", "ipam", "servicecatalog", "backup", "health", "ssm"}
	specs := make([]OrgIntegrationSpec, len(services))
	for i, s := range services {
		specs[i] = OrgIntegrationSpec{Name: s, Args: OrgServiceIntegrationArgs{
			Service: s, DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
		}}
	}
	for b.Loop() {
		m := newMocks()
		err := m.run(func(ctx *pulumi.Context) error {
			_, err := NewOrgIntegrations(ctx, "org", OrgIntegrationsArgs{Integrations: specs})
			return err
		})
		if err != nil {
			b.Fatal(fmt.Errorf("running the program: %w", err))
		}
	}
}
