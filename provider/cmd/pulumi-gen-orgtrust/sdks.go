package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/orgtrust/pulumi-orgtrust/provider/cmd/pulumi-gen-orgtrust/gen"
)

// sdksCommand generates the orgtrust SDKs for Go, Node.js and Python from the
// schema into <out>/go, <out>/nodejs and <out>/python (`make sdks`). The
// checked-in SDKs carry the fixed placeholder version gen.PlaceholderVersion;
// release builds pass -version and write to a directory outside the
// repository.
var sdksCommand = command{
	name:    "sdks",
	summary: "generate the Go, Node.js and Python SDKs from the schema (make sdks)",
	run:     runSDKs,
}

func runSDKs(args []string) error {
	fs := flag.NewFlagSet("pulumi-gen-orgtrust sdks", flag.ExitOnError)
	schemaPath := fs.String("schema", "schema/schema.json", "the package schema to generate from")
	out := fs.String("out", "sdk", "the SDK root: each language goes into <out>/<language>")
	version := fs.String("version", gen.PlaceholderVersion, "the package version written into the SDKs")
	_ = fs.Parse(args) // ExitOnError: a bad flag exits 2
	data, err := os.ReadFile(*schemaPath)
	if err != nil {
		return fmt.Errorf("reading the schema (run `make schema` to generate it): %w", err)
	}
	files, err := gen.Generate(data, *version)
	if err != nil {
		return fmt.Errorf("%s: %w", *schemaPath, err)
	}
	if err := gen.Write(*out, files); err != nil {
		return err
	}
	fmt.Printf("pulumi-gen-orgtrust: wrote %d files for %v under %s\n", len(files), gen.Languages, *out)
	return nil
}
