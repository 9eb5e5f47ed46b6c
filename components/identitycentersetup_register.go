package components

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/identitystore"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssoadmin"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The registration of IdentityCenterSetup's children, from a checked and
// looked-up plan (the assignments themselves are registered in
// NewIdentityCenterSetup).

// newICBuilder registers everything but the assignments: the integration
// first, then the permission sets and their policies, the principals, the
// memberships and the access control attributes.
func newICBuilder(ctx *pulumi.Context, comp *IdentityCenterSetup, prep *icPrepared) (*icBuilder, error) {
	parent := pulumi.Parent(comp)
	integration, err := prep.integration.register(ctx, nil, nil, parent)
	if err != nil {
		return nil, err
	}
	comp.Integration = integration
	b := &icBuilder{
		ctx: ctx, plan: prep.plan, parent: parent, management: prep.management,
		// Trusted access and the delegated administrator carry no data the
		// children need, but must exist before them and outlive them.
		afterIntegration: integration.DependsOn(),
		instanceArn:      pulumi.String(prep.instanceArn), storeID: pulumi.String(prep.storeID),
		ready: make([]interface{}, 0, len(prep.assignments)+len(prep.plan.permissionSets)*4+8),
	}
	b.ready = append(b.ready, integration.Ready)
	b.children = append(b.children, integration.orgWrites...)
	if err := b.managementProviders(); err != nil {
		return nil, err
	}
	if err := b.permissionSets(); err != nil {
		return nil, err
	}
	if err := b.principals(); err != nil {
		return nil, err
	}
	if err := b.memberships(); err != nil {
		return nil, err
	}
	if err := b.accessControlAttributes(); err != nil {
		return nil, err
	}
	if err := b.applications(); err != nil {
		return nil, err
	}
	if err := b.trustedTokenIssuers(); err != nil {
		return nil, err
	}
	return b, nil
}

// outputs sets and registers the component's outputs.
func (b *icBuilder) outputs(comp *IdentityCenterSetup, prep *icPrepared) error {
	instanceArn := prep.instanceArn
	comp.InstanceArn = pulumi.String(instanceArn).ToStringOutput()
	comp.IdentityStoreID = pulumi.String(prep.storeID).ToStringOutput()
	comp.PermissionSetArns = b.psArns.ToStringMapOutput()
	comp.GroupIDs = b.groupIDs.ToStringMapOutput()
	comp.UserIDs = b.userIDs.ToStringMapOutput()
	comp.AssignmentCount = pulumi.Int(len(prep.assignments)).ToIntOutput()
	comp.UndeclaredAccess = b.undeclaredOutput()
	comp.ApplicationArns = b.appArns.ToStringMapOutput()
	comp.TrustedTokenIssuerArns = b.issuerArns.ToStringMapOutput()
	comp.children = b.children
	comp.Ready = pulumi.All(b.ready...).ApplyT(func([]interface{}) string { return instanceArn }).(pulumi.StringOutput)
	// Ready is left out of the state the component records: its value is
	// instanceArn, recorded here, and recording it would make the Go SDK
	// await, collect and sort the URN of every child, each assignment
	// included, only to discard them (about 3% of the component's cost at
	// 10,000 assignments). Ready itself still resolves once every child
	// exists and carries every child as a dependency
	// (TestDependsOnAndReadyCoverEveryChild), and a program in another
	// language still gets it in the construct result.
	return b.ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"instanceArn":            comp.InstanceArn,
		"identityStoreId":        comp.IdentityStoreID,
		"permissionSetArns":      comp.PermissionSetArns,
		"groupIds":               comp.GroupIDs,
		"userIds":                comp.UserIDs,
		"assignmentCount":        comp.AssignmentCount,
		"undeclaredAccess":       comp.UndeclaredAccess,
		"applicationArns":        comp.ApplicationArns,
		"trustedTokenIssuerArns": comp.TrustedTokenIssuerArns,
	})
}

