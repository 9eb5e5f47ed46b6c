package components

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestZZICProf(t *testing.T) {
	if os.Getenv("ZZIC") == "" {
		t.Skip()
	}
	prof := func(file string, p func(icScale) pulumi.RunFunc) {
		f, _ := os.Create(file)
		defer f.Close()
		runtime.GC()
		pprof.StartCPUProfile(f)
		for i := 0; i < 6; i++ {
			m := newICBenchMocks(icScale10k)
			if err := m.run(p(icScale10k)); err != nil {
				t.Fatal(err)
			}
		}
		runtime.GC()
		pprof.StopCPUProfile()
	}
	prof("/tmp/zz_hand.prof", icBenchByHand)
	prof("/tmp/zz_comp.prof", icBenchComponent)
}
