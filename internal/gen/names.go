package gen

// namePool is the first names, by gender, and the family names people
// of one part of West Africa commonly carry.
type namePool struct {
	women, men, family []string
}

var sahelNames = namePool{
	women: []string{"Aminata", "Fatoumata", "Mariam", "Awa", "Kadiatou", "Oumou", "Rokia", "Assitan", "Hawa", "Djénéba",
		"Salimata", "Aïssata", "Bintou", "Korotoumou", "Nana", "Ténin", "Adiaratou", "Maïmouna", "Sitan", "Kadidia",
		"Safiatou", "Ramata", "Fanta", "Nassira"},
	men: []string{"Moussa", "Mamadou", "Oumar", "Ibrahim", "Seydou", "Bakary", "Souleymane", "Boubacar", "Modibo", "Adama",
		"Drissa", "Lassana", "Cheick", "Amadou", "Abdoulaye", "Ousmane", "Sékou", "Youssouf", "Tiémoko", "Issa", "Siaka",
		"Mahamadou", "Yacouba", "Soumaïla", "Karim", "Alou", "Daouda", "Sidiki"},
	family: []string{"Traoré", "Diarra", "Coulibaly", "Keïta", "Konaté", "Touré", "Sidibé", "Sangaré", "Dembélé", "Cissé",
		"Diallo", "Kanté", "Doumbia", "Sissoko", "Maïga", "Bagayoko", "Tangara", "Guindo", "Dicko", "Sanogo", "Dao",
		"Camara", "Kouyaté", "Samaké", "Fofana", "Togola", "Berthé", "Haïdara", "Bah", "Sylla", "Condé"},
}

var senegambiaNames = namePool{
	women: []string{"Fatou", "Aminata", "Awa", "Ndeye", "Khady", "Coumba", "Mariama", "Aïssatou", "Binta", "Sokhna", "Astou",
		"Rokhaya", "Adama", "Nafissatou", "Ramatoulaye", "Dieynaba", "Yacine", "Marième", "Seynabou", "Oumy", "Penda",
		"Isatou", "Haddy", "Kumba"},
	men: []string{"Mamadou", "Moussa", "Ibrahima", "Cheikh", "Babacar", "Modou", "Pape", "Serigne", "Abdoulaye", "Ousmane",
		"Alioune", "Mouhamed", "Lamine", "Omar", "Saliou", "Malick", "Assane", "Demba", "Samba", "Lamin", "Ebrima", "Momodou"},
	family: []string{"Ndiaye", "Diop", "Fall", "Sow", "Sy", "Ba", "Gueye", "Faye", "Mbaye", "Seck", "Diouf", "Sarr", "Sall",
		"Thiam", "Cissé", "Kane", "Ndour", "Diallo", "Camara", "Jallow", "Ceesay", "Touray", "Jobe", "Njie", "Badjie", "Sanneh"},
}

var ivorianNames = namePool{
	women: []string{"Aya", "Affoué", "Amenan", "Adjoua", "Akissi", "Ahou", "Amoin", "Aminata", "Mariam", "Fatoumata", "Awa",
		"Christelle", "Larissa", "Prisca", "Nadège", "Estelle", "Marie-Laure", "Grâce", "Sandrine", "Salimata", "Kadi"},
	men: []string{"Kouassi", "Konan", "Yao", "Kouamé", "Koffi", "Kouadio", "N'Guessan", "Ange", "Serge", "Hervé", "Didier",
		"Arnaud", "Jean-Marc", "Franck", "Moussa", "Bakary", "Lassina", "Souleymane", "Drissa", "Ismaël", "Yves", "Désiré"},
	family: []string{"Kouassi", "Konan", "Kouamé", "Yao", "Koné", "Ouattara", "Bamba", "Touré", "Coulibaly", "Diabaté",
		"N'Guessan", "Kouadio", "Brou", "Aka", "Gnagne", "Tanoh", "Assi", "Zadi", "Gnahoré", "Kacou", "Soro", "Fofana",
		"Doumbia", "Traoré", "Adjé", "Ehui"},
}

var akanNames = namePool{
	women: []string{"Akosua", "Ama", "Abena", "Efua", "Adwoa", "Yaa", "Afua", "Akua", "Esi", "Abla", "Adjoa", "Gifty",
		"Abigail", "Priscilla", "Mavis", "Comfort", "Linda", "Patience", "Fatima", "Zainab", "Ayisha", "Mansa", "Serwaa"},
	men: []string{"Kofi", "Kwame", "Kwabena", "Yaw", "Kojo", "Kwaku", "Kwesi", "Kwadwo", "Fiifi", "Emmanuel", "Samuel",
		"Prince", "Richard", "Isaac", "Daniel", "Ebenezer", "Michael", "Joseph", "Francis", "Abdul", "Mohammed", "Issah"},
	family: []string{"Mensah", "Owusu", "Boateng", "Asante", "Appiah", "Osei", "Agyeman", "Ofori", "Amoah", "Acheampong",
		"Darko", "Boakye", "Antwi", "Asamoah", "Frimpong", "Addo", "Quaye", "Tetteh", "Ansah", "Sarpong", "Adjei",
		"Fuseini", "Abubakari", "Iddrisu", "Yakubu", "Alhassan"},
}

var mossiNames = namePool{
	women: []string{"Aminata", "Salimata", "Awa", "Rasmata", "Fati", "Mariam", "Alimata", "Habibou", "Zénabou", "Bibata",
		"Azèta", "Adjaratou", "Pauline", "Claudine", "Odile", "Rose", "Mamounata", "Safiatou", "Kadidiatou", "Noélie"},
	men: []string{"Issouf", "Boukary", "Salif", "Adama", "Ousmane", "Mahamadi", "Souleymane", "Hamidou", "Rasmané",
		"Inoussa", "Boureima", "Idrissa", "Seydou", "Lassané", "Moumouni", "Abdoulaye", "Jean-Baptiste", "Pascal",
		"Aristide", "Arouna"},
	family: []string{"Ouédraogo", "Sawadogo", "Kaboré", "Zongo", "Compaoré", "Traoré", "Ilboudo", "Nikiéma", "Zoungrana",
		"Kiemdé", "Yaméogo", "Tapsoba", "Sanou", "Ouattara", "Bationo", "Kinda", "Zida", "Ouoba", "Sana", "Dabiré",
		"Somé", "Tiendrébéogo", "Belem"},
}
