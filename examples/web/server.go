package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/base64"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// static holds the page: index.html, app.js and style.css.
//
//go:embed static
var static embed.FS

// CSP is the page's Content-Security-Policy: its own scripts and styles
// only, WebAssembly compiled from bytes, no connection of any kind (fetch,
// XMLHttpRequest, WebSocket, beacons), no form sent, no frame, no plugin.
// The WebAssembly arrives as a script (main.wasm.js), since fetching it
// would be a connection.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
	"connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// goTool returns the go command of the toolchain that runs this program,
// or the one on PATH.
func goTool() string {
	if root := runtime.GOROOT(); root != "" { //nolint:staticcheck // the running toolchain, as the README promises
		if p := filepath.Join(root, "bin", "go"); fileExists(p) {
			return p
		}
	}
	return "go"
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// Build writes the page to dir: the static files, main.wasm (the package
// wasm of the module in moduleDir built with GOOS=js GOARCH=wasm
// -trimpath -ldflags='-s -w' -gcflags=all=-l: no inlining), main.wasm.js (the
// same bytes as a script, base64) and wasm_exec.js from
// $(go env GOROOT)/lib/wasm.
func Build(ctx context.Context, moduleDir, dir string) error {
	goBin := goTool()
	wasm := filepath.Join(dir, "main.wasm")
	// Every package is built without inlining (-l): about 35 KB less
	// gzipped, without which the WebAssembly would be over its budget of
	// 1.5 MB (TestWasmSize); the page still checks 60,000 rows well within
	// its 2 s (TestPage).
	cmd := exec.CommandContext(ctx, goBin, "build", "-trimpath", "-ldflags=-s -w", "-gcflags=all=-l", "-o", wasm, "./wasm")
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the WebAssembly: %w\n%s", err, out)
	}
	root, err := exec.CommandContext(ctx, goBin, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	execJS, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), execJS, 0o644); err != nil {
		return err
	}
	bin, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	var js bytes.Buffer
	js.WriteString("// The billing check as WebAssembly (main.wasm), base64: loaded as a script,\n// since fetching it would be a connection the page forbids itself.\nglobalThis.ioprulesWasm = \"")
	js.WriteString(base64.StdEncoding.EncodeToString(bin))
	js.WriteString("\";\n")
	if err := os.WriteFile(filepath.Join(dir, "main.wasm.js"), js.Bytes(), 0o644); err != nil {
		return err
	}
	return fs.WalkDir(static, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644)
	})
}

// Handler serves the page in dir (written by Build) with its
// Content-Security-Policy, GET and HEAD only.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		files.ServeHTTP(w, r)
	})
}
