package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/internal/suggest"
)

// The AWS partitions and their Regions: the one table of Region names that
// orgtrust checks inputs against (OrgServiceIntegration's regions, the
// provider's region) and of the partitions that ARNs may name.
//
// Sources: the AWS Regions page of the AWS Regions and Availability Zones
// guide (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html),
// which lists the Regions of the aws partition and says that GovCloud (US)
// and China accounts have Regions of their own; and the partition table the
// AWS SDKs resolve endpoints with (aws-sdk-go-v2
// internal/endpoints/awsrulesfn/partitions.json, v1.48.0 of 2026-11-10),
// which lists every partition with its Regions, including the opt-in Regions
// opened up to late 2026 (ap-east-2 Taipei, ap-southeast-6 New Zealand,
// mx-central-1 Mexico, me-west-1 Saudi Arabia, sa-west-1 Chile). Regions
// launched before 2019-03-20 are enabled in every account; the others are
// opt-in Regions, to enable per account first
// (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
// TestRegionsCoverTheSDK fails when the SDK this module builds with knows a
// Region the table lacks.

// Region is one AWS Region.
type Region struct {
	// Code is the Region's name in APIs, such as "eu-west-1".
	Code string
	// Name is its display name, such as "Europe (Ireland)".
	Name string
	// OptIn says the Region is an opt-in Region of the aws partition, one
	// introduced after 2019-03-20, which an account uses only after enabling
	// it; the others are enabled in every account of their partition.
	OptIn bool
}

// The opt-in status of the table's Regions.
const (
	optIn     = true
	byDefault = false
)

// Partition is an AWS partition: a set of Regions with its own accounts,
// credentials and ARNs (arn:<partition>:...). An organization and its IAM
// Identity Center instance live in one partition.
type Partition struct {
	// ID is the partition as ARNs spell it, such as "aws" or "aws-us-gov".
	ID string
	// Name is its display name.
	Name string
	// Regions are its Regions, sorted by code.
	Regions []Region
}

var partitions = []Partition{
	{ID: "aws", Name: "AWS", Regions: []Region{
		{"af-south-1", "Africa (Cape Town)", optIn},
		{"ap-east-1", "Asia Pacific (Hong Kong)", optIn},
		{"ap-east-2", "Asia Pacific (Taipei)", optIn},
		{"ap-northeast-1", "Asia Pacific (Tokyo)", byDefault},
		{"ap-northeast-2", "Asia Pacific (Seoul)", byDefault},
		{"ap-northeast-3", "Asia Pacific (Osaka)", byDefault},
		{"ap-south-1", "Asia Pacific (Mumbai)", byDefault},
		{"ap-south-2", "Asia Pacific (Hyderabad)", optIn},
		{"ap-southeast-1", "Asia Pacific (Singapore)", byDefault},
		{"ap-southeast-2", "Asia Pacific (Sydney)", byDefault},
		{"ap-southeast-3", "Asia Pacific (Jakarta)", optIn},
		{"ap-southeast-4", "Asia Pacific (Melbourne)", optIn},
		{"ap-southeast-5", "Asia Pacific (Malaysia)", optIn},
		{"ap-southeast-6", "Asia Pacific (New Zealand)", optIn},
		{"ap-southeast-7", "Asia Pacific (Thailand)", optIn},
		{"ca-central-1", "Canada (Central)", byDefault},
		{"ca-west-1", "Canada West (Calgary)", optIn},
		{"eu-central-1", "Europe (Frankfurt)", byDefault},
		{"eu-central-2", "Europe (Zurich)", optIn},
		{"eu-north-1", "Europe (Stockholm)", byDefault},
		{"eu-south-1", "Europe (Milan)", optIn},
		{"eu-south-2", "Europe (Spain)", optIn},
		{"eu-west-1", "Europe (Ireland)", byDefault},
		{"eu-west-2", "Europe (London)", byDefault},
		{"eu-west-3", "Europe (Paris)", byDefault},
		{"il-central-1", "Israel (Tel Aviv)", optIn},
		{"me-central-1", "Middle East (UAE)", optIn},
		{"me-south-1", "Middle East (Bahrain)", optIn},
		{"me-west-1", "Middle East (Saudi Arabia)", optIn},
		{"mx-central-1", "Mexico (Central)", optIn},
		{"sa-east-1", "South America (São Paulo)", byDefault},
		{"sa-west-1", "South America (Chile)", optIn},
		{"us-east-1", "US East (N. Virginia)", byDefault},
		{"us-east-2", "US East (Ohio)", byDefault},
		{"us-west-1", "US West (N. California)", byDefault},
		{"us-west-2", "US West (Oregon)", byDefault},
	}},
	{ID: "aws-cn", Name: "AWS China", Regions: []Region{
		{"cn-north-1", "China (Beijing)", byDefault},
		{"cn-northwest-1", "China (Ningxia)", byDefault},
	}},
	{ID: "aws-us-gov", Name: "AWS GovCloud (US)", Regions: []Region{
		{"us-gov-east-1", "AWS GovCloud (US-East)", byDefault},
		{"us-gov-west-1", "AWS GovCloud (US-West)", byDefault},
	}},
	{ID: "aws-eusc", Name: "AWS European Sovereign Cloud", Regions: []Region{
		{"eusc-de-east-1", "AWS European Sovereign Cloud (Germany)", byDefault},
	}},
	{ID: "aws-iso", Name: "AWS ISO (US)", Regions: []Region{
		{"us-iso-east-1", "US ISO East", byDefault},
		{"us-iso-west-1", "US ISO West", byDefault},
	}},
	{ID: "aws-iso-b", Name: "AWS ISOB (US)", Regions: []Region{
		{"us-isob-east-1", "US ISOB East (Ohio)", byDefault},
		{"us-isob-west-1", "US ISOB West", byDefault},
	}},
	{ID: "aws-iso-e", Name: "AWS ISOE (Europe)", Regions: []Region{
		{"eu-isoe-west-1", "EU ISOE West", byDefault},
	}},
	{ID: "aws-iso-f", Name: "AWS ISOF", Regions: []Region{
		{"us-isof-east-1", "US ISOF East", byDefault},
		{"us-isof-south-1", "US ISOF South", byDefault},
	}},
}

