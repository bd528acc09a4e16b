package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// tagged draws the content of a new element of role r under the current one.
func (p *pdfDoc) tagged(r role, draw func()) { p.tags.mark(p.tags.add(r), draw) }

// group adds an element of role r whose kids are the elements body adds.
func (p *pdfDoc) group(r role, body func()) {
	p.tags.enter(r)
	body()
	p.tags.leave()
}

// decor draws what only lays the page out (rules, backgrounds) as an artifact.
func (p *pdfDoc) decor(draw func()) { p.tags.artifact(layoutArtifact, draw) }

// Rect is fpdf's Rect; drawn outside marked content, it is an artifact.
func (p *pdfDoc) Rect(x, y, w, h float64, style string) {
	p.decor(func() { p.Fpdf.Rect(x, y, w, h, style) })
}

// Line is fpdf's Line; drawn outside marked content, it is an artifact.
func (p *pdfDoc) Line(x1, y1, x2, y2 float64) {
	p.decor(func() { p.Fpdf.Line(x1, y1, x2, y2) })
}

// text draws text: as the content of the element being marked, or, when
// nothing is, as a paragraph of its own, so that no text drawn through the
// pdfDoc helpers is left out of the structure tree.
func (p *pdfDoc) text(draw func()) {
	if p.tags.marking() {
		draw()
		return
	}
	p.tagged(roleP, draw)
}

// figure draws a chart as a Figure element: the drawing is its content and
// alt is what a screen reader says instead. Its box runs from x to x+w
// across the page, and from top down to where draw leaves the position.
func (p *pdfDoc) figure(id int32, alt string, x, top, w float64, draw func()) {
	p.tags.mark(id, draw)
	// The layout /BBox is in points from the page's bottom left.
	k := p.GetConversionRatio()
	_, pageH := p.GetPageSize()
	p.tags.extra[id] = fmt.Sprintf("/Alt %s /A <</O /Layout /BBox [%.2f %.2f %.2f %.2f]>>",
		pdfString(alt), x*k, (pageH-p.GetY())*k, (x+w)*k, (pageH-top)*k)
}

// xmpMetadata is the document's XMP metadata: its title and language, which
// PDF/UA asks for beside the Info dictionary's title.
func xmpMetadata(title, lang string) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`)
	xml.EscapeText(&b, []byte(title))
	b.WriteString(`</rdf:li></rdf:Alt></dc:title><dc:language><rdf:Bag><rdf:li>`)
	xml.EscapeText(&b, []byte(lang))
	b.WriteString("</rdf:li></rdf:Bag></dc:language></rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
