package gen

import (
	"strings"

	"github.com/mentorat/mentorat/internal/domain"
)

// phrases are the sentences an applicant's answers are made of, per
// language; a few mention the applicant's city, written {city}.
type phrases struct {
	obstacles, goals, motivation []string
	// sectorObstacles are the difficulties of one sector in particular.
	sectorObstacles map[string]string
}

var phrasesIn = map[domain.Locale]*phrases{
	domain.French: {
		obstacles: []string{
			"Le manque de trésorerie entre deux commandes m'empêche d'acheter la matière première en quantité.",
			"Les banques demandent des garanties que je n'ai pas, alors je n'ai jamais eu de crédit.",
			"Mes clients paient souvent en retard, parfois plusieurs mois après la livraison.",
			"Je tiens mes comptes dans un cahier et je ne sais pas exactement ce que je gagne.",
			"Les coupures d'électricité arrêtent le travail plusieurs heures par jour.",
			"Le transport vers les marchés coûte cher, surtout pendant l'hivernage quand les routes sont abîmées.",
			"Je manque de temps pour chercher de nouveaux clients.",
			"La concurrence des produits importés tire les prix vers le bas.",
			"Je n'arrive pas à garder mes employés une fois qu'ils sont formés.",
			"Je ne sais pas comment fixer mes prix pour couvrir tous mes coûts.",
			"Les démarches pour formaliser l'entreprise me paraissent longues et coûteuses.",
			"Mon local est trop petit et le loyer augmente chaque année.",
			"Je vends surtout dans mon quartier à {city} et je ne sais pas comment me faire connaître ailleurs.",
			"Je mélange l'argent de la famille et celui de l'entreprise.",
			"Mes fournisseurs ne livrent pas toujours à temps ni la qualité promise.",
		},
		goals: []string{
			"Tenir une comptabilité simple et séparer les finances de l'entreprise des miennes.",
			"Doubler mon chiffre d'affaires d'ici deux ans.",
			"Embaucher deux jeunes du quartier et les former.",
			"Obtenir un premier crédit auprès d'une institution de microfinance.",
			"Ouvrir un deuxième point de vente à {city}.",
			"Trouver des clients réguliers parmi les hôtels, les restaurants et les écoles.",
			"Formaliser mon entreprise et obtenir mon registre de commerce.",
			"Vendre par WhatsApp et sur internet pour toucher de nouveaux clients.",
			"Acheter une machine qui me fera gagner du temps et de la qualité.",
			"Vendre dans les pays voisins.",
			"Mieux négocier avec mes fournisseurs et acheter en gros.",
			"Écrire un plan d'affaires solide pour convaincre des investisseurs.",
			"Me verser un salaire fixe chaque mois.",
		},
		motivation: []string{
			"J'ai besoin d'un regard extérieur pour prendre de meilleures décisions.",
			"Un mentor qui est passé par là m'évitera des erreurs coûteuses.",
			"Je veux apprendre à diriger une équipe.",
			"Une amie a suivi le programme et son entreprise a beaucoup grandi.",
			"Les décisions importantes, je les prends sans personne à qui en parler.",
			"Je veux que mon entreprise fasse vivre ma famille et d'autres familles.",
			"J'ai beaucoup d'idées mais j'ai du mal à les mettre en ordre.",
			"Je crois qu'un échange chaque mois pendant un an m'aidera à tenir mes objectifs.",
			"Je veux gagner en confiance pour parler aux banques et aux grands clients.",
			"Mon rêve est de créer des emplois pour les jeunes de {city}.",
			"J'ai appris mon métier sur le tas et je veux maintenant apprendre la gestion.",
		},
		sectorObstacles: map[string]string{
			"agriculture":  "Les pluies irrégulières rendent mes récoltes incertaines.",
			"agrifood":     "Mes produits se conservent mal et je perds une partie du stock.",
			"crafts":       "Les touristes sont moins nombreux et je dépends de quelques revendeurs.",
			"textile":      "Le prix du tissu et du fil a beaucoup augmenté cette année.",
			"retail":       "Je fais beaucoup de crédit à mes clients et certains ne me remboursent pas.",
			"services":     "Mes clients ne voient pas toujours la valeur de ce que je fais.",
			"digital":      "La connexion internet est lente et chère.",
			"construction": "Le prix du ciment et du fer change d'une semaine à l'autre.",
			"transport":    "Le carburant et les pannes mangent presque toute ma marge.",
			"health":       "Il est difficile d'obtenir les autorisations et des produits de qualité.",
			"education":    "Les parents paient la scolarité en retard.",
			"energy":       "Les panneaux et les batteries coûtent cher à l'achat.",
			"tourism":      "L'activité s'arrête presque pendant la saison des pluies.",
		},
	},
	domain.English: {
		obstacles: []string{
			"Cash runs short between two orders, so I cannot buy raw materials in bulk.",
			"Banks ask for collateral I do not have, so I have never had a loan.",
			"My customers often pay late, sometimes months after delivery.",
			"I keep my accounts in a notebook and do not know exactly what I earn.",
			"Power cuts stop the work for several hours a day.",
			"Transport to the markets is costly, above all in the rainy season when the roads are bad.",
			"I lack the time to look for new customers.",
			"Imported goods push prices down.",
			"I cannot keep my staff once they are trained.",
			"I do not know how to set my prices to cover all my costs.",
			"Registering the business looks long and costly to me.",
			"My shop is too small and the rent goes up every year.",
			"I sell mostly in my neighbourhood in {city} and do not know how to reach other customers.",
			"I mix the family's money with the business's.",
			"My suppliers do not always deliver on time or the quality they promised.",
		},
		goals: []string{
			"Keep simple accounts and separate the business's money from mine.",
			"Double my turnover within two years.",
			"Hire two young people from the neighbourhood and train them.",
			"Get a first loan from a microfinance institution.",
			"Open a second shop in {city}.",
			"Find regular customers among hotels, restaurants and schools.",
			"Register my business formally.",
			"Sell through WhatsApp and online to reach new customers.",
			"Buy a machine that will save me time and improve quality.",
			"Sell in the neighbouring countries.",
			"Negotiate better with my suppliers and buy wholesale.",
			"Write a sound business plan to convince investors.",
			"Pay myself a fixed salary every month.",
		},
		motivation: []string{
			"I need an outside view to make better decisions.",
			"A mentor who has been there will save me costly mistakes.",
			"I want to learn how to lead a team.",
			"A friend took part in the programme and her business grew a lot.",
			"I make the big decisions with nobody to talk them over with.",
			"I want my business to support my family and other families.",
			"I have many ideas but find it hard to put them in order.",
			"I believe a monthly conversation for a year will help me keep to my goals.",
			"I want the confidence to talk to banks and large customers.",
			"My dream is to create jobs for the young people of {city}.",
			"I learnt my trade on the job and now want to learn management.",
		},
		sectorObstacles: map[string]string{
			"agriculture":  "Irregular rains make my harvests uncertain.",
			"agrifood":     "My products keep badly and I lose part of the stock.",
			"crafts":       "There are fewer tourists and I depend on a few resellers.",
			"textile":      "The price of fabric and thread rose a lot this year.",
			"retail":       "I give a lot of credit to customers and some never pay it back.",
			"services":     "My customers do not always see the value of what I do.",
			"digital":      "The internet connection is slow and expensive.",
			"construction": "The price of cement and steel changes from week to week.",
			"transport":    "Fuel and breakdowns eat almost all my margin.",
			"health":       "Licences and good-quality supplies are hard to get.",
			"education":    "Parents pay school fees late.",
			"energy":       "Panels and batteries are expensive to buy.",
			"tourism":      "Business almost stops in the rainy season.",
		},
	},
}

// answers composes an applicant's three answers from the phrases of their
// language, so that no two applications read quite alike.
func answers(s source, loc domain.Locale, sector, city string) (obstacles, goals, motivation string) {
	p := phrasesIn[loc]
	obs := pickDistinct(s, p.obstacles, s.between(1, 3))
	if specific, ok := p.sectorObstacles[sector]; ok && s.chance(0.6) {
		obs = append([]string{specific}, obs...)
	}
	compose := func(sentences []string) string {
		return strings.ReplaceAll(strings.Join(sentences, " "), "{city}", city)
	}
	return compose(obs), compose(pickDistinct(s, p.goals, s.between(1, 3))), compose(pickDistinct(s, p.motivation, s.between(1, 2)))
}
