//! The words of the authoring page (`www/new.html`, where a reporter reads their own files into
//! a story) in English, Korean, Ukrainian and Russian.
//!
//! A table apart from the map's (`flowlines_core::i18n::MESSAGES`), kept in this crate, so that
//! only the authoring module carries it and the map module's catalog does not grow with a page
//! its readers never open. Same form: a key holds all four languages at once, `{}` marks where
//! a value goes (filled in order by the shell's `Words.t`), and a test checks that none is
//! empty or lacks a value.

use flowlines_core::i18n::Lang;

/// Every key with its text in English, Korean, Ukrainian and Russian, in that order.
pub const AUTHORING_MESSAGES: &[(&str, [&str; 4])] = &[
    ("page_title", [
        "Map your own flows",
        "내 흐름 데이터로 지도 만들기",
        "Карта ваших власних потоків",
        "Карта ваших собственных потоков",
    ]),
    ("intro", [
        "Drop the files of a story here: a folder of flow sheets as FlowmapBlue keeps them (flows.csv, with locations.csv or a .geojson of places), a folder of our CSV tables, or a story's .json file. They are read in this page: nothing leaves your browser.",
        "이야기의 파일을 여기에 놓으세요: FlowmapBlue 방식의 흐름 시트 폴더(flows.csv와 locations.csv 또는 장소 .geojson), 우리 CSV 표 폴더, 또는 이야기의 .json 파일. 파일은 이 페이지 안에서 읽히며 브라우저 밖으로 나가지 않습니다.",
        "Перетягніть сюди файли історії: теку таблиць потоків, як їх веде FlowmapBlue (flows.csv разом із locations.csv або .geojson місць), теку наших таблиць CSV або файл історії .json. Їх прочитає ця сторінка: ніщо не залишає ваш браузер.",
        "Перетащите сюда файлы истории: папку таблиц потоков, как их ведёт FlowmapBlue (flows.csv вместе с locations.csv или .geojson мест), папку наших таблиц CSV или файл истории .json. Их прочитает эта страница: ничто не покидает ваш браузер.",
    ]),
    ("drop_here", [
        "Drop files or a folder here",
        "파일이나 폴더를 여기에 놓으세요",
        "Перетягніть сюди файли або теку",
        "Перетащите сюда файлы или папку",
    ]),
    ("choose_files", ["Choose files", "파일 선택", "Вибрати файли", "Выбрать файлы"]),
    ("choose_folder", ["Choose a folder", "폴더 선택", "Вибрати теку", "Выбрать папку"]),
    ("settings_legend", [
        "What the sheets do not say",
        "시트에 없는 정보",
        "Чого не кажуть таблиці",
        "Чего не говорят таблицы",
    ]),
    ("settings_help", [
        "For flow sheets; each wins over the folder's story.csv. Left empty, the defaults of docs/formats.md apply.",
        "흐름 시트에 적용되며 폴더의 story.csv보다 우선합니다. 비워 두면 docs/formats.md의 기본값이 쓰입니다.",
        "Для таблиць потоків; кожне поле переважає story.csv теки. Порожні поля беруть типові значення з docs/formats.md.",
        "Для таблиц потоков; каждое поле важнее story.csv папки. Пустые поля берут значения по умолчанию из docs/formats.md.",
    ]),
    ("field_title", ["Title", "제목", "Заголовок", "Заголовок"]),
    ("field_category", ["What moves", "이동하는 것", "Що рухається", "Что движется"]),
    ("field_unit", ["Unit, plural", "단위", "Одиниця (множина)", "Единица (множественное число)"]),
    ("field_confidence", ["How sure the counts are", "수치의 확실성", "Наскільки певні числа", "Насколько надёжны числа"]),
    ("field_period", [
        "Period every count covers, when flows.csv has no time column (2024, or 2024-01/2024-06)",
        "flows.csv에 time 열이 없을 때 모든 수치가 해당하는 기간(2024 또는 2024-01/2024-06)",
        "Період, який охоплює кожне число, коли flows.csv не має стовпця time (2024 або 2024-01/2024-06)",
        "Период, который охватывает каждое число, когда в flows.csv нет столбца time (2024 или 2024-01/2024-06)",
    ]),
    ("confidence_unset", [
        "as the sheets say (claimed if they do not)",
        "시트에 따름(없으면 주장)",
        "як у таблицях (інакше — заявлено)",
        "как в таблицах (иначе — заявлено)",
    ]),
    ("confidence_confirmed", ["confirmed", "확인됨", "підтверджено", "подтверждено"]),
    ("confidence_reported", ["reported", "보도됨", "повідомлено", "сообщается"]),
    ("confidence_claimed", ["claimed", "주장", "заявлено", "заявлено"]),
    ("confidence_proposed", ["proposed", "제안됨", "запропоновано", "предложено"]),
    ("reading", ["Reading {} files…", "파일 {}개를 읽는 중…", "Читаю файли: {}…", "Читаю файлы: {}…"]),
    ("form_flow_sheets", ["flow sheets", "흐름 시트", "таблиці потоків", "таблицы потоков"]),
    ("form_json", ["a JSON story", "JSON 이야기", "історія JSON", "история JSON"]),
    ("form_csv_tables", ["CSV tables", "CSV 표", "таблиці CSV", "таблицы CSV"]),
    ("read_ok", [
        "Read as {}: {} · places: {}, flows: {}, figures: {}.",
        "읽은 형식: {} · {} · 장소 {}, 흐름 {}, 수치 {}.",
        "Прочитано як {}: {} · місць: {}, потоків: {}, чисел: {}.",
        "Прочитано как {}: {} · мест: {}, потоков: {}, чисел: {}.",
    ]),
    ("problems_heading", [
        "The story does not read. Problems: {}",
        "이야기를 읽을 수 없습니다. 문제: {}",
        "Історію не прочитано. Проблем: {}",
        "Историю не удалось прочитать. Проблем: {}",
    ]),
    ("ignored", ["Not read: {}", "읽지 않은 파일: {}", "Не прочитано: {}", "Не прочитано: {}"]),
    ("download_story", [
        "Download story (JSON)",
        "이야기 내려받기(JSON)",
        "Завантажити історію (JSON)",
        "Скачать историю (JSON)",
    ]),
    ("download_help", [
        "The story in our JSON, to publish with the embed (docs/data-format.md).",
        "임베드로 게시할 수 있는 우리 JSON 형식의 이야기(docs/data-format.md).",
        "Історія в нашому JSON, щоб опублікувати її з вбудованою картою (docs/data-format.md).",
        "История в нашем JSON, чтобы опубликовать её со встроенной картой (docs/data-format.md).",
    ]),
];

