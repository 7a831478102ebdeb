// Package register keeps review cases durably: each case's opaque
// reference and facts, its append-only events and an audit record of who
// recorded what and when.
//
// A [Register] checks every write against the review rules before it is
// stored: recording an event replays the case through
// reviews.Engine.Record and refuses what does not replay. Writes use
// optimistic concurrency: the writer states the version it read, and a
// write against any other version is refused with an error matching
// vocab.ErrConflict ([ErrStale]), never lost. Events are never updated or
// deleted; a correction is a new event that names the event it corrects.
//
// The register is a domain package: it never imports a database driver.
// Storage is a [Store], implemented by the adapters register/sqlite and
// register/postgres and checked by the shared conformance suite in
// register/registertest.
package register
