package plan

import (
	"os"
	"runtime/debug"
)

// TuneGC sets the garbage collector of a process that runs one plan, such as
// `make plan`'s command, unless GOGC or GOMEMLIMIT say otherwise: the
// collector runs when the heap has grown 4 times (GOGC=400), and more often
// as it nears a soft limit of 1900 MiB (GOMEMLIMIT), below the 2 GB that a
// plan of 100,000 assignments may take.
//
// Most of what the mock runtime allocates lives only for one registration,
// and at 100,000 assignments the default (GOGC=100) spends about a third of
// the run's CPU time collecting it: measured with /usr/bin/time on this
// configuration, 33 s of user time and a peak RSS of 1.27 GB, against 23 s
// and 1.51 GB tuned (make bench measures the tuned run). The limit was 1.4
// GiB first: at 100,000 assignments the heap reached it, the collector ran
// ever more often, and the time grew 1.27 times linear from 20,000 to 100,000
// (make bench); at 1900 MiB it is 0.97 (12.0 s, peak RSS 1821 MB).
func TuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(1900 << 20)
}
