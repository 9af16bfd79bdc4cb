package gen

import "github.com/mentorat/mentorat/internal/domain"

// The words of a mentorship's journey, per language: what the two people
// write on agendas and in logs, why a session was missed or cancelled or
// a mentorship ended, what the end survey says, and what the mentors' peer
// sessions are about.

// businessObstacles are obstacles of the business an agenda or a log
// names.
var businessObstacles = map[domain.Locale][]string{
	domain.French: {
		"Trésorerie tendue en fin de mois", "Clients qui paient en retard", "Fixer des prix qui couvrent les coûts",
		"Trouver un fournisseur fiable", "Tenir la comptabilité à jour", "Obtenir un premier crédit",
		"Recruter et garder un employé", "Vendre en dehors du quartier", "Suivre le stock", "Concurrence des produits importés",
		"Formaliser l'entreprise", "Négocier avec les grossistes", "Préparer la saison des pluies",
	},
	domain.English: {
		"Cash running short at the end of the month", "Customers who pay late", "Setting prices that cover costs",
		"Finding a reliable supplier", "Keeping the books up to date", "Getting a first loan",
		"Hiring and keeping an employee", "Selling beyond the neighbourhood", "Keeping track of stock",
		"Competition from imported goods", "Registering the business", "Negotiating with wholesalers",
		"Getting ready for the rainy season",
	},
}

// personalObstacles are obstacles of the entrepreneur's own.
var personalObstacles = map[domain.Locale][]string{
	domain.French: {
		"Dire non aux demandes d'argent de la famille", "Organiser mon temps entre la famille et l'entreprise",
		"Prendre la parole devant des clients", "Oser présenter mon projet à une banque", "Déléguer sans tout contrôler",
		"Garder confiance après un mauvais mois",
	},
	domain.English: {
		"Saying no to family requests for money", "Sharing my time between family and business",
		"Speaking in front of customers", "Daring to present my project to a bank", "Delegating without checking everything",
		"Keeping confidence after a bad month",
	},
}

// sharedNotes are what a mentor writes for both to read after a session.
var sharedNotes = map[domain.Locale][]string{
	domain.French: {
		"Nous avons repris le plan de trésorerie du mois et repéré les dépenses à décaler.",
		"Bonne progression depuis la dernière séance : le cahier de caisse est tenu chaque jour.",
		"Nous avons calculé le coût de revient des trois produits principaux.",
		"Discussion sur les clients en retard de paiement ; une relance écrite est prête.",
		"Séance consacrée à la préparation du dossier de crédit.",
		"Nous avons listé les fournisseurs possibles et comparé leurs conditions.",
		"Point sur l'organisation de la semaine : un jour fixe pour la comptabilité.",
	},
	domain.English: {
		"We went over the month's cash plan and found the spending that can wait.",
		"Good progress since last time: the cash book is kept every day.",
		"We worked out the cost price of the three main products.",
		"We discussed the customers who pay late; a written reminder is ready.",
		"The session went on preparing the loan application.",
		"We listed possible suppliers and compared their terms.",
		"We looked at how the week is organised: one fixed day for the books.",
	},
}

// actionIdea is an action a session may agree, and who usually carries it
// out.
type actionIdea struct {
	text  string
	owner domain.ActionOwner
}

// actionIdeas are the actions sessions agree.
var actionIdeas = map[domain.Locale][]actionIdea{
	domain.French: {
		{"Tenir le cahier de caisse chaque jour", domain.OwnerEntrepreneur},
		{"Appeler les trois clients qui doivent de l'argent", domain.OwnerEntrepreneur},
		{"Préparer un devis type", domain.OwnerEntrepreneur},
		{"Comparer les prix de deux fournisseurs", domain.OwnerEntrepreneur},
		{"Ouvrir un compte d'épargne pour l'entreprise", domain.OwnerEntrepreneur},
		{"Rassembler les pièces du dossier de crédit", domain.OwnerEntrepreneur},
		{"Calculer le coût de revient de chaque produit", domain.OwnerEntrepreneur},
		{"Présenter un conseiller de la caisse d'épargne", domain.OwnerMentor},
		{"Envoyer un modèle de budget mensuel", domain.OwnerMentor},
		{"Partager la liste des foires de la région", domain.OwnerMentor},
	},
	domain.English: {
		{"Keep the cash book every day", domain.OwnerEntrepreneur},
		{"Call the three customers who owe money", domain.OwnerEntrepreneur},
		{"Draw up a standard quote", domain.OwnerEntrepreneur},
		{"Compare the prices of two suppliers", domain.OwnerEntrepreneur},
		{"Open a savings account for the business", domain.OwnerEntrepreneur},
		{"Gather the papers for the loan application", domain.OwnerEntrepreneur},
		{"Work out the cost price of each product", domain.OwnerEntrepreneur},
		{"Introduce an adviser from the savings bank", domain.OwnerMentor},
		{"Send a template for a monthly budget", domain.OwnerMentor},
		{"Share the list of the region's trade fairs", domain.OwnerMentor},
	},
}

