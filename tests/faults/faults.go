// Package faults injects faults into fake AWS endpoints at configured rates:
// throttling, 5xx responses, conflicts and dropped connections. It is an
// http middleware, so any fake that serves the AWS JSON 1.1 protocol (the
// fake Organizations of tests/fakeorg, a fake Identity Center) can be wrapped
// with it.
//
// The faults are deterministic by seed: whether a request fails, and how,
// depends only on the seed, the request (its X-Amz-Target and body) and how
// many identical requests came before it, never on the order in which
// concurrent requests arrive. The same program against the same seed meets
// the same faults.
package faults

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/fnv"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
)

// Kind is a kind of fault.
type Kind string

// The kinds of fault.
const (
	Throttle    Kind = "throttle"
	ServerError Kind = "5xx"
	Conflict    Kind = "conflict"
	// DropBefore closes the connection without running the request.
	DropBefore Kind = "drop-before"
	// DropAfter runs the request, then closes the connection without
	// answering: the change is made but the client does not know it.
	DropAfter Kind = "drop-after"
)

// Response is an AWS JSON 1.1 error response.
type Response struct {
	Status  int
	Code    string
	Message string
}

// Rates are the probabilities, each in [0, 1], that one request gets each
// kind of fault. Their sum must not exceed 1.
type Rates struct {
	Throttle    float64
	ServerError float64
	// Conflict applies only to the requests Config.Conflicts selects.
	Conflict float64
	// Drop is split evenly between DropBefore and DropAfter.
	Drop float64
}

// Config configures an Injector.
type Config struct {
	Seed  uint64
	Rates Rates
	// ThrottleResponse, ServerErrorResponse and ConflictResponse are the
	// service's own errors, such as Organizations' TooManyRequestsException.
	ThrottleResponse    Response
	ServerErrorResponse Response
	ConflictResponse    Response
	// Conflicts selects, by X-Amz-Target, the requests that can get a
	// conflict (the writes); nil selects none.
	Conflicts func(target string) bool
}

// Organizations returns the fault responses of AWS Organizations, with
// conflicts on its writes.
func Organizations(seed uint64, rates Rates) Config {
	return Config{
		Seed:  seed,
		Rates: rates,
		ThrottleResponse: Response{Status: http.StatusBadRequest, Code: "TooManyRequestsException",
			Message: "You have sent too many requests in too short a period of time. Try again later."},
		ServerErrorResponse: Response{Status: http.StatusInternalServerError, Code: "ServiceException",
			Message: "AWS Organizations can't complete your request because of an internal service error. Try again later."},
		ConflictResponse: Response{Status: http.StatusBadRequest, Code: "ConcurrentModificationException",
			Message: "AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity. Try again later."},
		Conflicts: func(target string) bool {
			switch target {
			case "AWSOrganizationsV20161128.EnableAWSServiceAccess",
				"AWSOrganizationsV20161128.DisableAWSServiceAccess",
				"AWSOrganizationsV20161128.RegisterDelegatedAdministrator",
				"AWSOrganizationsV20161128.DeregisterDelegatedAdministrator":
				return true
			}
			return false
		},
	}
}

// IdentityCenter returns the fault responses of IAM Identity Center
// (sso-admin, and the identity store the same fake serves), with conflicts on
// its writes, the assignment creates and deletes. The codes and the
// throttling message are AWS's (API reference, Common Errors and the
// operations' Errors; "Rate exceeded" is what Identity Center throttles
// answer); the messages of the other two are the API reference's
// descriptions of the errors.
func IdentityCenter(seed uint64, rates Rates) Config {
	return Config{
		Seed:  seed,
		Rates: rates,
		ThrottleResponse: Response{Status: http.StatusBadRequest, Code: "ThrottlingException",
			Message: "Rate exceeded"},
		ServerErrorResponse: Response{Status: http.StatusInternalServerError, Code: "InternalServerException",
			Message: "The request processing has failed because of an unknown error, exception, or failure with an internal server."},
		ConflictResponse: Response{Status: http.StatusBadRequest, Code: "ConflictException",
			Message: "Occurs when a conflict with a previous successful write is detected. This generally occurs when the previous write did not have time to propagate to the host serving the current request."},
		Conflicts: func(target string) bool {
			switch target {
			case "SWBExternalService.CreateAccountAssignment", "SWBExternalService.DeleteAccountAssignment":
				return true
			}
			return false
		},
	}
}

