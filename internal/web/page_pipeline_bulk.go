package web

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// bulkMoveSubmit (POST /a/:slug/applications/transitions) moves the
// ticked applications to one status with a note, all or none, and goes
// back to the list as it was filtered. When some cannot make the move,
// nothing changes and the list comes back naming them, still ticked.
func (s *Server) bulkMoveSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	query, _ := url.ParseQuery(f.V("query")) // a query that does not parse is no filter
	filter := pipelineFilterOf(query)
	var ids []domain.ID
	for _, v := range f.Values["ids"] {
		if id, err := domain.ParseID(v); err == nil {
			ids = append(ids, id)
		}
	}
	caller := callerOf(c)
	to := domain.ApplicationStatus(f.V("to"))
	moved, err := s.applications.MoveMany(c.Request.Context(), caller, ids, to, strings.TrimSpace(f.V("note")))
	if err != nil {
		status, ok := s.formFailed(c, f, err)
		if !ok {
			return
		}
		refused := s.refusedMoves(c, err, ids)
		if len(refused) > 0 {
			delete(f.Errors, "ids")
			f.Problem = s.catalog.T(localeOf(c), "page.pipeline.bulk.refused",
				map[string]any{"count": len(refused), "to": s.t(c, "status."+string(to))})
		}
		s.renderPipeline(c, status, filter, f, refused)
		return
	}
	back := filter.query(filter.Offset)
	back.Set("moved", fmt.Sprint(len(moved)))
	seeOther(c, applicationsBase(caller.Alliance)+"?"+back.Encode())
}

// refusedMoves names the applications a refused move could not take, each
// with where it stands; nothing when err is another error.
func (s *Server) refusedMoves(c *gin.Context, err error, ids []domain.ID) []string {
	de := domain.AsError(err)
	type refusal struct{ id, from string }
	var list []refusal
	switch de.Key {
	case "error.application.move_refused": // one application was ticked
		list = append(list, refusal{id: ids[0].String(), from: fmt.Sprint(de.Args["from"])})
	case "error.application.moves_refused":
		for _, fe := range de.Fields {
			if fe.Field == "ids" {
				list = append(list, refusal{id: fmt.Sprint(fe.Args["id"]), from: fmt.Sprint(fe.Args["from"])})
			}
		}
	}
	out := make([]string, 0, len(list))
	for _, r := range list {
		name := r.id
		if id, err := domain.ParseID(r.id); err == nil {
			if d, err := s.applications.Get(c.Request.Context(), callerOf(c), id, true); err == nil {
				name = d.Applicant.Name
			}
		}
		out = append(out, s.catalog.T(localeOf(c), "page.pipeline.bulk.refused_item",
			map[string]any{"name": name, "status": s.t(c, "status."+r.from)}))
	}
	return out
}
