package web

import (
	"encoding/csv"

	"github.com/gin-gonic/gin"
)

// csvDownload starts a CSV attachment named filename and gives its
// writer: UTF-8 with a byte-order mark, so that a spreadsheet reads the
// accents right. Write each cell of free text through csvSafe, and flush
// the writer at the end.
func csvDownload(c *gin.Context, filename string) *csv.Writer {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+filename+`"`)
	_, _ = c.Writer.WriteString("\uFEFF")
	return csv.NewWriter(c.Writer)
}
