"""Business: trade, ports and the financing of the corridor."""

from datetime import timedelta

from newsdesk.demo.content.writing import also_see, fact_box, h2, p, pull_quote, qa, quote

ARTICLES = [
    {
        "slug": "import-fairs-pakistani-exporters-fta-phase-two",
        "section": "business",
        "kind": "news",
        "title": "China opens its import fairs to more Pakistani exporters as trade talks move to phase two",
        "standfirst": (
            "Beijing has invited Pakistani companies to the China International Import Expo and the China–South "
            "Asia Expo while the two sides prepare further talks on their free trade agreement."
        ),
        "teaser": (
            "Pakistani exporters have a new invitation to China's biggest buyers' fairs. The offer comes with "
            "fresh talks on the second phase of the free trade agreement. Exporters say the fairs help only if "
            "tariffs and paperwork follow."
        ),
        "dateline": "KARACHI",
        "authors": ["daniel-okafor"],
        "image": "expo-port",
        "tags": ["Trade", "China", "Pakistan", "FTA"],
        "age": timedelta(hours=14),
        "body": [
            p(
                "China has encouraged Pakistani firms to sell more of their goods in China through two trade fairs, "
                "the China International Import Expo in Shanghai and the China–South Asia Expo in Kunming, according "
                "to the joint statement issued after President Asif Ali Zardari's state visit to Beijing."
            ),
            p(
                "The invitation comes with a commitment to further consultations on liberalising trade under the "
                "second phase of the China–Pakistan Free Trade Agreement."
            ),
            h2("What exporters want"),
            p(
                "Exporters have long argued that fairs help only if the products they show can then cross the "
                "border cheaply. Lower tariffs, quicker food-safety approvals and simpler customs procedures are "
                "the usual requests."
            ),
            also_see("explainer-fta-phase-two"),
        ],
    },
    {
        "slug": "explainer-fta-phase-two",
        "section": "business",
        "kind": "explainer",
        "title": "Explainer: what Phase II of the China–Pakistan free trade agreement is about",
        "standfirst": (
            "The two countries have traded under a free trade agreement since the mid-2000s. Its second phase "
            "widens tariff cuts; now they have agreed to talk about going further."
        ),
        "authors": ["daniel-okafor", "news-desk"],
        "image": "fta-chart",
        "tags": ["Trade", "FTA", "China", "Pakistan", "Explainer"],
        "age": timedelta(hours=84),
        "body": [
            h2("The agreement in brief"),
            p(
                "China and Pakistan signed a free trade agreement in the mid-2000s and later negotiated a second "
                "phase that extended duty-free or reduced-duty access to more products, with cuts phased in over years."
            ),
            h2("What was agreed in February 2025"),
            p(
                "After President Zardari's state visit, the two governments said they would consult further on "
                "liberalising trade within the Phase II framework. That is a commitment to negotiate, not a new deal."
            ),
            h2("Why it matters for Pakistan"),
            p(
                "Pakistan buys far more from China than it sells there. Wider access for its farm goods, textiles "
                "and processed food is one of the few quick ways to narrow that gap."
            ),
            fact_box(
                "Key terms",
                [
                    "Tariff line: one product category in a country's customs schedule",
                    "Phase II: the second, wider stage of the China–Pakistan FTA",
                    "CIIE: the China International Import Expo, held in Shanghai",
                ],
            ),
        ],
    },
    {
        "slug": "gwadar-airport-open-cargo-harder",
        "section": "business",
        "kind": "analysis",
        "title": "Gwadar's new airport is open. The harder part is the cargo",
        "standfirst": (
            "A new international airport gives Gwadar the look of a logistics hub. Becoming one depends on ships, "
            "trucks and traders that have yet to arrive in numbers."
        ),
        "teaser": (
            "The runway is finished and the terminal is open. What Gwadar still lacks is steady cargo. Port, "
            "airport and roads have to work as one before the town can call itself a hub."
        ),
        "dateline": "GWADAR",
        "authors": ["daniel-okafor"],
        "image": "gwadar-port",
        "tags": ["Gwadar", "CPEC", "Infrastructure", "Trade"],
        "age": timedelta(hours=96),
        "body": [
            p(
                "When Pakistan's and China's leaders welcomed the opening of the new Gwadar International Airport "
                "in February, they also promised to develop Gwadar Port fully, so that it could serve as a hub "
                "where goods move between sea, road and air."
            ),
            h2("Infrastructure is the easy half"),
            p(
                "Building a runway is a contract with a start and an end. Attracting shipping lines and freight "
                "forwarders is a slower business that depends on security, on roads inland and on whether traders "
                "find it cheaper to route goods through Gwadar than through Karachi."
            ),
            pull_quote("A hub is a habit of traders, not a set of buildings."),
            h2("What to watch"),
            p(
                "Regular scheduled services, the first freight charters and the volume handled at the port each "
                "quarter will say more than any opening ceremony."
            ),
        ],
    },
    {
        "slug": "interview-economist-cpec-financing",
        "section": "business",
        "kind": "interview",
        "title": "\u201cFinancing, not friendship, is the bottleneck\u201d: an economist on the next phase of CPEC",
        "standfirst": (
            "Development economist Nadia Karim explains why the upgraded corridor will rise or fall on how its "
            "railway and highway are paid for."
        ),
        "teaser": (
            "Nadia Karim has studied the corridor since its first power plants. She says goodwill is not the "
            "problem; money and risk are. Edited excerpts of our conversation."
        ),
        "authors": ["daniel-okafor"],
        "image": "economist-portrait",
        "tags": ["CPEC", "ML-1", "Pakistan", "China", "Interview"],
        "age": timedelta(hours=50),
        "body": [
            p(
                "Nadia Karim is a development economist who has followed the China–Pakistan Economic Corridor since "
                "it began. We spoke after the joint statement from President Zardari's February visit. The "
                "interview has been edited for length."
            ),
            *qa(
                "The statement speaks of an upgraded corridor. What has actually changed?",
                "The ambition has widened. There are now five corridors instead of one list of projects. What has "
                "not changed is the hard question: who lends, on what terms, and who carries the risk.",
            ),
            *qa(
                "Why do ML-1 and the Karakoram realignment matter so much?",
                "Because they lower the cost of moving everything else. A modern railway and a highway that stays "
                "open change the arithmetic for every factory along the route.",
            ),
            quote(
                "Goodwill has never been the constraint. The constraint is a financing model both treasuries can live with.",
                "Nadia Karim",
            ),
            *qa(
                "What would convince you the upgrade is real?",
                "A signed financing agreement for the railway, and a first export contract won by a Pakistani firm "
                "at one of the Chinese fairs. One tells you about the state, the other about the market.",
            ),
        ],
    },
    {
        "slug": "pakistan-should-sell-services-to-china",
        "section": "business",
        "kind": "opinion",
        "title": "Pakistan should sell services to China, not only textiles",
        "standfirst": (
            "Freight corridors take decades. Software, design and back-office work can cross the border next year."
        ),
        "authors": ["farah-siddiqui"],
        "image": "services-network",
        "tags": ["Trade", "Technology", "Pakistan", "China"],
        "age": timedelta(hours=110),
        "body": [
            p(
                "Talk of the corridor usually turns to containers. But the cheapest things to export are the ones "
                "that do not need a port: code, design, translation and customer support."
            ),
            p(
                "Pakistan already has a young, growing freelance workforce. Chinese companies expanding abroad need "
                "exactly those skills, in English and increasingly in Chinese."
            ),
            pull_quote("The cheapest exports are the ones that never need a port.", "Farah Siddiqui"),
            p(
                "The information-technology cooperation promised in February is the place to start. Mutual "
                "recognition of qualifications, easier payments and visas for short assignments would do more for "
                "exports in a year than many a road will do in five."
            ),
        ],
    },
    {
        "slug": "explainer-ml1-railway",
        "section": "business",
        "kind": "explainer",
        "title": "Explainer: why ML-1, the Karachi–Peshawar line, decides the corridor's fate",
        "standfirst": (
            "The Main Line 1 railway is old, slow and essential. Upgrading it is the single biggest project on the "
            "corridor's list."
        ),
        "authors": ["news-desk"],
        "image": "ml1-explainer",
        "tags": ["ML-1", "CPEC", "Infrastructure", "Explainer"],
        "age": timedelta(hours=130),
        "body": [
            h2("What it is"),
            p(
                "Main Line 1 runs from Karachi on the coast through Punjab to Peshawar near the Afghan border. "
                "Much of it dates from the colonial era, and speeds on long sections are low."
            ),
            h2("What the upgrade means"),
            p(
                "Plans involve new track, signalling and bridges so that passenger and freight trains can run "
                "faster and more often. For exporters, a reliable railway to the ports would cut the cost of "
                "moving goods compared with trucks."
            ),
            h2("Where it stands"),
            p(
                "In February 2025 Pakistan and China said they would try to agree quickly on how to carry out and "
                "pay for the upgrade. The financing model is the main open question."
            ),
            also_see("explainer-karakoram-highway-raikot-thakot"),
        ],
    },
    {
        "slug": "explainer-karakoram-highway-raikot-thakot",
        "section": "business",
        "kind": "explainer",
        "title": "Explainer: the Karakoram Highway realignment between Raikot and Thakot",
        "standfirst": (
            "The road to China climbs through some of the world's most unstable mountains. A new alignment on one "
            "stretch is meant to keep it open."
        ),
        "authors": ["news-desk", "daniel-okafor"],
        "image": "kkh-mountains",
        "tags": ["Karakoram Highway", "CPEC", "Infrastructure", "Explainer"],
        "age": timedelta(hours=150),
        "body": [
            h2("The road"),
            p(
                "The Karakoram Highway is the only paved road linking Pakistan and China. It follows river gorges "
                "through the north, where landslides and floods can close it for days."
            ),
            h2("The stretch in question"),
            p(
                "Between Raikot and Thakot, the plan is to move parts of the road onto a new, safer alignment. "
                "The two governments listed it alongside ML-1 as a priority for early agreement on financing."
            ),
            h2("Why it matters"),
            p(
                "Overland trade with China depends on this road staying open. A more reliable route would also "
                "serve the towns along it, for which the highway is the main link to the rest of the country."
            ),
        ],
    },
]
