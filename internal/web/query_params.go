package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// maxOffset bounds ?offset= of the lists that page by offset.
const maxOffset = 100_000

// listParam reads a parameter that may list values, comma-separated or
// repeated (?status=a,b or ?status=a&status=b), without the empty ones.
func listParam(c *gin.Context, name string) []string {
	var out []string
	for _, v := range c.QueryArray(name) {
		for _, part := range strings.Split(v, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// idParam reads an optional id parameter, naming it when it is not a
// UUID.
func idParam(p *domain.Problems, c *gin.Context, name string) *domain.ID {
	v := c.Query(name)
	if v == "" {
		return nil
	}
	id, err := domain.ParseID(v)
	if err != nil {
		p.Add(name, "validation.id", nil)
		return nil
	}
	return &id
}

// offsetParam reads ?offset=: 0 by default, at most maxOffset.
func offsetParam(p *domain.Problems, c *gin.Context) int {
	v := c.Query("offset")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > maxOffset {
		p.Add("offset", "validation.range", map[string]any{"min": 0, "max": maxOffset})
	}
	return n
}
