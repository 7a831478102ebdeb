// Package workdays counts working days in England and Wales.
//
// A working day is a day that is neither a Saturday, a Sunday nor a bank
// holiday in England and Wales. [EnglandAndWales] computes the bank
// holidays of any year from the standing pattern ([EnglandAndWalesPattern]:
// New Year's Day, Good Friday, Easter Monday, the first and last Mondays of
// May, the last Monday of August, Christmas Day and Boxing Day, with
// substitute days for fixed days that fall at a weekend), and lists the
// announced exceptions as data: the early May bank holiday moved to 8 May
// 2020 for VE Day, the spring bank holiday moved to 2 June 2022 and the
// Platinum Jubilee on 3 June 2022, the State Funeral of Queen Elizabeth II
// on 19 September 2022 and the coronation of King Charles III on 8 May
// 2023. The years 2018 to 2027, whose bank holidays have been announced,
// are covered, and a test checks each against the announced list. Later
// years are provisional: arithmetic over them works, and
// [Calendar.Provisional] reports that a result rests on days not yet
// announced. New announcements are added with [Calendar.Extend], from a
// [File] in Go or in JSON, and override the pattern for their years.
//
// # Counting convention
//
// The day an event happens is day 0, whatever kind of day it is. "Within N
// working days" of an event means on or before the Nth working day after
// it: [Calendar.AddWorkingDays](d, N). A local authority that became aware
// of an incident on Friday 1 May 2020 and had to act within 5 working days
// had until Monday 11 May: days 1 to 4 were 4 to 7 May, and Friday 8 May
// was the VE Day bank holiday. Counting backwards works the
// same way: AddWorkingDays(d, -7) is the 7th working day before d, the
// last day on which something due "at least 7 working days before d" can
// be done.
//
// A Calendar covers whole years. Arithmetic that would need a day in a
// year the calendar neither covers nor computes provisionally (for
// EnglandAndWales, a year before 2018; for a calendar made by [New] from
// a file alone, any year outside the file) returns an error matching
// vocab.ErrNotFound instead of guessing.
//
// # Time zone
//
// Dates are civil dates in England. [London] is the Europe/London time
// zone and [DateInLondon] converts an instant, such as a time stamp
// recorded in UTC, to its date in England, never in the machine's local
// zone. The zone comes from the machine's zone files or from time/tzdata
// when the program links it in (every masa program does, as the time
// package's documentation asks of a main package); where neither exists,
// the package falls back to its own embedded copy of the Europe/London
// rules (3.6 KB), so a library user's dates never depend on the machine.
package workdays
