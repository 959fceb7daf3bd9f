"""The demo's pictures: how each is drawn (style, palette, seed) and what the library records about it.

Titles are the identity of an image: a rerun finds the picture by its title and draws nothing.
"""

AGENCY = "Continental Wire"  # a made-up photo agency, credited the way a wire picture would be
AGENCY_LICENCE = "Demo illustration, licensed to Meridian Dispatch for the demo desk"
GRAPHICS = "Meridian Dispatch graphics"
GRAPHICS_LICENCE = "Drawn by Meridian Dispatch; free to reuse with credit"


def illustration(slug, title, style, palette, seed, label, alt, caption, *, agency=False):
    return slug, {
        "slug": slug,
        "title": title,
        "style": style,
        "palette": palette,
        "seed": seed,
        "label": label,
        "alt": alt,
        "caption": caption,
        "credit": AGENCY if agency else GRAPHICS,
        "licence": AGENCY_LICENCE if agency else GRAPHICS_LICENCE,
    }


def portrait(slug, name, palette, seed):
    return slug, {
        "slug": slug,
        "title": f"Portrait: {name}",
        "style": "portrait",
        "palette": palette,
        "seed": seed,
        "size": (800, 800),
        "alt": f"A stylised head-and-shoulders silhouette standing in for {name}",
        "caption": name,
        "credit": GRAPHICS,
        "licence": GRAPHICS_LICENCE,
    }


