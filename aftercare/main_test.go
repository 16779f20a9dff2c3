package aftercare_test

import (
	"os"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/internal/checktest"
)

// cover proves that every code of the rule table is produced by some test
// and that every finding has the severity its profile gives it.
var cover = checktest.New(aftercare.Rules())

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }
