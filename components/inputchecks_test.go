package components

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The input checks against AWS's rules (Regions, ARNs, policies, tags,
// lengths, characters, email addresses, UTF-8): each case runs a
// component's Check function and its constructor on the same bad input, and
// both must give the same error, naming the field, the value and the fix,
// with nothing registered and nothing looked up.

func integrationPair(edit func(*OrgServiceIntegrationArgs)) checkPair {
	args := OrgServiceIntegrationArgs{Service: "guardduty", DelegatedAdminAccountID: auditAccount,
		ManagementAccountID: mgmtAccount, Regions: []string{"us-east-1", "eu-west-1"}}
	edit(&args)
	return checkPair{
		check: func() error { return CheckOrgServiceIntegration("gd", args) },
		construct: func(ctx *pulumi.Context) error {
			_, err := NewOrgServiceIntegration(ctx, "gd", args)
			return err
		},
	}
}

// policyOf returns an inline policy of n statements, indented by pad spaces.
func policyOf(n, pad int) string {
	stmts := make([]string, n)
	for i := range stmts {
		stmts[i] = fmt.Sprintf(`%s{"Sid":"S%d","Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}`,
			strings.Repeat(" ", pad), i)
	}
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
}

func manyTags(n int) map[string]string {
	tags := map[string]string{}
	for i := range n {
		tags[fmt.Sprintf("key%d", i)] = "v"
	}
	return tags
}

