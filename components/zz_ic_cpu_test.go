package components

import (
	"os"
	"syscall"
	"testing"
	"time"
)

func icCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZICCPU(t *testing.T) {
	if os.Getenv("ZZIC") == "" {
		t.Skip()
	}
	for r := 0; r < 4; r++ {
		for _, c := range []struct {
			n string
			f func(*testing.B)
		}{{"hand", func(b *testing.B) { benchmarkIdentityCenterByHand(b, icScale10k) }}, {"comp", func(b *testing.B) { benchmarkIdentityCenterSetup(b, icScale10k) }}} {
			c0 := icCPU()
			w0 := time.Now()
			res := testing.Benchmark(c.f)
			t.Logf("%s: wall %v cpu %v N=%d", c.n, time.Since(w0), icCPU()-c0, res.N)
		}
	}
}
