// Package tenants holds, as data, the alliances that ship with the product:
// one folder per alliance with its profile (and, as the product grows, its
// charter, Mentor Guide and demo cohorts). `mentorat tenants import DIR`
// loads such a folder; the demo alliance is embedded for the first start.
package tenants

import (
	"embed"
	"io/fs"
)

//go:embed alliance-mali-mentors
var files embed.FS

// Demo is the folder of the demo alliance, Alliance Mali Mentors.
var Demo = mustSub("alliance-mali-mentors")

func mustSub(dir string) fs.FS {
	sub, err := fs.Sub(files, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
