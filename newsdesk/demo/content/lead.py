"""The long news report: the anatomy of the reference page, in the desk's own words."""

from datetime import timedelta

from newsdesk.demo.content.writing import also_see, fact_box, h2, image, p, pull_quote, quote

STATEMENT_SOURCE = "https://www.fmprc.gov.cn/eng/"

LEAD = {
    "slug": "zardari-beijing-state-visit-cpec-security",
    "section": "global-affairs",
    "kind": "news",
    "title": "Zardari in Beijing: an upgraded corridor, a security pledge and a dozen new agreements",
    "seo_title": "Zardari's state visit to China: CPEC upgrade, security and agreements",
    "search_description": (
        "What Pakistan's President Asif Ali Zardari and China's leaders agreed during the 4–8 February 2025 "
        "state visit: five CPEC corridors, ML-1, the Karakoram Highway, Gwadar, security and trade."
    ),
    "standfirst": (
        "Pakistan's President Asif Ali Zardari ended a five-day state visit to China with a joint statement "
        "that promises an upgraded economic corridor, firmer protection for Chinese workers and more than a "
        "dozen signed agreements."
    ),
    "teaser": (
        "Five days in Beijing produced a blueprint for a second, broader phase of the China–Pakistan Economic "
        "Corridor. The joint statement also puts the safety of Chinese workers at the top of Islamabad's duties "
        "and names the railway and highway projects both sides now want financed."
    ),
    "dateline": "BEIJING",
    "authors": ["news-desk", "amina-rahman"],
    "image": "lead-beijing",
    "hero_caption": (
        "Delegations from Pakistan and China met in Beijing during President Zardari's state visit, 4–8 February 2025."
    ),
    "tags": ["CPEC", "China", "Pakistan", "Gwadar", "Diplomacy", "Security", "Trade", "ML-1", "Karakoram Highway"],
    "featured": True,
    "age": timedelta(hours=2),
    "corrections": [
        (
            timedelta(minutes=70),
            "An earlier version of this report gave Zhao Leji's title incorrectly. He chairs the Standing "
            "Committee of the National People's Congress.",
        ),
    ],
    "body": [
        p(
            "Pakistan and China came out of President Asif Ali Zardari's state visit, which ran from 4 to "
            "8 February 2025, with a long joint statement that reads as a work plan for the next stage of their "
            "partnership. It covers money and machinery, soldiers and students, and a shared view of the world "
            "beyond their borders, and it was sealed with more than a dozen signed agreements."
        ),
        p(
            "Both governments again described their relationship as <i>iron-clad</i>, a word they have used for "
            "years. What was new this time was the detail: named projects, named institutions and a promise to "
            "settle how the largest of them will be paid for."
        ),
        h2("Meetings at the top", "meetings"),
        p(
            "Mr Zardari held talks with President Xi Jinping, with Premier Li Qiang and with Zhao Leji, who "
            "chairs the Standing Committee of the National People's Congress. Officials on both sides described "
            "the conversations as warm. They covered the bilateral agenda as well as the regional and "
            "international questions on which the two capitals like to be seen speaking with one voice."
        ),
        h2("An upgraded economic corridor", "economic-corridor"),
        p(
            "The centre of the statement is the China–Pakistan Economic Corridor, known as CPEC. The two sides "
            'want an "upgraded version" of it, organised as five corridors rather than one, and tied to the '
            "5Es framework that Pakistan's planners use to set national priorities."
        ),
        quote(
            "…jointly build a growth corridor, a livelihood-enhancing corridor, an innovation corridor, "
            "a green corridor and an open corridor…",
            "China–Pakistan joint statement on the state visit, February 2025",
            STATEMENT_SOURCE,
        ),
        p(
            "Two pieces of hardware dominate that plan. The first is the upgrade of Main Line 1, the railway "
            "that links Karachi with Peshawar and carries most of the country's rail freight. The second is "
            "a new alignment for the Karakoram Highway between Raikot and Thakot, the mountain stretch that "
            "keeps the land route to China open. The statement calls both essential to connecting the two "
            "countries overland and commits the governments to agree soon on how they will be built and financed."
        ),
        image(
            "corridor-map", caption="The corridor from the Karakoram passes to Gwadar on the Arabian Sea. Not to scale."
        ),
        p(
            "Further south, the leaders welcomed the opening of the new Gwadar International Airport and "
            "promised to keep developing Gwadar Port, which both want to see working as a hub where cargo "
            "moves between sea, road and air."
        ),
        pull_quote(
            "Five corridors on paper; one test in practice: whether ML-1 and the Karakoram realignment are paid for."
        ),
        h2("Security of Chinese personnel", "security"),
        p(
            "Attacks on Chinese nationals working in Pakistan have shadowed the corridor for years, and the "
            "statement addresses them directly. Pakistan condemned those attacks in the strongest terms and "
            "restated that keeping Chinese personnel, projects and institutions safe is first and foremost the "
            "job of its own government."
        ),
        p(
            "The two sides said they have zero tolerance for terrorism and will work together more closely "
            "against it, both between themselves and through multilateral bodies."
        ),
        quote(
            "Investors read a security paragraph before they read a list of projects. This time Islamabad wrote "
            "that paragraph in its own name.",
            "Nadia Karim, development economist, speaking to Meridian Dispatch",
        ),
        h2("Defence ties", "defence"),
        p(
            "The statement presents military cooperation as a stabilising force in the region and says the two "
            "armed forces trust each other deeply. Both governments want senior officers to keep visiting each "
            "other at the current pace."
        ),
        also_see("pakistan-china-ml1-karakoram-financing"),
        h2("Trade and technology", "trade-technology"),
        p(
            "On commerce, the governments will hold further talks on opening their markets under the second "
            "phase of their free trade agreement. Beijing invited Pakistani companies to sell more in China and "
            "pointed them to two shop windows: the China International Import Expo and the China–South Asia Expo."
        ),
        p(
            "Technology gets its own paragraph. The two sides plan to cooperate on information technology and to "
            "exchange policy experience and skilled people in artificial intelligence, big data and "
            "communications. China said it would encourage its technology companies to expand in Pakistan, "
            'which is what the "innovation corridor" is meant to mean in practice.'
        ),
        h2("Afghanistan, Gaza and the United Nations", "world"),
        p(
            "With the United Nations marking 80 years since its founding, the two countries restated their "
            "support for the UN Charter and for multilateral diplomacy, and said they would keep coordinating "
            "their positions at the UN in the interest of developing countries."
        ),
        p(
            "On Afghanistan they pledged to stay in close contact and to help the country develop and rejoin "
            "the international community, while pressing the interim authorities in Kabul to take visible, "
            "checkable action against the militant groups based on Afghan soil."
        ),
        p(
            "On the Middle East, they welcomed the ceasefire in Gaza, said they hoped it would become full and "
            "lasting, and repeated their support for an independent Palestinian state."
        ),
        h2("Students, media and culture", "people"),
        p(
            "The statement also looks past governments to people. It lists education, media, think tanks, youth "
            "exchanges, film and television as areas for more cooperation. China offered to help more Pakistani "
            "students learn Chinese and to look at ways of supporting technical and vocational training."
        ),
        h2("What was signed", "agreements"),
        p(
            "More than a dozen agreements were signed during the visit, on the corridor, trade, science and "
            "technology, livelihoods and the media. Mr Zardari thanked his hosts and invited Mr Xi to visit "
            "Pakistan, a date for which is to be settled through diplomatic channels."
        ),
        fact_box(
            "What the two sides agreed",
            [
                "An upgraded CPEC built as five corridors: growth, livelihood, innovation, green and open, aligned with Pakistan's 5Es framework",
                "Early agreement on building and financing the ML-1 railway upgrade and the Raikot–Thakot realignment of the Karakoram Highway",
                "Full development of Gwadar Port as a logistics hub, alongside the new Gwadar International Airport",
                "Closer counter-terrorism cooperation and Pakistan's commitment to protect Chinese personnel and projects",
                "Further talks on Phase II of the China–Pakistan Free Trade Agreement",
                "Cooperation on AI, big data and communications, with exchanges of policy and talent",
                "More than a dozen agreements covering CPEC, trade, science and technology, livelihoods and media",
            ],
        ),
        p(
            "For now the statement is a list of intentions. Whether the upgraded corridor amounts to more than a "
            "new name will depend on the financing decisions both sides have promised to take."
        ),
    ],
}
