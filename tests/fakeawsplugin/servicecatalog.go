package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/servicecatalog"
	sctypes "github.com/aws/aws-sdk-go-v2/service/servicecatalog/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/pulumi/pulumi-go-provider/infer"
)

func (c *Config) catalog() *servicecatalog.Client { return servicecatalog.NewFromConfig(c.aws) }

// OrganizationsAccess is aws:servicecatalog/organizationsAccess:OrganizationsAccess
// (terraform-provider-aws internal/service/servicecatalog/organizations_access.go):
// ID the caller's account; enabled replaces; Create enables (or, enabled
// false, disables) AWS Organizations access, Delete does the opposite, Read
// reports the status.
type OrganizationsAccess struct{}

// OrganizationsAccessArgs are its inputs.
type OrganizationsAccessArgs struct {
	Enabled bool `pulumi:"enabled" provider:"replaceOnChanges"`
}

// OrganizationsAccessState is its state.
type OrganizationsAccessState struct {
	OrganizationsAccessArgs
}

// Annotate sets pulumi-aws's token.
func (*OrganizationsAccess) Annotate(a infer.Annotator) {
	a.SetToken("servicecatalog/organizationsAccess", "OrganizationsAccess")
}

func (c *Config) setCatalogAccess(ctx context.Context, enable bool) error {
	var err error
	if enable {
		_, err = c.catalog().EnableAWSOrganizationsAccess(ctx, &servicecatalog.EnableAWSOrganizationsAccessInput{})
	} else {
		_, err = c.catalog().DisableAWSOrganizationsAccess(ctx, &servicecatalog.DisableAWSOrganizationsAccessInput{})
	}
	return err
}

// Create enables or disables the access.
func (*OrganizationsAccess) Create(ctx context.Context, req infer.CreateRequest[OrganizationsAccessArgs]) (
	infer.CreateResponse[OrganizationsAccessState], error,
) {
	c := config(ctx)
	out := infer.CreateResponse[OrganizationsAccessState]{Output: OrganizationsAccessState{req.Inputs}}
	if req.DryRun {
		return out, nil
	}
	who, err := sts.NewFromConfig(c.aws).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return out, fmt.Errorf("reading the caller's account: %w", err)
	}
	out.ID = aws.ToString(who.Account)
	if err := c.setCatalogAccess(ctx, req.Inputs.Enabled); err != nil {
		return infer.CreateResponse[OrganizationsAccessState]{}, fmt.Errorf("error enabling Service Catalog AWS "+
			"Organizations Access: %w", err)
	}
	return out, nil
}

// Read reports whether the access is enabled.
func (*OrganizationsAccess) Read(ctx context.Context,
	req infer.ReadRequest[OrganizationsAccessArgs, OrganizationsAccessState],
) (infer.ReadResponse[OrganizationsAccessArgs, OrganizationsAccessState], error) {
	st, err := config(ctx).catalog().GetAWSOrganizationsAccessStatus(ctx,
		&servicecatalog.GetAWSOrganizationsAccessStatusInput{})
	if err != nil {
		return infer.ReadResponse[OrganizationsAccessArgs, OrganizationsAccessState]{}, fmt.Errorf(
			"error describing Service Catalog AWS Organizations Access (%s): %w", req.ID, err)
	}
	args := OrganizationsAccessArgs{Enabled: st.AccessStatus == sctypes.AccessStatusEnabled}
	return infer.ReadResponse[OrganizationsAccessArgs, OrganizationsAccessState]{ID: req.ID, Inputs: args,
		State: OrganizationsAccessState{args}}, nil
}

// Delete does the opposite of Create.
func (*OrganizationsAccess) Delete(ctx context.Context, req infer.DeleteRequest[OrganizationsAccessState]) (
	infer.DeleteResponse, error,
) {
	if err := config(ctx).setCatalogAccess(ctx, !req.State.Enabled); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("error disabling Service Catalog AWS Organizations Access: %w", err)
	}
	return infer.DeleteResponse{}, nil
}

// Portfolio is aws:servicecatalog/portfolio:Portfolio (terraform-provider-aws
// internal/service/servicecatalog/portfolio.go): ID the portfolio ID; name,
// description, providerName and tags update in place (UpdatePortfolio); a
// portfolio gone from AWS leaves the state on refresh.
type Portfolio struct{}

// PortfolioArgs are its inputs.
type PortfolioArgs struct {
	Name         string            `pulumi:"name"`
	Description  *string           `pulumi:"description,optional"`
	ProviderName string            `pulumi:"providerName"`
	Tags         map[string]string `pulumi:"tags,optional"`
}

