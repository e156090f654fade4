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
