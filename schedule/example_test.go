package schedule_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// A week of three 3-hour groups, one of them cut short by a minute, checked
// against the Medicare IOP benefit: 539 minutes is below the 9 hours the
// physician certified, a warning for review (Medicare pays by the day), and
// each day of 3 services is paid.
func Example() {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	if err != nil {
		panic(err)
	}
	week := schedule.ISOWeeks().Of(date.New(2025, 3, 5))
	var sessions []schedule.Session
	for _, d := range []date.Date{week.Day(0), week.Day(2), week.Day(4)} {
		for h := 9; h < 12; h++ { // three 1-hour services a day: Medicare's 3-service tier
			start, _ := schedule.ClockOf(h, 0)
			sessions = append(sessions, schedule.Session{Patient: "p-042", Date: d, Start: start,
				Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
		}
	}
	sessions[8].Attendance, sessions[8].Attended = schedule.AttendancePartial, 59 // left a minute early

	sum, err := ck.Summarize(week, sessions)
	if err != nil {
		panic(err)
	}
	findings, err := ck.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 2, 3)})
	if err != nil {
		panic(err)
	}
	fmt.Println(week, sum.Minutes, "on", sum.Days(), "days")
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Code, ck.Rules().Message(f))
	}
	fmt.Println("blocks billing:", findings.BlockingErr() != nil)
	// Output:
	// 2025-W10 8h59m on 3 days
	// warning schedule.weekly-minutes.below-minimum: counted service time below the weekly minimum: need 9h00m, got 8h59m
	// info schedule.attendance.missed: planned time of countable sessions not all attended: need 9h00m, got 8h59m
	// blocks billing: false
}

// Weeks are named: an ISO week, a calendar week from a chosen weekday, or a
// program week from admission.
func ExampleWeeks() {
	d := date.New(2024, 12, 31)
	sunday, _ := schedule.CalendarWeeks(time.Sunday)
	program, _ := schedule.ProgramWeeks(date.New(2024, 12, 18))
	for _, ws := range []schedule.Weeks{schedule.ISOWeeks(), sunday, program} {
		w := ws.Of(d)
		fmt.Printf("%-28s %-18s %s..%s\n", ws, w, w.Start(), w.Last())
	}
	// Output:
	// ISO weeks                    2025-W01           2024-12-30..2025-01-05
	// weeks from Sunday            2024-12-29/P1W     2024-12-29..2025-01-04
	// program weeks from admission 2024-12-18/W2      2024-12-25..2024-12-31
}

// The first week of an episode, admitted on a Thursday, is held to 4/7 of
// the weekly minimum when the profile prorates partial weeks.
func ExampleChecker_CheckWeek_partialWeek() {
	ck, _ := schedule.NewChecker(ioprules.ASAM3Level21())
	week := schedule.ISOWeeks().Of(date.New(2025, 3, 6))
	sum, _ := ck.Summarize(week, []schedule.Session{
		{Patient: "p-7", Date: date.New(2025, 3, 6), Start: schedule.MustParseClock("17:00"), Planned: 180, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended},
		{Patient: "p-7", Date: date.New(2025, 3, 7), Start: schedule.MustParseClock("17:00"), Planned: 150, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended},
	})
	findings, _ := ck.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 3, 6)})
	for _, f := range findings {
		fmt.Println(f.Severity, ck.Rules().Message(f))
	}
	fmt.Println("blocking:", findings.HasBlocking())
	// Output:
	// info a partial first or last week of the episode, held to an adjusted minimum: need 5h08m, got 5h30m
	// blocking: false
}

// Per-diem billing: the services of each day and the payment tier they
// reach.
func ExampleChecker_Days() {
	ck, _ := schedule.NewChecker(ioprules.MedicareIOP2025())
	week := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	var sessions []schedule.Session
	for day, n := range []int{4, 0, 3, 0, 2} {
		for j := range n {
			start, _ := schedule.ClockOf(9+j, 0)
			sessions = append(sessions, schedule.Session{Patient: "p-1", Date: week.Day(day), Start: start,
				Planned: 60, Kind: iop.ServiceKindIndividualTherapy, Attendance: schedule.AttendanceAttended})
		}
	}
	sum, err := ck.Summarize(week, sessions)
	if err != nil {
		panic(err)
	}
	for _, d := range ck.DaysIn(sum, iop.ProviderCMHC) {
		if d.Services == 0 {
			continue
		}
		tier := "not a paid program day"
		if d.HasTier {
			tier = d.Tier.Name + " (APC " + d.APC + ")"
		}
		fmt.Printf("%s %d services: %s\n", d.Weekday, d.Services, tier)
	}
	// Output:
	// Monday 4 services: 4 or more services (APC 5852)
	// Wednesday 3 services: 3 services (APC 5851)
	// Friday 2 services: not a paid program day
}

