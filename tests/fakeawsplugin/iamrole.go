package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// iamCall makes one IAM call (the query protocol, signed for us-east-1 as
// IAM is global) and decodes its XML answer into out.
func (c *Config) iamCall(ctx context.Context, action string, params url.Values, out any) error {
	params.Set("Action", action)
	params.Set("Version", "2010-05-08")
	endpoint := "iam"
	if os.Getenv("AWS_ENDPOINT_URL_IAM") == "" && os.Getenv("AWS_ENDPOINT_URL") == "" {
		endpoint = "iam.us-east-1" // https://iam.amazonaws.com serves every Region; the SDK uses this name
	}
	status, _, data, err := c.signedDo(ctx, "iam", "IAM", endpoint, "us-east-1", http.MethodPost, "/",
		map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
		[]byte(params.Encode()))
	if err != nil {
		return err
	}
	if status >= 300 {
		var e struct {
			Error struct{ Code, Message string }
		}
		_ = xml.Unmarshal(data, &e)
		return &restError{Status: status, Code: e.Error.Code, Msg: e.Error.Message}
	}
	if out != nil {
		return xml.Unmarshal(data, out)
	}
	return nil
}

func noSuchEntity(err error) bool {
	var re *restError
	return errors.As(err, &re) && re.Code == "NoSuchEntity"
}

// Role is aws:iam/role:Role (terraform-provider-aws internal/service/iam/role.go):
// ID the name, which replaces, as path does; without a name or namePrefix,
// Check names it as Pulumi auto-names (the resource name, a dash and seven
// random hexadecimal characters). Create is CreateRole, Read GetRole
// (NoSuchEntity leaves the state), Delete lists the attached policies (and
// detaches them with forceDetachPolicies), the inline policies and the
// instance profiles, then DeleteRole. The stand-in does not update in place
// (the tests change no role), nor serve inlinePolicies or managedPolicyArns.
type Role struct{}

// RoleArgs are its inputs.
type RoleArgs struct {
	Name                *string           `pulumi:"name,optional" provider:"replaceOnChanges"`
	NamePrefix          *string           `pulumi:"namePrefix,optional" provider:"replaceOnChanges"`
	AssumeRolePolicy    string            `pulumi:"assumeRolePolicy" provider:"replaceOnChanges"`
	Description         *string           `pulumi:"description,optional" provider:"replaceOnChanges"`
	Path                *string           `pulumi:"path,optional" provider:"replaceOnChanges"`
	MaxSessionDuration  *int              `pulumi:"maxSessionDuration,optional" provider:"replaceOnChanges"`
	ForceDetachPolicies *bool             `pulumi:"forceDetachPolicies,optional"`
	PermissionsBoundary *string           `pulumi:"permissionsBoundary,optional" provider:"replaceOnChanges"`
	Tags                map[string]string `pulumi:"tags,optional" provider:"replaceOnChanges"`
}

// RoleState is its state.
type RoleState struct {
	RoleArgs
	Arn        string            `pulumi:"arn"`
	UniqueID   string            `pulumi:"uniqueId"`
	CreateDate string            `pulumi:"createDate"`
	TagsAll    map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*Role) Annotate(a infer.Annotator) { a.SetToken("iam/role", "Role") }

// Annotate sets pulumi-aws's defaults.
func (x *RoleArgs) Annotate(a infer.Annotator) {
	a.SetDefault(&x.Path, "/")
	a.SetDefault(&x.MaxSessionDuration, 3600)
	a.SetDefault(&x.ForceDetachPolicies, false)
}

// Check auto-names the role, keeping the name of the old inputs.
func (*Role) Check(ctx context.Context, req infer.CheckRequest) (infer.CheckResponse[RoleArgs], error) {
	in, failures, err := infer.DefaultCheck[RoleArgs](ctx, req.NewInputs)
	if err != nil || len(failures) > 0 {
		return infer.CheckResponse[RoleArgs]{Inputs: in, Failures: failures}, err
	}
	if in.Name == nil {
		if old, ok := req.OldInputs.GetOk("name"); ok && old.IsString() && in.NamePrefix == nil {
			in.Name = ptr(old.AsString())
		} else {
			prefix := req.Name + "-"
			if in.NamePrefix != nil {
				prefix = *in.NamePrefix
			}
			suffix := make([]byte, 4)
			_, _ = rand.Read(suffix)
			in.Name = ptr(prefix + hex.EncodeToString(suffix)[:7])
		}
	}
	if len(*in.Name) > 64 {
		return infer.CheckResponse[RoleArgs]{Inputs: in, Failures: []p.CheckFailure{{Property: "name",
			Reason: fmt.Sprintf("%q is longer than 64 characters", *in.Name)}}}, nil
	}
	return infer.CheckResponse[RoleArgs]{Inputs: in}, nil
}

func ptr[T any](v T) *T { return &v }

type iamRole struct {
	RoleName, Arn, Path, CreateDate, Description string
	AssumeRolePolicyDocument                     string
	MaxSessionDuration                           int
	UniqueID                                     string `xml:"RoleId"`
}

