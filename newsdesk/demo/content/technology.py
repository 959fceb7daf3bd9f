"""Technology: AI, data, networks and the skills behind an "innovation corridor"."""

from datetime import timedelta

from newsdesk.demo.content.writing import h2, p, pull_quote, qa, quote

ARTICLES = [
    {
        "slug": "china-pakistan-ai-big-data-talent-exchange",
        "section": "technology",
        "kind": "news",
        "title": "China and Pakistan to swap AI and big-data expertise under an innovation corridor",
        "standfirst": (
            "The two governments will exchange policy experience and skilled people in artificial intelligence, "
            "big data and communications, and Beijing will encourage its tech firms to expand in Pakistan."
        ),
        "teaser": (
            "Technology has its own chapter in the new corridor plan. Policy makers and engineers are to move "
            "between the two countries, and Chinese tech companies are being nudged towards Pakistan. The details "
            "are still to come."
        ),
        "dateline": "ISLAMABAD",
        "authors": ["mei-lin-zhou"],
        "image": "ai-network",
        "tags": ["AI", "Technology", "China", "Pakistan", "CPEC"],
        "age": timedelta(hours=7),
        "body": [
            p(
                "China and Pakistan have agreed to work together more closely on information technology, with "
                "exchanges of policy and talent in artificial intelligence, big data and communications, according "
                "to the joint statement released after President Asif Ali Zardari's state visit to China."
            ),
            p(
                "China also said it would encourage its technology companies to grow their business in Pakistan, "
                "as part of what the statement calls an innovation corridor within the second phase of CPEC."
            ),
            h2("What is not yet known"),
            p(
                "The statement names no programmes, budgets or companies. Pakistani officials are expected to set "
                "out details through the corridor's working groups."
            ),
        ],
    },
    {
        "slug": "innovation-corridor-needs-more-than-data-centres",
        "section": "technology",
        "kind": "analysis",
        "title": "An innovation corridor needs more than data centres",
        "standfirst": (
            "Servers and cables are the easy part of technology cooperation. Skills, rules and local firms decide "
            "whether anything lasting is built on them."
        ),
        "authors": ["mei-lin-zhou"],
        "image": "innovation-chart",
        "tags": ["AI", "Technology", "CPEC", "Pakistan"],
        "age": timedelta(hours=170),
        "body": [
            p(
                'The phrase "innovation corridor" invites pictures of gleaming data centres. Those may come. But '
                "the experience of other countries that invited foreign tech firms suggests the lasting gains come "
                "from what happens around the hardware."
            ),
            h2("Skills before servers"),
            p(
                "Talent exchanges in AI and big data, promised in February, matter most if they are two-way and "
                "long enough for engineers to build things, not just attend workshops."
            ),
            h2("Rules that travel"),
            p(
                "Data protection and cloud rules decide whether Pakistani start-ups can sell abroad. Policy exchange "
                "is useful if it helps Pakistan write rules that its other trading partners also accept."
            ),
            pull_quote("The lasting gains come from what happens around the hardware.", "Mei Lin Zhou"),
        ],
    },
    {
        "slug": "interview-network-engineer-communications",
        "section": "technology",
        "kind": "interview",
        "title": "\u201cThe last kilometre is the hard one\u201d: a network engineer on communications cooperation",
        "standfirst": (
            "Telecoms engineer Bilal Ahmed on what closer cooperation in communications could mean for people "
            "living along the corridor."
        ),
        "authors": ["mei-lin-zhou"],
        "image": "telecom-network",
        "tags": ["Technology", "Pakistan", "China", "Interview"],
        "age": timedelta(hours=200),
        "body": [
            p(
                "Bilal Ahmed has spent his career building mobile and fibre networks in northern Pakistan. We asked "
                "him what the communications cooperation announced in February could change. His answers have "
                "been edited for length."
            ),
            *qa(
                "What does communications cooperation mean on the ground?",
                "Backbone links are the glamorous part. The hard part is the last kilometre to a village in a "
                "valley, where every mast needs power, a road and someone to fix it.",
            ),
            *qa(
                "Where could cooperation help most?",
                "Training. Equipment arrives in containers; the people who maintain it have to be trained here.",
            ),
            quote("Equipment arrives in containers. Maintenance has to be grown at home.", "Bilal Ahmed"),
        ],
    },
    {
        "slug": "interview-road-builder-karakoram",
        "section": "technology",
        "kind": "interview",
        "title": "\u201cThe mountains set the schedule\u201d: a road builder on engineering the Karakoram",
        "standfirst": (
            "Civil engineer Sana Malik on why the Raikot–Thakot realignment is as much a technology problem as a "
            "construction job."
        ),
        "authors": ["mei-lin-zhou", "tariq-hassan"],
        "image": "road-builder",
        "tags": ["Karakoram Highway", "Infrastructure", "Technology", "Interview"],
        "age": timedelta(hours=230),
        "body": [
            p(
                "Sana Malik is a civil engineer who has worked on mountain roads in northern Pakistan. We spoke "
                "about the plan to re-route part of the Karakoram Highway. The interview has been condensed."
            ),
            *qa(
                "Why realign the road at all?",
                "Because parts of it sit where the slopes move. You can keep clearing landslides for ever, or you "
                "can move the road to ground that stays put.",
            ),
            *qa(
                "Where does technology come in?",
                "Satellite monitoring of slopes, sensors in tunnels and better forecasting of floods. They tell you "
                "where to build and when to close the road before it closes itself.",
            ),
            quote("You can clear landslides for ever, or move the road to ground that stays put.", "Sana Malik"),
        ],
    },
    {
        "slug": "tech-firms-should-bring-training",
        "section": "technology",
        "kind": "opinion",
        "title": "Tech firms heading to Pakistan should bring training, not only kit",
        "standfirst": (
            "If Chinese technology companies expand in Pakistan as Beijing now encourages, the test of their "
            "presence should be the skills they leave behind."
        ),
        "authors": ["farah-siddiqui"],
        "image": "training-rails",
        "tags": ["Technology", "Education", "China", "Pakistan"],
        "age": timedelta(hours=300),
        "body": [
            p(
                "Beijing has said it will encourage its technology firms to expand in Pakistan. Islamabad should "
                "welcome them, and ask for something in return: training that outlasts the contracts."
            ),
            p(
                "The joint statement already points that way, with its mention of technical and vocational "
                "training. Turning that into apprenticeships, certified courses and local hiring targets would "
                "make the innovation corridor more than a slogan."
            ),
            pull_quote("Judge a foreign tech firm by the engineers it leaves behind."),
        ],
    },
]
