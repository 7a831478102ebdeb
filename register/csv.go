package register

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/masa-go/masa/vocab"
)

// CSVHeader returns the columns of [Register.ExportCSV].
func CSVHeader() []string {
	return []string{"ref", "aware", "harm", "abuseOrNeglect", "location", "lookedAfter", "version",
		"seq", "step", "on", "by", "outcome", "criteria", "planned", "corrects", "withdrawn", "reason", "holder", "recordedAt"}
}

// ExportCSV writes the register to w as CSV: one row for each entry of
// each case, in reference and log order, and one row with empty entry
// columns for a case with no entries. Cells that a spreadsheet would take
// for a formula are prefixed with an apostrophe.
func (r *Register) ExportCSV(ctx context.Context, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	err := r.store.Cases(ctx, func(c *Case) error {
		f := c.Facts
		looked := ""
		if f.LookedAfter != nil {
			looked = strconv.FormatBool(*f.LookedAfter)
		}
		head := []string{c.Ref, f.Aware.String(), string(f.Harm), string(f.AbuseOrNeglect), string(f.Location), looked, strconv.Itoa(c.Version)}
		if len(c.Entries) == 0 {
			return cw.Write(cells(append(head, make([]string, 12)...)))
		}
		for _, e := range c.Entries {
			ev := e.Event
			row := append(clone(head),
				strconv.Itoa(e.Seq), string(ev.Step), dateCell(ev.On), ev.By, ev.Outcome, joinIDs(ev.Criteria), dateCell(ev.Planned),
				intCell(e.Corrects), boolCell(e.Withdrawn), e.Reason, e.Holder, e.At.UTC().Format(time.RFC3339Nano))
			if err := cw.Write(cells(row)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func clone(s []string) []string { return append([]string(nil), s...) }

func dateCell(d vocab.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func intCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func boolCell(b bool) string {
	if !b {
		return ""
	}
	return "true"
}

func joinIDs(ids []vocab.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ";")
}

// cells neutralises cells that start like a spreadsheet formula.
func cells(row []string) []string {
	for i, s := range row {
		if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
			row[i] = "'" + s
		}
	}
	return row
}