// Partitions returns every partition, the aws partition first, as a copy.
func Partitions() []Partition {
	out := make([]Partition, len(partitions))
	for i, p := range partitions {
		out[i] = p
		out[i].Regions = slices.Clone(p.Regions)
	}
	return out
}

// PartitionIDs returns the IDs of the partitions, the aws partition first.
func PartitionIDs() []string {
	ids := make([]string, len(partitions))
	for i, p := range partitions {
		ids[i] = p.ID
	}
	return ids
}

// LookupPartition returns the partition with ID id, such as "aws-cn".
func LookupPartition(id string) (Partition, bool) {
	for _, p := range partitions {
		if p.ID == id {
			return p, true
		}
	}
	return Partition{}, false
}

// LookupRegion returns the Region named code and its partition.
func LookupRegion(code string) (Region, Partition, bool) {
	for _, p := range partitions {
		i, found := slices.BinarySearchFunc(p.Regions, code, func(r Region, c string) int {
			return strings.Compare(r.Code, c)
		})
		if found {
			return p.Regions[i], p, true
		}
	}
	return Region{}, Partition{}, false
}

// RegionCodes returns the codes of every Region, partition by partition,
// the aws partition first.
func RegionCodes() []string {
	var codes []string
	for _, p := range partitions {
		for _, r := range p.Regions {
			codes = append(codes, r.Code)
		}
	}
	return codes
}

// Codes returns the codes of the partition's Regions, sorted.
func (p Partition) Codes() []string {
	codes := make([]string, len(p.Regions))
	for i, r := range p.Regions {
		codes[i] = r.Code
	}
	return codes
}

// regionPattern is the shape of a Region name: two letters, words, and a
// number (us-east-1, us-gov-west-1, ap-southeast-6).
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$`)

// CheckRegion is the one Region validator of orgtrust: the components'
// regions, the provider's region and discover's --regions are checked with
// it. It returns nil for a Region of an AWS partition (Partitions), and
// otherwise an error that says what is wrong with r and the fix, with the
// nearest Region and its name when r looks misspelt. The message starts
// with r quoted, so that callers put the field before it.
func CheckRegion(r string) error {
	if _, _, ok := LookupRegion(r); ok {
		return nil
	}
	near, found := suggest.Nearest(r, RegionCodes())
	hint := ""
	if found {
		region, _, _ := LookupRegion(near)
		hint = fmt.Sprintf("did you mean %q, %s?", near, region.Name)
	}
	switch {
	case !regionPattern.MatchString(r) && found:
		return fmt.Errorf("%q is not an AWS Region name: %s", r, hint)
	case !regionPattern.MatchString(r):
		return fmt.Errorf("%q is not an AWS Region name: use names such as %q or %q", r, "us-east-1", "eu-west-1")
	case found:
		return fmt.Errorf("%q is not an AWS Region: %s", r, hint)
	default:
		return fmt.Errorf("%q is not a Region of any AWS partition: use a Region name such as %q (a Region "+
			"AWS opened after this release of orgtrust needs a newer orgtrust)", r, "us-east-1")
	}
}
