package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// restError is an error answer of a REST-JSON service.
type restError struct {
	Status int
	Code   string
	Msg    string
}

func (e *restError) Error() string {
	return fmt.Sprintf("StatusCode: %d, %s: %s", e.Status, e.Code, e.Msg)
}

// restCall makes one SigV4-signed REST-JSON call for a service the AWS SDK
// modules of this repository do not include (IAM Access Analyzer), at the
// endpoint the SDK's configuration would use: AWS_ENDPOINT_URL_<SERVICE>,
// else AWS_ENDPOINT_URL, else the service's Regional endpoint. out receives
// the JSON answer; an error answer is a *restError.
func (c *Config) restCall(ctx context.Context, signingName, envName, host, method, path string, in, out any) error {
	endpoint := os.Getenv("AWS_ENDPOINT_URL_" + envName)
	if endpoint == "" {
		endpoint = os.Getenv("AWS_ENDPOINT_URL")
	}
	if endpoint == "" {
		endpoint = "https://" + host + "." + c.awsRg + ".amazonaws.com"
	}
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(endpoint, "/")+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	creds, err := c.aws.Credentials.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("retrieving credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), signingName, c.awsRg,
		time.Now()); err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		var e struct{ Message, Msg string }
		_ = json.Unmarshal(data, &e)
		return &restError{Status: resp.StatusCode, Code: resp.Header.Get("X-Amzn-ErrorType"), Msg: e.Message + e.Msg}
	}
	if out != nil && len(data) > 0 {
		return json.Unmarshal(data, out)
	}
	return nil
}
