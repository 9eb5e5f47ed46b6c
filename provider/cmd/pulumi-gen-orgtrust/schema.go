package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/orgtrust/pulumi-orgtrust/provider"
)

// schemaCommand writes the package schema, from the provider in-process,
// without its version, so that the committed schema/schema.json does not
// change with every build.
var schemaCommand = command{
	name:    "schema",
	summary: "write the package schema from the provider, in-process (make schema)",
	run:     runSchema,
}

func runSchema(args []string) error {
	fs := flag.NewFlagSet("pulumi-gen-orgtrust schema", flag.ExitOnError)
	out := fs.String("out", "schema/schema.json", "the file to write; - for stdout")
	_ = fs.Parse(args) // ExitOnError: a bad flag exits 2
	data, err := provider.Schema(context.Background())
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	// Write beside the target, then rename: an interrupted run leaves the
	// committed schema intact.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".schema-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}
