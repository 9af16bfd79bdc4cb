package web

import (
	_ "embed"

	"github.com/gin-gonic/gin"
)

// openAPIDocument is the contract of the JSON API, kept by hand beside the
// routes; a test holds the two to each other.
//
//go:embed openapi.json
var openAPIDocument []byte

// openAPI serves the OpenAPI 3 document.
func (s *Server) openAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(200, "application/json; charset=utf-8", openAPIDocument)
}