func TestInputChecksAgreeWithAWS(t *testing.T) {
	t.Parallel()
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name    string
		pair    checkPair
		want    []string
		notWant []string
	}{
		// Regions: of the right shape, yet not Regions of any partition.
		{name: "misspelt Region", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"eu-wset-1"}
		}), want: []string{`regions: "eu-wset-1" is not an AWS Region: did you mean "eu-west-1", Europe (Ireland)?`}},
		{name: "Region number that does not exist", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"us-east-1", "us-east-7"}
		}), want: []string{`regions: "us-east-7" is not an AWS Region: did you mean "us-east-1"`}},
		{name: "Region without its dash", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"eu-west1"}
		}), want: []string{`regions: "eu-west1" is not an AWS Region name: did you mean "eu-west-1"`}},
		{name: "Regions of two partitions", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"us-east-1", "cn-north-1"}
		}), want: []string{`regions: "cn-north-1" is a Region of the aws-cn partition (AWS China), but ` +
			`"us-east-1" is in aws (AWS)`}},
		{name: "GovCloud and China Regions together", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"us-gov-west-1", "cn-northwest-1"}
		}), want: []string{`"cn-northwest-1" is a Region of the aws-cn partition`}},

		// Inline policies.
		{name: "inline policy null", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = "null"
		}), want: []string{`permissionSets[2].inlinePolicy is not a JSON policy document (it is null, not an object)`}},
		{name: "inline policy {}", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = "{}"
		}), want: []string{`permissionSets[2].inlinePolicy has no Statement: an IAM policy lists its permissions there`}},
		{name: "inline policy without Statement", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `{"Version":"2012-10-17"}`
		}), want: []string{`permissionSets[2].inlinePolicy has no Statement`}},
		{name: "inline policy statement misspelt in case", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `{"Version":"2012-10-17","statement":[]}`
		}), want: []string{`has no Statement (it has "statement": IAM's element names are case-sensitive)`}},
		{name: "inline policy statement without Effect, with a Principal", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[2].InlinePolicy = `{"Statement":{"Principal":"*","Action":"s3:*","Resource":"*"}}`
			}), want: []string{"2 input errors", `inlinePolicy has no Effect in its Statement`,
			`inlinePolicy has a Principal in its Statement`}},
		{name: "inline policy with a bad Version and Effect", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `{"Version":"2012-10-18","Statement":[{"Effect":"allow",` +
				`"Action":"s3:*"}]}`
		}), want: []string{`has the Version the string "2012-10-18"`, `has the Effect the string "allow" in statement 1`,
			`has no Resource in statement 1`}},
		{name: "inline policy over 32,768 bytes", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = policyOf(100, 300)
		}), want: []string{"permissionSets[2].inlinePolicy is 37128 bytes; IAM Identity Center takes an inline " +
			"policy of at most 32768 bytes"}},
		{name: "inline policy over 10,240 bytes besides white space", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[2].InlinePolicy = policyOf(150, 0)
			}), want: []string{"permissionSets[2].inlinePolicy has 10728 bytes besides white space; IAM Identity " +
			"Center takes at most 10240"}},
		{name: "inline policy with a character above U+00FF", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[2].InlinePolicy = `{"Statement":[{"Sid":"€","Effect":"Deny","Action":"*","Resource":"*"}]}`
		}), want: []string{`inlinePolicy has the character '€' (U+20AC), which IAM Identity Center does not take`,
			`\u20ac`}},

		// Policy ARNs.
		{name: "unknown partition", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].ManagedPolicyArns = []string{"arn:aws-gov:iam::aws:policy/ReadOnlyAccess"}
		}), want: []string{`permissionSets[0].managedPolicyArns[0] "arn:aws-gov:iam::aws:policy/ReadOnlyAccess" ` +
			`names the partition "aws-gov", which is not an AWS partition`, "aws-us-gov (AWS GovCloud (US))"}},
		{name: "partition other than the instance's", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[1].ManagedPolicyArns = []string{"arn:aws-cn:iam::aws:policy/AdministratorAccess"}
		}), want: []string{`permissionSets[1].managedPolicyArns[0] "arn:aws-cn:iam::aws:policy/AdministratorAccess" ` +
			`is in the aws-cn partition, but the instance (instanceArn) is in aws: an IAM Identity Center instance ` +
			`and the policies of its permission sets are in one partition; use ` +
			`arn:aws:iam::aws:policy/AdministratorAccess`}},
		{name: "boundary in another partition", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].PermissionsBoundary = &PermissionsBoundarySpec{
				ManagedPolicyArn: "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"}
		}), want: []string{`permissionSets[0].permissionsBoundary.managedPolicyArn ` +
			`"arn:aws-us-gov:iam::aws:policy/PowerUserAccess" is in the aws-us-gov partition`}},
		{name: "instance of an unknown partition", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.InstanceArn = "arn:aws-gov:sso:::instance/ssoins-1234567890abcdef"
		}), want: []string{`instanceArn "arn:aws-gov:sso:::instance/ssoins-1234567890abcdef" names the partition ` +
			`"aws-gov"`}},
		{name: "policy ARN too long", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].ManagedPolicyArns = []string{"arn:aws:iam::aws:policy/" + long(2030)}
		}), want: []string{`is 2054 characters long; an AWS managed policy ARN is 20 to 2048`}},
		{name: "policy ARN with a trailing space", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].ManagedPolicyArns = []string{icReadOnlyPolicy + " "}
		}), want: []string{`permissionSets[0].managedPolicyArns[0] "arn:aws:iam::aws:policy/ReadOnlyAccess " has ` +
			`white space around the ARN: remove the trailing space`},
			notWant: []string{"customerManagedPolicies"}},
		{name: "customer managed policy name with a trailing space", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[2].CustomerManagedPolicies[0].Name = "DeveloperAccess "
			}), want: []string{`customerManagedPolicies[0].name "DeveloperAccess " has white space around the ` +
			`policy name: remove the trailing space`}},
		{name: "account ID with a trailing space", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Assignments[1].AccountIDs = []string{"100000000001 "}
		}), want: []string{`assignments[1].accountIds[0] "100000000001 " has white space around the account ID: ` +
			`remove the trailing space`}},
		{name: "principal pattern over 1000 characters", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].PrincipalAssociations = []PrincipalAssociationSpec{{IAMRolePattern: "team/" + long(990)}}
		}), want: []string{`portfolios[0].principalAssociations[0]: the principal "arn:aws:iam:::role/team/`,
			`is 1014 characters long; Service Catalog takes a principal ARN of at most 1000`}},
		{name: "more than 20 policies", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			for i := range 21 {
				a.PermissionSets[1].ManagedPolicyArns = append(a.PermissionSets[1].ManagedPolicyArns,
					fmt.Sprintf("arn:aws:iam::aws:policy/Policy%d", i))
			}
		}), want: []string{`permissionSets[1] attaches 22 managed and customer managed policies; IAM Identity ` +
			`Center takes at most 20 per permission set`}},

		// Relay state.
		{name: "relay state over http", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].RelayState = "http://console.aws.amazon.com/ec2/"
		}), want: []string{`permissionSets[0].relayState "http://console.aws.amazon.com/ec2/" has the scheme ` +
			`http; IAM Identity Center sends users to the relay state in the AWS console, over https`}},
		{name: "relay state without a scheme", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].RelayState = "console.aws.amazon.com/ec2/"
		}), want: []string{`"console.aws.amazon.com/ec2/" has no scheme`}},
		{name: "relay state over 240 characters", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].RelayState = "https://console.aws.amazon.com/" + long(210)
		}), want: []string{`permissionSets[0].relayState is 241 characters long; IAM Identity Center ` +
			`(CreatePermissionSet RelayState) takes 1 to 240 characters: shorten the relay state by 1 characters`}},
		{name: "relay state with a character the API refuses", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[0].RelayState = "https://console.aws.amazon.com/ec2/#<home>"
			}), want: []string{`has the character '<' (U+003C) at position 37`, "percent-encode anything else"}},

		// Tags.
		{name: "permission set tag with the aws: prefix", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = map[string]string{"aws:team": "platform"}
		}), want: []string{`permissionSets[0].tags["aws:team"] "aws:team" starts with "aws:", which AWS reserves ` +
			`for its own tags: use a key without it, such as "team"`}},
		{name: "permission set tag key too long", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = map[string]string{long(129): "x"}
		}), want: []string{`is a key of 129 characters; IAM Identity Center tag keys are 1 to 128 characters`}},
		{name: "permission set tag value too long", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = map[string]string{"team": long(257)}
		}), want: []string{`permissionSets[0].tags["team"] has a value of 257 characters; IAM Identity Center ` +
			`tag values are at most 256`}},
		{name: "permission set tag key with a bad character", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = map[string]string{"cost#center": "x"}
		}), want: []string{`"cost#center" has the character '#' (U+0023), which IAM Identity Center tag keys ` +
			`cannot have`}},
		{name: "permission set with 76 tags", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = manyTags(76)
		}), want: []string{`permissionSets[0].tags has 76 tags; IAM Identity Center takes at most 75 per resource`}},
		{name: "portfolio tag with the AWS: prefix", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Tags = map[string]string{"AWS:owner": "platform"}
		}), want: []string{`portfolios[0].create.tags["AWS:owner"] "AWS:owner" starts with "AWS:"`}},
		{name: "portfolio tag with an empty value", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Tags = map[string]string{"team": ""}
		}), want: []string{`portfolios[0].create.tags["team"] has an empty value; Service Catalog tag values are ` +
			`1 to 256 characters`}},
		{name: "portfolio with 21 tags", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Tags = manyTags(21)
		}), want: []string{`portfolios[0].create.tags has 21 tags; Service Catalog takes at most 20 per resource`}},

		// Lengths and characters.
		{name: "permission set description over 700 characters", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[0].Description = long(701)
			}), want: []string{`permissionSets[0].description is 701 characters long; IAM Identity Center ` +
			`(CreatePermissionSet Description) takes 1 to 700 characters`}},
		{name: "permission set description with a character above Latin-1", pair: identityCenterPair(
			func(a *IdentityCenterSetupArgs) {
				a.PermissionSets[0].Description = "Costs in €"
			}), want: []string{`permissionSets[0].description "Costs in €" has the character '€' (U+20AC) at ` +
			`position 10`, "printable Latin-1 characters"}},
		{name: "group display name over 1024 characters", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Groups = append(a.Groups, GroupSpec{DisplayName: long(1025)})
		}), want: []string{`groups[3].displayName is 1025 characters long; the identity store (CreateGroup ` +
			`DisplayName) takes 1 to 1024 characters`}},
		{name: "group description over 1024 characters", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Groups[0].Description = long(1025)
		}), want: []string{`groups[0].description is 1025 characters long`}},
		{name: "user name with a space", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users = append(a.Users, UserSpec{UserName: "jane doe", GivenName: "Jane", FamilyName: "Doe"})
		}), want: []string{`users[2].userName "jane doe" has the character ' ' (U+0020) at position 5`}},
		{name: "ABAC key too long", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes[0].Key = long(129)
		}), want: []string{`accessControlAttributes[0].key is 129 characters long; IAM Identity Center ` +
			`(AccessControlAttribute Key) takes 1 to 128 characters`}},
		{name: "ABAC key with a bad character", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes[0].Key = "Cost#Center"
		}), want: []string{`accessControlAttributes[0].key "Cost#Center" has the character '#' (U+0023)`}},
		{name: "ABAC source too long", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes[1].Sources = []string{"${path:" + long(250) + "}"}
		}), want: []string{`accessControlAttributes[1].sources[0] is 258 characters long; IAM Identity Center ` +
			`(AccessControlAttributeValue Source) takes 0 to 256 characters`}},
		{name: "ABAC attribute with two sources", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes[0].Sources = []string{"${path:enterprise.department}", "${path:title}"}
		}), want: []string{`accessControlAttributes[0].sources has 2 sources; IAM Identity Center maps an ` +
			`attribute from exactly one`}},
		{name: "51 ABAC attributes", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.AccessControlAttributes = nil
			for i := range 51 {
				a.AccessControlAttributes = append(a.AccessControlAttributes, AccessControlAttributeSpec{
					Key: fmt.Sprintf("Key%d", i), Sources: []string{"${path:title}"}})
			}
		}), want: []string{`accessControlAttributes has 51 attributes; IAM Identity Center takes at most 50`}},

		// Email addresses.
		{name: "email without a domain", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].Email = "jdoe@"
		}), want: []string{`users[0].email "jdoe@" is not an email address`, `"jdoe@example.com"`}},
		{name: "email with a space", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].Email = "a b@c"
		}), want: []string{`users[0].email "a b@c" is not an email address`}},
		{name: "email with two @", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].Email = "a@@b"
		}), want: []string{`users[0].email "a@@b" is not an email address`}},
		{name: "email without a dot in the domain", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].Email = "jdoe@example"
		}), want: []string{`users[0].email "jdoe@example" is not an email address (the domain "example" has no dot)`}},
		{name: "email with a display name", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].Email = "Jane Doe <jdoe@example.com>"
		}), want: []string{`is not an email address (it has more than the address; give the address alone)`}},

		// Text that is not UTF-8, by field.
		{name: "description not UTF-8", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Description = "Caf\xe9 access"
		}), want: []string{`permissionSets[0].description "Caf\xe9 access" is not valid UTF-8 text (byte 0xe9 at ` +
			`offset 3`}, notWant: []string{"Latin-1 characters (U+0020"}},
		{name: "group display name not UTF-8", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Groups = append(a.Groups, GroupSpec{DisplayName: "Ing\xe9nieurs"})
		}), want: []string{`groups[3].displayName "Ing\xe9nieurs" is not valid UTF-8 text`}},
		{name: "user given name not UTF-8", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.Users[0].GivenName = "Ren\xe9e"
		}), want: []string{`users[0].givenName "Ren\xe9e" is not valid UTF-8 text`}},
		{name: "tag key not UTF-8", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Tags = map[string]string{"\xffteam": "x"}
		}), want: []string{`permissionSets[0].tags has a key that "\xffteam" is not valid UTF-8 text`}},
		{name: "portfolio name not UTF-8", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Name = "Plateforme \xe9quipe"
		}), want: []string{`portfolios[0].create.name "Plateforme \xe9quipe" is not valid UTF-8 text`}},
		{name: "portfolio description not UTF-8", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Description = "\xc3("
		}), want: []string{`portfolios[0].create.description "\xc3(" is not valid UTF-8 text`}},
		{name: "integration principal not UTF-8", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Service, a.ServicePrincipal = "", "guardduty\xff.amazonaws.com"
		}), want: []string{`servicePrincipal "guardduty\xff.amazonaws.com" is not valid UTF-8 text`}},
		{name: "integration set entry not UTF-8", pair: orgIntegrationsPair(OrgIntegrationsArgs{
			Integrations: []OrgIntegrationSpec{{Name: "gd", Args: OrgServiceIntegrationArgs{Service: "guardduty",
				DelegatedAdminAccountID: auditAccount, ManagementAccountID: mgmtAccount,
				Regions: []string{"us-east-1", "eu-west-\xff"}}}},
		}), want: []string{`integrations[0].args.regions[1] "eu-west-\xff" is not valid UTF-8 text`},
			notWant: []string{"2 input errors", "Region"}},

		// Every problem at once, one error each.
		{name: "several problems", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].RelayState = "http://console.aws.amazon.com/"
			a.PermissionSets[0].Tags = map[string]string{"aws:x": "1", "ok": long(300)}
			a.PermissionSets[1].ManagedPolicyArns = []string{"arn:aws-gov:iam::aws:policy/AdministratorAccess"}
			a.Users[0].Email = "a@@b"
			a.AccessControlAttributes[0].Key = "Dept#"
		}), want: []string{"6 input errors", "permissionSets[0].relayState", `permissionSets[0].tags["aws:x"]`,
			`permissionSets[0].tags["ok"]`, "permissionSets[1].managedPolicyArns[0]", "users[0].email",
			"accessControlAttributes[0].key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkErr := tt.pair.check()
			m := newICMock(icDefaultOrg())
			constructErr := m.run(tt.pair.construct)
			require.Error(t, checkErr, "Check rejects the input")
			for _, w := range tt.want {
				require.ErrorContains(t, checkErr, w)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, checkErr.Error(), w)
			}
			require.ErrorContains(t, constructErr, checkErr.Error(), "the constructor gives Check's answer")
			assert.Empty(t, m.Resources(), "bad input registers nothing")
			assert.Empty(t, m.Invokes(), "bad input looks nothing up")
		})
	}
}

