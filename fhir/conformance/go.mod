module github.com/ioprules/ioprules/fhir/conformance

go 1.26.0

replace (
	github.com/ioprules/ioprules => ../..
	github.com/ioprules/ioprules/fhir => ..
)

require (
	github.com/google/fhir/go v0.7.4 // indirect
	github.com/json-iterator/go v1.1.12 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
)
