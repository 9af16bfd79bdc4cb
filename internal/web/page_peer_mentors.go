package web

import (
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// mentorsPageSize is how many members each read of the mentors takes.
const mentorsPageSize = 200

// activeMentors lists the alliance's active mentors, by name.
func (s *Server) activeMentors(c *gin.Context) ([]*domain.Member, error) {
	var out []*domain.Member
	var after *domain.ID
	for {
		page, err := s.members.List(c.Request.Context(), callerOf(c), []domain.Role{domain.RoleMentor}, after, mentorsPageSize)
		if err != nil {
			return nil, err
		}
		for _, m := range page {
			if m.Status == domain.StatusActive {
				out = append(out, m)
			}
		}
		if len(page) < mentorsPageSize {
			slices.SortStableFunc(out, func(a, b *domain.Member) int { return strings.Compare(a.Name, b.Name) })
			return out, nil
		}
		after = &page[len(page)-1].UserID
	}
}
