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
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	status, header, data, err := c.signedDo(ctx, signingName, envName, host, c.awsRg, method, path,
		map[string]string{"Content-Type": "application/json"}, body)
	if err != nil {
		return err
	}
	if status >= 300 {
		var e struct{ Message, Msg string }
		_ = json.Unmarshal(data, &e)
		return &restError{Status: status, Code: header.Get("X-Amzn-ErrorType"), Msg: e.Message + e.Msg}
	}
	if out != nil && len(data) > 0 {
		return json.Unmarshal(data, out)
	}
	return nil
}

// jsonCall makes one call of an AWS JSON 1.1 service (X-Amz-Target
// target), as restCall does; an error answer is a *restError with the
// answer's __type.
func (c *Config) jsonCall(ctx context.Context, signingName, envName, host, target string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	status, _, data, err := c.signedDo(ctx, signingName, envName, host, c.awsRg, http.MethodPost, "/",
		map[string]string{"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target}, body)
	if err != nil {
		return err
	}
	if status >= 300 {
		var e struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}
		_ = json.Unmarshal(data, &e)
		return &restError{Status: status, Code: e.Type[strings.LastIndex(e.Type, "#")+1:], Msg: e.Message}
	}
	if out != nil && len(data) > 0 {
		return json.Unmarshal(data, out)
	}
	return nil
}

// signedDo sends one SigV4-signed request, signed for region, to the
// endpoint the SDK's configuration would use: AWS_ENDPOINT_URL_<envName>,
// else AWS_ENDPOINT_URL, else https://host.<region>.amazonaws.com.
func (c *Config) signedDo(ctx context.Context, signingName, envName, host, region, method, path string,
	header map[string]string, body []byte,
) (int, http.Header, []byte, error) {
	endpoint := os.Getenv("AWS_ENDPOINT_URL_" + envName)
	if endpoint == "" {
		endpoint = os.Getenv("AWS_ENDPOINT_URL")
	}
	if endpoint == "" {
		endpoint = "https://" + host + "." + region + ".amazonaws.com"
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(endpoint, "/")+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, nil, err
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	creds, err := c.aws.Credentials.Retrieve(ctx)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("retrieving credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), signingName, region,
		time.Now()); err != nil {
		return 0, nil, nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, data, err
}
