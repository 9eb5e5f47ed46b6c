package baseline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type noMocks struct{}

func (noMocks) NewResource(a pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	return a.Name, a.Inputs, nil
}

func (noMocks) Call(a pulumi.MockCallArgs) (resource.PropertyMap, error) { return a.Args, nil }

// TestRootDirectoryWithoutPulumiRootDirectory: a language host that does not
// set PULUMI_ROOT_DIRECTORY (the Go host of pulumi v3.62) runs the program in
// its own directory, the project's main; a relative configFile is then read
// from the directory of Pulumi.yaml above it, as the error message says.
func TestRootDirectoryWithoutPulumiRootDirectory(t *testing.T) {
	project := t.TempDir()
	program := filepath.Join(project, "examples", "baseline")
	require.NoError(t, os.MkdirAll(program, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(project, "Pulumi.yaml"), []byte("name: p\nruntime: go\n"), 0o644))
	t.Setenv("PULUMI_ROOT_DIRECTORY", "")
	t.Chdir(program)

	var got string
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		require.Empty(t, ctx.RootDirectory(), "the engine named no root directory")
		got = rootDirectory(ctx)
		return nil
	}, pulumi.WithMocks("p", "s", noMocks{}))
	require.NoError(t, err)
	assert.Equal(t, project, got, "the directory of Pulumi.yaml above the program's")

	t.Run("without a Pulumi.yaml above, the working directory", func(t *testing.T) {
		alone := t.TempDir()
		assert.Equal(t, alone, projectDirectory(alone))
	})
	t.Run("the nearest Pulumi.yaml wins", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(program, "Pulumi.yaml"), []byte("name: q\n"), 0o644))
		assert.Equal(t, program, projectDirectory(program))
	})
}
