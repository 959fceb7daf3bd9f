"""Global Affairs: the visit's follow-ups, analysis of the corridor's security, and comment."""

from datetime import timedelta

from newsdesk.demo.content.writing import also_see, h2, p, pull_quote, quote, table

ARTICLES = [
    {
        "slug": "pakistan-china-ml1-karakoram-financing",
        "section": "global-affairs",
        "kind": "news",
        "title": "Pakistan and China promise early deal on paying for ML-1 and the Karakoram realignment",
        "standfirst": (
            "The two governments say they want to settle soon how the railway upgrade and the new Raikot–Thakot "
            "highway alignment will be built and financed."
        ),
        "teaser": (
            "Two projects have waited longest for money: the Karachi–Peshawar railway and a safer route for the "
            "Karakoram Highway. Beijing and Islamabad now say they will agree terms early. Here is what is on the table."
        ),
        "dateline": "ISLAMABAD",
        "authors": ["amina-rahman"],
        "image": "ml1-rails",
        "tags": ["CPEC", "ML-1", "Karakoram Highway", "Pakistan", "China", "Infrastructure"],
        "age": timedelta(hours=20),
        "body": [
            p(
                "Pakistan and China have committed to reach an early understanding on how to carry out and pay for "
                "two of the biggest projects in their economic corridor: modernising the Main Line 1 railway, and "
                "moving the Karakoram Highway onto a new route between Raikot and Thakot."
            ),
            p(
                "The pledge appears in the joint statement issued after President Asif Ali Zardari's state visit to "
                "Beijing in February 2025, which describes both schemes as central to linking the two countries by land."
            ),
            h2("Why these two"),
            p(
                "Main Line 1 is the backbone of Pakistan's railways, running from the port city of Karachi to "
                "Peshawar in the north-west. The Raikot–Thakot stretch of the Karakoram Highway crosses some of the "
                "most unstable terrain on the route to the Chinese border, and a new alignment is meant to make it "
                "safer and keep it open for longer each year."
            ),
            p(
                "Neither project is new. Both have featured in corridor plans for years, and both have been slowed "
                "by negotiations over cost and terms. The statement does not give figures or dates."
            ),
            h2("What comes next"),
            p(
                "Officials are expected to continue the talks through the corridor's joint committees. The statement "
                "also welcomed the opening of Gwadar's new international airport, a reminder that some corridor "
                "projects have already made it from plan to ribbon-cutting."
            ),
        ],
    },
    {
        "slug": "joint-statement-gaza-afghanistan-un",
        "section": "global-affairs",
        "kind": "news",
        "title": "Beijing and Islamabad back Gaza ceasefire and press Kabul on militant groups",
        "standfirst": (
            "The joint statement from President Zardari's visit looks well beyond the corridor, to Afghanistan, "
            "the Middle East and the United Nations at 80."
        ),
        "teaser": (
            "Most of the statement is about roads and railways, but a long passage sets out a shared view of the "
            "world. It asks the Afghan authorities for verifiable action against militants and hopes the Gaza "
            "ceasefire lasts."
        ),
        "dateline": "BEIJING",
        "authors": ["tariq-hassan"],
        "image": "un-rings",
        "tags": ["Afghanistan", "Gaza", "United Nations", "China", "Pakistan", "Diplomacy"],
        "age": timedelta(hours=26),
        "body": [
            p(
                "China and Pakistan used the joint statement at the end of President Asif Ali Zardari's February "
                "2025 state visit to set out common positions on Afghanistan, the war in Gaza and the future of "
                "multilateral diplomacy."
            ),
            p(
                "On Afghanistan, the two governments said they would keep in close touch and help the country "
                "towards stable development. They also called on the interim authorities in Kabul to take action "
                "that others can see and verify against militant groups operating from Afghan territory, an "
                "issue that weighs heavily on Pakistan."
            ),
            p(
                "On the Middle East, they welcomed the ceasefire in Gaza and said they hoped it would lead to a "
                "complete and permanent end to the fighting, restating their support for Palestinian self-determination "
                "and an independent state."
            ),
            p(
                "Marking the 80th anniversary of the United Nations, the two sides reaffirmed the UN Charter and "
                "promised to coordinate more closely in multilateral forums on behalf of developing countries."
            ),
            also_see("un-at-80-middle-powers", label="Opinion"),
        ],
    },
    {
        "slug": "five-corridors-one-ledger-upgraded-cpec",
        "section": "global-affairs",
        "kind": "analysis",
        "title": "Five corridors, one ledger: what an upgraded CPEC has to prove",
        "standfirst": (
            "Rebranding the China–Pakistan Economic Corridor as five corridors widens its ambitions. It also "
            "widens the ways it can disappoint."
        ),
        "teaser": (
            "Growth, livelihood, innovation, green and open: the new labels cover almost everything an economy does. "
            "The risk is that a corridor which means everything ends up measuring nothing. Three tests will show "
            "whether the upgrade is real."
        ),
        "authors": ["amina-rahman", "daniel-okafor"],
        "image": "five-corridors-chart",
        "tags": ["CPEC", "China", "Pakistan", "Trade", "Infrastructure"],
        "age": timedelta(hours=30),
        "corrections": [
            (
                timedelta(hours=5),
                "This analysis originally listed four corridors. The joint statement names five: growth, "
                "livelihood, innovation, green and open.",
            ),
        ],
        "body": [
            p(
                "The first phase of the corridor was easy to describe: power plants, roads and a port. The second, "
                "as set out after President Zardari's visit to Beijing, is harder to pin down. It is to be built as "
                "five corridors, for growth, livelihoods, innovation, green development and openness, and mapped "
                "onto Pakistan's own 5Es agenda."
            ),
            h2("Test one: the big-ticket projects"),
            p(
                "The ML-1 railway and the Karakoram Highway realignment are the projects that would change what it "
                "costs to move goods through Pakistan. Both sides say they want an early agreement on financing. "
                "Until that agreement exists, the upgrade remains a promise."
            ),
            h2("Test two: who benefits"),
            p(
                "A livelihood corridor implies jobs and services that ordinary Pakistanis notice, in places far from "
                "the ribbon-cuttings. That is a different kind of project from a power station, and it needs local "
                "partners, not just contractors."
            ),
            pull_quote("A corridor that means everything risks measuring nothing."),
            h2("Test three: exports"),
            p(
                "The open corridor only matters if Pakistani firms sell more to China. Phase II of the free trade "
                "agreement and the invitations to China's import fairs are the instruments; the trade figures over "
                "the next few years will be the verdict."
            ),
        ],
    },
    {
        "slug": "security-first-chinese-workers-corridor",
        "section": "global-affairs",
        "kind": "analysis",
        "title": "Security first: why the safety of Chinese workers now frames the corridor",
        "standfirst": (
            "Pakistan's pledge that protecting Chinese personnel is its foremost duty is the clearest sign yet that "
            "security, not finance alone, sets the pace of the corridor."
        ),
        "authors": ["tariq-hassan"],
        "image": "security-network",
        "tags": ["Security", "CPEC", "China", "Pakistan", "Afghanistan"],
        "age": timedelta(hours=72),
        "body": [
            p(
                "Joint statements are usually careful documents, so the strength of the language on security in "
                "February's text stands out. Pakistan condemned attacks on Chinese nationals in the strongest terms "
                "and accepted, in writing, that keeping them safe is first of all its own government's job."
            ),
            h2("A cost that shows up in every contract"),
            p(
                "Each attack raises the price of the corridor: more guards, more armoured convoys, higher insurance "
                "and slower work. Chinese firms factor that cost into every bid, and Pakistani ministries feel it "
                "in every delay."
            ),
            h2("The Afghan dimension"),
            p(
                "The same statement asks the authorities in Kabul to act visibly against militant groups on their "
                "soil. Linking the two passages is the quiet logic of the document: the corridor's security does not "
                "stop at Pakistan's western border."
            ),
            quote(
                "A security pledge is only as good as the next quiet month on the construction sites.",
                "Tariq Hassan",
            ),
        ],
    },
    {
        "slug": "un-at-80-middle-powers",
        "section": "global-affairs",
        "kind": "opinion",
        "title": "The UN at 80 needs its middle powers to turn up, not just sign up",
        "standfirst": (
            "Anniversary statements praising multilateralism are cheap. Countries such as Pakistan can make them "
            "count by doing the unglamorous work in New York and Geneva."
        ),
        "authors": ["farah-siddiqui"],
        "image": "un-eighty",
        "tags": ["United Nations", "Diplomacy", "Pakistan", "China"],
        "age": timedelta(hours=60),
        "body": [
            p(
                "This year every foreign ministry seems to have a paragraph about the United Nations turning 80. "
                "The joint statement from Beijing and Islamabad has one too, praising the Charter and promising "
                "closer coordination at the UN on behalf of developing countries."
            ),
            p(
                "Good. But the organisation does not need more tributes. It needs members that staff its "
                "committees, pay their dues on time and bring workable drafts to the table rather than slogans."
            ),
            pull_quote("The UN does not need more tributes. It needs members who do the homework.", "Farah Siddiqui"),
            p(
                "Middle powers are well placed for that work. They are big enough to be heard and small enough to "
                "be trusted as brokers. Pakistan has long been one of the largest contributors of peacekeepers; it "
                "could bring the same seriousness to negotiations on development finance and climate adaptation."
            ),
            p(
                "If the anniversary produces nothing more than statements, it will have been a missed opportunity. "
                "If it produces a few countries willing to do the homework, it will have been worth celebrating."
            ),
        ],
    },
    {
        "slug": "explainer-cpec-five-corridors-5es",
        "section": "global-affairs",
        "kind": "explainer",
        "title": "Explainer: CPEC's five corridors and Pakistan's 5Es, side by side",
        "standfirst": (
            "The upgraded China–Pakistan Economic Corridor is meant to line up with the priorities Pakistan has set "
            "itself. Here is how the two lists fit together."
        ),
        "teaser": (
            "Beijing speaks of five corridors; Islamabad plans by five Es. This explainer sets the two lists side "
            "by side and shows where they meet."
        ),
        "authors": ["news-desk"],
        "image": "five-es-map",
        "tags": ["CPEC", "Pakistan", "China", "Explainer"],
        "age": timedelta(hours=40),
        "body": [
            p(
                "After President Asif Ali Zardari's state visit in February 2025, China and Pakistan said they would "
                "build an upgraded corridor made of five parts, and that it would follow Pakistan's 5Es framework."
            ),
            h2("The five corridors"),
            p(
                "<b>Growth</b> covers industry and the infrastructure that serves it. <b>Livelihood</b> is about "
                "jobs, health and farming. <b>Innovation</b> covers science, technology and skills. <b>Green</b> "
                "means cleaner energy and climate resilience. <b>Open</b> is about trade and investment across borders."
            ),
            h2("The 5Es"),
            p(
                "Pakistan's national plan groups its priorities under five headings that begin with E: exports, "
                "e-Pakistan (the digital economy), environment, energy and infrastructure, and equity and empowerment."
            ),
            table(
                "How the lists line up (our reading)",
                [
                    ["CPEC corridor", "Closest of the 5Es"],
                    ["Growth", "Energy and infrastructure"],
                    ["Livelihood", "Equity and empowerment"],
                    ["Innovation", "E-Pakistan"],
                    ["Green", "Environment"],
                    ["Open", "Exports"],
                ],
            ),
            h2("Why it matters"),
            p(
                "Matching the corridor to Pakistan's own plan is meant to make it easier to choose projects and to "
                "judge them afterwards. The pairing above is our interpretation; officials have not published a "
                "formal mapping."
            ),
        ],
    },
    {
        "slug": "chinese-lessons-long-term-bet",
        "section": "global-affairs",
        "kind": "opinion",
        "title": "Chinese lessons in Pakistani classrooms are a long-term bet worth making",
        "standfirst": (
            "Of everything agreed in Beijing, help for Pakistani students learning Chinese may do the most to "
            "shape the next twenty years of the relationship."
        ),
        "authors": ["farah-siddiqui"],
        "image": "language-rings",
        "tags": ["Education", "China", "Pakistan"],
        "age": timedelta(hours=260),
        "body": [
            p(
                "Railways and airports make headlines. Language classes do not. Yet the line in the joint statement "
                "about supporting Pakistani students who learn Chinese deserves more attention than it got."
            ),
            p(
                "A partnership run entirely through interpreters stays shallow. Engineers who can read a manual, "
                "traders who can negotiate without a go-between and students who can follow a lecture in Beijing "
                "change what the relationship is made of."
            ),
            pull_quote("A partnership run through interpreters stays shallow."),
            p(
                "The offer should be matched by Pakistan: teachers trained and paid properly, courses tied to real "
                "jobs, and vocational training that puts the language to use. Done well, it will outlast every "
                "project on the corridor's list."
            ),
        ],
    },
]
