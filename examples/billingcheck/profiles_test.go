package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sessionsHeader = "patient,date,start,minutes,kind,attendance,attended\n"

// session is a row of the sessions CSV: a group session of 3 hours at
// 09:00, attended for 90 minutes when partial.
func session(patient, day, attendance string) string {
	attended := ""
	if attendance == "partial" {
		attended = "90"
	}
	return patient + "," + day + ",09:00,180,group," + attendance + "," + attended + "\n"
}

// programDay is three countable one-hour group sessions on day, attended:
// a paid program day of 3 hours.
func programDay(patient, day string) string {
	var b strings.Builder
	for _, start := range []string{"09:00", "10:00", "11:00"} {
		b.WriteString(patient + "," + day + "," + start + ",60,group,attended,\n")
	}
	return b.String()
}

// jsonProfiles runs billingcheck -format json on in and returns each
// patient-week's week and profile, by patient, and the exit status and
// standard error.
func jsonProfiles(t *testing.T, in string, args ...string) (map[string][]string, int, string) {
	t.Helper()
	code, out, errOut := runWith(in, append(append([]string{"-format", "json"}, args...), "-")...)
	got := map[string][]string{}
	for line := range strings.Lines(out) {
		var v struct {
			Patient string        `json:"patient"`
			Claim   string        `json:"claim"`
			Week    schedule.Week `json:"week"`
			Profile string        `json:"profile"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &v), line)
		if v.Claim != "" {
			got["claim "+v.Claim] = append(got["claim "+v.Claim], v.Profile)
			continue
		}
		got[v.Patient] = append(got[v.Patient], v.Week.String()+" "+v.Profile)
	}
	return got, code, errOut
}

// TestProfileByFirstServiceDay checks that a family's profile is chosen
// per patient-week by the week's first day of service: ISO week 2025-W01
// runs from Monday 2024-12-30 to Sunday 2025-01-05, across the years of
// two Medicare profiles. A week whose first session attended is on
// 2024-12-31 is checked against the 2024 profile, one whose first is on
// 2025-01-02 against the 2025 profile, whatever the sessions missed
// before; a week with no session attended goes by the week's first day
// (2024-12-30), not by its first session (p-5's, on 2025-01-05).
func TestProfileByFirstServiceDay(t *testing.T) {
	in := sessionsHeader +
		// Attended from 2024-12-31: the 2024 profile.
		session("p-1", "2024-12-31", "attended") +
		session("p-1", "2025-01-02", "attended") +
		session("p-1", "2025-01-03", "attended") +
		// Absent on 2024-12-30 and 2024-12-31, attended from 2025-01-02:
		// the 2025 profile.
		session("p-2", "2024-12-30", "absent") +
		session("p-2", "2024-12-31", "excused") +
		session("p-2", "2025-01-02", "attended") +
		session("p-2", "2025-01-03", "partial") +
		// Nothing attended: the week's first day, 2024-12-30.
		session("p-3", "2024-12-31", "absent") +
		session("p-3", "2025-01-02", "absent") +
		// Three weeks across the year end, in one batch: 2024, 2024, 2025.
		session("p-4", "2025-01-08", "attended") +
		session("p-4", "2024-12-23", "attended") +
		session("p-4", "2024-12-31", "attended") +
		// Nothing attended, one session in 2025: still the week's first
		// day, 2024-12-30, and the 2024 profile.
		session("p-5", "2025-01-05", "absent")

	const derived = "billingcheck: without an episode, taken as adults admitted on their first session: p-1, p-2, p-3, p-4, p-5\n"
	want := map[string][]string{
		"p-1": {"2025-W01 medicare-iop-2024"},
		"p-2": {"2025-W01 medicare-iop-2025"},
		"p-3": {"2025-W01 medicare-iop-2024"},
		"p-4": {"2024-W52 medicare-iop-2024", "2025-W01 medicare-iop-2024", "2025-W02 medicare-iop-2025"},
		"p-5": {"2025-W01 medicare-iop-2024"},
	}
	got, code, errOut := jsonProfiles(t, in)
	assert.Equal(t, want, got)
	assert.Equal(t, derived, errOut, "every week has a profile in force")
	assert.Equal(t, exitBlocking, code, "p-3 attended nothing")

	t.Run("php", func(t *testing.T) {
		got, _, errOut := jsonProfiles(t, in, "-profile", "medicare-php")
		assert.Equal(t, map[string][]string{
			"p-1": {"2025-W01 medicare-php-2024"},
			"p-2": {"2025-W01 medicare-php-2025"},
			"p-3": {"2025-W01 medicare-php-2024"},
			"p-4": {"2024-W52 medicare-php-2024", "2025-W01 medicare-php-2024", "2025-W02 medicare-php-2025"},
			"p-5": {"2025-W01 medicare-php-2024"},
		}, got)
		assert.Equal(t, derived, errOut)
	})
	t.Run("text", func(t *testing.T) {
		code, out, errOut := runWith(in, "-")
		assert.Equal(t, exitBlocking, code)
		assert.Empty(t, errOut)
		golden(t, "first-service-day", out)
	})
	t.Run("csv", func(t *testing.T) {
		_, out, _ := runWith(in, "-format", "csv", "-")
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		require.NoError(t, err)
		require.NotEmpty(t, recs)
		profiles := map[string]string{}
		for _, r := range recs[1:] {
			profiles[r[0]+" "+r[1]] = r[3]
		}
		// Every patient-week has a finding, each row naming its week's
		// profile, as the JSON above.
		assert.Equal(t, map[string]string{
			"p-1 2025-W01": "medicare-iop-2024",
			"p-2 2025-W01": "medicare-iop-2025",
			"p-3 2025-W01": "medicare-iop-2024",
			"p-4 2024-W52": "medicare-iop-2024",
			"p-4 2025-W01": "medicare-iop-2024",
			"p-4 2025-W02": "medicare-iop-2025",
			"p-5 2025-W01": "medicare-iop-2024",
		}, profiles)
	})
	t.Run("an explicit ID", func(t *testing.T) {
		// The 2025 profile checks the weeks it is in force on; p-1's,
		// p-3's and p-5's weeks, and p-4's first two, are not checked.
		got, code, errOut := jsonProfiles(t, in, "-profile", "medicare-iop-2025")
		assert.Equal(t, map[string][]string{
			"p-2": {"2025-W01 medicare-iop-2025"},
			"p-4": {"2025-W02 medicare-iop-2025"},
		}, got)
		assert.Equal(t, exitBlocking, code)
		const inForce = ", the week's first day of service (it is in force from 2025-01-01 to 2025-12-31)\n"
		assert.Equal(t, derived+
			"billingcheck: not checked: p-1 2025-W01: medicare-iop-2025 is not in force on 2024-12-31"+inForce+
			"billingcheck: not checked: p-3 2025-W01: medicare-iop-2025 is not in force on 2024-12-30"+inForce+
			"billingcheck: not checked: p-4 2024-W52: medicare-iop-2025 is not in force on 2024-12-23"+inForce+
			"billingcheck: not checked: p-4 2025-W01: medicare-iop-2025 is not in force on 2024-12-31"+inForce+
			"billingcheck: not checked: p-5 2025-W01: medicare-iop-2025 is not in force on 2024-12-30"+inForce, errOut)
	})
}

// TestProfileByCountedService checks that a family's patient-week goes by
// its first day of service as its profile counts it: p-1's video session
// on 2024-12-31 counts nothing under medicare-iop-2024 (Medicare counts no
// video session), so its week is checked against medicare-iop-2025, by
// its session in person on 2025-01-02; p-2's week, attended in person
// from 2024-12-31, against medicare-iop-2024. The profile named by its ID
// is applied by the first day with a session attended, and does not judge
// a week whose counted service begins where it is not in force.
func TestProfileByCountedService(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance,delivery\n" +
		"p-1,2024-12-31,09:00,180,group,attended,video\n" +
		"p-1,2025-01-02,09:00,180,group,attended,in-person\n" +
		"p-2,2024-12-31,09:00,180,group,attended,in-person\n" +
		"p-2,2025-01-02,09:00,180,group,attended,video\n"
	code, out, errOut := runWith(in, "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	golden(t, "counted-service-day", out)

	got, code, errOut := jsonProfiles(t, in, "-profile", "medicare-iop-2024")
	assert.Equal(t, map[string][]string{"p-2": {"2025-W01 medicare-iop-2024"}}, got)
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first session: p-1, p-2\n"+
		"billingcheck: not checked: p-1 2025-W01: medicare-iop-2024 is not in force on 2025-01-02, the week's first day of counted service "+
		"(it is in force from 2024-01-01 to 2024-12-31)\n", errOut)
}

// TestClaimsByFirstServiceDay checks that a patient-week of claim lines
// goes by its first date of service, and each claim by its own first date
// of service.
func TestClaimsByFirstServiceDay(t *testing.T) {
	in := "patient,claim,line,date,code,bill_type,condition1\n" +
		"p-1,c-2,1,2025-01-02,G0410,0131,92\n" +
		"p-1,c-1,1,2024-12-31,G0410,0131,92\n" +
		"p-1,c-1,2,2025-01-03,G0410,0131,92\n" +
		"p-2,c-3,1,2025-01-02,G0410,0131,92\n"
	got, _, errOut := jsonProfiles(t, in, "-input", "claims")
	assert.Equal(t, map[string][]string{
		"p-1":       {"2025-W01 medicare-iop-2024"},
		"p-2":       {"2025-W01 medicare-iop-2025"},
		"claim c-1": {"medicare-iop-2024"},
		"claim c-2": {"medicare-iop-2025"},
		"claim c-3": {"medicare-iop-2025"},
	}, got)
	assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first day of service: p-1, p-2\n", errOut,
		"every week and claim has a profile in force")
}

// TestNoProfileInForce checks that a patient-week, or a claim, on which no
// profile of the family is in force (Medicare IOP began in 2024) is not
// checked, but reported, with a message that names the week and the rule
// and no patient data but the record ID, and that it fails the run.
func TestNoProfileInForce(t *testing.T) {
	in := sessionsHeader +
		programDay("p-9", "2023-03-06") + programDay("p-9", "2023-03-08") + programDay("p-9", "2023-03-10") +
		programDay("p-9", "2025-03-03") + programDay("p-9", "2025-03-05") + programDay("p-9", "2025-03-07")
	const msg = "p-9 2023-W10: no medicare-iop profile is in force on 2023-03-06, the week's first day of service"

	code, out, errOut := runWith(in, "-")
	assert.Equal(t, exitBlocking, code, "a week not checked fails the run, though the other one is clean")
	assert.Empty(t, errOut)
	// 2025-W10 is a row of the table, ok; 2023-W10 is not, but is listed
	// as not checked.
	golden(t, "no-profile", out)

	for _, format := range []string{"json", "csv"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runWith(in, "-format", format, "-")
			assert.Equal(t, exitBlocking, code)
			assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first session: p-9\n"+
				"billingcheck: not checked: "+msg+"\n", errOut)
			// Standard output holds what was checked only: 2025-W10.
			golden(t, "no-profile."+format, out)
		})
	}

	t.Run("an explicit ID", func(t *testing.T) {
		code, out, errOut := runWith(in, "-profile", "medicare-iop-2024", "-")
		assert.Equal(t, exitBlocking, code)
		assert.Empty(t, errOut)
		golden(t, "no-profile-id", out)
	})
	t.Run("an open-ended profile", func(t *testing.T) {
		code, out, errOut := runWith(in, "-profile", "medicare-iop-2026", "-")
		assert.Equal(t, exitBlocking, code)
		assert.Empty(t, errOut)
		golden(t, "no-profile-open-ended", out)
	})
	t.Run("claims", func(t *testing.T) {
		in := "patient,claim,line,date,code,bill_type,condition1\n" +
			"p-9,c-1,1,2023-03-06,G0410,0131,92\n" +
			"p-9,c-1,2,2024-01-02,G0410,0131,92\n"
		code, out, errOut := runWith(in, "-input", "claims", "-")
		assert.Equal(t, exitBlocking, code)
		assert.Empty(t, errOut)
		// The week of 2024 is checked; the week of 2023 and the claim
		// are not.
		golden(t, "no-profile-claims", out)
	})
}

// TestHelpFamilies checks that -h lists the families, by calendar year,
// before the built-in IDs: the lines from the families' heading up to the
// built-in IDs' heading.
func TestHelpFamilies(t *testing.T) {
	_, out, _ := runWith("", "-h")
	assert.Equal(t, "Families, by calendar year:\n"+
		"  medicare-iop  medicare-iop-2024 from 2024-01-01 to 2024-12-31,\n"+
		"                medicare-iop-2025 from 2025-01-01 to 2025-12-31,\n"+
		"                medicare-iop-2026 from 2026-01-01\n"+
		"  medicare-php  medicare-php-2024 from 2024-01-01 to 2024-12-31,\n"+
		"                medicare-php-2025 from 2025-01-01 to 2025-12-31,\n"+
		"                medicare-php-2026 from 2026-01-01\n",
		section(out, "Families, by calendar year:", "Built-in IDs (the built-in profiles with a schedule part; those of groups only"))
}
