"""A generated project for the scale benchmark: articles of realistic size (five
sections, about 1,100 words, a plain block per section, a word list, a figure, a
table and a footnote) in Dutch, English, German and Turkish, spread over two years,
and collections that choose them by language and quarter.

The text is written for this benchmark (care and welfare, as the project's users
write); every article gets its own mix of paragraphs and its own number, so no two
articles are the same."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURE = ROOT / "source" / "jongensprostitutie-in-beeld" / "presentatie.svg"

TEXT: dict[str, dict[str, object]] = {
    "nl": {
        "titles": [
            "Het wijkteam denkt mee over zorg thuis",
            "Mantelzorgers vinden steun in de buurt",
            "Schulden en stress: samen zoeken naar rust",
            "Jongeren praten over veilig online contact",
        ],
        "headings": [
            "Wat speelt er?",
            "Hoe helpt het wijkteam?",
            "Ervaringen uit de praktijk",
            "Samenwerken in de regio",
            "Wat kunt u zelf doen?",
        ],
        "paragraphs": [
            "Steeds meer inwoners kloppen aan bij het [wijkteam]{.term} met vragen die niet "
            "los van elkaar staan. Een zorgvraag gaat vaak samen met geldzorgen, eenzaamheid "
            "of problemen in het gezin. Daarom kijkt een medewerker eerst naar het hele "
            "verhaal, voordat er hulp wordt ingezet. Dat kost soms een extra gesprek, maar "
            "voorkomt dat mensen van loket naar loket worden gestuurd.",
            "In een keukentafelgesprek bespreken de inwoner, diens naasten en de medewerker "
            "wat er nodig is. De afspraken komen in een plan dat iedereen kan lezen. Zo weet "
            "de huisarts, de thuiszorg en de [mantelzorger]{.term} wie wat doet en wanneer "
            "er opnieuw wordt gekeken of de hulp nog past.",
            "Volgens de medewerkers helpt het om vroeg in beeld te zijn. Wie pas aanklopt als "
            "de situatie thuis uit de hand is gelopen, heeft vaak zwaardere en duurdere hulp "
            "nodig. Daarom werkt het team samen met scholen, huisartsen en buurtcentra, die "
            "signalen doorgeven als iemand vastloopt.",
            "Een moeder van twee kinderen vertelt dat ze lang heeft getwijfeld. Ze schaamde "
            "zich voor haar schulden en durfde niemand om hulp te vragen. Het gesprek met de "
            "schuldhulpverlener gaf haar rust: er kwam een overzicht, een betalingsregeling "
            "en iemand die meedacht over de toekomst van haar gezin.",
            "Ook vrijwilligers spelen een grote rol. Zij bezoeken ouderen die alleen wonen, "
            "helpen bij het invullen van formulieren of gaan mee naar een afspraak. Het "
            "wijkteam zorgt voor scholing en is er als een vrijwilliger zich zorgen maakt "
            "over iemand. Zo ontstaat een netwerk dat verder reikt dan de professionals.",
            "De gemeente heeft afgesproken dat niemand langer dan twee weken op een eerste "
            "gesprek hoeft te wachten. Dat lukt nog niet overal, vooral niet in wijken waar "
            "veel nieuwe bewoners zijn komen wonen. Het team zoekt daarom extra medewerkers "
            "en werkt met vaste inloopmomenten zonder afspraak.",
            "Wie zich zorgen maakt over een buurvrouw, een familielid of zichzelf, kan altijd "
            "bellen of langskomen. Een eerste gesprek is gratis en verplicht tot niets. "
            "Samen wordt gekeken welke hulp past, en of die hulp uit de eigen omgeving kan "
            "komen of van een professional.",
        ],
        "plain": [
            "Heeft u een vraag over zorg, geld of uw gezin? Het wijkteam helpt u. U kunt "
            "bellen of langskomen. Het gesprek is gratis.",
            "Een medewerker komt bij u thuis. Samen praat u over wat u nodig heeft. Daarna "
            "maakt u een plan.",
            "Vraag op tijd om hulp. Dan is de hulp vaak lichter. En het probleem wordt niet "
            "groter.",
        ],
        "glossary": {
            "wijkteam": "Een groep hulpverleners in de buurt die helpt bij vragen over zorg, "
            "geld en opvoeden.",
            "mantelzorger": "Iemand die zonder betaling zorgt voor een familielid of vriend.",
        },
        "caption": "Een bijeenkomst in het buurtcentrum",
        "alt": "Tekening: een vrouw wijst naar een staafdiagram op een scherm; vijf mensen "
        "luisteren.",
        "table": ("Soort hulp", "Aantal aanvragen"),
        "note": "Cijfers van de gemeente over het afgelopen jaar.",
    },
    "en": {
        "titles": [
            "The neighbourhood team thinks along about care at home",
            "Informal carers find support close to home",
            "Debt and stress: finding calm together",
            "Young people talk about staying safe online",
        ],
        "headings": [
            "What is going on?",
            "How does the team help?",
            "Stories from practice",
            "Working together in the region",
            "What can you do yourself?",
        ],
        "paragraphs": [
            "More and more residents come to the [neighbourhood team]{.term} with questions "
            "that are connected. A question about care often comes together with money "
            "worries, loneliness or problems in the family. That is why a social worker first "
            "listens to the whole story before any support is arranged. It sometimes takes an "
            "extra conversation, but it stops people being sent from desk to desk.",
            "In a conversation at the kitchen table, the resident, the people close to them "
            "and the social worker discuss what is needed. The agreements go into a plan that "
            "everyone can read. That way the GP, the home care service and the [carer]{.term} "
            "know who does what, and when the support will be looked at again.",
            "The team says it helps to be involved early. People who only ask for help when "
            "the situation at home has got out of hand often need heavier and more expensive "
            "support. That is why the team works with schools, GPs and community centres, who "
            "pass on signals when someone gets stuck.",
            "A mother of two says she hesitated for a long time. She was ashamed of her debts "
            "and did not dare to ask anyone for help. Talking to the debt counsellor gave her "
            "peace of mind: there was an overview, a payment plan and someone who thought "
            "along about her family's future.",
            "Volunteers also play a large part. They visit older people who live alone, help "
            "with forms or go along to an appointment. The team trains them and is there when "
            "a volunteer is worried about someone. This creates a network that reaches "
            "further than the professionals alone.",
            "The council has agreed that nobody should wait longer than two weeks for a first "
            "conversation. That does not work everywhere yet, especially in areas where many "
            "new residents have moved in. The team is looking for more staff and holds fixed "
            "drop-in hours without an appointment.",
            "If you are worried about a neighbour, a relative or yourself, you can always call "
            "or drop in. A first conversation is free and commits you to nothing. Together "
            "you look at which support fits, and whether it can come from people around you "
            "or from a professional.",
        ],
        "plain": [
            "Do you have a question about care, money or your family? The team can help you. "
            "You can call or drop in. It is free.",
            "Someone from the team visits you at home. You talk about what you need. Then "
            "you make a plan together.",
            "Ask for help early. Then the help is often lighter. And the problem does not get "
            "bigger.",
        ],
        "glossary": {
            "neighbourhood team": "A team of social workers in your area who help with "
            "questions about care, money and parenting.",
            "carer": "Someone who looks after a family member or friend without being paid.",
        },
        "caption": "A meeting at the community centre",
        "alt": "Drawing: a woman points at a bar chart on a screen; five people listen.",
        "table": ("Kind of support", "Requests"),
        "note": "Figures from the council for the past year.",
    },
    "de": {
        "titles": [
            "Das Stadtteilteam denkt bei der Pflege zu Hause mit",
            "Pflegende Angehörige finden Unterstützung im Viertel",
            "Schulden und Stress: gemeinsam zur Ruhe kommen",
            "Jugendliche sprechen über Sicherheit im Netz",
        ],
        "headings": [
            "Worum geht es?",
            "Wie hilft das Team?",
            "Erfahrungen aus der Praxis",
            "Zusammenarbeit in der Region",
            "Was können Sie selbst tun?",
        ],
        "paragraphs": [
            "Immer mehr Menschen wenden sich mit Fragen an das [Stadtteilteam]{.term}, die "
            "miteinander zusammenhängen. Eine Frage zur Pflege kommt oft zusammen mit "
            "Geldsorgen, Einsamkeit oder Schwierigkeiten in der Familie. Deshalb hört eine "
            "Fachkraft zuerst die ganze Geschichte an, bevor Hilfe eingesetzt wird. Das "
            "kostet manchmal ein zusätzliches Gespräch, verhindert aber, dass Menschen von "
            "Schalter zu Schalter geschickt werden.",
            "Im Gespräch am Küchentisch besprechen die Bewohnerin, ihre Angehörigen und die "
            "Fachkraft, was nötig ist. Die Absprachen stehen in einem Plan, den alle lesen "
            "können. So wissen Hausarzt, Pflegedienst und [pflegende Angehörige]{.term}, wer "
            "was übernimmt und wann die Hilfe erneut überprüft wird.",
            "Nach Erfahrung des Teams hilft es, früh beteiligt zu sein. Wer erst um Hilfe "
            "bittet, wenn die Lage zu Hause aus dem Ruder gelaufen ist, braucht oft schwerere "
            "und teurere Unterstützung. Darum arbeitet das Team mit Schulen, Hausärzten und "
            "Nachbarschaftszentren zusammen, die Hinweise weitergeben.",
            "Eine Mutter von zwei Kindern erzählt, dass sie lange gezögert hat. Sie schämte "
            "sich für ihre Schulden und traute sich nicht, jemanden um Hilfe zu bitten. Das "
            "Gespräch mit der Schuldnerberatung gab ihr Ruhe: Es gab einen Überblick, eine "
            "Ratenzahlung und jemanden, der über die Zukunft ihrer Familie mitdachte.",
            "Auch Ehrenamtliche spielen eine große Rolle. Sie besuchen ältere Menschen, die "
            "allein leben, helfen beim Ausfüllen von Formularen oder begleiten zu Terminen. "
            "Das Team schult sie und ist da, wenn sich eine Ehrenamtliche Sorgen um jemanden "
            "macht. So entsteht ein Netz, das weiter reicht als die Fachleute allein.",
            "Die Stadt hat vereinbart, dass niemand länger als zwei Wochen auf ein erstes "
            "Gespräch warten soll. Das gelingt noch nicht überall, vor allem nicht in "
            "Vierteln mit vielen neuen Bewohnern. Das Team sucht deshalb weitere Fachkräfte "
            "und bietet feste offene Sprechstunden ohne Termin an.",
            "Wer sich Sorgen um eine Nachbarin, einen Angehörigen oder sich selbst macht, "
            "kann jederzeit anrufen oder vorbeikommen. Ein erstes Gespräch ist kostenlos und "
            "unverbindlich. Gemeinsam wird geschaut, welche Hilfe passt und ob sie aus dem "
            "eigenen Umfeld oder von Fachleuten kommen kann.",
        ],
        "plain": [
            "Haben Sie eine Frage zu Pflege, Geld oder Ihrer Familie? Das Team hilft Ihnen. "
            "Sie können anrufen oder vorbeikommen. Das ist kostenlos.",
            "Jemand vom Team kommt zu Ihnen nach Hause. Sie sprechen darüber, was Sie "
            "brauchen. Dann machen Sie zusammen einen Plan.",
            "Bitten Sie früh um Hilfe. Dann ist die Hilfe oft leichter. Und das Problem wird "
            "nicht größer.",
        ],
        "glossary": {
            "Stadtteilteam": "Fachleute in Ihrem Viertel, die bei Fragen zu Pflege, Geld und "
            "Erziehung helfen.",
            "pflegende Angehörige": "Menschen, die ohne Bezahlung für ein Familienmitglied "
            "oder eine Freundin sorgen.",
        },
        "caption": "Ein Treffen im Nachbarschaftszentrum",
        "alt": "Zeichnung: Eine Frau zeigt auf ein Balkendiagramm auf einer Leinwand; fünf "
        "Menschen hören zu.",
        "table": ("Art der Hilfe", "Anfragen"),
        "note": "Zahlen der Stadt für das vergangene Jahr.",
    },
    "tr": {
        "titles": [
            "Mahalle ekibi evde bakım konusunda yanınızda",
            "Bakım veren yakınlar mahallede destek buluyor",
            "Borç ve stres: birlikte huzur aramak",
            "Gençler internette güvenli iletişimi konuşuyor",
        ],
        "headings": [
            "Neler oluyor?",
            "Ekip nasıl yardım ediyor?",
            "Uygulamadan deneyimler",
            "Bölgede iş birliği",
            "Siz neler yapabilirsiniz?",
        ],
        "paragraphs": [
            "Giderek daha fazla kişi, birbirine bağlı sorularla [mahalle ekibi]{.term} ile "
            "iletişime geçiyor. Bakımla ilgili bir soru çoğu zaman para sıkıntısı, yalnızlık "
            "ya da ailedeki sorunlarla birlikte gelir. Bu yüzden bir çalışan, yardım "
            "başlatmadan önce tüm hikâyeyi dinler. Bu bazen fazladan bir görüşme gerektirir, "
            "ama insanların bir masadan ötekine gönderilmesini önler.",
            "Mutfak masası görüşmesinde kişi, yakınları ve çalışan neye ihtiyaç olduğunu "
            "konuşur. Varılan anlaşmalar herkesin okuyabileceği bir plana yazılır. Böylece "
            "aile hekimi, evde bakım hizmeti ve [bakım veren yakın]{.term} kimin ne yaptığını "
            "ve yardımın ne zaman yeniden gözden geçirileceğini bilir.",
            "Ekibe göre erken devreye girmek işe yarıyor. Evdeki durum kontrolden çıktıktan "
            "sonra yardım isteyenler çoğu zaman daha ağır ve daha pahalı desteğe ihtiyaç "
            "duyar. Bu nedenle ekip, birinin zorlandığını fark ettiklerinde haber veren "
            "okullar, aile hekimleri ve mahalle merkezleriyle birlikte çalışıyor.",
            "İki çocuk annesi bir kadın uzun süre tereddüt ettiğini anlatıyor. Borçlarından "
            "utanıyordu ve kimseden yardım istemeye cesaret edemiyordu. Borç danışmanıyla "
            "yaptığı görüşme ona huzur verdi: bir genel bakış, bir ödeme planı ve ailesinin "
            "geleceği hakkında onunla birlikte düşünen biri vardı.",
            "Gönüllüler de büyük rol oynuyor. Yalnız yaşayan yaşlıları ziyaret ediyor, form "
            "doldurmaya yardım ediyor ya da randevulara eşlik ediyorlar. Ekip onlara eğitim "
            "veriyor ve bir gönüllü birinden endişe ettiğinde yanlarında oluyor. Böylece "
            "profesyonellerin ötesine uzanan bir ağ oluşuyor.",
            "Belediye, kimsenin ilk görüşme için iki haftadan fazla beklememesi konusunda "
            "anlaştı. Bu henüz her yerde başarılamıyor, özellikle çok sayıda yeni sakinin "
            "taşındığı mahallelerde. Ekip bu yüzden yeni çalışanlar arıyor ve randevusuz "
            "sabit görüşme saatleri sunuyor.",
            "Bir komşunuz, bir yakınınız ya da kendiniz için endişeleniyorsanız her zaman "
            "arayabilir ya da uğrayabilirsiniz. İlk görüşme ücretsizdir ve sizi hiçbir şeye "
            "bağlamaz. Hangi yardımın uygun olduğuna ve bu yardımın çevrenizden mi yoksa bir "
            "uzmandan mı geleceğine birlikte bakılır.",
        ],
        "plain": [
            "Bakım, para ya da aileniz hakkında bir sorunuz mu var? Ekip size yardım eder. "
            "Arayabilir ya da uğrayabilirsiniz. Ücretsizdir.",
            "Ekipten biri evinize gelir. Neye ihtiyacınız olduğunu konuşursunuz. Sonra "
            "birlikte bir plan yaparsınız.",
            "Erken yardım isteyin. O zaman yardım çoğu zaman daha hafif olur. Ve sorun büyümez.",
        ],
        "glossary": {
            "mahalle ekibi": "Bakım, para ve çocuk yetiştirme konularında yardım eden, "
            "mahallenizdeki uzmanlar.",
            "bakım veren yakın": "Bir aile üyesine ya da arkadaşına ücret almadan bakan kişi.",
        },
        "caption": "Mahalle merkezinde bir toplantı",
        "alt": "Çizim: bir kadın ekrandaki bir sütun grafiğini gösteriyor; beş kişi dinliyor.",
        "table": ("Yardım türü", "Başvuru sayısı"),
        "note": "Belediyenin geçen yıla ait rakamları.",
    },
}
LANGUAGES = tuple(TEXT)
INTRO = {
    "nl": "De artikelen van dit kwartaal, voor het teamoverleg.",
    "en": "This quarter's articles, for the team meeting.",
    "de": "Die Artikel dieses Quartals, für die Teambesprechung.",
    "tr": "Bu çeyreğin yazıları, ekip toplantısı için.",
}
START = dt.date(2023, 1, 1)
DAYS = 730


def _first_sentence(paragraph: str) -> str:
    return paragraph.split(". ")[0].replace("[", "").replace("]{.term}", "")


def article(number: int, lang: str, rng: random.Random) -> tuple[str, dt.date]:
    text = TEXT[lang]
    titles, headings = list(text["titles"]), list(text["headings"])  # type: ignore[call-overload]
    paragraphs, plain = list(text["paragraphs"]), list(text["plain"])  # type: ignore[call-overload]
    glossary: dict[str, str] = text["glossary"]  # type: ignore[assignment]
    date = START + dt.timedelta(days=(number * 7919) % DAYS)
    title = f"{titles[number % len(titles)]} ({number})"
    lines = [
        "---",
        f'title: "{title}"',
        f"lang: {lang}",
        f"date: {date.isoformat()}",
        "publisher: Welzijn Voorbeeldstad",
        f'summary: "{_first_sentence(paragraphs[number % len(paragraphs)])}."',
        f"keywords: [{['zorg', 'mantelzorg', 'schulden', 'jeugd'][number % 4]}, {lang}]",
        "plain:",
        f'  title: "{title}"',
        "  summary:",
        *[f'    - "{s}"' for s in plain[0].split(". ") if s],
        "glossary:",
        *[f'  "{key}": "{value}"' for key, value in glossary.items()],
        "---",
        "",
    ]
    body: list[str] = []
    for section, heading in enumerate(headings):
        if section:
            body += [f"## {heading}", ""]
        chosen = rng.sample(paragraphs, 4)
        body += [chosen[0], "", chosen[1] + (f" ({number}.{section})" if section else "[^1]"), ""]
        if section == 1:
            body += [f'![{text["alt"]}](figuur.svg "{text["caption"]}")', ""]
        if section == 2:
            left, right = text["table"]  # type: ignore[misc]
            body += [f"| {left} | {right} |", "| :-- | --: |"]
            body += [f"| {row} | {rng.randint(10, 900)} |" for row in headings[:3]]
            body += [""]
        body += [chosen[2], "", chosen[3], "", "::: plain", plain[section % len(plain)], ":::", ""]
    body += [f"[^1]: {text['note']}", ""]
    return "\n".join(lines + body), date


def quarter_of(day: dt.date) -> tuple[dt.date, dt.date]:
    start = dt.date(day.year, 1 + 3 * ((day.month - 1) // 3), 1)
    following = dt.date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def make_project(folder: Path, count: int, collections: int) -> list[Path]:
    """``count`` articles (the languages in turn) and up to ``collections``
    collections, each one language's articles of one quarter (at most 12, newest
    first), quarter after quarter from the first, languages in turn."""
    rng = random.Random(2024)
    paths = []
    quarters: dict[tuple[str, dt.date], dt.date] = {}
    for number in range(count):
        lang = LANGUAGES[number % len(LANGUAGES)]
        text, day = article(number, lang, rng)
        start, end = quarter_of(day)
        quarters[(lang, start)] = end
        bundle = folder / "source" / f"artikel-{number:04d}"
        bundle.mkdir(parents=True)
        (bundle / "index.md").write_text(text, encoding="utf-8")
        shutil.copy(FIGURE, bundle / "figuur.svg")
        paths.append(bundle / "index.md")
    (folder / "collections").mkdir(parents=True, exist_ok=True)
    chosen = sorted(quarters.items(), key=lambda q: (q[0][1], LANGUAGES.index(q[0][0])))
    for number, ((lang, start), end) in enumerate(chosen[:collections]):
        quarter = (start.month - 1) // 3 + 1
        (folder / "collections" / f"bundel-{number:02d}-{lang}.md").write_text(
            f"---\ntitle: Bundel {lang} {start:%Y}-K{quarter}\nlang: {lang}\n"
            f"publisher: Welzijn Voorbeeldstad\nquery:\n  from: {start}\n  to: {end}\n"
            f"  lang: [{lang}]\n  limit: 12\n---\n\n{INTRO[lang]}\n",
            encoding="utf-8",
        )
    return paths
