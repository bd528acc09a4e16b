package main

import (
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// stderrIsTerminal reports whether a progress bar can be drawn on stderr.
func stderrIsTerminal() bool {
	return term.IsTerminal(int(os.Stderr.Fd()))
}

// progress counts the bytes of an import as they are read (it is the
// io.Writer side of a TeeReader): a bar on a terminal, else a log line every
// tenth of the file.
type progress interface {
	io.Writer
	Finish()
}

func newProgress(cio catalogIO, desc string, size int64) progress {
	if cio.terminal {
		return &barProgress{bar: progressbar.NewOptions64(size,
			progressbar.OptionSetDescription(desc),
			progressbar.OptionSetWriter(cio.stderr),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowTotalBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)}
	}
	return &logProgress{log: slog.New(slog.NewTextHandler(cio.stderr, nil)), desc: desc, size: size,
		start: time.Now()}
}

type barProgress struct{ bar *progressbar.ProgressBar }

func (p *barProgress) Write(b []byte) (int, error) { return p.bar.Write(b) }

func (p *barProgress) Finish() { p.bar.Finish() }

type logProgress struct {
	log   *slog.Logger
	desc  string
	size  int64
	read  int64
	step  int64 // tenths of the file logged so far
	start time.Time
}

func (p *logProgress) Write(b []byte) (int, error) {
	p.read += int64(len(b))
	if p.size > 0 && p.read*10/p.size > p.step && p.read < p.size {
		p.step = p.read * 10 / p.size
		secs := time.Since(p.start).Seconds()
		p.log.Info(p.desc, "read_mb", mb(p.read), "size_mb", mb(p.size), "percent", p.step*10,
			"mb_per_s", float64(int(mb(p.read)/secs*10))/10)
	}
	return len(b), nil
}

func (p *logProgress) Finish() {}

func mb(n int64) float64 { return float64(n/100_000) / 10 }
