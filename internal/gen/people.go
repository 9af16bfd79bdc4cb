package gen

import (
	"fmt"
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// genderWeights: about half the applicants are women, and a few prefer
// not to say.
var genderWeights = []weighted[domain.Gender]{
	{domain.GenderWoman, 49}, {domain.GenderMan, 48}, {domain.GenderUnspecified, 3},
}

// personName gives a first and a family name of the pool, a woman's or a
// man's first name as gender says (either for one unspecified).
func personName(s source, names *namePool, gender domain.Gender) (first, full string) {
	firstNames := names.men
	if gender == domain.GenderWoman || (gender == domain.GenderUnspecified && s.chance(0.5)) {
		firstNames = names.women
	}
	first = pick(s, firstNames)
	return first, first + " " + pick(s, names.family)
}

// personalEmail gives the address of the n-th person of an alliance: the
// name folded to ASCII and the number, at the alliance's mail domain.
func personalEmail(name string, n int, mailDomain string) string {
	return fmt.Sprintf("%s.%d@%s", strings.ReplaceAll(domain.Slugify(name, 60), "-", "."), n, mailDomain)
}

// phoneNumber gives the n-th mobile number of an alliance: distinct for
// every n below ten million, since 7919 and 10⁷ have no common factor.
func phoneNumber(code string, n, offset int) string {
	return fmt.Sprintf("%s7%07d", code, (n*7919+offset)%10_000_000)
}
