// Package state holds the state of the funding scenarios page as plain
// Go data, with no browser code, so that it is tested natively.
//
// A [Form] is what the user has typed, kept as typed. [Model] turns the
// form into a funding.Scenario, applies it with funding.Apply and keeps
// the last valid result beside the problems of the current form, each
// attached to the input it came from: a value that is not a number is
// caught here, and everything about what the numbers mean (negative
// sums, percentages that do not add up to 100, caps that cannot be met)
// comes back from the funding package and is mapped from its JSON path
// to the input. The sums themselves are all funding's.
//
// [Encode] and [Decode] carry a form in a URL for sharing; Decode is
// strict and bounded, so a malformed or hostile link gives an error
// message, never a crash. [PutSaved] and [DeleteSaved] manage the named
// scenarios kept in the browser's local storage.
package state
