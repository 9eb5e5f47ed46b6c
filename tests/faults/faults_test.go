package faults

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func decisions(seed uint64, n int) []Kind {
	in := New(Organizations(seed, Rates{Throttle: 0.3, ServerError: 0.1, Conflict: 0.05, Drop: 0.05}))
	out := make([]Kind, n)
	for i := range n {
		out[i] = in.decide("AWSOrganizationsV20161128.EnableAWSServiceAccess",
			[]byte(fmt.Sprintf(`{"ServicePrincipal":"p%d"}`, i%40)))
	}
	return out
}

func TestDeterministicBySeed(t *testing.T) {
	t.Parallel()
	assert.Equal(t, decisions(7, 400), decisions(7, 400), "the same seed gives the same faults")
	assert.NotEqual(t, decisions(7, 400), decisions(8, 400), "another seed gives other faults")
}

func TestRatesAreHonoured(t *testing.T) {
	t.Parallel()
	const n = 20000
	counts := map[Kind]int{}
	for _, k := range decisions(1, n) {
		counts[k]++
	}
	for kind, want := range map[Kind]float64{Throttle: 0.3, ServerError: 0.1, Conflict: 0.05, "": 0.5} {
		assert.InDelta(t, want, float64(counts[kind])/n, 0.02, "rate of %q", kind)
	}
	assert.InDelta(t, 0.05, float64(counts[DropBefore]+counts[DropAfter])/n, 0.02, "drop rate")
	assert.Positive(t, counts[DropBefore])
	assert.Positive(t, counts[DropAfter])
}

func TestConflictsOnlyOnWrites(t *testing.T) {
	t.Parallel()
	in := New(Organizations(3, Rates{Conflict: 1}))
	assert.Equal(t, Conflict, in.decide("AWSOrganizationsV20161128.DisableAWSServiceAccess", nil))
	assert.Equal(t, Kind(""), in.decide("AWSOrganizationsV20161128.ListAWSServiceAccessForOrganization", nil))
}

func TestWrapAnswersAndDrops(t *testing.T) {
	t.Parallel()
	var ran atomic.Int32
	next := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		ran.Add(1)
		_, _ = w.Write([]byte("{}"))
	})
	post := func(t *testing.T, rates Rates) (*http.Response, error) {
		srv := httptest.NewServer(New(Organizations(1, rates)).Wrap(next))
		t.Cleanup(srv.Close)
		req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader("{}"))
		require.NoError(t, err)
		req.Header.Set("X-Amz-Target", "AWSOrganizationsV20161128.EnableAWSServiceAccess")
		return srv.Client().Do(req)
	}

	resp, err := post(t, Rates{Throttle: 1})
	require.NoError(t, err)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, "TooManyRequestsException", resp.Header.Get("X-Amzn-ErrorType"))
	assert.Zero(t, ran.Load(), "a throttled request does not run")

	_, err = post(t, Rates{Drop: 1})
	require.Error(t, err, "a dropped connection gets no answer")
}

func TestIdentityCenterConflictsOnlyOnAssignmentWrites(t *testing.T) {
	t.Parallel()
	in := New(IdentityCenter(3, Rates{Conflict: 1}))
	assert.Equal(t, Conflict, in.decide("SWBExternalService.CreateAccountAssignment", nil))
	assert.Equal(t, Conflict, in.decide("SWBExternalService.DeleteAccountAssignment", []byte("{}")))
	assert.Equal(t, Kind(""), in.decide("SWBExternalService.ListAccountAssignments", nil))
	assert.Equal(t, 2, in.InjectedFor("SWBExternalService.DeleteAccountAssignment", Conflict)+
		in.InjectedFor("SWBExternalService.CreateAccountAssignment", Conflict))
	assert.Zero(t, in.InjectedFor("SWBExternalService.ListAccountAssignments", Conflict))
}
