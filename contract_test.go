package ioprules_test

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkingPackage is one checking package's side of the contract: its
// NewChecker, its Rules and its part of a profile.
type checkingPackage struct {
	name       string
	newChecker any // func(iop.Profile) (Checker, error)
	rules      func() iop.RuleTable
	part       iop.Part
}

func checkingPackages() []checkingPackage {
	return []checkingPackage{
		{"group", group.NewChecker, group.Rules, group.Composition{}},
		{"schedule", schedule.NewChecker, schedule.Rules, schedule.Benefit{}},
		{"eligibility", eligibility.NewChecker, eligibility.Rules, eligibility.Placement{}},
		{"aftercare", aftercare.NewChecker, aftercare.Rules, aftercare.FollowUp{}},
		{"authorization", authorization.NewChecker, authorization.Rules, authorization.Terms{}},
	}
}

// maxByValue is the largest record a Check or Append method takes by
// value; a larger one goes by pointer.
const maxByValue = 128

var (
	profileType  = reflect.TypeFor[iop.Profile]()
	findingsType = reflect.TypeFor[iop.Findings]()
	errorType    = reflect.TypeFor[error]()
	tableType    = reflect.TypeFor[iop.RuleTable]()
)

// TestCheckerContract holds every checking package to one contract, by
// reflection over its exported API, so that a package that drifts fails
// here:
//   - NewChecker(p iop.Profile) (Checker, error), one argument;
//   - the Checker has IsZero() bool, Profile() iop.Profile and
//     Rules() iop.RuleTable, and the zero Checker's Rules is the package's;
//   - every CheckX(args) (iop.Findings, error) has an
//     AppendX(dst iop.Findings, args) (iop.Findings, error), and every
//     AppendX a CheckX;
//   - no Check or Append method takes a record larger than 128 bytes by
//     value;
//   - the zero Checker's Check and Append methods return an error, and
//     Append returns dst unchanged;
//   - the package's part is an iop.Part named after the package, whose
//     table is the package's, every code prefixed with the package's name.
func TestCheckerContract(t *testing.T) {
	for _, pkg := range checkingPackages() {
		t.Run(pkg.name, func(t *testing.T) {
			nc := reflect.TypeOf(pkg.newChecker)
			require.Equal(t, reflect.Func, nc.Kind())
			require.Equal(t, 1, nc.NumIn(), "NewChecker takes one argument")
			require.Equal(t, profileType, nc.In(0), "NewChecker takes an iop.Profile")
			require.Equal(t, 2, nc.NumOut())
			require.Equal(t, errorType, nc.Out(1))
			ck := nc.Out(0)
			assert.Equal(t, "Checker", ck.Name())

			for name, want := range map[string][]reflect.Type{
				"IsZero":  {reflect.TypeFor[bool]()},
				"Profile": {profileType},
				"Rules":   {tableType},
			} {
				m, ok := ck.MethodByName(name)
				if assert.True(t, ok, "Checker.%s", name) {
					assert.Equal(t, 1, m.Type.NumIn(), "Checker.%s takes no argument", name)
					assert.Equal(t, want, outs(m.Type), "Checker.%s", name)
				}
			}
			zero := reflect.Zero(ck)
			assert.True(t, zero.MethodByName("IsZero").Call(nil)[0].Bool())
			assert.Equal(t, pkg.rules(), zero.MethodByName("Rules").Call(nil)[0].Interface(), "the zero Checker's Rules are the package's")
			assert.True(t, zero.MethodByName("Profile").Call(nil)[0].Interface().(iop.Profile).IsZero())

			pairs := 0
			for i := range ck.NumMethod() {
				m := ck.Method(i)
				rest, isCheck := strings.CutPrefix(m.Name, "Check")
				if !isCheck {
					if rest, ok := strings.CutPrefix(m.Name, "Append"); ok {
						_, found := ck.MethodByName("Check" + rest)
						assert.True(t, found, "%s has no Check%s", m.Name, rest)
						checkArgs(t, m)
					}
					continue
				}
				pairs++
				assert.Equal(t, []reflect.Type{findingsType, errorType}, outs(m.Type), "%s returns (iop.Findings, error)", m.Name)
				checkArgs(t, m)
				app, found := ck.MethodByName("Append" + rest)
				if !assert.True(t, found, "%s has no Append%s", m.Name, rest) {
					continue
				}
				want := append([]reflect.Type{ck, findingsType}, ins(m.Type)[1:]...)
				assert.Equal(t, want, ins(app.Type), "Append%s takes dst and Check%s's arguments", rest, rest)
				assert.Equal(t, outs(m.Type), outs(app.Type))

				// The zero Checker refuses, and leaves dst as it was.
				args := []reflect.Value{zero}
				for _, in := range ins(m.Type)[1:] {
					args = append(args, reflect.Zero(in))
				}
				out := m.Func.Call(args)
				require.ErrorIs(t, out[1].Interface().(error), iop.ErrMissing, "the zero Checker's %s", m.Name)
				dst := iop.Findings{{Code: "kept"}}
				out = app.Func.Call(append([]reflect.Value{zero, reflect.ValueOf(dst)}, args[1:]...))
				assert.Equal(t, dst, out[0].Interface(), "the zero Checker's Append%s returns dst unchanged", rest)
				require.ErrorIs(t, out[1].Interface().(error), iop.ErrMissing)
			}
			assert.Positive(t, pairs, "the package has checks")

			assert.Equal(t, pkg.name, pkg.part.Package(), "the part is named after its package")
			assert.Equal(t, pkg.rules(), pkg.part.Table(), "the part's table is the package's")
			for r := range pkg.rules().All() {
				assert.True(t, strings.HasPrefix(string(r.Code), pkg.name+"."), "%s is a code of %s", r.Code, pkg.name)
			}
		})
	}
	kinds := ioprules.Kinds()
	require.Len(t, kinds, len(checkingPackages()), "ioprules.Kinds lists every checking package's part")
	for i, pkg := range checkingPackages() {
		assert.Equal(t, reflect.TypeOf(pkg.part), reflect.TypeOf(kinds[kinds2index(kinds, pkg.name)]), "Kinds()[%d]", i)
	}
}

