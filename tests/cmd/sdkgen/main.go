// Command sdkgen generates the orgtrust SDKs for Go, Node.js and Python from
// schema/schema.json into sdk/go, sdk/nodejs and sdk/python (`make sdks`).
//
//	go run ./tests/cmd/sdkgen [-schema schema/schema.json] [-out sdk] [-version 0.1.0-dev]
//
// The checked-in SDKs carry the fixed placeholder version gen.PlaceholderVersion;
// release builds pass -version and write to a directory outside the repository.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/orgtrust/pulumi-orgtrust/tests/cmd/sdkgen/gen"
)

func main() {
	schemaPath := flag.String("schema", "schema/schema.json", "the package schema to generate from")
	out := flag.String("out", "sdk", "the SDK root: each language goes into <out>/<language>")
	version := flag.String("version", gen.PlaceholderVersion, "the package version written into the SDKs")
	flag.Parse()
	if err := run(*schemaPath, *out, *version); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}

func run(schemaPath, out, version string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return fmt.Errorf("reading the schema (run `make schema` to generate it): %w", err)
	}
	files, err := gen.Generate(data, version)
	if err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	if err := gen.Write(out, files); err != nil {
		return err
	}
	fmt.Printf("sdkgen: wrote %d files for %v under %s\n", len(files), gen.Languages, out)
	return nil
}
