"""Demo content for the Kennislab of Netwerk Gezond Samen.

Pure data, read by the demo loader. Everything here is invented: organisations, places, projects
and people. E-mail addresses use the reserved domain kennislab.example, phone numbers are
fictitious (030 000 00 ..) and external media live on www.example.org.

Body blocks are tuples (kind, value); see the loader for the supported kinds: paragraph, heading,
list, numbered, quote, cta, related, embed and download.
"""

from __future__ import annotations

PEOPLE = [
    {
        "key": "ilse-van-dorsten",
        "name": "Ilse van Dorsten",
        "role": "Netwerkadviseur & regiocoördinator",
        "organisation": "Netwerk Gezond Samen",
        "email": "i.vandorsten@kennislab.example",
        "phone": "030 000 00 11",
        "bio": (
            "Ilse is het aanspreekpunt voor gemeenten en regio's die met partners werken aan een "
            "gezonde leefomgeving. Ze helpt bij het opzetten van een lokaal of regionaal "
            "preventieakkoord, van de eerste peiling tot het ondertekenen van de pledge. Ook "
            "begeleidt ze de leergemeenschap Gezonde Regio in Beweging."
        ),
        "themes": ["regio-en-transformatie", "preventie", "wijk-en-sociale-basis"],
    },
    {
        "key": "ruben-hagedoorn",
        "name": "Ruben Hagedoorn",
        "role": "Adviseur Positieve Gezondheid",
        "organisation": "Netwerk Gezond Samen",
        "email": "r.hagedoorn@kennislab.example",
        "phone": "030 000 00 12",
        "bio": (
            "Ruben helpt organisaties, wijken en gemeenten om Positieve Gezondheid in de praktijk "
            "te brengen. Hij coördineert de kennisvouchers en brengt aanvragers in contact met de "
            "deskundigen van de goede voorbeelden."
        ),
        "themes": ["positieve-gezondheid", "zorginnovatie"],
    },
    {
        "key": "femke-lindhout",
        "name": "Femke Lindhout",
        "role": "Netwerkadviseur groen",
        "organisation": "Netwerk Gezond Samen",
        "email": "f.lindhout@kennislab.example",
        "phone": "030 000 00 13",
        "bio": (
            "Femke verbindt groen en gezondheid. Ze denkt mee over groene schoolpleinen, natuur op "
            "recept en een gezonde openbare ruimte. Daarvoor brengt ze zorgverleners, scholen, "
            "ecologen en ruimtelijk ontwerpers bij elkaar."
        ),
        "themes": ["groen-en-gezondheid", "leefstijl"],
    },
    {
        "key": "yusuf-aydemir",
        "name": "Yusuf Aydemir",
        "role": "Netwerkadviseur werk en vitaliteit",
        "organisation": "Netwerk Gezond Samen",
        "email": "y.aydemir@kennislab.example",
        "phone": "030 000 00 14",
        "bio": (
            "Yusuf ondersteunt werkgevers die werk willen maken van de vitaliteit van hun "
            "medewerkers. Hij helpt bij de nulmeting en de keuze van activiteiten, en beoordeelt "
            "aanvragen voor het Vignet Vitaal Bedrijf."
        ),
        "themes": ["werk-en-vitaliteit", "leefstijl"],
    },
    {
        "key": "noor-vermaesen",
        "name": "Noor Vermaesen",
        "role": "Netwerkadviseur jeugd en onderwijs",
        "organisation": "Netwerk Gezond Samen",
        "email": "n.vermaesen@kennislab.example",
        "phone": "030 000 00 15",
        "bio": (
            "Noor werkt met scholen, jeugdprofessionals en gemeenten aan de gezondheid en het "
            "welbevinden van kinderen en jongeren. Ze kent de praktijk van het basisonderwijs en "
            "het mbo, en helpt om kennis te vertalen naar wat werkt in de klas."
        ),
        "themes": ["jeugd-en-gezin", "onderwijs-en-opleiding", "mentale-gezondheid"],
    },
    {
        "key": "joost-kamperveen",
        "name": "Joost Kamperveen",
        "role": "Programmacoördinator",
        "organisation": "Netwerk Gezond Samen",
        "email": "j.kamperveen@kennislab.example",
        "phone": "030 000 00 16",
        "bio": (
            "Joost coördineert het programma slimme zorg en innovatie. Hij organiseert de Slimme "
            "Zorg Estafette en verzamelt wat regio's leren over zorg op afstand, e-health en "
            "samenwerking tussen zorg en welzijn."
        ),
        "themes": ["zorginnovatie", "regio-en-transformatie"],
    },
    {
        "key": "lotte-brandsma",
        "name": "Lotte Brandsma",
        "role": "Communicatieadviseur",
        "organisation": "Netwerk Gezond Samen",
        "email": "l.brandsma@kennislab.example",
        "phone": "",
        "bio": (
            "Lotte is eindredacteur van het Kennislab en de nieuwsbrief. Wil je een "
            "praktijkverhaal delen of heb je een tip voor de redactie? Dan is zij je eerste "
            "aanspreekpunt."
        ),
        "themes": ["wijk-en-sociale-basis", "leefstijl"],
    },
    {
        "key": "priya-ramdin",
        "name": "Priya Ramdin",
        "role": "Netwerkadviseur wijk en sociale basis",
        "organisation": "Netwerk Gezond Samen",
        "email": "p.ramdin@kennislab.example",
        "phone": "030 000 00 18",
        "bio": (
            "Priya helpt gemeenten, welzijnsorganisaties en bewonersinitiatieven om de sociale "
            "basis in de wijk sterker te maken. Ze heeft veel ervaring met buurtkamers, de aanpak "
            "van eenzaamheid en de samenwerking tussen wijkteam en huisarts."
        ),
        "themes": ["wijk-en-sociale-basis", "mentale-gezondheid", "preventie"],
    },
]

HOME = {
    "intro": (
        "In het Kennislab vind je kennis, voorbeelden, tools en lessen uit Netwerk Gezond Samen. "
        "Het is er voor iedereen die werkt aan gezondheid. In de wijk, op school, op het werk, in "
        "de zorg of in de regio."
    ),
    "calls_to_action": [
        {
            "title": "Kennisvouchers Positieve Gezondheid 2026",
            "text": (
                "Haal een ervaren deskundige in huis en leer van een goed voorbeeld uit het "
                "netwerk. Er zijn 20 vouchers van € 9.000 beschikbaar."
            ),
            "action": "voucher",
            "link_label": "Lees hoe je een voucher aanvraagt",
            "link": None,
        },
        {
            "title": "Deel jouw praktijkverhaal",
            "text": (
                "Heb je praktijkkennis, een leermoment of een succesverhaal? Deel het met het "
                "netwerk, zodat anderen er ook van leren."
            ),
            "action": "story",
            "link_label": "Deel je verhaal",
            "link": None,
        },
        {
            "title": "Blijf op de hoogte",
            "text": (
                "Ontvang één keer per maand de nieuwste praktijkvoorbeelden, webinars en oproepen "
                "uit het netwerk in je mailbox."
            ),
            "action": "newsletter",
            "link_label": "Meld je aan voor de nieuwsbrief",
            "link": None,
        },
    ],
}

SECTIONS = {
    "kennislab": {
        "title": "Kennislab",
        "intro": (
            "Vind kennis, tools, naslagwerken en leerervaringen uit Netwerk Gezond Samen. Zoek op "
            "een woord of filter op thema, domein en soort: van nieuws en praktijkvoorbeelden tot "
            "toolkits en webinars."
        ),
    },
    "themes": {
        "title": "Thema's",
        "intro": (
            "Netwerk Gezond Samen werkt aan elf thema's. Per thema lees je waar het over gaat, "
            "vind je de nieuwste items uit het Kennislab en zie je wie je kunt benaderen."
        ),
    },
    "people": {
        "title": "Netwerkadviseurs",
        "intro": (
            "Onze netwerkadviseurs verbinden mensen en organisaties en denken met je mee. Neem "
            "gerust contact op met de adviseur die bij jouw vraag past."
        ),
    },
}

THEME_PAGES = {
    "positieve-gezondheid": {
        "intro": (
            "Positieve Gezondheid kijkt niet alleen naar ziekte, maar naar het hele leven. Wat "
            "vindt iemand belangrijk, en wat kan hij of zij zelf? Steeds meer gemeenten, regio's "
            "en partners werken met deze brede kijk op gezondheid."
        ),
        "body": [
            (
                "paragraph",
                "Positieve Gezondheid kijkt naar zes delen van het leven: lichaamsfuncties, "
                "mentaal welbevinden, zingeving, kwaliteit van leven, meedoen en dagelijks "
                "functioneren. Een gesprek over die zes helpt mensen om zelf te kiezen wat ze "
                "anders willen. Voor partners is het een manier om anders samen te werken. Ze gaan "
                "uit van de vraag van de inwoner, niet van wat ze zelf te bieden hebben.",
            ),
            (
                "list",
                [
                    "We zoeken goede voorbeelden uit wijken en regio's, en van partners.",
                    "We geven kennisvouchers, zodat je een ervaren deskundige kunt inhuren.",
                    "We helpen gemeenten om Positieve Gezondheid een plek te geven in beleid.",
                ],
            ),
            (
                "cta",
                {
                    "title": "Kennisvouchers Positieve Gezondheid 2026",
                    "text": (
                        "Wil je beginnen, maar weet je niet hoe? Met een kennisvoucher leer je van "
                        "een goed voorbeeld."
                    ),
                    "action": "voucher",
                    "link_label": "Lees meer over de vouchers",
                    "link": "kennisvouchers-positieve-gezondheid-2026",
                },
            ),
            (
                "cta",
                {
                    "title": "Handboek: Positieve Gezondheid in gemeentelijk beleid",
                    "text": (
                        "Zes hoofdstukken met stappen, voorbeelden en valkuilen voor beleidsmakers."
                    ),
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "handboek-positieve-gezondheid-in-gemeentelijk-beleid",
                },
            ),
        ],
    },
    "mentale-gezondheid": {
        "intro": (
            "Mentale gezondheid is meer dan de afwezigheid van klachten. Het gaat om veerkracht, "
            "contact met anderen en het gevoel dat je ertoe doet – op school, op het werk en in de "
            "buurt."
        ),
        "body": [
            (
                "paragraph",
                "Steeds meer jongeren en volwassenen ervaren stress, somberheid of eenzaamheid. "
                "Niet elke klacht vraagt om zorg. Vaak helpt het al als iemand op tijd gezien "
                "wordt en ergens terecht kan. Daarom richten we ons op preventie en vroege steun, "
                "dicht bij huis.",
            ),
            (
                "list",
                [
                    "Welbevinden van leerlingen en studenten op school",
                    "Eenzaamheid bij ouderen en jonge mensen",
                    "Mentale balans op het werk",
                    "Samenwerking tussen wijkteam, huisarts en welzijn",
                ],
            ),
            (
                "cta",
                {
                    "title": "Toolkit: mentale gezondheid van jongeren",
                    "text": (
                        "Van signaleren tot steunen: materialen en werkwijzen voor school en wijk."
                    ),
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "toolkit-mentale-gezondheid-van-jongeren",
                },
            ),
        ],
    },
    "groen-en-gezondheid": {
        "intro": (
            "Een groene omgeving nodigt uit tot bewegen en ontmoeten, helpt bij herstel en houdt "
            "wijken koeler bij hitte. Wij brengen kennis over groen en gezondheid samen en helpen "
            "die toe te passen."
        ),
        "body": [
            (
                "paragraph",
                "Groen werkt het best als het dichtbij is: om de hoek, op het schoolplein of bij "
                "de zorginstelling. Daarvoor zijn zorg, onderwijs, ruimtelijke ordening en "
                "bewoners allemaal nodig. Wij zorgen dat ze elkaar vinden.",
            ),
            (
                "list",
                [
                    "Groene schoolpleinen die ook na schooltijd open zijn",
                    "Natuur op recept vanuit de huisartsenpraktijk",
                    "Gezondheid als vast onderdeel van de omgevingsvisie",
                ],
            ),
            (
                "cta",
                {
                    "title": "Groene schoolpleinen in Lindeloo",
                    "text": "Vier basisscholen ruilden tegels in voor bomen, gras en een moestuin.",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "groene-schoolpleinen-in-lindeloo",
                },
            ),
            (
                "cta",
                {
                    "title": "Vraag advies over groen en gezondheid",
                    "text": "Onze netwerkadviseur groen denkt graag mee over jouw plan.",
                    "action": "contact",
                    "link_label": "Naar de netwerkadviseurs",
                    "link": "people",
                },
            ),
        ],
    },
    "leefstijl": {
        "intro": (
            "Bewegen, eten, slapen, roken en alcohol: leefstijl heeft veel invloed op gezondheid. "
            "Gedrag verandert het makkelijkst als de omgeving meehelpt."
        ),
        "body": [
            (
                "paragraph",
                "Een gezonde keuze moet een makkelijke keuze zijn. Daarom kijken we niet alleen "
                "naar wat mensen zelf doen, maar ook naar de kantine, de sportclub, de werkplek "
                "en de straat. Samen met partners ontwikkelen we campagnes en toolkits die je "
                "direct kunt gebruiken.",
            ),
            (
                "list",
                [
                    "Campagne 30DagenGezonder, elk jaar in maart",
                    "Toolkit voor stoppen met roken via de werkvloer",
                    "Leefstijlcoaches op het mbo",
                ],
            ),
            (
                "cta",
                {
                    "title": "Doe mee met 30DagenGezonder",
                    "text": (
                        "Kies in maart je eigen uitdaging en krijg een maand lang gratis steun."
                    ),
                    "action": "",
                    "link_label": "Lees over de campagne",
                    "link": "30dagengezonder-in-maart-2027",
                },
            ),
        ],
    },
    "preventie": {
        "intro": (
            "Voorkomen is beter dan genezen. In een preventieakkoord spreken gemeenten en partners "
            "af wat ze samen doen tegen te veel drinken, roken en overgewicht. En ook tegen wat "
            "daarachter zit."
        ),
        "body": [
            (
                "paragraph",
                "Achter ongezond gedrag zitten vaak andere zorgen: je alleen voelen, geldzorgen, "
                "geen werk of niet goed in je vel zitten. Een goed preventieakkoord kijkt ook "
                "daarnaar. Het Integraal Zorgakkoord en het Gezond en Actief Leven Akkoord geven "
                "gemeenten en regio's extra ruimte om hiermee aan de slag te gaan.",
            ),
            (
                "numbered",
                [
                    "Een korte peiling onder partners en inwoners laat zien wat er lokaal speelt.",
                    "Daarna kiezen de partners samen de drie of vier belangrijkste onderwerpen.",
                    "De partners schrijven hun afspraken op in een doel dat ze samen tekenen: een "
                    "pledge.",
                ],
            ),
            (
                "cta",
                {
                    "title": "Webinar: samen werken aan een lokaal preventieakkoord",
                    "text": "Drie gemeenten vertellen hoe zij van peiling naar pledge kwamen.",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "webinar-samen-werken-aan-een-lokaal-preventieakkoord",
                },
            ),
            (
                "cta",
                {
                    "title": "Hulp bij jouw preventieakkoord",
                    "text": (
                        "Wij helpen met de peiling, de vervolgbijeenkomst en het formuleren van "
                        "een gezamenlijk doel."
                    ),
                    "action": "contact",
                    "link_label": "Neem contact op",
                    "link": "people",
                },
            ),
        ],
    },
    "jeugd-en-gezin": {
        "intro": (
            "Een gezonde start maakt veel verschil voor de rest van het leven. Wij werken met "
            "ouders, scholen, gemeenten en wie met jeugd werkt aan een plek waar kinderen en "
            "jongeren gezond kunnen opgroeien."
        ),
        "body": [
            (
                "paragraph",
                "Kinderen brengen hun dagen thuis, op school, op de sportclub en op straat door. "
                "Gezondheid vraagt daarom om samenwerking tussen al die plekken. We delen "
                "voorbeelden van gemeenten die dat goed regelen, en helpen bij het maken van "
                "afspraken.",
            ),
            (
                "list",
                [
                    "Een gezonde en groene school",
                    "Mentale gezondheid van jongeren",
                    "Het jongerenwerk als partner bij preventie",
                ],
            ),
            (
                "cta",
                {
                    "title": "Klaverwolde en partners tekenen pledge voor een gezonde jeugd",
                    "text": (
                        "Zeventien partners maken afspraken over bewegen, voeding en welbevinden."
                    ),
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "klaverwolde-tekent-pledge-voor-een-gezonde-jeugd",
                },
            ),
        ],
    },
    "werk-en-vitaliteit": {
        "intro": (
            "Wie fit is, voelt zich beter, is minder vaak ziek en blijft langer met plezier aan "
            "het werk. Werkgevers kunnen daar veel aan doen."
        ),
        "body": [
            (
                "paragraph",
                "Met het Vignet Vitaal Bedrijf laat een werkgever zien dat vitaliteit er echt toe "
                "doet. Voor het vignet meet je eerst hoe fit je mensen zijn. Daarna doe je iets op "
                "minstens twee van de vijf thema's, met hulp van een deskundige.",
            ),
            (
                "list",
                [
                    "Bewegen",
                    "Roken",
                    "Alcohol, drugs en medicijnen",
                    "Voeding",
                    "Ontspanning en mentale balans",
                ],
            ),
            (
                "cta",
                {
                    "title": "Vraag het Vignet Vitaal Bedrijf aan",
                    "text": "Lees wat ervoor nodig is en hoe de beoordeling werkt.",
                    "action": "vignet",
                    "link_label": "Meer over het vignet",
                    "link": "vignet-vitaal-bedrijf-42-werkgevers",
                },
            ),
        ],
    },
    "wijk-en-sociale-basis": {
        "intro": (
            "De sociale basis is alles wat mensen in de wijk helpt om mee te doen. Denk aan "
            "plekken om elkaar te zien, vrijwilligers, buurthuizen, hulp van buren en steun waar "
            "je zo binnenloopt. Zo worden kleine zorgen geen grote problemen."
        ),
        "body": [
            (
                "paragraph",
                "Een sterke sociale basis bouw je samen met bewoners. Welzijn, wijkteam, huisarts, "
                "verhuurder en gemeente doen elk hun deel. Wij helpen om duidelijk te krijgen wie "
                "wat doet, en we delen wat werkt in andere wijken.",
            ),
            (
                "cta",
                {
                    "title": "Samen sterker in de wijk 1: een gedeeld beeld van de buurt",
                    "text": "Deel één van de serie over samenwerken in de wijk.",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "samen-sterker-in-de-wijk-1-een-gedeeld-beeld",
                },
            ),
            (
                "cta",
                {
                    "title": "Deel wat werkt in jouw wijk",
                    "text": (
                        "Heb je een voorbeeld of een leermoment uit de wijk? Anderen kunnen er "
                        "veel aan hebben."
                    ),
                    "action": "story",
                    "link_label": "Deel je praktijkverhaal",
                    "link": None,
                },
            ),
        ],
    },
    "zorginnovatie": {
        "intro": (
            "Slimme zorg helpt mensen om langer zelf thuis te wonen. Het geeft ook de zorg meer "
            "lucht. Denk aan beeldbellen, zorg op afstand en slimme hulp in huis."
        ),
        "body": [
            (
                "paragraph",
                "Techniek alleen is niet genoeg. Slimme zorg werkt als mensen eraan wennen, als de "
                "zorg er tijd voor krijgt en als het geld goed geregeld is. Wij verzamelen wat "
                "regio's daarover leren en brengen partijen bij elkaar.",
            ),
            (
                "cta",
                {
                    "title": "Slimme Zorg Estafette 2027",
                    "text": (
                        "Organiseer je in februari 2027 een activiteit over slimme zorg? Meld die "
                        "aan voor de estafette."
                    ),
                    "action": "activity",
                    "link_label": "Meld je activiteit aan",
                    "link": None,
                },
            ),
            (
                "cta",
                {
                    "title": "Whitepaper: slimme zorg thuis",
                    "text": "Wat werkt er in de praktijk, en wat is nodig om op te schalen?",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "whitepaper-slimme-zorg-thuis",
                },
            ),
        ],
    },
    "regio-en-transformatie": {
        "intro": (
            "Voor gezondheid moet je over de grenzen van je eigen werk heen kijken. In steeds meer "
            "regio's werken zorg, welzijn, gemeenten en zorgverzekeraars samen aan één plan."
        ),
        "body": [
            (
                "paragraph",
                "Zo'n regionale samenwerking gaat niet vanzelf. Wie neemt de leiding? Hoe verdeel "
                "je geld en verantwoordelijkheid? En hoe houd je inwoners in beeld? Wij delen "
                "ervaringen en bieden een plek om van elkaar te leren.",
            ),
            (
                "list",
                [
                    "Wie stuurt het netwerk in de regio, en wie doet wat?",
                    "De plannen van de regio voor het Integraal Zorgakkoord",
                    "Gezondheid in de omgevingsvisie",
                ],
            ),
            (
                "cta",
                {
                    "title": "Leergemeenschap Gezonde Regio in Beweging",
                    "text": "Leer samen met andere regio's hoe je een transformatie vormgeeft.",
                    "action": "interest",
                    "link_label": "Geef je interesse door",
                    "link": None,
                },
            ),
        ],
    },
    "onderwijs-en-opleiding": {
        "intro": (
            "Onderwijs doet twee dingen. Op school kunnen kinderen en jongeren gezond opgroeien. "
            "En opleidingen leiden de vakmensen van morgen op."
        ),
        "body": [
            (
                "paragraph",
                "Een gezonde school let op bewegen, eten en hoe leerlingen zich voelen, in de les "
                "en daarbuiten. Opleidingen in zorg en welzijn leren studenten werken vanuit de "
                "brede kijk op gezondheid. Over allebei delen we kennis en wat we leerden.",
            ),
            (
                "cta",
                {
                    "title": "Boekje: Positieve Gezondheid in de zorgopleidingen",
                    "text": "Docenten van mbo en hbo vertellen hoe zij het brede gesprek aanleren.",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "boekje-positieve-gezondheid-in-de-zorgopleidingen",
                },
            ),
            (
                "cta",
                {
                    "title": "Leefstijlcoaches op het mbo: eerste resultaten",
                    "text": "Meer studenten bewegen wekelijks en slapen beter.",
                    "action": "",
                    "link_label": "Lees verder",
                    "link": "eerste-resultaten-leefstijlcoaches-op-het-mbo",
                },
            ),
        ],
    },
}

