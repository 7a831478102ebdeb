// Package scrutiny models a partnership's independent scrutiny: the
// functions through which scrutiny learns, the aims those functions serve,
// the annual scrutiny plan, the coverage of aims by functions, the voices
// of children and families that scrutiny draws on, and the publication
// gate for the yearly report.
//
// Functions, aims and voice sources have stable IDs. The partnership file
// lists the IDs it uses, each with its own wording (masa.Item in
// masa.ScrutinyArrangements and masa.Voice): any of the standard ones
// ([Functions], [Aims], [Voices]) and any it declares as its own. Code
// compares IDs only; a plan that uses an ID the file does not list is
// reported at its path, such as "activities[0].aims[1]", with rule
// "declared".
//
// A [Plan] lists the year's activities: each has a quarter, the function
// it uses, the aims it serves, who leads it and the voice sources it draws
// on. [Build] checks the plan against the model and returns a [Schedule]
// with the activities by quarter, each lead resolved to a name, and the
// [Coverage] matrix of functions against aims. Every aim the partnership
// names must be served by at least one activity; [Coverage.Check] reports
// each aim that is not. An activity with no lead is led by whoever holds
// the partnership's scrutiny lead area on the first day of its quarter,
// found through the lead-area rotation ([Lead]); in Essex in 2020-21 that
// is the Executive Director of Children's Services.
//
// The publication gate ([Gate]) holds the scrutiny reviews recorded for a
// yearly report. The report may be marked ready to publish on a date only
// when a review of it was recorded on or before that date
// ([Gate.CanPublish]).
//
// Loaders are strict ([DecodePlan]) and every validation problem is a
// *vocab.FieldError naming the JSON path of the bad value, collected into
// vocab.Problems so that all are reported at once.
package scrutiny