/// Every key with its text in `lang`, for the authoring page's shell.
pub fn authoring_catalog(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let i = match lang {
        Lang::En => 0,
        Lang::Ko => 1,
        Lang::Uk => 2,
        Lang::Ru => 3,
    };
    AUTHORING_MESSAGES
        .iter()
        .map(|(k, texts)| (*k, texts[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_missing_or_empty_in_any_language_or_lacks_a_value() {
        let mut seen = std::collections::HashSet::new();
        for (key, texts) in AUTHORING_MESSAGES {
            assert!(seen.insert(key), "key {key} is defined twice");
            for text in texts {
                assert!(!text.trim().is_empty(), "{key} has an empty text");
                assert_eq!(
                    text.matches("{}").count(),
                    texts[0].matches("{}").count(),
                    "{key}: '{text}' has another number of values"
                );
            }
        }
    }

    #[test]
    fn each_language_has_every_key_in_its_own_words() {
        let en = authoring_catalog(Lang::En);
        let ko = authoring_catalog(Lang::Ko);
        assert_eq!(en.len(), AUTHORING_MESSAGES.len());
        assert_eq!(ko.len(), en.len());
        assert!(ko
            .iter()
            .any(|(k, v)| *k == "choose_folder" && *v == "폴더 선택"));
    }
}
