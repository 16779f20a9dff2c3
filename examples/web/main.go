// Command web serves a page that checks a billing export in the browser:
// the library's billing check (billingcheck's own, package
// examples/internal/billing) built as WebAssembly, so that no record of
// the export leaves the machine. The page forbids itself every connection
// (Content-Security-Policy connect-src 'none'): there is no upload and no
// server behind it; this command only hands the browser the page's files.
//
// From the repository's root:
//
//	go run -C examples/web .
//
// (or cd examples/web && go run .). It builds the WebAssembly with the Go
// toolchain that runs it (GOOS=js GOARCH=wasm go build -trimpath
// -ldflags='-s -w' -gcflags=all=-l ./wasm: no inlining, to keep the
// page under its size budget of 1.5 MB gzipped), copies wasm_exec.js from $(go env GOROOT)/lib/wasm, serves
// the page on 127.0.0.1 and prints its address.
//
//	-addr A   the address to serve on (default 127.0.0.1:8080; port 0 for any)
//	-out D    write the page's files to the directory D and exit: a static
//	          page to open from disk (file://) or host anywhere
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("web", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "the `address` to serve on, on the loopback interface")
	out := fl.String("out", "", "write the page's files to `dir` and exit")
	if err := fl.Parse(args); err != nil || fl.NArg() > 0 {
		return 2
	}
	if host, _, err := net.SplitHostPort(*addr); err != nil || (host != "127.0.0.1" && host != "localhost" && host != "::1") {
		fmt.Fprintln(stderr, "web: -addr must be on the loopback interface (127.0.0.1:PORT)")
		return 2
	}
	dir, cleanup, err := tempDir(*out)
	if err != nil {
		fmt.Fprintf(stderr, "web: %v\n", err)
		return 1
	}
	defer cleanup()
	fmt.Fprintln(stdout, "web: building the WebAssembly (GOOS=js GOARCH=wasm) ...")
	if err := Build(context.Background(), ".", dir); err != nil {
		fmt.Fprintf(stderr, "web: %v\n", err)
		return 1
	}
	if *out != "" {
		fmt.Fprintf(stdout, "web: the page is in %s: open %s\n", dir, filepath.Join(dir, "index.html"))
		return 0
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "web: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "web: open http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	srv := &http.Server{Handler: Handler(dir)}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		<-sig
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "web: %v\n", err)
		return 1
	}
	return 0
}

// tempDir returns dir, made if need be, or a new temporary directory that
// cleanup removes.
func tempDir(dir string) (string, func(), error) {
	if dir != "" {
		return dir, func() {}, os.MkdirAll(dir, 0o755)
	}
	d, err := os.MkdirTemp("", "ioprules-web-")
	return d, func() { os.RemoveAll(d) }, err
}
