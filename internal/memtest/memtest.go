package memtest

import (
	"io"
	"runtime"
	"sync/atomic"
	"time"
)

// Big reports whether the large (60 MB, 240 MB) inputs run: not under
// -short, nor under the race detector (slow, and it measures the
// detector's memory), nor under GOOS=js (Node's heap is not the native
// one, and the inputs take minutes there). .ci/run runs them once,
// natively and without -race.
func Big(short bool) bool { return !short && !Race && runtime.GOOS != "js" }

// Cost is what one call cost.
type Cost struct {
	// Peak is the highest runtime.MemStats.HeapInuse seen during the call
	// (sampled every millisecond, and at its end) less HeapInuse before it,
	// after a collection.
	Peak uint64
	// Elapsed is the wall-clock time of the call.
	Elapsed time.Duration
}

// Measure runs f and returns what it cost.
func Measure(f func()) Cost {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	peak.Store(base)
	see := func(m *runtime.MemStats) {
		for {
			p := peak.Load()
			if m.HeapInuse <= p || peak.CompareAndSwap(p, m.HeapInuse) {
				return
			}
		}
	}
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				see(&m)
			}
		}
	}()
	start := time.Now()
	f()
	elapsed := time.Since(start)
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	see(&ms)
	return Cost{Peak: peak.Load() - base, Elapsed: elapsed}
}

// Stream is an io.Reader of head, then body repeated as many whole times
// as fit in size bytes with head, then tail: a large input made on the
// fly, never held.
type Stream struct {
	parts [3][]byte
	sizes [3]int64
	at    int
	off   int64
}

// NewStream returns a Stream of head, body repeated to size bytes with
// head, and tail.
func NewStream(head, body, tail string, size int64) *Stream {
	n := max(size-int64(len(head)), 0)
	if len(body) > 0 {
		n -= n % int64(len(body))
	}
	return &Stream{parts: [3][]byte{[]byte(head), []byte(body), []byte(tail)},
		sizes: [3]int64{int64(len(head)), n, int64(len(tail))}}
}

// Read reads the next bytes of the stream.
func (s *Stream) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && s.at < 3 {
		part, size := s.parts[s.at], s.sizes[s.at]
		if s.off >= size || len(part) == 0 {
			s.at, s.off = s.at+1, 0
			continue
		}
		i := int(s.off % int64(len(part)))
		m := copy(p[n:], part[i:])
		if rest := size - s.off; int64(m) > rest {
			m = int(rest)
		}
		n += m
		s.off += int64(m)
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// Bytes returns the whole stream of NewStream(head, body, tail, size), for
// an entry point that takes a []byte.
func Bytes(head, body, tail string, size int64) []byte {
	b, _ := io.ReadAll(NewStream(head, body, tail, size))
	return b
}