// When the certifications of a Medicare PHP patient fall due: at admission,
// by the 18th day of services (admission + 17), then every 30 days.
func ExampleCertificationDueDates() {
	rules := benefitOf(ioprules.MedicarePHP2025()).Certification
	for d := range schedule.CertificationDueDates(rules, date.New(2025, 1, 6), date.New(2025, 3, 31)) {
		fmt.Println(d)
	}
	// Output:
	// 2025-01-06
	// 2025-01-23
	// 2025-02-22
	// 2025-03-24
}

// Does a program that runs three 1-hour groups on Monday, Wednesday and
// Friday meet the Medicare IOP benefit, and H0015's per-day rule?
func ExampleChecker_FitTemplate() {
	t, err := schedule.ParseTemplate([]byte(`{"id":"mwf","days":["mon","wed","fri"],"start":"18:00","sessions":3,"minutes":"1h00m","kind":"group"}`))
	if err != nil {
		panic(err)
	}
	for _, p := range []iop.Profile{ioprules.MedicareIOP2025(), ioprules.H0015()} {
		ck, _ := schedule.NewChecker(p)
		fit, _ := ck.FitTemplate(t, iop.PopulationAdult)
		fmt.Printf("%s: %s a week, margin %s, meets: %t\n", p.ID, fit.Weekly, fit.Margin, fit.Meets())
	}
	// Output:
	// medicare-iop-2025: 9h00m a week, margin 0h00m, meets: true
	// hcpcs-h0015: 9h00m a week, margin 0h00m, meets: true
}

// The batch path: sessions of many patients in any order, one summary per
// patient-week out, sorted by patient and week.
func ExampleSummarizer() {
	ck, _ := schedule.NewChecker(ioprules.MedicareIOP2025())
	sz, _ := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	group := func(patient string, d date.Date, minutes iop.Minutes) schedule.Session {
		return schedule.Session{Patient: patient, Date: d, Start: schedule.MustParseClock("09:00"),
			Planned: minutes, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}
	}
	sessions := []schedule.Session{
		group("p-2", date.New(2025, 3, 10), 180),
		group("p-1", date.New(2025, 3, 3), 180),
		group("p-2", date.New(2025, 3, 3), 120),
		group("p-1", date.New(2025, 3, 4), 180),
	}
	sums, stats := sz.SummarizeSeq(nil, slices.Values(sessions))
	for _, s := range sums {
		fmt.Println(s.Patient, s.Week, s.Minutes, s.Days())
	}
	fmt.Printf("%+v\n", stats)
	// Output:
	// p-1 2025-W10 6h00m 2
	// p-2 2025-W10 2h00m 1
	// p-2 2025-W11 3h00m 1
	// {Sessions:4 Unplaced:0 Invalid:0 Patients:2 Weeks:3}
}

// A CSV export with a bad row: it is reported with its line number, and the
// rows after it are read.
func ExampleSessionReader() {
	in := `patient,date,start,minutes,kind,attendance,attended
p-1,2025-03-03,09:00,180,group,attended,
p-1,2025-02-30,09:00,180,group,attended,
p-1,2025-03-05,09:00,180,group,partial,200
p-1,2025-03-07,22:00,180,group,attended,
`
	cr, err := schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{})
	if err != nil {
		panic(err)
	}
	for s, err := range cr.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println("read", s.Date, s.Planned)
	}
	// Output:
	// read 2025-03-03 3h00m
	// line 3: date: invalid date
	// line 4: attended: out of range: attended above planned
	// line 5: minutes: out of range: session crosses midnight
}

// A session recorded as two instants on the night US clocks spring forward
// lasts what elapsed, not what the wall clock says.
func ExampleSession_WithSpan() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	s, err := schedule.Session{Patient: "p-1", Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}.
		WithSpan(time.Date(2025, 3, 9, 1, 0, 0, 0, ny), time.Date(2025, 3, 9, 4, 0, 0, 0, ny), ny)
	fmt.Println(s.Date, s.Start, s.Planned, err)
	// Output:
	// 2025-03-09 01:00 2h00m <nil>
}

