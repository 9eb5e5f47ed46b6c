package tests

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	fb "github.com/orgtrust/pulumi-orgtrust/tests/fakebrownfield"
)

func TestZZReadmeSample(t *testing.T) {
	o := fb.New(fb.Options{})
	defer o.Close()
	fb.Seed(o)
	os.RemoveAll("/tmp/adopt")
	cmd := exec.Command(orgtrustCommand(t), "discover", "--stack", "prod", "--out", "adopt", "--regions", "us-east-1,eu-west-1")
	cmd.Dir = "/tmp"
	os.MkdirAll("/tmp", 0o755)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=/tmp"}, o.Env()...)
	out, err := cmd.CombinedOutput()
	fmt.Println(strings.ReplaceAll(string(out), o.URL(), "URL"), err)
}
