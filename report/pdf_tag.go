package report

import (
	"strconv"
)

// The PDF is a Tagged PDF, so that a screen reader reads it in order with
// its headings, lists, tables and figures. While the pages are drawn, tags
// records the structure tree: every piece of text is marked content (BDC
// with an MCID, EMC) belonging to a structure element, and everything that
// is not content (footers, rules, backgrounds) is an /Artifact. fpdf
// writes no structure tree, so writeTagged appends it to fpdf's file as an
// incremental update (pdf_tagwrite.go).

// role is a standard structure type.
type role uint8

const (
	roleDocument role = iota
	roleH1
	roleH2
	roleH3
	roleP
	roleL
	roleLI
	roleLbl
	roleLBody
	roleTable
	roleTR
	roleTH
	roleTD
	roleFigure
)

var roleNames = [...]string{"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure"}

// headingRole is H1, H2 or H3 for a heading of level 1 to 3.
func headingRole(level int) role { return roleH1 + role(min(max(level, 1), 3)-1) }

// What is open in the page's content stream, besides an element's index.
const (
	noMark       int32 = -1
	artifactMark int32 = -2
)

// Artifact kinds: a page's footer, a table header repeated on a new page,
// and drawing that only lays the page out.
const (
	footerArtifact = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
	repeatArtifact = "/Artifact <</Type /Pagination>> BDC"
	layoutArtifact = "/Artifact <</Type /Layout>> BDC"
)

// structElem is one structure element. Its kids (its /K) are a list
// through tags.kids, so that a million table cells take no allocation each.
type structElem struct {
	role        role
	parent      int32
	first, last int32 // indexes into tags.kids; -1 when it has none
}

// kid is one entry of an element's /K: a child element, or (elem < 0) the
// marked content with mcid on page.
type kid struct {
	elem, page, mcid, next int32
}

// tags records the structure tree as the pages are drawn.
type tags struct {
	raw     func(string) // writes an operator into the current page's content
	pageNo  func() int
	elems   []structElem
	kids    []kid
	extra   map[int32]string // further entries of an element: /Alt, /A
	parents []int32          // where new elements go; [0] is the Document
	mcids   [][]int32        // for each page, the element of each MCID: the ParentTree
	open    int32            // the marked content open now: an element, artifactMark or noMark
	openArt string           // the operator that opened an artifact
	held    int32            // what was open at a page break, to reopen on the next page
	heldArt string
}

func newTags(raw func(string), pageNo func() int) *tags {
	t := &tags{raw: raw, pageNo: pageNo, extra: map[int32]string{}, open: noMark, held: noMark}
	t.elems = append(t.elems, structElem{role: roleDocument, parent: -1, first: -1, last: -1})
	t.parents = []int32{0}
	return t
}

// add appends an element of role r to the current parent and returns it.
func (t *tags) add(r role) int32 {
	parent := t.parents[len(t.parents)-1]
	id := int32(len(t.elems))
	t.elems = append(t.elems, structElem{role: r, parent: parent, first: -1, last: -1})
	t.link(parent, kid{elem: id})
	return id
}

// link appends k to element e's kids.
func (t *tags) link(e int32, k kid) {
	k.next = -1
	n := int32(len(t.kids))
	t.kids = append(t.kids, k)
	if el := &t.elems[e]; el.last < 0 {
		el.first, el.last = n, n
	} else {
		t.kids[el.last].next = n
		el.last = n
	}
}

// enter adds an element of role r and puts the next ones under it, until leave.
func (t *tags) enter(r role) int32 {
	id := t.add(r)
	t.parents = append(t.parents, id)
	return id
}

func (t *tags) leave() { t.parents = t.parents[:len(t.parents)-1] }

// marking reports whether content drawn now is already marked, as an
// element's or as an artifact.
func (t *tags) marking() bool { return t.open != noMark }

// mark draws the content of element id.
func (t *tags) mark(id int32, draw func()) { t.wrap(func() { t.begin(id) }, draw) }

// artifact draws what is not content, of the kind given by its operator.
func (t *tags) artifact(kind string, draw func()) { t.wrap(func() { t.beginArtifact(kind) }, draw) }

// wrap draws between open and EMC. Content drawn while other marked content
// is open belongs to that instead: marked content does not nest.
func (t *tags) wrap(open, draw func()) {
	if t.marking() {
		draw()
		return
	}
	open()
	draw()
	t.end()
}

func (t *tags) begin(id int32) {
	page := t.pageNo()
	if page < 1 {
		return // no page yet: nothing can be drawn
	}
	for len(t.mcids) < page {
		t.mcids = append(t.mcids, nil)
	}
	mcid := len(t.mcids[page-1])
	t.mcids[page-1] = append(t.mcids[page-1], id)
	t.link(id, kid{elem: -1, page: int32(page), mcid: int32(mcid)})
	t.raw("/" + roleNames[t.elems[id].role] + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open = id
}

func (t *tags) beginArtifact(kind string) {
	if t.pageNo() < 1 {
		return
	}
	t.raw(kind)
	t.open, t.openArt = artifactMark, kind
}

func (t *tags) end() {
	if t.open != noMark {
		t.raw("EMC")
		t.open = noMark
	}
}

// pageEnds runs before the footer: marked content must not run across a
// page break, so it is closed here and reopened by pageBegins.
func (t *tags) pageEnds() {
	t.held, t.heldArt = t.open, t.openArt
	t.end()
}

// pageBegins runs on each new page (fpdf's header hook): the content cut by
// the page break goes on, as a new MCID of the same element.
func (t *tags) pageBegins() {
	switch held := t.held; {
	case held == artifactMark:
		t.beginArtifact(t.heldArt)
	case held >= 0:
		t.begin(held)
	}
	t.held = noMark
}
