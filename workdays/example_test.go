package workdays_test

import (
	"fmt"
	"time"

	"github.com/masa-go/masa/vocab"
	"github.com/masa-go/masa/workdays"
)

// The day of becoming aware is day 0, and "within 5 working days" means on
// or before the 5th working day after it.
func ExampleCalendar_AddWorkingDays() {
	c := workdays.EnglandAndWales()
	aware := vocab.MustDate("2020-05-01") // a Friday
	due, err := c.AddWorkingDays(aware, 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("aware", aware.Long(), "- notify by", due.Weekday(), due.Long())
	h, _ := c.Holiday(vocab.MustDate("2020-05-08"))
	fmt.Println("skipping", h.Name)

	// At least 7 working days before publication on Tuesday 10 January 2023.
	send, _ := c.AddWorkingDays(vocab.MustDate("2023-01-10"), -7)
	fmt.Println("send by", send.Weekday(), send.Long())
	// Output:
	// aware 1 May 2020 - notify by Monday 11 May 2020
	// skipping Early May bank holiday (VE Day)
	// send by Thursday 29 December 2022
}

func ExampleCalendar_Extend() {
	f, err := workdays.Parse([]byte(`{
	  "years": [2028],
	  "holidays": [
	    {"date": "2028-01-03", "name": "New Year's Day (substitute day)", "kind": "substitute"}
	  ]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := workdays.EnglandAndWales().Extend(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	from := vocab.MustDate("2027-12-24")
	due, _ := c.AddWorkingDays(from, 5)
	fmt.Println(due, "provisional:", c.Provisional(from, due))
	// Output:
	// 2028-01-05 provisional: false
}

func ExampleCalendar_Provisional() {
	c := workdays.EnglandAndWales()
	from := vocab.MustDate("2027-12-24")
	due, err := c.AddWorkingDays(from, 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due, "provisional:", c.Provisional(from, due))
	for _, h := range c.Holidays(2028)[:3] {
		fmt.Println(h.Date, h.Name)
	}

	_, err = c.AddWorkingDays(vocab.MustDate("2018-01-02"), -1)
	fmt.Println(err)
	// Output:
	// 2028-01-05 provisional: true
	// 2028-01-03 New Year's Day (substitute day)
	// 2028-04-14 Good Friday
	// 2028-04-17 Easter Monday
	// workdays: date: needs the bank holidays of 2017, which the calendar does not have (it covers 2018 to 2027, and later years provisionally from its standing pattern); extend it with the year's bank holidays (value "2017-12-31", rule covered-year)
}

func ExampleDateInLondon() {
	stamp := time.Date(2020, time.June, 30, 23, 30, 0, 0, time.UTC)
	fmt.Println(workdays.DateInLondon(stamp))
	// Output:
	// 2020-07-01
}
