//go:build js && wasm

// Command wasm is the billing check of the web page, built for the browser
// (GOOS=js GOARCH=wasm): package billing, billingcheck's own checking and
// reporting, behind three functions the page's script calls on the
// global object ioprules:
//
//	ioprules.choices()   the families, built-in IDs, settings and week schemes, as JSON
//	ioprules.check(opts) checks opts.data (bytes) and returns the billing.View as JSON
//	ioprules.weeks(i, n) n patient-weeks of the last check from the i-th, as shown, as JSON
//	ioprules.claims(i, n) the same for claims
//	ioprules.report(f)   the last check's report in format f: "json" or "csv"
//	ioprules.warm()      checks a made-up export and drops the result (see warm)
//	ioprules.forget()    drops the last check's report
//	ioprules.sample(n)   an embedded sample: "sessions", "episodes", "claims" or "x12" (an 837I)
//
// It reads what the page hands it and returns strings: it opens nothing
// and sends nothing (the page's Content-Security-Policy forbids every
// connection).
package main

import (
	"bytes"
	"encoding/json"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/ioprules/ioprules/examples/internal/billing"
	"github.com/ioprules/ioprules/iop"
)

func main() {
	// A check of a large export allocates much and keeps little: collect
	// a tenth as often, within 512 MiB.
	debug.SetGCPercent(1000)
	debug.SetMemoryLimit(512 << 20)
	var last *billing.Report // the last check's report, for report()
	api := map[string]any{
		"choices": js.FuncOf(func(js.Value, []js.Value) any { return choices() }),
		"check": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) != 1 {
				return errorJSON("check takes one argument")
			}
			rep, out := check(args[0])
			if rep != nil {
				last = rep
			}
			return out
		}),
		"weeks": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if last == nil || len(args) != 2 {
				return "[]"
			}
			return marshal(last.Weeks(args[0].Int(), args[1].Int()))
		}),
		"claims": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if last == nil || len(args) != 2 {
				return "[]"
			}
			return marshal(last.Claims(args[0].Int(), args[1].Int()))
		}),
		"report": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if last == nil || len(args) != 1 {
				return ""
			}
			var out bytes.Buffer
			switch args[0].String() {
			case "json":
				last.WriteJSON(&out, io.Discard)
			case "csv":
				last.WriteCSV(&out, io.Discard)
			}
			return out.String()
		}),
		"warm": js.FuncOf(func(js.Value, []js.Value) any {
			warm()
			return nil
		}),
		"forget": js.FuncOf(func(js.Value, []js.Value) any {
			last = nil
			return nil
		}),
		"sample": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) != 1 {
				return ""
			}
			switch args[0].String() {
			case "sessions":
				return billing.SampleSessions()
			case "episodes":
				return billing.SampleEpisodes()
			case "claims":
				return billing.SampleClaims()
			case "claims-columns":
				return billing.SampleClaimsColumns
			case "x12":
				return billing.SampleX12()
			}
			return ""
		}),
	}
	js.Global().Set("ioprules", js.ValueOf(api))
	js.Global().Get("document").Call("dispatchEvent", js.Global().Get("Event").New("ioprules-ready"))
	select {}
}

// choices lists what the page's pickers offer.
func choices() string {
	type profile struct {
		ID      string `json:"id"`
		Title   string `json:"title"`
		InForce string `json:"in_force"`
	}
	type family struct {
		Name     string    `json:"name"`
		Profiles []profile `json:"profiles"`
	}
	var c struct {
		Families []family `json:"families"`
		IDs      []string `json:"ids"`
		Settings []string `json:"settings"`
	}
	for _, f := range billing.Families() {
		ps, _ := billing.FamilyOf(f)
		fam := family{Name: f}
		for _, p := range ps {
			fam.Profiles = append(fam.Profiles, profile{p.ID, p.Title, billing.InForce(p)})
		}
		c.Families = append(c.Families, fam)
	}
	c.IDs = billing.ProfileIDs()
	for _, s := range iop.All[iop.Provider]() {
		c.Settings = append(c.Settings, s.String())
	}
	b, _ := json.Marshal(c)
	return string(b)
}

