package group_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// cover proves that the tests produce every code of the rule table, each
// with the severity the table or the profile gives it.
var cover = checktest.New(group.Rules())

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }

// The fixtures of the group tests: a session on 2025-04-07 of compliant
// adult patients, led by a licensed lead and a co-facilitator, checked
// against a level 2.1 test profile whose group rules each test sets.

var (
	sessionDay = date.New(2025, time.April, 7)
	started    = date.New(2025, time.February, 3)
)

var (
	groupCite   = iop.Citation{Source: "Test Admin. Code 1-2-3"}
	agesCite    = iop.Citation{Source: "Test Admin. Code 1-2-1"}
	profileCite = iop.Citation{Source: "Test Admin. Code"}
)

// testAges are age rules without overlap: adolescents 12 to 17.
func testAges() iop.AgeRules { return iop.AgeRules{AdultAge: 18, MinAge: 12, Cite: agesCite} }

// overlapAges are Illinois's: 18-22 may be adolescents, 16-17 adults.
func overlapAges() iop.AgeRules {
	return iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16, Cite: agesCite}
}

// testProfile returns a level 2.1 profile with rules r (cited) and testAges.
func testProfile(r group.Composition) iop.Profile {
	r.Cite = groupCite
	return iop.Profile{
		ID: "test-groups", Title: "Test group rules", Level: iop.Level21,
		From: date.New(2020, time.January, 1), Source: profileCite,
		Scope: iop.Scope{Reach: iop.ReachState, States: []string{"ZZ"}, Body: "Test agency"},
		Ages:  testAges(), Parts: []iop.Part{r},
	}
}

// checker returns the Checker of p, which must be valid.
func checker(t testing.TB, p iop.Profile) group.Checker {
	t.Helper()
	ck, err := group.NewChecker(p)
	require.NoError(t, err)
	return ck
}

// check checks s under p, requires no error, and records the findings with
// the coverage of the rule table.
func check(t testing.TB, p iop.Profile, s group.Meeting) iop.Findings {
	t.Helper()
	fs, err := checker(t, p).CheckMeeting(s)
	require.NoError(t, err)
	cover.Check(t, p, fs)
	return fs
}

// patient returns an adult patient who fits every focus the tests use.
func patient(id string) group.Participant {
	return group.Participant{
		ID: id, Role: group.ParticipantRolePatient, Age: 34, Gender: group.GenderWoman, CoOccurring: true,
		Trauma: true, Agreement: true, Level: iop.Level21, Cohort: "es",
	}
}

// session returns open process group G-1 of n patients P-01... led by
// licensed S-1 and co-facilitator S-2.
func session(n int) group.Meeting {
	s := group.Meeting{
		ID: "G-1", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: sessionDay, Minutes: 90,
		Facilitators: []group.Facilitator{
			{ID: "S-1", Role: group.FacilitatorRoleLead, Credential: "LCSW", Licensed: true},
			{ID: "S-2", Role: group.FacilitatorRoleCoFacilitator, Credential: "CADC"},
		},
	}
	for i := range n {
		s.Participants = append(s.Participants, patient(fmt.Sprintf("P-%02d", i+1)))
	}
	return s
}

const sessionJSON = `{
  "id": "G-7",
  "kind": "relapse-prevention",
  "focus": {"ages": "adult", "gender": "woman", "co_occurring": true},
  "enrollment": "closed",
  "started": "2025-02-03",
  "date": "2025-04-07",
  "minutes": "1h30m",
  "level": "2.1",
  "facilitators": [{"id": "S-1", "role": "lead", "credential": "LCSW", "licensed": true}],
  "participants": [
    {"id": "P-1", "role": "patient", "age": 29, "gender": "woman", "co_occurring": true, "agreement": true, "level": "2.1"},
    {"id": "P-2", "role": "patient", "population": "adult", "gender": "woman", "co_occurring": true, "agreement": true, "joined": "2025-02-03"},
    {"id": "F-1", "role": "family", "gender": "woman", "agreement": true}
  ]
}`

// compositionOf returns p's group part; the zero group.Composition when p has none.
func compositionOf(p iop.Profile) group.Composition {
	c, _ := iop.PartOf[group.Composition](&p)
	return c
}

// withComposition returns p with its group part changed by f.
func withComposition(p iop.Profile, f func(*group.Composition)) iop.Profile {
	c := compositionOf(p)
	f(&c)
	return p.WithPart(c)
}
