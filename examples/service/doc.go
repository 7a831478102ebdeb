// Service is a small JSON-over-HTTP service that embeds the masa packages
// the way another Go service would: it serves one partnership (the
// embedded Essex 2020-21 arrangements unless -data names a file), answers
// which rule set is in force on a date and who holds each lead area,
// validates posted partnership files, apportions posted funding scenarios
// (JSON or CSV), computes a review case's timeline and the overdue report
// for a set of cases, and renders the published plan, or next year's
// draft with a funding scenario applied, as PDF or HTML.
//
// It uses only the standard library's net/http, with Go 1.22 routing
// patterns. It listens on 127.0.0.1:8080 unless -addr says otherwise,
// shuts down gracefully on SIGINT or SIGTERM, limits the size of request
// bodies, sets read, write and idle timeouts, and logs each request with
// log/slog. Every client mistake is answered with a 4xx status and an RFC
// 9457 application/problem+json body whose "problems" member names each
// field at fault, where it was (body, query, path or header), the rule it
// broke and the offending value; unknown JSON fields and unknown query
// parameters are rejected. A panic in a handler is logged and answered
// with a 500, never passed on to the client as a dropped connection.
//
// The endpoints are described by the OpenAPI 3.1 document openapi.json,
// embedded in the binary and served at GET /openapi.json; a test keeps it
// in step with the registered routes and their query parameters.
//
// Usage:
//
//	go run ./examples/service [-addr 127.0.0.1:8080] [-data partnership.json]
//	    [-max-body 1048576] [-log-format text|json] [-log-level info]
package main
