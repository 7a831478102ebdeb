// Package benchcmp holds a side-by-side benchmark of funding.Apportion
// against the allocate function of a common integer money library
// (github.com/Rhymond/go-money, Money.Allocate) on the same inputs. It is
// a separate module so that the comparison-only dependency stays out of
// the main module's requirements. It has no code besides its benchmark.
package benchcmp
