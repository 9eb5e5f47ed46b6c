package provider

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
)

// The organization configuration's side of getDeployerPolicy: the management
// account's deployer assumes the administrator role (sts:AssumeRole), and the
// role, in the delegated administrator's account, needs the actions of the
// configuration's resources (catalog.ConfigurationActions): a second,
// least-privilege document.

// administratorRoleResource is the ARN pattern the deployer may assume: the
// role ARN given, or the role name in any account.
func administratorRoleResource(role string) (string, error) {
	if role == "" {
		role = components.DefaultAdministratorRole
	}
	if strings.HasPrefix(role, "arn:") {
		if !roleArn.MatchString(role) {
			return "", fmt.Errorf("administratorRole %q is not an IAM role ARN, such as %q; or give a role name", role,
				"arn:aws:iam::111122223333:role/"+components.DefaultAdministratorRole)
		}
		return role, nil
	}
	if !roleName.MatchString(role) {
		return "", fmt.Errorf("administratorRole %q is not an IAM role name, such as %q", role,
			components.DefaultAdministratorRole)
	}
	return "arn:aws:iam::*:role/" + role, nil
}

var (
	roleName = regexp.MustCompile(`^(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$`)
	roleArn  = regexp.MustCompile(`^arn:[a-z-]+:iam::[0-9]{12}:role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$`)
)

// assumeAdministratorStatement lets the deployer assume the administrator role.
func assumeAdministratorStatement(role string) (policyStatement, error) {
	res, err := administratorRoleResource(role)
	if err != nil {
		return policyStatement{}, err
	}
	return policyStatement{Sid: "AssumeAdministratorRole", Effect: "Allow", Resource: res,
		Action: []string{"sts:AssumeRole"}}, nil
}

// administratorPolicy is the policy of the administrator role for the
// selected services that have an organization configuration; an empty
// document when none has.
func administratorPolicy(keys []string, readOnlyDoc bool) (policyDocument, error) {
	doc := policyDocument{Version: "2012-10-17"}
	actions := map[string]bool{}
	iamActions := map[string]bool{}
	var principals []string
	for _, key := range keys {
		types, ok := catalog.ConfigurationTypes(key)
		if !ok {
			continue
		}
		svc, _ := catalog.LookupService(key)
		principals = append(principals, svc.Principals[0])
		for _, a := range catalog.ConfigurationDiscoverActions(key) {
			actions[a] = true
		}
		for _, t := range types {
			list, ok := catalog.ConfigurationActions(t)
			if !ok {
				return doc, fmt.Errorf("no IAM actions are recorded for %s: add them to "+
					"components/catalog/orgconfiguration.go", t)
			}
			for _, a := range list {
				if strings.HasPrefix(a, "iam:") {
					iamActions[a] = true
				} else {
					actions[a] = true
				}
			}
		}
	}
	if len(actions) == 0 && len(iamActions) == 0 {
		return doc, nil
	}
	doc.Statement = append(doc.Statement, policyStatement{Sid: "OrganizationConfiguration", Effect: "Allow",
		Resource: "*", Action: slices.Sorted(maps.Keys(actions))})
	if iamActions["iam:PassRole"] {
		delete(iamActions, "iam:PassRole")
		// The Config aggregator's role, passed to Config only.
		doc.Statement = append(doc.Statement, policyStatement{Sid: "PassConfigAggregatorRole", Effect: "Allow",
			Resource: "arn:aws:iam::*:role/*", Action: []string{"iam:PassRole"},
			Condition: map[string]map[string][]string{"StringEquals": {"iam:PassedToService": {"config.amazonaws.com"}}}})
	}
	if len(iamActions) > 0 {
		doc.Statement = append(doc.Statement, policyStatement{Sid: "ConfigAggregatorRole", Effect: "Allow",
			Resource: "arn:aws:iam::*:role/*", Action: slices.Sorted(maps.Keys(iamActions))})
	}
	slices.Sort(principals)
	// The services create their service-linked roles in the administrator's
	// account when it configures them.
	doc.Statement = append(doc.Statement, policyStatement{Sid: "ServiceLinkedRoles", Effect: "Allow",
		Resource: "arn:aws:iam::*:role/aws-service-role/*", Action: []string{"iam:CreateServiceLinkedRole"},
		Condition: map[string]map[string][]string{"StringEquals": {"iam:AWSServiceName": principals}}})
	if readOnlyDoc {
		doc = readOnly(doc)
	}
	return doc, nil
}
