"""Demo content for the knowledge-voucher scheme ("Kennisvouchers Positieve Gezondheid").

Everything here is invented: the fund, the organisations, the places, the people and the
projects. E-mail addresses use the reserved domain kennislab.example and phone numbers start
with "030 000 00". Pure data, no imports.

Blocks are tuples:
    ("paragraph", "Tekst.")
    ("heading", "Tussenkop")
    ("list", ["punt een", "punt twee"])
    ("quote", {"text": "Citaat.", "attribution": "Naam, functie bij Organisatie"})
"""

from __future__ import annotations

SCHEME = {
    "slug": "positieve-gezondheid-2026",
    "title": "Kennisvouchers Positieve Gezondheid 2026",
    "funder": "Fonds Gezond Samenleven",
    "intro": (
        "Met een kennisvoucher haal je een expert van een goed voorbeeld naar je eigen "
        "organisatie, wijk, gemeente of regio. De expert helpt je om Positieve Gezondheid "
        "in de praktijk te brengen. Fonds Gezond Samenleven betaalt de vouchers; Netwerk "
        "Gezond Samen voert de regeling uit."
    ),
    "body": [
        ("heading", "Zo werkt het"),
        (
            "paragraph",
            "Je kiest een van de elf goede voorbeelden. Het liefst neem je eerst contact op "
            "met de expert van dat voorbeeld, zodat je samen kunt kijken wat past. Daarna vul "
            "je het aanvraagformulier in. Daarin leg je uit waarom je voor dit voorbeeld kiest "
            "en wat je ermee wilt bereiken. We behandelen de aanvragen op volgorde van "
            "binnenkomst: wie het eerst komt, het eerst maalt. Daarbij gelden deze grenzen:",
        ),
        (
            "list",
            [
                "Er zijn 20 vouchers van € 9.000 per voucher.",
                "Het totale budget is € 180.000.",
                "Per goed voorbeeld kennen we maximaal 2 aanvragen toe.",
            ],
        ),
        (
            "paragraph",
            "Je organisatie doet zelf ook mee, met tijd en geld. Denk aan de uren van "
            "medewerkers die aan de slag gaan, een ruimte voor bijeenkomsten of de kosten van "
            "materialen. In je aanvraag beschrijf je wat je zelf inbrengt.",
        ),
        ("heading", "Na je aanvraag"),
        (
            "paragraph",
            "Is er nog ruimte binnen de grenzen? Dan krijg je meteen een voorlopige "
            "toekenning. Daarna beoordelen we je aanvraag en hoor je of de voucher definitief "
            "is. Is er geen ruimte meer, of zijn er voor jouw voorbeeld al 2 aanvragen "
            "toegekend? Dan kom je op de wachtlijst, op volgorde van binnenkomst. Valt er een "
            "toegekende aanvraag af, dan schuift de eerste passende aanvraag van de wachtlijst "
            "door. We houden je per e-mail op de hoogte.",
        ),
        (
            "paragraph",
            "Je gegevens gebruiken we alleen om je aanvraag te behandelen en om contact met je "
            "op te nemen. Krijg je een voucher, dan delen we ze met de expert van het voorbeeld "
            "dat je kiest. We bewaren ze niet langer dan nodig is voor de regeling. Wil je weten "
            "welke gegevens we van je hebben? Mail dan naar privacy@kennislab.example.",
        ),
    ],
    "opens_at": "2026-10-06T09:00",
    "closes_at": "2027-06-30T17:00",
    "status_text": (
        "Aanvragen kan sinds dinsdag 6 oktober 2026, 9.00 uur, tot en met 30 juni 2027. Zijn "
        "de vouchers op, dan kom je op de wachtlijst."
    ),
}

