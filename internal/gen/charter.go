package gen

import (
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// charterV1 is the first charter of a generated alliance, per language.
var charterV1 = map[domain.Locale]string{
	domain.French: `# Charte de l'alliance

1. Le mentor accompagne, l'entrepreneur décide et conduit chaque séance.
2. Douze séances mensuelles, préparées par l'entrepreneur.
3. Ce qui se dit en séance reste confidentiel.
4. Le mentor ne vend rien à l'entrepreneur et n'entre pas au capital de son entreprise.
`,
	domain.English: `# Alliance charter

1. The mentor supports; the entrepreneur decides and leads every session.
2. Twelve monthly sessions, prepared by the entrepreneur.
3. What is said in a session stays confidential.
4. The mentor sells nothing to the entrepreneur and takes no share in the business.
`,
}

// charterV2 adds peer coaching to the first charter.
var charterV2 = map[domain.Locale]string{
	domain.French:  charterV1[domain.French] + "5. Chaque trimestre, les mentors se retrouvent pour un co-développement entre pairs.\n",
	domain.English: charterV1[domain.English] + "5. Every quarter, mentors meet for peer coaching.\n",
}

// charterVersions makes the alliance's charter — a first version
// superseded eight months ago by the published one — and the members'
// acceptances: nearly all admins and active mentors accepted the published
// version, fewer of the others.
func (b *builder) charterVersions() {
	v1At, v2At := b.founded().AddDate(0, 0, 20), b.today.AddDate(0, -8, 0)
	by := b.deciders[0].UserID
	b.d.charter = []*domain.CharterVersion{
		{Version: 1, Status: domain.CharterSuperseded, Bodies: charterV1, CreatedBy: by, CreatedAt: v1At.AddDate(0, 0, -10),
			UpdatedAt: v2At, PublishedAt: &v1At},
		{Version: 2, Status: domain.CharterPublished, Bodies: charterV2, CreatedBy: by, CreatedAt: v2At.AddDate(0, 0, -15),
			UpdatedAt: v2At, PublishedAt: &v2At},
	}
	for _, m := range b.d.members {
		if m.JoinedAt.Before(v2At) && b.s.chance(0.9) {
			b.accept(m, 1, b.s.instant(laterOf(m.JoinedAt, v1At), v2At))
		}
		if b.s.chance(acceptanceChance(m)) {
			from := laterOf(m.JoinedAt, v2At)
			b.accept(m, 2, b.s.instant(from, earlierOf(from.AddDate(0, 2, 0), b.today)))
			if m.Has(domain.RoleMentor) {
				b.current[m.UserID] = true
			}
		}
	}
}

// acceptanceChance is how likely a member is to have accepted the
// published charter.
func acceptanceChance(m *domain.Member) float64 {
	switch {
	case m.Has(domain.RoleAdmin):
		return 1
	case m.Status != domain.StatusActive:
		return 0.3
	case m.Has(domain.RoleMentor):
		return 0.85
	case m.Has(domain.RoleCoordinator):
		return 0.9
	default:
		return 0.4
	}
}

func (b *builder) accept(m *domain.Member, version int, at time.Time) {
	ip := fmt.Sprintf("196.%d.%d.%d", b.s.between(0, 255), b.s.between(0, 255), b.s.between(1, 254))
	b.d.acceptances = append(b.d.acceptances, domain.CharterAcceptance{Version: version, UserID: m.UserID, AcceptedAt: at, IP: ip})
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlierOf(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
