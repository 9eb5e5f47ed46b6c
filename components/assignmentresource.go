package components

import (
	"runtime/debug"
	"strings"
	"sync"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// assignmentToken is the token of pulumi-aws's account assignment.
const assignmentToken = "aws:ssoadmin/accountAssignment:AccountAssignment"

// assignmentResource is an account assignment as IdentityCenterSetup holds
// it: its URN and ID, the only outputs the component reads. pulumi-aws's Go
// type (ssoadmin.AccountAssignment) has six more, each an Output that the Go
// SDK keeps for the life of the program: at 100,000 assignments they were
// 190 MB of the 500 MB that `make plan` kept (make bench, heap profile).
type assignmentResource struct {
	pulumi.CustomResourceState
}

// newAssignmentResource registers an account assignment as
// ssoadmin.NewAccountAssignment does: the same token, the same inputs (its
// Args type marshals them) and options, after the version option that
// pulumi-aws adds to every one of its resources (awsPackageVersion), so that
// the assignment uses the same default provider as the component's other
// AWS resources.
func newAssignmentResource(ctx *pulumi.Context, name string, args *ssoadmin.AccountAssignmentArgs,
	opts ...pulumi.ResourceOption,
) (*assignmentResource, error) {
	var res assignmentResource
	all := append(make([]pulumi.ResourceOption, 0, len(opts)+1), pulumi.Version(awsPackageVersion()))
	if err := ctx.RegisterResource(assignmentToken, name, args, &res, append(all, opts...)...); err != nil {
		return nil, err
	}
	return &res, nil
}

// awsGoModVersion is the pulumi-aws Go SDK that go.mod requires
// (TestAWSGoModVersion keeps them equal).
const awsGoModVersion = "6.83.2"

// awsPackageVersion is the version pulumi-aws's own constructors register
// with (its PkgResourceDefaultOpts): that of the pulumi-aws Go SDK linked into
// the program, from the build info, which a program requiring a newer one
// than go.mod does links; or, where the build records no dependencies (test
// binaries), the one go.mod requires.
var awsPackageVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path != "github.com/pulumi/pulumi-aws/sdk/v6" {
				continue
			}
			if d.Replace != nil {
				d = d.Replace
			}
			if v := strings.TrimPrefix(d.Version, "v"); v != "" && v != "(devel)" {
				return v
			}
		}
	}
	return awsGoModVersion
})
