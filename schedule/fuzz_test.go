package schedule_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeJSON decodes arbitrary JSON as the package's other decoded
// types (episode, certifications, week summary): never a panic, errors
// are field errors, and what decodes re-encodes to the same bytes.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"population":"adolescent","admitted":"2024-02-29","discharged":"2024-03-31","step_down":{"date":"2024-03-18","from":"2.1","to":"1"}}`))
	f.Add([]byte(`{"admitted":"2025-01-06","signed":["2025-01-06","2025-01-24"],"reviewed":["2025-02-05"]}`))
	f.Add([]byte(`{"admitted":"2025-01-06","signed":["2025-01-06"],"content":[{"states":["needs-weekly-hours","under-physician-care"]},{}],"plan":{"established":"2025-01-06","by":"physician","sets":["goals","diagnosis"]}}`))
	f.Add([]byte(`{"admitted":"2025-01-06","content":[{"states":["Jane Doe"]}],"plan":{"established":"2025-02-30","by":"nurse"}}`))
	f.Add([]byte(`{"population":"child","admitted":"2025-02-30"}`))
	f.Add([]byte(`{"patient":"p-1","week":"2024-12-18/W-2","minutes":"9h00m","day_services":[1,2,3,0,0,0,65535]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e schedule.Stay
		if err := e.UnmarshalJSON(data); err == nil {
			_ = e.Validate()
			jsonRoundTrip(t, e, (*schedule.Stay).UnmarshalJSON)
		} else {
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
		}
		var cs schedule.Certifications
		if cs.UnmarshalJSON(data) == nil {
			_ = cs.Validate()
			jsonRoundTrip(t, cs, (*schedule.Certifications).UnmarshalJSON)
		}
		var s schedule.WeekSummary
		if s.UnmarshalJSON(data) == nil {
			jsonRoundTrip(t, s, (*schedule.WeekSummary).UnmarshalJSON)
		}
	})
}

// FuzzClaimReader reads arbitrary input as claim lines, mapped columns and
// extra ones ignored: never a panic; rows in = rows read + rows refused
// (every non-blank line after the header is in a row read or refused, each
// refused row with its lines); messages in the package's own words; the
// lines read validate.
func FuzzClaimReader(f *testing.F) {
	f.Add("patient,claim,line,date,revenue,code,units,x\np-1,c-1,1,2025-03-03,0915,G0410,2,y\n")
	f.Add("\uFEFFmember,claim,line,date,hcpcs\np-1,c-1,1,2025-02-30,G0410\np-1,\"c-1,2,2025-03-03,G0410\np-2,c,3,2025-03-03,90834\n")
	f.Add("patient,claim,line,date,code,minutes,modifier1\np-1,c-1,0,2025-03-03,g0410,-1,9\n")
	f.Add("patient,claim,line,date,code,bill_type,replaces\n'=p,c-2,1,2025-03-03,G0410,0137,c-1\np-1,c-3,1,2025-03-03,G0410,0138,\"c\x01\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		opt := schedule.CSVOptions{Columns: map[string]string{"member": "patient", "hcpcs": "code"}, IgnoreExtra: true, MaxErrors: -1}
		cr, err := schedule.NewClaimReader(strings.NewReader(in), opt)
		if err != nil {
			return // a header refused: see FuzzSessionReader for its words
		}
		lines := len(refLines(in))
		covered := map[int]bool{}
		for l, err := range cr.All() {
			first, last := cr.Lines()
			require.True(t, first > headerEnd(in) && first <= last && last <= lines, "lines %d-%d of %d", first, last, lines)
			for n := first; n <= last; n++ {
				covered[n] = true
			}
			if err != nil {
				var re *schedule.RowError
				require.ErrorAs(t, err, &re)
				require.Equal(t, first, re.Line)
				ownWords(t, err)
				continue
			}
			require.NoError(t, l.Validate())
			require.Equal(t, iop.InputLine(first), l.Input, "a line carries the line its row starts on")
		}
		for i, line := range refLines(in) {
			if n := i + 1; n > headerEnd(in) && line != "" {
				require.True(t, covered[n], "line %d was lost", n)
			}
		}
	})
}

// FuzzParseSessions decodes arbitrary JSON as sessions: never a panic; an
// error is field errors that never hold a string of the input; what
// decodes re-encodes and decodes to the same sessions.
func FuzzParseSessions(f *testing.F) {
	f.Add([]byte(`[{"patient":"p-1","date":"2025-03-03","start":"09:00","minutes":"3h00m","kind":"group","attendance":"attended","delivery":"video"}]`))
	f.Add([]byte(`[{"patient":"Jane Doe 1980-01-01","date":"0000-01-01","start":"25:00","minutes":"x","kind":"Jane"}]`))
	f.Add([]byte("[{\"patient\":\"p\xff\",\"id\":\"\\u0000\"}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, err := schedule.ParseSessions(data)
		if !json.Valid(data) && !errors.Is(err, iop.ErrSyntax) {
			require.ErrorIs(t, err, iop.ErrTooLarge, "invalid JSON accepted") // past the cap of errors
		}
		if err != nil {
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
			var strs []string
			if json.Unmarshal(data, &strs) == nil {
				for _, s := range strs {
					noInput(t, err, s)
				}
			}
			return
		}
		b, err := json.Marshal(ss)
		require.NoError(t, err)
		again, err := schedule.ParseSessions(b)
		require.NoError(t, err)
		if len(ss) == 0 {
			require.Empty(t, again)
			return
		}
		require.Equal(t, ss, again)
	})
}

// FuzzWithSpan builds sessions from arbitrary instants in zones whose
// clocks change at midnight: never a panic, and what WithSpan returns
// passes Validate.
func FuzzWithSpan(f *testing.F) {
	f.Add(int64(1730606400), int64(3600), uint8(0))
	f.Add(int64(1725764400), int64(86400), uint8(1))
	f.Fuzz(func(t *testing.T, start, length int64, zone uint8) {
		names := []string{"America/Havana", "America/Santiago", "Asia/Beirut", "UTC"}
		loc, err := time.LoadLocation(names[int(zone)%len(names)])
		if err != nil {
			t.Skip(err)
		}
		st := time.Unix(start%(1<<34), 0)
		s, err := schedule.Session{Patient: "p-1", Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}.
			WithSpan(st, st.Add(time.Duration(length%(3<<40))), loc)
		if err != nil {
			require.ErrorIs(t, err, iop.ErrOutOfRange)
			return
		}
		if iop.CheckServiceDate(s.Date) == nil {
			require.NoError(t, s.Validate())
		}
	})
}

// headerEnd returns the last line of the header row of a CSV input.
func headerEnd(in string) int {
	for i, l := range refLines(strings.TrimPrefix(in, "\uFEFF")) {
		if l != "" {
			return i + 1
		}
	}
	return 1
}

// refLines splits in into lines as the readers do, independently of
// them: LF, CRLF and a lone CR each end a line, quotes or not.
func refLines(in string) []string {
	return strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(in), "\n")
}
