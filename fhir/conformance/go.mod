module github.com/ioprules/ioprules/fhir/conformance

go 1.26.0

require (
	github.com/google/fhir/go v0.7.4
	github.com/stretchr/testify v1.12.1
	google.golang.org/protobuf v1.25.0
)

require (
	bitbucket.org/creachadair/stringset v0.0.9 // indirect
	github.com/golang/protobuf v1.4.3 // indirect
	github.com/json-iterator/go v1.1.12 // indirect
	github.com/modern-go/concurrent v0.0.0-20180306012644-bacd9c7ef1dd // indirect
	github.com/modern-go/reflect2 v1.0.2 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/serenize/snaker v0.0.0-20201027110005-a7ad2135616e // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace (
	github.com/ioprules/ioprules => ../..
	github.com/ioprules/ioprules/fhir => ..
)
