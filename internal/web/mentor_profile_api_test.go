package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPIMentorProfileIsSetByTheMentorOrThoseWhoRunThePipeline(t *testing.T) {
	p := newPipelineAPI(t)
	path := p.path("/members/" + p.mentor.ID.String() + "/profile")
	w := p.call("PUT", path, map[string]any{"city": " Dakar ", "sectors": []string{"agrifood", "retail", "agrifood"}, "languages": []string{"FR", "wo"}}, p.mentor.Token)
	p.expect(w, http.StatusOK, "own profile")
	var m memberView
	p.decode(w, &m)
	if m.UserID != p.mentor.ID || m.Profile == nil || m.Profile.City != "Dakar" || !slices.Equal(m.Profile.Sectors, []string{"agrifood", "retail"}) ||
		!slices.Equal(m.Profile.Languages, []string{"fr", "wo"}) || m.Email != p.mentor.Email {
		t.Fatalf("profile %+v", m)
	}
	p.expect(p.call("PUT", path, map[string]any{"city": "Thiès", "sectors": []string{"digital"}, "languages": []string{"fr"}}, p.coord.Token),
		http.StatusOK, "the coordinator sets it")

	// Reading a member one by one shows the profile; the list does not.
	w = p.call("GET", p.path("/members/"+p.mentor.ID.String()), nil, p.entrep.Token)
	p.expect(w, http.StatusOK, "member")
	m = memberView{}
	p.decode(w, &m)
	if m.Profile == nil || m.Profile.City != "Thiès" || !slices.Equal(m.Profile.Sectors, []string{"digital"}) || m.Email != "" {
		t.Fatalf("member %+v", m)
	}
	w = p.call("GET", p.path("/members/"+p.mentor2.ID.String()), nil, p.coord.Token)
	p.expect(w, http.StatusOK, "member without a profile")
	if !strings.Contains(w.Body.String(), `"profile":{"city":"","sectors":[],"languages":[]}`) {
		t.Fatalf("member %s", w.Body)
	}
	w = p.call("GET", p.path("/members"), nil, p.coord.Token)
	p.expect(w, http.StatusOK, "members")
	if strings.Contains(w.Body.String(), "profile") {
		t.Fatalf("the list shows profiles: %s", w.Body)
	}

	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		p.expectField(t, p.in(loc, "PUT", path, map[string]any{"sectors": []string{"mining"}}, p.mentor), loc, "sectors", "validation.one_of",
			map[string]any{"values": strings.Join(domain.Sectors, ", ")})
		p.expectField(t, p.in(loc, "PUT", path, map[string]any{"languages": []string{"français"}}, p.mentor), loc, "languages", "validation.language_code", nil)
		p.expectField(t, p.in(loc, "PUT", path, map[string]any{"city": "D"}, p.mentor), loc, "city", "validation.length", map[string]any{"min": 2, "max": 80})
		p.expectProblem(t, p.in(loc, "PUT", path, map[string]any{"city": "Dakar"}, p.mentor2), http.StatusForbidden, loc, "error.forbidden.detail")
		p.expectProblem(t, p.in(loc, "PUT", path, map[string]any{"city": "Dakar"}, p.entrep), http.StatusForbidden, loc, "error.forbidden.detail")
		// Nobody, a member of another alliance, and anyone's profile to
		// a non-member: not found.
		other := p.path("/members/" + p.coord.ID.String() + "/profile")
		p.expectProblem(t, p.in(loc, "PUT", p.path("/members/"+uuid.NewString()+"/profile"), map[string]any{"city": "Dakar"}, p.coord),
			http.StatusNotFound, loc, "error.not_found.detail")
		p.expectProblem(t, p.in(loc, "PUT", p.path("/members/"+p.otherMentor.ID.String()+"/profile"), map[string]any{"city": "Dakar"}, p.coord),
			http.StatusNotFound, loc, "error.not_found.detail")
		p.expectProblem(t, p.in(loc, "PUT", other, map[string]any{"city": "Dakar"}, p.outsider), http.StatusNotFound, loc, "error.not_found.detail")
		p.unchangedPipeline(t, before)
	}
}