// PortfolioState is its state.
type PortfolioState struct {
	PortfolioArgs
	Arn         string            `pulumi:"arn"`
	CreatedTime string            `pulumi:"createdTime"`
	TagsAll     map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*Portfolio) Annotate(a infer.Annotator) { a.SetToken("servicecatalog/portfolio", "Portfolio") }

func scTags(m map[string]string) []sctypes.Tag {
	var out []sctypes.Tag
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, sctypes.Tag{Key: aws.String(k), Value: aws.String(m[k])})
	}
	return out
}

func portfolioState(x PortfolioArgs, d *sctypes.PortfolioDetail) PortfolioState {
	tags := x.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	return PortfolioState{PortfolioArgs: x, Arn: aws.ToString(d.ARN),
		CreatedTime: aws.ToTime(d.CreatedTime).Format(time.RFC3339), TagsAll: tags}
}

// Create creates the portfolio.
func (*Portfolio) Create(ctx context.Context, req infer.CreateRequest[PortfolioArgs]) (
	infer.CreateResponse[PortfolioState], error,
) {
	x := req.Inputs
	if req.DryRun {
		return infer.CreateResponse[PortfolioState]{Output: PortfolioState{PortfolioArgs: x, TagsAll: x.Tags}}, nil
	}
	out, err := config(ctx).catalog().CreatePortfolio(ctx, &servicecatalog.CreatePortfolioInput{
		DisplayName: aws.String(x.Name), Description: x.Description, ProviderName: aws.String(x.ProviderName),
		Tags: scTags(x.Tags), IdempotencyToken: aws.String(fmt.Sprintf("%d", time.Now().UnixNano())),
	})
	if err != nil {
		return infer.CreateResponse[PortfolioState]{}, fmt.Errorf("creating Service Catalog Portfolio (%s): %w",
			x.Name, err)
	}
	return infer.CreateResponse[PortfolioState]{ID: aws.ToString(out.PortfolioDetail.Id),
		Output: portfolioState(x, out.PortfolioDetail)}, nil
}