IMAGES = dict(
    [
        ("logo", {
            "slug": "logo",
            "title": "Meridian Dispatch logo",
            "style": "wordmark",
            "palette": "paper",
            "seed": 1,
            "label": "",
            "size": (320, 320),
            "format": "png",
            "alt": "Meridian Dispatch: a globe crossed by a red meridian line",
            "caption": "",
            "credit": GRAPHICS,
            "licence": GRAPHICS_LICENCE,
        }),
        portrait("portrait-amina", "Amina Rahman", "dusk", 11),
        portrait("portrait-daniel", "Daniel Okafor", "jade", 12),
        portrait("portrait-mei-lin", "Mei Lin Zhou", "night", 13),
        portrait("portrait-tariq", "Tariq Hassan", "slate", 14),
        portrait("portrait-farah", "Farah Siddiqui", "sand", 15),
        illustration(
            "lead-beijing", "Delegations meet in Beijing", "rings", "dusk", 101, "Beijing, February 2025",
            "Illustration: rings of thin lines around two overlapping bright circles on a deep blue and violet "
            "background, with the label Beijing, February 2025",
            "Pakistan's and China's delegations met in Beijing during the state visit of 4 to 8 February 2025.",
            agency=True,
        ),
        illustration(
            "corridor-map", "CPEC corridor map", "map", "sea", 102, "From the Karakoram to Gwadar",
            "Map-like drawing of a coastline with a yellow route linking six stops from the mountains in the north "
            "to the sea in the south",
            "The corridor runs from the Karakoram passes to the Arabian Sea at Gwadar. Not to scale.",
        ),
        illustration(
            "ml1-rails", "ML-1 railway at dawn", "rails", "dusk", 103, "Main Line 1",
            "Illustration of two railway lines running straight to a low orange sun on a dark plain",
            "Main Line 1 carries most of Pakistan's rail traffic between Karachi and Peshawar.",
            agency=True,
        ),
        illustration(
            "un-rings", "A table of nations", "rings", "slate", 104, "Multilateral diplomacy",
            "Illustration: concentric grey rings with two blue circles overlapping at the centre, on a slate background",
            "The joint statement looked beyond the two countries, to Afghanistan, Gaza and the United Nations.",
        ),
        illustration(
            "five-corridors-chart", "Five corridors, one ledger", "chart", "paper", 105, "Illustrative",
            "Bar chart with a red trend line on cream paper; the bars are illustrative and carry no data",
            "An upgraded corridor will be judged on what it delivers year by year. Illustrative chart.",
        ),
        illustration(
            "security-network", "Protecting the corridor", "network", "slate", 106, "Security",
            "Network of grey and blue points joined by thin lines on a slate background",
            "The safety of Chinese workers and projects now frames every conversation about the corridor.",
            agency=True,
        ),
        illustration(
            "five-es-map", "Corridors and the 5Es", "map", "jade", 107, "Five corridors",
            "Map-like drawing in green with an orange route linking six stops down to a coastline",
            "Growth, livelihood, innovation, green and open: the five corridors of the upgraded plan.",
        ),
        illustration(
            "economist-portrait", "An economist's desk", "chart", "sand", 108, "Financing",
            "Dark bars rising unevenly under a red line on a sand-coloured background",
            "Financing, not goodwill, decides which projects leave the drawing board. Illustrative chart.",
        ),
        illustration(
            "un-eighty", "The United Nations at 80", "rings", "night", 109, "UN at 80",
            "Concentric rings in pale blue with two green-edged circles overlapping, on a night-blue background",
            "The United Nations marks 80 years since its founding in 2025.",
        ),
        illustration(
            "expo-port", "Containers on the quay", "port", "sand", 110, "Exports",
            "Illustration of stacked red and dark containers on a quay beneath a dockside crane at dusk",
            "Import fairs in Shanghai and Kunming offer Pakistani exporters a way into Chinese buyers' catalogues.",
            agency=True,
        ),
        illustration(
            "fta-chart", "Tariff lines, phase by phase", "chart", "slate", 111, "FTA Phase II",
            "Dark bars with a blue trend line on a grey background; an illustrative chart with no data",
            "The second phase of the free trade agreement widens tariff cuts over time. Illustrative chart.",
        ),
        illustration(
            "gwadar-port", "Gwadar's quayside", "port", "sea", 112, "Gwadar",
            "Illustration of containers stacked on a quay and a crane against a blue-green sky",
            "Gwadar's port and its new airport are meant to work as one logistics hub.",
            agency=True,
        ),
        illustration(
            "services-network", "Selling services", "network", "jade", 113, "Services exports",
            "Network of white and orange points joined by thin lines on a green background",
            "Software, design and back-office work travel without containers.",
        ),
        illustration(
            "ml1-explainer", "The line from Karachi to Peshawar", "rails", "sand", 114, "ML-1",
            "Illustration of railway tracks narrowing to a red sun over a brown plain",
            "The Karachi–Peshawar main line is the spine of Pakistan's railways.",
        ),
        illustration(
            "kkh-mountains", "The Karakoram Highway", "mountains", "jade", 115, "Raikot to Thakot",
            "Illustration of layered grey mountain ridges with an orange road winding up between them",
            "The Raikot–Thakot stretch of the Karakoram Highway is to be realigned.",
            agency=True,
        ),
        illustration(
            "ai-network", "Data and talent", "network", "night", 116, "AI cooperation",
            "Network of white and mint-green points joined by faint lines on a dark blue background",
            "Artificial intelligence, big data and communications are named fields of cooperation.",
        ),
        illustration(
            "innovation-chart", "Measuring an innovation corridor", "chart", "night", 117, "Innovation",
            "Pale bars with a mint-green trend line on a dark blue background; illustrative, no data",
            "An innovation corridor will be measured in skills and firms, not only in servers. Illustrative chart.",
        ),
        illustration(
            "telecom-network", "Links in the mountains", "network", "dusk", 118, "Communications",
            "Network of cream and orange points joined by thin lines on a blue-violet background",
            "Communications links through the north are as much a part of the corridor as roads.",
        ),
        illustration(
            "road-builder", "Building on the Karakoram", "mountains", "slate", 119, "Engineering",
            "Illustration of blue-grey mountain ridges with a light-blue road winding up through them",
            "Engineers describe the Karakoram as one of the hardest places on earth to build a road.",
        ),
        illustration(
            "language-rings", "Learning Chinese", "rings", "paper", 120, "Education",
            "Concentric thin red rings with two overlapping red circles on cream paper",
            "Chinese-language study is part of the education cooperation both sides agreed to expand.",
        ),
        illustration(
            "training-rails", "Skills on the line", "rails", "night", 121, "Training",
            "Illustration of railway tracks converging on a mint-green sun over a dark plain",
            "Technical and vocational training is the part of technology transfer that stays.",
        ),
    ]
)
