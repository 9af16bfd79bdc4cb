package gen

import "github.com/mentorat/mentorat/internal/domain"

// region is a country where generated alliances work: its cities (the
// largest first), its language of business, its telephone code, the local
// language mentors often speak, and the names people there carry.
type region struct {
	country       string
	locale        domain.Locale
	phoneCode     string
	localLanguage string // ISO 639 code
	cities        []string
	names         *namePool
}

// regions are the countries alliances are generated in, in turn: Mali
// first, where the programme began.
var regions = []region{
	{"Mali", domain.French, "+223", "bm", []string{"Bamako", "Sikasso", "Ségou", "Kayes", "Mopti", "Koutiala"}, &sahelNames},
	{"Sénégal", domain.French, "+221", "wo", []string{"Dakar", "Thiès", "Saint-Louis", "Ziguinchor", "Kaolack"}, &senegambiaNames},
	{"Côte d'Ivoire", domain.French, "+225", "dyu", []string{"Abidjan", "Bouaké", "Yamoussoukro", "San-Pédro", "Korhogo"}, &ivorianNames},
	{"Ghana", domain.English, "+233", "tw", []string{"Accra", "Kumasi", "Tamale", "Takoradi"}, &akanNames},
	{"Burkina Faso", domain.French, "+226", "mos", []string{"Ouagadougou", "Bobo-Dioulasso", "Koudougou", "Ouahigouya"}, &mossiNames},
	{"Guinée", domain.French, "+224", "ff", []string{"Conakry", "Kankan", "Labé", "Nzérékoré"}, &sahelNames},
	{"The Gambia", domain.English, "+220", "wo", []string{"Serrekunda", "Banjul", "Brikama"}, &senegambiaNames},
}

// regionOf gives the region of the alliance numbered n (from 1).
func regionOf(n int) *region { return &regions[(n-1)%len(regions)] }

// homeCity is where the alliance numbered n began: the region's largest
// city first, then the next ones as the regions come round again.
func homeCity(n int) string {
	r := regionOf(n)
	return r.cities[(n-1)/len(regions)%len(r.cities)]
}

// cityWeights favour the alliance's home city, then the larger cities.
func cityWeights(r *region, home string) []weighted[string] {
	out := make([]weighted[string], len(r.cities))
	for i, c := range r.cities {
		w := len(r.cities) - i + 1
		if c == home {
			w += len(r.cities)
		}
		out[i] = weighted[string]{c, w}
	}
	return out
}
