package ioprules_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite docs/profiles.md from the built-in profiles")

// TestProfileReference keeps docs/profiles.md, the reference of the
// built-in profiles for reviewers who do not read Go, in step with the
// code: every parameter, its value, its citation, and the severity of every
// rule under the profile. Run `go test -run TestProfileReference -update .`
// after changing a built-in profile or a rule table.
func TestProfileReference(t *testing.T) {
	got := profileReference()
	if *update {
		require.NoError(t, os.WriteFile("docs/profiles.md", got, 0o644))
	}
	want, err := os.ReadFile("docs/profiles.md")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "docs/profiles.md is stale: run go test -run TestProfileReference -update .")
}

func profileReference() []byte {
	var b bytes.Buffer
	b.WriteString("# Built-in rule profiles\n\n")
	b.WriteString("Generated from the code by `go test -run TestProfileReference -update .` (do not edit by hand).\n")
	b.WriteString("Each profile lists every parameter it sets, with the citation of its rule group, then the severity\n")
	b.WriteString("each rule has under it: the rule table's default, or the profile's own setting with its source.\n")
	b.WriteString("A citation's note says when a value is this library's reading, or was read from a secondary source.\n")
	b.WriteString("The last section lists every rule with its default severity.\n\n")
	for _, p := range ioprules.Builtins() {
		fmt.Fprintf(&b, "- [%s](#%s): %s\n", p.ID, p.ID, p.Title)
	}
	for _, p := range ioprules.Builtins() {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", p.ID, p.Title)
		fmt.Fprintf(&b, "- Level of care: %s", p.Level)
		if p.Edition != 0 {
			fmt.Fprintf(&b, " (ASAM %s edition)", p.Edition)
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "- In force: from %s", p.From)
		if p.Until != 0 {
			fmt.Fprintf(&b, " until %s (excluded)", p.Until)
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "- Scope: %s", p.Scope.Reach)
		if len(p.Scope.States) > 0 {
			fmt.Fprintf(&b, ", states %s", strings.Join(p.Scope.States, ", "))
		}
		if p.Scope.Body != "" {
			fmt.Fprintf(&b, "; issued by %s", p.Scope.Body)
		}
		if p.Scope.Settings != 0 {
			fmt.Fprintf(&b, "; settings %s", p.Scope.Settings)
		}
		b.WriteString("\n")
		fmt.Fprintf(&b, "- Source: %s\n\n", cell(cite(p.Source)))
		var cites []iop.Citation
		b.WriteString("| parameter | value | source |\n|---|---|---|\n")
		params(&b, p, &cites)
		b.WriteString("\n")
		for n, c := range cites {
			fmt.Fprintf(&b, "%d. %s\n", n+1, cite(c))
		}
		b.WriteString("\n| rule | severity | from |\n|---|---|---|\n")
		for r := range ioprules.Catalog().All() {
			sev, on := p.Setting(r)
			from := "rule table"
			for _, s := range p.Rules {
				if s.Code == r.Code {
					from = "the profile's setting, " + citeRef(cites, s.Cite)
				}
			}
			if sev == r.Severity && on && from == "rule table" {
				continue
			}
			state := sev.String()
			if !on {
				state = "off"
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", r.Code, state, cell(from))
		}
		b.WriteString("| every other rule | its default, in [the rule tables](#rule-tables) | |\n")
	}
	b.WriteString("\n## Rule tables\n\nEvery rule the checks apply, with its default severity (`ioprules.Catalog()`).\n\n")
	b.WriteString("| rule | default severity | checks | source |\n|---|---|---|---|\n")
	for r := range ioprules.Catalog().All() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.Code, r.Severity, cell(r.Summary), cell(cite(r.Cite)))
	}
	return b.Bytes()
}

