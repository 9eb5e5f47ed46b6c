package main

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/detective"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// DetectiveGraph is aws:detective/graph:Graph (terraform-provider-aws
// internal/service/detective/graph.go): ID the graph's ARN (pulumi-aws
// imports it by that ARN). Create is CreateGraph (which, for an account that
// has a graph, returns it), Read ListGraphs for the ARN (a graph no longer
// listed leaves the state), Delete DeleteGraph. Tags are set at creation only
// (the tests change none).
type DetectiveGraph struct{}

// DetectiveGraphArgs are its inputs.
type DetectiveGraphArgs struct {
	Tags map[string]string `pulumi:"tags,optional"`
}

// DetectiveGraphState is its state.
type DetectiveGraphState struct {
	DetectiveGraphArgs
	GraphArn    string            `pulumi:"graphArn"`
	CreatedTime string            `pulumi:"createdTime"`
	TagsAll     map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*DetectiveGraph) Annotate(a infer.Annotator) { a.SetToken("detective/graph", "Graph") }

// findGraph lists the caller's graphs for arn; ok false when it is not one.
func findGraph(ctx context.Context, c *Config, arn string) (created string, ok bool, err error) {
	pages := detective.NewListGraphsPaginator(detective.NewFromConfig(c.aws), &detective.ListGraphsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return "", false, err
		}
		for _, g := range page.GraphList {
			if aws.ToString(g.Arn) == arn {
				if g.CreatedTime != nil {
					created = g.CreatedTime.UTC().Format(time.RFC3339)
				}
				return created, true, nil
			}
		}
	}
	return "", false, nil
}

// Create creates (or finds) the graph.
func (*DetectiveGraph) Create(ctx context.Context, req infer.CreateRequest[DetectiveGraphArgs]) (
	infer.CreateResponse[DetectiveGraphState], error,
) {
	st := DetectiveGraphState{DetectiveGraphArgs: req.Inputs, TagsAll: req.Inputs.Tags}
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	if req.DryRun {
		return infer.CreateResponse[DetectiveGraphState]{Output: st}, nil
	}
	c := config(ctx)
	out, err := detective.NewFromConfig(c.aws).CreateGraph(ctx, &detective.CreateGraphInput{Tags: req.Inputs.Tags})
	if err != nil {
		return infer.CreateResponse[DetectiveGraphState]{}, fmt.Errorf("creating Detective Graph: %w", err)
	}
	st.GraphArn = aws.ToString(out.GraphArn)
	created, ok, err := findGraph(ctx, c, st.GraphArn)
	if err == nil && !ok {
		err = fmt.Errorf("not listed after creation")
	}
	if err != nil {
		return infer.CreateResponse[DetectiveGraphState]{}, fmt.Errorf("reading Detective Graph (%s): %w",
			st.GraphArn, err)
	}
	st.CreatedTime = created
	return infer.CreateResponse[DetectiveGraphState]{ID: st.GraphArn, Output: st}, nil
}

// Read finds the graph; one no longer listed leaves the state.
func (*DetectiveGraph) Read(ctx context.Context, req infer.ReadRequest[DetectiveGraphArgs, DetectiveGraphState]) (
	infer.ReadResponse[DetectiveGraphArgs, DetectiveGraphState], error,
) {
	created, ok, err := findGraph(ctx, config(ctx), req.ID)
	if err != nil {
		return infer.ReadResponse[DetectiveGraphArgs, DetectiveGraphState]{}, fmt.Errorf("reading Detective Graph "+
			"(%s): %w", req.ID, err)
	}
	if !ok {
		return infer.ReadResponse[DetectiveGraphArgs, DetectiveGraphState]{}, nil
	}
	st := req.State
	st.DetectiveGraphArgs, st.GraphArn, st.CreatedTime = req.Inputs, req.ID, created
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	return infer.ReadResponse[DetectiveGraphArgs, DetectiveGraphState]{ID: req.ID, Inputs: req.Inputs, State: st}, nil
}

// Delete deletes the graph.
func (*DetectiveGraph) Delete(ctx context.Context, req infer.DeleteRequest[DetectiveGraphState]) (
	infer.DeleteResponse, error,
) {
	_, err := detective.NewFromConfig(config(ctx).aws).DeleteGraph(ctx,
		&detective.DeleteGraphInput{GraphArn: aws.String(req.ID)})
	if err != nil && errorCode(err) != "ResourceNotFoundException" {
		return infer.DeleteResponse{}, fmt.Errorf("deleting Detective Graph (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
