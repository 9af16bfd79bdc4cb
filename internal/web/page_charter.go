package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/markdown"
	"github.com/mentorat/mentorat/internal/service"
)

// charterLocales are the languages a charter version is written in, in the
// editor's order.
var charterLocales = []domain.Locale{domain.French, domain.English}

// charterField is the form field, and the domain's field, of a language's
// text.
func charterField(loc domain.Locale) string { return "bodies." + string(loc) }

// charterBase is the address of the alliance's charter page.
func charterBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/charter" }

// charterBody is a version's text in one language, as Markdown and as the
// sanitized HTML made of it.
type charterBody struct {
	Locale   domain.Locale
	Markdown string
	HTML     template.HTML // SECURITY: markdown.HTML sanitizes it
}

func charterBodyOf(loc domain.Locale, md string) charterBody {
	//nolint:gosec // markdown.HTML gives sanitized HTML: no script, no handler, no unsafe URL.
	return charterBody{Locale: loc, Markdown: md, HTML: template.HTML(markdown.HTML(md))}
}

// charterAdminLinks are the links between the admin's charter pages, the
// one shown marked.
func (s *Server) charterAdminLinks(c *gin.Context, current string) []pageLink {
	base := charterBase(callerOf(c).Alliance)
	var out []pageLink
	for _, l := range []struct{ id, path, label string }{
		{"charter-read", "", "charter.nav.read"},
		{"charter-versions", "/versions", "charter.nav.versions"},
		{"charter-acceptances", "/acceptances", "charter.nav.acceptances"},
	} {
		out = append(out, pageLink{ID: l.id, Href: base + l.path, Label: s.t(c, l.label), Current: l.id == current})
	}
	return out
}

// charterPage shows the current version to anyone, in the visitor's
// language when it has it (?locale= to read another), and to a signed-in
// active member whether they accepted it, or the button to accept it.
func (s *Server) charterPage(c *gin.Context) {
	ctx := c.Request.Context()
	a := allianceOf(c)
	data := gin.H{"Alliance": a}
	v, err := s.charters.Current(ctx, a.ID)
	if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
		s.failPage(c, err)
		return
	}
	if v != nil {
		loc, body := v.BodyIn(requestedLocale(c), a.DefaultLocale)
		data["Version"] = v
		data["Body"] = charterBodyOf(loc, body)
		var others []domain.Locale
		for _, l := range domain.Locales {
			if l != loc && v.Bodies[l] != "" {
				others = append(others, l)
			}
		}
		data["Others"] = others
	}
	if sess := sessionOf(c); sess != nil {
		m, err := s.members.Membership(ctx, a.ID, sess.User.ID)
		if err == nil && m.Status == domain.StatusActive {
			data["Links"] = s.sectionLinks(c, a, m)
			caller := service.Caller{Actor: actorOf(c), Alliance: a, Member: m}
			canAccept := s.allowed(c, m, a, authz.ActAccept)
			data["CanManage"] = s.allowed(c, m, a, authz.ActManage)
			data["CanAccept"] = canAccept && v != nil
			if canAccept && v != nil {
				acc, err := s.charters.AcceptanceOf(c.Request.Context(), caller, v.Version)
				if err != nil {
					s.failPage(c, err)
					return
				}
				data["Accepted"] = acc
				data["JustAccepted"] = acc != nil && c.Query("accepted") == "1"
			}
		}
	}
	s.render(c, http.StatusOK, "charter", s.t(c, "charter.title")+" · "+a.Name, data)
}

// allowed tells whether a member's roles allow an action on the charter; a
// failure to decide is a no.
func (s *Server) allowed(c *gin.Context, m *domain.Member, a *domain.Alliance, action string) bool {
	ok, err := s.enforcer.Allowed(c.Request.Context(), m.Roles, a.ID, authz.Permission{Object: authz.ObjCharter, Action: action})
	if err != nil {
		s.log.Warn("permission check", "request_id", requestID(c), "err", err)
	}
	return ok && err == nil
}

// charterAcceptSubmit records that the member accepts the current version
// (who, which, when, from where), and goes back to the charter.
func (s *Server) charterAcceptSubmit(c *gin.Context) {
	if _, ok := s.postForm(c); !ok {
		return
	}
	caller := callerOf(c)
	if _, _, err := s.charters.Accept(c.Request.Context(), caller); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, charterBase(caller.Alliance)+"?accepted=1")
}

