package iop

// Citation names the source of a rule: the regulation section, guideline
// edition or code definition that states it. The zero Citation is missing;
// [Profile.Validate] refuses a rule that is set without one. Citations are
// comparable and safe for concurrent use.
type Citation struct {
	// Source is the document and section: "42 CFR 410.44(c)",
	// "SAMHSA TIP 41 (2005), ch. 2", "HCPCS H0015".
	Source string `json:"source"`
	// Title is the section's title as the source titles it: "Intensive
	// outpatient services" for 42 CFR 410.44.
	Title string `json:"title,omitzero"`
	// Edition is the edition, effective date or final rule the source is
	// read from: "CY2024 OPPS/PFS final rule", "3rd edition (2013)".
	Edition string `json:"edition,omitzero"`
	// Note says how sure the library is of the value, when it is not sure:
	// "unconfirmed: sources disagree; default 60 days".
	Note string `json:"note,omitzero"`
	// URL is a public address of the text, where one exists.
	URL string `json:"url,omitzero"`
}

// IsZero reports whether c is missing.
func (c Citation) IsZero() bool { return c == Citation{} }

// String returns "Source (Edition)", or Source alone.
func (c Citation) String() string {
	if c.Edition == "" {
		return c.Source
	}
	return c.Source + " (" + c.Edition + ")"
}
