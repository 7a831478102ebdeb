module github.com/masa-go/masa/funding/benchcmp

go 1.26.0

require (
	github.com/Rhymond/go-money v1.0.15
	github.com/masa-go/masa v0.0.0
	github.com/shopspring/decimal v1.6.0
)

replace github.com/masa-go/masa => ../..
