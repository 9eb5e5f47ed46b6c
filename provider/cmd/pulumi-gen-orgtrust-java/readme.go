package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// readme is the SDK's README.md: what the package is, its Maven coordinates
// and its Java package.
func readme(pkg *schema.Package, javaPackage string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s for Java\n\n", pkg.Name)
	if pkg.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimSpace(pkg.Description))
	}
	fmt.Fprintf(&b, "Add it to a Pulumi Java program's pom.xml:\n\n")
	fmt.Fprintf(&b, "```xml\n<dependency>\n    <groupId>%s</groupId>\n    <artifactId>%s</artifactId>\n    <version>%s</version>\n</dependency>\n```\n\n",
		groupID, artifactID, pkg.Version)
	fmt.Fprintf(&b, "and import its classes from the package `%s`.\n", javaPackage)
	if pkg.Repository != "" {
		fmt.Fprintf(&b, "\nDocumentation, examples and the provider plugin: %s\n", pkg.Repository)
	}
	return b.Bytes()
}
