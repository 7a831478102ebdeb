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

// focusTarget returns the click handler of an in-page link: it moves the
// focus to the element with the given ID, as well as scrolling to it, so
// that keyboard and screen reader users land where the link points.
func focusTarget(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		target := app.Window().GetElementByID(id)
		if !target.Truthy() {
			return
		}
		e.PreventDefault()
		target.Call("focus")
		target.Call("scrollIntoView")
	}
}

// planUnreachable is shown when the draft plan cannot be fetched.
const planUnreachable = "The draft plan could not be made: the server cannot be reached. It needs a connection; the other downloads work offline."

// downloadPlan fetches the draft plan and saves it, saying what went
// wrong when the server cannot be reached or refuses the scenario,
// instead of a link that does nothing visible when the server is down.
func (p *Page) downloadPlan(href, name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		p.setSaveMessage("Making the draft plan…", false)
		fail := func(msg string) {
			ctx.Dispatch(func(ctx app.Context) { p.setSaveMessage(msg, true) })
		}
		var onResponse, onBlob, onText, onError app.Func
		release := func() {
			for _, f := range []app.Func{onResponse, onBlob, onText, onError} {
				if f != nil {
					f.Release()
				}
			}
		}
		onError = app.FuncOf(func(this app.Value, args []app.Value) any {
			fail(planUnreachable)
			release()
			return nil
		})
		onText = app.FuncOf(func(this app.Value, args []app.Value) any {
			msg := "The draft plan could not be made."
			if len(args) > 0 && args[0].Truthy() {
				msg = strings.TrimSpace(args[0].String())
			}
			fail(msg)
			release()
			return nil
		})
		onBlob = app.FuncOf(func(this app.Value, args []app.Value) any {
			win := app.Window()
			url := win.Get("URL").Call("createObjectURL", args[0])
			doc := win.Get("document")
			a := doc.Call("createElement", "a")
			a.Set("href", url)
			a.Set("download", name)
			doc.Get("body").Call("appendChild", a)
			a.Call("click")
			a.Call("remove")
			ctx.Dispatch(func(ctx app.Context) { p.setSaveMessage("Draft plan downloaded.", false) })
			release()
			return nil
		})
		onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
			resp := args[0]
			switch {
			case resp.Get("ok").Bool():
				resp.Call("blob").Call("then", onBlob, onError)
			case resp.Get("status").Int() >= 500 || resp.Get("type").String() == "error":
				fail(planUnreachable)
				release()
			default:
				resp.Call("text").Call("then", onText, onError)
			}
			return nil
		})
		app.Window().Call("fetch", href).Call("then", onResponse, onError)
	}
}
