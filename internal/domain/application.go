package domain

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Gender is how an applicant describes themselves; the share of women is
// a headline figure of the reports.
type Gender string

// The genders an applicant may give.
const (
	GenderWoman       Gender = "woman"
	GenderMan         Gender = "man"
	GenderUnspecified Gender = "unspecified" // prefers not to say
)

// Genders lists every gender value.
var Genders = []Gender{GenderWoman, GenderMan, GenderUnspecified}

// Sectors a business may be in.
var Sectors = []string{
	"agriculture", "agrifood", "crafts", "textile", "retail", "services", "digital",
	"construction", "transport", "health", "education", "energy", "tourism", "other",
}

// Stages a business may be at.
var Stages = []string{"idea", "starting", "growing", "established"}

// RevenueBands are yearly revenue brackets, in CFA francs (XOF), from the
// lowest.
var RevenueBands = []string{"none", "under_1m", "1m_5m", "5m_20m", "20m_100m", "over_100m"}

// Limits of an application.
const (
	ApplicationTextMax = 4000 // characters of obstacles, goals or motivation
	applicantNameMax   = 120
	businessNameMax    = 120
	cityMax            = 80
	employeesMax       = 100_000
	oldestApplicant    = 80
	youngestApplicant  = 15
	oldestBusiness     = 1950
)

// Applicant is who applies: their name, how to reach them (an e-mail, a
// phone, or both), and who they are.
type Applicant struct {
	Name      string `json:"name"`
	Email     string `json:"email"`
	Phone     string `json:"phone"`
	Gender    Gender `json:"gender"`
	BirthYear int    `json:"birth_year"`
	City      string `json:"city"`
}

// Business is the applicant's business.
type Business struct {
	Name        string `json:"name"`
	Sector      string `json:"sector"`
	Stage       string `json:"stage"`
	Employees   int    `json:"employees"`
	FoundedYear int    `json:"founded_year"`
	RevenueBand string `json:"revenue_band"`
}

// ApplicationForm is what an entrepreneur fills in to apply to a cohort.
type ApplicationForm struct {
	CohortID   ID
	Locale     Locale // the language they applied in, for the mails
	Applicant  Applicant
	Business   Business
	Obstacles  string
	Goals      string
	Motivation string
}

var phonePattern = regexp.MustCompile(`^\+?[0-9]{8,15}$`)

// Normalize trims the texts, lowercases the e-mail, and strips the
// spaces, dots and dashes people put in phone numbers.
func (f *ApplicationForm) Normalize() {
	a, b := &f.Applicant, &f.Business
	a.Name, a.City, b.Name = strings.TrimSpace(a.Name), strings.TrimSpace(a.City), strings.TrimSpace(b.Name)
	a.Email = NormalizeEmail(a.Email)
	a.Phone = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' || r == '(' || r == ')' {
			return -1
		}
		return r
	}, strings.TrimSpace(a.Phone))
	f.Obstacles, f.Goals, f.Motivation = strings.TrimSpace(f.Obstacles), strings.TrimSpace(f.Goals), strings.TrimSpace(f.Motivation)
}

// Validate checks a normalized form at now, naming every bad field by its
// JSON path.
func (f *ApplicationForm) Validate(now time.Time) error {
	var p Problems
	a, b := f.Applicant, f.Business
	if !f.Locale.Valid() {
		p.Add("locale", "validation.locale", nil)
	}
	ValidateText(&p, "applicant.name", a.Name, 2, applicantNameMax)
	switch {
	case a.Email == "" && a.Phone == "":
		p.Add("applicant.email", "validation.email_or_phone", nil)
	case a.Email != "":
		ValidateEmail(&p, "applicant.email", a.Email)
	}
	if a.Phone != "" && !phonePattern.MatchString(a.Phone) {
		p.Add("applicant.phone", "validation.phone", nil)
	}
	if !slices.Contains(Genders, a.Gender) {
		p.Add("applicant.gender", "validation.one_of", map[string]any{"values": "woman, man, unspecified"})
	}
	year := now.Year()
	if a.BirthYear < year-oldestApplicant || a.BirthYear > year-youngestApplicant {
		p.Add("applicant.birth_year", "validation.range", map[string]any{"min": year - oldestApplicant, "max": year - youngestApplicant})
	}
	ValidateText(&p, "applicant.city", a.City, 2, cityMax)
	ValidateText(&p, "business.name", b.Name, 2, businessNameMax)
	oneOf(&p, "business.sector", b.Sector, Sectors)
	oneOf(&p, "business.stage", b.Stage, Stages)
	oneOf(&p, "business.revenue_band", b.RevenueBand, RevenueBands)
	if b.Employees < 0 || b.Employees > employeesMax {
		p.Add("business.employees", "validation.range", map[string]any{"min": 0, "max": employeesMax})
	}
	if b.FoundedYear != 0 && (b.FoundedYear < oldestBusiness || b.FoundedYear > year) {
		p.Add("business.founded_year", "validation.range", map[string]any{"min": oldestBusiness, "max": year})
	}
	requiredLongText(&p, "obstacles", f.Obstacles)
	requiredLongText(&p, "goals", f.Goals)
	requiredLongText(&p, "motivation", f.Motivation)
	return p.Err()
}

func oneOf(p *Problems, field, value string, values []string) {
	if !slices.Contains(values, value) {
		p.Add(field, "validation.one_of", map[string]any{"values": strings.Join(values, ", ")})
	}
}

func requiredLongText(p *Problems, field, s string) {
	if strings.TrimSpace(s) == "" {
		p.Add(field, "validation.required", nil)
		return
	}
	ValidateLongText(p, field, s, ApplicationTextMax)
}

// Application is an entrepreneur's application to a cohort and where it
// stands.
type Application struct {
	ApplicationForm
	AllianceID  ID
	ID          ID
	UserID      ID // the applicant's account
	Status      ApplicationStatus
	ScoreAvg    *float64 // the mean of the scores given, if any
	SubmittedAt time.Time
	UpdatedAt   time.Time
}

// ApplicationEvent is one move of an application: who, when, from, to,
// and why.
type ApplicationEvent struct {
	ID        ID
	From      ApplicationStatus // empty for the submission
	To        ApplicationStatus
	ActorID   *ID // nil when the applicant applied without an account
	ActorName string
	Note      string
	At        time.Time
}

// ApplicationNote is a remark of a screener on an application, with an
// optional score from 1 to 5.
type ApplicationNote struct {
	ID         ID
	AuthorID   ID
	AuthorName string
	Text       string
	Score      *int
	CreatedAt  time.Time
}

// ApplicationNoteMax bounds a note, in characters.
const ApplicationNoteMax = 4000

// Validate checks a note: some text or a score, the score from 1 to 5.
func (n *ApplicationNote) Validate() error {
	var p Problems
	n.Text = strings.TrimSpace(n.Text)
	if n.Text == "" && n.Score == nil {
		p.Add("text", "validation.required", nil)
	}
	ValidateLongText(&p, "text", n.Text, ApplicationNoteMax)
	if n.Score != nil && (*n.Score < 1 || *n.Score > 5) {
		p.Add("score", "validation.range", map[string]any{"min": 1, "max": 5})
	}
	return p.Err()
}
