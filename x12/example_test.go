package x12_test

import (
	"fmt"
	"strings"

	"github.com/ioprules/ioprules/x12"
)

// An 837I of one IOP claim with two service lines, read into claim lines.
// The names and the birth date of its NM1 and DMG segments do not leave the
// reader.
func Example() {
	const edi = `ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*MACRECEIVER    *250310*1200*^*00501*000000101*0*T*:~
GS*HC*SUBMITTER01*MACRECEIVER*20250310*1200*101*X*005010X223A2~
ST*837*0001*005010X223A2~
BHT*0019*00*BATCH0001*20250310*1200*CH~
HL*1**20*1~
NM1*85*2*RIVERSIDE HOSPITAL*****XX*1234567893~
HL*2*1*22*0~
SBR*P*18*******MA~
NM1*IL*1*DOE*JANE****MI*1EG4TE5MK73~
DMG*D8*19600101*F~
CLM*c-5001*450***13:A:1**A*Y*Y~
DTP*434*RD8*20250303-20250303~
CL1*2*1*30~
REF*EA*p-101~
HI*BG:92~
LX*1~
SV2*0905*HC:G0410*300*UN*2~
LX*2~
SV2*0905*HC:90853*150*UN*1~
SE*18*0001~
GE*1*101~
IEA*1*000000101~
`
	r, err := x12.NewReader(strings.NewReader(edi), x12.Options{})
	if err != nil {
		panic(err)
	}
	for c, err := range r.All() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println("claim", c.ID, "patient", c.Patient, "type of bill", c.BillType(), "condition codes", c.ConditionCodes)
		for _, l := range c.Lines {
			fmt.Println(" line", l.Line, l.Date, l.Revenue, l.Code, "units", l.Units)
		}
	}
	fmt.Printf("%+v\n", r.Stats())
	// Output:
	// claim c-5001 patient p-101 type of bill 0131 condition codes [92]
	//  line 1 2025-03-03 0905 G0410 units 2
	//  line 2 2025-03-03 0905 90853 units 1
	// {Segments:22 Sets:1 Claims:1 ServiceLines:2 LinesRead:2 LinesRefused:0 Errors:0 ErrorsNotReported:0}
}
