package tests

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssoadmin"
	ssotypes "github.com/aws/aws-sdk-go-v2/service/ssoadmin/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/provider"
)

// startMoto starts moto_server, from the Python test environment of `make
// python-env` (tests/testdata/python/requirements.txt pins moto), on a free
// loopback port and returns its URL; it is stopped when the test ends. Without
// the environment the test skips, or fails under CI (needTool).
func startMoto(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(filepath.Dir(pythonEnv(t)), "moto_server")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(url + "/moto-api/")
		if err == nil {
			resp.Body.Close()
			return url
		}
		if time.Now().After(deadline) {
			t.Fatalf("moto_server did not answer on %s within 60s: %v", url, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// observed is what the client saw of one endpoint, to compare moto's
// answers with the fake's.
type observed struct {
	created, existing, deleted, remaining int
	fields                                []string
	deleteMissing                         string
}

// observe runs the resource's client code against an endpoint: create three
// assignments, list them, delete two, list again, and delete one that does
// not exist.
func observe(t *testing.T, endpoint, instanceArn, psArn string) observed {
	t.Helper()
	ctx := context.Background()
	client := provider.NewAssignmentClient(fakeAWSConfig(), provider.AssignmentClientOptions{
		Endpoint: endpoint, MaxBackoff: time.Second,
	})
	set := []provider.Assignment{
		{PermissionSetArn: psArn, PrincipalType: "USER", PrincipalID: ssoUser(0), AccountID: ssoAccount(0)},
		{PermissionSetArn: psArn, PrincipalType: "USER", PrincipalID: ssoUser(0), AccountID: ssoAccount(1)},
		{PermissionSetArn: psArn, PrincipalType: "GROUP", PrincipalID: ssoGroup(0), AccountID: ssoAccount(0)},
	}
	var o observed
	managed, res, err := client.Converge(ctx, instanceArn, nil, set)
	require.NoError(t, err)
	require.Empty(t, res.Failed)
	o.created = len(res.Created)
	present, err := client.Existing(ctx, instanceArn, managed)
	require.NoError(t, err)
	o.existing = len(present)

	sso := ssoadmin.NewFromConfig(fakeAWSConfig(), func(op *ssoadmin.Options) { op.BaseEndpoint = aws.String(endpoint) })
	out, err := sso.ListAccountAssignmentsForPrincipal(ctx, &ssoadmin.ListAccountAssignmentsForPrincipalInput{
		InstanceArn: aws.String(instanceArn), PrincipalId: aws.String(ssoUser(0)),
		PrincipalType: ssotypes.PrincipalTypeUser, MaxResults: aws.Int32(100),
	})
	require.NoError(t, err)
	for _, a := range out.AccountAssignments {
		o.fields = append(o.fields, fmt.Sprintf("%s %t %s %s", aws.ToString(a.AccountId),
			aws.ToString(a.PermissionSetArn) == psArn, aws.ToString(a.PrincipalId), a.PrincipalType))
	}

	after, res, err := client.Converge(ctx, instanceArn, managed, set[:1])
	require.NoError(t, err)
	o.deleted = len(res.Deleted)
	present, err = client.Existing(ctx, instanceArn, after)
	require.NoError(t, err)
	o.remaining = len(present)

	_, err = sso.DeleteAccountAssignment(ctx, &ssoadmin.DeleteAccountAssignmentInput{
		InstanceArn: aws.String(instanceArn), PermissionSetArn: aws.String(psArn),
		PrincipalId: aws.String(ssoUser(3)), PrincipalType: ssotypes.PrincipalTypeUser,
		TargetId: aws.String(ssoAccount(0)), TargetType: ssotypes.TargetTypeAwsAccount,
	})
	var nf *ssotypes.ResourceNotFoundException
	if errors.As(err, &nf) {
		o.deleteMissing = "ResourceNotFoundException"
	} else {
		o.deleteMissing = fmt.Sprint(err)
	}
	return o
}

// TestFakeMatchesMoto runs the resource's client code against moto, an
// independent emulator, and against the fake, and compares what it sees.
func TestFakeMatchesMoto(t *testing.T) {
	t.Parallel()
	motoURL := startMoto(t)
	ctx := context.Background()
	sso := ssoadmin.NewFromConfig(fakeAWSConfig(), func(o *ssoadmin.Options) { o.BaseEndpoint = aws.String(motoURL) })
	insts, err := sso.ListInstances(ctx, &ssoadmin.ListInstancesInput{})
	require.NoError(t, err)
	require.NotEmpty(t, insts.Instances)
	instanceArn := aws.ToString(insts.Instances[0].InstanceArn)
	// moto 5.2 encodes CreatePermissionSet's SessionDuration as a number,
	// which the SDK rejects, and does not check that a permission set exists
	// when assigning it: a well-formed ARN of the instance serves.
	psArn := strings.Replace(instanceArn, ":instance/", ":permissionSet/", 1) + "/ps-0000000000000001"
	fromMoto := observe(t, motoURL, instanceArn, psArn)

	fake := newSSOFake()
	t.Cleanup(fake.Close)
	fromFake := observe(t, fake.URL(), fake.InstanceArn(), fake.PermissionSetArn(1))

	assert.Equal(t, observed{created: 3, existing: 3, deleted: 2, remaining: 1,
		fields: fromMoto.fields, deleteMissing: "ResourceNotFoundException"}, fromMoto)
	assert.Equal(t, fromMoto, fromFake)
	assert.Len(t, fromMoto.fields, 2)
}
