"""Original news-style texts the corpus pages are built from (written for Newsdesk's tests).

Each article: headline, standfirst, author, date, body (a list of blocks: ("p", text),
("h2", text), ("quote", text), ("list", [items])), and the words a site in its language puts
on page furniture.
"""

ARTICLES = [
    {
        "slug": "harbour-dredging",
        "lang": "en",
        "headline": "Harbour dredging delayed as council weighs cost & risk",
        "standfirst": "Councillors asked for a second survey before approving the work on the silted channel.",
        "author": "Maryam Qureshi",
        "date": "2025-03-04T08:30:00+00:00",
        "body": [
            (
                "p",
                "Plans to dredge the silted approach channel to the old harbour were put on hold on Monday "
                "after councillors said they needed a clearer picture of the cost before committing public money.",
            ),
            (
                "p",
                "The channel has narrowed by almost a third since the last dredging campaign eleven years ago, "
                "and skippers say larger trawlers can now enter only at high tide, which costs them a day of fishing every week.",
            ),
            ("h2", "A second survey first"),
            (
                "p",
                "The works committee voted six to three to commission another seabed survey, arguing that the "
                "first one had not measured how much of the sediment is contaminated with old industrial waste.",
            ),
            ("quote", "We are not against dredging, we are against signing a blank cheque for it."),
            (
                "p",
                "Contaminated silt cannot be dumped at sea and must be taken to a licensed site inland, which "
                "engineers estimate could double the price of the project.",
            ),
            (
                "list",
                [
                    "Survey to be completed by June",
                    "Report to the full council in September",
                    "Work could start next spring at the earliest",
                ],
            ),
            (
                "p",
                "The harbour master said the delay was disappointing but understandable, and promised to mark "
                "the shallowest stretch with extra buoys so that crews can navigate it safely in the meantime.",
            ),
        ],
    },
    {
        "slug": "rural-clinics",
        "lang": "en",
        "headline": "Rural clinics extend opening hours after nurse recruitment drive",
        "standfirst": "Forty new nurses mean six village clinics can stay open into the evening from next month.",
        "author": "Daniel Okafor",
        "date": "2025-01-19T10:05:00+00:00",
        "body": [
            (
                "p",
                "Six clinics in the hill villages will stay open until eight in the evening from next month, "
                "the district health board announced, after a recruitment drive brought in forty newly qualified nurses.",
            ),
            (
                "p",
                "Until now the clinics closed at four, which meant that farm workers and parents with long commutes "
                "often had to take an unpaid day off to see a nurse about a routine check or a repeat prescription.",
            ),
            (
                "p",
                "The board offered the new recruits a housing allowance and a guaranteed place on a specialist "
                "training course after two years, incentives that officials credit with the strong response.",
            ),
            ("h2", "Waiting times expected to fall"),
            (
                "p",
                "Managers expect the longer hours to cut the waiting time for a routine appointment from nine "
                "days to three, and to take pressure off the emergency department at the district hospital.",
            ),
            ("quote", "People were coming to casualty with things a nurse could have sorted out in ten minutes."),
            (
                "p",
                "The evening sessions will be reviewed after six months, and the board said it would publish "
                "attendance figures for each clinic so that residents can see whether the change is working.",
            ),
        ],
    },
    {
        "slug": "river-level",
        "lang": "en",
        "headline": "Flood defences hold as the river reaches its highest level in a decade",
        "standfirst": "Temporary barriers kept water out of the old town, but farmland downstream was submerged.",
        "author": "Siobhan Kelly",
        "date": "2024-12-11T06:45:00+00:00",
        "body": [
            (
                "p",
                "The river peaked at just over five metres on Tuesday night, its highest reading since the "
                "floods of a decade ago, but the new barriers along the quayside held and no homes in the old town were flooded.",
            ),
            (
                "p",
                "Volunteers and council workers spent the afternoon bolting the demountable panels into place "
                "as rain continued to fall across the catchment for a third consecutive day.",
            ),
            ("h2", "Farmland under water"),
            (
                "p",
                "Downstream, where there are no permanent defences, several hundred hectares of pasture were "
                "under water by morning and two farms had to move livestock to higher ground in the dark.",
            ),
            (
                "p",
                "The environment agency said the level was now falling slowly but warned that more rain "
                "forecast for the weekend could push it back up, and kept its flood warning in place for the valley.",
            ),
            ("quote", "The barriers did exactly what they were built to do, and the town stayed dry."),
            (
                "list",
                [
                    "Sandbags are available at the fire station",
                    "The riverside path remains closed",
                    "Report blocked drains to the council hotline",
                ],
            ),
            (
                "p",
                "Residents were asked to avoid the riverbank and not to drive through floodwater, which "
                "officials said remained the most common cause of rescues during past floods.",
            ),
        ],
    },
    {
        "slug": "night-library",
        "lang": "en",
        "headline": "City library\u2019s night reading room opens for students",
        "standfirst": "The central library will keep one floor open until two in the morning during exams.",
        "author": "Tomasz Nowak",
        "date": "2025-04-22T17:00:00+00:00",
        "body": [
            (
                "p",
                "The central library opened a night reading room on Monday, keeping its second floor open until "
                "two in the morning for the six weeks of the university exam season.",
            ),
            (
                "p",
                "Students had petitioned for the change after the university closed two of its own study halls "
                "for renovation, leaving thousands of them competing for desks in crowded cafes and shared flats.",
            ),
            (
                "p",
                "Entry after ten in the evening requires a library card, and two security guards and a librarian "
                "will be on duty for the whole night shift, the library said.",
            ),
            ("h2", "Paid for by the students' union"),
            (
                "p",
                "The extra staff costs are being covered by the students' union, which agreed to fund the trial "
                "from a reserve it had set aside for welfare projects.",
            ),
            ("quote", "Quiet space with a desk and a power socket is what people kept asking us for."),
            (
                "p",
                "If the trial is judged a success, the library hopes to repeat it during the winter exams and "
                "has asked the city to consider funding it permanently from next year's budget.",
            ),
        ],
    },
    {
        "slug": "tram-timetable",
        "lang": "ru",
        "headline": "Городской транспорт перейдёт на новое расписание с марта",
        "standfirst": "Трамваи на центральных линиях будут ходить чаще, а ночные автобусы появятся на окраинах.",
        "author": "Анна Соколова",
        "date": "2025-02-20T07:15:00+00:00",
        "body": [
            (
                "p",
                "С первого марта городской транспорт перейдёт на новое расписание: интервалы движения трамваев "
                "на трёх центральных линиях сократятся в часы пик с восьми до пяти минут, сообщили в департаменте транспорта.",
            ),
            (
                "p",
                "Решение приняли после опроса, в котором больше половины пассажиров пожаловались на переполненные "
                "вагоны по утрам и на долгое ожидание на остановках в холодное время года.",
            ),
            ("h2", "Ночные маршруты на окраинах"),
            (
                "p",
                "Кроме того, впервые за много лет на окраинах появятся ночные автобусы. Четыре маршрута будут "
                "работать с полуночи до пяти утра и свяжут спальные районы с вокзалом и центральной больницей.",
            ),
            ("quote", "Мы хотим, чтобы человек, возвращающийся со смены ночью, не тратил половину зарплаты на такси."),
            (
                "p",
                "Для работы по новому графику город закупит двенадцать автобусов и наберёт около сорока водителей. "
                "Стоимость проезда при этом не изменится, подчеркнули в мэрии.",
            ),
            (
                "list",
                [
                    "Трамваи первой, третьей и седьмой линий — каждые пять минут",
                    "Ночные автобусы — каждые тридцать минут",
                    "Расписание опубликуют на остановках",
                ],
            ),
            (
                "p",
                "Новое расписание будет действовать в тестовом режиме до конца года, после чего его доработают "
                "с учётом жалоб и предложений жителей.",
            ),
        ],
    },
    {
        "slug": "early-sowing",
        "lang": "ru",
        "headline": "Фермеры Поволжья готовятся к раннему севу после тёплой зимы",
        "standfirst": "Почва прогрелась на две недели раньше обычного, но агрономы предупреждают о риске заморозков.",
        "author": "Игорь Белов",
        "date": "2025-03-28T09:40:00+00:00",
        "body": [
            (
                "p",
                "Фермеры Поволжья начали готовить технику к севу почти на две недели раньше обычного: после "
                "необычно тёплой зимы почва на полях прогрелась уже в конце марта.",
            ),
            (
                "p",
                "В крупных хозяйствах говорят, что ранний сев позволит собрать урожай до августовской жары, "
                "которая в последние годы всё чаще губит яровую пшеницу и подсолнечник.",
            ),
            (
                "p",
                "Однако агрономы советуют не спешить. По их словам, возвратные заморозки в апреле могут "
                "погубить всходы, и тогда поля придётся пересевать за свой счёт.",
            ),
            ("h2", "Дорогое топливо и семена"),
            (
                "p",
                "Весенние работы в этом году обойдутся дороже: дизельное топливо подорожало почти на пятую часть, "
                "а цены на семена и удобрения выросли ещё сильнее.",
            ),
            ("quote", "Кто посеет первым, тот и рискует первым — так было всегда."),
            (
                "p",
                "Региональное министерство сельского хозяйства пообещало ускорить выплату субсидий на топливо, "
                "чтобы небольшие хозяйства успели закупить всё необходимое до начала сева.",
            ),
        ],
    },
    {
        "slug": "busan-port",
        "lang": "ko",
        "headline": "부산항 물동량, 석 달 연속 증가세",
        "standfirst": "환적 화물이 늘면서 부산항의 컨테이너 처리량이 석 달 연속 전년보다 많았다.",
        "author": "김민준",
        "date": "2025-03-10T02:00:00+00:00",
        "body": [
            (
                "p",
                "부산항의 컨테이너 물동량이 석 달 연속 증가세를 이어갔다. 부산항만공사는 지난달 처리한 컨테이너가 "
                "지난해 같은 달보다 6퍼센트가량 늘었다고 밝혔다.",
            ),
            (
                "p",
                "증가세를 이끈 것은 다른 나라로 옮겨 싣는 환적 화물이었다. 주요 해운사들이 동남아시아 노선을 "
                "늘리면서 부산항을 중간 기착지로 삼는 선박이 많아졌기 때문이다.",
            ),
            ("h2", "신항 부두 혼잡 우려"),
            (
                "p",
                "다만 물량이 한꺼번에 몰리면서 신항 일부 부두에서는 선박이 접안을 기다리는 시간이 길어지고 있다. "
                "항만공사는 야간 작업 인력을 늘리고 장치장을 추가로 확보하기로 했다.",
            ),
            ("quote", "물량이 늘어나는 것은 반가운 일이지만 부두가 이를 감당할 수 있어야 합니다."),
            (
                "p",
                "업계에서는 올해 상반기까지 증가세가 이어질 것으로 보면서도, 세계 경기 둔화가 하반기 물동량에 "
                "영향을 줄 수 있다고 전망했다.",
            ),
            ("list", ["환적 화물 9퍼센트 증가", "수출입 화물 3퍼센트 증가", "신항 야간 작업 인력 확대"]),
            ("p", "항만공사는 다음 달 새 자동화 부두의 시험 운영을 시작해 처리 능력을 단계적으로 늘릴 계획이다."),
        ],
    },
    {
        "slug": "night-library-ko",
        "lang": "ko",
        "headline": "지방 소도시 도서관, 밤 열한 시까지 문 연다",
        "standfirst": "직장인과 수험생을 위해 군립 도서관이 석 달 동안 야간 개방을 시범 운영한다.",
        "author": "이서연",
        "date": "2025-04-01T09:00:00+00:00",
        "body": [
            (
                "p",
                "한 지방 소도시의 군립 도서관이 이달부터 밤 열한 시까지 문을 연다. 군청은 퇴근이 늦은 직장인과 "
                "시험을 준비하는 학생들의 요청을 받아들여 석 달 동안 야간 개방을 시범 운영하기로 했다고 밝혔다.",
            ),
            (
                "p",
                "그동안 도서관은 저녁 여섯 시에 문을 닫아, 평일에 책을 빌리거나 열람실을 이용하기 어렵다는 "
                "불만이 꾸준히 제기돼 왔다.",
            ),
            (
                "p",
                "야간에는 이 층 열람실과 어린이 자료실을 제외한 일반 자료실만 운영하며, 사서 두 명과 "
                "안전 요원 한 명이 근무한다.",
            ),
            ("h2", "이용 실적 보고 연장 결정"),
            (
                "p",
                "군은 시범 기간의 이용자 수와 만족도 조사를 바탕으로 야간 개방을 계속할지 결정할 예정이다. "
                "인근 시군에서도 결과를 지켜보고 있는 것으로 알려졌다.",
            ),
            ("quote", "밤에도 불이 켜진 도서관이 있다는 것만으로도 동네 분위기가 달라집니다."),
            (
                "p",
                "도서관 측은 야간 이용자를 위해 주차장 조명을 늘리고 마을버스 막차 시간도 조정해 달라고 군에 건의했다.",
            ),
        ],
    },
    {
        "slug": "desalination",
        "lang": "ar",
        "headline": "افتتاح محطة تحلية جديدة على الساحل الشرقي",
        "standfirst": "المحطة ستوفر مياه الشرب لأكثر من مئتي ألف نسمة في المدن الساحلية.",
        "author": "ليلى حداد",
        "date": "2025-02-05T11:20:00+00:00",
        "body": [
            (
                "p",
                "افتتحت السلطات يوم الأحد محطة جديدة لتحلية مياه البحر على الساحل الشرقي، قالت إنها ستوفر "
                "مياه الشرب لأكثر من مئتي ألف نسمة في ثلاث مدن ساحلية تعاني من نقص المياه منذ سنوات.",
            ),
            (
                "p",
                "وتعمل المحطة بتقنية التناضح العكسي، وتبلغ طاقتها الإنتاجية خمسين ألف متر مكعب يوميا، "
                "ويمكن مضاعفتها في مرحلة ثانية إذا توفر التمويل اللازم.",
            ),
            ("h2", "الطاقة الشمسية لخفض التكاليف"),
            (
                "p",
                "وتغطي الألواح الشمسية المقامة بجوار المحطة نحو ثلث احتياجاتها من الكهرباء، وهو ما قال "
                "المسؤولون إنه سيخفض كلفة المتر المكعب ويقلل الانبعاثات.",
            ),
            ("quote", "لم يعد الناس مضطرين لانتظار صهاريج المياه أياما طويلة في فصل الصيف."),
            (
                "p",
                "غير أن خبراء البيئة دعوا إلى مراقبة المياه شديدة الملوحة التي تعيدها المحطة إلى البحر، "
                "محذرين من تأثيرها على الشعاب المرجانية القريبة من الشاطئ.",
            ),
            ("list", ["خمسون ألف متر مكعب يوميا", "ثلاث مدن ساحلية", "مرحلة ثانية مقترحة بعد عامين"]),
            (
                "p",
                "وقالت وزارة المياه إن العمل سيبدأ العام المقبل في مد خط أنابيب جديد يربط المحطة بالقرى "
                "الداخلية التي لا تصلها الشبكة حتى الآن.",
            ),
        ],
    },
    {
        "slug": "olive-harvest",
        "lang": "ar",
        "headline": "موسم زيتون وفير رغم شح الأمطار في الربيع",
        "standfirst": "المزارعون يتوقعون إنتاجا أعلى من العام الماضي بعد أمطار الخريف المتأخرة.",
        "author": "يوسف العلي",
        "date": "2024-11-14T08:00:00+00:00",
        "body": [
            (
                "p",
                "بدأ المزارعون في قرى الشمال قطف الزيتون هذا الأسبوع، وسط توقعات بموسم وفير على الرغم من "
                "شح الأمطار في فصل الربيع الذي أثار مخاوف من تراجع الإنتاج.",
            ),
            (
                "p",
                "ويقول المزارعون إن أمطار الخريف المتأخرة أنقذت الموسم، إذ امتلأت الثمار وارتفعت نسبة "
                "الزيت فيها مقارنة بالعام الماضي.",
            ),
            (
                "p",
                "وتعمل المعاصر في المنطقة على مدار الساعة لاستيعاب الكميات الكبيرة، فيما اصطفت الشاحنات "
                "المحملة بالأكياس أمام أبوابها منذ ساعات الصباح الأولى.",
            ),
            ("h2", "الأسعار تقلق المنتجين"),
            (
                "p",
                "لكن وفرة الإنتاج قد تعني انخفاض الأسعار، وهو ما يقلق صغار المنتجين الذين ارتفعت عليهم "
                "كلفة الأسمدة والعمالة خلال العامين الماضيين.",
            ),
            ("quote", "الموسم جيد، لكن ما نريده هو سعر عادل يغطي تعبنا طوال السنة."),
            (
                "p",
                "وطالبت جمعيات المزارعين الحكومة بفتح أسواق تصدير جديدة وشراء جزء من الفائض لتخزينه، "
                "حتى لا تنهار الأسعار في الأسابيع المقبلة.",
            ),
        ],
    },
    {
        "slug": "karachi-roads",
        "lang": "ur",
        "headline": "کراچی میں بارش کے بعد سڑکوں کی مرمت کا کام شروع",
        "standfirst": "بلدیہ نے شہر کی پچاس بڑی سڑکوں کی مرمت کے لیے تین ماہ کا منصوبہ جاری کیا ہے۔",
        "author": "عائشہ خان",
        "date": "2024-09-02T05:30:00+00:00",
        "body": [
            (
                "p",
                "کراچی میں مون سون کی شدید بارشوں کے بعد بلدیہ نے شہر کی بڑی سڑکوں کی مرمت کا کام شروع کر دیا ہے۔ "
                "حکام کے مطابق پہلے مرحلے میں پچاس سڑکوں پر کام ہوگا جن پر بارش سے گہرے گڑھے پڑ گئے تھے۔",
            ),
            (
                "p",
                "شہریوں کا کہنا ہے کہ ٹوٹی ہوئی سڑکوں کی وجہ سے دفتر پہنچنے میں دوگنا وقت لگ رہا ہے اور "
                "گاڑیوں کی مرمت پر بھی اضافی خرچ آ رہا ہے۔",
            ),
            ("h2", "نکاسی آب کا مسئلہ"),
            (
                "p",
                "ماہرین کا کہنا ہے کہ جب تک نکاسی آب کا نظام بہتر نہیں ہوگا، ہر سال بارش کے بعد یہی صورت حال "
                "پیدا ہوتی رہے گی۔ کئی علاقوں میں نالوں پر تجاوزات کی وجہ سے پانی کئی دن تک کھڑا رہا۔",
            ),
            ("quote", "ہم ہر سال سڑک بناتے ہیں اور ہر سال پانی اسے بہا لے جاتا ہے۔"),
            (
                "p",
                "بلدیہ کے ترجمان نے بتایا کہ مرمت کا کام رات کے اوقات میں کیا جائے گا تاکہ دن میں ٹریفک "
                "متاثر نہ ہو، اور تین ماہ میں پہلا مرحلہ مکمل کر لیا جائے گا۔",
            ),
            (
                "list",
                ["شاہراہ فیصل پر کام پہلے ہفتے میں", "یونیورسٹی روڈ پر دوسرے ہفتے میں", "نالوں کی صفائی ساتھ ساتھ"],
            ),
            (
                "p",
                "شہریوں سے اپیل کی گئی ہے کہ وہ مرمت کے دوران متبادل راستے استعمال کریں اور ٹریفک پولیس "
                "کی ہدایات پر عمل کریں۔",
            ),
        ],
    },
    {
        "slug": "cricket-academy",
        "lang": "ur",
        "headline": "لاہور میں لڑکیوں کے لیے نئی کرکٹ اکیڈمی کا افتتاح",
        "standfirst": "اکیڈمی میں پہلے سال دو سو لڑکیوں کو مفت تربیت دی جائے گی۔",
        "author": "بلال احمد",
        "date": "2025-01-07T12:00:00+00:00",
        "body": [
            (
                "p",
                "لاہور میں لڑکیوں کے لیے ایک نئی کرکٹ اکیڈمی کا افتتاح کر دیا گیا ہے جہاں پہلے سال دو سو "
                "کھلاڑیوں کو مفت تربیت دی جائے گی۔ اکیڈمی میں چار پچ اور ایک انڈور ہال بنایا گیا ہے۔",
            ),
            (
                "p",
                "منتظمین کا کہنا ہے کہ گزشتہ چند برسوں میں لڑکیوں میں کرکٹ کا شوق تیزی سے بڑھا ہے، لیکن "
                "مناسب میدان اور کوچ نہ ہونے کی وجہ سے بہت سی باصلاحیت کھلاڑی آگے نہیں بڑھ پاتیں۔",
            ),
            (
                "p",
                "تربیت کے لیے سابق قومی کھلاڑیوں کو کوچ مقرر کیا گیا ہے، اور ہر کھلاڑی کو کٹ اور آمد و رفت "
                "کا خرچ بھی دیا جائے گا۔",
            ),
            ("h2", "اسکولوں سے انتخاب"),
            (
                "p",
                "کھلاڑیوں کا انتخاب شہر کے سرکاری اسکولوں میں ہونے والے مقابلوں کے ذریعے کیا جائے گا، تاکہ "
                "کم آمدنی والے گھرانوں کی لڑکیوں کو بھی موقع مل سکے۔",
            ),
            ("quote", "ہماری بیٹیاں میدان میں آنا چاہتی ہیں، بس انہیں ایک موقع چاہیے۔"),
            (
                "p",
                "اکیڈمی کے سربراہ نے امید ظاہر کی کہ آنے والے برسوں میں یہاں سے تربیت پانے والی کھلاڑی "
                "قومی ٹیم میں جگہ بنائیں گی۔",
            ),
        ],
    },
]