CONTENT_PAGES = [
    {
        "slug": "over-het-kennislab",
        "title": "Over het Kennislab",
        "intro": (
            "Het Kennislab is de kennisbank van Netwerk Gezond Samen. Hier delen partners uit het "
            "netwerk wat ze weten, wat ze doen en wat ze hebben geleerd."
        ),
        "body": [
            ("heading", "Wat je hier vindt"),
            (
                "paragraph",
                "In het Kennislab staan nieuws, interviews, voorbeelden uit de praktijk, boeken en "
                "rapporten, toolkits, webinars en verslagen van bijeenkomsten met experts. Je kunt "
                "alles filteren op thema, domein en soort. Bij de meeste items staat wie je kunt "
                "bellen of mailen als je meer wilt weten.",
            ),
            (
                "list",
                [
                    "Voorbeelden uit de praktijk: wat werkt, waarom en wat je zelf kunt doen",
                    "Toolkits en handreikingen om direct mee aan de slag te gaan",
                    "Webinars en verslagen om terug te kijken en na te lezen",
                    "Oproepen en reacties op plannen van het Rijk",
                ],
            ),
            ("heading", "Wie is Netwerk Gezond Samen?"),
            (
                "paragraph",
                "Netwerk Gezond Samen is een netwerk in heel Nederland. Gemeenten, GGD's, zorg en "
                "welzijn, scholen, werkgevers en groepen bewoners doen mee. Samen werken we aan "
                "een gezonde plek om te wonen en aan gezondheid voor iedereen. Onze "
                "netwerkadviseurs brengen partners bij elkaar en zorgen dat ze kennis delen.",
            ),
            ("heading", "Hoe komt de inhoud tot stand?"),
            (
                "paragraph",
                "De redactie schrijft de items samen met partners uit het netwerk. Wie een "
                "praktijkverhaal deelt, leest de tekst altijd mee voordat we die publiceren. We "
                "noemen alleen cijfers die de betrokken organisatie zelf heeft verzameld of die "
                "uit openbare bronnen komen.",
            ),
            ("heading", "Open source"),
            (
                "paragraph",
                "Het Kennislab is gebouwd met open source software. Andere netwerken mogen de "
                "software vrij gebruiken en aanpassen. De site haalt geen scripts, letters of "
                "video's op bij andere partijen.",
            ),
            (
                "cta",
                {
                    "title": "Heb je een vraag of een tip?",
                    "text": "Neem contact op met de redactie of met een van onze netwerkadviseurs.",
                    "action": "contact",
                    "link_label": "Naar de netwerkadviseurs",
                    "link": "people",
                },
            ),
        ],
        "show_in_menus": True,
    },
    {
        "slug": "privacyverklaring",
        "title": "Privacyverklaring",
        "intro": (
            "Netwerk Gezond Samen gaat zorgvuldig om met jouw gegevens. In deze verklaring lees je "
            "welke gegevens het Kennislab bewaart, waarom, hoe lang en welke rechten je hebt."
        ),
        "body": [
            ("heading", "Wie is verantwoordelijk?"),
            (
                "paragraph",
                "Netwerk Gezond Samen is verantwoordelijk voor wat er met jouw gegevens op het "
                "Kennislab gebeurt. Heb je een vraag over privacy? Mail dan naar "
                "privacy@kennislab.example.",
            ),
            ("heading", "We volgen je niet"),
            (
                "paragraph",
                "Het Kennislab gebruikt geen cookies om je te volgen of om je reclame te laten "
                "zien. We halen geen scripts, letters of video's op bij andere partijen. Video's "
                "en presentaties staan elders; je gaat daar alleen heen als je zelf op de link "
                "klikt. We gebruiken alleen cookies die nodig zijn om de site te laten werken, "
                "bijvoorbeeld om een formulier veilig te versturen.",
            ),
            # What is kept, why, on what basis and how long, and the rights: generated from
            # the privacy register, so that no term is written by hand (kennislab/privacy).
            ("privacy_register", {"email": "privacy@kennislab.example"}),
            ("heading", "Contact"),
            (
                "paragraph",
                "Mail naar privacy@kennislab.example of bel 030 000 00 10. We pasten deze tekst "
                "voor het laatst aan op 2 november 2026.",
            ),
        ],
        "show_in_menus": False,
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheidsverklaring",
        "intro": (
            "Iedereen moet het Kennislab goed kunnen gebruiken, ook mensen met een beperking. Hier "
            "lees je wat we daarvoor doen en waar je terechtkunt als iets niet werkt."
        ),
        "body": [
            ("heading", "Onze ambitie"),
            (
                "paragraph",
                "Het Kennislab wil voldoen aan de richtlijnen voor digitale toegankelijkheid, "
                "WCAG 2.1 op niveau AA. Dat betekent onder meer: voldoende kleurcontrast, teksten "
                "die je kunt vergroten, duidelijke koppen en formulieren die je met alleen een "
                "toetsenbord kunt invullen.",
            ),
            ("heading", "Hoe we testen"),
            (
                "list",
                [
                    "Bij elke wijziging van de site controleren we de pagina's automatisch met "
                    "axe, een veelgebruikte testtool voor toegankelijkheid.",
                    "We testen of alle onderdelen met alleen het toetsenbord te bedienen zijn, en "
                    "of je altijd ziet waar de focus staat.",
                    "Bij video's en podcasts zetten we een samenvatting of uitgeschreven tekst op "
                    "de pagina.",
                ],
            ),
            ("heading", "Bekende knelpunten"),
            (
                "paragraph",
                "Op dit moment zijn er geen knelpunten bekend. Toch kan het gebeuren dat iets "
                "niet goed werkt. Bijvoorbeeld in een document van een partner dat we als "
                "download aanbieden. Laat het ons dan weten.",
            ),
            ("heading", "Probleem melden"),
            (
                "paragraph",
                "Loop je tegen een probleem aan? Mail naar toegankelijkheid@kennislab.example of "
                "bel 030 000 00 10. Vertel op welke pagina het was en wat er misging. We reageren "
                "binnen vijf werkdagen en laten weten wanneer het is opgelost.",
            ),
            (
                "paragraph",
                "Deze verklaring is opgesteld op 2 november 2026. We bekijken haar elk jaar "
                "opnieuw.",
            ),
        ],
        "show_in_menus": False,
    },
]

