// Package conformance checks what the fhir module emits with the
// reference FHIR implementation, github.com/google/fhir/go (R4
// jsonformat.Unmarshaller, which validates required elements, codes and
// dates). It is a module of its own so that its build never reaches the
// users of github.com/ioprules/ioprules/fhir. It holds tests only.
package conformance
