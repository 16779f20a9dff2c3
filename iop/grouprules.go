package iop

// SizeFor returns the group sizes the rules allow for a group of kind k:
// EducationMinSize and EducationMaxSize when k is one of EducationKinds and
// they are set, MinSize and MaxSize otherwise. Zero means no bound.
func (r GroupRules) SizeFor(k GroupKind) (minSize, maxSize int) {
	if r.EducationKinds.Has(k) {
		return r.educationSizes()
	}
	return r.MinSize, r.MaxSize
}

// educationSizes returns the bounds of the education kinds, each falling
// back to the general one when zero.
func (r GroupRules) educationSizes() (minSize, maxSize int) {
	minSize, maxSize = r.MinSize, r.MaxSize
	if r.EducationMinSize != 0 {
		minSize = r.EducationMinSize
	}
	if r.EducationMaxSize != 0 {
		maxSize = r.EducationMaxSize
	}
	return minSize, maxSize
}

// LicensedRequired reports whether a group of kind k needs a licensed
// facilitator under these rules.
func (r GroupRules) LicensedRequired(k GroupKind) bool {
	return r.RequireLicensed && !r.LicensedExempt.Has(k)
}

// Facilitators returns the fewest facilitators the rules require for a
// group with counted participants: MinFacilitators, two above
// CoFacilitatorAbove, enough to keep within MaxPerFacilitator, and at least
// one.
func (r GroupRules) Facilitators(counted int) int {
	need := max(1, r.MinFacilitators)
	if r.CoFacilitatorAbove > 0 && counted > r.CoFacilitatorAbove {
		need = max(need, 2)
	}
	if r.MaxPerFacilitator > 0 {
		need = max(need, (counted+r.MaxPerFacilitator-1)/r.MaxPerFacilitator)
	}
	return need
}
