package schedule

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// The final answer of a claim export. Billers send claims again: a
// replacement (type of bill frequency 7) supersedes the claim it names, a
// void (frequency 8) removes it, and the claim to judge is the final one
// (RULES.md §2; the NUBC frequency codes). Beyond that no source says that
// two lines of the same service on one day are one service, so an exact
// repeat on two lines is reported, naming both, and counts as the profile
// says (once or twice).
//
// A replacement or void names the claim it replaces by its own claim ID
// (a biller's export keeps the patient control number across
// resubmissions) or by [ClaimLine.Replaces]. Replaces may hold the payer's
// claim control number (837I REF*F8), which need not be a claim ID of the
// export: when it names no claim of the input, the claim's own ID names
// the claim replaced, and when that supersedes nothing either, the
// replacement is reported (it counts alone: whatever it replaces is not in
// the input, or is under another ID and counts beside it). Lines come in runs: the
// consecutive lines with one claim ID and one type of bill are one
// submission. A replacement supersedes the lines of the claim it names on
// the days its own lines span (so the other bills of an interim series
// under the same ID stay), a void removes them; when two replacements of
// one claim cover a day, the later one in the input stands. An original
// is superseded whatever its place in the input.

// The kinds of event the final answer records.
const (
	eventReplaced        = iota + 1 // a run's lines superseded by a replacement (other: the replacement)
	eventVoided                     // a run's lines removed by a void (other: the void)
	eventReplacesUnknown            // a replacement or void names a claim not in the input
	eventRepeat                     // an exact repeat of a line (other, otherLine: the first)
	eventIOPPHPOverlap              // an IOP claim (92) whose days overlap a PHP claim (41) of the patient
)

// claimEvent is what the final answer found about a line or claim: lines
// are indices into the input.
type claimEvent struct {
	kind  int
	line  int // the line the event is about (a run's first line for a claim event)
	other int // the other line (the replacing run's first line, the first of a repeat, the PHP claim's first line); -1 when none
	day   date.Date
}

// frequency returns the frequency digit of a type of bill ("0137": '7'),
// and 0 when there is none.
func frequency(billType string) byte {
	if len(billType) < 3 {
		return 0
	}
	return billType[len(billType)-1]
}

// claimRun is one submission: lines [from, to) of one claim ID and type
// of bill, with the days they span.
type claimRun struct {
	from, to    int
	freq        byte
	first, last date.Date
}

// runsOf appends the runs of lines to runs.
func runsOf(runs []claimRun, lines []ClaimLine) []claimRun {
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && lines[j].Claim == lines[i].Claim && lines[j].BillType == lines[i].BillType &&
			lines[j].Replaces == lines[i].Replaces {
			j++
		}
		r := claimRun{from: i, to: j, freq: frequency(lines[i].BillType), first: lines[i].Date, last: lines[i].Date}
		for k := i + 1; k < j; k++ {
			r.first, r.last = min(r.first, lines[k].Date), max(r.last, lines[k].Date)
		}
		runs = append(runs, r)
		i = j
	}
	return runs
}

