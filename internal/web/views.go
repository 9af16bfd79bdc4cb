package web

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// userView is a user in the API.
type userView struct {
	ID        domain.ID     `json:"id"`
	Email     string        `json:"email"`
	Name      string        `json:"name"`
	Locale    domain.Locale `json:"locale"`
	CreatedAt time.Time     `json:"created_at"`
}

func userOf(u *domain.User) userView {
	return userView{ID: u.ID, Email: u.Email, Name: u.Name, Locale: u.Locale, CreatedAt: u.CreatedAt}
}

// memberView is a membership in the API.
type memberView struct {
	UserID   domain.ID           `json:"user_id"`
	Name     string              `json:"name"`
	Email    string              `json:"email,omitempty"` // for those who manage members, and oneself
	Roles    []domain.Role       `json:"roles"`
	Status   domain.MemberStatus `json:"status"`
	Capacity int                 `json:"capacity"`
	JoinedAt time.Time           `json:"joined_at"`
	// Profile is what matching knows of the member, on a member read one
	// by one.
	Profile *domain.MentorProfile `json:"profile,omitempty"`
}

func memberOf(m *domain.Member) memberView {
	return memberView{UserID: m.UserID, Name: m.Name, Email: m.Email, Roles: m.Roles, Status: m.Status, Capacity: m.Capacity, JoinedAt: m.JoinedAt}
}

// page is a page of a list in the API.
type page[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

// listLimit reads ?limit=: 50 by default, at most 200.
func listLimit(c *gin.Context) (int, error) {
	v := c.Query("limit")
	if v == "" {
		return 50, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 200 {
		var p domain.Problems
		p.Add("limit", "validation.range", map[string]any{"min": 1, "max": 200})
		return 0, p.Err()
	}
	return n, nil
}

// idCursor reads ?cursor= as an id; a bad one is invalid.
func idCursor(c *gin.Context) (*domain.ID, error) {
	v := c.Query("cursor")
	if v == "" {
		return nil, nil
	}
	id, err := domain.ParseID(v)
	if err != nil {
		var p domain.Problems
		p.Add("cursor", "validation.cursor", nil)
		return nil, p.Err()
	}
	return &id, nil
}

// nextCursor is the cursor after a full page, or nil after the last.
func nextCursor(n, limit int, last domain.ID) *string {
	if n < limit {
		return nil
	}
	s := last.String()
	return &s
}
