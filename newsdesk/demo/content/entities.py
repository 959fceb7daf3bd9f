"""The demo desk's curated entities: the people, places, organisations, projects and events its stories name.

The loader makes these (when missing), extracts the entities of every demo article, and confirms the links
to these curated ones, so the demo opens with its entities reviewed; anything else the extractor finds stays
a suggestion for an editor to accept or reject.
"""


def entity(name, kind, *aliases, description="", same_as=()):
    return {"name": name, "kind": kind, "aliases": list(aliases), "description": description, "same_as": list(same_as)}


WIKIDATA = "https://www.wikidata.org/wiki/"

ENTITIES = [
    # People
    entity(
        "Asif Ali Zardari",
        "person",
        "President Zardari",
        "Mr Zardari",
        description="President of Pakistan.",
        same_as=[WIKIDATA + "Q318480"],
    ),
    entity("Xi Jinping", "person", "President Xi", description="President of China.", same_as=[WIKIDATA + "Q15031"]),
    entity("Li Qiang", "person", "Premier Li", description="Premier of China's State Council."),
    entity("Zhao Leji", "person", description="Chairs the Standing Committee of the National People's Congress."),
    entity("Nadia Karim", "person", description="Economist interviewed by the desk on how the corridor is financed."),
    entity("Bilal Ahmed", "person", description="Network engineer interviewed by the desk."),
    entity("Sana Malik", "person", description="Road builder on the Karakoram Highway, interviewed by the desk."),
    # Places
    entity("Pakistan", "place", same_as=[WIKIDATA + "Q843"]),
    entity("China", "place", "People's Republic of China", same_as=[WIKIDATA + "Q148"]),
    entity("Beijing", "place", same_as=[WIKIDATA + "Q956"]),
    entity("Islamabad", "place", same_as=[WIKIDATA + "Q1362"]),
    entity("Gwadar", "place", description="Port city on Pakistan's Arabian Sea coast, the corridor's southern end."),
    entity("Karachi", "place"),
    entity("Peshawar", "place"),
    entity("Raikot", "place", description="Town on the Karakoram Highway where the realignment begins."),
    entity("Thakot", "place", description="Town on the Karakoram Highway where the realignment ends."),
    entity("Afghanistan", "place"),
    entity("Kabul", "place"),
    entity("Gaza", "place"),
    entity("Arabian Sea", "place"),
    entity("Karakoram", "place", description="The mountain range between Pakistan and China."),
    entity("Middle East", "place"),
    entity("Shanghai", "place"),
    entity("Kunming", "place"),
    entity("New York", "place"),
    entity("Geneva", "place"),
    # Organisations
    entity("United Nations", "organisation", "UN", same_as=[WIKIDATA + "Q1065"]),
    entity(
        "National People's Congress",
        "organisation",
        "NPC",
        "Standing Committee of the National People's Congress",
        description="China's legislature.",
    ),
    # Projects
    entity(
        "CPEC",
        "project",
        "China-Pakistan Economic Corridor",
        "the corridor's second phase",
        description="The China–Pakistan Economic Corridor: roads, railways, power plants and ports linking "
        "western China to the Arabian Sea.",
        same_as=[WIKIDATA + "Q1425117"],
    ),
    entity("Main Line 1", "project", "ML-1", "ML1", description="The Karachi–Peshawar railway upgrade."),
    entity(
        "Karakoram Highway",
        "project",
        "KKH",
        "Karakoram Highway realignment",
        description="The road over the Karakoram between Pakistan and China, and its Raikot–Thakot realignment.",
    ),
    entity("Gwadar Port", "project", description="The deep-water port at Gwadar."),
    entity("Gwadar International Airport", "project", "New Gwadar International Airport"),
    # Events
    entity("China International Import Expo", "event", "CIIE", description="The annual import fair in Shanghai."),
    entity("South Asia Expo", "event", description="The trade fair in Kunming."),
]
