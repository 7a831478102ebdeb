package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// loopback serves the service on a real listener on 127.0.0.1 for the
// benchmark and returns its base URL and a client that keeps connections
// alive.
func loopback(b *testing.B) (string, *http.Client) {
	b.Helper()
	h, err := newServer(testDeps(nil))
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout, WriteTimeout: writeTimeout, IdleTimeout: idleTimeout}
	go func() { _ = srv.Serve(ln) }()
	b.Cleanup(func() { _ = srv.Close() })
	tr := &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: time.Minute}
	b.Cleanup(tr.CloseIdleConnections)
	return "http://" + ln.Addr().String(), &http.Client{Transport: tr}
}

// benchRequests sends b.N requests over loopback, from 1 client and from
// 8 concurrent clients, and reports requests per second.
func benchRequests(b *testing.B, method, path string, body []byte, header ...string) {
	base, client := loopback(b)
	do := func() error {
		req, err := http.NewRequest(method, base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode)
		}
		return err
	}
	if err := do(); err != nil {
		b.Fatal(err)
	}
	b.Run("clients=1", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := do(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
	b.Run("clients=8", func(b *testing.B) {
		b.ReportAllocs()
		b.SetParallelism(4) // 4 × GOMAXPROCS goroutines: 8 on the 2-core machine
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := do(); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	})
}

// BenchmarkLeadAreas measures GET /v1/lead-areas over loopback.
func BenchmarkLeadAreas(b *testing.B) {
	benchRequests(b, "GET", "/v1/lead-areas?on=2020-06-29", nil)
}

// BenchmarkApportion measures POST /v1/funding/apportion over loopback:
// the ICB merger scenario at £400,000, answered as JSON.
func BenchmarkApportion(b *testing.B) {
	benchRequests(b, "POST", "/v1/funding/apportion", icbScenario(b), "Content-Type", "application/json")
}

// BenchmarkApportionCSV is BenchmarkApportion answered as CSV.
func BenchmarkApportionCSV(b *testing.B) {
	benchRequests(b, "POST", "/v1/funding/apportion?format=csv", icbScenario(b), "Content-Type", "application/json")
}

// BenchmarkTimeline measures POST /v1/reviews/timeline over loopback: a
// fictional open case, answered with its status on a date.
func BenchmarkTimeline(b *testing.B) {
	benchRequests(b, "POST", "/v1/reviews/timeline?on=2021-04-01", caseFile(b, "open"), "Content-Type", "application/json")
}

// BenchmarkInProcess measures the same requests through the handler
// alone, without the network, to separate the service's own cost from
// the loopback round trip.
func BenchmarkInProcess(b *testing.B) {
	h := newTestServer(b)
	cases := []struct {
		name, method, target string
		body                 []byte
	}{
		{"lead-areas", "GET", "/v1/lead-areas?on=2020-06-29", nil},
		{"apportion", "POST", "/v1/funding/apportion", icbScenario(b)},
		{"timeline", "POST", "/v1/reviews/timeline?on=2021-04-01", caseFile(b, "open")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := call(h, c.method, c.target, c.body, "Content-Type", "application/json")
				if rec.Code != http.StatusOK {
					b.Fatalf("%s %s: %d %s", c.method, c.target, rec.Code, rec.Body)
				}
			}
		})
	}
}
