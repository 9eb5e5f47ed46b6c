package engine

import (
	"os"
)

// CLIEnv returns the stack's name and the environment in which the Pulumi CLI
// of bin/ runs commands on it as the Automation API does (backend, home,
// passphrase, PATH with the language host, and PULUMI naming the CLI), for
// tests that run a script's `pulumi` commands themselves.
func (s *Stack) CLIEnv() (string, []string) {
	s.t.Helper()
	ws := s.stack.Workspace()
	env := os.Environ()
	path := os.Getenv("PATH")
	for k, v := range ws.GetEnvVars() {
		if k == "PATH" {
			path = v
			continue
		}
		env = append(env, k+"="+v)
	}
	cli, _ := Binaries()
	env = append(env, "PULUMI_HOME="+ws.PulumiHome(), "PATH="+path, "PULUMI="+cli)
	return s.stack.Name(), env
}
