package server

import (
	"bytes"
	_ "embed"
	"image"
	"image/color"
	"image/png"
)

//go:embed web/masa.css
var masaCSS []byte

// iconSVG is the app icon: a bar chart on the partnership blue.
const iconSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="masa funding">` +
	`<rect width="64" height="64" rx="8" fill="#1d4f91"/>` +
	`<rect x="12" y="30" width="10" height="22" fill="#ffffff"/>` +
	`<rect x="27" y="14" width="10" height="38" fill="#ffffff"/>` +
	`<rect x="42" y="38" width="10" height="14" fill="#ffdd00"/>` +
	`</svg>`

// iconPNG draws the app icon at size×size pixels. The drawing uses whole
// pixels only, so the bytes depend on size alone.
func iconPNG(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	blue := color.RGBA{0x1d, 0x4f, 0x91, 0xff}
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	yellow := color.RGBA{0xff, 0xdd, 0x00, 0xff}
	fill := func(x0, y0, x1, y1 int, c color.RGBA) {
		s := func(v int) int { return v * size / 64 }
		for y := s(y0); y < s(y1); y++ {
			for x := s(x0); x < s(x1); x++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	fill(0, 0, 64, 64, blue)
	fill(12, 30, 22, 52, white)
	fill(27, 14, 37, 52, white)
	fill(42, 38, 52, 52, yellow)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		// Encoding an in-memory RGBA image cannot fail.
		panic(err)
	}
	return b.Bytes()
}
