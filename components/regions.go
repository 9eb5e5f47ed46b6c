package components

import (
	"fmt"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// The Regions the components take, checked against the partitions and
// Regions of the catalog (catalog.Partitions).

// checkRegion reports a Region that is not a Region of an AWS partition, at
// field, with the nearest Region when it looks misspelt.
func checkRegion(errs *InputErrors, field, r string) bool {
	if _, _, ok := catalog.LookupRegion(r); ok {
		return true
	}
	near, found := suggest.Nearest(r, catalog.RegionCodes())
	hint := ""
	if found {
		region, _, _ := catalog.LookupRegion(near)
		hint = fmt.Sprintf("did you mean %q, %s?", near, region.Name)
	}
	switch {
	case !regionPattern.MatchString(r) && found:
		errs.add(field, r, "%q is not an AWS Region name: %s", r, hint)
	case !regionPattern.MatchString(r):
		errs.add(field, r, "%q is not an AWS Region name: use names such as %q or %q", r, "us-east-1", "eu-west-1")
	case found:
		errs.add(field, r, "%q is not an AWS Region: %s", r, hint)
	default:
		errs.add(field, r, "%q is not a Region of any AWS partition: use a Region name such as %q (a Region "+
			"AWS opened after this release of %s needs a newer %s)", r, "us-east-1", PackageName, PackageName)
	}
	return false
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