// finalLines sets keep[i] for each line of lines that stands in the final
// answer of the export, and appends to events what it found: the runs
// superseded or voided, the replacements that name no claim of the input,
// the exact repeats (same patient, date, code, modifiers and units on
// another claim or line number; with once set, the later one is not kept),
// and the IOP claims (condition code 92) whose days overlap a PHP claim
// (41) of the same patient (MM13222) when overlap is set. A line of a
// claim of the other program than cc's ([otherProgram]) is no repeat of a
// program line, nor a program line of it: the overlap of the two claims is
// their finding. keep must have len(lines) elements.
//
// A week's lines of a few claims with no replacement or void, the common
// case, are judged without allocating.
func finalLines(lines []ClaimLine, keep []bool, once bool, cc string, overlap bool, events []claimEvent) []claimEvent {
	var rb [8]claimRun
	runs := runsOf(rb[:0], lines)
	resent := false // a replacement or void among the runs
	for _, r := range runs {
		for k := r.from; k < r.to; k++ {
			keep[k] = r.freq != '8'
		}
		resent = resent || r.freq == '7' || r.freq == '8'
	}
	var byID map[string][]int // the runs of each claim ID, when one is resent
	if resent {
		byID = make(map[string][]int, len(runs))
		for i, r := range runs {
			id := lines[r.from].Claim
			byID[id] = append(byID[id], i)
		}
	}
	for i, r := range runs {
		if r.freq != '7' && r.freq != '8' {
			continue
		}
		kind := eventReplaced
		if r.freq == '8' {
			kind = eventVoided
		}
		target, named := lines[r.from].Claim, lines[r.from].Replaces
		unknown := false
		if named != "" {
			if _, ok := byID[named]; ok {
				target = named
			} else {
				// The payer's control number (837I REF*F8) need not be a
				// claim ID of the export: the claim's own ID then names
				// the claim replaced, if an earlier submission has it.
				named, unknown = "", true
			}
		}
		superseded := false
		for _, q := range byID[target] {
			o := runs[q]
			if q == i || o.freq == '8' || (o.freq == '7' && q > i && named == "") {
				continue // a void counts nothing; a later replacement stands
			}
			dropped := false
			for k := o.from; k < o.to; k++ {
				if keep[k] && (named != "" || (lines[k].Date >= r.first && lines[k].Date <= r.last)) {
					keep[k], dropped = false, true
				}
			}
			if dropped {
				superseded = true
				events = append(events, claimEvent{kind: kind, line: o.from, other: r.from, day: o.first})
			}
		}
		if unknown && !superseded {
			events = append(events, claimEvent{kind: eventReplacesUnknown, line: r.from, other: -1, day: r.first})
		}
	}
	events = repeats(lines, runs, keep, once, cc, events)
	if !overlap {
		return events
	}
	return overlaps(lines, runs, keep, events)
}

// repeatKey orders lines by patient, date, code, modifiers and units, then
// input order.
func repeatCmp(lines []ClaimLine) func(a, b int) int {
	return func(a, b int) int {
		la, lb := &lines[a], &lines[b]
		return cmp.Or(cmp.Compare(la.Patient, lb.Patient), cmp.Compare(la.Date, lb.Date), cmp.Compare(la.Code, lb.Code),
			slices.Compare(la.Modifiers[:], lb.Modifiers[:]), cmp.Compare(la.Units, lb.Units), cmp.Compare(a, b))
	}
}

// repeats appends an event for each kept line that repeats an earlier kept
// line of another claim or line number exactly; with once set, the repeat
// is not kept. The lines of a claim of the other program than cc's are
// left out.
func repeats(lines []ClaimLine, runs []claimRun, keep []bool, once bool, cc string, events []claimEvent) []claimEvent {
	var ib [smallWeek]int
	idx := ib[:0]
	for _, r := range runs {
		if ofOtherProgram(lines[r.from:r.to], cc) != "" {
			continue
		}
		for i := r.from; i < r.to; i++ {
			if keep[i] && lines[i].Code != "" {
				idx = append(idx, i)
			}
		}
	}
	if len(idx) < 2 || !maybeRepeats(lines, idx) {
		return events
	}
	by := repeatCmp(lines)
	slices.SortFunc(idx, by)
	first := idx[0]
	for _, i := range idx[1:] {
		a, b := &lines[first], &lines[i]
		same := a.Patient == b.Patient && a.Date == b.Date && a.Code == b.Code && a.Modifiers == b.Modifiers && a.Units == b.Units
		switch {
		case !same:
			first = i
		case a.Claim == b.Claim && a.Line == b.Line:
			// the same line twice: the input duplicate the counting takes once
		default:
			events = append(events, claimEvent{kind: eventRepeat, line: i, other: first, day: b.Date})
			if once {
				keep[i] = false
			}
		}
	}
	return events
}

// maybeRepeats reports whether two of the lines at idx share their date
// and code, the cheap half of being a repeat. A week's lines seldom do, and
// then [repeats] has nothing to order. Above smallWeek lines it answers
// true without looking (the sort is then the cheaper way to find them).
func maybeRepeats(lines []ClaimLine, idx []int) bool {
	if len(idx) > smallWeek {
		return true
	}
	for x, i := range idx {
		for _, j := range idx[:x] {
			if lines[i].Date == lines[j].Date && lines[i].Code == lines[j].Code {
				return true
			}
		}
	}
	return false
}

