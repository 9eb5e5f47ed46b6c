package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/identitystore"
	istypes "github.com/aws/aws-sdk-go-v2/service/identitystore/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// splitID splits a two-part ID IDENTITY_STORE_ID/X.
func splitID(id, want string) (string, string, error) {
	a, b, ok := strings.Cut(id, "/")
	if !ok || a == "" || b == "" {
		return "", "", fmt.Errorf("unexpected format for ID (%s), expected %s", id, want)
	}
	return a, b, nil
}

func isNotFound(err error) bool {
	var nf *istypes.ResourceNotFoundException
	return errors.As(err, &nf)
}

// Group is aws:identitystore/group:Group (terraform-provider-aws
// internal/service/identitystore/group.go): ID IDENTITY_STORE_ID/GROUP_ID;
// identityStoreId replaces; Create is CreateGroup, Read DescribeGroup,
// Delete DeleteGroup. The stand-in has no UpdateGroup (the tests rename no
// group): a changed displayName or description replaces it.
type Group struct{}

// GroupArgs are its inputs.
type GroupArgs struct {
	IdentityStoreID string  `pulumi:"identityStoreId" provider:"replaceOnChanges"`
	DisplayName     string  `pulumi:"displayName" provider:"replaceOnChanges"`
	Description     *string `pulumi:"description,optional" provider:"replaceOnChanges"`
}

// GroupState is its state.
type GroupState struct {
	GroupArgs
	GroupID string `pulumi:"groupId"`
}

// Annotate sets pulumi-aws's token.
func (*Group) Annotate(a infer.Annotator) { a.SetToken("identitystore/group", "Group") }

// Create creates the group.
func (*Group) Create(ctx context.Context, req infer.CreateRequest[GroupArgs]) (infer.CreateResponse[GroupState], error) {
	x := req.Inputs
	if req.DryRun {
		return infer.CreateResponse[GroupState]{Output: GroupState{GroupArgs: x}}, nil
	}
	out, err := config(ctx).ids.CreateGroup(ctx, &identitystore.CreateGroupInput{
		IdentityStoreId: aws.String(x.IdentityStoreID), DisplayName: aws.String(x.DisplayName), Description: x.Description})
	if err != nil {
		return infer.CreateResponse[GroupState]{}, fmt.Errorf("creating IdentityStore Group (%s): %w", x.DisplayName, err)
	}
	id := aws.ToString(out.GroupId)
	return infer.CreateResponse[GroupState]{ID: x.IdentityStoreID + "/" + id, Output: GroupState{GroupArgs: x, GroupID: id}}, nil
}

