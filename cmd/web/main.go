// Command web runs the cloud service-model cost and migration advisor: a web
// app that recommends IaaS, PaaS or SaaS per workload and prices each option.
//
//	web [-addr 127.0.0.1:8080] [-db advisor.db] [-rules FILE]
//	web catalog import|list|diff ...
//	web backup|restore [-db DB] FILE
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// run is the whole program; tests call it with their own args and env.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) > 1 && args[1] == "catalog" {
		return runCatalog(ctx, args[2:], getenv, stdout)
	}
	if len(args) > 1 && (args[1] == "backup" || args[1] == "restore") {
		return runBackup(ctx, args[2:], getenv, stdout, args[1] == "restore")
	}
	cfg, err := parseConfig(args, getenv)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, stdout)
}