// TestInputChecksAcceptWhatAWSAccepts gives each check's edge values that
// AWS takes: none may be refused.
func TestInputChecksAcceptWhatAWSAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		pair checkPair
	}{
		{name: "opt-in Regions of late 2026", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"ap-east-2", "ap-southeast-6", "ap-southeast-7", "mx-central-1", "ca-west-1"}
		})},
		{name: "GovCloud Regions", pair: integrationPair(func(a *OrgServiceIntegrationArgs) {
			a.Regions = []string{"us-gov-west-1", "us-gov-east-1"}
		})},
		{name: "limits reached, not passed", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.PermissionSets[0].Description = strings.Repeat("é", 700)
			a.PermissionSets[0].RelayState = "https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Home:"
			a.PermissionSets[0].Tags = manyTags(74)
			a.PermissionSets[0].Tags["Cost Center"] = ""
			a.PermissionSets[2].InlinePolicy = policyOf(100, 200) // 27128 bytes, 7128 not white space
			a.Groups[0].Description = "Équipe plateforme — astreinte"
			a.Users[0].Email = "jane.doe+aws@mail.example.co.uk"
			a.Users = append(a.Users, UserSpec{UserName: "jürgen", GivenName: "Jürgen", FamilyName: "Groß",
				Email: "jürgen@bücher.de"})
			a.AccessControlAttributes[0].Key = "Cost Center:team/sub=1+2-3@x"
		})},
		{name: "GovCloud instance and policies", pair: identityCenterPair(func(a *IdentityCenterSetupArgs) {
			a.InstanceArn = "arn:aws-us-gov:sso:::instance/ssoins-1234567890abcdef"
			a.PermissionSets[0].ManagedPolicyArns = []string{"arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess"}
			a.PermissionSets[1].ManagedPolicyArns = []string{"arn:aws-us-gov:iam::aws:policy/AdministratorAccess"}
		})},
		{name: "portfolio with 20 tags", pair: serviceCatalogPair(func(a *ServiceCatalogSharingArgs) {
			a.Portfolios[0].Create.Tags = manyTags(20)
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.NoError(t, tt.pair.check())
			m := newICMock(icDefaultOrg())
			require.NoError(t, m.run(tt.pair.construct))
			assert.NotEmpty(t, m.Resources())
		})
	}
}

