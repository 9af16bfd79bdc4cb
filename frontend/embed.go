// Package frontend holds the server-rendered web pages: HTML templates,
// static files (CSS, a little plain JavaScript, icons) and the message
// catalogs of every language, embedded so that `go build` alone makes the
// whole product.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed templates static locales
var files embed.FS

// Templates is the folder of HTML templates.
var Templates = mustSub("templates")

// Static is the folder of files served as they are.
var Static = mustSub("static")

// Locales is the folder of message catalogs, one JSON file per language.
var Locales = mustSub("locales")

func mustSub(dir string) fs.FS {
	sub, err := fs.Sub(files, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
