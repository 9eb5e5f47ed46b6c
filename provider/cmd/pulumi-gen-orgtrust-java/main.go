// Command pulumi-gen-orgtrust-java generates the orgtrust Java SDK, sdk/java,
// from the package schema with pulumi-java's code generator, and writes the
// Maven build (pom.xml) and the plugin.json that the generator leaves to a
// Gradle build (`make sdks`):
//
//	pulumi-gen-orgtrust-java -schema schema/schema.json -out sdk/java -version 0.1.0-dev
//
// It is a Go module of its own: github.com/pulumi/pulumi-java/pkg v1.12.0
// builds only against the github.com/pulumi/pulumi/pkg/v3 of its own time,
// older than the provider's (at v3.256 the schema and PCL APIs it calls have
// changed). Its go.mod pins pulumi v3.171.0, the first release after the
// pre-release that v1.12.0 names, which the checksum database does not have;
// pulumi-java v1.16.0 is not in the checksum database either.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pulumi-gen-orgtrust-java", flag.ContinueOnError)
	fs.SetOutput(stderr)
	schemaPath := fs.String("schema", "schema/schema.json", "the package schema to generate from")
	out := fs.String("out", "sdk/java", "the directory of the Java SDK")
	version := fs.String("version", "", "the package version written into the SDK (required; make sdks passes the Makefile's VERSION)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *version == "" {
		fmt.Fprintln(stderr, "pulumi-gen-orgtrust-java: -version is required, such as -version 0.1.0-dev")
		return 2
	}
	if err := generateSDK(*schemaPath, *out, *version); err != nil {
		fmt.Fprintf(stderr, "pulumi-gen-orgtrust-java: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "pulumi-gen-orgtrust-java: wrote the Java SDK under %s\n", *out)
	return 0
}

func generateSDK(schemaPath, out, version string) error {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return fmt.Errorf("reading the schema (run `make schema` to generate it): %w", err)
	}
	files, err := generate(data, version)
	if err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	return write(out, files)
}
