package ioprules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiCeilings is the most exported identifiers each package of the root
// module may have, counted as issue 17 counts them ([exportedCount]). A
// change that adds to a package's API raises its ceiling here, in the same
// commit, so that growth is a decision a reviewer sees rather than a drift;
// a change that removes lowers it (TestExportedCount says by how much).
//
// Issue 17 asked for 800 in all (half of the 1,558 the packages had
// before it). The counts below are where the module stands after that
// issue's house and names steps and the capabilities issues 18 to 25 added
// (the 837I reader, utilization review, per-day pay, certification content);
// the gap is set out in issue 17's closing note, which asks the planners to
// choose between a budget per package and further cuts.
var apiCeilings = map[string]int{
	".":             16,
	"aftercare":     222,
	"authorization": 99,
	"eligibility":   315,
	"iop":           332,
	"iop/group":     170,
	"iop/ioptest":   13,
	"schedule":      495,
	"x12":           65,
}

// TestExportedCount holds every package of the root module (outside
// internal/ and examples/, nested modules apart) at or under its ceiling
// in [apiCeilings], and fails for a package that has none.
func TestExportedCount(t *testing.T) {
	counts := map[string]int{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if p != "." {
			switch name := d.Name(); {
			case name == "internal" || name == "examples" || name == "testdata" || strings.HasPrefix(name, "."):
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module (fhir/)
			}
		}
		n, ok, err := exportedCount(p)
		if ok {
			counts[filepath.ToSlash(p)] = n
		}
		return err
	})
	require.NoError(t, err)
	require.Contains(t, counts, "schedule", "the packages were read")

	total, ceiling := 0, 0
	for _, pkg := range slices.Sorted(func(yield func(string) bool) {
		for k := range counts {
			if !yield(k) {
				return
			}
		}
	}) {
		n := counts[pkg]
		total += n
		max, ok := apiCeilings[pkg]
		if !assert.True(t, ok, "package %s has no ceiling in apiCeilings (it exports %d identifiers)", pkg, n) {
			continue
		}
		ceiling += max
		assert.LessOrEqual(t, n, max, "package %s exports more than its ceiling: raise it in apiCeilings only as a decision", pkg)
		if n < max {
			t.Logf("package %s exports %d, under its ceiling %d: lower the ceiling", pkg, n, max)
		}
	}
	for pkg := range apiCeilings {
		assert.Contains(t, counts, pkg, "apiCeilings names a package that is not there")
	}
	t.Logf("exported identifiers: %d (ceilings %d)", total, ceiling)
}

// exportedCount counts what package dir exports, as issue 17 counts it:
// over the non-test files, each exported type, function, method of an
// exported type, constant and variable, and each exported field of an
// exported struct type. ok is false for a directory with no Go package or
// with only a main package.
func exportedCount(dir string) (n int, ok bool, err error) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		return 0, false, err
	}
	for name, pkg := range pkgs {
		if name == "main" {
			continue
		}
		ok = true
		for _, f := range pkg.Files {
			n += exportedInFile(f)
		}
	}
	return n, ok, nil
}

func exportedInFile(f *ast.File) int {
	n := 0
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && receiverExported(d) {
				n++
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					n++
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, fl := range st.Fields.List {
							for _, name := range fl.Names {
								if name.IsExported() {
									n++
								}
							}
						}
					}
				case *ast.ValueSpec:
					for _, name := range s.Names {
						if name.IsExported() {
							n++
						}
					}
				}
			}
		}
	}
	return n
}

// receiverExported reports whether fd is a function, or a method of an
// exported type.
func receiverExported(fd *ast.FuncDecl) bool {
	if fd.Recv == nil {
		return true
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, ok := t.(*ast.Ident)
	return ok && id.IsExported()
}

// TestExportedInFile: the count of one file, by the rule (what counts and
// what does not).
func TestExportedInFile(t *testing.T) {
	const src = `package p
type A struct{ X, Y int; z int; B }  // A, X, Y: 3 (an embedded field has no name)
type B int                           // 1
type c struct{ V int }               // an unexported type and its fields: 0
type G[T any] struct{ F T }          // G, F: 2
func (A) M()                         // 1
func (*A) N()                        // 1
func (c) M()                         // a method of an unexported type: 0
func (G[T]) M()                      // 1
func F()                             // 1
func f()                             // 0
const K, k = 1, 2                    // 1
var V, W int                         // 2
type I interface{ M() }              // 1 (interface methods are not counted)
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	require.NoError(t, err)
	assert.Equal(t, 3+1+2+1+1+1+1+1+2+1, exportedInFile(f))
}