// charterVersionsPage lists every version for an admin, with the form to
// compare two of them.
func (s *Server) charterVersionsPage(c *gin.Context) {
	vs, err := s.charters.Versions(c.Request.Context(), callerOf(c))
	if err != nil {
		s.failPage(c, err)
		return
	}
	data := gin.H{"Versions": vs, "Nav": s.charterAdminLinks(c, "charter-versions"), "From": 0, "To": 0}
	if n, err := strconv.Atoi(c.Query("published")); err == nil {
		data["Published"] = n
	}
	if len(vs) > 1 {
		data["From"], data["To"] = vs[1].Version, vs[0].Version
	}
	s.renderSection(c, http.StatusOK, "charter_versions", "charter.versions.title", data)
}

// charterNewPage is the editor of a new draft, filled with the current
// version's texts when there is one.
func (s *Server) charterNewPage(c *gin.Context) {
	caller := callerOf(c)
	f := newForm(nil)
	v, err := s.charters.Current(c.Request.Context(), caller.Alliance.ID)
	switch {
	case err == nil:
		for _, l := range charterLocales {
			f.Values.Set(charterField(l), v.Bodies[l])
		}
		f.Values.Set("from", strconv.Itoa(v.Version))
	case domain.ErrorCode(err) != domain.CodeNotFound:
		s.failPage(c, err)
		return
	}
	s.renderEditor(c, http.StatusOK, nil, f, false, false)
}

// charterNewSubmit previews the texts of a new draft, or saves it.
func (s *Server) charterNewSubmit(c *gin.Context) {
	s.editorSubmit(c, nil)
}

// charterVersionPage shows one version: a draft in the editor, a published
// or superseded one to read.
func (s *Server) charterVersionPage(c *gin.Context) {
	v, ok := s.charterVersionOf(c)
	if !ok {
		return
	}
	f := newForm(nil)
	for _, l := range charterLocales {
		f.Values.Set(charterField(l), v.Bodies[l])
	}
	s.renderEditor(c, http.StatusOK, v, f, false, c.Query("saved") == "1")
}

// charterVersionSubmit previews a draft's new texts, or saves them.
func (s *Server) charterVersionSubmit(c *gin.Context) {
	v, ok := s.charterVersionOf(c)
	if !ok {
		return
	}
	s.editorSubmit(c, v)
}

// charterPublishSubmit publishes a draft: it becomes the current version,
// and the members are asked to accept it.
func (s *Server) charterPublishSubmit(c *gin.Context) {
	n, err := charterVersionParam(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if _, ok := s.postForm(c); !ok {
		return
	}
	caller := callerOf(c)
	if _, err := s.charters.Publish(c.Request.Context(), caller, n); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, charterBase(caller.Alliance)+"/versions?published="+strconv.Itoa(n))
}

// charterVersionOf loads the version of the path; an unknown one gets the
// error page, and ok is false.
func (s *Server) charterVersionOf(c *gin.Context) (*domain.CharterVersion, bool) {
	n, err := charterVersionParam(c)
	var v *domain.CharterVersion
	if err == nil {
		v, err = s.charters.Version(c.Request.Context(), callerOf(c), n)
	}
	if err != nil {
		s.failPage(c, err)
		return nil, false
	}
	return v, true
}