EXAMPLES = [
    # ------------------------------------------------------------------ region (4)
    {
        "slug": "gezonde-regio-veenland",
        "title": "Gezonde Regio Veenland: samen werken aan brede gezondheid",
        "level": "region",
        "intro": (
            "Zes gemeenten, de GGD in de regio en een zorgverzekeraar werken in Veenland samen "
            "vanuit één gedeelde visie op gezondheid. Ze maakten één regionale agenda, met "
            "afspraken over geld, rollen en wat ze samen meten."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt jouw regio om van losse projecten naar een gezamenlijke aanpak "
                "te gaan. Je leert hoe Veenland partners aan tafel kreeg en hield, en hoe je "
                "Positieve Gezondheid vertaalt naar keuzes in beleid en budget.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een startsessie met de bestuurders en beleidsmakers van jouw regio",
                    "drie werksessies om samen een regionale agenda op te stellen",
                    "voorbeelden van samenwerkingsafspraken en een eenvoudige monitor",
                    "coaching van de kwartiermaker of het kernteam, tot een half jaar lang",
                ],
            ),
            (
                "quote",
                {
                    "text": "We zijn gestopt met tellen wie wat betaalt. We kijken nu samen "
                    "naar wat inwoners nodig hebben.",
                    "attribution": "Wendy Hoogeboom, wethouder bij de gemeente Turfhaven",
                },
            ),
        ],
        "audience": (
            "Voor regio’s en samenwerkende gemeenten die met zorg, welzijn, GGD en "
            "zorgverzekeraar een gedeelde aanpak willen opbouwen. Bijvoorbeeld als voorbereiding "
            "op een regioplan of een lokaal preventieakkoord."
        ),
        "expert": {
            "name": "Ingrid Zwartveen",
            "role": "Programmaleider",
            "organisation": "Gezonde Regio Veenland",
            "email": "i.zwartveen@kennislab.example",
            "phone": "030 000 00 11",
        },
        "themes": ["positieve-gezondheid", "regio-en-transformatie", "preventie"],
        "place": "Veenland",
    },
    {
        "slug": "scholennetwerk-zandhoeve",
        "title": "Scholennetwerk Zandhoeve: Positieve Gezondheid in de klas",
        "level": "region",
        "intro": (
            "In de regio Zandhoeve werken veertien basisscholen en drie middelbare scholen samen "
            "aan het welzijn van leerlingen en leraren. Kinderen praten in de klas over wat zij "
            "belangrijk vinden, met een kindvriendelijke versie van het ‘spinnenweb’."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe je een netwerk van scholen opzet en draaiende houdt. "
                "Ook krijg je de lessen en werkvormen die in Zandhoeve zijn ontwikkeld, en hulp "
                "om ze aan te passen aan jouw scholen.",
            ),
            (
                "list",
                [
                    "een bezoek aan twee scholen in Zandhoeve, met een gesprek met leraren",
                    "een train-de-trainer voor intern begeleiders en zorgcoördinatoren",
                    "een doorloop van de lessenserie en de werkvormen voor ouderavonden",
                    "advies over de samenwerking met jeugdgezondheidszorg en wijkteam",
                ],
            ),
        ],
        "audience": (
            "Voor schoolbesturen, samenwerkingsverbanden en gemeenten die met meerdere scholen "
            "tegelijk aan de slag willen. Ook geschikt als je al losse scholen hebt die ermee "
            "werken en je dat breder wilt maken."
        ),
        "expert": {
            "name": "Joost Ribbelink",
            "role": "Coördinator scholennetwerk",
            "organisation": "Onderwijsnetwerk Zandhoeve",
            "email": "j.ribbelink@kennislab.example",
            "phone": "030 000 00 12",
        },
        "themes": ["positieve-gezondheid", "onderwijs-en-opleiding", "jeugd-en-gezin"],
        "place": "Zandhoeve",
    },
    {
        "slug": "vitaal-werken-dijkenland",
        "title": "Vitaal Werken Dijkenland: werkgevers leren van elkaar",
        "level": "region",
        "intro": (
            "In Dijkenland zijn ruim dertig werkgevers – van bouwbedrijf tot thuiszorg – samen "
            "een programma gestart voor vitale medewerkers. Het gesprek over wat werk zinvol en "
            "werkbaar maakt, staat daarin centraal."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om een regionaal netwerk van werkgevers te starten of te "
                "versterken. Je krijgt de aanpak voor het vitaliteitsgesprek tussen "
                "leidinggevende en medewerker, en leert hoe je kleine bedrijven erbij betrekt.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een workshop voor HR-adviseurs en leidinggevenden over het vitaliteitsgesprek",
                    "een opzet voor een lerend netwerk met vier bijeenkomsten per jaar",
                    "begeleiding bij de eerste bijeenkomst van jouw netwerk",
                ],
            ),
            (
                "quote",
                {
                    "text": "Het gesprek gaat niet meer alleen over verzuim. Medewerkers "
                    "vertellen wat hun energie geeft, en daar doen we iets mee.",
                    "attribution": "Ronald Spijkstra, directeur bij Installatiebedrijf Dijkenland",
                },
            ),
        ],
        "audience": (
            "Voor werkgeversverenigingen, arbeidsmarktregio’s en gemeenten die "
            "werkgevers willen ondersteunen. Ook voor een grote werkgever die andere bedrijven "
            "in de regio wil meenemen."
        ),
        "expert": {
            "name": "Femke Stroeveen",
            "role": "Adviseur vitaliteit",
            "organisation": "Werkgeversnetwerk Dijkenland",
            "email": "f.stroeveen@kennislab.example",
            "phone": "030 000 00 13",
        },
        "themes": ["positieve-gezondheid", "werk-en-vitaliteit"],
        "place": "Dijkenland",
    },
    {
        "slug": "groene-zorg-kustvallei",
        "title": "Groene Zorg Kustvallei: gezond worden in de natuur",
        "level": "region",
        "intro": (
            "In Kustvallei verwijzen huisartsen, wijkteams en praktijkondersteuners inwoners "
            "door naar zorgboerderijen, natuurwerkdagen en wandelgroepen. Een regionaal "
            "netwerk van groene plekken maakt dat mogelijk."
        ),
        "offer": [
            (
                "paragraph",
                "De expert deelt hoe Kustvallei zorg, welzijn en natuurorganisaties aan elkaar "
                "verbond, en hoe de verwijzing naar groene activiteiten is geregeld. Je krijgt "
                "hulp om zo’n netwerk in jouw regio op te zetten.",
            ),
            (
                "list",
                [
                    "een excursie naar een zorgboerderij en een buurtmoestuin in Kustvallei",
                    "een werksessie om de groene plekken in jouw regio in kaart te brengen",
                    "een doorloop van de verwijskaart en de afspraken met verwijzers",
                    "advies over financiering van groene activiteiten op de lange termijn",
                ],
            ),
        ],
        "audience": (
            "Voor regio’s en gemeenten die natuur willen inzetten voor gezondheid, en voor "
            "netwerken van zorgboerderijen, natuurorganisaties en eerstelijnszorg."
        ),
        "expert": {
            "name": "Hidde Velthorst",
            "role": "Netwerkadviseur groen",
            "organisation": "Groene Zorg Kustvallei",
            "email": "h.velthorst@kennislab.example",
            "phone": "030 000 00 14",
        },
        "themes": ["positieve-gezondheid", "groen-en-gezondheid", "leefstijl"],
        "place": "Kustvallei",
    },
    # ------------------------------------------------------------ municipality (4)
    {
        "slug": "bewoners-onderzoeken-de-kolken-heuvelrade",
        "title": "Wijk De Kolken in Heuvelrade: bewoners onderzoeken hun eigen buurt",
        "level": "municipality",
        "intro": (
            "In De Kolken gingen twaalf bewoners als medeonderzoekers de wijk in. Ze spraken met "
            "buren over wat een goed leven is, en bepaalden samen met gemeente en wijkteam wat "
            "er moest veranderen."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om bewoners zelf onderzoek te laten doen in hun buurt. Je "
                "leert hoe je bewoners werft, opleidt en begeleidt, en hoe je de uitkomsten "
                "omzet in acties die bewoners zelf dragen.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een training van twee dagdelen voor bewoners die medeonderzoeker worden",
                    "coaching van het projectteam tijdens de eerste drie maanden",
                    "een wandeling door De Kolken met twee bewoners-onderzoekers",
                    "gesprekskaarten en een eenvoudig onderzoeksplan om mee te starten",
                ],
            ),
            (
                "quote",
                {
                    "text": "Mijn buren vertelden mij dingen die ze nooit aan een ambtenaar "
                    "zouden vertellen.",
                    "attribution": "Ria Hovenkamp, bewoner en medeonderzoeker bij "
                    "Buurtcoöperatie De Kolken",
                },
            ),
        ],
        "audience": (
            "Voor gemeenten, welzijnsorganisaties en bewonersinitiatieven die een wijkaanpak "
            "willen beginnen bij wat bewoners zelf belangrijk vinden."
        ),
        "expert": {
            "name": "Leyla Aktaşoğlu",
            "role": "Projectleider wijkonderzoek",
            "organisation": "Buurtcoöperatie De Kolken",
            "email": "l.aktasoglu@kennislab.example",
            "phone": "030 000 00 15",
        },
        "themes": ["positieve-gezondheid", "wijk-en-sociale-basis"],
        "place": "Heuvelrade",
    },
    {
        "slug": "bibliotheek-lindeloo-gezondheidsplek",
        "title": "Bibliotheek Lindeloo: een open plek voor vragen over gezondheid",
        "level": "municipality",
        "intro": (
            "De bibliotheek van Lindeloo is een plek waar inwoners zonder drempel terechtkunnen "
            "met vragen over gezondheid, geld en meedoen. Vrijwilligers, de wijkverpleging en "
            "het sociaal team houden er samen spreekuur."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe een bibliotheek een ontmoetingsplek voor gezondheid "
                "wordt. Je hoort welke partners nodig zijn, hoe je vrijwilligers inzet en hoe "
                "je inwoners bereikt die moeilijk lezen of weinig digitale vaardigheden hebben.",
            ),
            (
                "list",
                [
                    "een bezoek aan het gezondheidsplein in de bibliotheek van Lindeloo",
                    "een workshop voor bibliotheekmedewerkers en vrijwilligers over het "
                    "gesprek over gezondheid",
                    "een programmaopzet voor een jaar, met activiteiten en partners",
                ],
            ),
        ],
        "audience": (
            "Voor bibliotheken, gemeenten en welzijnsorganisaties die een laagdrempelige plek "
            "in de wijk of het dorp willen maken voor vragen over gezondheid."
        ),
        "expert": {
            "name": "Anouk Bredewold",
            "role": "Programmamaker gezondheid",
            "organisation": "Bibliotheek Lindeloo",
            "email": "a.bredewold@kennislab.example",
            "phone": "030 000 00 16",
        },
        "themes": ["positieve-gezondheid", "wijk-en-sociale-basis", "preventie"],
        "place": "Lindeloo",
    },
    {
        "slug": "sportvereniging-beekveld-vitale-vereniging",
        "title": "SV Beekveld: de sportclub als vitale plek in het dorp",
        "level": "municipality",
        "intro": (
            "Sportvereniging Beekveld is meer dan een plek om te voetballen. Ouderen wandelen er, "
            "kinderen krijgen er ontbijt en wie even niet mee kan doen, vindt er werk als "
            "vrijwilliger."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt sportclubs en gemeenten om van een vereniging een plek te maken "
                "waar het hele dorp of de hele wijk gezonder van wordt. Je leert hoe Beekveld "
                "het bestuur, de trainers en de leden meekreeg.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een avond met het bestuur van jouw club over de koers van de vereniging",
                    "een korte training voor trainers: hoe praat je met een sporter over meer "
                    "dan sport?",
                    "voorbeelden van samenwerking met huisarts, school en buurthuis",
                ],
            ),
            (
                "quote",
                {
                    "text": "Onze kantine is het huis van het dorp geworden. Daar hebben we "
                    "niet eens zoveel voor hoeven doen.",
                    "attribution": "Henk Tiemersma, voorzitter bij SV Beekveld",
                },
            ),
        ],
        "audience": (
            "Voor sportverenigingen, buurtsportcoaches en gemeenten in kleinere kernen en "
            "wijken die de sportclub een grotere rol willen geven."
        ),
        "expert": {
            "name": "Gert-Jan Wiggerink",
            "role": "Verenigingsondersteuner",
            "organisation": "SV Beekveld",
            "email": "g.wiggerink@kennislab.example",
            "phone": "030 000 00 17",
        },
        "themes": ["positieve-gezondheid", "leefstijl", "wijk-en-sociale-basis"],
        "place": "Beekveld",
    },
    {
        "slug": "jongerenwerk-zilverdam",
        "title": "Jongerenwerk Zilverdam: jongeren bepalen zelf wat gezond is",
        "level": "municipality",
        "intro": (
            "In Zilverdam praten jongerenwerkers met jongeren over hoe het echt met ze gaat. "
            "Jongeren kiezen zelf waar ze aan willen werken, van beter slapen tot een "
            "bijbaan vinden."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe het jongerenwerk in Zilverdam het gesprek over "
                "gezondheid voert op een manier die bij jongeren past: kort, eerlijk en zonder "
                "formulieren. Ook hoor je hoe jongeren zelf activiteiten organiseren.",
            ),
            (
                "list",
                [
                    "een training voor jongerenwerkers en buurtsportcoaches",
                    "een meeloopdag in de jongerenruimte van Zilverdam",
                    "een doorloop van de gesprekskaarten die samen met jongeren zijn gemaakt",
                    "advies over samenwerking met school, wijkteam en jeugdhulp",
                ],
            ),
        ],
        "audience": (
            "Voor gemeenten en welzijnsorganisaties die het jongerenwerk sterker willen maken, "
            "en voor teams die jongeren van 12 tot 23 jaar beter willen bereiken."
        ),
        "expert": {
            "name": "Dylan Schutterop",
            "role": "Jongerenwerker en trainer",
            "organisation": "Jongerenwerk Zilverdam",
            "email": "d.schutterop@kennislab.example",
            "phone": "030 000 00 18",
        },
        "themes": ["positieve-gezondheid", "jeugd-en-gezin", "mentale-gezondheid"],
        "place": "Zilverdam",
    },
    # ------------------------------------------------------------ organisation (3)
    {
        "slug": "huisartsenpraktijk-hazelbeek-spinnenweb",
        "title": "Huisartsenpraktijk Hazelbeek: het gesprek over wat ertoe doet",
        "level": "organisation",
        "intro": (
            "In Huisartsenpraktijk Hazelbeek begint het gesprek met de vraag wat iemand zelf "
            "belangrijk vindt. Het ‘spinnenweb’ helpt patiënt en zorgverlener om samen te "
            "kijken naar meer dan klachten alleen."
        ),
        "offer": [
            (
                "paragraph",
                "De expert leert je hoe de hele praktijk – van assistent tot huisarts – het "
                "‘andere gesprek’ voert. Je hoort hoe de praktijk tijd vrijmaakte en hoe "
                "verwijzen naar welzijn en de buurt is geregeld.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een training van het praktijkteam in het werken met het ‘spinnenweb’",
                    "oefengesprekken met een trainingsacteur",
                    "afspraken over samenwerking met de welzijnscoach in de wijk",
                    "een terugkombijeenkomst na drie maanden",
                ],
            ),
            (
                "quote",
                {
                    "text": "Soms is de vraag achter de klacht belangrijker dan de klacht zelf. "
                    "Nu hebben we daar tijd voor.",
                    "attribution": "Marloes Kleinbeernink, huisarts bij Huisartsenpraktijk "
                    "Hazelbeek",
                },
            ),
        ],
        "audience": (
            "Voor huisartsenpraktijken, gezondheidscentra en teams in de eerstelijnszorg die "
            "het gesprek met patiënten anders willen voeren."
        ),
        "expert": {
            "name": "Karin Ossenwaarde",
            "role": "Praktijkondersteuner en trainer",
            "organisation": "Huisartsenpraktijk Hazelbeek",
            "email": "k.ossenwaarde@kennislab.example",
            "phone": "030 000 00 19",
        },
        "themes": ["positieve-gezondheid", "zorginnovatie", "preventie"],
        "place": "Hazelbeek",
    },
    {
        "slug": "welzijn-zilverdam-medewerkers-trainen",
        "title": "Welzijn Zilverdam: alle medewerkers werken vanuit Positieve Gezondheid",
        "level": "organisation",
        "intro": (
            "Stichting Welzijn Zilverdam trainde in twee jaar al haar tachtig medewerkers. Nu "
            "werken opbouwwerkers, ouderenadviseurs en vrijwilligerscoördinatoren vanuit "
            "dezelfde taal en houding."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om Positieve Gezondheid in je hele organisatie te laten "
                "landen, niet alleen bij een paar enthousiaste collega’s. Je leert hoe je "
                "eigen trainers opleidt en hoe je de aanpak vasthoudt in werkoverleg en "
                "rapportages.",
            ),
            (
                "list",
                [
                    "een train-de-trainer voor vier tot zes eigen medewerkers",
                    "het trainingsprogramma en de werkvormen van Welzijn Zilverdam",
                    "een sessie met het managementteam over randvoorwaarden",
                    "twee intervisiemomenten voor de nieuwe trainers",
                ],
            ),
        ],
        "audience": (
            "Voor welzijnsorganisaties, wijkteams en andere organisaties in het sociaal domein "
            "die alle medewerkers willen meenemen in een nieuwe manier van werken."
        ),
        "expert": {
            "name": "Tamara Brinkhuijsen",
            "role": "Opleidingsadviseur",
            "organisation": "Stichting Welzijn Zilverdam",
            "email": "t.brinkhuijsen@kennislab.example",
            "phone": "030 000 00 20",
        },
        "themes": ["positieve-gezondheid", "onderwijs-en-opleiding", "wijk-en-sociale-basis"],
        "place": "Zilverdam",
    },
    {
        "slug": "herstelhuis-kustvallei-ervaringsdeskundigheid",
        "title": "Herstelhuis Kustvallei: ervaringsdeskundigen ondersteunen elkaar",
        "level": "organisation",
        "intro": (
            "In het Herstelhuis in Kustvallei helpen mensen met eigen ervaring met psychische "
            "klachten anderen op weg. Samen zoeken ze naar wat het leven de moeite waard maakt, "
            "naast of na de behandeling."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe je ervaringsdeskundigheid een vaste plek geeft in je "
                "organisatie. Je hoort hoe het Herstelhuis ervaringsdeskundigen werft, opleidt "
                "en begeleidt, en hoe de samenwerking met behandelaars loopt.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een bezoek aan het Herstelhuis, met een gesprek met deelnemers",
                    "een workshop voor teams over herstel en Positieve Gezondheid",
                    "coaching van de eerste ervaringsdeskundigen in jouw organisatie",
                ],
            ),
            (
                "quote",
                {
                    "text": "Hier hoef ik niet uit te leggen hoe het voelt. Dat maakt het "
                    "makkelijker om weer vooruit te kijken.",
                    "attribution": "Priya Ramdin-Vos, deelnemer en vrijwilliger bij "
                    "Herstelhuis Kustvallei",
                },
            ),
        ],
        "audience": (
            "Voor ggz-organisaties, welzijnsorganisaties en inloophuizen die meer willen doen "
            "met de kennis van mensen die zelf psychische klachten hebben gehad."
        ),
        "expert": {
            "name": "Sander Olthofstra",
            "role": "Ervaringsdeskundige en trainer",
            "organisation": "Herstelhuis Kustvallei",
            "email": "s.olthofstra@kennislab.example",
            "phone": "030 000 00 21",
        },
        "themes": ["positieve-gezondheid", "mentale-gezondheid"],
        "place": "Kustvallei",
    },
]
