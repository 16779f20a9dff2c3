package fhir

import (
	"errors"
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

func ptr[T any](v T) *T { return &v }

func errorsIs(err, target error) bool { return errors.Is(err, target) }
