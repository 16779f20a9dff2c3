module github.com/ioprules/ioprules/examples/web

go 1.26.0

require (
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/ioprules/ioprules v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/govalues/decimal v0.1.36 // indirect
	github.com/rickb777/date/v2 v2.3.1 // indirect
	github.com/rickb777/period v1.0.21 // indirect
	github.com/rickb777/plural v1.4.7 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace github.com/ioprules/ioprules => ../..
