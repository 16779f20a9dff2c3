package group_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
)

// BenchmarkCheckSession12 checks a compliant 12-person session under TIP
// 47: validation and every rule. It allocates nothing.
func BenchmarkCheckSession12(b *testing.B) {
	ck, s := checker(b, ioprules.TIP47()), session(12)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ck.CheckMeeting(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendSessionFindings checks a 12-person session with four
// findings into a reused list. It allocates nothing.
func BenchmarkAppendSessionFindings(b *testing.B) {
	ck, s := checker(b, ioprules.TIP47()), findingsSession()
	dst := make(iop.Findings, 0, 8)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if dst, err = ck.AppendMeeting(dst[:0], s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckSessionFindings is the one-shot form of
// BenchmarkAppendSessionFindings: the same four findings returned in a
// slice of the caller's own, one allocation.
func BenchmarkCheckSessionFindings(b *testing.B) {
	ck, s := checker(b, ioprules.TIP47()), findingsSession()
	b.ReportAllocs()
	for b.Loop() {
		if fs, err := ck.CheckMeeting(s); err != nil || len(fs) != 4 {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkHandWrittenSize12 is the baseline: the one rule a hand-written
// check would apply, counting the patients and comparing to 12.
func BenchmarkHandWrittenSize12(b *testing.B) {
	s := session(12)
	over := 0
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for i := range s.Participants {
			if s.Participants[i].Role == group.ParticipantRolePatient {
				n++
			}
		}
		if n > 12 {
			over++
		}
	}
	if over != 0 {
		b.Fatal("12 is not above 12")
	}
}

// BenchmarkValidateSession12 validates a 12-person session.
func BenchmarkValidateSession12(b *testing.B) {
	s := session(12)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Validate()
	}
}

// BenchmarkParseSession decodes and validates a session from JSON.
func BenchmarkParseSession(b *testing.B) {
	data := []byte(sessionJSON)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := group.ParseMeeting(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanRoster60 plans 60 patients into groups by population and
// gender.
func BenchmarkPlanRoster60(b *testing.B) {
	r := roster(append(people("A", 40, 30, group.GenderWoman), people("T", 20, 15, group.GenderMan)...)...)
	r.ByGender = true
	ck := checker(b, ioprules.TIP47())
	b.ReportAllocs()
	for b.Loop() {
		_, _ = ck.PlanRoster(r)
	}
}
