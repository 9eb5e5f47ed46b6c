package plan

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/orgtrust/pulumi-orgtrust/components"
	"github.com/orgtrust/pulumi-orgtrust/components/catalog"
	"github.com/orgtrust/pulumi-orgtrust/internal/mockrt"
)

// Invoke tokens the simulator answers.
const (
	tokenGetOrganization = "aws:organizations/getOrganization:getOrganization"
	tokenGetInstances    = "aws:ssoadmin/getInstances:getInstances"
	tokenGetOUAccounts   = "aws:organizations/getOrganizationalUnitDescendantAccounts:" +
		"getOrganizationalUnitDescendantAccounts"
	tokenGetGroup  = "aws:identitystore/getGroup:getGroup"
	tokenGetUser   = "aws:identitystore/getUser:getUser"
	tokenGetRegion = "aws:index/getRegion:getRegion"
	// tokenGetRegions is aws.GetRegions: the Regions the account has enabled.
	tokenGetRegions = "aws:index/getRegions:getRegions"

	tokenGetCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity"
	tokenGetApplication    = "aws:ssoadmin/getApplication:getApplication"
	tokenGetPermissionSet  = "aws:ssoadmin/getPermissionSet:getPermissionSet"
	tokenGetPermissionSets = "aws:ssoadmin/getPermissionSets:getPermissionSets"
	// tokenGetDetector is guardduty.LookupDetector: the detector that
	// delegation enabled in the administrator's account.
	tokenGetDetector = "aws:guardduty/getDetector:getDetector"

	// tokenGetOrganizationAccounts is orgtrust's own lookup of every account
	// with its tags (assignments with accountTags).
	tokenGetOrganizationAccounts = components.GetOrganizationAccountsToken
)

// Source says where a simulated lookup's answer came from.
type Source string

const (
	// FromFixture is an answer from the fixtures file.
	FromFixture Source = "fixture"
	// FromConfig is an answer taken from the stack configuration.
	FromConfig Source = "stack config"
	// MadeUp is a deterministic made-up answer: no fixture gave one.
	MadeUp Source = "made up"
)

// Lookup is one simulated AWS lookup (a Pulumi invoke) and its answer.
type Lookup struct {
	// Token is the invoke's token.
	Token string
	// Args summarizes the arguments, such as "parentId ou-ab12-cdef3456".
	Args string
	// Answer summarizes the result.
	Answer string
	// Brief is a shorter Answer, for the summary of a large plan: an OU's
	// accounts counted by status; empty when Answer is short.
	Brief string
	// Source says where the answer came from.
	Source Source
	// Calls counts the identical lookups the program made.
	Calls int
}

// Known are the organization facts the stack configuration gives, which
// simulated lookups answer with when it has them.
type Known struct {
	ManagementAccountID string
	OrganizationID      string
	// AccountIDs are the account IDs the configuration names: the
	// organization's accounts, for its lookup, beside the fixtures'.
	AccountIDs []string
}

// answers answers one run's lookups from the fixtures, the stack
// configuration or deterministic made-up values, and makes up the
// identifiers AWS would compute for each new resource; the one mock monitor
// (internal/mockrt) records the registrations.
type answers struct {
	stack string
	fx    *Fixtures
	known Known
	// monitor is the monitor that asks: getDetector reads the provider it
	// goes through.
	monitor *mockrt.Monitor

	mu      sync.Mutex
	lookups map[string]*Lookup
	// ouAccounts are the account IDs each OU lookup answered, any status.
	ouAccounts map[string][]string
	// orgAccounts are the accounts getOrganizationAccounts answered, with
	// their tags.
	orgAccounts []FixtureAccount
	// principalNames name the existing groups and users the lookups
	// answered, by identity-store ID.
	principalNames map[string]string
}

var _ mockrt.Answers = (*answers)(nil)

// newMonitor returns the monitor of one run and its answers.
func newMonitor(project, stack string, fx *Fixtures, known Known) (*mockrt.Monitor, *answers) {
	if fx == nil {
		fx = &Fixtures{}
	}
	a := &answers{
		stack: stack, fx: fx, known: known,
		lookups: map[string]*Lookup{}, ouAccounts: map[string][]string{}, principalNames: map[string]string{},
	}
	a.monitor = mockrt.NewMonitor(project, stack, a)
	return a.monitor, a
}

