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
	b.WriteString("A citation's note says when a value is this library's reading, or was read from a secondary source.\n\n")
	for _, p := range iop.Builtins() {
		fmt.Fprintf(&b, "- [%s](#%s): %s\n", p.ID, p.ID, p.Title)
	}
	for _, p := range iop.Builtins() {
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
		b.WriteString("| parameter | value | citation |\n|---|---|---|\n")
		params(&b, reflect.ValueOf(p), "", iop.Citation{})
		b.WriteString("\n| rule | severity | from |\n|---|---|---|\n")
		for _, r := range ioprules.Catalog() {
			sev, on := p.Setting(r)
			from := "rule table"
			for _, s := range p.Rules {
				if s.Code == r.Code {
					from = "profile: " + cite(s.Cite)
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
		b.WriteString("| every other rule | as the rule table (`ioprules.Catalog()`) | |\n")
	}
	return b.Bytes()
}

// params writes a row for every set leaf parameter of v, with the citation
// of the nearest enclosing rule group.
func params(b *bytes.Buffer, v reflect.Value, path string, c iop.Citation) {
	t := v.Type()
	if v.Kind() == reflect.Struct && t != reflect.TypeFor[iop.Citation]() && !isText(v) {
		if f := v.FieldByName("Cite"); f.IsValid() && f.Type() == reflect.TypeFor[iop.Citation]() && !f.IsZero() {
			c = f.Interface().(iop.Citation)
		}
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			switch name {
			case "id", "title", "level", "edition", "from", "until", "source", "scope", "rules", "cite", "telehealth_cite":
				continue
			}
			params(b, v.Field(i), join(path, name), c)
		}
		return
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct {
		for i := range v.Len() {
			params(b, v.Index(i), fmt.Sprintf("%s[%d]", path, i), c)
		}
		return
	}
	if v.IsZero() || t == reflect.TypeFor[iop.Citation]() {
		return
	}
	val, err := json.Marshal(v.Interface())
	if err != nil {
		val = []byte(fmt.Sprint(v.Interface()))
	}
	fmt.Fprintf(b, "| %s | %s | %s |\n", path, cell(strings.Trim(string(val), `"`)), cell(cite(c)))
}

func isText(v reflect.Value) bool {
	_, ok := v.Interface().(interface{ MarshalText() ([]byte, error) })
	return ok
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
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

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
