//! The map's words in English, Korean, Ukrainian and Russian, and numbers and dates written the
//! way each language writes them.
//!
//! Every text the page shows comes from here: its controls and legend (handed to the shell as
//! one table, [`catalog`]) and the sentences the core writes from the data (tooltips, the
//! summary of the moment, the credits of an export). A key holds all four languages at once, so
//! a language cannot silently lack a key; a test checks that none is left empty and that every
//! key the shell asks for exists.

use crate::date::{date_of, DatePrecision, DateSpec, Day, Period};
use chrono::Datelike;

/// A language the map is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Korean.
    Ko,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
}

impl Lang {
    /// The language of a code such as `ko` or `uk-UA`; English for anything else.
    pub fn from_code(code: &str) -> Lang {
        match code.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("ko") => Lang::Ko,
            Some("uk") => Lang::Uk,
            Some("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Every key with its text in English, Korean, Ukrainian and Russian, in that order.
/// `{}` marks where a value goes, filled in order by [`fill`].
pub const MESSAGES: &[(&str, [&str; 4])] = &[
    // Controls.
    ("play", ["Play", "재생", "Відтворити", "Воспроизвести"]),
    ("pause", ["Pause", "일시정지", "Пауза", "Пауза"]),
    ("date", ["Date", "날짜", "Дата", "Дата"]),
    ("zoom_in", ["Zoom in", "확대", "Збільшити", "Увеличить"]),
    ("zoom_out", ["Zoom out", "축소", "Зменшити", "Уменьшить"]),
    ("reset", ["Reset", "초기화", "Скинути", "Сбросить"]),
    ("map_failed", [
        "The live map stopped after an internal error; this is its still image.",
        "내부 오류로 실시간 지도가 멈춰 정지 이미지를 보여 줍니다.",
        "Інтерактивна карта зупинилася через внутрішню помилку; це її статичне зображення.",
        "Интерактивная карта остановилась из-за внутренней ошибки; это её статичное изображение.",
    ]),
    ("download", ["Download:", "내려받기:", "Завантажити:", "Скачать:"]),
    ("download_png", ["Image (PNG)", "이미지(PNG)", "Зображення (PNG)", "Изображение (PNG)"]),
    ("download_svg", ["Image (SVG)", "이미지(SVG)", "Зображення (SVG)", "Изображение (SVG)"]),
    ("download_csv", ["Data (CSV)", "데이터(CSV)", "Дані (CSV)", "Данные (CSV)"]),
    ("map_label", [
        "Map of flows. N and P step to the next and previous flow and tell what is known of it; \
         arrow keys pan, plus and minus zoom, 0 resets the view, Escape closes the details.",
        "흐름 지도. N 키와 P 키로 다음·이전 흐름으로 옮겨 가며 그 내용을 듣고, 화살표 키로 이동하고 \
         더하기·빼기 키로 확대·축소하며 0 키로 처음 화면으로 돌아가고 Esc 키로 설명을 닫습니다.",
        "Карта потоків. N і P переходять до наступного й попереднього потоку і розповідають про \
         нього; стрілки зсувають, плюс і мінус масштабують, 0 повертає початковий вигляд, Escape \
         закриває подробиці.",
        "Карта потоков. N и P переходят к следующему и предыдущему потоку и рассказывают о нём; \
         стрелки сдвигают, плюс и минус масштабируют, 0 возвращает исходный вид, Escape закрывает \
         подробности.",
    ]),
    ("zoom_controls", ["Zoom", "확대·축소", "Масштаб", "Масштаб"]),
    ("timeline_label", ["Timeline", "시간 막대", "Шкала часу", "Шкала времени"]),
    // The guided tour (the story's steps).
    ("steps_label", ["Guided tour", "따라가며 보기", "Покроковий огляд", "Пошаговый обзор"]),
    ("step_previous", ["Previous step", "이전 단계", "Попередній крок", "Предыдущий шаг"]),
    ("step_next", ["Next step", "다음 단계", "Наступний крок", "Следующий шаг"]),
    ("step_of", ["Step {} of {}", "{}/{}단계", "Крок {} з {}", "Шаг {} из {}"]),
    ("now_label", ["What the map shows now", "지금 지도가 보여 주는 것", "Що карта показує зараз", "Что карта показывает сейчас"]),
    ("legend_label", ["Legend and filters", "범례와 필터", "Легенда і фільтри", "Легенда и фильтры"]),
    ("charts_label", ["The story over time", "시간에 따른 흐름", "Історія в часі", "История во времени"]),
    ("table_show", ["Show the data table", "데이터 표 보기", "Показати таблицю даних", "Показать таблицу данных"]),
    ("as_of_label", ["Data as of {}", "{} 기준 자료", "Дані станом на {}", "Данные на {}"]),
    ("corrections", ["Corrections", "정정 내역", "Виправлення", "Исправления"]),
    ("no_corrections", ["No corrections so far.", "지금까지 정정 없음.", "Поки що без виправлень.", "Пока без исправлений."]),
    // Legend.
    ("what_moves", ["What moves", "무엇이 오가나", "Що переміщується", "Что перемещается"]),
    ("how_sure", ["How sure (line style)", "확실성(선 모양)", "Наскільки певно (тип лінії)", "Насколько достоверно (тип линии)"]),
    ("confirmed", ["Confirmed", "확인됨", "Підтверджено", "Подтверждено"]),
    ("reported", ["Reported", "보도됨", "Повідомлено", "Сообщается"]),
    ("claimed", ["Claimed", "주장됨", "Стверджується", "Утверждается"]),
    ("proposed", ["Proposed or offered", "제안됨", "Запропоновано", "Предложено"]),
    ("denied", ["Denied", "부인됨", "Заперечено", "Отрицается"]),
    ("marks", ["Marks", "표시", "Позначки", "Обозначения"]),
    ("mark_width", [
        "Width: amount, on each unit’s own scale; pale band: range between claims",
        "굵기: 단위별 척도의 양, 옅은 띠: 주장 사이의 범위",
        "Товщина: кількість у власній шкалі кожної одиниці; бліда смуга: розкид між даними",
        "Толщина: количество в собственной шкале каждой единицы; бледная полоса: разброс оценок",
    ]),
    ("mark_unknown", [
        "Amount unknown: no source gives a number",
        "양 미상: 수치를 밝힌 출처 없음",
        "Кількість невідома: жодне джерело не дає числа",
        "Количество неизвестно: ни один источник не называет числа",
    ]),
    ("mark_disputed", ["Disputed: a party denies it", "논란: 한쪽이 부인", "Спірно: одна зі сторін заперечує", "Спорно: одна из сторон отрицает"]),
    ("mark_inferred", [
        "Hollow arrow: destination inferred, not reported",
        "빈 화살표: 보도되지 않은 추정 목적지",
        "Порожня стрілка: пункт призначення припущено, а не повідомлено",
        "Полая стрелка: пункт назначения предположен, а не сообщён",
    ]),
    ("mark_assumed", [
        "Dotted outline: path assumed or unknown",
        "점선 테두리: 추정되거나 알 수 없는 경로",
        "Пунктирний контур: шлях припущено або невідомий",
        "Пунктирный контур: путь предположен или неизвестен",
    ]),
    // Tooltip and generated sentences.
    ("who_says", ["Who says so", "누가 말했나", "Хто це стверджує", "Кто это утверждает"]),
    // "Runs into", not "violates": a proposal has broken nothing yet, it would run into them.
    ("sanctions_heading", ["UN sanctions it runs into", "저촉되는 유엔 제재", "Санкції ООН, під які це підпадає", "Санкции ООН, под которые это подпадает"]),
    ("as_of", ["As of {}", "{} 기준", "Станом на {}", "На {}"]),
    ("strongest", ["strongest claim: {}", "가장 강한 주장: {}", "найсильніше твердження: {}", "самое сильное утверждение: {}"]),
    ("none_yet", ["none yet", "아직 없음", "поки немає", "пока нет"]),
    ("disputed_note", ["Disputed: a party denies it.", "논란: 한쪽이 부인합니다.", "Спірно: одна зі сторін заперечує.", "Спорно: одна из сторон отрицает."]),
    ("source", ["Source: {}", "출처: {}", "Джерело: {}", "Источник: {}"]),
    ("quote_line", ["“{}” (line {})", "“{}”({}행)", "«{}» (рядок {})", "«{}» (строка {})"]),
    ("date_inferred", ["{} (date inferred)", "{}(날짜 추정)", "{} (дату встановлено за змістом)", "{} (дата установлена по содержанию)"]),
    // The editor's sign-off sheet (`flowlines review`).
    ("review_title", ["Editor's sign-off sheet: {}", "편집자 검수표: {}", "Аркуш редакторської перевірки: {}", "Лист редакторской проверки: {}"]),
    ("review_version", ["Data version {}, checked up to {}.", "데이터 버전 {}, {}까지 확인.", "Версія даних {}, перевірено станом на {}.", "Версия данных {}, проверено на {}."]),
    ("review_documents", ["Documents: {}", "문서: {}", "Документи: {}", "Документы: {}"]),
    ("review_no_documents", ["No documents at {}: quotes not checked.", "{}에 문서가 없어 인용을 확인하지 않았습니다.", "Документів у {} немає: цитати не перевірено.", "Документов в {} нет: цитаты не проверены."]),
    ("review_on_map", ["On the map on {}: {}", "{} 지도 표시: {}", "На карті {}: {}", "На карте {}: {}"]),
    ("review_file", ["file {}", "파일 {}", "файл {}", "файл {}"]),
    ("quote_label", ["Quote: {}", "인용: {}", "Цитата: {}", "Цитата: {}"]),
    ("quote_found", ["checked: on that line", "확인: 해당 행에 있음", "перевірено: є в цьому рядку", "проверено: есть в этой строке"]),
    ("quote_elsewhere", ["CHECK: found on line {} instead", "확인 필요: {}행에 있음", "ПЕРЕВІРТЕ: насправді в рядку {}", "ПРОВЕРЬТЕ: на самом деле в строке {}"]),
    ("quote_missing", ["CHECK: not in the document", "확인 필요: 문서에 없음", "ПЕРЕВІРТЕ: у документі немає", "ПРОВЕРЬТЕ: в документе нет"]),
    ("quote_none", ["CHECK: no quote", "확인 필요: 인용 없음", "ПЕРЕВІРТЕ: немає цитати", "ПРОВЕРЬТЕ: нет цитаты"]),
    ("reported_on", ["{}, reported {}", "{}, {} 보도", "{}, повідомлено {}", "{}, сообщено {}"]),
    // A figure's qualifier around its number and unit. Ukrainian and Russian use words that
    // govern no case ("приблизно", "как минимум", "максимум", a dash), so the unit keeps the
    // form its number's plural category gives it ("как минимум 21 контейнер").
    ("about", ["about {}", "약 {}", "приблизно {}", "примерно {}"]),
    ("at_least", ["at least {}", "최소 {}", "щонайменше {}", "как минимум {}"]),
    ("as_many_as", ["as many as {}", "최대 {}", "щонайбільше {}", "максимум {}"]),
    ("range_to", ["{} to {}", "{}~{}", "{}–{}", "{}–{}"]),
    // An estimate between readings: rounded, and still one-sided where its readings are.
    ("about_or_more", ["about {} or more", "약 {} 이상", "приблизно {} і більше", "примерно {} и более"]),
    ("up_to_about", ["up to about {}", "최대 약 {}", "щонайбільше приблизно {}", "максимум примерно {}"]),
    ("estimate_between", [
        "estimate for the day, spread evenly between the figures for {} and {}",
        "{} ~ {} 수치 사이를 고르게 나눈 이날의 추정치",
        "оцінка на цей день, рівномірно розподілена між даними за {} і {}",
        "оценка на этот день, равномерно распределённая между данными за {} и {}",
    ]),
    ("estimate_short", ["estimate for the day between reported figures", "보도된 수치 사이의 이날 추정치", "оцінка на цей день між повідомленими даними", "оценка на этот день между сообщёнными данными"]),
    ("destination_inferred_short", ["destination inferred", "목적지 추정", "пункт призначення припущено", "пункт назначения предположен"]),
    ("estimate_within", [
        "estimate for the day: the figure for {} spread evenly over it",
        "{} 수치를 기간에 고르게 나눈 이날의 추정치",
        "оцінка на цей день: дані за {}, рівномірно розподілені в часі",
        "оценка на этот день: данные за {}, равномерно распределённые во времени",
    ]),
    ("estimate_from_start", [
        "estimate for the day, spread evenly from the start of the count in {} to the figure for {}",
        "{} 집계 시작부터 {} 수치까지 고르게 나눈 이날의 추정치",
        "оцінка на цей день, рівномірно розподілена від початку відліку ({}) до даних за {}",
        "оценка на этот день, равномерно распределённая от начала отсчёта ({}) до данных за {}",
    ]),
    ("period_to", ["{} to {}", "{} ~ {}", "{} – {}", "{} – {}"]),
    ("or_more", ["{} or more", "{} 이상", "{} і більше", "{} и более"]),
    ("no_figure", ["no figure given", "수치 없음", "без числа", "без числа"]),
    ("running_total", ["running total", "누계", "наростальним підсумком", "нарастающим итогом"]),
    ("in_period", ["in the period", "기간 중", "за період", "за период"]),
    ("range_of", ["range {} to {}", "범위 {}~{}", "розкид від {} до {}", "разброс от {} до {}"]),
    ("open_ended", ["open-ended: at least this", "하한만 있음: 최소 이 정도", "відкрита оцінка: щонайменше стільки", "открытая оценка: не меньше этого"]),
    ("unknown_figure", [
        "unknown: reported to move, but no source gives a number",
        "미상: 이동했다고 보도됐으나 수치를 밝힌 출처 없음",
        "невідомо: повідомляють про переміщення, але жодне джерело не дає числа",
        "неизвестно: сообщают о перемещении, но ни один источник не называет числа",
    ]),
    ("uncounted", [
        "nothing counted as moved: only proposals, offers or denials",
        "이동한 것으로 집계된 것 없음: 제안·제의·부인만 있음",
        "нічого не зараховано як переміщене: лише пропозиції або заперечення",
        "ничего не засчитано как перемещённое: только предложения или отрицаемые утверждения",
    ]),
    ("held", [
        "{} (held from the last reading, {}: not newer)",
        "{} (마지막 수치 {} 유지: 그 이후 자료 없음)",
        "{} (утримано з останнього значення {}: новіших немає)",
        "{} (сохранено последнее значение {}: новее нет)",
    ]),
    ("before_first", ["{} (before the first figure)", "{} (첫 수치 이전)", "{} (до першого значення)", "{} (до первого значения)"]),
    ("by_sea", ["by sea", "해상", "морем", "морем"]),
    ("by_rail", ["by rail", "철도", "залізницею", "по железной дороге"]),
    ("by_air", ["by air", "항공", "повітрям", "по воздуху"]),
    ("by_road", ["by road", "도로", "дорогами", "по дорогам"]),
    // "Not reported", never "by unknown means" (невідомим способом): the sources simply do not say.
    ("by_unknown", ["by means not reported", "수단 미보도", "спосіб не повідомлено", "способ не сообщается"]),
    ("path_known", ["path reported", "경로 보도됨", "шлях повідомлено", "путь сообщён"]),
    ("path_assumed", [
        "path assumed from geography, not reported",
        "지리로 추정한 경로, 보도되지 않음",
        "шлях припущено з географії, не повідомлено",
        "путь предположен по географии, не сообщён",
    ]),
    ("path_endpoints", ["only the endpoints are known", "출발지와 도착지만 알려짐", "відомі лише кінцеві точки", "известны только конечные точки"]),
    ("denied_by", ["denied by {} ({}), {}", "{}({}) 부인, {}", "заперечує {} ({}), {}", "отрицает {} ({}), {}"]),
    ("destination_inferred", [
        "destination inferred: the sources do not name {}",
        "목적지 추정: 출처는 {}을(를) 밝히지 않음",
        "пункт призначення припущено: джерела не називають {}",
        "пункт назначения предположен: источники не называют {}",
    ]),
    ("part_of", [
        "part of “{}”: counted there, never added twice",
        "“{}”의 일부: 그쪽에서 집계하며 두 번 더하지 않음",
        "частина «{}»: враховано там, двічі не додається",
        "часть «{}»: учтено там, дважды не складывается",
    ]),
    ("resolution", [
        "UN Security Council resolution {} ({}), paragraph {}: {}",
        "유엔 안보리 결의 {}호({}년) {}항: {}",
        "Резолюція Ради Безпеки ООН {} ({}), пункт {}: {}",
        "Резолюция Совета Безопасности ООН {} ({}), пункт {}: {}",
    ]),
    ("resolution_many", [
        "UN Security Council resolution {} ({}), paragraphs {}: {}",
        "유엔 안보리 결의 {}호({}년) {}항: {}",
        "Резолюція Ради Безпеки ООН {} ({}), пункти {}: {}",
        "Резолюция Совета Безопасности ООН {} ({}), пункты {}: {}",
    ]),
    ("and_join", ["{} and {}", "{}·{}", "{} і {}", "{} и {}"]),
    ("into", ["in: {}", "들어옴: {}", "надійшло: {}", "поступило: {}"]),
    ("out_of", ["out: {}", "나감: {}", "вибуло: {}", "убыло: {}"]),
    ("and_unknown", ["{}, and flows of unknown size", "{}, 규모 미상의 흐름 포함", "{}, а також потоки невідомого обсягу", "{}, а также потоки неизвестного объёма"]),
    ("facility", ["facility", "시설", "об’єкт", "объект"]),
    ("city", ["city", "도시", "місто", "город"]),
    ("region", ["region", "지역", "регіон", "регион"]),
    ("country", ["country", "국가", "країна", "страна"]),
    // The summary of the moment, for the live region.
    ("summary_day", ["On {}:", "{} 현재:", "Станом на {}:", "На {}:"]),
    // Place names stay in the nominative: an arrow, not a preposition that would decline them.
    ("summary_flow", ["{} from {} to {}: {}.", "{}({} → {}): {}.", "{} ({} → {}): {}.", "{} ({} → {}): {}."]),
    ("summary_unknown_flows", [
        "Also reported, with no figure: {}.",
        "수치 없이 보도된 흐름: {}.",
        "Також повідомлено, але без числа: {}.",
        "Также сообщается, но без числа: {}.",
    ]),
    ("summary_proposed", [
        "Proposed or offered, nothing counted as moved: {}.",
        "제안·제의만 있어 이동으로 집계하지 않음: {}.",
        "Лише запропоновано, нічого не зараховано як переміщене: {}.",
        "Только предложено, ничего не засчитано как перемещённое: {}.",
    ]),
    ("summary_nothing", [
        "No flow with a figure has started yet.",
        "아직 수치가 있는 흐름이 시작되지 않았습니다.",
        "Жоден потік із числом ще не почався.",
        "Ни один поток с числом ещё не начался.",
    ]),
    // Exports.
    ("version", ["version {}", "버전 {}", "версія {}", "версия {}"]),
    ("shown", ["Shown: {} · data as of {} (version {})", "표시 날짜: {} · {} 기준 자료(버전 {})", "Показано: {} · дані станом на {} (версія {})", "Показано: {} · данные на {} (версия {})"]),
    ("sources_label", ["Sources", "출처", "Джерела", "Источники"]),
    ("credit_label", ["Credit", "제작", "Автори", "Авторы"]),
    ("basemap_label", ["Basemap", "지도", "Основа карти", "Основа карты"]),
    ("caveat_default", [
        "Every figure is an estimate credited to the source named with it.",
        "모든 수치는 함께 표기된 출처의 추정치입니다.",
        "Кожна цифра — оцінка названого поруч джерела.",
        "Каждая цифра — оценка названного рядом источника.",
    ]),
    ("sources", ["Sources: {}", "출처: {}", "Джерела: {}", "Источники: {}"]),
    // A source as readers see it: outlet, what the document is, when it was published.
    ("citation", ["{}: {}, {}", "{}: {}, {}", "{}: {}, {}", "{}: {}, {}"]),
    ("outlet_unnamed", ["Outlet not named", "매체명 미상", "Видання не назване", "Издание не названо"]),
    // The data table.
    ("table_caption", [
        "Flows shown on {}",
        "{} 현재 지도에 표시된 흐름",
        "Потоки на карті станом на {}",
        "Потоки на карте на {}",
    ]),
    ("table_empty", [
        "No flow is shown on this day with these filters.",
        "이 날짜와 필터로는 표시되는 흐름이 없습니다.",
        "За цієї дати й цих фільтрів жоден потік не показано.",
        "На эту дату с этими фильтрами ни один поток не показан.",
    ]),
    ("col_category", ["What", "종류", "Що", "Что"]),
    ("col_flow", ["Flow", "흐름", "Потік", "Поток"]),
    ("col_from_to", ["From → to", "출발 → 도착", "Звідки → куди", "Откуда → куда"]),
    ("col_figure", ["Figure", "수치", "Кількість", "Количество"]),
    ("col_confidence", ["Confidence", "확실성", "Певність", "Достоверность"]),
    ("col_sources", ["Sources", "출처", "Джерела", "Источники"]),
    ("col_quotes", ["In the source's words", "출처 원문", "Словами джерела", "Словами источника"]),
    ("col_sanctions", ["UN sanctions", "유엔 제재", "Санкції ООН", "Санкции ООН"]),
    ("disputed_short", ["disputed", "논란", "спірно", "спорно"]),
    ("resolution_short", ["UNSC {} ({}), para. {}", "안보리 결의 {}호({}년) {}항", "РБ ООН {} ({}), п. {}", "СБ ООН {} ({}), п. {}"]),
    ("resolution_short_many", ["UNSC {} ({}), paras {}", "안보리 결의 {}호({}년) {}항", "РБ ООН {} ({}), пп. {}", "СБ ООН {} ({}), пп. {}"]),
    // Charts.
    ("no_figures", ["No figures are given: {}.", "수치 없음: {}.", "Чисел немає: {}.", "Чисел нет: {}."]),
    ("no_flow_of_kind", [
        "the story has no flow of this kind",
        "이 종류의 흐름이 없습니다",
        "в історії немає потоків такого роду",
        "в истории нет потоков такого рода",
    ]),
    ("moves_no_number", [
        "the sources say this moves, but none gives a number",
        "출처들은 이동했다고 하지만 수치를 밝힌 곳은 없습니다",
        "джерела кажуть, що це переміщується, але жодне не дає числа",
        "источники говорят, что это перемещается, но ни один не называет числа",
    ]),
    ("only_proposals", [
        "only proposals, offers or denials, never counted as moved",
        "제안·제의·부인뿐이라 이동으로 집계하지 않습니다",
        "лише пропозиції або заперечення, які не зараховано як переміщене",
        "только предложения или отрицаемые утверждения, не засчитанные как перемещённое",
    ]),
    ("why_unknown", [
        "reported to move, but no source gives a number",
        "이동했다고 보도됐으나 수치를 밝힌 출처 없음",
        "повідомляють про переміщення, але жодне джерело не дає числа",
        "сообщают о перемещении, но ни один источник не называет числа",
    ]),
    ("why_uncounted", [
        "only proposed, offered or denied, so nothing is counted as moved",
        "제안·제의·부인뿐이라 이동으로 집계된 것 없음",
        "лише запропоновано або заперечено, тож нічого не зараховано як переміщене",
        "только предложено или отрицается, поэтому ничего не засчитано как перемещённое",
    ]),
    ("chart_range", ["range the sources give", "출처들이 제시한 범위", "розкид за джерелами", "разброс по источникам"]),
    ("chart_held", [
        "after the last figure: held, not newer",
        "마지막 수치 이후: 유지, 새 자료 없음",
        "після останнього числа: утримано, новіших немає",
        "после последнего числа: сохранено, новее нет",
    ]),
    ("chart_part_of", ["part of “{}”", "“{}”의 일부", "частина «{}»", "часть «{}»"]),
    ("chart_description", [
        "{}: running totals over time, one panel per unit ({}), with the range the sources give and a mark for each figure.",
        "{}: 시간에 따른 누계, 단위마다 한 칸({}), 출처들이 제시한 범위와 수치마다 표시.",
        "{}: наростальні підсумки в часі, по панелі на одиницю ({}), з розкидом за джерелами й позначкою для кожного числа.",
        "{}: нарастающие итоги во времени, по панели на единицу ({}), с разбросом по источникам и отметкой для каждого числа.",
    ]),
];

/// The text of `key` in `lang`; the key itself when there is no such key (a visible sign of a
/// missing translation, never a crash).
pub fn t(lang: Lang, key: &str) -> &str {
    MESSAGES
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, texts)| texts[lang.index()])
}

/// `template` with each `{}` replaced by the next of `values`. A Korean particle written as
/// both its forms right after a value (`{}을(를)`, `{}이(가)`, `{}은(는)`, `{}과(와)`,
/// `{}으로(로)`) is resolved by the value's last sound (see [`korean_particle`]), so a reader
/// never sees "쿠르스크을(를)".
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut values = values.iter();
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        let value = values.next().copied().unwrap_or("");
        out.push_str(value);
        rest = &rest[i + 2..];
        if let Some((particle, len)) = korean_particle(value, rest) {
            out.push_str(particle);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// The Korean particles written with both forms, `(after a final consonant, after a vowel)`.
const PARTICLES: [(&str, &str); 5] = [
    ("을", "를"),
    ("이", "가"),
    ("은", "는"),
    ("과", "와"),
    ("으로", "로"),
];

/// Whether a Korean reading of `word` ends in a final consonant (batchim), and whether that
/// consonant is ㄹ; `None` when its end cannot be read (no letter or digit). A Hangul syllable
/// tells it directly; a digit is read as its Sino-Korean name (1 일, 3 삼, 6 육, 7 칠, 8 팔 and
/// 0 영 end in a consonant); a Latin letter by how it is usually said (l, m, n, ng, k, p, t, b).
pub fn final_consonant(word: &str) -> Option<(bool, bool)> {
    let c = word.chars().rev().find(|c| c.is_alphanumeric())?;
    Some(match c {
        '\u{AC00}'..='\u{D7A3}' => {
            let jong = (u32::from(c) - 0xAC00) % 28;
            (jong != 0, jong == 8)
        }
        '0' | '3' | '6' => (true, false),
        '1' | '7' | '8' => (true, true),
        '2' | '4' | '5' | '9' => (false, false),
        'l' | 'L' => (true, true),
        'm' | 'n' | 'k' | 'p' | 't' | 'b' | 'g' | 'M' | 'N' | 'K' | 'P' | 'T' | 'B' | 'G' => {
            (true, false)
        }
        _ => (false, false),
    })
}

/// The particle to write after `word` when `rest` starts with a particle in both forms
/// ("을(를)…"), and the length of that written pair in `rest`.
fn korean_particle(word: &str, rest: &str) -> Option<(&'static str, usize)> {
    let (consonant, rieul) = final_consonant(word)?;
    PARTICLES
        .iter()
        .find_map(|&(after_consonant, after_vowel)| {
            let pair_len = after_consonant.len() + after_vowel.len() + 2;
            let pair = rest.get(..pair_len)?;
            let expected = format!("{after_consonant}({after_vowel})");
            (pair == expected).then(|| {
                // "로" follows a vowel and also ㄹ ("서울로"); every other pair goes by the consonant.
                let use_consonant_form = consonant && !(rieul && after_consonant == "으로");
                let chosen = if use_consonant_form {
                    after_consonant
                } else {
                    after_vowel
                };
                (chosen, pair_len)
            })
        })
}

/// [`t`] then [`fill`].
pub fn tf(lang: Lang, key: &str, values: &[&str]) -> String {
    fill(t(lang, key), values)
}

/// Every key with its text in `lang`, for the shell.
pub fn catalog(lang: Lang) -> Vec<(&'static str, &'static str)> {
    MESSAGES
        .iter()
        .map(|(k, texts)| (*k, texts[lang.index()]))
        .collect()
}

/// A whole number with the digit grouping of `lang`: `11,000` in English and Korean,
/// `11 000` (with a narrow no-break space) in Ukrainian and Russian.
pub fn format_number(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let sep = match lang {
        Lang::En | Lang::Ko => ",",
        Lang::Uk | Lang::Ru => "\u{202f}",
    };
    let n = v.round().abs() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if v.round() < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_UK: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A day as `lang` writes a date: `20 October 2024`, `2024년 10월 20일`, `20 жовтня 2024`,
/// `20 октября 2024`.
pub fn format_date(day: Day, lang: Lang) -> String {
    let Some(d) = date_of(day) else {
        return String::new();
    };
    let (y, m, dd) = (d.year(), d.month0() as usize, d.day());
    match lang {
        Lang::En => format!("{dd} {} {y}", MONTHS_EN[m]),
        Lang::Ko => format!("{y}년 {}월 {dd}일", m + 1),
        Lang::Uk => format!("{dd} {} {y}", MONTHS_UK[m]),
        Lang::Ru => format!("{dd} {} {y}", MONTHS_RU[m]),
    }
}

/// Month names standing alone ("October 2024"), where Ukrainian and Russian use the nominative.
const MONTHS_ALONE_UK: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];
const MONTHS_ALONE_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// A date as precise as its source, as `lang` writes it: a day (`20 October 2024`), a month
/// (`October 2024`, `2024년 10월`, `жовтень 2024`), a season (`autumn 2023`), a quarter
/// (`Q3 2024`, `2024년 3분기`, `III квартал 2024`), a half (`first half of 2024`) or a year.
pub fn format_date_spec(spec: &DateSpec, lang: Lang) -> String {
    if date_of(spec.first()).is_none() {
        return spec.as_str().to_string();
    }
    format_when(spec.first(), spec.precision(), lang)
}

/// A date given by its first day and its precision, as [`format_date_spec`] writes it.
pub fn format_when(first_day: Day, precision: DatePrecision, lang: Lang) -> String {
    let Some(first) = date_of(first_day) else {
        return String::new();
    };
    let (y, m) = (first.year(), first.month0() as usize);
    match precision {
        DatePrecision::Day => format_date(first_day, lang),
        DatePrecision::Month => match lang {
            Lang::En => format!("{} {y}", MONTHS_EN[m]),
            Lang::Ko => format!("{y}년 {}월", m + 1),
            Lang::Uk => format!("{} {y}", MONTHS_ALONE_UK[m]),
            Lang::Ru => format!("{} {y}", MONTHS_ALONE_RU[m]),
        },
        DatePrecision::Season => {
            // Seasons start in March, June, September and December (months 2, 5, 8, 11 from 0).
            let k = m / 3;
            let names = match lang {
                Lang::En => ["spring", "summer", "autumn", "winter"],
                Lang::Ko => ["봄", "여름", "가을", "겨울"],
                Lang::Uk => ["весна", "літо", "осінь", "зима"],
                Lang::Ru => ["весна", "лето", "осень", "зима"],
            };
            match lang {
                Lang::Ko => format!("{y}년 {}", names[k]),
                _ => format!("{} {y}", names[k]),
            }
        }
        DatePrecision::Quarter => {
            let q = m / 3;
            match lang {
                Lang::En => format!("Q{} {y}", q + 1),
                Lang::Ko => format!("{y}년 {}분기", q + 1),
                Lang::Uk | Lang::Ru => format!("{} квартал {y}", ROMAN[q]),
            }
        }
        DatePrecision::Half => {
            let h = usize::from(m >= 6);
            match lang {
                Lang::En => format!("{} half of {y}", ["first", "second"][h]),
                Lang::Ko => format!("{y}년 {}", ["상반기", "하반기"][h]),
                Lang::Uk => format!("{} півріччя {y}", ["перше", "друге"][h]),
                Lang::Ru => format!("{} полугодие {y}", ["первое", "второе"][h]),
            }
        }
        DatePrecision::Year => match lang {
            Lang::Ko => format!("{y}년"),
            _ => y.to_string(),
        },
    }
}

/// A period as `lang` writes it: one date when it starts and ends on the same date, else
/// "START to END" ("START – END" in Ukrainian and Russian, which keeps each date in the
/// nominative).
pub fn format_period(period: &Period, lang: Lang) -> String {
    let start = format_date_spec(&period.start, lang);
    if period.start == period.end {
        return start;
    }
    tf(
        lang,
        "period_to",
        &[&start, &format_date_spec(&period.end, lang)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_day;

    #[test]
    fn no_key_is_missing_or_empty_in_any_language() {
        let mut seen = std::collections::HashSet::new();
        for (key, texts) in MESSAGES {
            assert!(seen.insert(key), "key {key} is defined twice");
            for (lang, text) in [Lang::En, Lang::Ko, Lang::Uk, Lang::Ru].iter().zip(texts) {
                assert!(!text.trim().is_empty(), "{key} is empty in {}", lang.code());
                let holes = |s: &str| s.matches("{}").count();
                assert_eq!(
                    holes(text),
                    holes(texts[0]),
                    "{key} in {} has another number of values",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn numbers_are_grouped_the_way_each_language_groups_them() {
        assert_eq!(format_number(11000.0, Lang::En), "11,000");
        assert_eq!(format_number(9_000_000.0, Lang::Ko), "9,000,000");
        assert_eq!(format_number(11000.0, Lang::Uk), "11\u{202f}000");
        assert_eq!(format_number(6700.4, Lang::Ru), "6\u{202f}700");
    }

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let day = parse_day("2024-10-20").unwrap();
        assert_eq!(format_date(day, Lang::En), "20 October 2024");
        assert_eq!(format_date(day, Lang::Ko), "2024년 10월 20일");
        assert_eq!(format_date(day, Lang::Uk), "20 жовтня 2024");
        assert_eq!(format_date(day, Lang::Ru), "20 октября 2024");
    }

    #[test]
    fn dates_as_precise_as_their_source_are_written_in_each_language() {
        let spec = |s: &str| s.parse::<DateSpec>().unwrap();
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::En), "October 2024");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Ko), "2024년 10월");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Uk), "жовтень 2024");
        assert_eq!(format_date_spec(&spec("2024-10"), Lang::Ru), "октябрь 2024");
        assert_eq!(
            format_date_spec(&spec("2023-fall"), Lang::En),
            "autumn 2023"
        );
        assert_eq!(
            format_date_spec(&spec("2023-winter"), Lang::Ko),
            "2023년 겨울"
        );
        assert_eq!(
            format_date_spec(&spec("2024-Q3"), Lang::Ru),
            "III квартал 2024"
        );
        assert_eq!(
            format_date_spec(&spec("2024-H2"), Lang::Uk),
            "друге півріччя 2024"
        );
        assert_eq!(format_date_spec(&spec("2024"), Lang::Ko), "2024년");
    }

    #[test]
    fn a_period_is_one_date_or_a_range_in_the_readers_words() {
        let period = |s: &str| s.parse::<Period>().unwrap();
        assert_eq!(
            format_period(&period("2023-08/2024-02-27"), Lang::En),
            "August 2023 to 27 February 2024"
        );
        assert_eq!(
            format_period(&period("2023-08/2024-02-27"), Lang::Ru),
            "август 2023 – 27 февраля 2024"
        );
        assert_eq!(
            format_period(&period("2024-10-13"), Lang::Ko),
            "2024년 10월 13일"
        );
    }

    #[test]
    fn a_korean_particle_follows_the_last_sound_of_the_name_it_is_attached_to() {
        let said = |name: &str| tf(Lang::Ko, "destination_inferred", &[name]);
        assert_eq!(
            said("쿠르스크"),
            "목적지 추정: 출처는 쿠르스크를 밝히지 않음"
        );
        assert_eq!(
            said("돈바스(러시아 점령, 우크라이나)"),
            "목적지 추정: 출처는 돈바스(러시아 점령, 우크라이나)를 밝히지 않음"
        );
        assert_eq!(
            said("블라디보스토크"),
            "목적지 추정: 출처는 블라디보스토크를 밝히지 않음"
        );
        assert_eq!(said("평양"), "목적지 추정: 출처는 평양을 밝히지 않음");
        assert_eq!(fill("{}으로(로) 간다", &["서울"]), "서울로 간다");
        assert_eq!(fill("{}으로(로) 간다", &["평양"]), "평양으로 간다");
        assert_eq!(fill("{}이(가) 있다", &["3"]), "3이 있다");
        assert_eq!(fill("{}이(가) 있다", &["2"]), "2가 있다");
        for (_, texts) in MESSAGES {
            for (a, b) in PARTICLES {
                assert!(
                    !fill(texts[1], &["평양", "평양", "평양", "평양"])
                        .contains(&format!("{a}({b})")),
                    "{}",
                    texts[1]
                );
            }
        }
    }

    #[test]
    fn a_template_is_filled_in_order_and_a_missing_key_shows_itself() {
        assert_eq!(tf(Lang::En, "range_to", &["1", "2"]), "1 to 2");
        assert_eq!(t(Lang::Ko, "no-such-key"), "no-such-key");
        assert_eq!(Lang::from_code("uk-UA"), Lang::Uk);
        assert_eq!(Lang::from_code("de"), Lang::En);
    }
}
