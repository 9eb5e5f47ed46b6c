package components

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Provisioning after every change (identitycentersetup.md, "Provisioning").
// The pulumi-aws policy attachments each provision their permission set when
// created or deleted, and the permission set itself when its attributes
// change (terraform-provider-aws calls ProvisionPermissionSet from those
// handlers); what they miss is a provisioning that failed, which leaves the
// attachment recorded as created (terraform-provider-aws#38247), and two
// provisionings of one permission set at once, which conflict. So a
// permission set's policies are chained one after another, and one
// orgtrust PermissionSetProvisioning per permission set provisions it once
// more after all of them, whenever the permission set or a policy changes,
// before any of its assignments is created.

// attachmentOptions are the options of a permission set's next policy
// attachment: the component as parent and, after the first, the previous
// attachment.
func (b *icBuilder) attachmentOptions(i int) []pulumi.ResourceOption {
	ps := &b.plan.permissionSets[i]
	opts := append([]pulumi.ResourceOption{b.parent}, b.awsOptions(i)...)
	if n := len(ps.attachments); n > 0 {
		// Creating or deleting an attachment provisions the permission set, and
		// two provisionings of one permission set at once conflict
		// (ConflictException): one policy at a time.
		opts = append(opts, pulumi.DependsOn([]pulumi.Resource{ps.attachments[n-1]}))
	}
	return opts
}

// provisioning registers the permission set's PermissionSetProvisioning,
// after all its policies.
func (b *icBuilder) provisioning(i int) error {
	ps := &b.plan.permissionSets[i]
	opts := append([]pulumi.ResourceOption{b.parent}, b.orgtrustOptions(i)...)
	if len(ps.attachments) > 0 {
		// The policies carry no data the provisioning needs, but it must run
		// after every one of them has changed the permission set.
		opts = append(opts, pulumi.DependsOn(ps.attachments))
	}
	res, err := NewPermissionSetProvisioning(b.ctx, ps.resName+"-provisioning", PermissionSetProvisioningArgs{
		InstanceArn: b.instanceArn, PermissionSetArn: ps.arn, Revision: icRevision(ps),
	}, opts...)
	if err != nil {
		return fmt.Errorf("registering the provisioning of permission set %q: %w", ps.spec.Name, err)
	}
	ps.provisioning = res
	b.add(res)
	return nil
}

// icRevision is a hash of everything a permission set provisions: its
// attributes and its policies, in their sorted order. It changes exactly when
// one of them does.
func icRevision(ps *icPermissionSet) string {
	s := ps.spec
	content := struct {
		Description, SessionDuration, RelayState, InlinePolicy string
		Managed                                                []string
		Customer                                               []CustomerManagedPolicyRef
		Boundary                                               *PermissionsBoundarySpec
	}{
		Description: s.Description, SessionDuration: s.SessionDuration, RelayState: s.RelayState,
		InlinePolicy: s.InlinePolicy, Boundary: s.PermissionsBoundary,
	}
	for _, m := range ps.managed {
		content.Managed = append(content.Managed, m.arn)
	}
	for _, c := range ps.customer {
		content.Customer = append(content.Customer, c.ref)
	}
	b, _ := json.Marshal(content) // plain strings and structs: cannot fail
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:10])
}

// assignmentDependencies are what a permission set's assignments wait for:
// its policies and its provisioning.
func (ps *icPermissionSet) assignmentDependencies() []pulumi.Resource {
	deps := append([]pulumi.Resource(nil), ps.attachments...)
	if ps.provisioning != nil {
		deps = append(deps, ps.provisioning)
	}
	return deps
}