// TestInputChecksAfterLookups covers what only a lookup can tell, which the
// constructor checks before it registers anything, and Check cannot (it
// looks nothing up): the partition of an instance looked up, and the
// organization an ORGANIZATION share names when organizationId is not given.
func TestInputChecksAfterLookups(t *testing.T) {
	t.Parallel()
	t.Run("policies of another partition than the instance looked up", func(t *testing.T) {
		t.Parallel()
		args := icFullArgs()
		args.InstanceArn, args.IdentityStoreID = "", ""
		args.PermissionSets[1].ManagedPolicyArns = []string{"arn:aws-cn:iam::aws:policy/AdministratorAccess"}
		args.PermissionSets[0].ManagedPolicyArns = []string{"arn:aws-cn:iam::aws:policy/ReadOnlyAccess"}
		require.NoError(t, CheckIdentityCenterSetup("sso", args), "alone, one partition is consistent")
		m := newICMock(icDefaultOrg())
		_, err := icRun(m, args)
		require.ErrorContains(t, err, `permissionSets[0].managedPolicyArns[0] "arn:aws-cn:iam::aws:policy/`+
			`ReadOnlyAccess" is in the aws-cn partition, but the IAM Identity Center instance looked up, `+
			icTestInstanceArn+`, is in aws: use arn:aws:iam::aws:policy/ReadOnlyAccess`)
		require.ErrorContains(t, err, `permissionSets[1].managedPolicyArns[0]`)
		assert.Empty(t, m.Resources())
	})
	t.Run("policies of two partitions", func(t *testing.T) {
		t.Parallel()
		args := icFullArgs()
		args.InstanceArn, args.IdentityStoreID = "", ""
		args.PermissionSets[1].ManagedPolicyArns = []string{"arn:aws-cn:iam::aws:policy/AdministratorAccess"}
		// The permission sets are checked in name order: Admin's ARN comes first.
		err := CheckIdentityCenterSetup("sso", args)
		require.ErrorContains(t, err, `permissionSets[0].managedPolicyArns[0] "arn:aws:iam::aws:policy/`+
			`ReadOnlyAccess" is in the aws partition, but permissionSets[1].managedPolicyArns[0] is in aws-cn`)
		require.ErrorContains(t, err, `permissionSets[0].managedPolicyArns[1]`)
		m := newICMock(icDefaultOrg())
		_, constructErr := icRun(m, args)
		require.ErrorContains(t, constructErr, strings.TrimPrefix(err.Error(), IdentityCenterSetupToken+` "sso": `))
		assert.Empty(t, m.Resources())
	})
	t.Run("ORGANIZATION share of another organization, with only managementAccountId", func(t *testing.T) {
		t.Parallel()
		args := ServiceCatalogSharingArgs{ManagementAccountID: scMgmt, Portfolios: []PortfolioSpec{{
			Key: "p", ID: "port-abc123def456", Shares: []ShareSpec{{Type: ShareTypeOrganization, ID: "o-otherorg1234"}},
		}}}
		m := newMocks().withOrganization(scMgmt)
		res := runServiceCatalogSharing(t, m, args)
		require.ErrorContains(t, res.err, `portfolios[0].shares[0].id: "o-otherorg1234" is not this organization, `+
			`which is "o-exampleorgid"; share with "o-exampleorgid"`)
		assert.Empty(t, m.Resources(), "nothing may be registered")
	})
	t.Run("ORGANIZATION share of this organization, with only managementAccountId", func(t *testing.T) {
		t.Parallel()
		args := ServiceCatalogSharingArgs{ManagementAccountID: scMgmt, Portfolios: []PortfolioSpec{{
			Key: "p", ID: "port-abc123def456", Shares: []ShareSpec{{Type: ShareTypeOrganization, ID: scOrgID}},
		}}}
		m := newMocks().withOrganization(scMgmt)
		res := runServiceCatalogSharing(t, m, args)
		require.NoError(t, res.err)
		assert.Equal(t, "arn:aws:organizations::"+scMgmt+":organization/"+scOrgID,
			inputString(t, m.Find(t, "sc-share-p-org-"+scOrgID), "principalId"))
	})
	t.Run("Regions of another partition than the organization", func(t *testing.T) {
		t.Parallel()
		m := newMocks().withOrganization(mgmtAccount) // an aws organization
		err := m.run(func(ctx *pulumi.Context) error {
			_, err := NewOrgServiceIntegration(ctx, "gd", OrgServiceIntegrationArgs{Service: "guardduty",
				DelegatedAdminAccountID: auditAccount, Regions: []string{"cn-north-1", "cn-northwest-1"}})
			return err
		})
		require.ErrorContains(t, err, `regions: "cn-north-1" is a Region of the aws-cn partition, but the `+
			`organization o-exampleorgid is in aws: designate the delegated administrator in Regions of aws, such as `+
			`"us-east-1"`)
		require.ErrorContains(t, err, `"cn-northwest-1"`)
		assert.Empty(t, m.Resources())
	})
}
