package aftercare_test

import (
	"strconv"

	"github.com/rickb777/date/v2"
)

func itoa(n int) string { return strconv.Itoa(n) }

func dateDays(n int) date.Date { return date.Date(n) }