// equivalentJSON says whether two JSON documents are the same value, as
// terraform-provider-aws compares policies.
func equivalentJSON(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return a == b
	}
	return reflect.DeepEqual(x, y)
}

// Create creates the role.
func (*Role) Create(ctx context.Context, req infer.CreateRequest[RoleArgs]) (infer.CreateResponse[RoleState], error) {
	x := req.Inputs
	st := RoleState{RoleArgs: x, TagsAll: x.Tags}
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	if req.DryRun {
		return infer.CreateResponse[RoleState]{ID: *x.Name, Output: st}, nil
	}
	params := url.Values{"RoleName": {*x.Name}, "AssumeRolePolicyDocument": {x.AssumeRolePolicy},
		"Path": {*x.Path}, "MaxSessionDuration": {strconv.Itoa(*x.MaxSessionDuration)}}
	if x.Description != nil {
		params.Set("Description", *x.Description)
	}
	if x.PermissionsBoundary != nil {
		params.Set("PermissionsBoundary", *x.PermissionsBoundary)
	}
	i := 0
	for k, v := range x.Tags {
		i++
		params.Set(fmt.Sprintf("Tags.member.%d.Key", i), k)
		params.Set(fmt.Sprintf("Tags.member.%d.Value", i), v)
	}
	var out struct {
		Role iamRole `xml:"CreateRoleResult>Role"`
	}
	if err := config(ctx).iamCall(ctx, "CreateRole", params, &out); err != nil {
		return infer.CreateResponse[RoleState]{}, fmt.Errorf("creating IAM Role (%s): %w", *x.Name, err)
	}
	st.Arn, st.UniqueID, st.CreateDate = out.Role.Arn, out.Role.UniqueID, out.Role.CreateDate
	return infer.CreateResponse[RoleState]{ID: *x.Name, Output: st}, nil
}

// Read gets the role; an import reads it by name.
func (*Role) Read(ctx context.Context, req infer.ReadRequest[RoleArgs, RoleState]) (
	infer.ReadResponse[RoleArgs, RoleState], error,
) {
	var out struct {
		Role iamRole `xml:"GetRoleResult>Role"`
	}
	err := config(ctx).iamCall(ctx, "GetRole", url.Values{"RoleName": {req.ID}}, &out)
	if noSuchEntity(err) {
		return infer.ReadResponse[RoleArgs, RoleState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[RoleArgs, RoleState]{}, fmt.Errorf("reading IAM Role (%s): %w", req.ID, err)
	}
	r := out.Role
	policy, err := url.QueryUnescape(r.AssumeRolePolicyDocument)
	if err != nil {
		return infer.ReadResponse[RoleArgs, RoleState]{}, fmt.Errorf("reading IAM Role (%s): %w", req.ID, err)
	}
	x := req.Inputs
	x.Name, x.Path, x.MaxSessionDuration = &r.RoleName, &r.Path, &r.MaxSessionDuration
	if !equivalentJSON(policy, x.AssumeRolePolicy) {
		x.AssumeRolePolicy = policy
	}
	if r.Description != "" || x.Description != nil {
		x.Description = &r.Description
	}
	if x.ForceDetachPolicies == nil {
		x.ForceDetachPolicies = ptr(false)
	}
	st := req.State
	st.RoleArgs, st.Arn, st.UniqueID, st.CreateDate = x, r.Arn, r.UniqueID, r.CreateDate
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	return infer.ReadResponse[RoleArgs, RoleState]{ID: req.ID, Inputs: x, State: st}, nil
}

// Delete deletes the role.
func (*Role) Delete(ctx context.Context, req infer.DeleteRequest[RoleState]) (infer.DeleteResponse, error) {
	c := config(ctx)
	var attached struct {
		Arns []string `xml:"ListAttachedRolePoliciesResult>AttachedPolicies>member>PolicyArn"`
	}
	if err := c.iamCall(ctx, "ListAttachedRolePolicies", url.Values{"RoleName": {req.ID}}, &attached); err != nil {
		if noSuchEntity(err) {
			return infer.DeleteResponse{}, nil
		}
		return infer.DeleteResponse{}, fmt.Errorf("deleting IAM Role (%s): reading attached policies: %w", req.ID, err)
	}
	if req.State.ForceDetachPolicies != nil && *req.State.ForceDetachPolicies {
		for _, arn := range attached.Arns {
			if err := c.iamCall(ctx, "DetachRolePolicy", url.Values{"RoleName": {req.ID}, "PolicyArn": {arn}},
				nil); err != nil && !noSuchEntity(err) {
				return infer.DeleteResponse{}, fmt.Errorf("deleting IAM Role (%s): detaching %s: %w", req.ID, arn, err)
			}
		}
	}
	for _, action := range []string{"ListRolePolicies", "ListInstanceProfilesForRole"} {
		if err := c.iamCall(ctx, action, url.Values{"RoleName": {req.ID}}, nil); err != nil {
			return infer.DeleteResponse{}, fmt.Errorf("deleting IAM Role (%s): %s: %w", req.ID, action, err)
		}
	}
	err := c.iamCall(ctx, "DeleteRole", url.Values{"RoleName": {req.ID}}, nil)
	if err != nil && !noSuchEntity(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting IAM Role (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// RolePolicyAttachment is aws:iam/rolePolicyAttachment:RolePolicyAttachment
// (terraform-provider-aws internal/service/iam/role_policy_attachment.go):
// role and policyArn replace; the ID is the role name, a dash and a unique
// suffix (id.PrefixedUniqueId), and an import reads role/policy-arn. Create
// is AttachRolePolicy, Read finds the policy in ListAttachedRolePolicies,
// Delete is DetachRolePolicy.
type RolePolicyAttachment struct{}

// RolePolicyAttachmentArgs are its inputs.
type RolePolicyAttachmentArgs struct {
	Role      string `pulumi:"role" provider:"replaceOnChanges"`
	PolicyArn string `pulumi:"policyArn" provider:"replaceOnChanges"`
}

// RolePolicyAttachmentState is its state.
type RolePolicyAttachmentState struct {
	RolePolicyAttachmentArgs
}

// Annotate sets pulumi-aws's token.
func (*RolePolicyAttachment) Annotate(a infer.Annotator) {
	a.SetToken("iam/rolePolicyAttachment", "RolePolicyAttachment")
}

var uniqueSeq atomic.Uint32

// prefixedUniqueID is terraform's id.PrefixedUniqueId: the prefix, a UTC
// timestamp to the 100th of a microsecond and a counter.
func prefixedUniqueID(prefix string) string {
	ts := strings.ReplaceAll(time.Now().UTC().Format("20060102150405.000000"), ".", "")
	return fmt.Sprintf("%s%s%08x", prefix, ts+"00", uniqueSeq.Add(1))
}

// Create attaches the policy.
func (*RolePolicyAttachment) Create(ctx context.Context, req infer.CreateRequest[RolePolicyAttachmentArgs]) (
	infer.CreateResponse[RolePolicyAttachmentState], error,
) {
	x := req.Inputs
	out := infer.CreateResponse[RolePolicyAttachmentState]{Output: RolePolicyAttachmentState{x}}
	if req.DryRun {
		return out, nil
	}
	if err := config(ctx).iamCall(ctx, "AttachRolePolicy", url.Values{"RoleName": {x.Role},
		"PolicyArn": {x.PolicyArn}}, nil); err != nil {
		return infer.CreateResponse[RolePolicyAttachmentState]{}, fmt.Errorf("attaching IAM Policy (%s) to IAM "+
			"Role (%s): %w", x.PolicyArn, x.Role, err)
	}
	out.ID = prefixedUniqueID(x.Role + "-")
	return out, nil
}

// Read finds the attachment; an import reads role/policy-arn.
func (*RolePolicyAttachment) Read(ctx context.Context,
	req infer.ReadRequest[RolePolicyAttachmentArgs, RolePolicyAttachmentState],
) (infer.ReadResponse[RolePolicyAttachmentArgs, RolePolicyAttachmentState], error) {
	type resp = infer.ReadResponse[RolePolicyAttachmentArgs, RolePolicyAttachmentState]
	x, id := req.State.RolePolicyAttachmentArgs, req.ID
	if x.Role == "" {
		role, arn, ok := strings.Cut(req.ID, "/")
		if !ok {
			return resp{}, fmt.Errorf("IAM Role Policy Attachment import ID %q is not role/policy-arn", req.ID)
		}
		x, id = RolePolicyAttachmentArgs{Role: role, PolicyArn: arn}, prefixedUniqueID(role+"-")
	}
	var attached struct {
		Arns []string `xml:"ListAttachedRolePoliciesResult>AttachedPolicies>member>PolicyArn"`
	}
	err := config(ctx).iamCall(ctx, "ListAttachedRolePolicies", url.Values{"RoleName": {x.Role}}, &attached)
	if noSuchEntity(err) {
		return resp{}, nil
	}
	if err != nil {
		return resp{}, fmt.Errorf("reading IAM Role Policy Attachment (%s): %w", req.ID, err)
	}
	if !slices.Contains(attached.Arns, x.PolicyArn) {
		return resp{}, nil
	}
	return resp{ID: id, Inputs: x, State: RolePolicyAttachmentState{x}}, nil
}

// Delete detaches the policy.
func (*RolePolicyAttachment) Delete(ctx context.Context, req infer.DeleteRequest[RolePolicyAttachmentState]) (
	infer.DeleteResponse, error,
) {
	x := req.State
	err := config(ctx).iamCall(ctx, "DetachRolePolicy", url.Values{"RoleName": {x.Role}, "PolicyArn": {x.PolicyArn}},
		nil)
	if err != nil && !noSuchEntity(err) {
		return infer.DeleteResponse{}, fmt.Errorf("detaching IAM Policy (%s) from IAM Role (%s): %w", x.PolicyArn,
			x.Role, err)
	}
	return infer.DeleteResponse{}, nil
}
