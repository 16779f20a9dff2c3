package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The flags whose value is one of a list of names (-input, -profile,
// -setting, -format; -weeks in TestWeeksFlag) read it in any case of its
// ASCII letters, as its list spells it: the run is the same, byte for
// byte, as with the name spelled so. Anything else, a letter outside
// ASCII that folds to one of the name's (the long s, U+017F) too, is a
// usage error naming what was given, and nothing is written to stdout.

// flagCase is a spelling of a flag's value: the name it stands for, or
// "" and the usage error it gives.
type flagCase struct {
	value, name, err string
}

// checkFlag runs billingcheck with args and -flag set to each case's
// value, and compares the whole run with the one of the name it stands
// for, or the usage error with the case's.
func checkFlag(t *testing.T, flag string, args []string, cases []flagCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			code, out, errOut := runWith("", append([]string{"-" + flag, tc.value}, args...)...)
			if tc.name == "" {
				assert.Equal(t, exitUsage, code)
				assert.Empty(t, out)
				assert.Equal(t, tc.err, errOut)
				return
			}
			wantCode, wantOut, wantErr := runWith("", append([]string{"-" + flag, tc.name}, args...)...)
			require.NotEqual(t, exitUsage, wantCode, "%s", wantErr)
			assert.Equal(t, wantCode, code)
			assert.Equal(t, wantOut, out)
			assert.Equal(t, wantErr, errOut)
		})
	}
}

func TestInputFlag(t *testing.T) {
	const want = ": want sessions, claims or x12\n"
	checkFlag(t, "input", []string{"-format", "csv"}, []flagCase{
		{"sessions", "sessions", ""},
		{"SESSIONS", "sessions", ""},
		{"Claims", "claims", ""},
		{"cLAIMS", "claims", ""},
		{"X12", "x12", ""},
		{"", "", "billingcheck: unknown -input \"\"" + want},
		{"claim", "", "billingcheck: unknown -input claim" + want},
		{"claims ", "", "billingcheck: unknown -input \"claims \"" + want},
		{"claimſ", "", "billingcheck: unknown -input \"claim\\u017f\"" + want},
		{"ſessions", "", "billingcheck: unknown -input \"\\u017fessions\"" + want},
	})
}

func TestFormatFlag(t *testing.T) {
	const want = ": want text, json or csv\n"
	checkFlag(t, "format", nil, []flagCase{
		{"text", "text", ""},
		{"TEXT", "text", ""},
		{"Json", "json", ""},
		{"JSON", "json", ""},
		{"CSV", "csv", ""},
		{"cSv", "csv", ""},
		{"", "", "billingcheck: unknown -format \"\"" + want},
		{"xml", "", "billingcheck: unknown -format xml" + want},
		{"txt", "", "billingcheck: unknown -format txt" + want},
		{" json", "", "billingcheck: unknown -format \" json\"" + want},
		{"jſon", "", "billingcheck: unknown -format \"j\\u017fon\"" + want},
		{"cſv", "", "billingcheck: unknown -format \"c\\u017fv\"" + want},
	})
}

func TestSettingFlag(t *testing.T) {
	const want = ": want hospital, cmhc, cah, rhc, fqhc, otp\n"
	checkFlag(t, "setting", []string{"-input", "claims"}, []flagCase{
		{"hospital", "hospital", ""},
		{"HOSPITAL", "hospital", ""},
		{"Hospital", "hospital", ""},
		{"CMHC", "cmhc", ""},
		{"Otp", "otp", ""},
		{"clinic", "", "billingcheck: unknown -setting clinic" + want},
		{"hosp", "", "billingcheck: unknown -setting hosp" + want},
		{"hoſpital", "", "billingcheck: unknown -setting \"ho\\u017fpital\"" + want},
		{"cmhc\n", "", "billingcheck: unknown -setting \"cmhc\\n\"" + want},
	})
}

func TestProfileFlag(t *testing.T) {
	want := "; the families are medicare-iop, medicare-php, the built-in IDs " + strings.Join(profileIDs(), ", ") + "\n"
	checkFlag(t, "profile", []string{"-format", "csv"}, []flagCase{
		{"medicare-iop", "medicare-iop", ""},
		{"Medicare-IOP", "medicare-iop", ""},
		{"MEDICARE-PHP", "medicare-php", ""},
		{"ASAM3-2.1", "asam3-2.1", ""},
		{"Medicare-IOP-2025", "medicare-iop-2025", ""},
		{"NY-S9480", "ny-s9480", ""},
		{"medicare", "", "billingcheck: unknown profile medicare" + want},
		{"medicare-iop-2023", "", "billingcheck: unknown profile medicare-iop-2023" + want},
		{"aſam3-2.1", "", "billingcheck: unknown profile \"a\\u017fam3-2.1\"" + want},
		{"ny-ſ9480", "", "billingcheck: unknown profile \"ny-\\u017f9480\"" + want},
	})
	// The text report's heading names the family or profile as the list
	// spells it.
	_, out, _ := runWith("", "-profile", "Medicare-IOP")
	heading, _, _ := strings.Cut(out, "\n")
	assert.Equal(t, "billingcheck: medicare-iop by first day of service, ISO weeks, the embedded sample", heading)
	_, out, _ = runWith("", "-profile", "ASAM3-2.1")
	heading, _, _ = strings.Cut(out, "\n")
	assert.Equal(t, "billingcheck: asam3-2.1, ISO weeks, the embedded sample", heading)
}
