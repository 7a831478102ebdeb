package main

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"

	"github.com/masa-go/masa/masa"
)

// Example mounts the service's handler the way another program would and
// asks who ratifies practice review decisions on a date.
func Example() {
	h, err := newServer(deps{Partnership: masa.Essex()})
	if err != nil {
		fmt.Println(err)
		return
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/lead-areas/cspr-ratification?on=2020-06-29", nil))
	var answer struct {
		Title string   `json:"title"`
		Orgs  []string `json:"orgs"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Code, answer.Title, answer.Orgs)
	// Output: 200 Assistant Chief Constable [essex-police]
}

// Example_problem shows the problem body a client mistake gets.
func Example_problem() {
	h, _ := newServer(deps{Partnership: masa.Essex()})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/ruleset?on=2020-02-30", nil))
	fmt.Println(rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body)
	// Output:
	// application/problem+json
	// {
	//   "type": "about:blank",
	//   "title": "Bad Request",
	//   "status": 400,
	//   "detail": "query field \"on\" is not a real date in the form YYYY-MM-DD",
	//   "instance": "/v1/ruleset",
	//   "problems": [
	//     {
	//       "in": "query",
	//       "field": "on",
	//       "rule": "date",
	//       "value": "2020-02-30",
	//       "message": "is not a real date in the form YYYY-MM-DD"
	//     }
	//   ]
	// }
}