// checkArgs fails t for an argument of m taken by value that is larger
// than maxByValue bytes.
func checkArgs(t *testing.T, m reflect.Method) {
	t.Helper()
	for _, in := range ins(m.Type)[1:] {
		if in.Kind() == reflect.Struct || in.Kind() == reflect.Array {
			assert.LessOrEqual(t, in.Size(), uintptr(maxByValue), "%s takes %s (%d bytes) by value: pass it by pointer", m.Name, in, in.Size())
		}
	}
}

func kinds2index(kinds []iop.Part, pkg string) int {
	for i, k := range kinds {
		if k.Package() == pkg {
			return i
		}
	}
	return -1
}

func ins(f reflect.Type) []reflect.Type {
	out := make([]reflect.Type, f.NumIn())
	for i := range out {
		out[i] = f.In(i)
	}
	return out
}

func outs(f reflect.Type) []reflect.Type {
	out := make([]reflect.Type, f.NumOut())
	for i := range out {
		out[i] = f.Out(i)
	}
	return out
}

// TestDocListsCheckerMethods holds the lists of each checker's methods in
// the package documentation (doc.go) and in README.md to the code: every
// name listed is a method of that package's Checker, and every CheckX
// method is listed, so that a renamed method cannot leave a user reading
// one that is not there.
func TestDocListsCheckerMethods(t *testing.T) {
	checkers := map[string]reflect.Type{}
	for _, pkg := range checkingPackages() {
		checkers[pkg.name] = reflect.TypeOf(pkg.newChecker).Out(0)
	}
	docLine := regexp.MustCompile(`^//\t(\w+)\.NewChecker\(p\)\s+(.*)$`)
	docMore := regexp.MustCompile(`^//\t\s+(\S.*)$`)
	readmeRow := regexp.MustCompile("^\\| `(\\w+)` \\| `\\w+\\.NewChecker\\(p\\)` \\| (.*) \\|$")
	name := regexp.MustCompile(`[A-Z]\w+`)
	for _, file := range []string{"doc.go", "README.md"} {
		t.Run(file, func(t *testing.T) {
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			listed := map[string][]string{}
			last := ""
			for line := range strings.Lines(string(b)) {
				line = strings.TrimRight(line, "\n")
				if m := docLine.FindStringSubmatch(line); m != nil {
					last = m[1]
					listed[last] = append(listed[last], name.FindAllString(m[2], -1)...)
					continue
				}
				if m := readmeRow.FindStringSubmatch(line); m != nil {
					listed[m[1]] = append(listed[m[1]], name.FindAllString(m[2], -1)...)
					continue
				}
				if m := docMore.FindStringSubmatch(line); m != nil && last != "" {
					listed[last] = append(listed[last], name.FindAllString(m[1], -1)...)
					continue
				}
				last = ""
			}
			require.Len(t, listed, len(checkers), "%s lists the methods of every checker", file)
			for pkg, names := range listed {
				ck, ok := checkers[pkg]
				require.True(t, ok, "%s lists a checker of %s, no checking package", file, pkg)
				for _, n := range names {
					_, ok := ck.MethodByName(n)
					assert.True(t, ok, "%s lists %s.Checker.%s, which is no method of it", file, pkg, n)
				}
				for i := range ck.NumMethod() {
					if m := ck.Method(i).Name; strings.HasPrefix(m, "Check") {
						assert.Contains(t, names, m, "%s does not list %s.Checker.%s", file, pkg, m)
					}
				}
			}
		})
	}
}
