package eligibility_test

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noInputText fails when the message of err holds a string of the input
// (4 bytes or more) that is not text the library writes itself, such as a
// record ID or a note typed with a name.
func noInputText(t *testing.T, data []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	for _, s := range jsonStrings(data) {
		if len(s) >= 4 && strings.Contains(msg, s) {
			if !strings.Contains(messageVocabulary, withoutDigits(s)) {
				t.Errorf("the error message %q holds input text", msg)
			}
		}
	}
}

// jsonStrings returns the contents of the quoted strings of data.
func jsonStrings(data []byte) []string {
	var out []string
	for {
		i := bytes.IndexByte(data, '"')
		if i < 0 {
			return out
		}
		data = data[i+1:]
		j := bytes.IndexByte(data, '"')
		if j < 0 {
			return append(out, string(data))
		}
		out = append(out, string(data[:j]))
		data = data[j+1:]
	}
}

// messageVocabulary is the text error messages may hold: every string
// literal of the package and of the code that builds its errors, and the
// Go types a decoder names, digits left out.
var messageVocabulary = func() string {
	var b strings.Builder
	b.WriteString("string int uint8 int32 bool float64 []iop.Level iop eligibility struct map\n")
	files, _ := filepath.Glob("*.go")
	files = append(files, "../internal/strictjson/strictjson.go", "../internal/enum/enum.go", "../internal/check/check.go",
		"../internal/errs/errs.go", "../iop/errors.go", "../iop/id.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			panic(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					b.WriteString(s)
					b.WriteByte('\n')
				}
			}
			return true
		})
	}
	return withoutDigits(b.String())
}()

// FuzzAssessmentJSON decodes assessments: whatever decodes marshals and
// decodes back to the same value and the same bytes; no error holds input
// text; deciding and checking never panic.
func FuzzAssessmentJSON(f *testing.F) {
	f.Add([]byte(assessmentJSON))
	f.Add([]byte(`{"ratings":{"D1":{"risk":4}},"modifiers":["imminent-danger"]}`))
	f.Add([]byte(`{"patient":{"met":["support-system","not-dangerous"],"not_met":["support-system"]}}`))
	f.Add([]byte(`{"patient":{"met":["Jane Doe"],"not_met":null}}`))
	f.Add([]byte(`{"id":"A","edition":"4th","population":"adolescent","date":"2024-02-29"}`))
	f.Add([]byte(`{"date":"2025-02-30","id":"Jane Doe"}`))
	f.Add([]byte(`{"ratings":{"D1":{"risk":null,"note":"John Smith"}},"modifiers":null}`))
	f.Add([]byte(`{"ratings":{"Jane Doe":{"risk":1}},"modifiers":["Jane Doe"]}`))
	f.Add([]byte(`[]`))
	ck := std(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var a eligibility.Assessment
		err := a.UnmarshalJSON(data)
		noInputText(t, data, err)
		_, perr := eligibility.ParseAssessment(data)
		noInputText(t, data, perr)
		if err != nil {
			return
		}
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var back eligibility.Assessment
		require.NoError(t, back.UnmarshalJSON(b))
		assert.Equal(t, a, back)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))

		d, err := ck.Decide(a)
		noInputText(t, data, err)
		if err != nil {
			return
		}
		_, err = ck.CheckDecision(&d)
		require.NoError(t, err)
		_, err = ck.CheckAdmission(&d, iop.Hours(9))
		require.NoError(t, err)
		rv := eligibility.Review{Admitted: a.Date, Previous: d, Current: d, Progress: eligibility.ProgressMade}
		_, err = ck.CheckContinuedStay(&rv)
		require.NoError(t, err)
		_, err = ck.CheckTransfer(&rv)
		require.NoError(t, err)
		_, err = ck.CheckDischargeReview(&eligibility.DischargeReview{Final: d, Planned: true})
		require.NoError(t, err)
	})
}

