package fhir_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/emitted with the resources the tests emit")

const emittedDir = "testdata/emitted"

var unsafeName = regexp.MustCompile(`[^a-z0-9.-]+`)

// TestMain checks, after a full run, that testdata/emitted holds exactly
// the resources the tests emitted: the conformance module validates every
// file there with google/fhir, so each emitted resource is validated.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	full := flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.skip").Value.String() == ""
	if code != 0 || !full || testing.Short() {
		os.Exit(code)
	}
	if err := syncEmitted(*update); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.Exit(code)
}

func syncEmitted(write bool) error {
	want := map[string][]byte{}
	for name, data := range emitted {
		want[unsafeName.ReplaceAllString(strings.ToLower(name), "-")] = data
	}
	if write {
		if err := os.RemoveAll(emittedDir); err != nil {
			return err
		}
		if err := os.MkdirAll(emittedDir, 0o755); err != nil {
			return err
		}
		for name, data := range want {
			if err := os.WriteFile(filepath.Join(emittedDir, name), append(slices.Clone(data), '\n'), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(emittedDir, "*.json"))
	if len(files) != len(want) {
		return fmt.Errorf("%s holds %d files, the tests emit %d: run go test -update", emittedDir, len(files), len(want))
	}
	for name, data := range want {
		got, err := os.ReadFile(filepath.Join(emittedDir, name))
		if err != nil || !bytes.Equal(got, append(slices.Clone(data), '\n')) {
			return fmt.Errorf("%s/%s is not what the tests emit: run go test -update", emittedDir, name)
		}
	}
	return nil
}
