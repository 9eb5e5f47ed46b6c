package provider

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPropagationWaitsForTheWriteToShow(t *testing.T) {
	t.Parallel()
	w := propagation{timeout: 10 * time.Second, maxBackoff: 10 * time.Millisecond}
	reads := 0
	err := w.wait(t.Context(), "the write", func(context.Context) (bool, error) {
		reads++
		return reads == 3, nil
	})
	require.NoError(t, err)
	assert.Equal(t, 3, reads, "read until the write shows, then stop")

	boom := errors.New("boom")
	err = w.wait(t.Context(), "the write", func(context.Context) (bool, error) { return false, boom })
	require.ErrorIs(t, err, boom, "a read's error ends the wait")

	short := propagation{timeout: 50 * time.Millisecond, maxBackoff: 20 * time.Millisecond}
	err = short.wait(t.Context(), "the write", func(context.Context) (bool, error) { return false, nil })
	require.ErrorIs(t, err, errNotPropagated)
	require.ErrorContains(t, err, "waiting 50ms for the write")
}
