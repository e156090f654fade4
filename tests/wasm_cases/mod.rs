//! wasm-bindgen tests of the JavaScript API, shared by `wasm_node.rs` (Node) and
//! `wasm_browser.rs` (headless Chromium): they call `polso::wasm` as the generated glue does and
//! look at the JS values it returns.

use js_sys::{Array, JsString, Reflect};
use polso::wasm::{js_score, js_score_batch, Analyzer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("Reflect.get")
}

fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn string(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn options(json: &str) -> Option<JsValue> {
    Some(js_sys::JSON::parse(json).expect("valid JSON"))
}

/// The message of the JS Error a call threw.
fn message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let error: JsValue = result.err().expect("the call should fail").into();
    let error: js_sys::Error = error.dyn_into().expect("a JS Error");
    String::from(error.message())
}

#[wasm_bindgen_test]
fn score_returns_a_plain_object_with_camel_case_fields() {
    let r = js_score("What a great day, thank you!".into(), None).unwrap();
    assert!(num(&r, "compound") > 0.5);
    assert_eq!(string(&r, "label"), "pos");
    assert_eq!(string(&r, "lang"), "en");
    let confidence = num(&r, "langConfidence");
    assert!((0.0..=1.0).contains(&confidence));
    let shares = num(&r, "pos") + num(&r, "neu") + num(&r, "neg");
    assert!(
        (shares - 1.0).abs() < 1e-6,
        "shares add up to 1, got {shares}"
    );
    assert!(
        get(&r, "tokens").is_undefined(),
        "no explanation unless asked"
    );
    let signals = get(&r, "signals");
    assert!(num(&signals, "politeness") > 0.0, "thanks is polite");
    assert_eq!(get(&signals, "insult").as_bool(), Some(false));
    assert!(get(&signals, "cues").is_undefined());
    // A plain object, not a Map or a class instance.
    assert_eq!(
        js_sys::Object::get_prototype_of(&r),
        js_sys::Object::get_prototype_of(&js_sys::Object::new().into())
    );
}