// icBuilder registers the children from a validated plan.
type icBuilder struct {
	ctx              *pulumi.Context
	plan             *icPlan
	parent           pulumi.ResourceOption
	afterIntegration pulumi.ResourceOption
	instanceArn      pulumi.String
	storeID          pulumi.String
	// management is nil unless children go through the management account's
	// providers (identitycentersetup_management.go).
	management *icManagement

	psArns     pulumi.StringMap
	groupIDs   pulumi.StringMap
	userIDs    pulumi.StringMap
	appArns    pulumi.StringMap
	issuerArns pulumi.StringMap
	// ready collects the IDs of every child, for the Ready output.
	ready []interface{}
	// children are the custom resources the component registered, for
	// IdentityCenterSetup.DependsOn.
	children []pulumi.Resource
	// sets are the assignment sets, whose undeclared access is the
	// component's (identitycentersetup_undeclared.go).
	sets []*AccountAssignments
}

// add records a child for the Ready output and for DependsOn.
func (b *icBuilder) add(r pulumi.CustomResource) {
	b.ready = append(b.ready, r.ID())
	b.children = append(b.children, r)
}

func (b *icBuilder) permissionSets() error {
	b.psArns = make(pulumi.StringMap, len(b.plan.permissionSets))
	for i := range b.plan.permissionSets {
		ps := &b.plan.permissionSets[i]
		s := ps.spec
		if ps.existing {
			// Referenced, never registered: the looked-up ARN is the input.
			ps.arn = pulumi.String(ps.existingArn).ToStringOutput()
			b.psArns[s.Name] = ps.arn
			continue
		}
		psArgs := &ssoadmin.PermissionSetArgs{
			InstanceArn: b.instanceArn,
			Name:        pulumi.String(s.Name),
		}
		if s.Description != "" {
			psArgs.Description = pulumi.String(s.Description)
		}
		if s.SessionDuration != "" {
			psArgs.SessionDuration = pulumi.String(s.SessionDuration)
		}
		if s.RelayState != "" {
			psArgs.RelayState = pulumi.String(s.RelayState)
		}
		if len(s.Tags) > 0 {
			psArgs.Tags = pulumi.ToStringMap(s.Tags)
		}
		res, err := ssoadmin.NewPermissionSet(b.ctx, ps.resName, psArgs,
			append(append([]pulumi.ResourceOption{b.parent, b.afterIntegration}, b.awsOptions(i)...), b.psImport(ps, "")...)...)
		if err != nil {
			return fmt.Errorf("registering permission set %q: %w", s.Name, err)
		}
		ps.arn, ps.id = res.Arn, res.ID()
		b.psArns[s.Name] = res.Arn
		b.add(res)

		// Each policy is its own child, keyed by the policy, so changing one
		// policy touches only its attachment. They take the permission set's
		// ARN, which orders them after it and deletes them before it.
		for _, m := range ps.managed {
			att, err := ssoadmin.NewManagedPolicyAttachment(b.ctx, m.resName, &ssoadmin.ManagedPolicyAttachmentArgs{
				InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, ManagedPolicyArn: pulumi.String(m.arn),
			}, append(b.attachmentOptions(i), b.psImport(ps, m.arn)...)...)
			if err != nil {
				return fmt.Errorf("registering managed policy %s of permission set %q: %w", m.arn, s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		for _, c := range ps.customer {
			att, err := ssoadmin.NewCustomerManagedPolicyAttachment(b.ctx, c.resName,
				&ssoadmin.CustomerManagedPolicyAttachmentArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn,
					CustomerManagedPolicyReference: ssoadmin.CustomerManagedPolicyAttachmentCustomerManagedPolicyReferenceArgs{
						Name: pulumi.String(c.ref.Name), Path: pulumi.String(c.ref.Path),
					},
				}, append(b.attachmentOptions(i), b.psImport(ps, c.ref.Name+","+c.ref.Path)...)...)
			if err != nil {
				return fmt.Errorf("registering customer managed policy %s%s of permission set %q: %w",
					c.ref.Path, c.ref.Name, s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		if s.InlinePolicy != "" {
			att, err := ssoadmin.NewPermissionSetInlinePolicy(b.ctx, ps.resName+"-inline",
				&ssoadmin.PermissionSetInlinePolicyArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, InlinePolicy: pulumi.String(s.InlinePolicy),
				}, append(b.attachmentOptions(i), b.psImport(ps, "")...)...)
			if err != nil {
				return fmt.Errorf("registering the inline policy of permission set %q: %w", s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		if pb := s.PermissionsBoundary; pb != nil {
			boundary := ssoadmin.PermissionsBoundaryAttachmentPermissionsBoundaryArgs{}
			if pb.ManagedPolicyArn != "" {
				boundary.ManagedPolicyArn = pulumi.String(pb.ManagedPolicyArn)
			} else {
				boundary.CustomerManagedPolicyReference = ssoadmin.PermissionsBoundaryAttachmentPermissionsBoundaryCustomerManagedPolicyReferenceArgs{
					Name: pulumi.String(pb.CustomerManagedPolicy.Name), Path: pulumi.String(pb.CustomerManagedPolicy.Path),
				}
			}
			att, err := ssoadmin.NewPermissionsBoundaryAttachment(b.ctx, ps.resName+"-boundary",
				&ssoadmin.PermissionsBoundaryAttachmentArgs{
					InstanceArn: b.instanceArn, PermissionSetArn: res.Arn, PermissionsBoundary: boundary,
				}, append(b.attachmentOptions(i), b.psImport(ps, "")...)...)
			if err != nil {
				return fmt.Errorf("registering the permissions boundary of permission set %q: %w", s.Name, err)
			}
			ps.attachments = append(ps.attachments, att)
		}
		for _, att := range ps.attachments {
			b.add(att.(pulumi.CustomResource))
		}
		if err := b.provisioning(i); err != nil {
			return err
		}
	}
	return nil
}

func (b *icBuilder) principals() error {
	b.groupIDs = pulumi.StringMap{}
	b.userIDs = pulumi.StringMap{}
	for i := range b.plan.principals {
		p := &b.plan.principals[i]
		if p.existing {
			p.idInput = pulumi.String(p.id)
		} else {
			switch p.typ {
			case PrincipalGroup:
				gArgs := &identitystore.GroupArgs{IdentityStoreId: b.storeID, DisplayName: pulumi.String(p.name)}
				if p.group.Description != "" {
					gArgs.Description = pulumi.String(p.group.Description)
				}
				g, err := identitystore.NewGroup(b.ctx, p.resName, gArgs, b.parent, b.afterIntegration)
				if err != nil {
					return fmt.Errorf("registering group %q: %w", p.name, err)
				}
				p.idInput = g.GroupId
				b.add(g)
			case PrincipalUser:
				u := p.user
				uArgs := &identitystore.UserArgs{
					IdentityStoreId: b.storeID,
					UserName:        pulumi.String(u.UserName),
					DisplayName:     pulumi.String(u.DisplayName),
					Name: identitystore.UserNameArgs{
						GivenName: pulumi.String(u.GivenName), FamilyName: pulumi.String(u.FamilyName),
					},
				}
				if u.Email != "" {
					uArgs.Emails = identitystore.UserEmailsArgs{
						Value: pulumi.String(u.Email), Primary: pulumi.Bool(true), Type: pulumi.String("work"),
					}
				}
				res, err := identitystore.NewUser(b.ctx, p.resName, uArgs, b.parent, b.afterIntegration)
				if err != nil {
					return fmt.Errorf("registering user %q: %w", p.name, err)
				}
				p.idInput = res.UserId
				b.add(res)
			}
		}
		if p.typ == PrincipalGroup {
			b.groupIDs[p.name] = p.idInput
		} else {
			b.userIDs[p.name] = p.idInput
		}
	}
	return nil
}

func (b *icBuilder) memberships() error {
	for _, m := range b.plan.memberships {
		g, u := &b.plan.principals[m.group], &b.plan.principals[m.user]
		opts := []pulumi.ResourceOption{b.parent}
		if g.existing && u.existing {
			// Two existing principals carry no data from the integration;
			// keep the rule that every child comes after it.
			opts = append(opts, b.afterIntegration)
		}
		if m.adoptID != "" {
			opts = append(opts, importAs(b.plan.identityStoreID+"/"+m.adoptID))
		}
		res, err := identitystore.NewGroupMembership(b.ctx, m.resName, &identitystore.GroupMembershipArgs{
			IdentityStoreId: b.storeID, GroupId: g.idInput, MemberId: u.idInput,
		}, opts...)
		if err != nil {
			return fmt.Errorf("registering the membership of %q in %q: %w", u.name, g.name, err)
		}
		b.add(res)
	}
	return nil
}

func (b *icBuilder) accessControlAttributes() error {
	if len(b.plan.abac) == 0 {
		return nil
	}
	attrs := make(ssoadmin.InstanceAccessControlAttributesAttributeArray, 0, len(b.plan.abac))
	for _, a := range b.plan.abac {
		attrs = append(attrs, ssoadmin.InstanceAccessControlAttributesAttributeArgs{
			Key: pulumi.String(a.Key),
			Values: ssoadmin.InstanceAccessControlAttributesAttributeValueArray{
				ssoadmin.InstanceAccessControlAttributesAttributeValueArgs{Sources: pulumi.ToStringArray(a.Sources)},
			},
		})
	}
	opts := []pulumi.ResourceOption{b.parent, b.afterIntegration}
	if b.plan.adoptABAC {
		opts = append(opts, importAs(b.plan.instanceArn))
	}
	res, err := ssoadmin.NewInstanceAccessControlAttributes(b.ctx, b.plan.name+"-abac",
		&ssoadmin.InstanceAccessControlAttributesArgs{InstanceArn: b.instanceArn, Attributes: attrs}, opts...)
	if err != nil {
		return fmt.Errorf("registering the access control attributes: %w", err)
	}
	b.add(res)
	return nil
}

// registerAssignments registers the assignments of perResource, each with
// its permission set's options (psOpts).
func (b *icBuilder) registerAssignments(name string, prep *icPrepared, perResource []icAssignment,
	psOpts [][]pulumi.ResourceOption,
) error {
	groupType, userType := pulumi.String(PrincipalGroup), pulumi.String(PrincipalUser)
	accountTarget := pulumi.String("AWS_ACCOUNT")
	for _, a := range perResource {
		ps, p := &prep.plan.permissionSets[a.ps], &prep.plan.principals[a.principal]
		opts := psOpts[a.ps]
		if id := prep.assignmentImportID(&a); id != "" {
			opts = append(opts[:len(opts):len(opts)], importAs(id))
		}
		ptype := groupType
		if p.typ == PrincipalUser {
			ptype = userType
		}
		res, err := newAssignmentResource(b.ctx, a.name, &ssoadmin.AccountAssignmentArgs{
			InstanceArn:      b.instanceArn,
			PermissionSetArn: ps.arn,
			PrincipalId:      p.idInput,
			PrincipalType:    ptype,
			TargetId:         pulumi.String(a.account),
			TargetType:       accountTarget,
		}, opts...)
		if err != nil {
			return fmt.Errorf("%s %q: registering the assignment of %q to %s %q in account %s: %w",
				IdentityCenterSetupToken, name, ps.spec.Name, strings.ToLower(string(p.typ)), p.name, a.account, err)
		}
		b.add(res)
	}
	return nil
}

// onOwnStack runs f on a goroutine of its own and waits for it: the Go SDK
// records the registering goroutine's whole stack with every registration
// (Context.getStackTrace), and there it is f's few frames, not the
// program's. A panic in f is raised again in the caller.
func onOwnStack(f func() error) error {
	type result struct {
		err      error
		panicked bool
		value    any
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r = result{panicked: true, value: p}
			}
			done <- r
		}()
		r.err = f()
	}()
	r := <-done
	if r.panicked {
		panic(r.value)
	}
	return r.err
}

// assignmentOptions returns, per permission set, the options its assignments
// share: the component as parent and, when it has policies, a dependency on
// them.
func (b *icBuilder) assignmentOptions() [][]pulumi.ResourceOption {
	psOpts := make([][]pulumi.ResourceOption, len(b.plan.permissionSets))
	for i := range b.plan.permissionSets {
		psOpts[i] = append([]pulumi.ResourceOption{b.parent}, b.awsOptions(i)...)
		if deps := b.plan.permissionSets[i].assignmentDependencies(); len(deps) > 0 {
			// The policies and the provisioning carry no data the assignment
			// needs, but the role should be provisioned with them, and
			// provisioning the same permission set concurrently fails with
			// ConflictException.
			psOpts[i] = append(psOpts[i], pulumi.DependsOn(deps))
		}
	}
	return psOpts
}