// NewResource returns deterministic outputs: the inputs, an ID, and the
// computed identifiers the components read (ARNs, identity-store IDs).
func (m *answers) NewResource(args pulumi.MockResourceArgs, _ *Resource) (string, resource.PropertyMap, error) {
	if !args.Custom {
		return "", args.Inputs, nil
	}
	id := args.Name + "-id"
	// The outputs are the inputs and the made-up identifiers. They share the
	// inputs' map until an identifier is added: the Go SDK keeps every
	// resource's outputs, and only reads them.
	out, copied := args.Inputs, false
	set := func(k string, v any) {
		if _, ok := out[resource.PropertyKey(k)]; ok {
			return
		}
		if !copied {
			out, copied = args.Inputs.Copy(), true
		}
		out[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
	}
	if !noARN[args.TypeToken] {
		set("arn", madeUpARN(args.TypeToken, args.Name))
	}
	switch args.TypeToken {
	case groupType:
		set("groupId", madeUpPrincipalID(groupType, args.Name))
	case userType:
		set("userId", madeUpPrincipalID(userType, args.Name))
	case "aws:ssoadmin/application:Application":
		instance := strings.TrimPrefix(args.Inputs["instanceArn"].StringValue(), "arn:aws:sso:::instance/")
		mgmt, _ := m.organization(new(Source))
		set("applicationArn", "arn:aws:sso::"+mgmt+":application/"+instance+"/apl-"+madeUpHex(16, "application", args.Name))
	}
	return id, out, nil
}

// noARN are the types whose pulumi-aws resource has no arn output (its Go
// type has no Arn field): the simulation makes up no ARN for them. The
// program would ignore one, but at scale it would cost memory twice: the
// string, and in the Go SDK's map of the resource's outputs a ninth entry
// (with urn and id), past what a map holds without growing into a table.
// An account assignment is 100,000 of the 100,000-assignment bench.
var noARN = map[string]bool{
	"aws:ssoadmin/accountAssignment:AccountAssignment":                             true,
	"aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment":                 true,
	"aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment": true,
	"aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy":             true,
	"aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment":     true,
	"aws:identitystore/groupMembership:GroupMembership":                            true,
}

// The identity-store types whose IDs the simulation makes up.
const (
	groupType = "aws:identitystore/group:Group"
	userType  = "aws:identitystore/user:User"
)

// madeUpARN is the arn output the simulation gives a resource of type typ
// named name; the summary finds a permission set by it.
func madeUpARN(typ, name string) string { return "arn:aws:plan:::" + typ + "/" + name }

// madeUpPrincipalID is the groupId or userId the simulation gives a group or
// user resource named name; the summary finds a principal by it.
func madeUpPrincipalID(typ, name string) string {
	if typ == groupType {
		return madeUpUUID("group", name)
	}
	return madeUpUUID("user", name)
}

func madeUpUUID(parts ...string) string {
	h := madeUpHex(32, parts...)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Call answers a lookup from the fixtures, the stack configuration or a
// deterministic made-up value, and records it.
func (m *answers) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	var (
		result   map[string]any
		argDesc  string
		answer   string
		brief    string
		source   = MadeUp
		fromFx   = func(ok bool) { source = map[bool]Source{true: FromFixture, false: MadeUp}[ok] }
		argValue = func(path ...string) string { return stringAt(args.Args, path...) }
	)
	switch args.Token {
	case tokenGetOrganization:
		mgmt, id := m.organization(&source)
		result = map[string]any{
			"id": id, "arn": "arn:aws:organizations::" + mgmt + ":organization/" + id,
			"masterAccountId": mgmt, "masterAccountArn": "arn:aws:organizations::" + mgmt + ":account/" + id + "/" + mgmt,
			"masterAccountEmail": "management@example.com", "featureSet": "ALL",
		}
		answer = fmt.Sprintf("organization %s, management account %s", id, mgmt)
		// The accounts, as pulumi-aws lists them to the management account,
		// with their emails (which Macie's and Detective's members take):
		// the fixtures' and, made up (ACTIVE), those the configuration names
		// that the fixtures do not list, so that the plan reports no account
		// missing from an organization it only imagines.
		byID := map[string]FixtureAccount{mgmt: {ID: mgmt, Name: "management", Status: "ACTIVE"}}
		for _, a := range m.fx.allAccounts() {
			byID[a.ID] = a
		}
		madeUp := 0
		for _, acct := range m.known.AccountIDs {
			if _, ok := byID[acct]; !ok {
				byID[acct] = FixtureAccount{ID: acct, Name: "account-" + acct, Status: "ACTIVE"}
				madeUp++
			}
		}
		accounts := make([]any, 0, len(byID))
		for _, acct := range slices.Sorted(maps.Keys(byID)) {
			a := byID[acct]
			accounts = append(accounts, map[string]any{"id": a.ID, "name": a.Name, "status": a.Status,
				"email": a.email(), "arn": "arn:aws:organizations::" + mgmt + ":account/" + id + "/" + a.ID})
		}
		result["accounts"] = accounts
		answer += fmt.Sprintf(", %d accounts (%d made up)", len(accounts), madeUp)
	case tokenGetInstances:
		arn, store, ok := m.instance()
		fromFx(ok)
		result = map[string]any{"id": "plan", "arns": []any{arn}, "identityStoreIds": []any{store}}
		answer = fmt.Sprintf("instance %s, identity store %s", arn, store)
	case tokenGetOUAccounts:
		ou := argValue("parentId")
		argDesc = ou
		accounts, ok := m.fx.OrganizationalUnits[ou]
		fromFx(ok)
		if !ok {
			accounts = []FixtureAccount{
				{ID: madeUpDigits(12, ou, "1"), Name: ou + "-account-1", Status: "ACTIVE"},
				{ID: madeUpDigits(12, ou, "2"), Name: ou + "-account-2", Status: "ACTIVE"},
			}
		}
		list := make([]any, 0, len(accounts))
		descs := make([]string, 0, len(accounts))
		ids := make([]string, 0, len(accounts))
		byStatus := map[string]int{}
		for _, a := range accounts {
			ids = append(ids, a.ID)
			byStatus[a.Status]++
			list = append(list, map[string]any{
				"id": a.ID, "name": a.Name, "status": a.Status, "email": a.email(),
				"arn": "arn:aws:organizations::000000000000:account/o-plan/" + a.ID,
			})
			descs = append(descs, a.ID+" "+a.Status)
		}
		result = map[string]any{"id": ou, "parentId": ou, "accounts": list}
		answer = "accounts " + strings.Join(descs, ", ")
		if len(accounts) == 0 {
			answer = "no accounts"
		}
		counts := make([]string, 0, len(byStatus))
		for _, st := range slices.Sorted(maps.Keys(byStatus)) {
			counts = append(counts, fmt.Sprintf("%d %s", byStatus[st], st))
		}
		brief = fmt.Sprintf("%d accounts: %s", len(accounts), strings.Join(counts, ", "))
		m.mu.Lock()
		m.ouAccounts[ou] = ids
		m.mu.Unlock()
	case tokenGetOrganizationAccounts:
		accounts := m.fx.allAccounts()
		fromFx(len(accounts) > 0)
		keys := map[string]bool{}
		var keyList []string
		if v := resource.NewPropertyValue(args.Args.Mappable()); v.IsObject() {
			if k := v.ObjectValue()["tagKeys"]; k.IsArray() {
				for _, e := range k.ArrayValue() {
					if e.IsString() {
						keys[e.StringValue()] = true
						keyList = append(keyList, e.StringValue())
					}
				}
			}
		}
		argDesc = "tagKeys " + strings.Join(keyList, ",")
		list := make([]any, 0, len(accounts))
		var tagged []string
		for _, a := range accounts {
			tags := map[string]any{}
			var kv []string
			for _, k := range slices.Sorted(maps.Keys(a.Tags)) {
				if keys[k] {
					tags[k] = a.Tags[k]
					kv = append(kv, k+"="+a.Tags[k])
				}
			}
			if len(kv) > 0 {
				tagged = append(tagged, a.ID+" "+a.Status+" "+strings.Join(kv, " "))
			}
			list = append(list, map[string]any{"id": a.ID, "name": a.Name, "status": a.Status, "tags": tags})
		}
		result = map[string]any{"accounts": list}
		answer = fmt.Sprintf("%d accounts, %d with these keys: %s", len(accounts), len(tagged),
			strings.Join(tagged, ", "))
		if len(tagged) == 0 {
			answer = fmt.Sprintf("%d accounts, none with these keys", len(accounts))
		}
		brief = fmt.Sprintf("%d accounts, %d with these keys", len(accounts), len(tagged))
		m.mu.Lock()
		m.orgAccounts = accounts
		m.mu.Unlock()
	case tokenGetGroup, tokenGetUser:
		name := argValue("alternateIdentifier", "uniqueAttribute", "attributeValue")
		kind, ids, idKey := "group", m.fx.Groups, "groupId"
		if args.Token == tokenGetUser {
			kind, ids, idKey = "user", m.fx.Users, "userId"
		}
		argDesc = fmt.Sprintf("%q", name)
		id, ok := ids[name]
		fromFx(ok)
		if !ok {
			id = madeUpUUID("existing", kind, name)
		}
		result = map[string]any{"id": id, idKey: id, "identityStoreId": argValue("identityStoreId")}
		if kind == "group" {
			result["displayName"] = name
		} else {
			result["userName"] = name
		}
		answer = fmt.Sprintf("existing %s %s", kind, id)
		m.mu.Lock()
		m.principalNames[id] = name
		m.mu.Unlock()
	case tokenGetApplication:
		// The application's ARN names its instance:
		// arn:aws:sso::<account>:application/<instance>/apl-<id>.
		// An existing application of the instance the simulation answers
		// with: the fixtures', or a made-up one.
		arn := argValue("applicationArn")
		argDesc = arn
		instance, _, _ := m.instance()
		result = map[string]any{"id": arn, "applicationArn": arn, "instanceArn": instance,
			"name": "existing", "status": "ENABLED"}
		answer = "existing application of instance " + instance
	case tokenGetCallerIdentity:
		// The plan runs as the management account, as `pulumi preview` on
		// the management account does.
		mgmt, _ := m.organization(&source)
		result = map[string]any{"id": mgmt, "accountId": mgmt, "arn": "arn:aws:iam::" + mgmt + ":root", "userId": mgmt}
		answer = "the management account " + mgmt
	case tokenGetPermissionSet:
		name := argValue("name")
		argDesc = fmt.Sprintf("%q", name)
		arn, ok := m.fx.PermissionSets[name]
		fromFx(ok)
		if !ok {
			instance := strings.TrimPrefix(argValue("instanceArn"), "arn:aws:sso:::instance/")
			arn = "arn:aws:sso:::permissionSet/" + instance + "/ps-" + madeUpHex(16, "permission-set", name)
		}
		result = map[string]any{"id": arn, "arn": arn, "name": name, "instanceArn": argValue("instanceArn")}
		answer = "existing permission set " + arn
	case tokenGetPermissionSets:
		arns := slices.Sorted(maps.Values(m.fx.PermissionSets))
		fromFx(len(arns) > 0)
		list := make([]any, 0, len(arns))
		for _, a := range arns {
			list = append(list, a)
		}
		result = map[string]any{"id": argValue("instanceArn"), "instanceArn": argValue("instanceArn"), "arns": list}
		answer = fmt.Sprintf("%d permission sets", len(arns))
	case tokenGetRegion:
		result = map[string]any{"id": "us-east-1", "name": "us-east-1", "region": "us-east-1"}
		answer = "us-east-1"
	case tokenGetRegions:
		// The Regions the account has enabled, asked for when an integration
		// lists opt-in Regions: the fixtures', else every Region of the
		// aws partition, as if each opt-in Region were enabled.
		names := m.fx.EnabledRegions
		fromFx(names != nil)
		if names == nil {
			aws, _ := catalog.LookupPartition("aws")
			for _, r := range aws.Regions {
				names = append(names, r.Code)
			}
		}
		list := make([]any, 0, len(names))
		for _, n := range names {
			list = append(list, n)
		}
		result = map[string]any{"id": "aws", "names": list}
		var optIn []string
		for _, n := range names {
			if r, _, ok := catalog.LookupRegion(n); ok && r.OptIn {
				optIn = append(optIn, n)
			}
		}
		answer = fmt.Sprintf("%d enabled Regions, opt-in ones among them: %s", len(names), strings.Join(optIn, ", "))
		if len(optIn) == 0 {
			answer = fmt.Sprintf("%d enabled Regions, no opt-in one", len(names))
		}
	case tokenGetDetector:
		// One detector per account and Region: the invoke's provider says
		// which (its Region and the account it assumes a role in).
		account, region := m.providerAccountRegion(args.Provider)
		key := account + "/" + region
		argDesc = key
		id, ok := m.fx.GuardDutyDetectors[key]
		fromFx(ok)
		if !ok {
			id = madeUpHex(32, "detector", key)
		}
		result = map[string]any{"id": id, "status": "ENABLED", "serviceRoleArn": "arn:aws:iam::" + account +
			":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty",
			"findingPublishingFrequency": "SIX_HOURS"}
		answer = "detector " + id
	default:
		return nil, fmt.Errorf("plan: no simulation of the lookup %s: add it to provider/plan "+
			"(answers.go) with a deterministic answer", args.Token)
	}
	m.record(Lookup{Token: args.Token, Args: argDesc, Answer: answer, Brief: brief, Source: source})
	return resource.NewPropertyMapFromMap(result), nil
}

// providerAccountRegion returns the Region of the provider a lookup went
// through, and the account of the role it assumes ("" for the deploying
// account's).
func (m *answers) providerAccountRegion(ref string) (account, region string) {
	r, ok := m.monitor.Resource(mockrt.ProviderURN(ref))
	if !ok {
		return "", ""
	}
	region = stringAt(r.Inputs, "region")
	if arn := stringAt(r.Inputs, "assumeRole", "roleArn"); arn != "" {
		if parts := strings.Split(arn, ":"); len(parts) > 4 {
			account = parts[4]
		}
	}
	return account, region
}

// instance answers getInstances: the fixtures' instance, or a made-up one;
// fromFixture says which.
func (m *answers) instance() (arn, store string, fromFixture bool) {
	arn, store = m.fx.IdentityCenter.InstanceArn, m.fx.IdentityCenter.IdentityStoreID
	if arn != "" {
		return arn, store, true
	}
	return "arn:aws:sso:::instance/ssoins-" + madeUpHex(16, m.stack, "instance"),
		"d-" + madeUpHex(10, m.stack, "identity-store"), false
}

// organization answers getOrganization: the stack configuration's values
// first, so that the components' own cross-checks pass, then the fixtures.
func (m *answers) organization(source *Source) (mgmt, id string) {
	mgmt, id = m.known.ManagementAccountID, m.known.OrganizationID
	fromConfig := mgmt != "" || id != ""
	fromFixture := false
	if mgmt == "" && m.fx.Organization.ManagementAccountID != "" {
		mgmt, fromFixture = m.fx.Organization.ManagementAccountID, true
	}
	if id == "" && m.fx.Organization.ID != "" {
		id, fromFixture = m.fx.Organization.ID, true
	}
	if mgmt == "" {
		mgmt = madeUpDigits(12, m.stack, "management")
	}
	if id == "" {
		id = "o-" + madeUpHex(10, m.stack, "organization")
	}
	switch {
	case fromConfig && fromFixture:
		*source = FromConfig + " and " + FromFixture
	case fromConfig:
		*source = FromConfig
	case fromFixture:
		*source = FromFixture
	}
	return mgmt, id
}

func (m *answers) record(l Lookup) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := l.Token + "\x00" + l.Args
	if prev, ok := m.lookups[k]; ok {
		prev.Calls++
		return
	}
	l.Calls = 1
	m.lookups[k] = &l
}

// stringAt is the string at path in m (an object's keys, one per step), or
// "" when there is none. m is read as its plain values (Mappable).
func stringAt(m resource.PropertyMap, path ...string) string {
	v := resource.NewPropertyValue(m.Mappable())
	for _, p := range path {
		if !v.IsObject() {
			return ""
		}
		v = v.ObjectValue()[resource.PropertyKey(p)]
	}
	if v.IsString() {
		return v.StringValue()
	}
	return ""
}