// FuzzCriteriaJSON decodes criteria: whatever decodes marshals and decodes
// back to equal criteria and the same bytes; no error holds input text;
// criteria that validate make a checker that decides every valid
// assessment of their edition and population.
func FuzzCriteriaJSON(f *testing.F) {
	def, err := json.Marshal(eligibility.DefaultCriteria())
	require.NoError(f, err)
	f.Add(def)
	f.Add([]byte(`{"id":"x","title":"t","edition":"3rd","source":{"source":"s"},"levels":["1","2.1"],` +
		`"rules":[{"dimension":"D1","risk":0,"min":"1","max":"2.1","cite":{"source":"s"}}],` +
		`"modifiers":[{"modifier":"imminent-danger","floor":"2.1","cite":{"source":"s"}}]}`))
	f.Add([]byte(`{"levels":["4","0.5"],"rules":[{"dimension":"D6","risk":4,"min":"4","max":"0.5"}]}`))
	f.Add([]byte(`{"rules":[{}],"modifiers":[{}],"levels":[]}`))
	f.Add([]byte(`{"id":"Jane Doe","rules":[{"dimension":"Jane Doe"}],"Jane Doe":1}`))
	a := assess(f, iopRisks, eligibility.ModifierImminentDanger, eligibility.ModifierCoOccurring)
	f.Fuzz(func(t *testing.T, data []byte) {
		var c eligibility.Criteria
		err := c.UnmarshalJSON(data)
		noInputText(t, data, err)
		if err != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			require.ErrorIs(t, err, iop.ErrUnknown, "only an invalid risk fails to marshal")
			return
		}
		var back eligibility.Criteria
		require.NoError(t, back.UnmarshalJSON(b))
		assert.True(t, c.Equal(back), "round trip")
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))

		verr := c.Validate()
		if verr != nil {
			var l iop.FieldErrors
			require.ErrorAs(t, verr, &l)
			return
		}
		ck, err := eligibility.NewChecker(withCriteria(ioprules.ASAM3Level21(), c))
		if c.Edition != iop.Edition3 {
			require.ErrorIs(t, err, iop.ErrOutOfRange)
			return
		}
		require.NoError(t, err)
		d, err := ck.Decide(a)
		if c.Population == 0 || c.Population == a.Population {
			require.NoError(t, err, "valid criteria decide every valid assessment")
			assert.True(t, d.Recommended().IsValid())
			_, err = ck.Moves([]eligibility.Assessment{a, a})
			require.NoError(t, err)
		}
	})
}

// FuzzDecisionJSON decodes decisions: whatever decodes marshals back to
// the same bytes and decodes to the same Decision; no error holds input
// text.
func FuzzDecisionJSON(f *testing.F) {
	ck := std(f)
	for _, d := range []eligibility.Decision{
		decideRisks(f, iopRisks),
		decideRisks(f, [6]int{4, 0, 3, 2, 1, 0}, eligibility.ModifierImminentDanger, eligibility.ModifierCourtOrdered),
		place(f, decideRisks(f, lowRisks, eligibility.ModifierFailedLowerLevel), iop.Level1, eligibility.VarianceReasonPatientPreference, "n-1"),
	} {
		b, err := json.Marshal(d)
		require.NoError(f, err)
		f.Add(b)
	}
	rec := recommendation(f, iop.Level25)
	rec.Ratings = ratings(f, iopRisks)
	for _, d := range []eligibility.Decision{
		recommended(f, recommendation(f, iop.Level21)),
		place(f, recommended(f, rec), iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "n-2"),
	} {
		b, err := json.Marshal(d)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"assessment":{"id":"Jane Doe"},"criteria":"x","levels":["2.1"],"reasons":[]}`))
	f.Add([]byte(`{"assessment":{"id":"Jane Doe"},"source":"John Smith","levels":["2.1"],"recommended":"2.1"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d eligibility.Decision
		err := d.UnmarshalJSON(data)
		noInputText(t, data, err)
		if err != nil {
			var l iop.FieldErrors
			require.ErrorAs(t, err, &l)
			assert.True(t, d.IsZero(), "unchanged on error")
			return
		}
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back eligibility.Decision
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, d, back, "round trip")
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))
		_, err = ck.CheckVariance(&d)
		require.NoError(t, err)
		_, err = ck.CheckAdmission(&d, iop.Hours(9))
		require.NoError(t, err)
	})
}

