package main

import (
	"context"
	"errors"
	"io"
)

// runCatalog runs the catalog subcommands (import, list, diff).
func runCatalog(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	return errors.New("catalog: subcommands are not available yet")
}
