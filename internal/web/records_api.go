package web

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// auditView is an audit entry in the API.
type auditView struct {
	ID        domain.ID      `json:"id"`
	At        time.Time      `json:"at"`
	ActorID   *domain.ID     `json:"actor_id"`
	ActorName string         `json:"actor_name"`
	Action    string         `json:"action"`
	Target    string         `json:"target"`
	Details   map[string]any `json:"details"`
	IP        string         `json:"ip"`
}

// auditFilter reads ?action=&actor=&since=&until=&cursor=&limit=.
func auditFilter(c *gin.Context, limit int) (store.AuditFilter, error) {
	f := store.AuditFilter{Action: c.Query("action"), Limit: limit}
	var p domain.Problems
	if v := c.Query("actor"); v != "" {
		id, err := domain.ParseID(v)
		if err != nil {
			p.Add("actor", "validation.id", nil)
		}
		f.Actor = &id
	}
	for field, dst := range map[string]*time.Time{"since": &f.Since, "until": &f.Until} {
		if v := c.Query(field); v != "" {
			d, err := time.Parse(time.DateOnly, v)
			if err != nil {
				p.Add(field, "validation.date", nil)
			}
			*dst = d
		}
	}
	if !f.Until.IsZero() {
		f.Until = f.Until.AddDate(0, 0, 1) // the whole day named
	}
	cursor, err := idCursor(c)
	if err != nil {
		return f, err
	}
	f.Before = cursor
	return f, p.Err()
}

// auditList answers GET /api/v1/alliances/{slug}/audit (admin).
func (s *Server) auditList(c *gin.Context) {
	limit, err := listLimit(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	f, err := auditFilter(c, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	entries, err := s.records.Audit(c.Request.Context(), callerOf(c), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[auditView]{Items: make([]auditView, 0, len(entries))}
	for _, e := range entries {
		out.Items = append(out.Items, auditView{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorName: e.ActorName,
			Action: e.Action, Target: e.Target, Details: e.Details, IP: e.IP})
	}
	if len(entries) > 0 {
		out.NextCursor = nextCursor(len(entries), limit, entries[len(entries)-1].ID)
	}
	c.JSON(http.StatusOK, out)
}

// auditExport answers GET /api/v1/alliances/{slug}/audit.csv (admin): the
// whole filtered log, page by page, as CSV.
func (s *Server) auditExport(c *gin.Context) {
	f, err := auditFilter(c, 500)
	if err != nil {
		s.fail(c, err)
		return
	}
	caller := callerOf(c)
	first, err := s.records.Audit(c.Request.Context(), caller, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="audit-`+caller.Alliance.Slug+`.csv"`)
	w := csv.NewWriter(c.Writer)
	_ = w.Write([]string{"at", "actor_id", "actor_name", "action", "target", "details", "ip"})
	for entries := first; len(entries) > 0; {
		for _, e := range entries {
			actor := ""
			if e.ActorID != nil {
				actor = e.ActorID.String()
			}
			details, _ := json.Marshal(e.Details)
			_ = w.Write([]string{e.At.Format(time.RFC3339), actor, csvSafe(e.ActorName), e.Action, csvSafe(e.Target), string(details), e.IP})
		}
		if len(entries) < f.Limit {
			break
		}
		last := entries[len(entries)-1].ID
		f.Before = &last
		if entries, err = s.records.Audit(c.Request.Context(), caller, f); err != nil {
			s.log.Error("audit export", "request_id", requestID(c), "err", err)
			break
		}
	}
	w.Flush()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

// mailList answers GET /api/v1/alliances/{slug}/mails (admin): the mails
// sent on the alliance's behalf.
func (s *Server) mailList(c *gin.Context) {
	limit, err := listLimit(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	mails, err := s.records.Mails(c.Request.Context(), callerOf(c), limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	type mailView struct {
		ID        domain.ID `json:"id"`
		To        string    `json:"to"`
		Subject   string    `json:"subject"`
		Body      string    `json:"body"`
		Transport string    `json:"transport"`
		SentAt    time.Time `json:"sent_at"`
	}
	out := page[mailView]{Items: make([]mailView, 0, len(mails))}
	for _, m := range mails {
		out.Items = append(out.Items, mailView{ID: m.ID, To: m.To, Subject: m.Subject, Body: m.BodyText, Transport: m.Transport, SentAt: m.CreatedAt.UTC()})
	}
	c.JSON(http.StatusOK, out)
}

// failedJobs answers GET /api/v1/alliances/{slug}/jobs/failed (admin).
func (s *Server) failedJobs(c *gin.Context) {
	jobs, err := s.records.FailedJobs(c.Request.Context(), callerOf(c), 100)
	if err != nil {
		s.fail(c, err)
		return
	}
	type jobView struct {
		ID        domain.ID  `json:"id"`
		Type      string     `json:"type"`
		Attempts  int        `json:"attempts"`
		LastError string     `json:"last_error"`
		CreatedAt time.Time  `json:"created_at"`
		FailedAt  *time.Time `json:"failed_at"`
	}
	out := page[jobView]{Items: make([]jobView, 0, len(jobs))}
	for _, j := range jobs {
		out.Items = append(out.Items, jobView{ID: j.ID, Type: j.TaskType, Attempts: j.Attempts, LastError: j.LastError, CreatedAt: j.CreatedAt.UTC(), FailedAt: j.FailedAt})
	}
	c.JSON(http.StatusOK, out)
}
