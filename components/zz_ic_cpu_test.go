package components

import (
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
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
	var hc, cc, hw, cw []time.Duration
	one := func(p func(icScale) pulumi.RunFunc) (time.Duration, time.Duration) {
		runtime.GC()
		c0, w0 := icCPU(), time.Now()
		m := newICBenchMocks(icScale10k)
		if err := m.run(p(icScale10k)); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		return icCPU() - c0, time.Since(w0)
	}
	for r := 0; r < 8; r++ {
		c, w := one(icBenchByHand)
		hc, hw = append(hc, c), append(hw, w)
		c, w = one(icBenchComponent)
		cc, cw = append(cc, c), append(cw, w)
	}
	slices.Sort(hc); slices.Sort(cc); slices.Sort(hw); slices.Sort(cw)
	t.Logf("cpu median hand %v comp %v ratio %.3f", hc[4], cc[4], float64(cc[4])/float64(hc[4]))
	t.Logf("cpu min hand %v comp %v ratio %.3f", hc[0], cc[0], float64(cc[0])/float64(hc[0]))
	t.Logf("wall median hand %v comp %v ratio %.3f", hw[4], cw[4], float64(cw[4])/float64(hw[4]))
}
