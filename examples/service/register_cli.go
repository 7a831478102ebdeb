package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/masa-go/masa/masa"
	"github.com/masa-go/masa/register"
	"github.com/masa-go/masa/register/sqlite"
	"github.com/masa-go/masa/reviews"
)

// cliHolder names the command line in the audit record.
const cliHolder = "command line"

// isRegisterCommand reports whether args start with one of the register's
// commands rather than the service's flags.
func isRegisterCommand(args []string) bool {
	return len(args) > 0 && (args[0] == "token" || args[0] == "backup")
}

// registerCommand runs a register command:
//
//	token issue  [-db D] -holder NAME -role read|record|admin
//	token revoke [-db D] ID
//	token list   [-db D]
//	backup       [-db sqlite:FILE] -to NEWFILE
//
// Output (a token's secret, the token list) goes to out.
func registerCommand(ctx context.Context, args []string, out, errOut io.Writer) error {
	name := args[0]
	if name == "token" {
		if len(args) < 2 {
			return errors.New("token: give issue, revoke or list")
		}
		name, args = "token "+args[1], args[1:]
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(errOut)
	db := fs.String("db", defaultDB, "the register: `sqlite:FILE` or a postgres:// URL")
	holder := fs.String("holder", "", "token issue: the post or team the token is for")
	role := fs.String("role", "", "token issue: read, record or admin")
	to := fs.String("to", "", "backup: the new `file` to write the copy to")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	target, err := parseDB(*db)
	if err != nil {
		return err
	}
	store, err := target.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	engine, err := reviews.New(masa.Essex())
	if err != nil {
		return err
	}
	reg, err := register.New(store, engine)
	if err != nil {
		return err
	}
	switch name {
	case "token issue":
		if fs.NArg() > 0 {
			return fmt.Errorf("token issue: unexpected arguments %q", fs.Args())
		}
		secret, tok, err := reg.IssueToken(ctx, cliHolder, *holder, register.Role(*role))
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\n", secret)
		fmt.Fprintf(errOut, "issued token %s for %q with role %s; the secret above is shown once and not kept\n", tok.ID, tok.Holder, tok.Role)
		return nil
	case "token revoke":
		if fs.NArg() != 1 {
			return errors.New("token revoke: give one token ID")
		}
		if err := reg.RevokeToken(ctx, cliHolder, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(errOut, "revoked token %s\n", fs.Arg(0))
		return nil
	case "token list":
		toks, err := store.Tokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tROLE\tISSUED\tREVOKED\tHOLDER")
		for _, t := range toks {
			revoked := "-"
			if !t.Revoked.IsZero() {
				revoked = t.Revoked.Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Role, t.Issued.Format(time.RFC3339), revoked, strings.ReplaceAll(t.Holder, "\t", " "))
		}
		return tw.Flush()
	case "backup":
		s, ok := store.(*sqlite.Store)
		if !ok {
			return errors.New("backup: only an SQLite register is backed up this way; use pg_dump for PostgreSQL")
		}
		if *to == "" {
			return errors.New("backup: -to names the new file")
		}
		if err := s.Backup(ctx, *to); err != nil {
			return err
		}
		fmt.Fprintf(errOut, "backed up %s to %s\n", s.Path(), *to)
		return nil
	}
	return fmt.Errorf("unknown command %q", name)
}
