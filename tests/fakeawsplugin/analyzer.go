package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// Analyzer is aws:accessanalyzer/analyzer:Analyzer (terraform-provider-aws
// internal/service/accessanalyzer/analyzer.go): ID the analyzer name;
// analyzerName and type (default ACCOUNT) replace; Create is CreateAnalyzer,
// Read GetAnalyzer (a ResourceNotFoundException leaves the state), Delete
// DeleteAnalyzer; configuration (an unused-access analyzer's) replaces too.
// Tags are set at creation only (the tests change none).
type Analyzer struct{}

// AnalyzerArgs are its inputs.
type AnalyzerArgs struct {
	AnalyzerName  string                 `pulumi:"analyzerName" provider:"replaceOnChanges"`
	Type          *string                `pulumi:"type,optional" provider:"replaceOnChanges"`
	Configuration *AnalyzerConfiguration `pulumi:"configuration,optional" provider:"replaceOnChanges"`
	Tags          map[string]string      `pulumi:"tags,optional"`
}

// AnalyzerConfiguration is an unused-access analyzer's configuration.
type AnalyzerConfiguration struct {
	UnusedAccess *UnusedAccessConfiguration `pulumi:"unusedAccess,optional"`
}

// UnusedAccessConfiguration is its unusedAccess block.
type UnusedAccessConfiguration struct {
	UnusedAccessAge *int `pulumi:"unusedAccessAge,optional"`
}

// apiConfiguration is the configuration in Access Analyzer's JSON.
func (x *AnalyzerConfiguration) api() map[string]any {
	if x == nil || x.UnusedAccess == nil {
		return nil
	}
	u := map[string]any{}
	if x.UnusedAccess.UnusedAccessAge != nil {
		u["unusedAccessAge"] = *x.UnusedAccess.UnusedAccessAge
	}
	return map[string]any{"unusedAccess": u}
}

// AnalyzerState is its state.
type AnalyzerState struct {
	AnalyzerArgs
	Arn     string            `pulumi:"arn"`
	TagsAll map[string]string `pulumi:"tagsAll"`
}

// Annotate sets pulumi-aws's token.
func (*Analyzer) Annotate(a infer.Annotator) { a.SetToken("accessanalyzer/analyzer", "Analyzer") }

// Annotate sets pulumi-aws's default type.
func (x *AnalyzerArgs) Annotate(a infer.Annotator) { a.SetDefault(&x.Type, "ACCOUNT") }

func (c *Config) analyzerCall(ctx context.Context, method, path string, in, out any) error {
	return c.restCall(ctx, "access-analyzer", "ACCESSANALYZER", "access-analyzer", method, path, in, out)
}

func notFound(err error) bool {
	var re *restError
	return errors.As(err, &re) && (re.Code == "ResourceNotFoundException" || re.Status == http.StatusNotFound)
}

// Create creates the analyzer.
func (*Analyzer) Create(ctx context.Context, req infer.CreateRequest[AnalyzerArgs]) (
	infer.CreateResponse[AnalyzerState], error,
) {
	x := req.Inputs
	st := AnalyzerState{AnalyzerArgs: x, TagsAll: x.Tags}
	if req.DryRun {
		return infer.CreateResponse[AnalyzerState]{ID: x.AnalyzerName, Output: st}, nil
	}
	var out struct{ Arn string }
	in := map[string]any{"analyzerName": x.AnalyzerName, "type": *x.Type, "tags": x.Tags, "clientToken": x.AnalyzerName}
	if c := x.Configuration.api(); c != nil {
		in["configuration"] = c
	}
	if err := config(ctx).analyzerCall(ctx, http.MethodPut, "/analyzer", in, &out); err != nil {
		return infer.CreateResponse[AnalyzerState]{}, fmt.Errorf("creating IAM Access Analyzer Analyzer (%s): %w",
			x.AnalyzerName, err)
	}
	st.Arn = out.Arn
	if st.TagsAll == nil {
		st.TagsAll = map[string]string{}
	}
	return infer.CreateResponse[AnalyzerState]{ID: x.AnalyzerName, Output: st}, nil
}

// Read describes the analyzer.
func (*Analyzer) Read(ctx context.Context, req infer.ReadRequest[AnalyzerArgs, AnalyzerState]) (
	infer.ReadResponse[AnalyzerArgs, AnalyzerState], error,
) {
	var out struct {
		Analyzer struct {
			Arn, Name, Type string
			Tags            map[string]string
			Configuration   *struct {
				UnusedAccess *struct{ UnusedAccessAge *int }
			}
		}
	}
	err := config(ctx).analyzerCall(ctx, http.MethodGet, "/analyzer/"+url.PathEscape(req.ID), nil, &out)
	if notFound(err) {
		return infer.ReadResponse[AnalyzerArgs, AnalyzerState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[AnalyzerArgs, AnalyzerState]{}, fmt.Errorf("reading IAM Access Analyzer "+
			"Analyzer (%s): %w", req.ID, err)
	}
	a := out.Analyzer
	x := AnalyzerArgs{AnalyzerName: a.Name, Type: &a.Type}
	if a.Configuration != nil && a.Configuration.UnusedAccess != nil {
		x.Configuration = &AnalyzerConfiguration{UnusedAccess: &UnusedAccessConfiguration{
			UnusedAccessAge: a.Configuration.UnusedAccess.UnusedAccessAge}}
	}
	if len(a.Tags) > 0 {
		x.Tags = a.Tags
	}
	tags := a.Tags
	if tags == nil {
		tags = map[string]string{}
	}
	return infer.ReadResponse[AnalyzerArgs, AnalyzerState]{ID: req.ID, Inputs: x,
		State: AnalyzerState{AnalyzerArgs: x, Arn: a.Arn, TagsAll: tags}}, nil
}

// Delete deletes the analyzer.
func (*Analyzer) Delete(ctx context.Context, req infer.DeleteRequest[AnalyzerState]) (infer.DeleteResponse, error) {
	err := config(ctx).analyzerCall(ctx, http.MethodDelete, "/analyzer/"+url.PathEscape(req.ID)+"?clientToken="+
		url.QueryEscape(req.ID), nil, nil)
	if err != nil && !notFound(err) {
		return infer.DeleteResponse{}, fmt.Errorf("deleting IAM Access Analyzer Analyzer (%s): %w", req.ID, err)
	}
	return infer.DeleteResponse{}, nil
}