// A billing job on a claim-line export: columns named the export's way, an
// extra column ignored, lines turned into service by the profile's claim
// rules, each patient-week checked in a hospital outpatient department,
// and each claim checked for what a Medicare IOP claim must carry.
func Example_claimLines() {
	export := `member,claim_id,line,dos,rev,hcpcs,modifier1,units,clinician,bill_type,condition1
p-042,c-9001,1,2025-03-03,0915,G0410,,2,Dr A,0131,92
p-042,c-9001,2,2025-03-03,0914,90834,,1,Dr B,0131,92
p-042,c-9001,3,2025-03-03,0904,G0176,,1,Dr C,0131,92
p-042,c-9001,4,2025-03-05,0915,G0410,,2,Dr A,0131,92
p-042,c-9001,5,2025-03-05,0915,90853,,1,Dr A,0131,92
p-042,c-9001,6,2025-03-07,0914,90834,95,1,Dr B,0131,92
`
	ck, _ := schedule.NewChecker(ioprules.MedicareIOP2025())
	cr, err := schedule.NewClaimReader(strings.NewReader(export), schedule.CSVOptions{
		Columns:     map[string]string{"member": "patient", "claim_id": "claim", "dos": "date", "rev": "revenue", "hcpcs": "code"},
		IgnoreExtra: true,
	})
	if err != nil {
		panic(err)
	}
	var lines []schedule.ClaimLine
	for l, err := range cr.All() {
		if err != nil {
			fmt.Println(err) // a refused row, with its line; no cell value
			continue
		}
		lines = append(lines, l)
	}
	fmt.Println("ignored columns:", cr.Extra())

	sz, _ := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	sums, _ := sz.SummarizeClaims(nil, lines)
	findings, _ := ck.AppendClaims(nil, lines)
	episode := schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 2, 3), Setting: iop.ProviderHospitalOutpatient}
	for _, s := range sums {
		fmt.Println(s.Patient, s.Week, s.Minutes, "counted,", s.UncountedMinutes, "not")
		for _, d := range ck.DaysIn(s, episode.Setting) {
			if d.Services > 0 {
				fmt.Println(" ", d.Weekday, d.Services, "services,", d.Pay, "APC", cmp.Or(d.APC, "none"))
			}
		}
		findings, _ = ck.AppendWeek(findings, &s, episode)
	}
	for _, f := range findings {
		fmt.Println(f.Severity, f.Code, f.Subject+":", ck.Rules().Message(f))
	}
	// Output:
	// ignored columns: [clinician]
	// p-042 2025-W10 4h30m counted, 0h45m not
	//   Monday 3 services, per-diem APC 5861
	//   Wednesday 1 services, individual APC none
	// blocking schedule.claim.code-excluded c-9001: claim lines with a code not to be reported on a program claim at input line 6 on 2025-03-05 (90853): 1
	// warning schedule.weekly-minutes.below-minimum p-042: counted service time below the weekly minimum: need 9h00m, got 4h30m
	// warning schedule.day-services.below-tier p-042: too few countable services for a paid program day on 2025-03-05 (individual): need 3, got 1
	// info schedule.weekly-minutes.uncounted p-042: time attended in sessions that do not count toward the hours, not counted: 0h45m
}

// What a Medicare IOP certification states (42 CFR 424.24(d)): a day of
// service under a recertification that lacks the treatment goals toward
// discharge is held, that day only, and a plan of care set up by a
// counselor is not the physician's plan the regulation asks for.
func ExampleChecker_CheckCertificationContent() {
	ck, _ := schedule.NewChecker(ioprules.MedicareIOP2025())
	adm := date.New(2025, 3, 3)
	w := schedule.ISOWeeks().Of(adm + 60) // the week of day 60, a Friday
	var sessions []schedule.Session
	for _, d := range []date.Date{w.Start(), w.Start() + 4} {
		sessions = append(sessions, schedule.Session{Patient: "p-1", Date: d, Start: schedule.MustParseClock("09:00"),
			Planned: 240, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
	}
	sum, _ := ck.Summarize(w, sessions)
	c := schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, adm + 60},
		Content: []schedule.CertificationContent{
			{States: iop.SetOf(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)},
			{States: iop.SetOf(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms)},
		},
		Plan: &schedule.TreatmentPlan{Established: adm, By: schedule.PlanAuthorOtherClinician, Sets: iop.SetOf(iop.All[schedule.PlanElement]()...)},
	}
	fs, _ := ck.CheckCertificationContent(&sum, c)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code, f.Scope, f.Ref)
	}
	held, week := fs.Held()
	fmt.Println("days held:", held, "week held:", week)
	// Output:
	// blocking schedule.certification.content-missing day discharge-goals
	// blocking schedule.plan.author week other-clinician
	// days held: [2025-05-02] week held: true
}
