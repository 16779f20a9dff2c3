package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// phpRisks are ratings for which the default criteria recommend 2.5.
var phpRisks = [6]int{0, 1, 1, 1, 3, 1}

// phpCriteria are the patient criteria of 42 CFR 410.43(c) as the Medicare
// PHP profiles require them: the seven of IOP and the risk of inpatient
// care (or the step down from it).
var phpCriteria = iop.SetOf(iop.All[eligibility.PatientCriterion]()...)

// TestPHPPatientCriteria: under a Medicare PHP profile (level 2.5) the
// admission check judges 410.43(c)'s patient criteria as it judges
// 410.44(c)'s under IOP: each criterion documented as not met, or
// contradicted by the assessment, blocks; each not recorded is not judged,
// at the same force; all eight met give nothing. 20 hours planned: the
// weekly minimum of 410.43(c)(1).
func TestPHPPatientCriteria(t *testing.T) {
	ck := newChecker(t, ioprules.MedicarePHP2025())
	notMet := func(c eligibility.PatientCriterion) iop.Finding {
		return criterionFinding(t, eligibility.CodeAdmissionPatientNotMet, c)
	}
	notJudged := func(c eligibility.PatientCriterion) iop.Finding {
		return criterionFinding(t, eligibility.CodeAdmissionPatientNotJudged, c)
	}
	with := func(rec eligibility.PatientRecord, mods ...eligibility.Modifier) eligibility.Decision {
		return decideRecord(t, phpRisks, rec, mods...)
	}
	require.Equal(t, iop.Level25, with(eligibility.PatientRecord{}).Recommended(), "phpRisks recommend 2.5")
	t.Run("all eight met", func(t *testing.T) {
		assert.Nil(t, admission(t, ck, with(eligibility.PatientRecord{Met: phpCriteria}), iop.Hours(20)))
	})
	for c := range phpCriteria.All() {
		others := phpCriteria &^ iop.SetOf(c)
		t.Run(c.String()+" not met", func(t *testing.T) {
			d := with(eligibility.PatientRecord{Met: others, NotMet: iop.SetOf(c)})
			assert.Equal(t, iop.Findings{notMet(c)}, admission(t, ck, d, iop.Hours(20)))
		})
		t.Run(c.String()+" not recorded", func(t *testing.T) {
			d := with(eligibility.PatientRecord{Met: others})
			assert.Equal(t, iop.Findings{notJudged(c)}, admission(t, ck, d, iop.Hours(20)))
		})
	}
	t.Run("'not dangerous' recorded as met, contradicted by imminent danger", func(t *testing.T) {
		d := with(eligibility.PatientRecord{Met: phpCriteria}, eligibility.ModifierImminentDanger)
		assert.Equal(t, iop.Findings{finding(t, eligibility.CodeAdmissionImminentDanger, "A-1", 0, 0, 0),
			finding(t, eligibility.CodeAdmissionNeeds24Hour, "A-1", int64(iop.Level37), int64(iop.Level25), iop.UnitLevel),
			notMet(eligibility.PatientCriterionNotDangerous)}, admission(t, ck, d, iop.Hours(20)))
	})
	t.Run("nothing recorded: each of the eight not judged, blocking", func(t *testing.T) {
		var want iop.Findings
		for c := range phpCriteria.All() {
			want = append(want, notJudged(c))
		}
		d := with(eligibility.PatientRecord{})
		fs := admission(t, ck, d, iop.Hours(20))
		assert.Equal(t, want, fs)
		require.ErrorIs(t, fs.BlockingErr(), eligibility.CodeAdmissionPatientNotJudged)
	})
	t.Run("the IOP profile does not require the inpatient risk", func(t *testing.T) {
		iopCk := newChecker(t, ioprules.MedicareIOP2025())
		a := assess(t, iopRisks)
		a.Patient = eligibility.PatientRecord{Met: phpCriteria &^ iop.SetOf(eligibility.PatientCriterionInpatientRisk)}
		assert.Nil(t, admission(t, iopCk, decide(t, a), iop.Hours(9)))
	})
}

// TestPHPAdmission: the rest of the admission check under a level 2.5
// profile: the decision's level against 2.5, and the 20-hour weekly
// minimum of 42 CFR 410.43(c)(1) from the profile's schedule part, both
// ends included (19h59m below, 20h00m within; no maximum).
func TestPHPAdmission(t *testing.T) {
	ck := newChecker(t, ioprules.MedicarePHP2025())
	met := func(risks [6]int) eligibility.Decision {
		a := assess(t, risks)
		a.Patient = eligibility.PatientRecord{Met: phpCriteria}
		return decide(t, a)
	}
	tests := []struct {
		name    string
		d       eligibility.Decision
		planned iop.Minutes
		want    iop.Findings
	}{
		{"20h00m: the minimum", met(phpRisks), iop.Hours(20), nil},
		{"19h59m: below the minimum", met(phpRisks), iop.Hours(20) - 1,
			iop.Findings{finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", int64(iop.Hours(20)), int64(iop.Hours(20)-1), iop.UnitMinutes)}},
		{"40h00m: no maximum", met(phpRisks), iop.Hours(40), nil},
		{"a decision recommending IOP: below the program's level", met(iopRisks), iop.Hours(20),
			iop.Findings{finding(t, eligibility.CodeAdmissionBelowIOP, "A-1", int64(iop.Level21), int64(iop.Level25), iop.UnitLevel)}},
		{"a decision placing the person in IOP: placed elsewhere", place(t, met(phpRisks), iop.Level21, eligibility.VarianceReasonPatientPreference, "n-1"), iop.Hours(20),
			iop.Findings{finding(t, eligibility.CodeAdmissionPlacedElsewhere, "A-1", int64(iop.Level25), int64(iop.Level21), iop.UnitLevel)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, admission(t, ck, tt.d, tt.planned))
		})
	}
}

// TestPHPStayChecksRefuse: the continued-stay, transfer and discharge
// checks judge an IOP stay; under a level 2.5 profile each returns an
// error naming the profile's level, and no findings.
func TestPHPStayChecksRefuse(t *testing.T) {
	ck := newChecker(t, ioprules.MedicarePHP2025())
	d := decideRisks(t, phpRisks)
	rv := eligibility.Review{Current: d, Progress: eligibility.ProgressMade}
	x := eligibility.DischargeReview{Final: d}
	dst := iop.Findings{finding(t, eligibility.CodeStayBeyondTypical, "A-0", 0, 0, 0)}
	checks := map[string]func() (iop.Findings, error){
		"CheckContinuedStay":    func() (iop.Findings, error) { return ck.CheckContinuedStay(&rv) },
		"CheckTransfer":         func() (iop.Findings, error) { return ck.CheckTransfer(&rv) },
		"CheckDischargeReview":  func() (iop.Findings, error) { return ck.CheckDischargeReview(&x) },
		"AppendContinuedStay":   func() (iop.Findings, error) { return ck.AppendContinuedStay(dst, &rv) },
		"AppendTransfer":        func() (iop.Findings, error) { return ck.AppendTransfer(dst, &rv) },
		"AppendDischargeReview": func() (iop.Findings, error) { return ck.AppendDischargeReview(dst, &x) },
	}
	for name, check := range checks {
		t.Run(name, func(t *testing.T) {
			fs, err := check()
			requireFields(t, err, fieldWant{"level", iop.ErrOutOfRange})
			if name[0] == 'A' {
				assert.Equal(t, dst, fs, "dst unchanged")
			} else {
				assert.Nil(t, fs)
			}
		})
	}
}