// check runs the billing check on the options the page gives: input
// ("auto", "sessions", "claims" or "x12"), profile, weeks, setting,
// columns (the renames, from=to,...), data and episodes (Uint8Array,
// episodes null for none). Auto reads an input that starts with an ISA
// segment as an X12 837I, as billingcheck does, and otherwise guesses the
// kind from the header as renamed; the renames do not apply to an 837I,
// which has no columns. It returns the report and its summary
// (billing.View) as JSON, or an error as JSON.
func check(opts js.Value) (*billing.Report, string) {
	str := func(name string) string {
		if v := opts.Get(name); v.Type() == js.TypeString {
			return v.String()
		}
		return ""
	}
	bytesOf := func(name string) []byte {
		v := opts.Get(name)
		if v.IsNull() || v.IsUndefined() {
			return nil
		}
		b := make([]byte, v.Get("length").Int())
		js.CopyBytesToGo(b, v)
		return b
	}
	data, episodes := bytesOf("data"), bytesOf("episodes")
	kind := str("input")
	var opt billing.Options
	var err error
	if kind == "auto" || kind == "" {
		if _, x12 := billing.IsX12(bytes.NewReader(data)); x12 {
			kind = billing.InputX12
		} else {
			// The renames are read for the kind they rename to.
			cols, err := billing.ParseColumns(str("columns"), billing.InputClaims)
			if err != nil {
				cols, _ = billing.ParseColumns(str("columns"), billing.InputSessions)
			}
			kind = billing.GuessInput(data, cols)
		}
	}
	switch kind {
	case billing.InputX12:
		// Its claim lines are checked as a claim-line CSV's.
		opt.Input, opt.X12 = billing.InputClaims, true
	case billing.InputSessions, billing.InputClaims:
		opt.Input = kind
		if opt.Columns, err = billing.ParseColumns(str("columns"), kind); err != nil {
			return nil, errorJSON(err.Error())
		}
	default:
		return nil, errorJSON("unknown input " + billing.Quote(kind))
	}
	opt.Source = "the file chosen"
	rules, ok, err := billing.NewRules(str("profile"))
	switch {
	case err != nil:
		return nil, errorJSON(err.Error())
	case !ok:
		return nil, errorJSON("unknown profile " + billing.Quote(str("profile")))
	}
	opt.Rules = rules
	if opt.Program, opt.Weeks, err = billing.ParseWeeks(str("weeks")); err != nil {
		return nil, errorJSON(err.Error())
	}
	if s := str("setting"); s != "" {
		if err := opt.Setting.UnmarshalText([]byte(s)); err != nil {
			return nil, errorJSON("unknown setting " + billing.Quote(s))
		}
	}
	var ep io.Reader
	if episodes != nil {
		ep = bytes.NewReader(episodes)
	}
	rep, err := billing.Check(bytes.NewReader(data), ep, opt)
	if err != nil {
		return nil, errorJSON(err.Error())
	}
	return rep, marshal(rep.View())
}

// marshal returns v as JSON, or an error as JSON.
func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(b)
}

// warm checks a made-up export of the sample's sessions, a hundred
// patients' worth, and drops the result: the browser compiles WebAssembly
// fast and then again, better, the code that runs most, so a first large
// check runs twice as fast when the page has warmed the check while its
// user chooses a file. It reads no file and keeps nothing.
func warm() {
	sample := billing.SampleSessions()
	header, rows, _ := strings.Cut(sample, "\n")
	var b strings.Builder
	b.WriteString(header + "\n")
	for i := range 100 {
		for row := range strings.Lines(rows) {
			b.WriteString("w" + strconv.Itoa(i) + "-" + row)
		}
	}
	rules, _, err := billing.NewRules(billing.Families()[0])
	if err != nil {
		return
	}
	_, weeks, _ := billing.ParseWeeks("iso")
	rep, err := billing.Check(strings.NewReader(b.String()), nil, billing.Options{Rules: rules, Weeks: weeks})
	if err == nil {
		rep.View()
		rep.Weeks(0, 100)
	}
}

// errorJSON is an error for the page: {"error": "..."}.
func errorJSON(msg string) string {
	b, _ := json.Marshal(map[string]string{"error": msg})
	return string(b)
}