// editorSubmit answers the editor's form: "preview" shows the texts as the
// members will read them and saves nothing; "save" saves the draft (v, or
// a new one when v is nil) and goes to its page.
func (s *Server) editorSubmit(c *gin.Context, v *domain.CharterVersion) {
	if v != nil && v.Status != domain.CharterDraft {
		s.failPage(c, domain.E(domain.CodeConflict, "error.charter.not_draft", nil))
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	bodies := map[domain.Locale]string{}
	for _, l := range charterLocales {
		// A browser sends a textarea's line breaks as CRLF.
		if b := strings.ReplaceAll(f.V(charterField(l)), "\r\n", "\n"); strings.TrimSpace(b) != "" {
			bodies[l] = b
		}
	}
	if len(bodies) == 0 {
		// Neither language: each field says it is needed.
		for _, l := range charterLocales {
			bodies[l] = f.V(charterField(l))
		}
	}
	caller := callerOf(c)
	preview := f.V("action") == "preview"
	var err error
	switch {
	case preview:
		err = domain.ValidateCharterBodies(bodies)
	case v == nil:
		v, err = s.charters.Draft(c.Request.Context(), caller, bodies)
	default:
		v, err = s.charters.Edit(c.Request.Context(), caller, v.Version, bodies)
	}
	status := http.StatusOK
	if err != nil {
		if status, ok = s.formFailed(c, f, err); !ok {
			return
		}
	}
	if preview || err != nil {
		s.renderEditor(c, status, v, f, preview, false)
		return
	}
	seeOther(c, charterBase(caller.Alliance)+"/versions/"+strconv.Itoa(v.Version)+"?saved=1")
}

// editorLanguage is one language's textarea and its preview.
type editorLanguage struct {
	Locale  domain.Locale
	Field   string
	ID      string
	Preview *charterBody
}

// renderEditor shows a version (nil: a new draft): a draft's editor, with
// the preview of its texts when asked; a published or superseded version
// to read.
func (s *Server) renderEditor(c *gin.Context, status int, v *domain.CharterVersion, f *form, preview, saved bool) {
	var langs []editorLanguage
	for _, l := range charterLocales {
		e := editorLanguage{Locale: l, Field: charterField(l), ID: "body-" + string(l)}
		md := f.V(e.Field)
		if v != nil && v.Status != domain.CharterDraft {
			md = v.Bodies[l]
		}
		if (preview || (v != nil && v.Status != domain.CharterDraft)) && strings.TrimSpace(md) != "" {
			b := charterBodyOf(l, md)
			e.Preview = &b
		}
		langs = append(langs, e)
	}
	data := gin.H{"Form": f, "Version": v, "Languages": langs, "Preview": preview, "Saved": saved,
		"Nav": s.charterAdminLinks(c, "charter-versions"), "MaxKB": domain.CharterMaxBytes / 1000}
	title := "charter.editor.new_title"
	switch {
	case v == nil:
	case v.Status == domain.CharterDraft:
		title = "charter.editor.draft_title"
	default:
		title = "charter.editor.read_title"
	}
	data["TitleKey"] = title
	s.renderSection(c, status, "charter_version", title, data)
}

// diffRow is a line of the diff page, or a run of unchanged lines left out
// (Skipped > 0).
type diffRow struct {
	Op      string // "equal", "insert", "delete"
	Text    string
	Skipped int
}

// diffContext is how many unchanged lines the diff keeps around a change.
const diffContext = 2

// diffLanguage is the diff of one language's texts.
type diffLanguage struct {
	Locale         domain.Locale
	Rows           []diffRow
	Added, Removed int
	Missing        bool // neither version has the language
}

// charterDiffPage compares two versions (?from=&to=), line by line, per
// language.
func (s *Server) charterDiffPage(c *gin.Context) {
	caller := callerOf(c)
	vs, err := s.charters.Versions(c.Request.Context(), caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	data := gin.H{"Versions": vs, "Nav": s.charterAdminLinks(c, "charter-versions"), "From": 0, "To": 0}
	find := func(q string) *domain.CharterVersion {
		n, err := strconv.Atoi(q)
		if err != nil {
			return nil
		}
		i := slices.IndexFunc(vs, func(v *domain.CharterVersion) bool { return v.Version == n })
		if i < 0 {
			return nil
		}
		return vs[i]
	}
	from, to := find(c.Query("from")), find(c.Query("to"))
	status := http.StatusOK
	switch {
	case c.Query("from") == "" && c.Query("to") == "":
		if len(vs) > 1 {
			data["From"], data["To"] = vs[1].Version, vs[0].Version
		}
	case from == nil || to == nil:
		status = http.StatusNotFound
		data["Problem"] = s.t(c, "charter.diff.unknown")
	default:
		data["From"], data["To"] = from.Version, to.Version
		data["Old"], data["New"] = from, to
		var langs []diffLanguage
		for _, l := range charterLocales {
			d := diffLanguage{Locale: l, Missing: from.Bodies[l] == "" && to.Bodies[l] == ""}
			lines := textdiffLines(from.Bodies[l], to.Bodies[l])
			d.Rows, d.Added, d.Removed = collapse(lines, diffContext)
			langs = append(langs, d)
		}
		data["Languages"] = langs
	}
	s.renderSection(c, status, "charter_diff", "charter.diff.title", data)
}

// charterAcceptancesPage shows an admin who accepted the current version,
// when and from where, and which active members have not.
func (s *Server) charterAcceptancesPage(c *gin.Context) {
	st, err := s.charters.Acceptances(c.Request.Context(), callerOf(c))
	if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
		s.failPage(c, err)
		return
	}
	data := gin.H{"Nav": s.charterAdminLinks(c, "charter-acceptances")}
	if err == nil {
		data["Status"] = st
	}
	s.renderSection(c, http.StatusOK, "charter_acceptances", "charter.acceptances.title", data)
}