# What a site in each language prints around its articles.
FURNITURE = {
    "en": {
        "site": "The Coastline Herald",
        "nav": ["Home", "News", "Business", "Sport", "Opinion", "Contact"],
        "recent": "Recent posts",
        "related": "Related stories",
        "popular": "Most read",
        "share": "Share this article",
        "comments": "3 thoughts on this story",
        "comment_texts": [
            "I have fished out of that harbour for thirty years and I have never seen the council act quickly on anything.",
            "Good to see this covered properly, thanks for the detailed reporting and the figures.",
        ],
        "about": "The Coastline Herald is an independent newsroom covering the towns and villages of the coast "
        "since 1998, funded by its readers and run by a small team of local reporters.",
        "newsletter": "Get our morning briefing in your inbox every weekday. Sign up now, it is free.",
        "footer": "All rights reserved. Privacy policy. Terms of use. Advertise with us.",
        "read_more": "Read more",
        "by": "By",
    },
    "ru": {
        "site": "Городские вести",
        "nav": ["Главная", "Новости", "Экономика", "Спорт", "Мнения", "Контакты"],
        "recent": "Свежие записи",
        "related": "Читайте также",
        "popular": "Самое читаемое",
        "share": "Поделиться",
        "comments": "Комментарии (2)",
        "comment_texts": [
            "Наконец-то, сколько лет мы ждали ночных автобусов в нашем районе, посмотрим как будет на деле.",
            "Хорошая новость, но хотелось бы, чтобы и на пригородных маршрутах что-то поменяли.",
        ],
        "about": "«Городские вести» — независимое издание, которое с 2003 года рассказывает о жизни города "
        "и области. Редакция работает на средства читателей.",
        "newsletter": "Подпишитесь на нашу утреннюю рассылку и получайте главные новости дня.",
        "footer": "Все права защищены. Политика конфиденциальности. Реклама на сайте.",
        "read_more": "Подробнее",
        "by": "Автор:",
    },
    "ko": {
        "site": "항구일보",
        "nav": ["홈", "정치", "경제", "사회", "스포츠", "오피니언"],
        "recent": "최신 기사",
        "related": "관련 기사",
        "popular": "많이 본 뉴스",
        "share": "공유하기",
        "comments": "댓글 2개",
        "comment_texts": [
            "이런 소식이 더 많이 알려졌으면 좋겠습니다. 지역 뉴스가 너무 적어요.",
            "기사 잘 읽었습니다. 후속 보도도 부탁드립니다.",
        ],
        "about": "항구일보는 1995년 창간한 지역 신문으로 부산과 경남의 소식을 독자 여러분께 전하고 있습니다.",
        "newsletter": "매일 아침 주요 뉴스를 이메일로 받아 보세요. 지금 구독하세요.",
        "footer": "무단 전재 및 재배포 금지. 개인정보처리방침. 광고 문의.",
        "read_more": "더 보기",
        "by": "기자",
    },
    "ar": {
        "site": "صحيفة الساحل",
        "nav": ["الرئيسية", "أخبار", "اقتصاد", "رياضة", "رأي", "اتصل بنا"],
        "recent": "أحدث المقالات",
        "related": "اقرأ أيضا",
        "popular": "الأكثر قراءة",
        "share": "شارك المقال",
        "comments": "التعليقات (2)",
        "comment_texts": [
            "خبر جميل، نتمنى أن تصل المياه إلى قريتنا أيضا في أقرب وقت ممكن.",
            "شكرا على التغطية المفصلة، ننتظر المزيد من التقارير عن هذا الموضوع.",
        ],
        "about": "صحيفة الساحل صحيفة مستقلة تغطي أخبار المدن الساحلية منذ عام ألفين، ويمولها قراؤها.",
        "newsletter": "اشترك في نشرتنا الصباحية لتصلك أهم الأخبار كل يوم.",
        "footer": "جميع الحقوق محفوظة. سياسة الخصوصية. أعلن معنا.",
        "read_more": "اقرأ المزيد",
        "by": "بقلم",
    },
    "ur": {
        "site": "روزنامہ شہر",
        "nav": ["صفحہ اول", "خبریں", "کاروبار", "کھیل", "رائے", "رابطہ"],
        "recent": "تازہ ترین",
        "related": "مزید پڑھیں",
        "popular": "مقبول خبریں",
        "share": "شیئر کریں",
        "comments": "تبصرے (2)",
        "comment_texts": [
            "بہت اچھی خبر ہے، امید ہے کہ اس بار کام معیاری ہوگا اور جلد مکمل ہوگا۔",
            "ہمارے علاقے کی سڑک کا بھی کچھ کریں، ایک سال سے ٹوٹی پڑی ہے۔",
        ],
        "about": "روزنامہ شہر ایک آزاد اخبار ہے جو دو ہزار پانچ سے شہر اور صوبے کی خبریں اپنے قارئین تک پہنچا رہا ہے۔",
        "newsletter": "ہماری صبح کی خبروں کی ای میل حاصل کرنے کے لیے ابھی رجسٹر کریں۔",
        "footer": "جملہ حقوق محفوظ ہیں۔ رازداری کی پالیسی۔ اشتہار کے لیے رابطہ کریں۔",
        "read_more": "مزید پڑھیں",
        "by": "تحریر:",
    },
}
