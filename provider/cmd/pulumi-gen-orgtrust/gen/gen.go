// Package gen generates the orgtrust SDKs for Go, Node.js and Python from the
// package schema, with the Pulumi code generators called directly: no Pulumi
// language plugin is needed, so `make sdks` works on any machine with Go.
//
// The output is deterministic. The schema's version is replaced by a fixed
// placeholder (release builds pass their own), the generators' maps are written
// in sorted order, and Write removes files that the schema no longer produces.
package gen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// Tool names the generator in the header of every generated file. It keeps
// the generator's first name: changing it would change every generated file.
const Tool = "pulumi-gen-orgtrust (make sdks)"

// PlaceholderVersion is the package version written into the checked-in SDKs.
// It equals the Makefile's default VERSION, so the checked-in SDKs request the
// plugin that `make install` installs. Release builds regenerate with their
// own version (pulumi-gen-orgtrust sdks -version).
const PlaceholderVersion = "0.1.0-dev"

// Languages are the SDK languages generated, each into a directory of that name.
var Languages = []string{"go", "nodejs", "python"}

// ignoredDirs are directories inside an SDK that hold build output or
// dependencies, never generated files: Write leaves them alone and Compare
// skips them.
var ignoredDirs = map[string]bool{
	"node_modules": true,
	"bin":          true,
	"__pycache__":  true,
	"build":        true,
	"dist":         true,
	".mypy_cache":  true,
	"target":       true, // Maven's (sdk/java)
}

// Ignored reports whether rel, a slash-separated path relative to the SDK
// root, is build output or dependencies rather than a generated file.
func Ignored(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if ignoredDirs[part] || strings.HasSuffix(part, ".egg-info") {
			return true
		}
	}
	return false
}

// Generate binds schemaJSON and generates the SDKs of every language. The
// result maps slash-separated paths relative to the SDK root, such as
// "nodejs/package.json", to their contents. version replaces the schema's
// version; empty means PlaceholderVersion.
func Generate(schemaJSON []byte, version string) (map[string][]byte, error) {
	if version == "" {
		version = PlaceholderVersion
	}
	v, err := semver.ParseTolerant(version)
	if err != nil {
		return nil, fmt.Errorf("version %q is not a semantic version: give one such as %q", version, "1.2.3")
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(schemaJSON, &spec); err != nil {
		return nil, fmt.Errorf("decoding the schema: %w", err)
	}
	spec.Version = v.String()

	out := map[string][]byte{}
	for _, lang := range Languages {
		// Each generator records its language info in the bound package, so each
		// gets a package of its own.
		pkg, err := bind(spec)
		if err != nil {
			return nil, err
		}
		files, err := generate(lang, pkg)
		if err != nil {
			return nil, fmt.Errorf("generating the %s SDK: %w", lang, err)
		}
		for name, data := range files {
			out[lang+"/"+filepath.ToSlash(name)] = data
		}
	}
	return out, nil
}

// bind validates spec against the Pulumi metaschema and binds it, with a loader
// that refuses every other package.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, RefusingLoader{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("binding the schema: %w", err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("binding the schema: %w", diags)
	}
	return pkg, nil
}

func generate(lang string, pkg *schema.Package) (files map[string][]byte, err error) {
	// The generators report some schema problems by panicking.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the %s generator failed: %v", lang, r)
		}
	}()
	switch lang {
	case "nodejs":
		files, err = nodejs.GeneratePackage(Tool, pkg, nil, nil, false, RefusingLoader{})
	case "python":
		files, err = python.GeneratePackage(Tool, pkg, nil, RefusingLoader{})
	case "go":
		return gogen.GeneratePackage(Tool, pkg, nil)
	default:
		return nil, fmt.Errorf("no generator for language %q; the languages are %s", lang,
			strings.Join(Languages, ", "))
	}
	if err != nil {
		return nil, err
	}
	// package.json and pyproject.toml name README.md at the package root.
	files["README.md"] = readme(pkg)
	return files, nil
}

// readme is the README of the Node.js and Python packages: the schema's
// description and where to read more.
func readme(pkg *schema.Package) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", displayName(pkg))
	if pkg.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(pkg.Description))
	}
	if pkg.Repository != "" {
		fmt.Fprintf(&b, "Documentation, examples and the provider plugin: %s\n", pkg.Repository)
	}
	return b.Bytes()
}

func displayName(pkg *schema.Package) string {
	if pkg.DisplayName != "" {
		return pkg.DisplayName
	}
	return pkg.Name
}

// RefusingLoader is the schema loader of the generator. The orgtrust schema
// must be self-contained: a reference to another package (an aws type, say)
// would make every SDK depend on that package's SDK, so it is an error.
type RefusingLoader struct{}

