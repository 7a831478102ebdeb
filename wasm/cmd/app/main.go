// Command app is the browser client of the funding scenarios app, built
// for GOOS=js GOARCH=wasm by the serve command.
package main

import (
	"github.com/masa-go/masa/wasm/internal/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser()
}
