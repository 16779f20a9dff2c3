package main

import (
	"io"

	"github.com/ioprules/ioprules/examples/internal/billing"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// The checking and reporting are package billing's, shared with the web
// page (examples/web); these are the names billingcheck knew them by.

const (
	sampleClaimsMap = billing.SampleClaimsColumns
	inputSessions   = billing.InputSessions
	inputClaims     = billing.InputClaims
	inputX12        = billing.InputX12
)

var (
	sampleSessions = billing.SampleSessions()
	sampleEpisodes = billing.SampleEpisodes()
	sampleClaims   = billing.SampleClaims()
	sampleX12      = billing.SampleX12()

	errInput       = billing.ErrInput
	errMapX12      = billing.ErrMapX12
	families       = billing.Families()
	episodeColumns = billing.EpisodeColumns()
	csvColumns     = billing.CSVColumns()
)

type column = billing.Column

func newRuleSet(name string) (*billing.Rules, bool, error) { return billing.NewRules(name) }
func familyOf(family string) (iop.Profiles, bool)          { return billing.FamilyOf(family) }
func inForce(p iop.Profile) string                         { return billing.InForce(p) }
func profileIDs() []string                                 { return billing.ProfileIDs() }
func sessionColumns() []column                             { return billing.SessionColumns() }
func claimColumns() []column                               { return billing.ClaimColumns() }
func quote(s string) string                                { return billing.Quote(s) }
func quoteAll(names []string) string                       { return billing.QuoteAll(names) }
func parseMap(s, kind string) (map[string]string, error)   { return billing.ParseColumns(s, kind) }
func isX12(r io.Reader) (io.Reader, bool)                  { return billing.IsX12(r) }
func parseWeeks(name string) (bool, schedule.Weeks, error) { return billing.ParseWeeks(name) }
func parseInput(name string) (string, error)               { return billing.ParseInput(name) }
func parseFormat(name string) (string, error)              { return billing.ParseFormat(name) }
func parseSetting(name string) (iop.Provider, error)       { return billing.ParseSetting(name) }
