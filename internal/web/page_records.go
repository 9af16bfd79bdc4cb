package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// auditPageSize is how many entries a page of the audit log shows.
const auditPageSize = 50

// auditPrefixes are offered as the action filter's suggestions.
var auditPrefixes = []string{"alliance.", "invitation.", "member.", "policy."}

// auditRow is an audit entry as the page shows it.
type auditRow struct {
	*domain.AuditEntry
	DetailsText string
}

// auditPage shows an admin the alliance's audit log, newest first,
// filtered by action prefix and dates, with the CSV export of the same
// filter.
func (s *Server) auditPage(c *gin.Context) {
	q := c.Request.URL.Query()
	// A word without a dot is taken as a prefix: "member" is "member.".
	if a := strings.TrimSpace(q.Get("action")); a != "" && !strings.Contains(a, ".") {
		q.Set("action", a+".")
		c.Request.URL.RawQuery = q.Encode()
	}
	f := newForm(url.Values{"action": {q.Get("action")}, "since": {q.Get("since")}, "until": {q.Get("until")}})
	data := gin.H{"Form": f, "Prefixes": auditPrefixes}
	filter, err := auditFilter(c, auditPageSize)
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderSection(c, status, "audit", "audit.title", data)
		}
		return
	}
	entries, err := s.records.Audit(c.Request.Context(), callerOf(c), filter)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rows := make([]auditRow, len(entries))
	for i, e := range entries {
		rows[i] = auditRow{AuditEntry: e}
		if len(e.Details) > 0 {
			raw, _ := json.Marshal(e.Details)
			rows[i].DetailsText = string(raw)
		}
	}
	kept := url.Values{}
	for _, k := range []string{"action", "since", "until"} {
		if v := f.V(k); v != "" {
			kept.Set(k, v)
		}
	}
	export := "/api/v1/alliances/" + callerOf(c).Alliance.Slug + "/audit.csv"
	if len(kept) > 0 {
		export += "?" + kept.Encode()
	}
	data["Entries"], data["Export"] = rows, export
	if len(entries) == auditPageSize {
		kept.Set("cursor", entries[len(entries)-1].ID.String())
		data["More"] = "?" + kept.Encode()
	}
	s.renderSection(c, http.StatusOK, "audit", "audit.title", data)
}

// mailsPage shows an admin the mails sent on the alliance's behalf. With no
// SMTP server configured, this is where invitation links are read.
func (s *Server) mailsPage(c *gin.Context) {
	mails, err := s.records.Mails(c.Request.Context(), callerOf(c), 50)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderSection(c, http.StatusOK, "mails", "mails.title", gin.H{"Mails": mails})
}

// jobsPage shows an admin the alliance's background jobs that failed for
// good.
func (s *Server) jobsPage(c *gin.Context) {
	jobs, err := s.records.FailedJobs(c.Request.Context(), callerOf(c), 100)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderSection(c, http.StatusOK, "jobs", "jobs.title", gin.H{"Jobs": jobs})
}
