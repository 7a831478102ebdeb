package pdf_test

import (
	"bytes"
	"fmt"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/plan"
	"github.com/masa-go/masa/plan/pdf"
)

func ExampleRender() {
	d, err := plan.Build(masa.Essex())
	if err != nil {
		fmt.Println(err)
		return
	}
	var first, second bytes.Buffer
	if err := pdf.Render(&first, d); err != nil {
		fmt.Println(err)
		return
	}
	_ = pdf.Render(&second, d)
	fmt.Println(string(first.Bytes()[:8]))
	fmt.Println("same bytes twice:", bytes.Equal(first.Bytes(), second.Bytes()))
	// Output:
	// %PDF-1.3
	// same bytes twice: true
}