var _ schema.ReferenceLoader = RefusingLoader{}

func refuse(name string, version *semver.Version) error {
	v := "any version"
	if version != nil {
		v = "version " + version.String()
	}
	return fmt.Errorf("the schema references package %q (%s): the orgtrust schema must be self-contained; "+
		"expose the value as a plain orgtrust type or a string (an ARN or ID) instead of a type of %q", name, v, name)
}

// LoadPackage refuses the package.
func (RefusingLoader) LoadPackage(name string, version *semver.Version) (*schema.Package, error) {
	return nil, refuse(name, version)
}

// LoadPackageV2 refuses the package.
func (RefusingLoader) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refuse(d.Name, d.Version)
}

// LoadPackageReference refuses the package.
func (RefusingLoader) LoadPackageReference(name string, version *semver.Version) (schema.PackageReference, error) {
	return nil, refuse(name, version)
}

// LoadPackageReferenceV2 refuses the package.
func (RefusingLoader) LoadPackageReferenceV2(_ context.Context, d *schema.PackageDescriptor) (
	schema.PackageReference, error,
) {
	return nil, refuse(d.Name, d.Version)
}

// Write writes files under dir (the SDK root, such as sdk/) and removes every
// other file in the language directories, except build output and
// dependencies (see Ignored), so that a type dropped from the schema leaves no
// stale file behind.
func Write(dir string, files map[string][]byte) error {
	for _, lang := range Languages {
		root := filepath.Join(dir, lang)
		existing, err := List(root)
		if err != nil {
			return err
		}
		for _, rel := range existing {
			if _, ok := files[lang+"/"+rel]; !ok {
				if err := os.Remove(filepath.Join(root, filepath.FromSlash(rel))); err != nil {
					return fmt.Errorf("removing stale %s: %w", rel, err)
				}
			}
		}
		if err := removeEmptyDirs(root); err != nil {
			return err
		}
	}
	for _, rel := range sortedKeys(files) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("creating the directory of %s: %w", rel, err)
		}
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[rel]) {
			continue // unchanged: keep the modification time
		}
		if err := os.WriteFile(p, files[rel], 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", rel, err)
		}
	}
	return nil
}

// List returns the files under root, slash-separated and relative to it,
// sorted, without build output and dependencies. A missing root has no files.
func List(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipAll
			}
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if Ignored(rel) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", root, err)
	}
	slices.Sort(out)
	return out, nil
}

// Compare returns the differences between files and the SDKs under dir, one
// line per path ("changed", "missing" or "extra"), sorted; none means dir is
// up to date. It compares the directories of Languages and of any other
// language that files has (sdk/java, which its own generator writes).
func Compare(dir string, files map[string][]byte) ([]string, error) {
	langs := slices.Clone(Languages)
	for rel := range files {
		if lang, _, ok := strings.Cut(rel, "/"); ok && !slices.Contains(langs, lang) {
			langs = append(langs, lang)
		}
	}
	var diffs []string
	for _, lang := range langs {
		existing, err := List(filepath.Join(dir, lang))
		if err != nil {
			return nil, err
		}
		for _, rel := range existing {
			if _, ok := files[lang+"/"+rel]; !ok {
				diffs = append(diffs, "extra:   "+path.Join(lang, rel))
			}
		}
	}
	for _, rel := range sortedKeys(files) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			diffs = append(diffs, "missing: "+rel)
		case err != nil:
			return nil, fmt.Errorf("reading %s: %w", rel, err)
		case !bytes.Equal(data, files[rel]):
			diffs = append(diffs, "changed: "+rel)
		}
	}
	slices.SortFunc(diffs, func(a, b string) int { return strings.Compare(a[9:], b[9:]) })
	return diffs, nil
}

// removeEmptyDirs removes the directories under root that hold no file,
// deepest first, leaving root itself and ignored directories.
func removeEmptyDirs(root string) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return fs.SkipAll
			}
			return err
		}
		if !d.IsDir() || p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if Ignored(filepath.ToSlash(rel)) {
			return fs.SkipDir
		}
		dirs = append(dirs, p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing %s: %w", root, err)
	}
	for i := len(dirs) - 1; i >= 0; i-- {
		entries, err := os.ReadDir(dirs[i])
		if err != nil {
			return fmt.Errorf("reading %s: %w", dirs[i], err)
		}
		if len(entries) == 0 {
			if err := os.Remove(dirs[i]); err != nil {
				return fmt.Errorf("removing empty %s: %w", dirs[i], err)
			}
		}
	}
	return nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
