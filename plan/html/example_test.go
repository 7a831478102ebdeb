package html_test

import (
	"fmt"
	"strings"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	planhtml "github.com/masa-go/masa/plan/html"
)

func ExampleRender() {
	p := masa.Essex()
	p.Organisations[0].Name = "Essex <County> Council"
	d, err := plan.Build(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := planhtml.Render(&b, d); err != nil {
		fmt.Println(err)
		return
	}
	out := b.String()
	head, _, _ := strings.Cut(out, "\n<head>")
	fmt.Println(head)
	fmt.Println(strings.Contains(out, "Essex &lt;County&gt; Council"))
	// Output:
	// <!DOCTYPE html>
	// <html lang="en-GB">
	// true
}
