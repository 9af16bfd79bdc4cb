package web

import (
	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// myApplication is one of a person's own applications to an alliance,
// with its cohort's name.
type myApplication struct {
	*domain.Application
	Cohort string
}

// myApplications lists u's own applications to a, the latest first, each
// with its cohort's name.
func (s *Server) myApplications(c *gin.Context, a *domain.Alliance, u *domain.User) ([]myApplication, error) {
	ctx := c.Request.Context()
	apps, err := s.applications.Mine(ctx, service.Caller{Actor: service.Actor{UserID: u.ID, Name: u.Name}, Alliance: a})
	if err != nil {
		return nil, err
	}
	names := map[domain.ID]string{}
	out := make([]myApplication, 0, len(apps))
	for _, app := range apps {
		name, ok := names[app.CohortID]
		if !ok {
			co, err := s.cohorts.Get(ctx, a.ID, app.CohortID)
			if err != nil {
				return nil, err
			}
			name = co.Name
			names[app.CohortID] = name
		}
		out = append(out, myApplication{Application: app, Cohort: name})
	}
	return out, nil
}
