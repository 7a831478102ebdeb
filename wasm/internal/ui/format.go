package ui

import (
	"strconv"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/vocab"
	"github.com/shopspring/decimal"
)

// minus is the typographic minus sign used for negative changes.
const minus = "\u2212"

// pounds formats a sum as "£389,095" (or "£1,210.50" for pence).
func pounds(n funding.Number, places int32) string {
	s := vocab.FormatPounds(n.Decimal(), places)
	return strings.Replace(s, "-", minus, 1)
}

// signedPounds formats a change with its sign: "+£10,905", "−£1,000" or
// "£0".
func signedPounds(n funding.Number, places int32) string {
	d := n.Decimal()
	switch d.Sign() {
	case 1:
		return "+" + vocab.FormatPounds(d, places)
	case -1:
		return minus + vocab.FormatPounds(d.Neg(), places)
	}
	return vocab.FormatPounds(d, places)
}

// signedPercent formats a percentage change: "+2.80%", "−1.20%", "0.00%",
// or "–" when there is none (a new contributor).
func signedPercent(n funding.Number) string {
	if !n.IsSet() {
		return "\u2013"
	}
	d := n.Decimal()
	switch d.Sign() {
	case 1:
		return "+" + d.StringFixed(2) + "%"
	case -1:
		return minus + d.Neg().StringFixed(2) + "%"
	}
	return d.StringFixed(2) + "%"
}

// changeClass returns the CSS class of a change cell: "up" for a rise,
// "down" for a cut.
func changeClass(n funding.Number) string {
	switch n.Decimal().Sign() {
	case 1:
		return "num up"
	case -1:
		return "num down"
	}
	return "num"
}

// barWidth returns a bar's CSS width, amount as a percentage of max to
// one decimal place, rounded down, such as "61.7%". It is display
// geometry only; whole-pound sums that fit are worked in integers, which
// is much faster than decimal division in WebAssembly.
func barWidth(amount, max decimal.Decimal) string {
	if max.Sign() <= 0 || amount.Sign() <= 0 {
		return "0%"
	}
	limit := decimal.New(1, 15)
	if amount.LessThan(limit) && max.LessThan(limit) && amount.IsInteger() && max.IsInteger() {
		permille := amount.IntPart() * 1000 / max.IntPart()
		return strconv.FormatInt(permille/10, 10) + "." + strconv.FormatInt(permille%10, 10) + "%"
	}
	return amount.Mul(decimal.NewFromInt(100)).DivRound(max, 2).Truncate(1).StringFixed(1) + "%"
}