// Read describes the group.
func (*Group) Read(ctx context.Context, req infer.ReadRequest[GroupArgs, GroupState]) (
	infer.ReadResponse[GroupArgs, GroupState], error,
) {
	store, id, err := splitID(req.ID, "identity-store-id/group-id")
	if err != nil {
		return infer.ReadResponse[GroupArgs, GroupState]{}, err
	}
	out, err := config(ctx).ids.DescribeGroup(ctx, &identitystore.DescribeGroupInput{IdentityStoreId: aws.String(store),
		GroupId: aws.String(id)})
	if isNotFound(err) {
		return infer.ReadResponse[GroupArgs, GroupState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[GroupArgs, GroupState]{}, fmt.Errorf("reading IdentityStore Group (%s): %w", req.ID, err)
	}
	x := GroupArgs{IdentityStoreID: store, DisplayName: aws.ToString(out.DisplayName), Description: req.State.Description}
	if out.Description != nil {
		x.Description = out.Description
	}
	return infer.ReadResponse[GroupArgs, GroupState]{ID: req.ID, Inputs: x, State: GroupState{GroupArgs: x, GroupID: id}}, nil
}

// Delete deletes the group.
func (*Group) Delete(ctx context.Context, req infer.DeleteRequest[GroupState]) (infer.DeleteResponse, error) {
	_, err := config(ctx).ids.DeleteGroup(ctx, &identitystore.DeleteGroupInput{
		IdentityStoreId: aws.String(req.State.IdentityStoreID), GroupId: aws.String(req.State.GroupID)})
	if err != nil && !isNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting IdentityStore Group (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// UserName is a user's name.
type UserName struct {
	FamilyName string  `pulumi:"familyName"`
	GivenName  string  `pulumi:"givenName"`
	Formatted  *string `pulumi:"formatted,optional"`
}

// UserEmails is a user's email address.
type UserEmails struct {
	Value   *string `pulumi:"value,optional"`
	Primary *bool   `pulumi:"primary,optional"`
	Type    *string `pulumi:"type,optional"`
}

// User is aws:identitystore/user:User (terraform-provider-aws
// internal/service/identitystore/user.go): ID IDENTITY_STORE_ID/USER_ID;
// identityStoreId replaces; Create CreateUser, Read DescribeUser, Delete
// DeleteUser. The stand-in has no UpdateUser: a changed attribute replaces it.
type User struct{}

// UserArgs are its inputs.
type UserArgs struct {
	IdentityStoreID string      `pulumi:"identityStoreId" provider:"replaceOnChanges"`
	UserName        string      `pulumi:"userName" provider:"replaceOnChanges"`
	DisplayName     string      `pulumi:"displayName" provider:"replaceOnChanges"`
	Name            UserName    `pulumi:"name" provider:"replaceOnChanges"`
	Emails          *UserEmails `pulumi:"emails,optional" provider:"replaceOnChanges"`
}

// UserState is its state.
type UserState struct {
	UserArgs
	UserID string `pulumi:"userId"`
}

// Annotate sets pulumi-aws's token.
func (*User) Annotate(a infer.Annotator) { a.SetToken("identitystore/user", "User") }

// Create creates the user.
func (*User) Create(ctx context.Context, req infer.CreateRequest[UserArgs]) (infer.CreateResponse[UserState], error) {
	x := req.Inputs
	if req.DryRun {
		return infer.CreateResponse[UserState]{Output: UserState{UserArgs: x}}, nil
	}
	in := &identitystore.CreateUserInput{IdentityStoreId: aws.String(x.IdentityStoreID), UserName: aws.String(x.UserName),
		DisplayName: aws.String(x.DisplayName), Name: &istypes.Name{FamilyName: aws.String(x.Name.FamilyName),
			GivenName: aws.String(x.Name.GivenName), Formatted: x.Name.Formatted}}
	if e := x.Emails; e != nil {
		in.Emails = []istypes.Email{{Value: e.Value, Primary: aws.ToBool(e.Primary), Type: e.Type}}
	}
	out, err := config(ctx).ids.CreateUser(ctx, in)
	if err != nil {
		return infer.CreateResponse[UserState]{}, fmt.Errorf("creating IdentityStore User (%s): %w", x.UserName, err)
	}
	id := aws.ToString(out.UserId)
	return infer.CreateResponse[UserState]{ID: x.IdentityStoreID + "/" + id, Output: UserState{UserArgs: x, UserID: id}}, nil
}

// Read describes the user: the fake identity store keeps its user name.
func (*User) Read(ctx context.Context, req infer.ReadRequest[UserArgs, UserState]) (
	infer.ReadResponse[UserArgs, UserState], error,
) {
	store, id, err := splitID(req.ID, "identity-store-id/user-id")
	if err != nil {
		return infer.ReadResponse[UserArgs, UserState]{}, err
	}
	out, err := config(ctx).ids.DescribeUser(ctx, &identitystore.DescribeUserInput{IdentityStoreId: aws.String(store),
		UserId: aws.String(id)})
	if isNotFound(err) {
		return infer.ReadResponse[UserArgs, UserState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[UserArgs, UserState]{}, fmt.Errorf("reading IdentityStore User (%s): %w", req.ID, err)
	}
	x := req.State.UserArgs
	x.IdentityStoreID, x.UserName = store, aws.ToString(out.UserName)
	return infer.ReadResponse[UserArgs, UserState]{ID: req.ID, Inputs: x, State: UserState{UserArgs: x, UserID: id}}, nil
}

// Delete deletes the user.
func (*User) Delete(ctx context.Context, req infer.DeleteRequest[UserState]) (infer.DeleteResponse, error) {
	_, err := config(ctx).ids.DeleteUser(ctx, &identitystore.DeleteUserInput{
		IdentityStoreId: aws.String(req.State.IdentityStoreID), UserId: aws.String(req.State.UserID)})
	if err != nil && !isNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting IdentityStore User (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// GroupMembership is aws:identitystore/groupMembership:GroupMembership
// (terraform-provider-aws internal/service/identitystore/group_membership.go):
// ID IDENTITY_STORE_ID/MEMBERSHIP_ID; every input replaces; Create
// CreateGroupMembership, Read DescribeGroupMembership, Delete
// DeleteGroupMembership.
type GroupMembership struct{}

// GroupMembershipArgs are its inputs.
type GroupMembershipArgs struct {
	IdentityStoreID string `pulumi:"identityStoreId" provider:"replaceOnChanges"`
	GroupID         string `pulumi:"groupId" provider:"replaceOnChanges"`
	MemberID        string `pulumi:"memberId" provider:"replaceOnChanges"`
}

// GroupMembershipState is its state.
type GroupMembershipState struct {
	GroupMembershipArgs
	MembershipID string `pulumi:"membershipId"`
}

// Annotate sets pulumi-aws's token.
func (*GroupMembership) Annotate(a infer.Annotator) {
	a.SetToken("identitystore/groupMembership", "GroupMembership")
}

// Create adds the member.
func (*GroupMembership) Create(ctx context.Context, req infer.CreateRequest[GroupMembershipArgs]) (
	infer.CreateResponse[GroupMembershipState], error,
) {
	x := req.Inputs
	if req.DryRun {
		return infer.CreateResponse[GroupMembershipState]{Output: GroupMembershipState{GroupMembershipArgs: x}}, nil
	}
	out, err := config(ctx).ids.CreateGroupMembership(ctx, &identitystore.CreateGroupMembershipInput{
		IdentityStoreId: aws.String(x.IdentityStoreID), GroupId: aws.String(x.GroupID),
		MemberId: &istypes.MemberIdMemberUserId{Value: x.MemberID}})
	if err != nil {
		return infer.CreateResponse[GroupMembershipState]{}, fmt.Errorf("creating IdentityStore Group Membership: %w", err)
	}
	id := aws.ToString(out.MembershipId)
	return infer.CreateResponse[GroupMembershipState]{ID: x.IdentityStoreID + "/" + id,
		Output: GroupMembershipState{GroupMembershipArgs: x, MembershipID: id}}, nil
}

// Read describes the membership.
func (*GroupMembership) Read(ctx context.Context, req infer.ReadRequest[GroupMembershipArgs, GroupMembershipState]) (
	infer.ReadResponse[GroupMembershipArgs, GroupMembershipState], error,
) {
	store, id, err := splitID(req.ID, "identity-store-id/group-membership-id")
	if err != nil {
		return infer.ReadResponse[GroupMembershipArgs, GroupMembershipState]{}, err
	}
	out, err := config(ctx).ids.DescribeGroupMembership(ctx, &identitystore.DescribeGroupMembershipInput{
		IdentityStoreId: aws.String(store), MembershipId: aws.String(id)})
	if isNotFound(err) {
		return infer.ReadResponse[GroupMembershipArgs, GroupMembershipState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[GroupMembershipArgs, GroupMembershipState]{}, fmt.Errorf("reading IdentityStore "+
			"Group Membership (%s): %w", req.ID, err)
	}
	x := GroupMembershipArgs{IdentityStoreID: store, GroupID: aws.ToString(out.GroupId)}
	if m, ok := out.MemberId.(*istypes.MemberIdMemberUserId); ok {
		x.MemberID = m.Value
	}
	return infer.ReadResponse[GroupMembershipArgs, GroupMembershipState]{ID: req.ID, Inputs: x,
		State: GroupMembershipState{GroupMembershipArgs: x, MembershipID: id}}, nil
}

// Delete removes the member.
func (*GroupMembership) Delete(ctx context.Context, req infer.DeleteRequest[GroupMembershipState]) (
	infer.DeleteResponse, error,
) {
	_, err := config(ctx).ids.DeleteGroupMembership(ctx, &identitystore.DeleteGroupMembershipInput{
		IdentityStoreId: aws.String(req.State.IdentityStoreID), MembershipId: aws.String(req.State.MembershipID)})
	if err != nil && !isNotFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting IdentityStore Group Membership (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
