package components

import (
	"os"
	"regexp"
	"sync"
	"testing"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registrations records each registration's RPC, by name.
type registrations struct {
	mu   sync.Mutex
	rpcs map[string]pulumi.MockResourceArgs
}

func (r *registrations) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rpcs[args.Name] = args
	return args.Name + "-id", args.Inputs, nil
}

func (r *registrations) Call(pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

// TestAssignmentResourceRegistersAsPulumiAWS registers one assignment with
// pulumi-aws's constructor and one with newAssignmentResource: the same
// token, inputs, dependencies and version (so the same default provider),
// and an ID.
func TestAssignmentResourceRegistersAsPulumiAWS(t *testing.T) {
	t.Parallel()
	rec := &registrations{rpcs: map[string]pulumi.MockResourceArgs{}}
	var light *assignmentResource
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		ps, err := ssoadmin.NewPermissionSet(ctx, "ps", &ssoadmin.PermissionSetArgs{
			InstanceArn: pulumi.String("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
		})
		if err != nil {
			return err
		}
		args := func() *ssoadmin.AccountAssignmentArgs {
			return &ssoadmin.AccountAssignmentArgs{
				InstanceArn:      pulumi.String("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
				PermissionSetArn: ps.Arn,
				PrincipalId:      pulumi.String("9a6721f4-b0c1-70d2-8e3f-1234567890ab"),
				PrincipalType:    pulumi.String("GROUP"),
				TargetId:         pulumi.String("111122223333"),
				TargetType:       pulumi.String("AWS_ACCOUNT"),
			}
		}
		if _, err := ssoadmin.NewAccountAssignment(ctx, "typed", args(), pulumi.DependsOn([]pulumi.Resource{ps})); err != nil {
			return err
		}
		light, err = newAssignmentResource(ctx, "light", args(), pulumi.DependsOn([]pulumi.Resource{ps}))
		return err
	}, pulumi.WithMocks("project", "stack", rec))
	require.NoError(t, err)

	typed, ok := rec.rpcs["typed"]
	require.True(t, ok)
	got, ok := rec.rpcs["light"]
	require.True(t, ok)
	assert.Equal(t, typed.TypeToken, got.TypeToken)
	assert.Equal(t, assignmentToken, got.TypeToken)
	assert.Equal(t, typed.Inputs, got.Inputs)
	assert.Equal(t, typed.Custom, got.Custom)
	assert.NotEmpty(t, typed.RegisterRPC.GetVersion(), "pulumi-aws registers with its version")
	assert.Equal(t, typed.RegisterRPC.GetVersion(), got.RegisterRPC.GetVersion(), "the same default provider")
	assert.Equal(t, typed.RegisterRPC.GetDependencies(), got.RegisterRPC.GetDependencies())
	assert.Equal(t, typed.RegisterRPC.GetPropertyDependencies(), got.RegisterRPC.GetPropertyDependencies())

	id := make(chan string, 1)
	light.ID().ApplyT(func(v pulumi.ID) string { id <- string(v); return "" })
	assert.Equal(t, "light-id", <-id)
}

// TestAWSGoModVersion keeps awsGoModVersion, the version assignments
// register with where the build records no dependencies, equal to the
// pulumi-aws that go.mod requires.
func TestAWSGoModVersion(t *testing.T) {
	t.Parallel()
	mod, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^\s*github\.com/pulumi/pulumi-aws/sdk/v6 v(\S+)`).FindSubmatch(mod)
	require.NotNil(t, m, "go.mod requires pulumi-aws")
	assert.Equal(t, string(m[1]), awsGoModVersion)
}