// overlaps appends an event for each kept IOP claim (a run with a line
// carrying condition code 92) whose days overlap those of a kept PHP claim
// (41) of the same patient.
func overlaps(lines []ClaimLine, runs []claimRun, keep []bool, events []claimEvent) []claimEvent {
	var iop, php []int
	for i, r := range runs {
		if !keep[r.from] {
			continue
		}
		for k := r.from; k < r.to; k++ {
			if lines[k].hasCondition("92") {
				iop = append(iop, i)
				break
			}
			if lines[k].hasCondition("41") {
				php = append(php, i)
				break
			}
		}
	}
	for _, i := range iop {
		a := runs[i]
		for _, j := range php {
			b := runs[j]
			if lines[a.from].Patient == lines[b.from].Patient && a.first <= b.last && b.first <= a.last {
				events = append(events, claimEvent{kind: eventIOPPHPOverlap, line: a.from, other: b.from, day: max(a.first, b.first)})
				break
			}
		}
	}
	return events
}

// finding returns the finding of event e about lines, without its code
// and severity, and the index of its rule.
func (e *claimEvent) finding(lines []ClaimLine) (int, iop.Finding) {
	l := &lines[e.line]
	f := iop.Finding{Subject: l.Claim, Day: e.day, Input: l.Input}
	switch e.kind {
	case eventReplaced, eventVoided:
		f.Ref = lines[e.other].Claim
		if e.kind == eventVoided {
			return ruleClaimVoided, f
		}
		return ruleClaimReplaced, f
	case eventReplacesUnknown:
		f.Ref = l.Replaces
		return ruleClaimReplacesUnknown, f
	case eventRepeat:
		o := &lines[e.other]
		f.Line, f.Ref = int32(l.Line), o.Claim+"#"+strconv.Itoa(o.Line)
		return ruleClaimLineRepeated, f
	}
	f.Ref = lines[e.other].Claim
	return ruleClaimIOPPHPOverlap, f
}

// otherProgram takes out of keep the lines of the claims of the other
// program than the one whose condition code is cc: under IOP rules ("92")
// the lines of a claim that carries 41 (PHP) and not 92, under PHP rules
// ("41") those of a claim that carries 92 and not 41. An IOP week does not
// count a PHP claim's services, nor the reverse: the condition code says
// which program a claim bills (CGS, Intensive Outpatient Program Services,
// citing MM13222), and their overlap is a claim finding of its own
// ([CodeClaimIOPPHPOverlap]). Claims are the runs of consecutive lines of
// one claim ID, type of bill and claim replaced. It does not allocate.
func otherProgram(lines []ClaimLine, keep []bool, cc string) {
	if otherCondition(cc) == "" {
		return
	}
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && lines[j].Claim == lines[i].Claim && lines[j].BillType == lines[i].BillType &&
			lines[j].Replaces == lines[i].Replaces {
			j++
		}
		if ofOtherProgram(lines[i:j], cc) != "" {
			clear(keep[i:j])
		}
		i = j
	}
}

// otherCondition returns the condition code of the other Medicare program
// than the one whose condition code is cc: 41 (PHP) for 92 (IOP), 92 for
// 41, and "" for any other cc (no other program to tell apart).
func otherCondition(cc string) string {
	switch cc {
	case "92":
		return "41"
	case "41":
		return "92"
	}
	return ""
}

// ofOtherProgram returns the other program's condition code (a constant,
// never the input's string) when the lines of one claim carry it and not
// cc, the condition code of the profile's program, and "" otherwise.
func ofOtherProgram(lines []ClaimLine, cc string) string {
	other := otherCondition(cc)
	if other == "" {
		return ""
	}
	ours, theirs := false, false
	for k := range lines {
		ours = ours || lines[k].hasCondition(cc)
		theirs = theirs || lines[k].hasCondition(other)
	}
	if theirs && !ours {
		return other
	}
	return ""
}
