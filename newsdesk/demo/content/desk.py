"""The publication itself: its identity, its sections, its people and its About page.

Meridian Dispatch and everyone who writes for it are made up for the demo.
"""

PUBLICATION = {
    "name": "Meridian Dispatch",
    "tagline": "Global affairs, business and technology, with the context that matters",
    "language": "en",
    "about": (
        "Meridian Dispatch is a demonstration news desk covering diplomacy, trade and technology "
        "across Asia and beyond. Its writers are fictional; its articles show what the platform can publish."
    ),
    "contact_email": "desk@example.com",
}
PUBLICATION_LOGO = "logo"

SECTIONS = [
    {
        "title": "Global Affairs",
        "slug": "global-affairs",
        "description": "Diplomacy, security and the institutions that hold the world together, reported and explained.",
    },
    {
        "title": "Business",
        "slug": "business",
        "description": "Trade corridors, ports, railways and the money behind them.",
    },
    {
        "title": "Technology",
        "slug": "technology",
        "description": "Artificial intelligence, networks, data and the skills to build them.",
    },
]

AUTHORS = [
    {
        "name": "News Desk",
        "slug": "news-desk",
        "kind": "desk",
        "role": "The Meridian Dispatch newsroom",
        "bio": "The newsroom's shared byline for reporting on global affairs, business and technology.",
        "photo": "logo",
    },
    {
        "name": "Amina Rahman",
        "slug": "amina-rahman",
        "role": "Diplomatic correspondent",
        "bio": "Amina covers China's ties with South Asia and the summits that shape them, from Beijing and Islamabad.",
        "photo": "portrait-amina",
        "links": [("Website", "https://example.com/amina-rahman")],
    },
    {
        "name": "Daniel Okafor",
        "slug": "daniel-okafor",
        "role": "Business editor",
        "bio": "Daniel follows trade deals, ports and infrastructure finance, and the people who pay for them.",
        "photo": "portrait-daniel",
    },
    {
        "name": "Mei Lin Zhou",
        "slug": "mei-lin-zhou",
        "role": "Technology correspondent",
        "bio": "Mei Lin writes about artificial intelligence, telecoms networks and data policy across Asia.",
        "photo": "portrait-mei-lin",
    },
    {
        "name": "Tariq Hassan",
        "slug": "tariq-hassan",
        "role": "Security analyst",
        "bio": "Tariq analyses regional security, counter-terrorism and Afghanistan for the global affairs desk.",
        "photo": "portrait-tariq",
    },
    {
        "name": "Farah Siddiqui",
        "slug": "farah-siddiqui",
        "role": "Contributing columnist",
        "bio": "Farah writes opinion on development, education and Pakistan's place in a changing region.",
        "photo": "portrait-farah",
    },
]

ABOUT_PAGE = {
    "title": "About Meridian Dispatch",
    "slug": "about",
    "body": (
        "<p>Meridian Dispatch is a small desk with a wide brief: global affairs, business and technology, "
        "reported plainly and analysed with care.</p>"
        "<p>Every piece is labelled for what it is. <b>News</b> reports what happened; <b>analysis</b> weighs "
        "what it means; <b>opinion</b> argues a case; <b>explainers</b> set out the background; "
        "<b>interviews</b> let others speak at length.</p>"
        "<p>When we get something wrong we say so at the foot of the article, with the date of the correction.</p>"
        "<p>This publication is a demonstration. Its writers and interviewees are fictional, and its "
        "illustrations are drawn by the platform itself.</p>"
    ),
}
