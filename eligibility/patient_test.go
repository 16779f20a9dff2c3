package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPatientCriteria: the patient criteria of 42 CFR 410.44(c) (IOP) as
// the Medicare IOP profile holds them, judged on the admission (PHP's
// 410.43(c) criteria: TestPHPPatientCriteria): each documented as not met, or contradicted by the
// assessment, blocks; each not recorded is not judged, at the same force;
// all met gives nothing.
func TestPatientCriteria(t *testing.T) {
	iopCk := newChecker(t, ioprules.MedicareIOP2025())
	all := iop.SetOf(iop.All[eligibility.PatientCriterion]()...)
	iopSet := all &^ iop.SetOf(eligibility.PatientCriterionInpatientRisk)
	notMet := func(c eligibility.PatientCriterion) iop.Finding {
		return criterionFinding(t, eligibility.CodeAdmissionPatientNotMet, c)
	}
	notJudged := func(c eligibility.PatientCriterion) iop.Finding {
		return criterionFinding(t, eligibility.CodeAdmissionPatientNotJudged, c)
	}
	with := func(rec eligibility.PatientRecord, mods ...eligibility.Modifier) eligibility.Decision {
		return decideRecord(t, iopRisks, rec, mods...)
	}
	tests := []struct {
		name string
		ck   eligibility.Checker
		d    eligibility.Decision
		want iop.Findings
	}{
		{"IOP: the seven met", iopCk, with(eligibility.PatientRecord{Met: iopSet}), nil},
		{"IOP: the seven met and PHP's inpatient risk not: not an IOP criterion", iopCk,
			with(eligibility.PatientRecord{Met: iopSet, NotMet: iop.SetOf(eligibility.PatientCriterionInpatientRisk)}), nil},
		{"IOP: no support system", iopCk,
			with(eligibility.PatientRecord{Met: iopSet &^ iop.SetOf(eligibility.PatientCriterionSupport), NotMet: iop.SetOf(eligibility.PatientCriterionSupport)}),
			iop.Findings{notMet(eligibility.PatientCriterionSupport)}},
		{"IOP: needs 24-hour care and cannot take part", iopCk,
			with(eligibility.PatientRecord{Met: iopSet &^ iop.SetOf(eligibility.PatientCriterionNo24Hour, eligibility.PatientCriterionCanParticipate),
				NotMet: iop.SetOf(eligibility.PatientCriterionNo24Hour, eligibility.PatientCriterionCanParticipate)}),
			iop.Findings{notMet(eligibility.PatientCriterionNo24Hour), notMet(eligibility.PatientCriterionCanParticipate)}},
		{"IOP: 'not dangerous' recorded as met, with imminent danger assessed", iopCk,
			with(eligibility.PatientRecord{Met: iopSet}, eligibility.ModifierImminentDanger),
			iop.Findings{finding(t, eligibility.CodeAdmissionImminentDanger, "A-1", 0, 0, 0),
				finding(t, eligibility.CodeAdmissionNeeds24Hour, "A-1", int64(iop.Level37), int64(iop.Level21), iop.UnitLevel),
				notMet(eligibility.PatientCriterionNotDangerous)}},
		{"IOP: the diagnosis not recorded", iopCk,
			with(eligibility.PatientRecord{Met: iopSet &^ iop.SetOf(eligibility.PatientCriterionDiagnosis)}),
			iop.Findings{notJudged(eligibility.PatientCriterionDiagnosis)}},
		{"IOP: nothing recorded: each not judged", iopCk, with(eligibility.PatientRecord{}), iop.Findings{
			notJudged(eligibility.PatientCriterionNeedsHours), notJudged(eligibility.PatientCriterionBenefits), notJudged(eligibility.PatientCriterionNo24Hour),
			notJudged(eligibility.PatientCriterionSupport), notJudged(eligibility.PatientCriterionDiagnosis), notJudged(eligibility.PatientCriterionNotDangerous),
			notJudged(eligibility.PatientCriterionCanParticipate)}},
		{"a profile without patient criteria judges none", newChecker(t, ioprules.ASAM3Level21()), with(eligibility.PatientRecord{}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, admission(t, tt.ck, tt.d, iop.Hours(9)))
		})
	}
	t.Run("blocking", func(t *testing.T) {
		d := with(eligibility.PatientRecord{})
		fs, err := iopCk.CheckAdmission(&d, iop.Hours(9))
		require.NoError(t, err)
		require.ErrorIs(t, fs.BlockingErr(), eligibility.CodeAdmissionPatientNotJudged)
	})
	// Not judged is at the force of the rule it could not apply, as its
	// code's doc says: a profile that makes a criterion not met a warning
	// makes one not recorded a warning, in the findings and in the
	// checker's table alike; one that turns it off judges nothing.
	t.Run("at the force of the not-met rule", func(t *testing.T) {
		d := with(eligibility.PatientRecord{Met: iopSet &^ iop.SetOf(eligibility.PatientCriterionDiagnosis)})
		for _, tt := range []struct {
			name    string
			setting iop.RuleSetting
			want    iop.Findings
		}{
			{"a warning", iop.RuleSetting{Code: eligibility.CodeAdmissionPatientNotMet, Severity: iop.SeverityWarning, Cite: iop.Citation{Source: "payer contract"}},
				iop.Findings{{Code: eligibility.CodeAdmissionPatientNotJudged, Severity: iop.SeverityWarning, Subject: "A-1",
					Ref: eligibility.PatientCriterionDiagnosis.String()}}},
			{"off", iop.RuleSetting{Code: eligibility.CodeAdmissionPatientNotMet, Off: true, Cite: iop.Citation{Source: "payer contract"}}, nil},
		} {
			t.Run(tt.name, func(t *testing.T) {
				p := ioprules.MedicareIOP2025()
				p.Rules = append(p.Rules, tt.setting)
				ck := newChecker(t, p)
				fs, err := ck.CheckAdmission(&d, iop.Hours(9))
				require.NoError(t, err)
				assert.Equal(t, tt.want, fs)
				r, ok := ck.Rules().Rule(eligibility.CodeAdmissionPatientNotJudged)
				require.True(t, ok)
				assert.Equal(t, tt.setting.Severity, r.Severity, "the checker's table says what its findings carry")
			})
		}
	})
}

func TestPatientRecordValidate(t *testing.T) {
	a := assess(t, iopRisks)
	a.Patient = eligibility.PatientRecord{Met: iop.SetOf(eligibility.PatientCriterionSupport), NotMet: iop.SetOf(eligibility.PatientCriterionSupport)}
	var fes iop.FieldErrors
	require.ErrorAs(t, a.Validate(), &fes)
	require.Len(t, fes, 1)
	assert.Equal(t, "patient", fes[0].Field)
	require.ErrorIs(t, fes[0], iop.ErrDuplicate)

	a.Patient = eligibility.PatientRecord{Met: iop.SetOf(eligibility.PatientCriterionSupport, eligibility.PatientCriterionDiagnosis)}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back eligibility.Assessment
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a, back)
	assert.Contains(t, string(b), `"patient":{"met":["support-system","mental-health-diagnosis"]}`)
}