// params writes a row for every parameter p sets, rule group by rule
// group, with the number of its citation in cites.
func params(b *bytes.Buffer, p iop.Profile, cites *[]iop.Citation) {
	ref := func(c iop.Citation) string {
		if c.IsZero() {
			return ""
		}
		for i, have := range *cites {
			if have == c {
				return fmt.Sprintf("[%d]", i+1)
			}
		}
		*cites = append(*cites, c)
		return fmt.Sprintf("[%d]", len(*cites))
	}
	var rows func(path string, gv reflect.Value)
	rows = func(path string, gv reflect.Value) {
		if gv.Kind() != reflect.Struct || gv.IsZero() {
			return
		}
		f := gv.FieldByName("Cite")
		if !f.IsValid() {
			// A part that holds rule groups: each under its own name.
			gt := gv.Type()
			for k := range gt.NumField() {
				name, _, _ := strings.Cut(gt.Field(k).Tag.Get("json"), ",")
				fv := gv.Field(k)
				if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct {
					for e := range fv.Len() {
						c := fv.Index(e).FieldByName("Cite").Interface().(iop.Citation)
						fmt.Fprintf(b, "| %s[%d] | %s | %s |\n", join(path, name), e, cell(compact(fv.Index(e).Interface())), ref(c))
					}
					continue
				}
				rows(join(path, name), fv)
			}
			return
		}
		groupCite := f.Interface().(iop.Citation)
		gt := gv.Type()
		for k := range gt.NumField() {
			name, _, _ := strings.Cut(gt.Field(k).Tag.Get("json"), ",")
			fv := gv.Field(k)
			if name == "cite" || fv.IsZero() || fv.Type() == reflect.TypeFor[iop.Citation]() {
				continue
			}
			if fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.Struct {
				for e := range fv.Len() {
					c := groupCite
					if ec := fv.Index(e).FieldByName("Cite"); ec.IsValid() {
						c = ec.Interface().(iop.Citation)
					}
					fmt.Fprintf(b, "| %s.%s[%d] | %s | %s |\n", path, name, e, cell(compact(fv.Index(e).Interface())), ref(c))
				}
				continue
			}
			c := ownCite(gv, name, groupCite)
			if fv.Kind() == reflect.Struct {
				// A rule group within the group (certification content,
				// the plan of care): its own citation when it has one.
				if fc := fv.FieldByName("Cite"); fc.IsValid() && !fc.IsZero() {
					c = fc.Interface().(iop.Citation)
				}
			}
			fmt.Fprintf(b, "| %s.%s | %s | %s |\n", path, name, cell(compact(fv.Interface())), ref(c))
		}
	}
	rows("ages", reflect.ValueOf(p.Ages))
	for _, pt := range p.Parts {
		rows(pt.Package(), reflect.ValueOf(pt))
	}
	for _, s := range p.Rules {
		ref(s.Cite)
	}
}

// compact returns v's JSON without its citation, quotes dropped from a
// plain string.
func compact(v any) string {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) == nil {
		delete(m, "cite")
		raw, _ = json.Marshal(m)
	}
	return strings.Trim(string(raw), `"`)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// ownCite returns the citation of parameter name of group gv: its own
// when the group has a citation field for it ("telehealth_cite" for
// "telehealth", "min_service_cite" for "min_service_minutes") and it is
// set, the group's otherwise.
func ownCite(gv reflect.Value, name string, group iop.Citation) iop.Citation {
	gt := gv.Type()
	for k := range gt.NumField() {
		cn, _, _ := strings.Cut(gt.Field(k).Tag.Get("json"), ",")
		stem, ok := strings.CutSuffix(cn, "_cite")
		if !ok || gt.Field(k).Type != reflect.TypeFor[iop.Citation]() || !strings.HasPrefix(name, stem) {
			continue
		}
		if c := gv.Field(k).Interface().(iop.Citation); !c.IsZero() {
			return c
		}
	}
	return group
}

func cite(c iop.Citation) string {
	s := c.Source
	if c.Title != "" {
		s += ", \"" + c.Title + "\""
	}
	if c.Edition != "" {
		s += " (" + c.Edition + ")"
	}
	if c.URL != "" {
		s += " <" + c.URL + ">"
	}
	if c.Note != "" {
		s += ". Note: " + c.Note
	}
	return s
}

func citeRef(cites []iop.Citation, c iop.Citation) string {
	for i, have := range cites {
		if have == c {
			return fmt.Sprintf("[%d]", i+1)
		}
	}
	return cite(c)
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
