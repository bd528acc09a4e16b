// Package static embeds the site's CSS and JavaScript (htmx and Pico CSS are
// vendored under vendor/, no Node needed) and serves them under content-hash
// paths with long cache headers.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed *.css *.svg *.js vendor
var files embed.FS

// Prefix is the URL path the assets are served under.
const Prefix = "/static/"

var hashes = func() map[string]string {
	m := map[string]string{}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		s := sha256.Sum256(b)
		m[p] = hex.EncodeToString(s[:])[:12]
		return nil
	})
	if err != nil {
		panic(err) // embedded files are always readable
	}
	return m
}()

// Path returns the content-hash URL of an asset, e.g. /static/1a2b3c4d5e6f/app.css.
// It panics on an unknown name, which a test of every page catches.
func Path(name string) string {
	h, ok := hashes[name]
	if !ok {
		panic("static: no asset " + name)
	}
	return Prefix + h + "/" + name
}

// Handler serves /static/{hash}/{name}. A hash that does not match the
// asset's content is a 404, so a cached page never gets a changed file.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, Prefix)
		hash, name, ok := strings.Cut(rest, "/")
		if !ok || hashes[name] != hash {
			http.NotFound(w, r)
			return
		}
		b, err := files.ReadFile(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("ETag", `"`+hash+`"`)
		if r.Header.Get("If-None-Match") == `"`+hash+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(b)
	})
}
