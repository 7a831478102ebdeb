package ui

import (
	"fmt"
	"sync"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PartnershipEnv is the go-app environment variable that carries the
// partnership file from the server to the page, in the server (which
// prerenders it) and in the browser.
const PartnershipEnv = "MASA_PARTNERSHIP"

// parsed holds the partnerships read so far, by file contents, so that
// each page does not parse the file again.
var parsed sync.Map

type parsedPartnership struct {
	pt  state.Partnership
	err error
}

// currentPartnership reads the partnership file the server passed in
// PartnershipEnv; without one, the library's default partnership file
// (masa.EssexJSON). A file that cannot be read gives the default with an
// error saying so; the serve command checks the file before it starts,
// so this happens only if the page has been tampered with.
func currentPartnership() (state.Partnership, error) {
	data := app.Getenv(PartnershipEnv)
	if data == "" {
		data = string(masa.EssexJSON())
	}
	if v, ok := parsed.Load(data); ok {
		r := v.(parsedPartnership)
		return r.pt, r.err
	}
	pt, err := state.ParsePartnership([]byte(data))
	if err != nil {
		def, derr := state.ParsePartnership(masa.EssexJSON())
		if derr != nil {
			return def, derr // the embedded file is checked by the masa tests
		}
		pt, err = def, fmt.Errorf("the partnership file could not be read, so the default partnership is shown: %w", err)
	}
	parsed.Store(data, parsedPartnership{pt, err})
	return pt, err
}
