package ioprules_test

import (
	"go/ast"
	"go/doc"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
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
	dirs := libraryDirs(t)
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

// docLink is a doc link as go doc reads one ([Name], [Name.Method],
// [pkg.Name]): brackets not after a word (iop.Parse[Level] is Go, not a
// link) and not before a letter or an opening parenthesis.
var docLink = regexp.MustCompile(`(?:^|[^\w\]])\[((?:[A-Z]\w*|[a-z]\w*\.[A-Z]\w*)(?:\.\w+)?)\](?:$|[^\w(])`)

// TestDocLinksResolve: every doc link in what go doc shows of a package
// (its package doc and the docs of its exported names and their fields)
// names something that exists, in the package or in a package it imports:
// go doc prints a link it cannot resolve as plain text, and a reader
// looking up a renamed or moved name ([Modifiers], [CountingRules] in iop)
// finds nothing.
func TestDocLinksResolve(t *testing.T) {
	dirs := libraryDirs(t)
	checked := 0
	for _, dir := range dirs {
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		require.NoError(t, err)
		for _, pkg := range pkgs {
			if pkg.Name == "main" {
				continue
			}
			files := make([]*ast.File, 0, len(pkg.Files))
			for _, f := range pkg.Files {
				files = append(files, f)
			}
			dp, err := doc.NewFromFiles(fset, files, path.Join("github.com/ioprules/ioprules", filepath.ToSlash(dir)))
			require.NoError(t, err)
			checked++
			for _, l := range unresolvedLinks(dp) {
				assert.Fail(t, "a doc link go doc cannot resolve", "%s: %s", dir, l)
			}
		}
	}
	assert.GreaterOrEqual(t, checked, 6, "the checking packages were read")
}

// unresolvedLinks returns "where: [link]" for each doc link of dp's docs
// that go doc leaves as plain text.
func unresolvedLinks(dp *doc.Package) []string {
	p := dp.Parser()
	var out []string
	var texts func(where string, ts []comment.Text)
	texts = func(where string, ts []comment.Text) {
		for _, t := range ts {
			switch t := t.(type) {
			case comment.Plain:
				for _, m := range docLink.FindAllStringSubmatch(string(t), -1) {
					out = append(out, where+": ["+m[1]+"]")
				}
			case comment.Italic:
				for _, m := range docLink.FindAllStringSubmatch(string(t), -1) {
					out = append(out, where+": ["+m[1]+"]")
				}
			}
		}
	}
	check := func(where, text string) {
		for _, b := range p.Parse(text).Content {
			switch b := b.(type) {
			case *comment.Paragraph:
				texts(where, b.Text)
			case *comment.Heading:
				texts(where, b.Text)
			case *comment.List:
				for _, it := range b.Items {
					for _, c := range it.Content {
						if pp, ok := c.(*comment.Paragraph); ok {
							texts(where, pp.Text)
						}
					}
				}
			}
		}
	}
	fields := func(where string, decl ast.Node) {
		ast.Inspect(decl, func(n ast.Node) bool {
			if f, ok := n.(*ast.Field); ok && f.Doc != nil && (len(f.Names) == 0 || f.Names[0].IsExported()) {
				check(where, f.Doc.Text())
			}
			return true
		})
	}
	check("package", dp.Doc)
	for _, v := range append(dp.Consts, dp.Vars...) {
		check(strings.Join(v.Names, ","), v.Doc)
	}
	for _, f := range dp.Funcs {
		check(f.Name, f.Doc)
	}
	for _, ty := range dp.Types {
		check(ty.Name, ty.Doc)
		fields(ty.Name, ty.Decl)
		for _, v := range append(ty.Consts, ty.Vars...) {
			check(strings.Join(v.Names, ","), v.Doc)
		}
		for _, f := range ty.Funcs {
			check(f.Name, f.Doc)
		}
		for _, f := range ty.Methods {
			check(ty.Name+"."+f.Name, f.Doc)
		}
	}
	return out
}

// libraryDirs returns the directories of the root module's library
// packages, as go doc readers meet them: the root and every package
// outside internal/, examples/ and testdata, the fhir module apart.
func libraryDirs(t *testing.T) []string {
	t.Helper()
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
	return dirs
}
