package inventory

import (
	"strings"
	"unicode"
)

// inferKind guesses a workload kind from a server name, only when a word of
// the name makes it obvious: the words are the name's runs of letters, so
// "SQLPRD01" holds "sqlprd" and "app-db-2" holds "db". A database engine is
// named only when the word names it (or "sql" on Windows, SQL Server).
func inferKind(name, os string) (kind, engine string) {
	for _, w := range letterRuns(name) {
		switch {
		case strings.Contains(w, "postgres") || w == "pg" || w == "pgsql":
			return "database", "postgresql"
		case strings.Contains(w, "mysql") || strings.Contains(w, "mariadb"):
			return "database", "mysql"
		case strings.Contains(w, "oracle"):
			return "database", "oracle"
		case strings.Contains(w, "mssql"):
			return "database", "sqlserver"
		case strings.Contains(w, "sql"):
			if os == "windows" {
				return "database", "sqlserver"
			}
			return "database", ""
		case w == "db" || strings.HasSuffix(w, "db"):
			return "database", ""
		case strings.Contains(w, "exchange") || strings.Contains(w, "mail"):
			return "email_collaboration", ""
		}
	}
	return "", ""
}

// letterRuns splits a name into lower-case runs of letters.
func letterRuns(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}