// ratingComments are what entrepreneurs sometimes write with a rating.
var ratingComments = map[domain.Locale][]string{
	domain.French: {
		"Très utile, merci.", "J'ai enfin compris mon fonds de roulement.", "Séance un peu courte.",
		"Des conseils concrets que j'applique déjà.", "J'aurais aimé plus de temps sur les prix.",
	},
	domain.English: {
		"Very useful, thank you.", "I finally understand my working capital.", "A bit short.",
		"Practical advice I already use.", "I would have liked more time on prices.",
	},
}

// privateNotes are what a mentor keeps for themselves, in the alliance's
// language.
var privateNotes = map[domain.Locale][]string{
	domain.French: {
		"Semble fatiguée ; revenir sur la charge de travail.", "Hésite à parler des dettes familiales.",
		"Progrès réels : l'encourager davantage.", "Vérifier à la prochaine séance si la relance a été envoyée.",
		"Penser à lui présenter un autre entrepreneur du même secteur.",
	},
	domain.English: {
		"Seems tired; come back to the workload.", "Reluctant to talk about family debts.",
		"Real progress: encourage more.", "Check next time whether the reminder went out.",
		"Think of introducing another entrepreneur of the same sector.",
	},
}

// sessionPlaces are where sessions are held.
var sessionPlaces = map[domain.Locale][]string{
	domain.French: {"Atelier de l'entrepreneur", "Bureau de l'alliance", "Café près du marché", "Appel vidéo", "Téléphone"},
	domain.English: {"The entrepreneur's workshop", "The alliance's office", "Café by the market", "Video call",
		"Phone"},
}

// missedReasons are why a session did not happen.
var missedReasons = map[domain.Locale][]string{
	domain.French: {
		"L'entrepreneur n'est pas venu et n'a pas prévenu.", "Coupure de réseau : l'appel n'a pas pu avoir lieu.",
		"Le mentor était malade.", "Malentendu sur l'heure du rendez-vous.",
	},
	domain.English: {
		"The entrepreneur did not come and sent no word.", "The network was down: the call could not take place.",
		"The mentor was ill.", "A misunderstanding over the time.",
	},
}

// cancelReasons are why a session was called off beforehand.
var cancelReasons = map[domain.Locale][]string{
	domain.French: {
		"Deuil dans la famille.", "Voyage d'affaires imprévu.", "Fête religieuse : séance reportée au mois suivant.",
		"Grosse commande à livrer cette semaine-là.",
	},
	domain.English: {
		"A death in the family.", "An unplanned business trip.", "A religious holiday: moved to next month.",
		"A large order to deliver that week.",
	},
}

// endReasons are why a mentorship ended early.
var endReasons = map[domain.Locale][]string{
	domain.French: {
		"L'entrepreneur a fermé son activité.", "L'entrepreneur a déménagé hors de la région.",
		"Plus disponible : nouvel emploi salarié.", "Désaccord sur les attentes du mentorat.",
	},
	domain.English: {
		"The entrepreneur closed the business.", "The entrepreneur moved out of the region.",
		"No longer available: took a salaried job.", "Disagreement over what to expect from the mentorship.",
	},
}

// entrepreneurChanges are what entrepreneurs say changed, in the end
// survey.
var entrepreneurChanges = map[domain.Locale][]string{
	domain.French: {
		"Je tiens mes comptes chaque semaine.", "J'ai embauché un apprenti.", "Mes prix couvrent enfin mes coûts.",
		"J'ai obtenu mon premier crédit.", "Je vends maintenant dans deux marchés.",
	},
	domain.English: {
		"I keep my books every week.", "I took on an apprentice.", "My prices finally cover my costs.",
		"I got my first loan.", "I now sell in two markets.",
	},
}

// mentorChanges are what mentors say changed, in the end survey.
var mentorChanges = map[domain.Locale][]string{
	domain.French: {
		"Ose négocier avec les fournisseurs.", "Gestion bien plus rigoureuse de la trésorerie.",
		"A pris confiance et parle de son projet avec assurance.", "Sépare désormais l'argent de la famille et celui de l'entreprise.",
	},
	domain.English: {
		"Dares to negotiate with suppliers.", "Manages cash much more carefully.",
		"Grew in confidence and presents the project with assurance.", "Now keeps family money and business money apart.",
	},
}

// peerTopics are what the mentors' peer sessions discuss, in turn.
var peerTopics = map[domain.Locale][]string{
	domain.French: {
		"Étude de cas : un client qui ne paie pas", "Aider sans faire à la place", "Parler d'argent avec un mentoré",
		"Quand un mentoré ne vient plus", "Retour sur la charte du mentor", "Accompagner les entrepreneures",
	},
	domain.English: {
		"Case study: a customer who will not pay", "Helping without doing it for them", "Talking money with a mentee",
		"When a mentee stops coming", "Looking back at the mentor's charter", "Supporting women entrepreneurs",
	},
}

// peerNotes are what a coordinator asks mentors to prepare.
var peerNotes = map[domain.Locale][]string{
	domain.French:  {"Lire le cas avant la séance.", "Venir avec une situation vécue.", ""},
	domain.English: {"Read the case before the session.", "Bring a situation you lived.", ""},
}

// peerPlaces are where peer sessions meet, in the alliance's home city.
var peerPlaces = map[domain.Locale][]string{
	domain.French:  {"Salle de réunion de l'alliance", "Chambre de commerce", "Maison des jeunes"},
	domain.English: {"The alliance's meeting room", "Chamber of commerce", "Youth centre"},
}
