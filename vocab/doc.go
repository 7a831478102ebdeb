// Package vocab holds the small shared vocabulary of the masa packages:
// organisation identifiers and statutory roles, civil dates, financial
// years and periods, sums of money, citations of the rules the packages
// apply, learning items passed between packages, and the error types every
// package returns.
//
// Every domain package (masa, funding, reviews, training, scrutiny) may
// import vocab; vocab imports none of them, so domain packages can share
// these types without importing each other.
//
// Dates are civil dates with no time of day and no time zone: the
// arrangements, deadlines and financial years they describe are dates in
// England. Code that starts from an instant should convert it with
// [DateIn] and the Europe/London location.
package vocab
