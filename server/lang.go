package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"cloudadvisor/i18n"
)

// langCookieName holds the language a user picked with the switcher; it
// wins over Accept-Language.
const langCookieName = "lang"

// langCookie is the language the user picked, or "".
func langCookie(r *http.Request) string {
	c, err := r.Cookie(langCookieName)
	if err != nil {
		return ""
	}
	return c.Value
}

// setLanguage remembers the language picked in the switcher (a plain POST
// form, so it works without JavaScript) and goes back to the page it was on.
func (s *Server) setLanguage(w http.ResponseWriter, r *http.Request) error {
	lang := r.PostFormValue("lang")
	if !slices.Contains(i18n.Languages(), lang) {
		return errMalformed
	}
	opts := *s.sessions.Options
	http.SetCookie(w, &http.Cookie{Name: langCookieName, Value: lang, Path: "/", MaxAge: opts.MaxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: opts.Secure || s.overHTTPS(r)})
	http.Redirect(w, r, backTo(r), http.StatusSeeOther)
	return nil
}

// backTo is the local page the form was sent from: the Referer's path and
// query when it is on this site, else the home page. Only the path is
// kept, so the redirect can never leave the site.
func backTo(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	if u.RawQuery != "" {
		return u.Path + "?" + u.RawQuery
	}
	return u.Path
}
