package schedule_test

import (
	"os"
	"testing"

	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/schedule"
)

// cover records the findings the tests produce: every code of the rule
// table must be produced by some test, with the severity the table or the
// profile's setting gives it.
var cover = checktest.New(schedule.Rules())

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }
