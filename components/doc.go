// Package components is the orgtrust component library: Pulumi components that
// make AWS Organizations trusted-access integrations declarative and safe.
//
// Go programs import this package directly. Programs in other languages reach
// the same code through the orgtrust provider, which constructs these
// components for them (see the provider package).
package components
