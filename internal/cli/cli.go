// Package cli holds what the example programs share on the command line:
// a -h that lists the flags with one example, and error messages that
// start with the program's own name and list every problem once.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/masa-go/masa/vocab"
)

// Usage makes fs print, for -h or a bad flag, the synopsis, what the
// program does, its flags and one example command.
func Usage(fs *flag.FlagSet, w io.Writer, synopsis, about, example string) {
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "Usage: %s\n\n%s\n\nFlags:\n", synopsis, strings.TrimSpace(about))
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nExample:\n  %s\n", example)
	}
}

// Parse parses args with fs. It returns the exit status to stop with and
// false when the program should stop: 0 after -h, 2 after a bad flag
// (which fs has already reported once, with the usage), 2 after stray
// arguments when maxArgs is exceeded.
func Parse(fs *flag.FlagSet, args []string, maxArgs int) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > maxArgs {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q; see -h\n", fs.Name(), fs.Arg(maxArgs))
		return 2, false
	}
	return 0, true
}

// Fail prints err to w, prefixed with the program's name, and returns
// status. An error that carries several problems is printed as a count
// and then one problem per line, each with its JSON path, once.
func Fail(w io.Writer, program string, err error, status int) int {
	if ps := vocab.AsProblems(err); len(ps) > 1 {
		fmt.Fprintf(w, "%s: %d problems:\n", program, len(ps))
		for _, p := range ps {
			fmt.Fprintf(w, "  %s\n", p.Error())
		}
		return status
	}
	fmt.Fprintf(w, "%s: %s\n", program, strings.TrimPrefix(err.Error(), program+": "))
	return status
}
