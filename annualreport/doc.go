// Package annualreport assembles the yearly report that the safeguarding
// partners must publish at least once in every 12 months, as set out in
// chapter 3 of Working Together to Safeguard Children 2018, from the
// partnership model and a year's input.
//
// The report is structured data, a list of [Section] values with
// summaries, items and tables, that a renderer such as the plan export can
// lay out. It has a section for each part the guidance asks for:
//
//   - arrangements: what the partners did under the arrangements;
//   - practice-reviews: what they did on child safeguarding practice
//     reviews;
//   - effectiveness: how effective the arrangements were;
//   - impact: evidence of impact, including of training;
//   - little-progress: priorities with little or no progress;
//   - review-actions: actions on the recommendations of local and
//     national reviews;
//   - voice: how feedback from children and families was sought and used;
//   - funding: the partners' funding contributions;
//
// and two supporting sections, training (the needs analysis, delivery and
// evaluation, from package training) and scrutiny (the scrutiny plan and
// its coverage of aims, from package scrutiny).
//
// A part with nothing to say is not an error: [Assemble] flags it as
// missing, by its section ID and with the reason, in the section and in
// [Report.Missing]. In the input, leaving a list out means "not yet
// supplied" and flags its part as missing, while an empty list means
// "there were none this year" (no practice reviews, say) and does not.
//
// A report starts as a draft. [Report.MarkReady] marks it ready to publish
// only when no required part is missing and the publication gate is open:
// a scrutiny review of the report must have been recorded on or before
// the date (see scrutiny.Gate).
//
// [Decode] reads the input strictly; every validation problem is a
// *vocab.FieldError naming its JSON path, such as "priorities[2].progress"
// or "training.findings[0].source", and all are returned at once as
// vocab.Problems.
package annualreport
