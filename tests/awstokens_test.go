package tests

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/orgtrust/pulumi-orgtrust/tests/engine"
)

// awsSDKGoPrefix is the import path of the pulumi-aws Go SDK's packages: the
// root (module index) and one package per module.
const awsSDKGoPrefix = awsSDKModule + "/go/aws"

// awsTokenLiteral is a pulumi-aws type or function token written out, as
// "aws:ssoadmin/accountAssignment:AccountAssignment".
var awsTokenLiteral = regexp.MustCompile(`^aws:[a-zA-Z0-9]+/[a-zA-Z0-9]+:[a-zA-Z0-9]+$`)

// awsSDKCall is one call into the pulumi-aws Go SDK: the package's directory
// under go/aws ("" for the root) and the function.
type awsSDKCall struct{ module, fn string }

// sourceAWSTokens are the pulumi-aws resource types and functions that the
// components' Go source (components/ and its packages, without tests) can
// register or invoke, whatever a configuration selects: every call of a
// resource constructor (NewX), resource getter (GetX) or function
// (LookupX, GetX and their Output forms) of a pulumi-aws package, with the
// token read from that function's source in the pulumi-aws SDK that go.mod
// requires (so that the mapping cannot drift from pulumi-aws's), and every
// string literal that is a pulumi-aws token (the types registered with
// ctx.RegisterResource in package components, such as the light account
// assignment). It returns
// the token and where the source uses it.
func sourceAWSTokens(t *testing.T) map[string]string {
	t.Helper()
	root := engine.RepoRoot()
	calls := map[awsSDKCall]string{}
	out := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(filepath.Join(root, "components"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		// The local names of the pulumi-aws packages the file imports.
		modules := map[string]string{}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != awsSDKGoPrefix && !strings.HasPrefix(p, awsSDKGoPrefix+"/") {
				continue
			}
			name := filepath.Base(p)
			if imp.Name != nil {
				name = imp.Name.Name
			}
			modules[name] = strings.TrimPrefix(strings.TrimPrefix(p, awsSDKGoPrefix), "/")
		}
		rel, _ := filepath.Rel(root, path)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				module, ok := modules[pkg.Name]
				if !ok || !sdkEntryPoint(sel.Sel.Name) {
					return true
				}
				c := awsSDKCall{module, sel.Sel.Name}
				if _, seen := calls[c]; !seen {
					calls[c] = fmt.Sprintf("%s:%d (%s.%s)", rel, fset.Position(n.Pos()).Line, pkg.Name, sel.Sel.Name)
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				// Only package components registers types by token; the
				// catalog's tokens name types for its tables (IAM actions,
				// resource types, some never registered, as IAM's
				// OrganizationsFeatures), whose registrations are calls.
				if filepath.Dir(path) != filepath.Join(root, "components") {
					return true
				}
				if s, err := strconv.Unquote(n.Value); err == nil && awsTokenLiteral.MatchString(s) {
					if _, seen := out[s]; !seen {
						out[s] = fmt.Sprintf("%s:%d", rel, fset.Position(n.Pos()).Line)
					}
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, calls, "the components call pulumi-aws's constructors and functions")
	dir := awsSDKDir(t)
	for c, where := range calls {
		tok, err := sdkToken(filepath.Join(dir, "go", "aws", c.module), c.fn)
		require.NoError(t, err, "reading the token of the pulumi-aws SDK's %s, called at %s", c.fn, where)
		if strings.HasPrefix(tok, "aws:") {
			if _, seen := out[tok]; !seen {
				out[tok] = where
			}
		}
	}
	return out
}

// sdkEntryPoint says whether a pulumi-aws SDK function registers, reads or
// invokes something: a resource constructor or getter, or a function.
func sdkEntryPoint(fn string) bool {
	for _, p := range []string{"New", "Lookup", "Get"} {
		if rest, ok := strings.CutPrefix(fn, p); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			return true
		}
	}
	return false
}

// awsSDKDir is the directory of the pulumi-aws Go SDK that go.mod requires.
func awsSDKDir(t *testing.T) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", "list", "-m", "-f", "{{if .Replace}}{{.Replace.Dir}}{{else}}{{.Dir}}{{end}}",
		awsSDKModule)
	cmd.Dir = engine.RepoRoot()
	b, err := cmd.Output()
	require.NoError(t, err, "locating %s in the module cache", awsSDKModule)
	dir := strings.TrimSpace(string(b))
	require.NotEmpty(t, dir, "%s is not in the module cache: go mod download", awsSDKModule)
	return dir
}

// sdkToken reads from the pulumi-aws SDK package in dir the token that its
// function fn registers, reads or invokes: the first argument of its
// ctx.RegisterResource, ReadResource, Invoke or InvokeOutput call (for the
// provider, "pulumi:providers:aws").
func sdkToken(dir, fn string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	decl := []byte("func " + fn + "(")
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return "", err
		}
		if !bytes.Contains(src, decl) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
		if err != nil {
			return "", err
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Name.Name != fn || fd.Body == nil {
				continue
			}
			var tokens []string
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				switch sel.Sel.Name {
				case "RegisterResource", "ReadResource", "Invoke", "InvokeOutput", "RegisterPackageResource":
					if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, err := strconv.Unquote(lit.Value); err == nil {
							tokens = append(tokens, s)
						}
					}
				}
				return true
			})
			sort.Strings(tokens)
			if len(tokens) == 0 {
				return "", fmt.Errorf("%s in %s registers, reads or invokes no token", fn, filepath.Join(dir, name))
			}
			for _, tok := range tokens[1:] {
				if tok != tokens[0] {
					return "", fmt.Errorf("%s in %s uses several tokens: %v", fn, name, tokens)
				}
			}
			return tokens[0], nil
		}
	}
	return "", fmt.Errorf("no function %s in %s", fn, dir)
}
