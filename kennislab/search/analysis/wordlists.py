"""The fixed word lists of the Dutch analysis. Editors maintain synonyms in the admin; these lists
change with the code (and are pinned by tests)."""

# Function words that carry no meaning for search (index and query side). Diacritics folded.
STOPWORDS = frozenset(
    """
    aan al alle alles als altijd andere ben bij daar daarna dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn moet na
    naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf
    zich zij zijn zo zonder zou
    hoe waarom wanneer waar welke wie wat hoeveel
    tussen via per zoals onze jullie hen daarom daarbij waarbij waarin waardoor welk elk elke
    ieder iedere zullen kunt mag mogen moeten kun tijdens sinds
    """.split()
)

# Words that carry no topic in a search question ("wat betekent …", "hoe doe je …"). Dropped from
# queries only (documents keep them); a query of nothing but these still searches for them.
QUERY_FILLERS = frozenset(
    """
    betekent betekenen betekenis bedoeld doen doet doe gaan gaat ga weten weet vind vindt vinden
    zit zitten graag precies eigenlijk nodig mijn ik je jij jouw we wij onze ons
    """.split()
)

# Acronyms and names that are neither stemmed nor split (folded, lower case). A trailing
# plural/genitive "s" (GGD's) is dropped before the lookup.
PROTECTED = frozenset(
    """
    ggz ggd iza gala vws zonmw ncj jogg vng rivm tno azw mbo hbo wo wmo ivn iph dsv wozo
    ocw szw bzk nrc aios anios ghor covid corona ehealth pledge
    """.split()
)

# Words the compound splitter may use as parts even when the general word list rates them low
# (zipf frequency given), or does not know them.
DOMAIN_WORDS = {
    "voucher": 3.5,
    "vouchers": 3.0,
    "kennis": 5.0,
    "vitaliteit": 3.5,
    "preventie": 4.0,
    "akkoord": 4.3,
    "wijk": 4.8,
    "buurt": 4.8,
    "bewoner": 4.0,
    "bewoners": 4.5,
    "mantel": 3.0,
    "zorg": 5.0,
    "zorger": 2.5,
    "zorgers": 2.5,
    "welzijn": 4.3,
    "coach": 3.8,
    "recept": 3.8,
    "gezondheid": 4.8,
    "leefstijl": 3.8,
    "netwerk": 4.5,
    "regie": 3.8,
    "makelaar": 3.5,
    "infrastructuur": 3.8,
    "basis": 4.8,
    "moes": 2.5,
    "tuin": 4.5,
    "school": 5.0,
    "plein": 4.0,
    "pleinen": 3.5,
    "jeugd": 4.3,
    "pakket": 4.3,
    "luik": 2.5,
    "estafette": 3.0,
    "kavel": 3.0,
    "maatregelen": 4.5,
    "advies": 4.5,
    "adviseur": 4.0,
    "centra": 3.5,
    "onderwijs": 4.8,
    "markt": 4.8,
    "arbeid": 4.3,
}

# Words that look like compounds to the splitter but are not (or must stay whole).
NO_SPLIT = frozenset(
    """
    aandacht kinderen uitvoering onderzoek onderzoeken onderzoeker onderzoekers samenwerking
    samenwerken samenleving ondersteuning ondernemer ondernemers werkgever werkgevers werknemer
    werknemers voorbeeld voorbeelden vertegenwoordiger bijeenkomst bijeenkomsten overheid
    gezondheid gemeenschap gemeenschappen verzorgingstehuis wethouder wethouders landschap
    makelaar makelaars
    """.split()
)

# Particles and prefixes that never count as a compound part on their own.
PARTICLES = frozenset(
    """
    aan achter af bij binnen boven buiten door in mee na naar om onder op over samen tegen toe
    terug uit voor voort weg ver be ge ont her
    """.split()
)

# Endings the Snowball "dutch_porter" algorithm cuts inconsistently: a word ending in one of
# these keeps it (dutch_porter: arts → art but artsen → arts; huisarts → huisart).
KEEP_ENDINGS = ("arts",)

# Stems the Snowball "dutch_porter" algorithm gets wrong for this vocabulary: word → stem.
STEM_OVERRIDES = {
    "ouderen": "oudere",  # the elderly; dutch_porter gives "ouder" as for ouders (parents)
    "oudere": "oudere",
    "centra": "centrum",
    "zorgcentra": "zorgcentrum",
    "media": "media",
    "gezonder": "gezond",
    "gezondere": "gezond",
}

# Plurals in -s after a vowel that the stemmer leaves alone: organisaties, regios, auto's.
VOWEL_PLURAL_MIN_STEM = 4
