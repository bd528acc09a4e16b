package ncp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"cloudadvisor/pricing"
)

// ParseError is a refused response: the byte offset in the file, the
// product's index in productPriceList (-1 outside a product) and why.
type ParseError struct {
	Offset  int64
	Product int
	Reason  string
}

func (e *ParseError) Error() string {
	if e.Product < 0 {
		return fmt.Sprintf("ncp: byte %d: %s", e.Offset, e.Reason)
	}
	return fmt.Sprintf("ncp: product %d (byte %d): %s", e.Product, e.Offset, e.Reason)
}

type code struct {
	Code     string `json:"code"`
	CodeName string `json:"codeName"`
}

type region struct {
	RegionCode string `json:"regionCode"`
	RegionName string `json:"regionName"`
}

type price struct {
	PriceNo       string          `json:"priceNo"`
	PriceType     code            `json:"priceType"`
	Region        region          `json:"region"`
	Unit          code            `json:"unit"`
	Price         json.RawMessage `json:"price"` // a number; read as an exact decimal
	ConditionType code            `json:"conditionType"`
	StartDate     string          `json:"startDate"`
	PayCurrency   code            `json:"payCurrency"`
}

type product struct {
	ProductItemKind       code        `json:"productItemKind"`
	ProductItemKindDetail code        `json:"productItemKindDetail"`
	ProductCode           string      `json:"productCode"`
	ProductName           string      `json:"productName"`
	ProductDescription    string      `json:"productDescription"`
	CPUCount              json.Number `json:"cpuCount"`
	MemorySize            json.Number `json:"memorySize"`
	GPUCount              json.Number `json:"gpuCount"`
	DiskDetailType        code        `json:"diskDetailType"`
	PriceList             []price     `json:"priceList"`
}

type response struct {
	ReturnCode    json.Number `json:"returnCode"`
	ReturnMessage string      `json:"returnMessage"`
	TotalRows     int         `json:"totalRows"`
	Products      *[]product  `json:"productPriceList"`
}

// Parse reads getProductPriceList JSON responses (one or several, one after
// the other) and sends their offers to sink. source is recorded on every
// offer; asOf dates prices without a startDate. Malformed JSON, a response
// that is not getProductPriceList or reports a failure, or a price that is
// not a decimal stops the parse with a *ParseError naming where.
func Parse(r io.Reader, source string, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	var st pricing.ImportStats
	dec := json.NewDecoder(r)
	dec.UseNumber()
	pages := 0
	for {
		_, err := parseResponse(dec, source, asOf, &st, sink)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return st, err
		}
		pages++
	}
	if pages == 0 {
		return st, &ParseError{Offset: 0, Product: -1, Reason: "empty file"}
	}
	return st, nil
}

// pageInfo is what one response says about paging: the rows of the whole
// listing and the products on this page.
type pageInfo struct {
	totalRows, products int
}

// parseResponse reads the next getProductPriceList response from dec and
// sends its offers to sink, counting in st; io.EOF when there is none.
func parseResponse(dec *json.Decoder, source string, asOf time.Time, st *pricing.ImportStats, sink pricing.Sink) (pageInfo, error) {
	var doc map[string]json.RawMessage
	off := dec.InputOffset()
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return pageInfo{}, io.EOF
	}
	if err != nil {
		return pageInfo{}, jsonError(0, err) // the decoder's offsets count from the input's start
	}
	raw, ok := doc["getProductPriceListResponse"]
	if !ok {
		return pageInfo{}, &ParseError{Offset: off, Product: -1, Reason: "no getProductPriceListResponse object"}
	}
	var resp response
	if err := json.Unmarshal(raw, &resp); err != nil {
		return pageInfo{}, jsonError(off, err)
	}
	if rc := resp.ReturnCode.String(); rc != "" && rc != "0" {
		return pageInfo{}, &ParseError{Offset: off, Product: -1, Reason: fmt.Sprintf("returnCode %s: %s", rc, resp.ReturnMessage)}
	}
	if resp.Products == nil {
		return pageInfo{}, &ParseError{Offset: off, Product: -1, Reason: "no productPriceList"}
	}
	for i, p := range *resp.Products {
		if err := emit(p, source, asOf, st, sink); err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				pe.Offset, pe.Product = off, i
			}
			return pageInfo{}, err
		}
	}
	return pageInfo{totalRows: resp.TotalRows, products: len(*resp.Products)}, nil
}

// jsonError turns a decoding error into a ParseError with the byte offset
// of the fault, counted from the start of the file.
func jsonError(base int64, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "'<'"):
		return &ParseError{Offset: base + syn.Offset, Product: -1,
			Reason: "an XML response: ask getProductPriceList with responseFormatType=json"}
	case errors.As(err, &syn):
		return &ParseError{Offset: base + syn.Offset, Product: -1, Reason: syn.Error()}
	case errors.As(err, &typ):
		return &ParseError{Offset: base + typ.Offset, Product: -1, Reason: typ.Error()}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &ParseError{Offset: base, Product: -1, Reason: "unexpected end of file"}
	}
	return &ParseError{Offset: base, Product: -1, Reason: err.Error()}
}
