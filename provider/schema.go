package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	p "github.com/pulumi/pulumi-go-provider"
	rpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Schema returns the package schema, in-process, as the engine's GetSchema
// call would return it, without its version and indented: the content of
// schema/schema.json, which `make schema` writes and a test keeps equal to
// the code.
func Schema(ctx context.Context) ([]byte, error) {
	prov, err := New()
	if err != nil {
		return nil, err
	}
	server, err := p.RawServer(Name, Version, prov)(nil)
	if err != nil {
		return nil, fmt.Errorf("starting the %s provider in-process: %w", Name, err)
	}
	resp, err := server.GetSchema(ctx, &rpc.GetSchemaRequest{})
	if err != nil {
		return nil, fmt.Errorf("getting the %s schema: %w", Name, err)
	}
	return NormalizeSchema([]byte(resp.GetSchema()))
}

// NormalizeSchema returns a package schema without its version, indented,
// with its keys sorted: a committed schema then changes only when the
// package does.
func NormalizeSchema(data []byte) ([]byte, error) {
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		return nil, fmt.Errorf("decoding the schema: %w", err)
	}
	delete(schema, "version")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(schema); err != nil {
		return nil, fmt.Errorf("encoding the schema: %w", err)
	}
	return b.Bytes(), nil
}
