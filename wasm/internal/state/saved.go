package state

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// StorageKey is the local storage key the saved scenarios live under.
const StorageKey = "masa.funding.saved"

// MaxSaved is the most scenarios a browser keeps.
const MaxSaved = 50

// maxSavedName is the longest name a saved scenario may have, in
// characters.
const maxSavedName = 80

// Saved is a named scenario kept in the browser's local storage: its name
// and its form encoded as for a shared link.
type Saved struct {
	Name string `json:"name"`
	Form string `json:"form"`
}

// ErrSavedName is returned for a name that is empty or too long.
var ErrSavedName = errors.New("give the scenario a name of 1 to 80 characters")

// ErrSavedFull is returned when MaxSaved scenarios are kept already.
var ErrSavedFull = fmt.Errorf("at most %d scenarios can be saved; delete one first", MaxSaved)

// PutSaved returns list with the form saved under name, replacing a
// scenario of the same name (ignoring case), sorted by name.
func PutSaved(list []Saved, name string, f Form) ([]Saved, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > maxSavedName {
		return list, ErrSavedName
	}
	out := DeleteSaved(list, name)
	if len(out) >= MaxSaved {
		return list, ErrSavedFull
	}
	f.Name = name
	out = append(out, Saved{Name: name, Form: Encode(f)})
	slices.SortStableFunc(out, func(a, b Saved) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return out, nil
}

// HasSaved reports whether a scenario called name (ignoring case and
// surrounding spaces) is in list.
func HasSaved(list []Saved, name string) bool {
	name = strings.TrimSpace(name)
	for _, s := range list {
		if strings.EqualFold(s.Name, name) {
			return true
		}
	}
	return false
}

// DeleteSaved returns list without the scenario called name (ignoring
// case). It does not modify list.
func DeleteSaved(list []Saved, name string) []Saved {
	out := make([]Saved, 0, len(list))
	for _, s := range list {
		if !strings.EqualFold(s.Name, strings.TrimSpace(name)) {
			out = append(out, s)
		}
	}
	return out
}

// CleanSaved returns the entries of a list read back from storage that
// can still be decoded, at most MaxSaved of them, so that a damaged or
// edited storage entry cannot break the page.
func CleanSaved(list []Saved) []Saved {
	var out []Saved
	for _, s := range list {
		if len(out) == MaxSaved {
			break
		}
		name := strings.TrimSpace(s.Name)
		if name == "" || utf8.RuneCountInString(name) > maxSavedName {
			continue
		}
		if _, err := Decode(s.Form); err != nil {
			continue
		}
		out = append(out, s)
	}
	return out
}
