// Package docscheck runs, in its tests, every command that README.md and
// docs/*.md show in a shell block, as a newcomer would type it in a fresh
// clone: each "go run ./..." line of a ```sh block, with its arguments and
// any "> file" redirection. It has no code of its own.
package docscheck
