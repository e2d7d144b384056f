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
            "In Veenland werken zes gemeenten samen met de GGD en een zorgverzekeraar. Ze kijken "
            "op dezelfde manier naar gezondheid. Samen maakten ze één plan voor de hele regio. "
            "Daarin staat wie wat doet, wie wat betaalt en wat ze samen meten."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je regio om van losse projecten naar één aanpak te gaan. Je "
                "leert hoe Veenland partners aan tafel kreeg en hield. En hoe je Positieve "
                "Gezondheid omzet in keuzes voor beleid en geld.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een eerste sessie met de bestuurders en beleidsmakers van je regio",
                    "drie sessies waarin je samen een plan voor de regio maakt",
                    "voorbeelden van afspraken over samenwerken, en een simpele manier om te meten",
                    "tot een half jaar lang coaching van het team dat de aanpak trekt",
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
            "Voor regio’s en gemeenten die samen met zorg, welzijn, de GGD en de zorgverzekeraar "
            "één aanpak willen maken. Dat kan ook een eerste stap zijn naar een plan voor de "
            "regio of een lokaal akkoord over preventie."
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
            "In Zandhoeve werken veertien basisscholen en drie middelbare scholen samen. Ze "
            "willen dat het goed gaat met kinderen en leraren. In de klas praten de kinderen over "
            "wat voor hen telt. Ze doen dat met een ‘spinnenweb’ dat voor kinderen is gemaakt."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe je een netwerk van scholen opzet en draaiende houdt. Je "
                "krijgt ook de lessen en werkvormen uit Zandhoeve. En je krijgt hulp om ze goed "
                "te laten passen bij jouw scholen.",
            ),
            (
                "list",
                [
                    "een bezoek aan twee scholen in Zandhoeve, met een gesprek met leraren",
                    "een training voor de zorgteams van scholen, zodat ze daarna zelf kunnen "
                    "trainen",
                    "uitleg over de lessen en over de werkvormen voor ouderavonden",
                    "advies over samenwerken met de jeugdarts en het wijkteam",
                ],
            ),
        ],
        "audience": (
            "Voor schoolbesturen en gemeenten die met een aantal scholen tegelijk aan de slag "
            "willen. Werken een paar scholen er al mee? Dan helpt dit om het breder te maken."
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
            "In Dijkenland zijn meer dan dertig werkgevers samen een programma gestart. Van "
            "bouwbedrijf tot thuiszorg: ze willen dat hun mensen fit en gezond blijven. Het gaat "
            "vooral om het gesprek. Wat maakt werk zinvol, en hoe houd je het vol?"
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om in je regio een netwerk van werkgevers te starten of "
                "sterker te maken. Je krijgt de aanpak voor het vitaliteitsgesprek. Dat is een "
                "gesprek tussen leidinggevende en medewerker over energie en plezier in het werk. "
                "Ook leer je hoe je kleine bedrijven erbij haalt.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een workshop over het vitaliteitsgesprek voor HR-adviseurs en leidinggevenden",
                    "een plan voor een netwerk dat vier keer per jaar bij elkaar komt om te leren",
                    "hulp bij de eerste bijeenkomst van je netwerk",
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
            "Voor verenigingen van werkgevers, regio’s en gemeenten die werkgevers willen "
            "steunen. Ook voor een grote werkgever die andere bedrijven in de regio wil meenemen."
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
            "In Kustvallei sturen huisartsen en wijkteams mensen naar de natuur. Ze gaan dan naar "
            "een zorgboerderij, een wandelgroep of een dag werken in het groen. Dat kan omdat er "
            "in de regio een netwerk is van groene plekken."
        ),
        "offer": [
            (
                "paragraph",
                "De expert vertelt hoe Kustvallei zorg, welzijn en natuur met elkaar verbond. En "
                "hoe het verwijzen naar groene activiteiten is geregeld. Je krijgt hulp om zo’n "
                "netwerk in je eigen regio op te zetten.",
            ),
            (
                "list",
                [
                    "een bezoek aan een zorgboerderij en een buurtmoestuin in Kustvallei",
                    "een sessie waarin je de groene plekken in je regio op een rij zet",
                    "uitleg over de verwijskaart en de afspraken met huisartsen en andere "
                    "verwijzers",
                    "advies over hoe je groene activiteiten ook op de lange duur betaalt",
                ],
            ),
        ],
        "audience": (
            "Voor regio’s en gemeenten die de natuur willen inzetten voor gezondheid. En voor "
            "netwerken van zorgboerderijen, natuurbeheerders en huisartsen."
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
            "In De Kolken gingen twaalf bewoners als onderzoekers de wijk in. Ze vroegen hun "
            "buren wat een goed leven is. Daarna bepaalden ze samen met de gemeente en het "
            "wijkteam wat er anders moest."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om bewoners zelf onderzoek te laten doen in hun buurt. Je "
                "leert hoe je bewoners vindt, opleidt en begeleidt. En hoe je de uitkomsten omzet "
                "in acties die bewoners zelf dragen.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een training van twee dagdelen voor bewoners die mee gaan onderzoeken",
                    "coaching van het projectteam in de eerste drie maanden",
                    "een wandeling door De Kolken met twee bewoners die onderzoek deden",
                    "kaarten voor gesprekken en een simpel plan om het onderzoek mee te starten",
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
            "Voor gemeenten, welzijnswerk en groepen bewoners die een aanpak voor hun wijk "
            "willen. Ze willen beginnen bij wat bewoners zelf belangrijk vinden."
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
            "De bibliotheek van Lindeloo is er voor iedereen met een vraag over gezondheid, geld "
            "of meedoen. Je loopt zo binnen, want een afspraak is niet nodig. Vrijwilligers, de "
            "wijkverpleging en het sociaal team houden er samen spreekuur. Zij kijken met je mee."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe een bibliotheek een plek wordt waar mensen elkaar "
                "ontmoeten en over gezondheid praten. Je hoort welke partners je nodig hebt en "
                "hoe je vrijwilligers inzet. En hoe je mensen bereikt die moeite hebben met lezen "
                "of met de computer.",
            ),
            (
                "list",
                [
                    "een bezoek aan het gezondheidsplein in de bibliotheek van Lindeloo",
                    "een workshop voor de mensen van de bibliotheek: hoe praat je met bezoekers "
                    "over gezondheid?",
                    "een plan voor een jaar, met activiteiten en partners",
                ],
            ),
        ],
        "audience": (
            "Voor bibliotheken, gemeenten en welzijnswerk. Voor wie in de wijk of het dorp een "
            "plek wil maken waar je makkelijk binnenloopt met vragen over gezondheid."
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
            "In Zilverdam praten jongerenwerkers met jongeren over hoe het echt met ze gaat. De "
            "jongeren kiezen zelf waar ze aan willen werken. Dat kan beter slapen zijn. Of een "
            "bijbaan vinden."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe jongerenwerkers in Zilverdam met jongeren over "
                "gezondheid praten. Dat doen ze op een manier die bij jongeren past: kort, "
                "eerlijk en zonder formulieren. Ook hoor je hoe jongeren zelf dingen op touw "
                "zetten.",
            ),
            (
                "list",
                [
                    "een training voor jongerenwerkers en buurtsportcoaches",
                    "een dag meelopen in de ruimte voor jongeren in Zilverdam",
                    "uitleg over de kaarten voor gesprekken, die samen met jongeren zijn gemaakt",
                    "advies over samenwerken met school, wijkteam en jeugdhulp",
                ],
            ),
        ],
        "audience": (
            "Wil je als gemeente of in het welzijnswerk het jongerenwerk sterker maken? Dan is "
            "dit voor jou. En ook voor teams die jongeren van 12 tot 23 jaar beter willen bereiken."
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
            "In Huisartsenpraktijk Hazelbeek begint elk gesprek met een vraag. Wat vind jij zelf "
            "belangrijk? Het ‘spinnenweb’ helpt daarbij. Zo kijken de patiënt en de zorgverlener "
            "samen naar meer dan de klacht alleen."
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
        "title": "Welzijn Zilverdam: het hele team werkt met Positieve Gezondheid",
        "level": "organisation",
        "intro": (
            "Stichting Welzijn Zilverdam trainde in twee jaar al haar tachtig mensen. Dat zijn "
            "onder meer de mensen die buurten op weg helpen, ouderen raad geven of vrijwilligers "
            "begeleiden. Nu spreken ze allemaal dezelfde taal. En ze kijken op dezelfde manier "
            "naar de mensen die ze helpen."
        ),
        "offer": [
            (
                "paragraph",
                "De expert helpt je om Positieve Gezondheid in je hele organisatie een plek te "
                "geven. Dus niet alleen bij een paar collega’s die er zin in hebben. Je leert hoe "
                "je eigen trainers opleidt. En hoe je de aanpak vasthoudt, ook in het werkoverleg "
                "en in verslagen.",
            ),
            (
                "list",
                [
                    "een training voor vier tot zes eigen mensen, die daarna zelf trainer worden",
                    "het lesprogramma en de werkvormen van Welzijn Zilverdam",
                    "een sessie met de leiding over wat er nodig is om het te laten slagen",
                    "twee keer een gesprek waarin de nieuwe trainers van elkaar leren",
                ],
            ),
        ],
        "audience": (
            "Voor welzijnswerk, wijkteams en anderen in zorg en welzijn. Voor wie al zijn mensen "
            "wil meenemen in een nieuwe manier van werken."
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
        "title": "Herstelhuis Kustvallei: mensen met eigen ervaring steunen elkaar",
        "level": "organisation",
        "intro": (
            "In het Herstelhuis in Kustvallei helpen mensen elkaar op weg. Ze weten zelf hoe het "
            "is om psychische klachten te hebben. Samen zoeken ze wat het leven de moeite waard "
            "maakt. Naast de behandeling, of als die klaar is."
        ),
        "offer": [
            (
                "paragraph",
                "De expert laat zien hoe mensen met eigen ervaring een vaste plek krijgen in je "
                "organisatie. Je hoort hoe het Herstelhuis hen vindt, opleidt en begeleidt. En "
                "hoe ze samenwerken met de behandelaars.",
            ),
            ("heading", "Wat je van de expert kunt verwachten"),
            (
                "list",
                [
                    "een bezoek aan het Herstelhuis, met een gesprek met deelnemers",
                    "een workshop voor teams over herstel en Positieve Gezondheid",
                    "coaching van de eerste mensen met eigen ervaring die bij jou aan de slag gaan",
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
            "Voor de ggz, het welzijnswerk en inloophuizen. Voor wie meer wil doen met de kennis "
            "van mensen die zelf psychische klachten hebben gehad."
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
