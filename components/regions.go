package components

import (
	"fmt"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The Regions the components take are checked with the catalog's Region
// validator (catalog.CheckRegion); these are the rules across Regions.

// samePartition reports r when it is in another partition than first, both
// known Regions: an organization's Regions are all in its partition.
func samePartition(field, r, first string) *InputError {
	_, p, _ := catalog.LookupRegion(r)
	_, q, _ := catalog.LookupRegion(first)
	if p.ID == q.ID {
		return nil
	}
	return &InputError{Field: field, Value: r, Message: fmt.Sprintf("%q is a Region of the %s partition (%s), "+
		"but %q is in %s (%s): an organization and its delegated administrators are in one partition; list "+
		"Regions of one partition", r, p.ID, p.Name, first, q.ID, q.Name)}
}

// firstRegionOf returns the first Region of a partition, for examples.
func firstRegionOf(partition string) string {
	if partition == "aws" {
		return "us-east-1"
	}
	if p, ok := catalog.LookupPartition(partition); ok && len(p.Regions) > 0 {
		return p.Regions[0].Code
	}
	return "us-east-1"
}
