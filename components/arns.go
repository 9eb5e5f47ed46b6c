package components

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The ARNs the components take, checked against the partitions of the
// catalog (catalog.Partitions).

// arnPartition returns the partition an ARN names ("aws-cn" in
// arn:aws-cn:iam::aws:policy/...), or "" when s does not start like an ARN.
func arnPartition(s string) string {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return ""
	}
	p, _, _ := strings.Cut(rest, ":")
	return p
}

// knownPartition reports whether id is an AWS partition.
func knownPartition(id string) bool {
	_, ok := catalog.LookupPartition(id)
	return ok
}

// partitionList names the partitions for messages: aws, aws-cn (AWS China), ...
func partitionList() string {
	var names []string
	for _, p := range catalog.Partitions() {
		names = append(names, fmt.Sprintf("%s (%s)", p.ID, p.Name))
	}
	return strings.Join(names, ", ")
}

// unknownPartition is the message of an ARN whose partition is not one.
func unknownPartition(arn, partition string) string {
	return fmt.Sprintf("%q names the partition %q, which is not an AWS partition: use one of %s, as in "+
		"arn:aws:... (GovCloud (US) is aws-us-gov)", arn, partition, partitionList())
}

// surroundingSpace returns the fix for a value with white space around it,
// or "".
func surroundingSpace(s string) string {
	left := strings.TrimLeftFunc(s, unicode.IsSpace) != s
	right := strings.TrimRightFunc(s, unicode.IsSpace) != s
	switch {
	case left && right:
		return "remove the spaces around it"
	case left:
		return "remove the leading space"
	case right:
		return "remove the trailing space"
	}
	return ""
}

// The limits of an AWS managed policy ARN (ManagedPolicyArn,
// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_AttachManagedPolicyToPermissionSet.html):
// 20 to 2048 characters, arn:<partition>:iam::aws:policy/<path><name>.
const (
	minManagedPolicyARNLen = 20
	maxManagedPolicyARNLen = 2048
)

var icManagedPolicyARNPattern = regexp.MustCompile(
	`^arn:[a-z-]+:iam::aws:policy(?:/[A-Za-z0-9.,+@=_-]+)*/[A-Za-z0-9.,+=@_-]+$`)

// customerPolicyARN matches the ARN of a customer managed policy: one with
// an account ID instead of "aws".
var customerPolicyARN = regexp.MustCompile(`^arn:[a-z-]+:iam::[0-9]{12}:policy/`)

// partitionClaim remembers the partition the first ARN of a component is in,
// or its instance's, to report ARNs of another partition.
type partitionClaim struct {
	partition string
	// by names what set it: "instanceArn", or the field of the first ARN.
	by string
}

// check reports an ARN of another partition than the claimed one, and
// claims the partition when none is yet.
func (c *partitionClaim) check(errs *InputErrors, field, arn, partition string) bool {
	switch {
	case c.partition == "":
		c.partition, c.by = partition, field
	case partition != c.partition:
		errs.addSubject(field, arn, "%q is in the %s partition, but %s is in %s: an IAM Identity Center "+
			"instance and the policies of its permission sets are in one partition; use arn:%s:%s", arn,
			partition, c.by, c.partition, c.partition, strings.TrimPrefix(arn, "arn:"+partition+":"))
		return false
	}
	return true
}

// checkManagedPolicyARN reports an AWS managed policy ARN that AWS would
// refuse, in order: white space around it, its length, its partition (one of
// AWS's, and the component's), then its shape, with the fix for each.
// example is an ARN for the message; customerField names where customer
// managed policies go instead.
func (es *InputErrors) checkManagedPolicyARN(field, arn, example, customerField string, claim *partitionClaim) bool {
	if fix := surroundingSpace(arn); fix != "" {
		es.addSubject(field, arn, "%q has white space around the ARN: %s", arn, fix)
		return false
	}
	if n := len(arn); n < minManagedPolicyARNLen || n > maxManagedPolicyARNLen {
		es.addSubject(field, arn, "%q is %d characters long; an AWS managed policy ARN is %d to %d, like %s", arn,
			n, minManagedPolicyARNLen, maxManagedPolicyARNLen, example)
		return false
	}
	partition := arnPartition(arn)
	if partition == "" {
		es.addSubject(field, arn, "%q is not an AWS managed policy ARN; it looks like %s", arn, example)
		return false
	}
	if !knownPartition(partition) {
		es.addSubject(field, arn, "%s", unknownPartition(arn, partition))
		return false
	}
	if !claim.check(es, field, arn, partition) {
		return false
	}
	switch {
	case icManagedPolicyARNPattern.MatchString(arn):
		return true
	case customerPolicyARN.MatchString(arn):
		es.addSubject(field, arn, "%q is not an AWS managed policy; reference a customer managed policy in %s "+
			"by name and path instead", arn, customerField)
	default:
		es.addSubject(field, arn, "%q is not an AWS managed policy ARN; it looks like %s", arn, example)
	}
	return false
}