// Read describes the portfolio.
func (*Portfolio) Read(ctx context.Context, req infer.ReadRequest[PortfolioArgs, PortfolioState]) (
	infer.ReadResponse[PortfolioArgs, PortfolioState], error,
) {
	out, err := config(ctx).catalog().DescribePortfolio(ctx, &servicecatalog.DescribePortfolioInput{Id: aws.String(req.ID)})
	var nf *sctypes.ResourceNotFoundException
	if errors.As(err, &nf) {
		return infer.ReadResponse[PortfolioArgs, PortfolioState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[PortfolioArgs, PortfolioState]{}, fmt.Errorf("reading Service Catalog Portfolio "+
			"(%s): %w", req.ID, err)
	}
	d := out.PortfolioDetail
	x := PortfolioArgs{Name: aws.ToString(d.DisplayName), ProviderName: aws.ToString(d.ProviderName)}
	if aws.ToString(d.Description) != "" {
		x.Description = d.Description
	}
	if len(out.Tags) > 0 {
		x.Tags = map[string]string{}
		for _, t := range out.Tags {
			x.Tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
		}
	}
	st := portfolioState(x, d)
	if req.State.CreatedTime != "" {
		st.CreatedTime = req.State.CreatedTime
	}
	return infer.ReadResponse[PortfolioArgs, PortfolioState]{ID: req.ID, Inputs: x, State: st}, nil
}

// Update updates the portfolio's names, description and tags.
func (*Portfolio) Update(ctx context.Context, req infer.UpdateRequest[PortfolioArgs, PortfolioState]) (
	infer.UpdateResponse[PortfolioState], error,
) {
	x, old := req.Inputs, req.State
	st := old
	st.PortfolioArgs, st.TagsAll = x, x.Tags
	if req.DryRun {
		return infer.UpdateResponse[PortfolioState]{Output: st}, nil
	}
	var remove []string
	for k := range old.Tags {
		if _, ok := x.Tags[k]; !ok {
			remove = append(remove, k)
		}
	}
	if _, err := config(ctx).catalog().UpdatePortfolio(ctx, &servicecatalog.UpdatePortfolioInput{
		Id: aws.String(req.ID), DisplayName: aws.String(x.Name), Description: x.Description,
		ProviderName: aws.String(x.ProviderName), AddTags: scTags(x.Tags), RemoveTags: remove,
	}); err != nil {
		return infer.UpdateResponse[PortfolioState]{}, fmt.Errorf("updating Service Catalog Portfolio (%s): %w",
			req.ID, err)
	}
	return infer.UpdateResponse[PortfolioState]{Output: st}, nil
}

// Delete deletes the portfolio.
func (*Portfolio) Delete(ctx context.Context, req infer.DeleteRequest[PortfolioState]) (infer.DeleteResponse, error) {
	_, err := config(ctx).catalog().DeletePortfolio(ctx, &servicecatalog.DeletePortfolioInput{Id: aws.String(req.ID)})
	var nf *sctypes.ResourceNotFoundException
	if err != nil && !errors.As(err, &nf) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Service Catalog Portfolio (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// PortfolioShare is aws:servicecatalog/portfolioShare:PortfolioShare
// (terraform-provider-aws internal/service/servicecatalog/portfolio_share.go):
// ID PORTFOLIO_ID:TYPE:PRINCIPAL_ID; portfolioId, principalId and type
// replace; an organization node's share and unshare wait for
// DescribePortfolioShareStatus; Read finds the share with
// DescribePortfolioShares. The stand-in has no update of shareTagOptions and
// sharePrincipals (UpdatePortfolioShare): the tests change neither.
type PortfolioShare struct{}

// PortfolioShareArgs are its inputs.
type PortfolioShareArgs struct {
	PortfolioID       string  `pulumi:"portfolioId" provider:"replaceOnChanges"`
	PrincipalID       string  `pulumi:"principalId" provider:"replaceOnChanges"`
	Type              string  `pulumi:"type" provider:"replaceOnChanges"`
	ShareTagOptions   *bool   `pulumi:"shareTagOptions,optional"`
	SharePrincipals   *bool   `pulumi:"sharePrincipals,optional"`
	AcceptLanguage    *string `pulumi:"acceptLanguage,optional"`
	WaitForAcceptance *bool   `pulumi:"waitForAcceptance,optional"`
}

// PortfolioShareState is its state.
type PortfolioShareState struct {
	PortfolioShareArgs
	Accepted bool `pulumi:"accepted"`
}

// Annotate sets pulumi-aws's token.
func (*PortfolioShare) Annotate(a infer.Annotator) {
	a.SetToken("servicecatalog/portfolioShare", "PortfolioShare")
}

// node is the share's principal: an account ID, or an organization node
// whose value is an ID or the last part of an ARN (as terraform-provider-aws
// reads it).
func (x PortfolioShareArgs) node() (account string, node *sctypes.OrganizationNode) {
	if x.Type == "ACCOUNT" {
		return x.PrincipalID, nil
	}
	v := x.PrincipalID
	if strings.HasPrefix(v, "arn:") {
		v = v[strings.LastIndex(v, "/")+1:]
	}
	return "", &sctypes.OrganizationNode{Type: sctypes.OrganizationNodeType(x.Type), Value: aws.String(v)}
}

func (c *Config) waitShare(ctx context.Context, token *string) error {
	if token == nil {
		return nil
	}
	for {
		st, err := c.catalog().DescribePortfolioShareStatus(ctx,
			&servicecatalog.DescribePortfolioShareStatusInput{PortfolioShareToken: token})
		if err != nil {
			return err
		}
		switch st.Status {
		case sctypes.ShareStatusCompleted:
			return nil
		case sctypes.ShareStatusError, sctypes.ShareStatusCompletedWithErrors:
			return fmt.Errorf("unexpected state '%s', wanted target 'COMPLETED'", st.Status)
		}
		if err := c.wait(ctx); err != nil {
			return err
		}
	}
}

// Create shares the portfolio.
func (*PortfolioShare) Create(ctx context.Context, req infer.CreateRequest[PortfolioShareArgs]) (
	infer.CreateResponse[PortfolioShareState], error,
) {
	x := req.Inputs
	id := x.PortfolioID + ":" + x.Type + ":" + x.PrincipalID
	out := infer.CreateResponse[PortfolioShareState]{ID: id, Output: PortfolioShareState{PortfolioShareArgs: x,
		Accepted: true}}
	if req.DryRun {
		return out, nil
	}
	c := config(ctx)
	account, node := x.node()
	in := &servicecatalog.CreatePortfolioShareInput{PortfolioId: aws.String(x.PortfolioID), OrganizationNode: node,
		ShareTagOptions: aws.ToBool(x.ShareTagOptions), SharePrincipals: aws.ToBool(x.SharePrincipals)}
	if account != "" {
		in.AccountId = aws.String(account)
	}
	res, err := c.catalog().CreatePortfolioShare(ctx, in)
	if err != nil {
		return infer.CreateResponse[PortfolioShareState]{}, fmt.Errorf("creating Service Catalog Portfolio Share "+
			"(%s): %w", id, err)
	}
	if err := c.waitShare(ctx, res.PortfolioShareToken); err != nil {
		return infer.CreateResponse[PortfolioShareState]{}, fmt.Errorf("waiting for Service Catalog Portfolio "+
			"Share (%s) to be ready: %w", id, err)
	}
	return out, nil
}

// Read finds the share by its ID.
func (*PortfolioShare) Read(ctx context.Context, req infer.ReadRequest[PortfolioShareArgs, PortfolioShareState]) (
	infer.ReadResponse[PortfolioShareArgs, PortfolioShareState], error,
) {
	parts := strings.SplitN(req.ID, ":", 3)
	if len(parts) != 3 {
		return infer.ReadResponse[PortfolioShareArgs, PortfolioShareState]{}, fmt.Errorf("unexpected format of "+
			"ID (%s), expected PORTFOLIO_ID:TYPE:PRINCIPAL_ID", req.ID)
	}
	x := req.State.PortfolioShareArgs
	x.PortfolioID, x.Type, x.PrincipalID = parts[0], parts[1], parts[2]
	_, node := x.node()
	want := x.PrincipalID
	if node != nil {
		want = aws.ToString(node.Value)
	}
	pages := servicecatalog.NewDescribePortfolioSharesPaginator(config(ctx).catalog(),
		&servicecatalog.DescribePortfolioSharesInput{PortfolioId: aws.String(x.PortfolioID),
			Type: sctypes.DescribePortfolioShareType(x.Type)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		var nf *sctypes.ResourceNotFoundException
		if errors.As(err, &nf) {
			return infer.ReadResponse[PortfolioShareArgs, PortfolioShareState]{}, nil
		}
		if err != nil {
			return infer.ReadResponse[PortfolioShareArgs, PortfolioShareState]{}, fmt.Errorf("reading Service "+
				"Catalog Portfolio Share (%s): %w", req.ID, err)
		}
		for _, d := range page.PortfolioShareDetails {
			if aws.ToString(d.PrincipalId) != want {
				continue
			}
			if d.ShareTagOptions || x.ShareTagOptions != nil {
				x.ShareTagOptions = aws.Bool(d.ShareTagOptions)
			}
			if d.SharePrincipals || x.SharePrincipals != nil {
				x.SharePrincipals = aws.Bool(d.SharePrincipals)
			}
			return infer.ReadResponse[PortfolioShareArgs, PortfolioShareState]{ID: req.ID, Inputs: x,
				State: PortfolioShareState{PortfolioShareArgs: x, Accepted: d.Accepted}}, nil
		}
	}
	return infer.ReadResponse[PortfolioShareArgs, PortfolioShareState]{}, nil
}

// Delete unshares the portfolio.
func (*PortfolioShare) Delete(ctx context.Context, req infer.DeleteRequest[PortfolioShareState]) (
	infer.DeleteResponse, error,
) {
	c, x := config(ctx), req.State.PortfolioShareArgs
	account, node := x.node()
	in := &servicecatalog.DeletePortfolioShareInput{PortfolioId: aws.String(x.PortfolioID), OrganizationNode: node}
	if account != "" {
		in.AccountId = aws.String(account)
	}
	res, err := c.catalog().DeletePortfolioShare(ctx, in)
	var nf *sctypes.ResourceNotFoundException
	if errors.As(err, &nf) {
		return infer.DeleteResponse{}, nil
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Service Catalog Portfolio Share (%s): %w", req.ID, err)
	}
	if err := c.waitShare(ctx, res.PortfolioShareToken); err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("waiting for Service Catalog Portfolio Share (%s) to be "+
			"deleted: %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}

// PrincipalPortfolioAssociation is
// aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation
// (terraform-provider-aws internal/service/servicecatalog/principal_portfolio_association.go):
// ID ACCEPT_LANGUAGE,PRINCIPAL_ARN,PORTFOLIO_ID,PRINCIPAL_TYPE; every input
// replaces; Read finds the principal with ListPrincipalsForPortfolio.
type PrincipalPortfolioAssociation struct{}

// PrincipalPortfolioAssociationArgs are its inputs.
type PrincipalPortfolioAssociationArgs struct {
	PortfolioID    string  `pulumi:"portfolioId" provider:"replaceOnChanges"`
	PrincipalArn   string  `pulumi:"principalArn" provider:"replaceOnChanges"`
	PrincipalType  *string `pulumi:"principalType,optional" provider:"replaceOnChanges"`
	AcceptLanguage *string `pulumi:"acceptLanguage,optional" provider:"replaceOnChanges"`
}

// PrincipalPortfolioAssociationState is its state.
type PrincipalPortfolioAssociationState struct {
	PrincipalPortfolioAssociationArgs
}

// Annotate sets pulumi-aws's token.
func (*PrincipalPortfolioAssociation) Annotate(a infer.Annotator) {
	a.SetToken("servicecatalog/principalPortfolioAssociation", "PrincipalPortfolioAssociation")
}

// Annotate sets pulumi-aws's defaults.
func (x *PrincipalPortfolioAssociationArgs) Annotate(a infer.Annotator) {
	a.SetDefault(&x.PrincipalType, "IAM")
	a.SetDefault(&x.AcceptLanguage, "en")
}

func (x PrincipalPortfolioAssociationArgs) id() string {
	return strings.Join([]string{aws.ToString(x.AcceptLanguage), x.PrincipalArn, x.PortfolioID,
		aws.ToString(x.PrincipalType)}, ",")
}

// Create associates the principal.
func (*PrincipalPortfolioAssociation) Create(ctx context.Context,
	req infer.CreateRequest[PrincipalPortfolioAssociationArgs],
) (infer.CreateResponse[PrincipalPortfolioAssociationState], error) {
	x := req.Inputs
	out := infer.CreateResponse[PrincipalPortfolioAssociationState]{ID: x.id(),
		Output: PrincipalPortfolioAssociationState{x}}
	if req.DryRun {
		return out, nil
	}
	if _, err := config(ctx).catalog().AssociatePrincipalWithPortfolio(ctx,
		&servicecatalog.AssociatePrincipalWithPortfolioInput{PortfolioId: aws.String(x.PortfolioID),
			PrincipalARN: aws.String(x.PrincipalArn), PrincipalType: sctypes.PrincipalType(aws.ToString(x.PrincipalType)),
			AcceptLanguage: x.AcceptLanguage}); err != nil {
		return infer.CreateResponse[PrincipalPortfolioAssociationState]{}, fmt.Errorf("creating Service Catalog "+
			"Principal Portfolio Association (%s): %w", x.id(), err)
	}
	return out, nil
}

// Read finds the association by its ID.
func (*PrincipalPortfolioAssociation) Read(ctx context.Context,
	req infer.ReadRequest[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState],
) (infer.ReadResponse[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState], error) {
	parts := strings.Split(req.ID, ",")
	if len(parts) != 4 {
		return infer.ReadResponse[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState]{},
			fmt.Errorf("unexpected format for ID (%s), expected ACCEPT_LANGUAGE,PRINCIPAL_ARN,PORTFOLIO_ID,"+
				"PRINCIPAL_TYPE", req.ID)
	}
	x := PrincipalPortfolioAssociationArgs{AcceptLanguage: aws.String(parts[0]), PrincipalArn: parts[1],
		PortfolioID: parts[2], PrincipalType: aws.String(parts[3])}
	pages := servicecatalog.NewListPrincipalsForPortfolioPaginator(config(ctx).catalog(),
		&servicecatalog.ListPrincipalsForPortfolioInput{PortfolioId: aws.String(x.PortfolioID)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		var nf *sctypes.ResourceNotFoundException
		if errors.As(err, &nf) {
			break
		}
		if err != nil {
			return infer.ReadResponse[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState]{},
				fmt.Errorf("reading Service Catalog Principal Portfolio Association (%s): %w", req.ID, err)
		}
		for _, p := range page.Principals {
			if aws.ToString(p.PrincipalARN) == x.PrincipalArn && string(p.PrincipalType) == parts[3] {
				return infer.ReadResponse[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState]{
					ID: req.ID, Inputs: x, State: PrincipalPortfolioAssociationState{x}}, nil
			}
		}
	}
	return infer.ReadResponse[PrincipalPortfolioAssociationArgs, PrincipalPortfolioAssociationState]{}, nil
}

// Delete disassociates the principal.
func (*PrincipalPortfolioAssociation) Delete(ctx context.Context,
	req infer.DeleteRequest[PrincipalPortfolioAssociationState],
) (infer.DeleteResponse, error) {
	x := req.State.PrincipalPortfolioAssociationArgs
	_, err := config(ctx).catalog().DisassociatePrincipalFromPortfolio(ctx,
		&servicecatalog.DisassociatePrincipalFromPortfolioInput{PortfolioId: aws.String(x.PortfolioID),
			PrincipalARN: aws.String(x.PrincipalArn), PrincipalType: sctypes.PrincipalType(aws.ToString(x.PrincipalType)),
			AcceptLanguage: x.AcceptLanguage})
	var nf *sctypes.ResourceNotFoundException
	if err != nil && !errors.As(err, &nf) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Service Catalog Principal Portfolio Association (%s): "+
			"%w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