// Injector is the fault-injecting middleware. It is safe for concurrent use.
type Injector struct {
	cfg Config

	mu       sync.Mutex
	seen     map[string]uint64 // requests seen per request key
	injected map[Kind]int
	byTarget map[string]map[Kind]int
	requests int
}

// New returns an Injector.
func New(cfg Config) *Injector {
	return &Injector{cfg: cfg, seen: map[string]uint64{}, injected: map[Kind]int{}, byTarget: map[string]map[Kind]int{}}
}

// Wrap returns next with faults injected in front of it.
func (in *Injector) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		target := r.Header.Get("X-Amz-Target")
		kind := in.decide(target, body)
		switch kind {
		case "":
			next.ServeHTTP(w, r)
		case Throttle:
			writeError(w, in.cfg.ThrottleResponse)
		case ServerError:
			writeError(w, in.cfg.ServerErrorResponse)
		case Conflict:
			writeError(w, in.cfg.ConflictResponse)
		case DropBefore:
			drop(w)
		case DropAfter:
			next.ServeHTTP(httptest.NewRecorder(), r)
			drop(w)
		}
	})
}

// decide picks the fault, if any, for one request.
func (in *Injector) decide(target string, body []byte) Kind {
	key := target + "\x00" + string(body)
	in.mu.Lock()
	n := in.seen[key]
	in.seen[key] = n + 1
	in.requests++
	in.mu.Unlock()

	h := fnv.New64a()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], in.cfg.Seed)
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], n)
	h.Write(buf[:])
	h.Write([]byte(key))
	sum := h.Sum64()
	u := float64(sum>>11) / float64(1<<53) // uniform in [0, 1)

	rates := in.cfg.Rates
	conflict := 0.0
	if in.cfg.Conflicts != nil && in.cfg.Conflicts(target) {
		conflict = rates.Conflict
	}
	var kind Kind
	switch {
	case u < rates.Throttle:
		kind = Throttle
	case u < rates.Throttle+rates.ServerError:
		kind = ServerError
	case u < rates.Throttle+rates.ServerError+conflict:
		kind = Conflict
	case u < rates.Throttle+rates.ServerError+conflict+rates.Drop:
		kind = DropBefore
		if sum&1 == 1 {
			kind = DropAfter
		}
	default:
		return ""
	}
	in.mu.Lock()
	in.injected[kind]++
	if in.byTarget[target] == nil {
		in.byTarget[target] = map[Kind]int{}
	}
	in.byTarget[target][kind]++
	in.mu.Unlock()
	return kind
}

// Injected returns the number of faults injected so far, by kind.
func (in *Injector) Injected() map[Kind]int {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make(map[Kind]int, len(in.injected))
	for k, v := range in.injected {
		out[k] = v
	}
	return out
}

// InjectedFor returns the number of faults of kind injected so far into
// requests with X-Amz-Target target.
func (in *Injector) InjectedFor(target string, kind Kind) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.byTarget[target][kind]
}

// Total is the number of faults injected so far.
func (in *Injector) Total() int {
	n := 0
	for _, v := range in.Injected() {
		n += v
	}
	return n
}

// Requests is the number of requests seen so far, failed or not.
func (in *Injector) Requests() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.requests
}

func writeError(w http.ResponseWriter, e Response) {
	b, _ := json.Marshal(map[string]string{"__type": e.Code, "Message": e.Message}) // strings always encode
	w.Header().Set("X-Amzn-ErrorType", e.Code)
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(e.Status)
	_, _ = w.Write(b)
}

// drop closes the client's connection without an answer.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("faults: the server's ResponseWriter cannot be hijacked, so connections cannot be dropped")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	_ = conn.Close()
}
