package gen

import (
	"fmt"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// sectorWeights are how common each of domain.Sectors is among applicants:
// farming, food and trade first.
var sectorWeights = []weighted[string]{
	{"agriculture", 16}, {"agrifood", 14}, {"retail", 13}, {"textile", 9}, {"services", 9}, {"crafts", 6},
	{"digital", 7}, {"construction", 4}, {"transport", 5}, {"health", 3}, {"education", 4}, {"energy", 3},
	{"tourism", 3}, {"other", 4},
}

// stageWeights are how far along applicants' businesses are.
var stageWeights = []weighted[string]{{"idea", 15}, {"starting", 35}, {"growing", 35}, {"established", 15}}

// stageProfile is what a business at one stage looks like: its age in
// years, its staff and its yearly revenue band.
type stageProfile struct {
	minAge, maxAge             int
	minEmployees, maxEmployees int
	revenue                    []string // of domain.RevenueBands
}

var stageProfiles = map[string]stageProfile{
	"idea":        {0, 0, 0, 1, []string{"none"}},
	"starting":    {0, 2, 0, 3, []string{"none", "under_1m", "under_1m", "1m_5m"}},
	"growing":     {2, 6, 2, 15, []string{"1m_5m", "1m_5m", "5m_20m", "20m_100m"}},
	"established": {5, 15, 5, 60, []string{"5m_20m", "20m_100m", "20m_100m", "over_100m"}},
}

// businessWords name businesses across the region: places, rivers, trees
// and words of good omen.
var businessWords = []string{
	"Baobab", "Sahel", "Djoliba", "Niger", "Kénédougou", "Espoir", "Avenir", "Teriya", "Benkadi", "Jigiya", "Sababou",
	"Karité", "Faso", "Dounia", "Wassa", "Nyeta", "Soleil", "Horizon", "Étoile", "Bogolan", "Teranga", "Akwaaba",
	"Sankofa", "Nafa", "Siguida", "Kènèya",
}

// businessForms are the shapes of a business's name per sector and
// language; %s is a word of businessWords or the owner's first name.
var businessForms = map[domain.Locale]map[string][]string{
	domain.French: {
		"agriculture":  {"Ferme %s", "Jardins %s", "Vergers %s", "Coopérative %s"},
		"agrifood":     {"Délices %s", "Saveurs %s", "Transformation %s", "Jus %s"},
		"crafts":       {"Atelier %s", "Poterie %s", "Cuirs %s"},
		"textile":      {"Couture %s", "Teinture %s", "Pagnes %s"},
		"retail":       {"Boutique %s", "Alimentation %s", "Quincaillerie %s"},
		"services":     {"%s Services", "Pressing %s", "Salon %s"},
		"digital":      {"%s Digital", "%s Tech", "%s Solutions"},
		"construction": {"%s BTP", "Bâtiment %s", "Menuiserie %s"},
		"transport":    {"Transports %s", "%s Logistique", "%s Livraison"},
		"health":       {"Pharmacie %s", "Clinique %s", "Santé %s"},
		"education":    {"École %s", "Centre de formation %s", "Cours %s"},
		"energy":       {"%s Solaire", "Énergie %s"},
		"tourism":      {"Auberge %s", "Voyages %s", "Campement %s"},
		"other":        {"Entreprise %s", "Établissements %s"},
	},
	domain.English: {
		"agriculture":  {"%s Farms", "%s Gardens", "%s Orchards", "%s Cooperative"},
		"agrifood":     {"%s Foods", "%s Flavours", "%s Juices", "%s Processing"},
		"crafts":       {"%s Crafts", "%s Pottery", "%s Leather"},
		"textile":      {"%s Tailoring", "%s Dyes", "%s Fabrics"},
		"retail":       {"%s Stores", "%s Provisions", "%s Hardware"},
		"services":     {"%s Services", "%s Laundry", "%s Salon"},
		"digital":      {"%s Digital", "%s Tech", "%s Solutions"},
		"construction": {"%s Builders", "%s Construction", "%s Carpentry"},
		"transport":    {"%s Transport", "%s Logistics", "%s Deliveries"},
		"health":       {"%s Pharmacy", "%s Clinic", "%s Health"},
		"education":    {"%s School", "%s Training Centre", "%s Tutoring"},
		"energy":       {"%s Solar", "%s Energy"},
		"tourism":      {"%s Lodge", "%s Tours", "%s Guesthouse"},
		"other":        {"%s Enterprises", "%s Ventures"},
	},
}

// newBusiness makes an applicant's business in loc's words, founded when
// its stage says, never before its owner turned sixteen.
func newBusiness(s source, loc domain.Locale, firstName string, birthYear, thisYear int) domain.Business {
	sector := pickWeighted(s, sectorWeights)
	stage := pickWeighted(s, stageWeights)
	p := stageProfiles[stage]
	word := pick(s, businessWords)
	if s.chance(0.3) {
		word = strings.Fields(firstName)[0]
	}
	b := domain.Business{Name: fmt.Sprintf(pick(s, businessForms[loc][sector]), word), Sector: sector, Stage: stage,
		Employees: s.between(p.minEmployees, p.maxEmployees), RevenueBand: pick(s, p.revenue)}
	if stage != "idea" {
		b.FoundedYear = max(thisYear-s.between(p.minAge, p.maxAge), birthYear+16)
	}
	return b
}
