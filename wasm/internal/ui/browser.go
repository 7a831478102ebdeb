package ui

import (
	"errors"
	"net/url"
	"reflect"
	"strings"

	"github.com/masa-go/masa/funding"
	"github.com/masa-go/masa/wasm/internal/state"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file holds the page's dealings with the browser: the address bar,
// the clipboard, local storage and downloads.

// replaceURL puts the form in the address bar without adding a history
// entry.
func replaceURL(ctx app.Context, f state.Form, base funding.Baseline) {
	if !app.IsClient {
		return
	}
	ctx.Page().ReplaceURL(shareURL(ctx.Page().URL(), f, base))
}

// shareURL returns the page address u with the form as its query; the
// unchanged baseline form gives the bare page address.
func shareURL(u *url.URL, f state.Form, base funding.Baseline) *url.URL {
	v := *u
	v.RawQuery = ""
	v.Fragment = ""
	if !reflect.DeepEqual(f, state.NewForm(base)) {
		v.RawQuery = state.ShareQuery(f)
	}
	return &v
}

// copyLink copies the page's address, which holds the scenario.
func (p *Page) copyLink(ctx app.Context, e app.Event) {
	link := shareURL(ctx.Page().URL(), p.model.Form, p.model.Baseline).String()
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		p.setSaveMessage("This browser does not allow copying here; copy the address from the address bar.", true)
		return
	}
	clip.Call("writeText", link)
	p.setSaveMessage("Link copied.", false)
}

// capitalise starts a message with a capital letter.
func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (p *Page) setSaveMessage(msg string, isError bool) {
	p.saveMessage, p.saveError = msg, isError
}

// loadSaved reads the saved scenarios, dropping entries that cannot be
// read.
func loadSaved(ctx app.Context) []state.Saved {
	var list []state.Saved
	if err := ctx.LocalStorage().Get(state.StorageKey, &list); err != nil {
		return nil
	}
	return state.CleanSaved(list)
}

func (p *Page) save(ctx app.Context, e app.Event) {
	name := strings.TrimSpace(p.saveName)
	if state.HasSaved(p.saved, name) && !strings.EqualFold(p.confirmReplace, name) {
		// Saving under a name in use replaces that scenario: ask first.
		p.confirmReplace = name
		p.setSaveMessage("A scenario called \u201c"+name+"\u201d is saved already. Press Save again to replace it, or type another name.", true)
		p.saveNameError = false
		return
	}
	p.confirmReplace = ""
	list, err := state.PutSaved(p.saved, p.saveName, p.model.Form)
	if err != nil {
		p.setSaveMessage(capitalise(err.Error())+".", true)
		p.saveNameError = errors.Is(err, state.ErrSavedName)
		return
	}
	p.saveNameError = false
	if err := ctx.LocalStorage().Set(state.StorageKey, list); err != nil {
		p.setSaveMessage("The scenario could not be saved in this browser: "+err.Error(), true)
		return
	}
	p.saved = list
	p.setSaveMessage("Saved as \u201c"+p.saveName+"\u201d.", false)
}

func (p *Page) openSaved(s state.Saved) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		f, err := state.Decode(s.Form)
		if err != nil {
			p.setSaveMessage("That saved scenario can no longer be read.", true)
			return
		}
		p.model.Load(f)
		p.afterEdit(ctx)
		p.saveName = s.Name
		p.setSaveMessage("Opened \u201c"+s.Name+"\u201d.", false)
	}
}

func (p *Page) deleteSaved(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		list := state.DeleteSaved(p.saved, name)
		if err := ctx.LocalStorage().Set(state.StorageKey, list); err != nil {
			p.setSaveMessage("The scenario could not be deleted: "+err.Error(), true)
			return
		}
		p.saved = list
		p.setSaveMessage("Deleted \u201c"+name+"\u201d.", false)
	}
}

// download saves a file made from the last valid result.
func (p *Page) download(kind state.DownloadKind) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		d, err := p.model.Download(kind)
		if err != nil {
			p.setSaveMessage(err.Error(), true)
			return
		}
		if err := saveFile(d); err != nil {
			p.setSaveMessage(err.Error(), true)
		}
	}
}

// saveFile hands the file to the browser through a Blob and a temporary
// link.
func saveFile(d state.Download) error {
	if !app.IsClient {
		return errors.New("downloads need a browser")
	}
	win := app.Window()
	bytes := win.Get("Uint8Array").New(len(d.Data))
	app.CopyBytesToJS(bytes, d.Data)
	blob := win.Get("Blob").New([]any{bytes}, map[string]any{"type": d.Type})
	href := win.Get("URL").Call("createObjectURL", blob)
	doc := win.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", d.Name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoking the URL at once can cancel the download it started, so
	// it is released a minute later.
	urls := win.Get("URL")
	win.Call("setTimeout", urls.Get("revokeObjectURL").Call("bind", urls, href), 60000)
	return nil
}
