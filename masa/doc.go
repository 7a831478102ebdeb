// Package masa models a local child safeguarding partnership's published
// Multi-Agency Safeguarding Arrangements (MASA) in England: who the
// statutory safeguarding partners are, which agencies are designated as
// relevant agencies, how the partnership is governed (its chair, executive
// board, sub-committees, local groups and assembly), the joint groups it
// shares with neighbouring partnerships, its vision and values, its levels
// of need, how disputes escalate, its lead areas and how they rotate, and
// its funding table.
//
// A [Partnership] is plain data with JSON tags. [Load] reads one from JSON
// strictly, and [Essex] returns the Essex Safeguarding Children Board's
// 2020-21 arrangements, embedded in the package and loaded through the same
// path as any other file.
//
// The rules that apply to a partnership depend on the date: a Local
// Safeguarding Children Board before the partnership's go-live, Working
// Together 2018 after it, integrated care boards instead of clinical
// commissioning groups from 1 July 2022, and Working Together 2023 from 15
// December 2023. [RuleSetOn] answers which rule set is in force; the
// validation itself lives in package masa/validate, so that programs which
// only read the model (such as the browser app) do not carry the
// validation library.
//
// [Partnership.LeadHolder] answers "who holds lead area X on date D",
// following the area's rotation policy and reporting, rather than hiding, a
// rotation that contradicts the partnership's governance.
package masa