// FuzzRecommendationJSON decodes recommendations from other tools:
// whatever decodes marshals and decodes back to the same value and the
// same bytes; no error holds input text; a valid recommendation makes a
// decision whose JSON round-trips and on which the checks run.
func FuzzRecommendationJSON(f *testing.F) {
	f.Add([]byte(recommendationJSON))
	f.Add([]byte(`{"id":"A","source":"ASAM CONTINUUM","edition":"3rd","date":"2025-03-03","population":"adult","level":"2.1"}`))
	f.Add([]byte(`{"id":"A","source":"t","edition":"4th","date":"2024-02-29","population":"adult","level":"2.7","modifiers":["imminent-danger"]}`))
	f.Add([]byte(`{"id":"Jane Doe","source":"John Smith","level":"3.2-WM","date":"2025-02-30"}`))
	f.Add([]byte(`{"ratings":{"D1":{"risk":4,"note":"Jane Doe"}},"level":"1.5","edition":"3rd"}`))
	f.Add([]byte("{\"id\":\"A\u0000\",\"source\":\"\xff\"}"))
	ck := std(f)
	medicare := newChecker(f, ioprules.MedicareIOP2026())
	f.Fuzz(func(t *testing.T, data []byte) {
		var r eligibility.Recommendation
		err := r.UnmarshalJSON(data)
		noInputText(t, data, err)
		parsed, perr := eligibility.ParseRecommendation(data)
		noInputText(t, data, perr)
		if err != nil {
			assert.EqualError(t, perr, err.Error(), "ParseRecommendation fails as UnmarshalJSON does")
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back eligibility.Recommendation
		require.NoError(t, back.UnmarshalJSON(b))
		assert.Equal(t, r, back)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))
		if perr != nil {
			return
		}
		assert.Equal(t, r, parsed)
		for _, c := range []eligibility.Checker{ck, medicare} {
			d, err := c.Recommended(r)
			noInputText(t, data, err)
			if err != nil {
				if p := c.Profile(); !p.InForceOn(r.Date) {
					require.ErrorIs(t, err, iop.ErrNotInForce, "a recommendation outside the profile's force")
					continue
				}
				require.ErrorIs(t, err, iop.ErrOutOfRange, "a valid recommendation is refused only for its edition")
				continue
			}
			assert.Equal(t, r.Level, d.Recommended())
			db, err := json.Marshal(d)
			require.NoError(t, err)
			var dback eligibility.Decision
			require.NoError(t, json.Unmarshal(db, &dback))
			assert.Equal(t, d, dback, "decision round trip")
			_, err = c.CheckAdmission(&d, iop.Hours(9))
			require.NoError(t, err)
			_, err = c.CheckVariance(&d)
			require.NoError(t, err)
			_, err = c.CheckDecision(&d)
			require.NoError(t, err)
		}
	})
}

// parseVocabulary is every word the parse errors of the package write,
// digits left out: the only text of the input a parse error may repeat.
var parseVocabulary = func() string {
	var b strings.Builder
	for _, in := range []string{"", "\x01", "D1,D1", "D1,\x01", "court-ordered,court-ordered"} {
		for _, err := range []error{
			second(iop.Parse[eligibility.Dimension](in)), second(iop.Parse[eligibility.Risk](in)), second(iop.Parse[eligibility.Modifier](in)),
			second(iop.Parse[eligibility.VarianceReason](in)), second(iop.Parse[eligibility.Progress](in)),
			second(iop.Parse[eligibility.Direction](in)), second(iop.Parse[eligibility.Role](in)),
			second(iop.Parse[iop.Set[eligibility.Dimension]](in)), second(iop.Parse[iop.Set[eligibility.Modifier]](in)),
		} {
			if err != nil {
				b.WriteString(err.Error())
				b.WriteByte('\n')
			}
		}
	}
	return withoutDigits(b.String())
}()

func second[T any](_ T, err error) error { return err }

func withoutDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

// FuzzParseText checks that every enum's and set's Parse accepts exactly
// what its String writes, and that no parse error repeats the input.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"D1", "D6", "0", "4", "imminent-danger", "payer-authorized-lower", "goals-met", "up",
		"safety", "", "D7", "5", "D1,D3", "court-ordered,imminent-danger", "Jane Doe", "D1,Jane Doe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		noInput := func(err error) {
			if msg := err.Error(); len(s) >= 3 && strings.Contains(msg, s) {
				if !strings.Contains(parseVocabulary, withoutDigits(s)) {
					t.Errorf("the error %q repeats the input", msg)
				}
			}
		}
		check := func(str string, err error) {
			if err != nil {
				noInput(err)
				return
			}
			assert.Equal(t, s, str)
		}
		d, err := iop.Parse[eligibility.Dimension](s)
		check(d.String(), err)
		r, err := iop.Parse[eligibility.Risk](s)
		check(r.String(), err)
		if err == nil {
			var j eligibility.Risk
			require.NoError(t, j.UnmarshalJSON([]byte(s)))
			assert.Equal(t, r, j)
		}
		m, err := iop.Parse[eligibility.Modifier](s)
		check(m.String(), err)
		v, err := iop.Parse[eligibility.VarianceReason](s)
		check(v.String(), err)
		p, err := iop.Parse[eligibility.Progress](s)
		check(p.String(), err)
		dir, err := iop.Parse[eligibility.Direction](s)
		check(dir.String(), err)
		role, err := iop.Parse[eligibility.Role](s)
		check(role.String(), err)
		if ds, err := iop.Parse[iop.Set[eligibility.Dimension]](s); err == nil {
			again, err := iop.Parse[iop.Set[eligibility.Dimension]](ds.String())
			require.NoError(t, err)
			assert.Equal(t, ds, again)
		} else {
			noInput(err)
		}
		if ms, err := iop.Parse[iop.Set[eligibility.Modifier]](s); err == nil {
			again, err := iop.Parse[iop.Set[eligibility.Modifier]](ms.String())
			require.NoError(t, err)
			assert.Equal(t, ms, again)
		} else {
			noInput(err)
		}
	})
}

