package board_test

import (
	"fmt"

	"github.com/masa-go/masa/board"
	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/vocab"
)

// essexBoard binds the embedded Essex board business to the embedded
// Essex partnership file.
func essexBoard() *board.Board {
	b, err := board.Parse(board.EssexJSON())
	if err != nil {
		panic(err)
	}
	bd, err := board.Bind(masa.Essex(), b)
	if err != nil {
		panic(err)
	}
	return bd
}

// The board on a date answers from the 2018 edition before go-live and
// from the partnership file after it.
func ExampleBoard_On() {
	bd := essexBoard()
	for _, on := range []string{"2018-10-01", "2020-10-01"} {
		s, err := bd.On(vocab.MustDate(on))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(on, s.Regime, s.Edition, len(s.Bodies))
	}
	s, _ := bd.On(vocab.MustDate("2018-10-01"))
	for _, b := range s.Bodies {
		if b.Kind == board.KindSubCommittee {
			fmt.Println("-", b.Line())
		}
	}
	// Output:
	// 2018-10-01 lscb lscb-2018 12
	// 2020-10-01 masa masa-2019 15
	// - Child Death Overview Panel: statutory
	// - Serious Case Review sub-committee: statutory
	// - Learning and Development sub-committee: joint with the Essex Safeguarding Adults Board
	// - Communications sub-committee: joint with the Essex Safeguarding Adults Board
	// - Performance, Audit and Quality Assurance sub-committee
	// - Policies, Procedures and Practice Development sub-committee: beside the Southend, Essex and Thurrock Policies and Procedures group
	// - Child Sexual Exploitation and Missing sub-committee: beside the Southend, Essex and Thurrock Strategic Exploitation Group
}

// The action log on a date, with working days from package workdays.
func ExampleBoard_Actions() {
	bd := essexBoard()
	log, err := bd.Actions(nil, vocab.MustDate("2019-05-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(log.Summary())
	for _, a := range log.Actions {
		fmt.Println(a.State, a.Action, a.WorkingDaysLeft, a.WorkingDaysOverdue)
	}
	// Output:
	// On 1 May 2019: 1 action open, 1 action overdue and no actions done.
	// overdue draft-arrangements 0 21
	// open county-lines-sessions 63 0
}

// The key messages of a period; an empty period says so.
func ExampleBoard_Digest() {
	bd := essexBoard()
	dg := bd.Digest(vocab.Period{From: vocab.MustDate("2019-10-01"), To: vocab.MustDate("2019-12-31")})
	fmt.Println(dg.Summary())
	for _, m := range dg.Meetings {
		fmt.Println(m.Heading())
		for _, s := range m.Endorsed {
			fmt.Println("  endorsed:", s.Name)
		}
		for _, x := range m.Decisions {
			fmt.Println("  decided:", x.Text)
		}
	}
	fmt.Println(bd.Digest(vocab.Period{From: vocab.MustDate("2021-04-01"), To: vocab.MustDate("2021-06-30")}).Summary())
	// Output:
	// 1 meeting for 1 October 2019 to 31 December 2019: Executive Board (1). They made 1 decision, endorsed 2 strategies and set no actions.
	// Executive Board, December 2019
	//   endorsed: Southend, Essex and Thurrock Exploitation Strategy
	//   endorsed: Southend, Essex and Thurrock Missing Strategy
	//   decided: Widened the CSE Champion role to all forms of exploitation; it stays a non-statutory role.
	// No meetings are recorded for 1 April 2021 to 30 June 2021.
}
