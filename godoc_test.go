package ioprules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDocShowsOnlyExportedNames: what `go doc` shows of a package (its
// exported functions, methods, types, struct fields, constants and
// variables) names no unexported identifier of the package, such as
// [daysPerWeek]Day in a method's result: a reader cannot look it up.
func TestDocShowsOnlyExportedNames(t *testing.T) {
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		switch name := d.Name(); {
		case path == ".":
		case name == "internal" || name == "examples" || name == "testdata" || name == "fhir" || strings.HasPrefix(name, "."):
			return filepath.SkipDir
		}
		dirs = append(dirs, path)
		return nil
	})
	require.NoError(t, err)
	checked := 0
	for _, dir := range dirs {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		require.NoError(t, err)
		for _, pkg := range pkgs {
			if pkg.Name == "main" {
				continue
			}
			checked++
			for _, leak := range unexportedInDoc(fset, pkg) {
				assert.Fail(t, "go doc shows an unexported name", "%s: %s", dir, leak)
			}
		}
	}
	assert.GreaterOrEqual(t, checked, 6, "the checking packages were read")
}

// unexportedInDoc returns "position: name" for each use of an unexported
// package-level name of pkg in what go doc shows.
func unexportedInDoc(fset *token.FileSet, pkg *ast.Package) []string {
	hidden := map[string]bool{}
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok {
				for _, s := range g.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							hidden[s.Name.Name] = true
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if !n.IsExported() {
								hidden[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	var out []string
	look := func(n ast.Node) {
		if n == nil {
			return
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				return false // another package's name
			case *ast.Ident:
				if hidden[n.Name] {
					out = append(out, fset.Position(n.Pos()).String()+": "+n.Name)
				}
			}
			return true
		})
	}
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && receiverExported(d) {
					look(d.Type)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						if s.TypeParams != nil {
							look(s.TypeParams)
						}
						switch tt := s.Type.(type) {
						case *ast.StructType:
							for _, fl := range tt.Fields.List {
								if len(fl.Names) == 0 || fl.Names[0].IsExported() {
									look(fl.Type)
								}
							}
						case *ast.InterfaceType:
							for _, m := range tt.Methods.List {
								if len(m.Names) == 0 || m.Names[0].IsExported() {
									look(m.Type)
								}
							}
						default:
							look(tt)
						}
					case *ast.ValueSpec:
						if len(s.Names) > 0 && s.Names[0].IsExported() {
							look(s.Type)
						}
					}
				}
			}
		}
	}
	return out
}
