package components

import (
	"fmt"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The Regions the components take, checked against the partitions and
// Regions of the catalog (catalog.Partitions).

// checkRegion reports a Region that is not a Region of an AWS partition, at
// field, with catalog.CheckRegion's message.
func checkRegion(errs *InputErrors, field, r string) bool {
	if err := catalog.CheckRegion(r); err != nil {
		errs.add(field, r, "%s", err.Error())
		return false
	}
	return true
}

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