// FuzzReviewJSON decodes reviews and discharge reviews: no error holds
// input text; a refused document leaves the value unchanged; a valid
// review marshals and decodes back to the same value and the same bytes,
// and the checks run on it.
func FuzzReviewJSON(f *testing.F) {
	ck := std(f)
	prev := decideRisks(f, [6]int{1, 0, 1, 2, 3, 1})
	cur := decideRisks(f, iopRisks)
	for _, rv := range []eligibility.Review{
		{Current: cur},
		{Admitted: iop.MustParseDate("2025-01-06"), Previous: prev, Current: cur, Progress: eligibility.ProgressMade, PlanRevised: true, Justification: "J-1"},
	} {
		b, err := json.Marshal(rv)
		require.NoError(f, err)
		f.Add(b)
	}
	b, err := json.Marshal(eligibility.DischargeReview{Final: cur, Planned: true, NextLevel: iop.Level1})
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"current":{"assessment":{"id":"Jane Doe"}},"justification":"1980-01-02"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rv := eligibility.Review{Justification: "kept"}
		err := rv.UnmarshalJSON(data)
		noInputText(t, data, err)
		if err != nil {
			assert.Equal(t, eligibility.Review{Justification: "kept"}, rv, "unchanged on error")
		} else if rv.Validate() == nil {
			b, err := json.Marshal(rv)
			require.NoError(t, err)
			var back eligibility.Review
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, rv, back, "round trip")
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again))
			_, err = ck.CheckContinuedStay(&rv)
			require.NoError(t, err)
			_, err = ck.CheckTransfer(&rv)
			require.NoError(t, err)
		}
		x := eligibility.DischargeReview{Planned: true}
		err = x.UnmarshalJSON(data)
		noInputText(t, data, err)
		if err != nil {
			assert.Equal(t, eligibility.DischargeReview{Planned: true}, x, "unchanged on error")
			return
		}
		if x.Validate() == nil {
			b, err := json.Marshal(x)
			require.NoError(t, err)
			var back eligibility.DischargeReview
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, x, back, "round trip")
			_, err = ck.CheckDischargeReview(&x)
			require.NoError(t, err)
		}
	})
}

// TestReviewJSON: a review without a previous decision marshals, the
// members are strict, and a discharge review round-trips.
func TestReviewJSON(t *testing.T) {
	cur := decideRisks(t, iopRisks)
	rv := eligibility.Review{Current: cur, Progress: eligibility.ProgressMade}
	b, err := json.Marshal(rv)
	require.NoError(t, err, "no previous decision: the member is left out")
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &m))
	assert.NotContains(t, m, "previous")
	var back eligibility.Review
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rv, back)

	err = back.UnmarshalJSON([]byte(`{"current":` + string(m["current"]) + `,"colour":"red"}`))
	requireFields(t, err, fieldWant{"#1", iop.ErrUnknownField})
	err = back.UnmarshalJSON([]byte(`{"progress":"lots"}`))
	requireFields(t, err, fieldWant{"progress", iop.ErrUnknown})
	assert.Equal(t, rv, back, "unchanged on error")

	x := eligibility.DischargeReview{Final: cur, Planned: true, NextLevel: iop.Level1}
	b, err = json.Marshal(x)
	require.NoError(t, err)
	var xb eligibility.DischargeReview
	require.NoError(t, json.Unmarshal(b, &xb))
	assert.Equal(t, x, xb)
	err = xb.UnmarshalJSON([]byte(`{"next_level":"2.2"}`))
	requireFields(t, err, fieldWant{"next_level", iop.ErrUnknown})
}