ARTICLES = [
    {
        "slug": "klaverwolde-tekent-pledge-voor-een-gezonde-jeugd",
        "title": "Klaverwolde en partners tekenen pledge voor een gezonde jeugd",
        "date": "2024-02-13",
        "type": "news",
        "themes": ["preventie", "jeugd-en-gezin"],
        "domains": ["regio", "school", "wijk"],
        "intro": (
            "De gemeente Klaverwolde en zestien partners hebben op 8 februari een pledge getekend. "
            "Ze gaan samen zorgen dat kinderen en jongeren meer bewegen, gezonder eten en zich "
            "beter voelen."
        ),
        "body": [
            (
                "paragraph",
                "In het gemeentehuis van Klaverwolde zetten zeventien partijen hun naam onder één "
                "doel. In 2028 groeien alle kinderen in de gemeente op in een buurt waar gezond "
                "kiezen makkelijk is. Naast de gemeente tekenden de GGD, zes basisscholen, een "
                "middelbare school en drie sportclubs. Ook het welzijnswerk, het jongerenwerk, "
                "twee huisartsen en de bibliotheek deden mee.",
            ),
            ("heading", "Begonnen met een peiling"),
            (
                "paragraph",
                "De pledge is het resultaat van een traject van ruim een half jaar. Het begon met "
                "een korte peiling van Netwerk Gezond Samen. Daarin vroegen we vakmensen en "
                "inwoners welke vragen over gezondheid zij het belangrijkst vinden. 212 mensen "
                "vulden de peiling in. Wat opviel: naast overgewicht en alcohol noemden veel "
                "mensen ook eenzame jongeren en gezinnen met geldzorgen.",
            ),
            (
                "paragraph",
                "In november kwamen de partners weer bij elkaar om de uitkomsten te bespreken. Ze "
                "kozen drie onderwerpen waar ze samen het meeste verschil denken te maken.",
            ),
            (
                "list",
                [
                    "Meer bewegen: elk kind heeft binnen tien minuten lopen een plek om te spelen "
                    "en te sporten.",
                    "Gezonder eten: vanaf 2025 is er op alle scholen en in alle sportkantines "
                    "gezond eten te koop.",
                    "Welbevinden: jongeren met zorgen weten waar ze terechtkunnen, in de wijk en "
                    "op school.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "We deden allemaal al veel, maar ieder voor zich. Nu weten we van elkaar "
                        "wat we doen en spreken we elkaar erop aan."
                    ),
                    "attribution": (
                        "Marloes Tjepkema, wethouder jeugd en gezondheid van de gemeente "
                        "Klaverwolde"
                    ),
                },
            ),
            ("heading", "Hoe nu verder?"),
            (
                "paragraph",
                "De partners komen twee keer per jaar bij elkaar om de voortgang te bespreken. "
                "Een kleine kerngroep met de gemeente, de GGD en het jongerenwerk houdt het "
                "overzicht. Over een jaar herhalen ze de peiling, zodat zichtbaar wordt wat er "
                "veranderd is.",
            ),
            (
                "cta",
                {
                    "title": "Ook aan de slag met een lokaal akkoord?",
                    "text": (
                        "Netwerk Gezond Samen helpt met de peiling, de vervolgbijeenkomst en het "
                        "formuleren van een gezamenlijk doel."
                    ),
                    "action": "contact",
                    "link_label": "Neem contact op",
                    "link": "people",
                },
            ),
            (
                "cta",
                {
                    "title": "Volg het netwerk",
                    "text": (
                        "Wil je op de hoogte blijven van nieuwe pledges en akkoorden? Meld je aan "
                        "voor onze maandelijkse nieuwsbrief."
                    ),
                    "action": "newsletter",
                    "link_label": "Aanmelden voor de nieuwsbrief",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "ilse-van-dorsten"}, {"person": "noor-vermaesen"}],
    },
    {
        "slug": "handboek-positieve-gezondheid-in-gemeentelijk-beleid",
        "title": "Handboek: Positieve Gezondheid in gemeentelijk beleid",
        "date": "2024-04-09",
        "type": "publication",
        "themes": ["positieve-gezondheid", "regio-en-transformatie", "wijk-en-sociale-basis"],
        "domains": ["regio", "wijk"],
        "intro": (
            "Hoe geef je Positieve Gezondheid een plek in het beleid van je gemeente? Dit handboek "
            "helpt beleidsmakers op weg, met zes hoofdstukken vol stappen, voorbeelden en "
            "valkuilen."
        ),
        "body": [
            (
                "paragraph",
                "Veel gemeenten noemen Positieve Gezondheid in hun gezondheidsnota. Maar wat "
                "betekent dat voor de inkoop van zorg, voor het wijkteam of voor de inrichting "
                "van de openbare ruimte? Dat is vaak minder duidelijk. Dit handboek maakt de stap "
                "van visie naar uitvoering kleiner.",
            ),
            (
                "paragraph",
                "We schreven het handboek samen met beleidsadviseurs van acht gemeenten, van een "
                "dorpsgemeente met 11.000 inwoners tot een stad met meer dan 150.000 inwoners. "
                "Hun ervaringen staan in elk hoofdstuk.",
            ),
            ("heading", "Wat staat erin?"),
            (
                "numbered",
                [
                    "Van visie naar beleid: hoe je de brede kijk op gezondheid vertaalt naar "
                    "doelen.",
                    "Samen met inwoners: het gesprek voeren over wat mensen belangrijk vinden.",
                    "Over de grenzen van het domein: gezondheid in wonen, werk, armoede en ruimte.",
                    "Opdrachtgeverschap: hoe je subsidie en inkoop laat aansluiten.",
                    "Meten en leren: welke indicatoren wel en niet werken.",
                    "Volhouden: wat nodig is als het enthousiasme van het begin voorbij is.",
                ],
            ),
            (
                "paragraph",
                "Je hoeft het handboek niet van voor naar achter te lezen. Elk hoofdstuk begint "
                "met een korte samenvatting en eindigt met vragen die je in je eigen team of met "
                "je wethouder kunt bespreken. Achterin staat een checklist om te zien waar je "
                "gemeente nu staat.",
            ),
            ("heading", "Drie lessen uit de praktijk"),
            (
                "list",
                [
                    "Begin klein, in één wijk of met één team, en laat zien wat het oplevert.",
                    "Zorg voor een bestuurder die het onderwerp blijft agenderen.",
                    "Verander ook de eigen werkwijze: een brede kijk vraagt om samenwerking "
                    "tussen afdelingen.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Het hielp ons om niet met een nieuw programma te beginnen, maar om "
                        "bestaande afspraken opnieuw te bekijken. Dat scheelde veel discussie."
                    ),
                    "attribution": (
                        "Tom Harskamp, beleidsadviseur gezondheid bij de gemeente Weidebroek"
                    ),
                },
            ),
            (
                "download",
                {
                    "title": "Handboek Positieve Gezondheid in gemeentelijk beleid (pdf)",
                    "description": (
                        "Samenvatting van het handboek met de zes hoofdstukken en een checklist."
                    ),
                    "filename": "handboek-positieve-gezondheid-gemeentelijk-beleid.pdf",
                    "content": [
                        "Handboek Positieve Gezondheid in gemeentelijk beleid – samenvatting",
                        "Dit handboek is bedoeld voor beleidsmakers in gemeenten die Positieve "
                        "Gezondheid een plek willen geven in hun beleid en uitvoering.",
                        "Hoofdstuk 1 en 2 gaan over visie en het gesprek met inwoners. Kernvraag: "
                        "wat vinden inwoners zelf belangrijk voor een goed leven?",
                        "Hoofdstuk 3 en 4 laten zien hoe je gezondheid meeneemt in andere "
                        "domeinen en hoe subsidie en inkoop daarbij kunnen helpen.",
                        "Hoofdstuk 5 en 6 gaan over meten, leren en volhouden. Gebruik een paar "
                        "eenvoudige indicatoren en bespreek ze elk jaar met partners.",
                        "Checklist: er is een bestuurlijk trekker; er is één wijk of team om mee "
                        "te starten; inwoners praten mee; de afspraken komen terug in subsidie en "
                        "inkoop.",
                    ],
                },
            ),
            (
                "related",
                {
                    "title": "Kennisvouchers Positieve Gezondheid 2026",
                    "teaser": (
                        "Huur een ervaren deskundige in om de aanpak in jouw gemeente te starten."
                    ),
                    "link": "kennisvouchers-positieve-gezondheid-2026",
                },
            ),
        ],
        "contacts": [{"person": "ruben-hagedoorn"}],
    },
    {
        "slug": "boekje-positieve-gezondheid-in-de-zorgopleidingen",
        "title": "Boekje: Positieve Gezondheid in de zorgopleidingen",
        "date": "2024-06-18",
        "type": "publication",
        "themes": ["onderwijs-en-opleiding", "positieve-gezondheid"],
        "domains": ["school", "zorg"],
        "intro": (
            "Hoe leer je studenten in zorg en welzijn het brede gesprek over gezondheid? Denk aan "
            "verpleegkundigen, doktersassistenten en welzijnswerkers in opleiding. In dit boekje "
            "vertellen negen docenten uit het mbo en hbo hoe zij dat aanpakken."
        ),
        "body": [
            (
                "paragraph",
                "Het werkveld vraagt steeds vaker om professionals die verder kijken dan de "
                "klacht. Toch krijgt het brede gesprek in veel opleidingen nog weinig ruimte. "
                "Docenten zoeken naar manieren om het een vaste plek te geven, zonder dat het "
                "lesprogramma nog voller wordt.",
            ),
            (
                "paragraph",
                "Voor dit boekje spraken we met negen docenten van vier mbo-colleges en twee "
                "hogescholen. Ze vertellen wat ze doen, wat ze tegenkwamen en wat ze anderen "
                "aanraden.",
            ),
            ("heading", "Wat docenten doen"),
            (
                "list",
                [
                    "Studenten voeren het gesprek eerst met elkaar, over hun eigen leven. Pas "
                    "daarna oefenen ze met cliënten.",
                    "Wie studenten op hun stage begeleidt, krijgt een korte training. Zo kan die "
                    "de studenten in de praktijk goed helpen.",
                    "Studenten maken opdrachten samen met een wijkteam of een huisarts.",
                    "Studenten van allerlei opleidingen werken samen aan één casus.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Studenten merken dat het gesprek ook over hen gaat. Dat maakt het minder "
                        "een trucje en meer een houding."
                    ),
                    "attribution": (
                        "Sevda Oruç, docent verpleegkunde aan een mbo-college in Rietvoorde"
                    ),
                },
            ),
            ("heading", "Wat het lastig maakt"),
            (
                "paragraph",
                "Docenten noemen vooral tijd en toetsing. Het brede gesprek laat zich moeilijk "
                "vangen in een toets met goede en foute antwoorden. Daarom laten sommige "
                "opleidingen studenten opschrijven wat ze leerden. Daarna praten ze erover met hun "
                "begeleider op de stage.",
            ),
            (
                "paragraph",
                "Ook het werkveld is niet altijd klaar. Studenten leren het brede gesprek op "
                "school, maar zien het op hun stageplek soms nog niet terug. Docenten raden aan "
                "om stageplekken te kiezen waar al op deze manier wordt gewerkt, of om de "
                "stagebegeleider mee te nemen in een korte training.",
            ),
            ("heading", "Voor wie is het boekje?"),
            (
                "paragraph",
                "Het boekje is voor docenten en managers in het mbo en hbo, en voor wie daar het "
                "lesplan maakt. Ook wie in de zorg of het welzijn stagiairs opleidt, vindt er "
                "goede ideeën in. Elk hoofdstuk eindigt met een lesidee dat je direct kunt "
                "uitproberen.",
            ),
            (
                "download",
                {
                    "title": "Boekje Positieve Gezondheid in de zorgopleidingen (pdf)",
                    "description": "Negen docenten over lesideeën, stages en toetsing.",
                    "filename": "boekje-positieve-gezondheid-zorgopleidingen.pdf",
                    "content": [
                        "Positieve Gezondheid in de zorgopleidingen",
                        "Negen docenten uit mbo en hbo delen hun ervaringen met het aanleren van "
                        "het brede gesprek over gezondheid.",
                        "Begin bij de student zelf. Wie het gesprek eerst over het eigen leven "
                        "voert, begrijpt beter wat het voor een cliënt betekent.",
                        "Betrek de praktijk. Stagebegeleiders en wijkteams maken het verschil "
                        "tussen een les en een vaardigheid.",
                        "Toets op reflectie. Een gesprek met een stagebegeleider zegt meer dan "
                        "een meerkeuzetoets.",
                    ],
                },
            ),
        ],
        "contacts": [{"person": "noor-vermaesen"}, {"person": "ruben-hagedoorn"}],
    },
    {
        "slug": "in-beeld-groen-en-gezondheid-in-de-omgevingsvisie",
        "title": "In beeld: groen en gezondheid in de omgevingsvisie",
        "date": "2024-09-24",
        "type": "in_beeld",
        "themes": ["groen-en-gezondheid", "regio-en-transformatie"],
        "domains": ["regio", "wijk"],
        "intro": (
            "Hoe zorg je dat gezondheid niet wegvalt als een gemeente keuzes maakt over wonen, "
            "verkeer en groen? Tijdens een expertmeeting in Lindeloo zochten 28 deskundigen samen "
            "naar antwoorden. Een tekenaar legde het gesprek vast in een visual."
        ),
        "body": [
            (
                "paragraph",
                "Aan tafel zaten ruimtelijk planners, GGD-medewerkers, ecologen, huisartsen en "
                "beleidsmakers uit vijf gemeenten. De vraag van de middag: hoe maak je van "
                "gezondheid een vast onderdeel van de omgevingsvisie, en niet een hoofdstuk dat "
                "achteraf wordt toegevoegd?",
            ),
            ("heading", "Wat de visual laat zien"),
            (
                "paragraph",
                "De visual is opgebouwd als een wijk. Links staat de situatie zoals die vaak is: "
                "groen als restruimte, veel verharding, weinig plekken om elkaar te ontmoeten. "
                "Rechts staat de wijk zoals de deelnemers die voor zich zien: groene routes naar "
                "school en winkel, schaduw bij bankjes en speelplekken die ook voor ouderen "
                "uitnodigend zijn.",
            ),
            ("heading", "Vijf inzichten"),
            (
                "list",
                [
                    "Betrek de GGD al bij het begin van de omgevingsvisie, niet pas bij de "
                    "inspraak.",
                    "Gebruik een paar concrete normen, zoals een groene plek binnen 300 meter van "
                    "elke woning.",
                    "Maak hittekaarten en gezondheidsgegevens samen zichtbaar; dat overtuigt "
                    "bestuurders.",
                    "Zorg dat groen ook onderhouden wordt: budget voor beheer is net zo "
                    "belangrijk als aanleg.",
                    "Laat bewoners meedenken over de inrichting, dan wordt het groen ook gebruikt.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "We praten al jaren over gezondheid in het ruimtelijk domein. Vandaag zag "
                        "ik voor het eerst hoe het er concreet uit kan zien."
                    ),
                    "attribution": "Jeroen Maasdijk, stedenbouwkundige bij de gemeente Lindeloo",
                },
            ),
            ("heading", "Hoe nu verder?"),
            (
                "paragraph",
                "Twee van de vijf gemeenten gebruiken de inzichten direct bij het herzien van hun "
                "omgevingsvisie. Netwerk Gezond Samen organiseert in het voorjaar een "
                "vervolgsessie, waarin deelnemers laten zien wat ze hebben gedaan en waar ze "
                "tegenaan liepen.",
            ),
            (
                "download",
                {
                    "title": "Visual expertmeeting groen en gezondheid (pdf)",
                    "description": (
                        "De tekening van de middag met een toelichting op de vijf inzichten."
                    ),
                    "filename": "visual-expertmeeting-groen-en-gezondheid.pdf",
                    "content": [
                        "Visual: groen en gezondheid in de omgevingsvisie",
                        "Deze visual is gemaakt tijdens een expertmeeting met 28 deskundigen uit "
                        "zorg, ruimte en beleid.",
                        "Links: een wijk met veel verharding, weinig schaduw en groen als "
                        "restruimte. Rechts: een wijk met groene routes, schaduwrijke "
                        "ontmoetingsplekken en speelplekken voor alle leeftijden.",
                        "In het midden staan de vijf inzichten: vroeg samenwerken, concrete "
                        "normen, kaarten combineren, beheer regelen en bewoners betrekken.",
                        "Gebruik de visual gerust in je eigen overleg. Vermeld daarbij Netwerk "
                        "Gezond Samen als bron.",
                    ],
                },
            ),
        ],
        "contacts": [{"person": "femke-lindhout"}],
    },
    {
        "slug": "webinar-samen-werken-aan-een-lokaal-preventieakkoord",
        "title": "Webinar: samen werken aan een lokaal preventieakkoord",
        "date": "2024-10-29",
        "type": "webinar",
        "themes": ["preventie", "regio-en-transformatie"],
        "domains": ["regio", "wijk"],
        "intro": (
            "Hoe kom je van losse projecten tot een gedragen lokaal preventieakkoord? In dit "
            "webinar vertellen drie gemeenten hoe zij het aanpakten. Je kunt de opname terugkijken."
        ),
        "body": [
            (
                "paragraph",
                "Een lokaal preventieakkoord maakt van landelijke afspraken over roken, alcohol en "
                "overgewicht een plan voor jouw gemeente. Maar hoe zorg je dat partners zich echt "
                "verbinden? En hoe houd je ook oog voor de oorzaken achter ongezond gedrag, zoals "
                "armoede en eenzaamheid?",
            ),
            (
                "paragraph",
                "Ruim 140 mensen keken live mee. Adviseurs van de gemeenten Klaverwolde, "
                "Weidebroek en Rietvoorde vertelden wat zij deden, van de eerste peiling tot het "
                "tekenen van de pledge.",
            ),
            ("heading", "Dit kwam aan bod"),
            (
                "list",
                [
                    "Hoe je met een korte peiling ophaalt wat partners en inwoners belangrijk "
                    "vinden",
                    "Hoe je daarna samen drie of vier onderwerpen kiest",
                    "Waarom een pledge met duidelijke afspraken beter werkt dan een lange lijst "
                    "met goede bedoelingen",
                    "Hoe je de middelen uit het Gezond en Actief Leven Akkoord slim inzet",
                ],
            ),
            ("heading", "Drie tips uit de chat"),
            (
                "list",
                [
                    "Nodig ook partijen uit die je niet meteen met gezondheid verbindt, zoals de "
                    "verhuurder van sociale woningen of de schuldhulp.",
                    "Laat een bestuurder de pledge tekenen, maar laat de uitvoerders de afspraken "
                    "schrijven.",
                    "Laat zien hoe het gaat, bijvoorbeeld met een korte bijeenkomst voor alle "
                    "partners, één keer per jaar.",
                ],
            ),
            (
                "paragraph",
                "Het webinar is voor adviseurs van gemeenten en voor mensen van de GGD. Het is ook "
                "voor partners in zorg, welzijn, sport en onderwijs die werken aan een akkoord in "
                "hun gemeente of regio.",
            ),
            (
                "embed",
                {
                    "url": "https://www.example.org/video/webinar-lokaal-preventieakkoord",
                    "title": "Opname webinar: samen werken aan een lokaal preventieakkoord",
                    "kind": "video",
                    "description": (
                        "Opname van 75 minuten met drie praktijkverhalen en vragen uit de chat."
                    ),
                    "transcript": (
                        "Samenvatting: Klaverwolde begon met een peiling onder 212 professionals "
                        "en inwoners en koos drie onderwerpen. Weidebroek koppelde het akkoord aan "
                        "de aanpak van armoede en maakte afspraken met de voedselbank en de "
                        "schuldhulp. Rietvoorde liet jongeren zelf de campagne rond alcohol maken. "
                        "Alle drie benadrukken: houd de afspraken klein en concreet, en kom "
                        "minstens twee keer per jaar samen."
                    ),
                },
            ),
            (
                "cta",
                {
                    "title": "Kijk het webinar terug",
                    "text": (
                        "Wil je de opname en de presentaties? Vraag ze aan, dan sturen we je de "
                        "link per e-mail."
                    ),
                    "action": "webinar",
                    "link_label": "",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "ilse-van-dorsten"}],
    },
    {
        "slug": "interview-welbevinden-op-school-in-rietvoorde",
        "title": (
            "‘Welbevinden staat nu op elke teamagenda’ – een schoolleider over mentale gezondheid"
        ),
        "date": "2024-11-26",
        "type": "interview",
        "themes": ["mentale-gezondheid", "onderwijs-en-opleiding", "jeugd-en-gezin"],
        "domains": ["school"],
        "intro": (
            "Twee jaar geleden zag basisschool De Vlinderboom in Rietvoorde steeds meer kinderen "
            "met buikpijn, slaapproblemen en faalangst. Directeur Erik Wolthuis vertelt hoe de "
            "school welbevinden een vaste plek gaf."
        ),
        "body": [
            ("heading", "Wat zag je op school gebeuren?"),
            (
                "paragraph",
                "“Na de coronajaren merkten leerkrachten dat kinderen onrustiger waren. Sommige "
                "kinderen wilden 's ochtends niet naar school. Ouders vertelden over slecht "
                "slapen en piekeren. We hebben toen met het team besloten dat we dit niet langer "
                "als bijzaak konden zien.”",
            ),
            ("heading", "Wat hebben jullie veranderd?"),
            (
                "paragraph",
                "“We zijn begonnen met een vast moment in de week, het ‘maandagkringgesprek’. "
                "Elke groep start de week met een korte ronde: hoe gaat het met je? Daarnaast "
                "hebben we drie leerkrachten laten trainen in het herkennen van signalen. Zij "
                "zijn nu het aanspreekpunt voor collega's.”",
            ),
            (
                "paragraph",
                "“Het belangrijkste is misschien dat welbevinden op elke teamvergadering "
                "terugkomt. Niet als los punt aan het eind, maar als eerste onderwerp.”",
            ),
            ("heading", "Werken jullie samen met anderen?"),
            (
                "paragraph",
                "“Ja, met de jeugdverpleegkundige van de GGD en met de schoolmaatschappelijk "
                "werker. Zij komen eens in de zes weken op school. Leerkrachten kunnen dan zorgen "
                "bespreken, ook als het nog maar een gevoel is. Vroeger wachtten we te lang.”",
            ),
            (
                "quote",
                {
                    "text": (
                        "Je hoeft als leerkracht geen hulpverlener te zijn. Je moet wel weten wie "
                        "je kunt bellen."
                    ),
                    "attribution": (
                        "Erik Wolthuis, directeur van basisschool De Vlinderboom in Rietvoorde"
                    ),
                },
            ),
            ("heading", "Wat levert het op?"),
            (
                "paragraph",
                "“In de jaarlijkse leerlingpeiling zeggen meer kinderen dat ze zich veilig "
                "voelen: 81 procent, was 72 procent. Maar ik vind de gesprekken in de gang "
                "minstens zo belangrijk. Kinderen zeggen het nu vaker als er iets is.”",
            ),
            ("heading", "Wat wil je andere scholen meegeven?"),
            (
                "paragraph",
                "“Begin klein en houd het vol. Een vast moment in de week is beter dan een groot "
                "project dat na een jaar stopt. En betrek ouders: zij willen graag meedenken.”",
            ),
            (
                "related",
                {
                    "title": "Toolkit: mentale gezondheid van jongeren",
                    "teaser": (
                        "Materialen en werkwijzen voor school en wijk, van signaleren tot steunen."
                    ),
                    "link": "toolkit-mentale-gezondheid-van-jongeren",
                },
            ),
        ],
        "contacts": [{"person": "noor-vermaesen"}],
    },
    {
        "slug": "whitepaper-slimme-zorg-thuis",
        "title": "Whitepaper: slimme zorg thuis – wat werkt en wat is nodig?",
        "date": "2025-02-11",
        "type": "publication",
        "themes": ["zorginnovatie", "regio-en-transformatie"],
        "domains": ["zorg", "regio"],
        "intro": (
            "Steeds meer mensen krijgen zorg via beeldbellen, slimme sensoren of een kastje dat "
            "medicijnen geeft. Maar lang niet elke pilot groeit uit tot gewone zorg. In deze "
            "whitepaper zetten we op een rij wat werkt en wat regio's nodig hebben om op te "
            "schalen."
        ),
        "body": [
            (
                "paragraph",
                "Voor deze whitepaper bekeken we 23 projecten met slimme zorg thuis uit zeven "
                "regio's. We spraken met de leiders van die projecten, met wijkverpleegkundigen en "
                "mantelzorgers. Ook spraken we met mensen die bij gemeenten en zorgverzekeraars de "
                "zorg inkopen. De whitepaper is voor bestuurders en beleidsmakers. Ze lezen erin "
                "wat de moeite waard is, en hoe je zorgt dat een goede pilot niet stopt.",
            ),
            ("heading", "Wat werkt"),
            ("heading", {"text": "Digitale medicijndispenser", "level": "h3"}),
            (
                "paragraph",
                "Een dispenser geeft op vaste tijden een zakje met medicijnen en waarschuwt als "
                "iemand het niet pakt. In vier projecten bespaarde de wijkverpleging daarmee "
                "gemiddeld twee bezoeken per cliënt per dag. Cliënten noemen vooral de vrijheid: "
                "ze hoeven niet meer thuis te wachten tot de zorg langskomt.",
            ),
            ("heading", {"text": "Beeldbellen op vaste momenten", "level": "h3"}),
            (
                "paragraph",
                "Beeldbellen werkt het best op vaste momenten, zoals een kort gesprek in de "
                "ochtend of een controle als iemand net uit het ziekenhuis thuis is. In de regio "
                "Lindewaard werd een op de drie bezoeken aan huis een gesprek via beeld. Cliënten "
                "voelden zich daardoor niet minder goed geholpen.",
            ),
            ("heading", {"text": "Sensoren bij beginnende dementie", "level": "h3"}),
            (
                "paragraph",
                "Sensoren in huis laten zien of iemand het normale dagritme volgt. Gaat er iets "
                "anders dan anders, dan krijgt een mantelzorger of de wijkverpleging een bericht. "
                "Dit werkt alleen als mantelzorgers vanaf het begin meedenken over wanneer er een "
                "bericht moet komen. Anders komen er te veel berichten die niet nodig zijn.",
            ),
            ("heading", "Waar het vastloopt"),
            (
                "paragraph",
                "Bijna alle projecten lopen vast op dezelfde punten. Het geld stopt als de pilot "
                "klaar is. Wie zorg geeft, krijgt te weinig tijd om een nieuwe manier van werken "
                "te leren. En cliënten en mantelzorgers mogen pas laat meedoen, zodat de techniek "
                "niet past bij hun dagelijks leven. Doen ze wel op tijd mee, dan zijn cliënten "
                "vaak blijer dan de zorg verwacht. Mantelzorgers vinden het vooral fijn dat ze op "
                "afstand kunnen meekijken. Maar ze willen niet dat de techniek het contact met "
                "mensen vervangt.",
            ),
            (
                "quote",
                {
                    "text": (
                        "De dispenser geeft mijn moeder rust, en mij ook. Maar ik ben blij dat de "
                        "wijkverpleegkundige nog elke week langskomt."
                    ),
                    "attribution": (
                        "Mantelzorger uit de regio Lindewaard, geïnterviewd voor de whitepaper"
                    ),
                },
            ),
            ("heading", "Wat regio's kunnen doen"),
            (
                "numbered",
                [
                    "Spreek vooraf met gemeente en zorgverzekeraar af wie na de pilot betaalt.",
                    "Zorg per organisatie voor een ‘digicoach’ die collega's helpt.",
                    "Laat cliënten en mantelzorgers mee kiezen welke oplossing past.",
                    "Deel resultaten in de regio, ook als iets niet werkt.",
                ],
            ),
            (
                "download",
                {
                    "title": "Whitepaper slimme zorg thuis (pdf)",
                    "description": (
                        "De volledige analyse van 23 projecten met aanbevelingen voor regio's."
                    ),
                    "filename": "whitepaper-slimme-zorg-thuis.pdf",
                    "content": [
                        "Slimme zorg thuis – wat werkt en wat is nodig?",
                        "Deze whitepaper is gebaseerd op 23 projecten uit zeven regio's en "
                        "gesprekken met zorgverleners, mantelzorgers en inkopers.",
                        "Wat werkt: digitale medicijndispensers, beeldbellen voor vaste "
                        "contactmomenten en sensoren bij beginnende dementie.",
                        "Drempels: financiering na de pilot, te weinig tijd om te leren en late "
                        "betrokkenheid van cliënten.",
                        "Aanbevelingen: maak vooraf afspraken over financiering, stel digicoaches "
                        "aan, laat cliënten meebeslissen en deel resultaten in de regio.",
                    ],
                },
            ),
        ],
        "contacts": [{"person": "joost-kamperveen"}],
    },
    {
        "slug": "oproep-geef-jongerenwerk-een-plek-aan-de-preventietafel",
        "title": "Oproep: geef jongerenwerk een vaste plek aan de preventietafel",
        "date": "2025-03-18",
        "type": "call",
        "themes": ["jeugd-en-gezin", "preventie", "mentale-gezondheid"],
        "domains": ["wijk", "school", "regio"],
        "intro": (
            "In een open brief vragen Netwerk Gezond Samen en veertien partners aan gemeenten en "
            "regio's om het jongerenwerk altijd te laten meedoen bij preventie. Jongerenwerkers "
            "bereiken jongeren die anderen niet bereiken."
        ),
        "body": [
            ("paragraph", "Aan wethouders, beleidsmakers en de regio's,"),
            (
                "paragraph",
                "Jongerenwerkers staan elke dag op straat, in buurthuizen en op schoolpleinen. Ze "
                "horen als eerste over stress, schulden, eenzaamheid of drugsgebruik. Toch zitten "
                "ze vaak niet aan tafel als een gemeente of regio een preventieakkoord maakt. Dat "
                "is een gemiste kans.",
            ),
            (
                "paragraph",
                "We hielden peilingen in twaalf gemeenten. Meer dan de helft van de "
                "jongerenwerkers zegt daarin dat ze niet mochten meedoen aan het plan voor "
                "preventie. Maar scholen en huisartsen noemen het jongerenwerk juist een van de "
                "beste partners om jongeren te bereiken.",
            ),
            (
                "paragraph",
                "Dat het anders kan, laat Heuvelrade zien. Daar zit het jongerenwerk sinds 2023 "
                "aan tafel bij het lokale preventieakkoord. Jongerenwerkers brachten in dat veel "
                "jongeren vapen zonder te weten wat erin zit. Samen met de GGD en twee middelbare "
                "scholen maakten jongeren zelf een les over vapen. Die les krijgen nu alle derde "
                "klassen.",
            ),
            ("heading", "Wat we vragen"),
            (
                "numbered",
                [
                    "Nodig het jongerenwerk uit als vaste partner als je een preventieakkoord "
                    "maakt en uitvoert.",
                    "Geef jongerenwerkers tijd en ruimte om signalen te delen met school, "
                    "wijkteam en huisarts.",
                    "Zorg voor financiering die langer loopt dan één jaar, zodat jongeren een "
                    "vertrouwd gezicht houden.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Een jongere vertelt zijn verhaal niet aan een formulier. Hij vertelt het "
                        "aan iemand die hij al een jaar kent."
                    ),
                    "attribution": "Dewi Karsodimedjo, jongerenwerker in Heuvelrade",
                },
            ),
            (
                "paragraph",
                "Wij staan klaar om mee te denken. Samen kunnen we ervoor zorgen dat preventie "
                "ook de jongeren bereikt die het meest nodig hebben.",
            ),
            (
                "paragraph",
                "Getekend door Netwerk Gezond Samen en veertien partners uit het jongerenwerk, het "
                "welzijn en het onderwijs.",
            ),
            (
                "cta",
                {
                    "title": "Onderteken de oproep",
                    "text": (
                        "Wil jouw organisatie de oproep steunen? Laat het ons weten, dan voegen we "
                        "je toe aan de lijst."
                    ),
                    "action": "contact",
                    "link_label": "Neem contact op",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "noor-vermaesen"}, {"person": "priya-ramdin"}],
    },
    {
        "slug": "vitaal-aan-het-werk-bij-bouwgroep-zilverdam",
        "title": "Vitaal aan het werk bij Bouwgroep Zilverdam",
        "date": "2025-04-15",
        "type": "practice_example",
        "themes": ["werk-en-vitaliteit", "leefstijl"],
        "domains": ["werk"],
        "intro": (
            "Zwaar werk, vroeg beginnen en veel rokers: een bouwbedrijf is niet de makkelijkste "
            "plek voor een vitaliteitsprogramma. Toch kreeg Bouwgroep Zilverdam in februari het "
            "Vignet Vitaal Bedrijf. Zo pakten ze het aan."
        ),
        "body": [
            (
                "paragraph",
                "Bouwgroep Zilverdam heeft 140 medewerkers, de meesten op de bouwplaats. Het "
                "ziekteverzuim lag in 2023 op 7,4 procent, vooral door rug- en schouderklachten. "
                "De directie wilde daar iets aan doen, maar wist niet goed waar te beginnen.",
            ),
            ("heading", "Eerst meten"),
            (
                "paragraph",
                "Met hulp van een bedrijfsfysiotherapeut en een vitaliteitscoach deed het bedrijf "
                "een nulmeting. Medewerkers vulden een korte vragenlijst in en konden een "
                "gezondheidscheck doen in de bouwkeet. 78 procent deed mee. Uit de nulmeting "
                "bleek dat veel medewerkers last hadden van hun rug en dat ruim een derde rookte.",
            ),
            ("heading", "Twee thema's gekozen"),
            (
                "list",
                [
                    "Bewegen: elke maandagochtend een korte warming-up op de bouwplaats, en een "
                    "tiltraining voor alle ploegen. 96 van de 140 medewerkers deden mee.",
                    "Roken: een stoppen-met-rokengroep onder werktijd, begeleid door een "
                    "stoppen-met-rokencoach. 19 van de 48 rokers deden mee; na zes maanden "
                    "rookten er 9 nog steeds niet.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Het werkte omdat we het op de bouwplaats deden, in werktijd, met de eigen "
                        "ploeg. Niemand hoefde ervoor naar een sportschool."
                    ),
                    "attribution": "Karin Bosveld, HR-adviseur bij Bouwgroep Zilverdam",
                },
            ),
            ("heading", "Resultaat"),
            (
                "paragraph",
                "Na een jaar daalde het verzuim naar 5,9 procent. Het bedrijf wil niet alles aan "
                "het programma toeschrijven, maar ziet wel minder meldingen van rugklachten. In "
                "februari 2025 kreeg de Bouwgroep het Vignet Vitaal Bedrijf. Het volgende doel is "
                "ontspanning en mentale balans, omdat uit gesprekken bleek dat werkdruk en "
                "geldzorgen vaker spelen dan gedacht.",
            ),
            ("heading", "Lessen voor andere werkgevers"),
            (
                "list",
                [
                    "Laat de uitvoerders meedenken; zij weten wat op de bouwplaats kan.",
                    "Doe activiteiten in werktijd en op de werkplek.",
                    "Begin met een thema waar medewerkers zelf last van hebben.",
                ],
            ),
            (
                "cta",
                {
                    "title": "Ook het vignet aanvragen?",
                    "text": "Lees wat ervoor nodig is en vraag het Vignet Vitaal Bedrijf aan.",
                    "action": "vignet",
                    "link_label": "Vraag een vignet aan",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "yusuf-aydemir"}],
    },
    {
        "slug": "buurtkamers-in-zilverdam",
        "title": "Buurtkamers in Zilverdam: een vaste plek om elkaar te ontmoeten",
        "date": "2025-05-20",
        "type": "practice_example",
        "themes": ["wijk-en-sociale-basis", "mentale-gezondheid"],
        "domains": ["wijk", "zorg"],
        "intro": (
            "In Zilverdam zijn zeven buurtkamers open, de meeste vijf dagen per week. Bewoners "
            "drinken er koffie, doen mee aan activiteiten en vinden er hulp. Huisartsen en "
            "wijkverpleegkundigen verwijzen er steeds vaker naar."
        ),
        "body": [
            (
                "paragraph",
                "De eerste buurtkamer opende in 2021 in een leeg winkelpand in het Molenkwartier. "
                "Een groep bewoners wilde een plek waar je zonder afspraak kunt binnenlopen. Het "
                "welzijnswerk hielp met de inrichting. De verhuurder gaf het pand in gebruik. Nu "
                "zijn er zeven, verspreid over de gemeente.",
            ),
            ("heading", "Hoe het werkt"),
            (
                "list",
                [
                    "Elke buurtkamer draait op een vaste groep vrijwilligers. Samen zijn dat zo'n "
                    "120 mensen.",
                    "Twee ochtenden of middagen per week is er een welzijnswerker die de "
                    "vrijwilligers helpt.",
                    "Bewoners kiezen zelf wat er te doen is: van een taalcafé tot een middag "
                    "waarop je spullen laat maken.",
                    "Eén keer per maand houdt de wijkverpleegkundige er spreekuur.",
                ],
            ),
            (
                "paragraph",
                "Samen tellen de buurtkamers ongeveer 350 bezoeken per week. Bij een rondvraag "
                "onder 90 vaste bezoekers zegt twee derde dat ze zich sinds ze komen minder "
                "alleen voelen.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Ik kwam hier voor een kop koffie, na het overlijden van mijn man. Nu zet "
                        "ik zelf op dinsdag de koffie."
                    ),
                    "attribution": (
                        "Bep Oudendijk, bezoeker en vrijwilliger van de buurtkamer in het "
                        "Molenkwartier"
                    ),
                },
            ),
            ("heading", "Samenwerking met de huisarts"),
            (
                "paragraph",
                "Twee huisartsen hebben een vast contact bij de buurtkamers. Zien zij een patiënt "
                "met klachten die vooral met eenzaamheid of zingeving te maken hebben, dan kunnen "
                "ze hem of haar een ‘welkomstkaart’ meegeven. Een vrijwilliger belt dan om een "
                "eerste bezoek af te spreken.",
            ),
            ("heading", "Wat we leerden"),
            (
                "list",
                [
                    "Een vaste plek en vaste tijden zijn belangrijker dan een groot programma.",
                    "Vrijwilligers hebben een vast aanspreekpunt nodig, anders haken ze af.",
                    "Afspraken over huur en subsidie voor een paar jaar geven rust.",
                ],
            ),
            (
                "related",
                {
                    "title": "In beeld: expertmeeting over eenzaamheid onder ouderen",
                    "teaser": "Wat werkt tegen eenzaamheid in de wijk? Het verslag en de visual.",
                    "link": "in-beeld-expertmeeting-eenzaamheid-onder-ouderen",
                },
            ),
        ],
        "contacts": [{"person": "priya-ramdin"}],
    },
    {
        "slug": "natuur-op-recept-in-heuvelrade",
        "title": "Natuur op recept in Heuvelrade: ‘Mensen komen weer naar buiten’",
        "date": "2025-06-24",
        "type": "interview",
        "themes": ["groen-en-gezondheid", "mentale-gezondheid", "positieve-gezondheid"],
        "domains": ["zorg", "wijk"],
        "intro": (
            "In huisartsenpraktijk De Klaproos in Heuvelrade krijgen patiënten met stress of "
            "somberheid soms geen pil, maar een wandeling mee. Praktijkondersteuner Anouk "
            "Severijns vertelt over een jaar natuur op recept."
        ),
        "body": [
            ("heading", "Hoe is het begonnen?"),
            (
                "paragraph",
                "“Ik zag veel mensen met klachten die niet in een behandeling passen. Ze slapen "
                "slecht, voelen zich somber, hebben geen doel meer. In het gesprek over wat ze "
                "belangrijk vinden, zeiden opvallend veel mensen: ik kom bijna niet meer buiten. "
                "Toen dachten we: daar kunnen we iets mee.”",
            ),
            ("heading", "Hoe ziet het recept eruit?"),
            (
                "paragraph",
                "“Samen met de patiënt kies ik een activiteit in het groen. Dat kan een "
                "wandelgroep zijn die elke woensdag vanaf het buurthuis vertrekt, of meehelpen in "
                "de pluktuin aan de rand van de wijk. Een vrijwilliger van de wandelgroep belt de "
                "patiënt voor de eerste keer. Na acht weken bespreken we hoe het gaat.”",
            ),
            ("heading", "Wat zie je gebeuren?"),
            (
                "paragraph",
                "“In het eerste jaar kregen 64 patiënten een natuurrecept. Van hen deden er 47 "
                "minstens zes weken mee. Veel mensen vertellen dat ze beter slapen en meer "
                "energie hebben. Maar wat me het meest raakt: ze maken nieuwe contacten. Een "
                "aantal wandelt nu zelfstandig met elkaar, ook zonder begeleiding.”",
            ),
            (
                "quote",
                {
                    "text": (
                        "Het groen doet veel, maar de mensen met wie je loopt doen minstens zoveel."
                    ),
                    "attribution": (
                        "Anouk Severijns, praktijkondersteuner ggz bij huisartsenpraktijk De "
                        "Klaproos in Heuvelrade"
                    ),
                },
            ),
            ("heading", "Wat was lastig?"),
            (
                "paragraph",
                "“In de winter haken mensen sneller af. We hebben nu ook een binnenactiviteit in "
                "de kas van de pluktuin. En je hebt betrouwbare partners nodig. Zonder de "
                "vrijwilligers van de wandelgroep en de welzijnsorganisatie lukt het niet.”",
            ),
            ("heading", "Tip voor collega's?"),
            (
                "paragraph",
                "“Kijk eerst wat er al is in de wijk. Je hoeft niets nieuws te bedenken. Vaak is "
                "er al een wandelgroep of een moestuin die graag nieuwe mensen ontvangt.”",
            ),
        ],
        "contacts": [{"person": "femke-lindhout"}],
    },
    {
        "slug": "reactie-op-de-consultatie-visie-sociale-basis",
        "title": "Reactie op de consultatie over de landelijke visie op de sociale basis",
        "date": "2025-09-16",
        "type": "consultation_response",
        "themes": ["wijk-en-sociale-basis", "preventie", "regio-en-transformatie"],
        "domains": ["wijk", "regio"],
        "intro": (
            "Het ministerie vroeg deze zomer wat we vinden van een eerste versie van zijn visie op "
            "de sociale basis in wijken en dorpen. Netwerk Gezond Samen stuurde een reactie, na "
            "overleg met 36 partners uit het netwerk. Hier lees je onze belangrijkste punten."
        ),
        "body": [
            (
                "paragraph",
                "De visie laat zien hoe gemeenten de sociale basis sterker kunnen maken. Het gaat "
                "om plekken om elkaar te ontmoeten, om vrijwilligers, om hulp van buren en om "
                "steun waar je zo binnenloopt. Wij zijn blij dat de visie de sociale basis zo "
                "duidelijk ziet als de grond onder gezondheid en zorg.",
            ),
            (
                "paragraph",
                "In juli hielden we twee online sessies met gemeenten, het welzijnswerk, GGD's en "
                "groepen bewoners. Wat zij vertelden, staat in deze reactie.",
            ),
            ("heading", "Wat we steunen"),
            (
                "list",
                [
                    "De keuze om de sociale basis te zien als voorwaarde voor gezondheid, niet "
                    "als extraatje.",
                    "De aandacht voor wat bewoners en vrijwilligers zelf doen.",
                    "De link met de plannen die regio's maken voor het Integraal Zorgakkoord.",
                ],
            ),
            ("heading", "Wat we missen"),
            (
                "list",
                [
                    "Duidelijke afspraken over geld dat langer loopt dan een project of dan vier "
                    "jaar van een college.",
                    "Aandacht voor de rol van de huisarts en de wijkverpleging in de sociale "
                    "basis.",
                    "Steun voor kleine gemeenten. Die hebben vaak niemand die zich alleen met dit "
                    "onderwerp bezighoudt.",
                    "Een manier om te meten wat de sociale basis oplevert, zonder veel extra "
                    "papierwerk.",
                ],
            ),
            ("heading", "Wat we aanraden"),
            (
                "numbered",
                [
                    "Maak de sociale basis een vast deel van de plannen van de regio, met eigen "
                    "geld.",
                    "Laat gemeenten en zorgverzekeraars samen geld steken in welzijn op recept en "
                    "in plekken in de buurt.",
                    "Maak samen met het veld een klein aantal meetpunten, op basis van wat "
                    "bewoners zelf belangrijk vinden.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Een buurtkamer of een vrijwilligersgroep bouw je niet in één "
                        "subsidieronde op. Bewoners moeten erop kunnen rekenen dat het er over "
                        "drie jaar nog is."
                    ),
                    "attribution": (
                        "Deelnemer aan een van de online sessies, coördinator bij een "
                        "welzijnsorganisatie"
                    ),
                },
            ),
            ("heading", "Hoe nu verder?"),
            (
                "paragraph",
                "Het ministerie leest alle reacties en wil begin 2026 de laatste versie van de "
                "visie delen. Wij blijven het gesprek voeren en delen de uitkomsten in het "
                "Kennislab. Wil je meedenken over wat er nu moet gebeuren? Neem dan contact op met "
                "een van de netwerkadviseurs hieronder.",
            ),
            (
                "download",
                {
                    "title": "Volledige reactie op de consultatie sociale basis (pdf)",
                    "description": "Onze reactie zoals die naar het ministerie is gestuurd.",
                    "filename": "reactie-consultatie-sociale-basis.pdf",
                    "content": [
                        "Reactie van Netwerk Gezond Samen op de conceptvisie sociale basis",
                        "Deze reactie is tot stand gekomen na twee sessies met 36 partners uit "
                        "gemeenten, welzijn, GGD's en bewonersinitiatieven.",
                        "Wij steunen de keuze om de sociale basis te zien als fundament onder "
                        "gezondheid en zorg.",
                        "Wij missen afspraken over meerjarige financiering, over de rol van "
                        "huisarts en wijkverpleging en over ondersteuning van kleine gemeenten.",
                        "Wij bevelen aan: maak de sociale basis onderdeel van de regioplannen, "
                        "investeer samen met zorgverzekeraars en ontwikkel met het veld een "
                        "kleine set indicatoren.",
                    ],
                },
            ),
        ],
        "contacts": [{"person": "priya-ramdin"}, {"person": "ilse-van-dorsten"}],
    },
    {
        "slug": "toolkit-stoppen-met-roken-via-de-werkvloer",
        "title": "Toolkit: stoppen met roken via de werkvloer",
        "date": "2025-10-21",
        "type": "toolkit",
        "themes": ["leefstijl", "preventie", "werk-en-vitaliteit"],
        "domains": ["werk", "zorg"],
        "intro": (
            "Werkgevers kunnen veel doen om medewerkers te helpen stoppen met roken. Deze toolkit "
            "zet op een rij wat je kunt vertellen, welke materialen er zijn, waar je naar verwijst "
            "en wat je als organisatie moet regelen."
        ),
        "body": [
            (
                "paragraph",
                "Wie samen met collega's stopt, houdt het vaker vol. De werkvloer is daarom een "
                "goede plek om te beginnen. Deze toolkit is voor HR-adviseurs, leidinggevenden, "
                "bedrijfsartsen en coaches.",
            ),
            ("heading", "Voorlichting en advies"),
            (
                "list",
                [
                    "Vertel medewerkers wat het bedrijf hun biedt en dat ze zelf kiezen of ze "
                    "meedoen.",
                    "Leg uit dat stoppen met begeleiding twee tot drie keer vaker lukt dan alleen.",
                    "Laat een collega die gestopt is zijn of haar ervaring delen.",
                ],
            ),
            ("heading", "Materialen"),
            (
                "list",
                [
                    "Posters en een korte tekst voor intranet of nieuwsbrief",
                    "Een hulp voor leidinggevenden: hoe begin je het gesprek over roken?",
                    "Een brief om medewerkers uit te nodigen om in een groep te stoppen",
                ],
            ),
            ("heading", "Verwijzen"),
            (
                "paragraph",
                "Stuur medewerkers door naar de huisarts of naar een erkende coach die helpt met "
                "stoppen. De basisverzekering betaalt die hulp, en het gaat niet af van het eigen "
                "risico. Zet de contactgegevens van coaches in de regio op een vaste plek.",
            ),
            ("heading", "Behandelen en begeleiden"),
            (
                "list",
                [
                    "Samen stoppen in een groep op het werk, bijvoorbeeld zes keer een uur onder "
                    "werktijd",
                    "Hulp van een eigen coach, ook per telefoon of via beeldbellen",
                    "Pleisters, kauwgom of pillen via de huisarts, samen met hulp van een coach",
                ],
            ),
            ("heading", "Wat je moet regelen"),
            (
                "list",
                [
                    "Een rookvrij terrein, met een duidelijke datum vanaf wanneer en uitleg waarom",
                    "Steun van de directie en leidinggevenden die zelf het goede voorbeeld geven",
                    "Tijd: laat medewerkers de training onder werktijd volgen",
                ],
            ),
            ("heading", "Meer inspiratie"),
            (
                "related",
                {
                    "title": "Vitaal aan het werk bij Bouwgroep Zilverdam",
                    "teaser": (
                        "Een stoppen-met-rokengroep op de bouwplaats: 9 van de 19 deelnemers "
                        "rookten na zes maanden niet."
                    ),
                    "link": "vitaal-aan-het-werk-bij-bouwgroep-zilverdam",
                },
            ),
            (
                "related",
                {
                    "title": "Webinar: de nulmeting vitaliteit",
                    "teaser": "Zo breng je in kaart waar je medewerkers behoefte aan hebben.",
                    "link": "webinar-de-nulmeting-vitaliteit",
                },
            ),
        ],
        "contacts": [{"person": "yusuf-aydemir"}],
    },
    {
        "slug": "in-beeld-expertmeeting-eenzaamheid-onder-ouderen",
        "title": "In beeld: expertmeeting over eenzaamheid onder ouderen in de wijk",
        "date": "2025-11-25",
        "type": "in_beeld",
        "themes": ["wijk-en-sociale-basis", "mentale-gezondheid"],
        "domains": ["wijk", "zorg"],
        "intro": (
            "Ongeveer een op de tien ouderen voelt zich sterk eenzaam. Wat werkt om dat te "
            "doorbreken, en wie doet wat? Tijdens een expertmeeting in Zilverdam spraken 32 "
            "deskundigen erover. Een tekenaar maakte er een visual van."
        ),
        "body": [
            (
                "paragraph",
                "Aan de expertmeeting deden wijkverpleegkundigen, ouderenadviseurs, huisartsen, "
                "vrijwilligers, onderzoekers en beleidsmakers mee. Ook twee oudere bewoners "
                "schoven aan. Zij vertelden hoe het voelt als de dagen lang worden en het "
                "telefoontje uitblijft.",
            ),
            ("heading", "Wat de visual laat zien"),
            (
                "paragraph",
                "De visual toont een dag uit het leven van ‘mevrouw Jansen’, een bedachte "
                "bewoonster van 81. Op elk moment van de dag staat een kans om contact te maken: "
                "de bezorger, de apotheek, de buurvrouw, de buurtkamer. Onderaan staat wat er "
                "nodig is om die kansen te benutten.",
            ),
            ("heading", "Belangrijkste inzichten"),
            (
                "list",
                [
                    "Eenzaamheid herken je vaak aan iets anders: slecht eten, vaak bellen met de "
                    "huisarts, een rommelig huis.",
                    "Iedereen die ouderen ziet, kan signaleren. Maar het moet duidelijk zijn waar "
                    "je een signaal kwijt kunt.",
                    "Een activiteit alleen is niet genoeg. Vaak is een persoon nodig die de "
                    "eerste keer meegaat.",
                    "Schaamte is een grote drempel. Praat over ‘samen iets doen’, niet over "
                    "‘eenzaamheid’.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Ik ging niet naar de koffieochtend, want ik kende er niemand. Toen de "
                        "buurvrouw meeging, was het ineens heel gewoon."
                    ),
                    "attribution": (
                        "Wim Terlouw, bewoner van Zilverdam en deelnemer aan de expertmeeting"
                    ),
                },
            ),
            ("heading", "Afspraken na de meeting"),
            (
                "paragraph",
                "De deelnemers uit Zilverdam spraken af om één meldpunt te maken voor signalen "
                "van eenzaamheid, bij de welzijnsorganisatie. Huisartsen, apotheken en de "
                "bezorgdienst van de supermarkt krijgen een kaartje met het telefoonnummer. Over "
                "een half jaar bespreken ze hoe het werkt.",
            ),
            (
                "download",
                {
                    "title": "Visual expertmeeting eenzaamheid onder ouderen (pdf)",
                    "description": (
                        "De tekening van ‘een dag uit het leven van mevrouw Jansen’ met "
                        "toelichting."
                    ),
                    "filename": "visual-expertmeeting-eenzaamheid-ouderen.pdf",
                    "content": [
                        "Visual: een dag uit het leven van mevrouw Jansen",
                        "Deze visual is gemaakt tijdens een expertmeeting met 32 deskundigen en "
                        "bewoners over eenzaamheid onder ouderen.",
                        "Van ochtend tot avond zie je de momenten waarop iemand contact kan "
                        "maken: de bezorger, de apotheek, de buurvrouw, de buurtkamer.",
                        "Onderaan staan de voorwaarden: één plek voor signalen, iemand die de "
                        "eerste keer meegaat, en taal zonder schaamte.",
                        "Gebruik de visual gerust in je eigen overleg. Vermeld daarbij Netwerk "
                        "Gezond Samen als bron.",
                    ],
                },
            ),
            (
                "related",
                {
                    "title": "Buurtkamers in Zilverdam",
                    "teaser": "Zeven buurtkamers, 120 vrijwilligers en 350 bezoeken per week.",
                    "link": "buurtkamers-in-zilverdam",
                },
            ),
        ],
        "contacts": [{"person": "priya-ramdin"}],
    },
    {
        "slug": "eerste-resultaten-leefstijlcoaches-op-het-mbo",
        "title": "Eerste resultaten leefstijlcoaches op het mbo: meer bewegen, beter slapen",
        "date": "2026-01-27",
        "type": "news",
        "themes": ["onderwijs-en-opleiding", "leefstijl", "jeugd-en-gezin"],
        "domains": ["school"],
        "intro": (
            "Op drie plekken van een mbo-school in de regio Rietvoorde werkten een jaar lang "
            "leefstijlcoaches. De eerste uitkomsten zijn goed: studenten bewegen vaker en slapen "
            "beter."
        ),
        "body": [
            (
                "paragraph",
                "Veel mbo-studenten hebben naast school een bijbaan, en soms zorgen ze ook voor "
                "familie. Ze slapen weinig, eten op rare tijden en bewegen minder dan ze zouden "
                "willen. Daarom startte de school in het jaar 2024–2025 een pilot met "
                "leefstijlcoaches. Dat deed ze samen met de GGD in de regio en Netwerk Gezond "
                "Samen.",
            ),
            ("heading", "Zo werkte de pilot"),
            (
                "list",
                [
                    "Op elke locatie was twee dagen per week een leefstijlcoach aanwezig, in de "
                    "kantine en niet in een spreekkamer.",
                    "Studenten konden zo binnenlopen voor een gesprek over slapen, eten, bewegen, "
                    "geld of stress.",
                    "Mentoren konden een student naar de coach sturen als ze zich zorgen maakten.",
                    "De coaches deden samen met studenten leuke dingen, zoals een pauze met een "
                    "wandeling en samen koken met weinig geld.",
                ],
            ),
            ("heading", "Eerste resultaten"),
            (
                "paragraph",
                "In totaal spraken 640 studenten minstens één keer met een coach. Bij een "
                "vragenlijst aan het begin en het eind van het schooljaar zeiden meer studenten "
                "dat ze minstens drie keer per week bewogen: 44 procent, tegen 32 procent aan het "
                "begin. Ook het aandeel studenten dat zegt meestal goed te slapen steeg, van 41 "
                "naar 50 procent. Dit zijn de eerste uitkomsten. Een onderzoeker van een "
                "hogeschool kijkt verder naar de cijfers.",
            ),
            (
                "quote",
                {
                    "text": (
                        "De coach zit gewoon in de kantine. Je hoeft geen afspraak te maken, en "
                        "dat maakt het makkelijk."
                    ),
                    "attribution": "Jaïr Pinas, student zorg en welzijn",
                },
            ),
            ("heading", "Hoe verder?"),
            (
                "paragraph",
                "Het college zet de leefstijlcoaches ook dit schooljaar in, nu op vijf locaties. "
                "De gemeente draagt bij vanuit het lokale preventieakkoord. In de zomer van 2026 "
                "volgt een volledig rapport.",
            ),
            (
                "cta",
                {
                    "title": "Mis het rapport niet",
                    "text": (
                        "Meld je aan voor de nieuwsbrief. Dan krijg je het rapport als eerste in "
                        "je mailbox."
                    ),
                    "action": "newsletter",
                    "link_label": "Aanmelden voor de nieuwsbrief",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "noor-vermaesen"}],
    },
    {
        "slug": "toolkit-mentale-gezondheid-van-jongeren",
        "title": "Toolkit: mentale gezondheid van jongeren – van zien tot steunen",
        "date": "2026-03-10",
        "type": "toolkit",
        "themes": ["mentale-gezondheid", "jeugd-en-gezin", "onderwijs-en-opleiding"],
        "domains": ["school", "wijk"],
        "intro": (
            "Leraren, mentoren, jongerenwerkers en sportcoaches zien vaak als eerste dat het niet "
            "goed gaat met een jongere. Deze toolkit helpt je om signalen op te merken, het "
            "gesprek aan te gaan en op tijd de juiste hulp in te schakelen."
        ),
        "body": [
            (
                "paragraph",
                "We maakten de toolkit samen met scholen, jongerenwerk, de GGD en jongeren zelf. "
                "Je hoeft geen hulpverlener te zijn om iets te betekenen. Vaak helpt het al dat "
                "iemand vraagt hoe het gaat – en echt luistert.",
            ),
            ("heading", "Voorlichting en advies"),
            (
                "list",
                [
                    "Waar je op let: stil worden, vaak niet op school zijn, opeens lagere cijfers, "
                    "weinig slapen",
                    "Tips voor het eerste gesprek: kies een rustig moment, stel open vragen, "
                    "oordeel niet",
                    "Wat je wel en niet kunt beloven over geheimhouding",
                ],
            ),
            ("heading", "Materialen"),
            (
                "list",
                [
                    "Gesprekskaarten voor een groepsgesprek in de klas of in het jongerencentrum",
                    "Een lesbrief over stress en ontspanning voor het voortgezet onderwijs en het "
                    "mbo",
                    "Een poster met plekken waar jongeren terechtkunnen zonder hun naam te geven",
                ],
            ),
            ("heading", "Verwijzen"),
            (
                "paragraph",
                "Maak per school of wijk een overzicht van wie je kunt inschakelen: de "
                "jeugdverpleegkundige, de schoolmaatschappelijk werker, het jongerenwerk, het "
                "wijkteam en de huisarts. Spreek vooraf af hoe je elkaar bereikt. Bij acuut "
                "gevaar bel je altijd direct het alarmnummer of de huisarts.",
            ),
            ("heading", "Behandelen en begeleiden"),
            (
                "paragraph",
                "Behandeling hoort bij de jeugd-ggz of de huisarts. Wel kun je als school of "
                "jongerenwerk een jongere blijven steunen tijdens en na de behandeling. "
                "Bijvoorbeeld met een vast aanspreekpunt, aangepaste roosters of een rustige "
                "werkplek.",
            ),
            ("heading", "Wat je moet regelen"),
            (
                "list",
                [
                    "Per school of team een vaste persoon die let op hoe het met jongeren gaat",
                    "Elk jaar een training voor nieuwe collega's",
                    "Vaste momenten om te praten met de GGD en het wijkteam",
                ],
            ),
            ("heading", "Meer inspiratie"),
            (
                "related",
                {
                    "title": "‘Welbevinden staat nu op elke teamagenda’",
                    "teaser": "Een schoolleider in Rietvoorde over een vast moment in de week.",
                    "link": "interview-welbevinden-op-school-in-rietvoorde",
                },
            ),
        ],
        "contacts": [{"person": "noor-vermaesen"}],
    },
    {
        "slug": "webinar-de-nulmeting-vitaliteit",
        "title": "Webinar: de nulmeting vitaliteit – zo pak je het aan",
        "date": "2026-04-14",
        "type": "webinar",
        "themes": ["werk-en-vitaliteit", "leefstijl"],
        "domains": ["werk"],
        "intro": (
            "Een nulmeting is de eerste stap naar een vitaliteitsprogramma en naar het Vignet "
            "Vitaal Bedrijf. In dit webinar leer je hoe je een nulmeting opzet, hoe je medewerkers "
            "laat meedoen en wat je met de uitkomsten doet."
        ),
        "body": [
            (
                "paragraph",
                "Veel werkgevers willen iets doen aan de vitaliteit van hun medewerkers, maar "
                "weten niet waar ze moeten beginnen. Een goede nulmeting laat zien waar de "
                "behoefte ligt. Zo kies je activiteiten die passen, en kun je later zien wat ze "
                "hebben opgeleverd.",
            ),
            (
                "paragraph",
                "In het webinar spraken een bedrijfsarts, een vitaliteitscoach en de HR-manager "
                "van een logistiek bedrijf met 300 medewerkers. Er keken 186 mensen live mee.",
            ),
            ("heading", "Sprekers"),
            (
                "list",
                [
                    "Een bedrijfsarts met ervaring in de bouw en de logistiek",
                    "Een vitaliteitscoach die werkgevers begeleidt bij het vignet",
                    "De HR-manager van een logistiek bedrijf met 300 medewerkers",
                ],
            ),
            ("heading", "In het webinar"),
            (
                "list",
                [
                    "Welke vragen je stelt over bewegen, roken, alcohol, voeding en ontspanning",
                    "Hoe je zorgt voor een hoge deelname, ook bij medewerkers die niet achter een "
                    "bureau werken",
                    "Hoe je omgaat met privacy: de werkgever ziet alleen resultaten op "
                    "groepsniveau",
                    "Hoe je van uitkomsten naar twee of drie thema's komt",
                ],
            ),
            (
                "embed",
                {
                    "url": "https://www.example.org/video/webinar-nulmeting-vitaliteit",
                    "title": "Opname webinar: de nulmeting vitaliteit",
                    "kind": "video",
                    "description": "Opname van 60 minuten, met vragen uit de chat.",
                    "transcript": (
                        "Samenvatting: de bedrijfsarts legt uit dat een nulmeting kort moet zijn, "
                        "hooguit tien minuten, en anoniem. De vitaliteitscoach laat zien hoe je "
                        "met een gezondheidscheck op de werkvloer ook medewerkers bereikt die geen "
                        "vragenlijst invullen. De HR-manager vertelt dat 71 procent van de "
                        "medewerkers meedeed, omdat teamleiders het invullen in werktijd mogelijk "
                        "maakten. Uit de meting kozen zij bewegen en ontspanning als eerste "
                        "thema's."
                    ),
                },
            ),
            (
                "embed",
                {
                    "url": "https://www.example.org/slides/webinar-nulmeting-vitaliteit",
                    "title": "Presentatie webinar nulmeting vitaliteit",
                    "kind": "slides",
                    "description": "De dia's van de drie sprekers.",
                    "transcript": (
                        "De presentatie bevat een voorbeeldvragenlijst, een planning van zes weken "
                        "voor de nulmeting en een overzicht van de vijf vitaliteitsthema's."
                    ),
                },
            ),
            (
                "paragraph",
                "Een vraag die vaak terugkwam: mag de werkgever de antwoorden van medewerkers "
                "zien? Nee. Een goede nulmeting is anoniem en de werkgever krijgt alleen "
                "uitkomsten op groepsniveau, bijvoorbeeld per afdeling van minstens tien mensen. "
                "Leg dat vooraf duidelijk uit, dan doen meer mensen mee.",
            ),
            (
                "cta",
                {
                    "title": "Kijk het webinar terug",
                    "text": "Vraag de opname aan, dan sturen we je de link per e-mail.",
                    "action": "webinar",
                    "link_label": "",
                    "link": None,
                },
            ),
            (
                "related",
                {
                    "title": "Vignet Vitaal Bedrijf: 42 werkgevers dragen het vignet",
                    "teaser": "Wat je nodig hebt om het vignet aan te vragen.",
                    "link": "vignet-vitaal-bedrijf-42-werkgevers",
                },
            ),
        ],
        "contacts": [{"person": "yusuf-aydemir"}],
    },
    {
        "slug": "samen-sterker-in-de-wijk-1-een-gedeeld-beeld",
        "title": "Samen sterker in de wijk 1: een gedeeld beeld van de buurt",
        "date": "2026-05-19",
        "type": "series_part",
        "themes": ["wijk-en-sociale-basis", "positieve-gezondheid"],
        "domains": ["wijk", "zorg"],
        "intro": (
            "In de serie ‘Samen sterker in de wijk’ volgen we de wijk Het Zwanenveld in "
            "Rietvoorde. Bewoners, welzijn, huisartsen, wijkteam en woningcorporatie willen beter "
            "samenwerken. In dit eerste deel: hoe maak je samen een beeld van de buurt?"
        ),
        "body": [
            (
                "paragraph",
                "Het Zwanenveld is een naoorlogse wijk met ruim 6.000 inwoners. Er wonen veel "
                "ouderen en jonge gezinnen, en relatief veel mensen met een laag inkomen. Alle "
                "partners in de wijk doen hun best, maar ze wisten weinig van elkaar. ‘We kwamen "
                "elkaar pas tegen als het al misging,’ zegt de wijkverpleegkundige.",
            ),
            ("heading", "Niet beginnen met een plan"),
            (
                "paragraph",
                "De partners besloten niet meteen een plan te maken. Eerst wilden ze een gedeeld "
                "beeld: wat gaat goed in de wijk, wat niet, en wat vinden bewoners zelf "
                "belangrijk? Daarvoor gebruikten ze drie bronnen.",
            ),
            (
                "numbered",
                [
                    "Cijfers: gegevens van de gemeente en de GGD over gezondheid, inkomen en "
                    "wonen.",
                    "Ervaringen van professionals: een bijeenkomst met 25 mensen die in de wijk "
                    "werken.",
                    "Stemmen van bewoners: 140 korte gesprekken op straat, op het schoolplein en "
                    "in de buurtkamer, aan de hand van de zes dimensies van Positieve Gezondheid.",
                ],
            ),
            ("heading", "Wat het opleverde"),
            (
                "paragraph",
                "De cijfers lieten vooral zorgen zien over overgewicht en schulden. Bewoners "
                "noemden iets anders: ze misten een plek om elkaar te ontmoeten en ze voelden "
                "zich onveilig in het donkere parkje. Professionals merkten dat ze vaak met "
                "dezelfde gezinnen bezig waren, zonder het van elkaar te weten.",
            ),
            (
                "quote",
                {
                    "text": (
                        "De cijfers vertelden ons wat er mis was. De bewoners vertelden ons waar "
                        "we moesten beginnen."
                    ),
                    "attribution": "Rianne Kloosterboer, opbouwwerker bij Welzijn Rietvoorde",
                },
            ),
            ("heading", "Lessen uit fase 1"),
            (
                "list",
                [
                    "Neem de tijd voor het beeld van de wijk; het voorkomt dat je aan de "
                    "verkeerde dingen begint.",
                    "Ga naar bewoners toe in plaats van ze uit te nodigen voor een avond.",
                    "Zet cijfers en verhalen naast elkaar. Verschillen zijn juist interessant.",
                ],
            ),
            (
                "related",
                {
                    "title": "Samen sterker in de wijk 2: van plan naar afspraken",
                    "teaser": (
                        "In deel twee maken de partners concrete afspraken over wie wat doet."
                    ),
                    "link": "samen-sterker-in-de-wijk-2-van-plan-naar-afspraken",
                },
            ),
        ],
        "contacts": [{"person": "priya-ramdin"}],
    },
    {
        "slug": "vignet-vitaal-bedrijf-42-werkgevers",
        "title": "Vignet Vitaal Bedrijf: 42 werkgevers dragen nu het vignet",
        "date": "2026-06-09",
        "type": "news",
        "themes": ["werk-en-vitaliteit", "leefstijl"],
        "domains": ["werk"],
        "intro": (
            "Het aantal werkgevers met het Vignet Vitaal Bedrijf groeit. Nu hebben 42 werkgevers "
            "het vignet, van een kinderopvang met 25 mensen tot een grote zorgaanbieder met 1.800 "
            "mensen. Aanvragen en verlengen kan nu via een online formulier."
        ),
        "body": [
            (
                "paragraph",
                "Het vignet laat zien dat vitaliteit ertoe doet bij een werkgever. Medewerkers, "
                "klanten en wie er wil werken zien zo in één keer dat de werkgever geld en tijd "
                "steekt in gezond en met plezier werken. Positieve Gezondheid is een belangrijk "
                "onderdeel: het gaat niet alleen om bewegen en eten, maar ook om balans en "
                "zingeving.",
            ),
            ("heading", "Wat is er nodig?"),
            (
                "numbered",
                [
                    "Je hebt eerst gemeten hoe fit en vitaal je medewerkers zijn: de nulmeting.",
                    "Daarna heb je iets gedaan op minstens twee van de vijf thema's. Aan elke "
                    "activiteit deed minstens 25 procent van de doelgroep mee.",
                    "Een deskundige heeft je daarbij geholpen, bijvoorbeeld een bedrijfsarts, een "
                    "coach of de arbodienst.",
                ],
            ),
            (
                "paragraph",
                "De vijf thema's zijn: bewegen; roken; alcohol, drugs en medicijnen; voeding; en "
                "ontspanning en mentale balans.",
            ),
            ("heading", "Twee jaar geldig, daarna verlengen"),
            (
                "paragraph",
                "Het vignet is twee jaar geldig. Vanaf drie maanden voor het einde kun je "
                "verlenging aanvragen. Je laat dan de activiteiten beoordelen die je sinds de "
                "toekenning hebt gedaan. Een nieuwe nulmeting is niet nodig. De eerste werkgevers "
                "die het vignet in 2024 kregen, zijn nu aan het verlengen.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Het vignet gaf ons een stok achter de deur. Nu staat vitaliteit elk "
                        "kwartaal op de agenda van het managementteam."
                    ),
                    "attribution": (
                        "Lieke van Arkelen, directeur van kinderopvang De Speelboom in Beekveld"
                    ),
                },
            ),
            ("heading", "Nieuw: online aanvragen"),
            (
                "paragraph",
                "Je kunt het vignet nu aanvragen met een formulier in het Kennislab. Je vult de "
                "datum van de nulmeting in en per activiteit het thema, de startdatum, de omvang "
                "van de doelgroep en het aantal deelnemers. Zo zie je direct of je aan de "
                "voorwaarden voldoet. Een netwerkadviseur beoordeelt daarna je aanvraag.",
            ),
            (
                "cta",
                {
                    "title": "Vraag het Vignet Vitaal Bedrijf aan",
                    "text": (
                        "Heb je een nulmeting gedaan en activiteiten uitgevoerd? Vraag het vignet "
                        "aan of verleng het."
                    ),
                    "action": "vignet",
                    "link_label": "Vraag een vignet aan",
                    "link": None,
                },
            ),
            (
                "related",
                {
                    "title": "Vitaal aan het werk bij Bouwgroep Zilverdam",
                    "teaser": "Hoe een bouwbedrijf met 140 medewerkers het vignet behaalde.",
                    "link": "vitaal-aan-het-werk-bij-bouwgroep-zilverdam",
                },
            ),
        ],
        "contacts": [{"person": "yusuf-aydemir"}],
    },
    {
        "slug": "samen-sterker-in-de-wijk-2-van-plan-naar-afspraken",
        "title": "Samen sterker in de wijk 2: van plan naar afspraken",
        "date": "2026-06-23",
        "type": "series_part",
        "themes": ["wijk-en-sociale-basis", "positieve-gezondheid"],
        "domains": ["wijk", "zorg"],
        "intro": (
            "In het tweede deel van de serie ‘Samen sterker in de wijk’ maken de partners in Het "
            "Zwanenveld afspraken over wie wat doet. Hoe houd je het concreet, en hoe zorg je dat "
            "bewoners aan tafel blijven?"
        ),
        "body": [
            (
                "paragraph",
                "Na het gedeelde beeld uit deel één kozen de partners drie onderwerpen: een "
                "ontmoetingsplek in de wijk, een veiliger parkje en betere samenwerking rond "
                "gezinnen met meerdere zorgen. Per onderwerp vormden ze een klein werkgroepje met "
                "minstens één bewoner.",
            ),
            ("heading", "Afspraken op één A4"),
            (
                "paragraph",
                "Elke werkgroep schreef haar afspraken op één A4. Wat willen we bereiken? Wie "
                "doet wat? Wanneer kijken we of het werkt? Geen lange projectplannen, wel namen "
                "en data.",
            ),
            (
                "list",
                [
                    "Ontmoeten: de woningcorporatie stelt een lege benedenwoning beschikbaar als "
                    "buurtkamer. Welzijn zorgt voor begeleiding van vrijwilligers. Opening na de "
                    "zomer.",
                    "Parkje: de gemeente plaatst extra verlichting en snoeit de struiken. "
                    "Bewoners organiseren maandelijks een opruimochtend.",
                    "Gezinnen: wijkteam, huisarts en schoolmaatschappelijk werk houden eens per "
                    "zes weken een casusoverleg, met toestemming van het gezin.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Doordat er een bewoner in elke werkgroep zat, bleef het gesprek gaan over "
                        "wat mensen in de wijk merken, en niet over onze eigen organisaties."
                    ),
                    "attribution": "Hakim El Ouardi, huisarts in Het Zwanenveld",
                },
            ),
            ("heading", "Lessen uit fase 2"),
            (
                "list",
                [
                    "Houd het aantal onderwerpen klein. Drie is genoeg om mee te beginnen.",
                    "Leg afspraken vast met namen en data, niet met organisaties.",
                    "Plan direct een moment om terug te kijken, bijvoorbeeld na zes maanden.",
                ],
            ),
            (
                "download",
                {
                    "title": "Handreiking samen sterker in de wijk (pdf)",
                    "description": (
                        "De acht stappen van gedeeld beeld tot afspraken, met werkbladen."
                    ),
                    "filename": "handreiking-samen-sterker-in-de-wijk.pdf",
                    "content": [
                        "Handreiking samen sterker in de wijk – acht stappen",
                        "Stap 1 en 2: breng de partners in de wijk bij elkaar en verzamel cijfers "
                        "over gezondheid, inkomen en wonen.",
                        "Stap 3 en 4: haal ervaringen op bij professionals en voer korte "
                        "gesprekken met bewoners op plekken waar ze al komen.",
                        "Stap 5: leg cijfers en verhalen naast elkaar en kies samen maximaal drie "
                        "onderwerpen.",
                        "Stap 6 en 7: vorm per onderwerp een werkgroep met minstens één bewoner "
                        "en schrijf de afspraken op één A4.",
                        "Stap 8: kijk na zes maanden samen terug. Wat werkt, wat niet, en wat "
                        "pakken we nu op?",
                    ],
                },
            ),
            (
                "related",
                {
                    "title": "Samen sterker in de wijk 1: een gedeeld beeld van de buurt",
                    "teaser": (
                        "Lees hoe de partners in deel één samen een beeld van de wijk maakten."
                    ),
                    "link": "samen-sterker-in-de-wijk-1-een-gedeeld-beeld",
                },
            ),
            (
                "related",
                {
                    "title": "Buurtkamers in Zilverdam",
                    "teaser": "Een voorbeeld van buurtkamers die al vijf jaar draaien.",
                    "link": "buurtkamers-in-zilverdam",
                },
            ),
        ],
        "contacts": [{"person": "priya-ramdin"}, {"person": "ruben-hagedoorn"}],
    },
    {
        "slug": "oproep-deel-jouw-praktijkverhaal",
        "title": "Oproep: deel jouw praktijkverhaal in het Kennislab",
        "date": "2026-09-08",
        "type": "call",
        "themes": ["wijk-en-sociale-basis", "positieve-gezondheid"],
        "domains": ["wijk", "zorg"],
        "intro": (
            "Heb je relevante praktijkkennis, een leermoment of een succesverhaal te delen? Het "
            "Kennislab groeit dankzij de ervaringen van mensen uit het netwerk. We horen graag wat "
            "jij hebt geleerd – ook als het anders liep dan gepland."
        ),
        "body": [
            (
                "paragraph",
                "Het Kennislab is er voor en door professionals in zorg, welzijn, gemeenten, "
                "scholen en bedrijven. De beste kennis komt vaak uit de praktijk: van de "
                "wijkverpleegkundige die een nieuwe aanpak uitprobeerde, of de gemeente die "
                "ontdekte waarom een project niet van de grond kwam.",
            ),
            ("heading", "Wat we zoeken"),
            (
                "list",
                [
                    "Praktijkvoorbeelden van samenwerking in de wijk, op school, op het werk of "
                    "in de regio",
                    "Leermomenten: wat ging anders dan verwacht, en wat heb je daarvan geleerd?",
                    "Succesverhalen met resultaten, ook als die klein zijn",
                    "Ervaringen met Positieve Gezondheid, groen, slimme zorg of vitaliteit",
                ],
            ),
            ("heading", "Waarom delen?"),
            (
                "list",
                [
                    "Collega's in andere gemeenten en regio's hoeven het wiel niet opnieuw uit te "
                    "vinden.",
                    "Je krijgt reacties en vragen die je eigen aanpak verder helpen.",
                    "Je werk wordt zichtbaar voor partners, bestuurders en financiers.",
                ],
            ),
            ("heading", "Zo werkt het"),
            (
                "numbered",
                [
                    "Vul het formulier in. We vragen naar je organisatie, je verhaal in een paar "
                    "zinnen en wat anderen ervan kunnen leren.",
                    "Binnen twee weken neemt de redactie contact met je op.",
                    "Samen werken we het verhaal uit. Dat kan in een kort gesprek van een half "
                    "uur.",
                    "Je leest de tekst mee en geeft toestemming voordat we publiceren.",
                ],
            ),
            (
                "paragraph",
                "In het afgelopen jaar deelden 31 organisaties hun verhaal. Veel van hen werden "
                "daarna benaderd door collega's uit andere regio's die hetzelfde wilden proberen.",
            ),
            (
                "paragraph",
                "Let op: we publiceren geen gegevens van cliënten, patiënten of leerlingen. "
                "Gebruik je een voorbeeld van een persoon, dan maken we het samen anoniem.",
            ),
            (
                "cta",
                {
                    "title": "Deel jouw praktijkverhaal",
                    "text": (
                        "Het formulier kost ongeveer tien minuten. Je hoeft nog geen uitgewerkte "
                        "tekst te hebben."
                    ),
                    "action": "story",
                    "link_label": "Deel je verhaal",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "lotte-brandsma", "note": "Redactie Kennislab"}],
    },
    {
        "slug": "kennisvouchers-positieve-gezondheid-2026",
        "title": "Kennisvouchers Positieve Gezondheid 2026: aanvragen kan vanaf 6 oktober",
        "date": "2026-09-22",
        "type": "news",
        "themes": ["positieve-gezondheid", "regio-en-transformatie"],
        "domains": ["wijk", "zorg", "regio"],
        "intro": (
            "Wil je in jouw organisatie, wijk of gemeente aan de slag met Positieve Gezondheid? "
            "Met een kennisvoucher haal je een ervaren deskundige uit een van de goede voorbeelden "
            "in huis. Aanvragen kan vanaf dinsdag 6 oktober 2026."
        ),
        "body": [
            (
                "paragraph",
                "Steeds meer organisaties willen werken vanuit Positieve Gezondheid: niet de "
                "ziekte centraal, maar wat mensen belangrijk vinden en wat ze zelf kunnen. "
                "Beginnen is vaak het moeilijkste deel. Daarom stellen het ministerie en Netwerk "
                "Gezond Samen opnieuw kennisvouchers beschikbaar. Met een voucher leer je van "
                "mensen die het al eerder deden.",
            ),
            ("heading", "Wat is een kennisvoucher?"),
            (
                "paragraph",
                "Een kennisvoucher is een bijdrage van € 9.000 om een deskundige in te huren uit "
                "een van de elf geselecteerde goede voorbeelden in het Kennislab. Die deskundige "
                "helpt je om de aanpak toe te passen in je eigen situatie. Denk aan een training "
                "voor een wijkteam, begeleiding bij een eerste pilot of hulp bij het opzetten van "
                "een regionale werkgroep.",
            ),
            ("heading", "Voor wie?"),
            (
                "list",
                [
                    "Organisaties in zorg, welzijn en het sociaal domein",
                    "Gemeenten en samenwerkingsverbanden in een regio",
                    "Scholen, werkgevers en bewonersinitiatieven die samenwerken met een van deze "
                    "partijen",
                ],
            ),
            (
                "paragraph",
                "De goede voorbeelden werken op drie niveaus: provincie of regio, wijk of "
                "gemeente, en organisatie. Kies het voorbeeld dat past bij jouw vraag en jouw "
                "schaal.",
            ),
            ("heading", "Zo werkt het"),
            (
                "numbered",
                [
                    "Lees de pagina's van de goede voorbeelden. Elke pagina vertelt wat het "
                    "voorbeeld biedt, voor wie het geschikt is en wie de deskundige is.",
                    "Neem contact op met de deskundige en bespreek of jullie vraag past.",
                    "Vul vanaf dinsdag 6 oktober 2026 het aanvraagformulier in. Leg daarin uit "
                    "waarom je voor dit voorbeeld kiest.",
                    "Je krijgt direct bericht of je aanvraag voorlopig is toegekend of op de "
                    "wachtlijst staat. Binnen tien werkdagen volgt de definitieve beoordeling.",
                ],
            ),
            ("heading", "Goed om te weten"),
            (
                "list",
                [
                    "Er zijn 20 vouchers van € 9.000 beschikbaar. Het totale budget is € 180.000.",
                    "Per goed voorbeeld worden maximaal twee aanvragen toegekend.",
                    "Aanvragen worden behandeld op volgorde van binnenkomst. Is het budget op of "
                    "zijn de plekken bij een voorbeeld vol, dan kom je op de wachtlijst.",
                    "Je organisatie zet zelf ook tijd en geld in. Dat maakt de kans groter dat de "
                    "aanpak blijft.",
                ],
            ),
            (
                "cta",
                {
                    "title": "Vraag een kennisvoucher aan",
                    "text": (
                        "Het formulier staat open vanaf dinsdag 6 oktober 2026, 9.00 uur. Wie "
                        "eerst komt, wordt eerst geholpen."
                    ),
                    "action": "voucher",
                    "link_label": "Naar het aanvraagformulier",
                    "link": None,
                },
            ),
            (
                "related",
                {
                    "title": "Goed voorbeeld: het andere gesprek in Beekveld",
                    "teaser": (
                        "Een van de elf goede voorbeelden: Positieve Gezondheid in de "
                        "huisartsenpraktijk."
                    ),
                    "link": "goed-voorbeeld-het-andere-gesprek-in-beekveld",
                },
            ),
            (
                "related",
                {
                    "title": "Handboek: Positieve Gezondheid in gemeentelijk beleid",
                    "teaser": "Voor gemeenten die de stap van visie naar uitvoering willen zetten.",
                    "link": "handboek-positieve-gezondheid-in-gemeentelijk-beleid",
                },
            ),
        ],
        "contacts": [
            {
                "person": "ruben-hagedoorn",
                "note": "Vragen over de kennisvouchers en de goede voorbeelden",
            },
        ],
    },
    {
        "slug": "goed-voorbeeld-het-andere-gesprek-in-beekveld",
        "title": "Goed voorbeeld: het andere gesprek in Gezondheidscentrum Beekveld",
        "date": "2026-10-06",
        "type": "practice_example",
        "themes": ["positieve-gezondheid", "wijk-en-sociale-basis", "zorginnovatie"],
        "domains": ["zorg", "wijk"],
        "intro": (
            "In Gezondheidscentrum Beekveld voeren praktijkondersteuners met patiënten die vaak op "
            "het spreekuur komen een breed gesprek over hun leven. Een welzijnscoach in de "
            "praktijk helpt om de stap naar de wijk te zetten. Dit goede voorbeeld is een van de "
            "elf waarvoor je een kennisvoucher kunt aanvragen."
        ),
        "body": [
            ("heading", "De aanpak"),
            (
                "paragraph",
                "Patiënten die vaak op het spreekuur komen, hebben lang niet altijd een medisch "
                "probleem. Soms spelen eenzaamheid, geldzorgen of gebrek aan zinvolle bezigheden "
                "een grotere rol. In Beekveld krijgen deze patiënten een afspraak van 30 minuten "
                "met de praktijkondersteuner. Aan de hand van de zes dimensies van Positieve "
                "Gezondheid praten ze over wat er speelt en wat de patiënt zelf wil veranderen.",
            ),
            (
                "paragraph",
                "Sinds 2023 werkt er ook een welzijnscoach in het gezondheidscentrum, twee dagen "
                "per week. Zij gaat met de patiënt op zoek naar een activiteit of hulp in de "
                "wijk, van schuldhulp tot een tuinproject.",
            ),
            ("heading", "Resultaten"),
            (
                "list",
                [
                    "In 2025 voerden de praktijkondersteuners het gesprek met 410 patiënten.",
                    "Ongeveer een op de drie ging daarna aan de slag met een activiteit of hulp "
                    "in de wijk.",
                    "In een groep van 60 patiënten die vaak op het spreekuur kwamen, daalde het "
                    "aantal consulten in een jaar met ongeveer 15 procent.",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Vroeger vroeg ik: wat is uw klacht? Nu vraag ik: wat zou u graag weer "
                        "kunnen? Daar komen heel andere antwoorden uit."
                    ),
                    "attribution": (
                        "Gerda Oostinga, praktijkondersteuner bij Gezondheidscentrum Beekveld"
                    ),
                },
            ),
            ("heading", "Wat de deskundige biedt"),
            (
                "list",
                [
                    "Vier dagdelen training voor praktijkondersteuners, huisartsen en assistenten",
                    "Hulp bij het opzetten van de samenwerking met welzijn en de gemeente",
                    "Een dag meelopen in Beekveld",
                    "Twee intervisiebijeenkomsten in het eerste halfjaar",
                ],
            ),
            ("heading", "Voor wie?"),
            (
                "paragraph",
                "Dit voorbeeld werkt op het niveau van de organisatie. Het is geschikt voor "
                "huisartsenpraktijken en gezondheidscentra die samen met welzijn willen werken "
                "aan een brede kijk op gezondheid.",
            ),
            (
                "cta",
                {
                    "title": "Vraag een kennisvoucher aan voor dit voorbeeld",
                    "text": (
                        "Met een kennisvoucher van € 9.000 haal je de deskundige van dit goede "
                        "voorbeeld in huis."
                    ),
                    "action": "voucher",
                    "link_label": "Vraag een kennisvoucher aan",
                    "link": None,
                },
            ),
        ],
        "contacts": [
            {
                "person": "ruben-hagedoorn",
                "note": "Brengt je in contact met de deskundige van dit goede voorbeeld",
            },
        ],
    },
    {
        "slug": "groene-schoolpleinen-in-lindeloo",
        "title": "Groene schoolpleinen in Lindeloo: spelen, leren en afkoelen",
        "date": "2026-10-14",
        "type": "practice_example",
        "themes": ["groen-en-gezondheid", "jeugd-en-gezin"],
        "domains": ["school", "wijk"],
        "intro": (
            "Vier basisscholen in Lindeloo ruilden hun tegelpleinen in voor bomen, gras, een "
            "moestuin en een waterspeelplek. Kinderen spelen meer, leerkrachten geven vaker buiten "
            "les en op hete dagen is het plein een koele plek voor de hele buurt."
        ),
        "body": [
            (
                "paragraph",
                "Het begon in 2023 met een meting op een warme dag in juli. Op het tegelplein van "
                "basisschool De Regenboog was de grond 52 graden. Onder de enige boom was dat 31 "
                "graden. Voor de directeur was dat het signaal om het plein anders in te richten. "
                "Drie andere scholen in Lindeloo sloten aan.",
            ),
            ("heading", "Samen ontworpen"),
            (
                "paragraph",
                "De kinderen mochten meedenken. In elke klas maakten ze tekeningen van hun "
                "droomplein. Een ontwerper vertaalde die naar een plan, samen met leerkrachten, "
                "ouders en de gemeente. Wensen die vaak terugkwamen: klimmen, verstoppen, water "
                "en een plek om rustig te zitten. Ouders en buurtbewoners hielpen daarna op vier "
                "klusdagen met planten en bouwen. Inmiddels zorgt per school een groepje van zes "
                "tot tien ouders samen met de conciërge voor het onderhoud, en in de "
                "zomervakantie geven buren de moestuin water.",
            ),
            ("heading", "Wat er veranderde"),
            (
                "list",
                [
                    "Gemiddeld 60 procent minder tegels per plein",
                    "Per school tussen de 8 en 15 nieuwe bomen en struiken",
                    "Een moestuin waar elke groep een eigen bak heeft",
                    "Een waterspeelplek die regenwater opvangt",
                    "Na schooltijd en in het weekend zijn de pleinen open voor de buurt",
                ],
            ),
            ("heading", "Wat het oplevert"),
            (
                "paragraph",
                "Leerkrachten zien dat kinderen meer bewegen en minder ruzie maken in de pauze. "
                "Drie van de vier scholen geven nu minstens één keer per week buiten les, "
                "bijvoorbeeld rekenen met natuurlijke materialen of biologie in de moestuin. Op "
                "hete dagen komen ouders met jonge kinderen naar het plein, omdat het daar koeler "
                "is.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Het mooiste vind ik dat kinderen die vroeger aan de kant stonden, nu een "
                        "eigen plek hebben. Niet iedereen wil voetballen."
                    ),
                    "attribution": (
                        "Yvonne Brugman, directeur van basisschool De Regenboog in Lindeloo"
                    ),
                },
            ),
            ("heading", "Kosten en financiering"),
            (
                "paragraph",
                "Per plein waren de kosten tussen € 60.000 en € 120.000. De gemeente, het "
                "waterschap en een provinciaal fonds betaalden samen ongeveer driekwart. De "
                "scholen betaalden de rest, deels met opbrengsten uit acties van ouders en "
                "kinderen.",
            ),
            ("heading", "Lessen"),
            (
                "list",
                [
                    "Maak vanaf het begin een plan voor het onderhoud; een groen plein vraagt "
                    "meer zorg.",
                    "Betrek ouders bij klusdagen. Het versterkt de band met de school.",
                    "Spreek met de buurt af hoe het plein na schooltijd gebruikt wordt.",
                ],
            ),
            (
                "related",
                {
                    "title": "In beeld: groen en gezondheid in de omgevingsvisie",
                    "teaser": (
                        "Hoe gemeenten gezondheid een vaste plek geven in ruimtelijke keuzes."
                    ),
                    "link": "in-beeld-groen-en-gezondheid-in-de-omgevingsvisie",
                },
            ),
            (
                "related",
                {
                    "title": "Natuur op recept in Heuvelrade",
                    "teaser": "Een huisartsenpraktijk die patiënten een wandeling meegeeft.",
                    "link": "natuur-op-recept-in-heuvelrade",
                },
            ),
        ],
        "contacts": [{"person": "femke-lindhout"}, {"person": "noor-vermaesen"}],
    },
    {
        "slug": "oproep-leergemeenschap-gezonde-regio-in-beweging",
        "title": "Oproep: doe mee aan de leergemeenschap Gezonde Regio in Beweging",
        "date": "2026-10-20",
        "type": "call",
        "themes": ["regio-en-transformatie", "zorginnovatie"],
        "domains": ["regio", "zorg"],
        "intro": (
            "Werk je aan de samenwerking tussen zorg, welzijn en gemeenten in jouw regio? In 2027 "
            "start een nieuwe ronde van de leergemeenschap Gezonde Regio in Beweging. Geef je "
            "interesse door, dan nemen we contact met je op."
        ),
        "body": [
            (
                "paragraph",
                "Regio's staan voor grote opgaven. Er zijn minder zorgverleners, de vraag naar "
                "zorg groeit en de regioplannen uit het Integraal Zorgakkoord moeten worden "
                "uitgevoerd. Dat vraagt om nieuwe vormen van samenwerking en sturing. Niemand "
                "hoeft dat alleen uit te zoeken.",
            ),
            ("heading", "Wat is de leergemeenschap?"),
            (
                "paragraph",
                "In de leergemeenschap komen mensen samen die in hun regio de verandering leiden. "
                "Denk aan regiocoördinatoren, managers, bestuurders en beleidsmakers. Je deelt "
                "waar je tegenaan loopt en leert hoe andere regio's het doen. Deskundigen houden "
                "korte praatjes, maar het gaat vooral om het gesprek met elkaar.",
            ),
            ("heading", "Voor wie?"),
            (
                "paragraph",
                "De leergemeenschap is voor mensen die in hun regio zorgen dat zorg, welzijn en "
                "gemeenten goed samenwerken. Je werkt bijvoorbeeld bij een gemeente, een "
                "zorgorganisatie, de GGD of een regionaal netwerk. Je hoeft geen expert te zijn; "
                "wel neem je een eigen vraag mee uit de praktijk.",
            ),
            ("heading", "Praktisch"),
            (
                "list",
                [
                    "Zes keer samen, tussen februari en november 2027",
                    "Vier keer twee uur online en twee hele dagen op locatie",
                    "Hoogstens 30 mensen, uit zo veel mogelijk regio's",
                    "Meedoen is gratis. We vragen wel dat je er minstens vijf keer bij bent",
                ],
            ),
            ("heading", "Onderwerpen"),
            (
                "list",
                [
                    "Wie beslist wat als je als regio samenwerkt?",
                    "Gegevens delen tussen zorg, welzijn en gemeente",
                    "Geld voor preventie en de sociale basis",
                    "Inwoners laten meedenken over keuzes in de regio",
                ],
            ),
            (
                "quote",
                {
                    "text": (
                        "Het mooiste was horen dat andere regio's tegen dezelfde dingen aanlopen. "
                        "Daardoor durfden we sneller keuzes te maken."
                    ),
                    "attribution": (
                        "Saskia Veldkamp, programmamanager van een regionale samenwerking in regio "
                        "Lindewaard"
                    ),
                },
            ),
            (
                "cta",
                {
                    "title": "Geef je interesse door",
                    "text": (
                        "Laat je gegevens achter. We nemen voor half december contact met je op "
                        "voor een kort kennismakingsgesprek."
                    ),
                    "action": "interest",
                    "link_label": "Ik heb interesse",
                    "link": None,
                },
            ),
        ],
        "contacts": [{"person": "ilse-van-dorsten"}, {"person": "joost-kamperveen"}],
    },
    {
        "slug": "slimme-zorg-estafette-2027",
        "title": "Slimme Zorg Estafette 2027: meld nu je activiteit aan",
        "date": "2026-11-03",
        "type": "campaign",
        "themes": ["zorginnovatie", "regio-en-transformatie"],
        "domains": ["zorg", "regio"],
        "intro": (
            "In februari 2027 gaat het stokje weer rond. Vier weken lang staat slimme zorg "
            "centraal, met elke week een andere regio. Organiseer jij een activiteit? Meld die nu "
            "aan."
        ),
        "body": [
            (
                "paragraph",
                "De Slimme Zorg Estafette laat zien wat slimme zorg en innovatie betekenen voor "
                "inwoners en zorgverleners. Organisaties in zorg en welzijn, gemeenten, "
                "bibliotheken en onderwijsinstellingen openen hun deuren. Aan het eind van elke "
                "week geeft de ene regio het stokje door aan de volgende.",
            ),
            ("heading", "De weken"),
            (
                "list",
                [
                    "Regio oost: maandag 1 tot en met vrijdag 5 februari 2027",
                    "Regio west: maandag 8 tot en met vrijdag 12 februari 2027",
                    "Regio noord: maandag 15 tot en met vrijdag 19 februari 2027",
                    "Regio zuid: maandag 22 tot en met vrijdag 26 februari 2027",
                ],
            ),
            ("heading", "Wat voor activiteit?"),
            (
                "paragraph",
                "Alles wat mensen laat kennismaken met slimme zorg telt mee. Bijvoorbeeld een "
                "webinar, een online lezing, een workshop, een informatiemarkt, een gesprek met "
                "ervaringsdeskundigen of een middag waarop bewoners slimme hulpmiddelen zelf "
                "kunnen uitproberen.",
            ),
            ("heading", "Zo meld je aan"),
            (
                "numbered",
                [
                    "Kies de week van jouw regio.",
                    "Vul het aanmeldformulier in met de naam, het soort activiteit en de "
                    "doelgroep.",
                    "Weet je de datum, locatie of link nog niet? Meld je toch aan. Je kunt de "
                    "gegevens later aanvullen.",
                    "Het team zet je activiteit op de website, zodat deelnemers haar kunnen "
                    "vinden.",
                ],
            ),
            (
                "paragraph",
                "Bij de vorige editie waren er 96 activiteiten met samen ongeveer 2.400 "
                "deelnemers. We hopen dat het er dit keer nog meer worden. Aanmelden kan tot "
                "vrijdag 15 januari 2027.",
            ),
            (
                "quote",
                {
                    "text": (
                        "Onze proeftuin met slimme hulpmiddelen trok in één middag meer dan "
                        "tachtig bewoners. Veel mensen kwamen met hun kinderen of kleinkinderen."
                    ),
                    "attribution": "Bilal Ouamari, adviseur technologie bij Zorggroep Klaverwolde",
                },
            ),
            (
                "cta",
                {
                    "title": "Meld je activiteit aan",
                    "text": (
                        "Organiseer je in februari 2027 een activiteit over slimme zorg? Meld die "
                        "aan voor de week van jouw regio."
                    ),
                    "action": "activity",
                    "link_label": "Meld jouw activiteit aan",
                    "link": None,
                },
            ),
            (
                "related",
                {
                    "title": "Whitepaper: slimme zorg thuis",
                    "teaser": "Wat werkt er in de praktijk, en wat is nodig om op te schalen?",
                    "link": "whitepaper-slimme-zorg-thuis",
                },
            ),
        ],
        "contacts": [{"person": "joost-kamperveen"}],
    },
    {
        "slug": "30dagengezonder-in-maart-2027",
        "title": "30DagenGezonder in maart 2027: kies je eigen uitdaging",
        "date": "2026-11-17",
        "type": "campaign",
        "themes": ["leefstijl", "preventie", "werk-en-vitaliteit"],
        "domains": ["werk", "school", "wijk"],
        "intro": (
            "In maart 2027 is er weer 30DagenGezonder. Een maand lang werk je aan een gezonde "
            "gewoonte die jij zelf kiest: alleen of samen met collega's, buren, vrienden of "
            "familie. Regionale organisatoren kunnen nu al hun interesse doorgeven."
        ),
        "body": [
            (
                "paragraph",
                "Bij 30DagenGezonder bepaal je zelf je uitdaging, je doel en je aanpak. Je hoeft "
                "niet alles tegelijk te veranderen. Juist één kleine stap, dertig dagen "
                "volgehouden, kan het begin zijn van een nieuwe gewoonte.",
            ),
            ("heading", "Voorbeelden van uitdagingen"),
            (
                "list",
                [
                    "Elke dag twintig minuten wandelen of fietsen",
                    "Een maand geen alcohol",
                    "Geen toegevoegde suiker",
                    "Elke avond voor elf uur naar bed",
                    "Elke dag groente bij de lunch",
                ],
            ),
            ("heading", "Samen gaat het makkelijker"),
            (
                "paragraph",
                "Je kunt alleen meedoen, maar samen houd je het vaak beter vol. Doe mee met je "
                "team, je sportclub, je buren of je familie. Wie zich aanmeldt, krijgt de hele "
                "maand gratis steun: een dagelijkse tip per e-mail, een wekelijkse check-in en "
                "online bijeenkomsten met een leefstijlcoach.",
            ),
            (
                "paragraph",
                "In maart 2026 deden ruim 3.000 mensen mee. Na afloop zei 70 procent van de "
                "deelnemers die de evaluatie invulden dat ze hun nieuwe gewoonte wilden volhouden.",
            ),
            ("heading", "Voor regionale organisatoren"),
            (
                "paragraph",
                "Ben je een GGD, gemeente, netwerk of werkgever en wil je de campagne in jouw "
                "regio of organisatie onder de aandacht brengen? In februari 2027 kun je "
                "aansluiten en ontvang je gratis campagnematerialen.",
            ),
            (
                "list",
                [
                    "Posters en ansichtkaarten",
                    "Een toolkit voor scholen en een toolkit voor bedrijven",
                    "Teksten en beelden voor nieuwsbrief, intranet en sociale media",
                ],
            ),
            (
                "cta",
                {
                    "title": "Word regionale organisator",
                    "text": (
                        "Laat het ons nu al weten. In februari sturen we je het campagnepakket en "
                        "de planning."
                    ),
                    "action": "contact",
                    "link_label": "Laat het ons weten",
                    "link": None,
                },
            ),
            (
                "cta",
                {
                    "title": "Ontvang een herinnering",
                    "text": (
                        "Meld je aan voor de nieuwsbrief. Dan hoor je als eerste wanneer de "
                        "inschrijving voor deelnemers opengaat."
                    ),
                    "action": "newsletter",
                    "link_label": "Aanmelden voor de nieuwsbrief",
                    "link": None,
                },
            ),
            (
                "related",
                {
                    "title": "Toolkit: stoppen met roken via de werkvloer",
                    "teaser": "Voor werkgevers die medewerkers willen helpen stoppen.",
                    "link": "toolkit-stoppen-met-roken-via-de-werkvloer",
                },
            ),
        ],
        "contacts": [{"person": "yusuf-aydemir"}, {"person": "lotte-brandsma"}],
    },
]
