module github.com/ioprules/ioprules/fhir

go 1.26.0

require (
	github.com/ioprules/ioprules v0.0.0
	github.com/rickb777/date/v2 v2.3.1
	github.com/samply/golang-fhir-models/fhir-models v0.3.2
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/period v1.0.21 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace github.com/ioprules/ioprules => ../