#[wasm_bindgen_test]
fn spans_are_utf16_offsets_that_slice_back_to_the_token() {
    let text = "😍😍 I love it, this is AMAZING!!";
    let r = js_score(text.into(), options(r#"{"explain": true}"#)).unwrap();
    let tokens: Array = get(&r, "tokens").dyn_into().expect("tokens is an array");
    assert!(tokens.length() >= 2);
    let js_text = JsString::from(text);
    for token in tokens.iter() {
        let span = get(&token, "span");
        let (start, end) = (num(&span, "start") as u32, num(&span, "end") as u32);
        let sliced = String::from(js_text.slice(start, end));
        assert_eq!(sliced, string(&token, "text"), "span {start}..{end}");
        assert!(Array::is_array(&get(&token, "rules")));
    }
}

#[wasm_bindgen_test]
fn italian_weights_reach_javascript_under_their_typed_names() {
    let r = js_score(
        "È bello? Servizio orribile.".into(),
        options(r#"{"lang": "it", "explain": true}"#),
    )
    .unwrap();
    let tokens: Array = get(&r, "tokens").dyn_into().expect("tokens is an array");
    let rules_of = |word: &str| -> (JsValue, Vec<String>) {
        let token = tokens
            .iter()
            .find(|t| string(t, "text") == word)
            .unwrap_or_else(|| panic!("{word} explained"));
        let rules: Array = get(&token, "rules").dyn_into().expect("rules is an array");
        let names = rules.iter().filter_map(|r| r.as_string()).collect();
        (token, names)
    };
    let (bello, rules) = rules_of("bello");
    assert_eq!(rules, ["asked"]);
    assert_eq!(num(&bello, "valence"), 0.0);
    assert!(num(&bello, "base") > 0.0);
    let (orribile, rules) = rules_of("orribile");
    assert_eq!(rules, ["negativityBias"]);
    assert!(num(&orribile, "valence") < num(&orribile, "base"));
}

#[wasm_bindgen_test]
fn signals_flag_an_insult_aimed_at_someone_with_its_cues() {
    let text = "Sei proprio un idiota 😡";
    let r = js_score(text.into(), options(r#"{"explain": true}"#)).unwrap();
    let signals = get(&r, "signals");
    assert_eq!(get(&signals, "insult").as_bool(), Some(true));
    assert_eq!(get(&signals, "targeted").as_bool(), Some(true));
    let cues: Array = get(&signals, "cues").dyn_into().unwrap();
    let js_text = JsString::from(text);
    let insult = cues
        .iter()
        .find(|c| string(c, "cue") == "insult")
        .expect("an insult cue");
    let span = get(&insult, "span");
    let sliced = String::from(js_text.slice(num(&span, "start") as u32, num(&span, "end") as u32));
    assert_eq!(sliced, "idiota");
}

#[wasm_bindgen_test]
fn batch_is_one_result_per_text_in_order() {
    let texts = Array::of3(
        &"I love it".into(),
        &"This is awful".into(),
        &"The meeting is at noon".into(),
    );
    let results: Array = js_score_batch(texts.into(), None)
        .unwrap()
        .dyn_into()
        .unwrap();
    let labels: Vec<String> = results.iter().map(|r| string(&r, "label")).collect();
    assert_eq!(labels, ["pos", "neg", "neu"]);
    let empty: Array = js_score_batch(Array::new().into(), None)
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(empty.length(), 0);
}

#[wasm_bindgen_test]
fn the_packed_batch_holds_what_score_returns_text_by_text() {
    use polso::wasm::{js_score_packed, PACKED_STRIDE};
    let texts = [
        "I love it",
        "",
        "Sei proprio un idiota 😡",
        "ok 👍🏽 thanks",
        "Why?",
    ];
    let lengths: Vec<u32> = texts
        .iter()
        .map(|t| t.encode_utf16().count() as u32)
        .collect();
    let packed = js_score_packed(&texts.concat(), &lengths, None, "test").unwrap();
    assert_eq!(packed.len(), texts.len() * PACKED_STRIDE);
    for (text, row) in texts.iter().zip(packed.chunks(PACKED_STRIDE)) {
        let r = js_score((*text).into(), None).unwrap();
        let signals = get(&r, "signals");
        let numbers = [
            num(&r, "compound"),
            num(&r, "pos"),
            num(&r, "neu"),
            num(&r, "neg"),
            num(&r, "langConfidence"),
            num(&signals, "hostility"),
            num(&signals, "directness"),
            num(&signals, "politeness"),
            num(&signals, "shouting"),
        ];
        assert_eq!(row[..9], numbers, "{text}");
        let flags = row[9] as u32;
        assert_eq!(
            ["pos", "neu", "neg"][(flags & 3) as usize],
            string(&r, "label")
        );
        assert_eq!(
            ["und", "it", "en"][(flags >> 2 & 3) as usize],
            string(&r, "lang")
        );
        for (bit, name) in [
            "insult",
            "targeted",
            "profanity",
            "question",
            "request",
            "complaint",
        ]
        .iter()
        .enumerate()
        {
            assert_eq!(
                flags >> (4 + bit) & 1 == 1,
                get(&signals, name).as_bool().unwrap(),
                "{text}: {name}"
            );
        }
    }
    let refused = js_score_packed("x", &[1], options(r#"{"explain": true}"#), "scoreBatch");
    assert!(message(refused.map(|_| JsValue::NULL)).contains("cannot explain"));
}

#[wasm_bindgen_test]
fn options_lang_forces_the_language() {
    let r = js_score("ok".into(), options(r#"{"lang": "it"}"#)).unwrap();
    assert_eq!(string(&r, "lang"), "it");
    assert_eq!(num(&r, "langConfidence"), 1.0);
    let r = js_score(
        "ok".into(),
        options(r#"{"lang": "auto", "explain": false}"#),
    )
    .unwrap();
    assert!(get(&r, "tokens").is_undefined());
    // null and undefined mean "no options"
    assert!(js_score("ok".into(), Some(JsValue::NULL)).is_ok());
    assert!(js_score("ok".into(), Some(JsValue::UNDEFINED)).is_ok());
}

#[wasm_bindgen_test]
fn errors_say_what_is_wrong_and_where() {
    let texts = Array::of3(&"fine".into(), &"also fine".into(), &JsValue::from(42));
    let m = message(js_score_batch(texts.into(), None));
    assert!(m.contains("texts[2]") && m.contains("number"), "{m}");

    let m = message(js_score_batch("not an array".into(), None));
    assert!(
        m.contains("array of strings") && m.contains("string"),
        "{m}"
    );

    let m = message(js_score(JsValue::UNDEFINED, None));
    assert!(
        m.contains("text must be a string") && m.contains("undefined"),
        "{m}"
    );

    let m = message(js_score("x".into(), options(r#"{"explian": true}"#)));
    assert!(m.contains("\"explian\""), "{m}");

    let m = message(js_score("x".into(), options(r#"{"lang": "fr"}"#)));
    assert!(m.contains("options.lang") && m.contains("\"fr\""), "{m}");

    let m = message(js_score("x".into(), options(r#"{"explain": "yes"}"#)));
    assert!(m.contains("options.explain"), "{m}");

    let m = message(js_score("x".into(), Some(JsValue::from(3))));
    assert!(m.contains("options must be an object"), "{m}");
}

#[wasm_bindgen_test]
fn analyzer_keeps_its_options() {
    let analyzer = Analyzer::new(options(r#"{"lang": "en", "explain": true}"#)).unwrap();
    let r = analyzer.score("not bad at all".into()).unwrap();
    assert_eq!(string(&r, "lang"), "en");
    assert!(Array::is_array(&get(&r, "tokens")));
    let batch: Array = analyzer
        .score_batch(Array::of2(&"good".into(), &"bad".into()).into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(batch.length(), 2);
    let m = message(analyzer.score_batch(Array::of1(&JsValue::NULL).into()));
    assert!(m.contains("texts[0]") && m.contains("null"), "{m}");
}

#[wasm_bindgen_test]
fn odd_input_never_panics() {
    let long = "no ".repeat(20_000);
    for text in [
        "",
        " ",
        "\u{0}",
        "!!!???",
        "\u{200D}\u{FE0F}",
        "👨‍👩‍👧‍👦🇮🇹1️⃣",
        "&amp;&#x1F600;",
        "ÀÈÌÒÙ perche' xké nn",
        long.as_str(),
    ] {
        let r = js_score(text.into(), options(r#"{"explain": true}"#)).unwrap();
        assert!(num(&r, "compound").abs() <= 1.0);
    }
}

#[cfg(feature = "thread")]
fn thread_comments() -> JsValue {
    js_sys::JSON::parse(
        r#"[
        {"id": "1", "author": "anna", "time": "2024-05-01T10:00:00Z", "text": "Come faccio a esportare i dati in CSV?"},
        {"id": 2, "parentId": "1", "author": "marco", "time": "2024-05-01T10:12:00Z", "text": "Ciao! Da Impostazioni > Esporta. Spero sia utile"},
        {"id": "3", "parentId": 2, "author": "anna", "time": 1714558800000, "text": "Grazie mille, funziona!", "reactions": 3},
        {"id": "4", "parentId": "99", "author": "luca", "text": "E per il PDF?"}
    ]"#,
    )
    .unwrap()
}

#[cfg(feature = "thread")]
#[wasm_bindgen_test]
fn analyze_thread_returns_the_report_as_plain_objects() {
    use polso::wasm::js_analyze_thread;
    let report = js_analyze_thread(thread_comments(), None).unwrap();
    assert_eq!(num(&report, "comments"), 4.0);
    assert_eq!(num(&report, "participants"), 3.0);
    let responsiveness = get(&report, "responsiveness");
    assert_eq!(num(&responsiveness, "firstResponseMinutes"), 12.0);
    let tension = get(&report, "tension");
    assert_eq!(string(&tension, "band"), "calm");
    assert!(Array::is_array(&get(&tension, "components")));
    // The orphan reply is a warning that names it, not an error.
    let warnings: Array = get(&report, "warnings").dyn_into().unwrap();
    assert!(warnings
        .iter()
        .any(|w| string(&w, "kind") == "missingParent" && string(&w, "id") == "4"));
    // Maps are plain objects, absent values null (as in the CLI's JSON).
    let counts = get(&report, "warningCounts");
    assert!(!counts.is_instance_of::<js_sys::Map>());
    assert!(num(&counts, "missingParent") >= 1.0);
    assert!(get(&responsiveness, "slaMinutes").is_null());
}

#[cfg(feature = "thread")]
#[wasm_bindgen_test]
fn open_thread_takes_comments_as_they_arrive() {
    use polso::wasm::OpenThread;
    let mut thread = OpenThread::new(options(r#"{"slaMinutes": 30, "staff": ["marco"]}"#)).unwrap();
    let all: Array = thread_comments().dyn_into().unwrap();
    assert_eq!(thread.add(all.slice(2, 4).into()).unwrap(), 2); // replies first
    assert_eq!(thread.add(all.get(0)).unwrap(), 1); // one object is fine too
    assert_eq!(thread.add(all.slice(1, 2).into()).unwrap(), 1);
    assert_eq!(thread.add(all.slice(0, 1).into()).unwrap(), 0); // duplicate: refused, reported
    assert_eq!(thread.length(), 4);
    let report = thread.report().unwrap();
    assert_eq!(num(&report, "comments"), 4.0);
    let people = get(&report, "people");
    let staff: Array = get(&people, "staff").dyn_into().unwrap();
    assert_eq!(staff.get(0).as_string().as_deref(), Some("marco"));
    let warnings: Array = get(&report, "warnings").dyn_into().unwrap();
    assert!(warnings.iter().any(|w| string(&w, "kind") == "duplicateId"));
}

#[cfg(feature = "thread")]
#[wasm_bindgen_test]
fn thread_errors_name_the_comment_and_the_field() {
    use polso::wasm::{js_analyze_thread, OpenThread};
    let bad =
        js_sys::JSON::parse(r#"[{"id": "a", "text": "ok"}, {"id": "b7", "text": 42}]"#).unwrap();
    let m = message(js_analyze_thread(bad, None));
    assert!(
        m.contains("comments[1]") && m.contains("\"b7\"") && m.contains("text must be a string"),
        "{m}"
    );

    let bad = js_sys::JSON::parse(r#"[{"id": "c1", "text": "ok", "reactions": "lots"}]"#).unwrap();
    let m = message(js_analyze_thread(bad, None));
    assert!(m.contains("comments[0]") && m.contains("\"c1\""), "{m}");

    let m = message(js_analyze_thread(JsValue::from_str("nope"), None));
    assert!(m.contains("expects an array of comments"), "{m}");

    let m = message(js_analyze_thread(
        Array::of1(&JsValue::from(5)).into(),
        None,
    ));
    assert!(m.contains("comments[0] must be an object"), "{m}");

    let m = message(js_analyze_thread(
        Array::new().into(),
        options(r#"{"sla": 5}"#),
    ));
    assert!(
        m.contains("unknown option \"sla\"") && m.contains("slaMinutes"),
        "{m}"
    );

    let m = message(js_analyze_thread(
        Array::new().into(),
        options(r#"{"now": "yesterday"}"#),
    ));
    assert!(m.contains("options.now"), "{m}");

    let m = message(js_analyze_thread(
        Array::new().into(),
        options(r#"{"window": 0}"#),
    ));
    assert!(m.contains("options.window"), "{m}");

    // A bad comment leaves an open thread unchanged.
    let mut thread = OpenThread::new(None).unwrap();
    let mixed = js_sys::JSON::parse(
        r#"[{"id": "ok", "text": "fine"}, {"id": "bad", "text": null, "parentId": true}, 7]"#,
    )
    .unwrap();
    assert!(thread.add(mixed).is_err());
    assert_eq!(thread.length(), 0);
}

#[cfg(feature = "thread")]
#[wasm_bindgen_test]
fn comments_are_read_under_every_name_the_cli_accepts() {
    use polso::wasm::js_analyze_thread;
    let comments = js_sys::JSON::parse(
        r#"[
        {"id": 1, "user": "anna", "ts": "2024-05-01T10:00:00Z", "body": "Come si esporta in CSV?"},
        {"id": 2, "parent_id": 1, "username": "marco", "created_at": 1714558320000, "text": "Da Impostazioni",
         "reactions": {"up": 4, "down": 1}, "is_staff": true},
        {"id": 3, "parent": 2, "author": "anna", "timestamp": "2024-05-01T10:20:00Z", "text": "Grazie!", "reactions": [2, 0]}
    ]"#,
    )
    .unwrap();
    let report = js_analyze_thread(comments, None).unwrap();
    assert_eq!(num(&report, "comments"), 3.0);
    let responsiveness = get(&report, "responsiveness");
    assert_eq!(num(&responsiveness, "firstResponseMinutes"), 12.0);
    let warnings: Array = get(&report, "warnings").dyn_into().unwrap();
    assert_eq!(
        warnings.length(),
        0,
        "every parent, author and time was found"
    );
    let staff: Array = get(&get(&report, "people"), "staff").dyn_into().unwrap();
    assert_eq!(staff.get(0).as_string().as_deref(), Some("marco"));

    let twice =
        js_sys::JSON::parse(r#"[{"id": "d1", "parentId": "x", "parent": "y", "text": "hi"}]"#)
            .unwrap();
    let m = message(js_analyze_thread(twice, None));
    assert!(
        m.contains("\"d1\"") && m.contains("parentId is given twice"),
        "{m}"
    );
    let fractional =
        js_sys::JSON::parse(r#"[{"id": "r1", "text": "hi", "reactions": {"up": 1.5}}]"#).unwrap();
    let m = message(js_analyze_thread(fractional, None));
    assert!(
        m.contains("\"r1\"") && m.contains("reactions must be"),
        "{m}"
    );
}

#[cfg(feature = "thread")]
#[wasm_bindgen_test]
fn an_empty_thread_has_a_report() {
    let report = polso::wasm::js_analyze_thread(Array::new().into(), None).unwrap();
    assert_eq!(num(&report, "comments"), 0.0);
    assert!(get(&report, "firstTime").is_null());
}
