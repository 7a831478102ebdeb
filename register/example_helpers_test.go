package register_test

import (
	"os"

	"github.com/masa-go/masa/masa"
)

func masaEssex() *masa.Partnership { return masa.Essex() }

// filepathTemp makes a directory for the example's register file.
func filepathTemp() (string, error) { return os.MkdirTemp("", "register-example") }
