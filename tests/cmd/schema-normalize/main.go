// Command schema-normalize reads a Pulumi package schema on stdin and writes it
// to stdout without its version, indented, so that the committed
// schema/schema.json does not change with every build.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "schema-normalize:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	var schema map[string]any
	if err := json.NewDecoder(in).Decode(&schema); err != nil {
		return fmt.Errorf("decoding the schema: %w", err)
	}
	delete(schema, "version")
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(schema)
}
