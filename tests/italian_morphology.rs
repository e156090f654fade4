//! Tests for the Italian inflection (`src/lexicon/italian_morphology.rs`): forms a native
//! speaker would check, and a sanity pass over every lemma in `lexicons/it/lemmas.tsv`.

#[path = "../src/lexicon/italian_morphology.rs"]
#[allow(dead_code)]
mod italian_morphology;

use italian_morphology::inflect;
use std::collections::{BTreeMap, HashSet};

fn forms(lemma: &str, pos: &str) -> Vec<(String, &'static str)> {
    match inflect(lemma, pos) {
        Ok(v) => v.into_iter().map(|i| (i.form, i.tag)).collect(),
        Err(e) => panic!("{lemma} ({pos}) failed: {e}"),
    }
}

/// Asserts that `lemma` yields each of `expected` (form, tag) pairs.
fn has(lemma: &str, pos: &str, expected: &[(&str, &str)]) {
    let got = forms(lemma, pos);
    for (form, tag) in expected {
        assert!(
            got.iter().any(|(f, t)| f == form && t == tag),
            "{lemma} ({pos}): expected {form:?} tagged {tag:?}, got {got:?}"
        );
    }
}

/// Asserts that `lemma` does not yield any of `wrong`.
fn lacks(lemma: &str, pos: &str, wrong: &[&str]) {
    let got = forms(lemma, pos);
    for w in wrong {
        assert!(
            !got.iter().any(|(f, _)| f == w),
            "{lemma} ({pos}) must not yield {w:?}: {got:?}"
        );
    }
}

#[test]
fn lemma_comes_first() {
    for (lemma, pos) in [
        ("bello", "adj"),
        ("disastro", "noun"),
        ("odiare", "verb"),
        ("evviva", "interj"),
    ] {
        let got = forms(lemma, pos);
        assert_eq!(got[0], (lemma.to_string(), "lemma"));
    }
}

#[test]
fn adjectives_in_o() {
    has(
        "bello",
        "adj",
        &[
            ("bella", "feminine"),
            ("belli", "plural"),
            ("belle", "feminine plural"),
            ("bellissimo", "superlative"),
            ("bellissime", "superlative"),
            ("bel", "apocope"),
            ("bei", "plural (before noun)"),
            ("begli", "plural (before noun)"),
        ],
    );
    lacks("bello", "adj", &["bellamente"]);
    has(
        "buono",
        "adj",
        &[("buon", "apocope"), ("buonissima", "superlative")],
    );
    has(
        "ottimo",
        "adj",
        &[("ottime", "feminine plural"), ("ottimamente", "adverb")],
    );
    lacks("ottimo", "adj", &["ottimissimo"]);
    has("vero", "adj", &[("veramente", "adverb")]);
}

#[test]
fn adjectives_in_co_and_go() {
    has(
        "magnifico",
        "adj",
        &[("magnifici", "plural"), ("magnifiche", "feminine plural")],
    );
    has(
        "fantastico",
        "adj",
        &[("fantastici", "plural"), ("fantasticamente", "adverb")],
    );
    has(
        "simpatico",
        "adj",
        &[("simpatici", "plural"), ("simpaticissima", "superlative")],
    );
    has(
        "antico",
        "adj",
        &[("antichi", "plural"), ("antiche", "feminine plural")],
    );
    has(
        "bianco",
        "adj",
        &[("bianchi", "plural"), ("bianchissimo", "superlative")],
    );
    has(
        "stanco",
        "adj",
        &[("stanchi", "plural"), ("stanchissima", "superlative")],
    );
    has(
        "fresco",
        "adj",
        &[("freschi", "plural"), ("fresche", "feminine plural")],
    );
    has(
        "ricco",
        "adj",
        &[("ricchi", "plural"), ("ricchissimi", "superlative")],
    );
    has("fico", "adj", &[("fichi", "plural"), ("fica", "feminine")]);
    has("maniaco", "adj", &[("maniaci", "plural")]);
    has("ubriaco", "adj", &[("ubriachi", "plural")]);
    has(
        "lungo",
        "adj",
        &[
            ("lunghi", "plural"),
            ("lunghe", "feminine plural"),
            ("lunghissimo", "superlative"),
        ],
    );
    has(
        "pazzesco",
        "adj",
        &[("pazzeschi", "plural"), ("pazzesche", "feminine plural")],
    );
    lacks("magnifico", "adj", &["magnifichi"]);
    lacks("antico", "adj", &["antici"]);
}

#[test]
fn adjectives_in_io_cio_gio() {
    has(
        "vario",
        "adj",
        &[("vari", "plural"), ("varie", "feminine plural")],
    );
    has(
        "serio",
        "adj",
        &[("seri", "plural"), ("serissimo", "superlative")],
    );
    has(
        "ampio",
        "adj",
        &[("ampi", "plural"), ("ampiamente", "adverb")],
    );
    // a filler adverb does not carry the adjective's sentiment
    lacks("serio", "adj", &["seriamente"]);
    has("pio", "adj", &[("pii", "plural")]);
    has(
        "grigio",
        "adj",
        &[("grigi", "plural"), ("grigie", "feminine plural")],
    );
    has(
        "malvagio",
        "adj",
        &[("malvagi", "plural"), ("malvagie", "feminine plural")],
    );
    has(
        "marcio",
        "adj",
        &[("marci", "plural"), ("marce", "feminine plural")],
    );
    has(
        "saggio",
        "adj",
        &[("saggi", "plural"), ("sagge", "feminine plural")],
    );
    lacks("vario", "adj", &["varii"]);
}

#[test]
fn adjectives_in_e_and_a() {
    has(
        "felice",
        "adj",
        &[
            ("felici", "plural"),
            ("felicissimo", "superlative"),
            ("felicemente", "adverb"),
        ],
    );
    has(
        "facile",
        "adj",
        &[
            ("facili", "plural"),
            ("facilmente", "adverb"),
            ("facilissime", "superlative"),
        ],
    );
    has("regolare", "adj", &[("regolarmente", "adverb")]);
    has(
        "orribile",
        "adj",
        &[("orribilmente", "adverb"), ("orribili", "plural")],
    );
    has("fedele", "adj", &[("fedelmente", "adverb")]);
    has("acre", "adj", &[("acremente", "adverb")]);
    // an adverb that is a booster in modifiers.tsv is not generated
    lacks("incredibile", "adj", &["incredibilmente"]);
    has("leggero", "adj", &[("leggermente", "adverb")]);
    lacks("leggero", "adj", &["leggeramente"]);
    has(
        "celebre",
        "adj",
        &[
            ("celeberrimo", "superlative"),
            ("celeberrime", "superlative"),
        ],
    );
    has(
        "egoista",
        "adj",
        &[("egoisti", "plural"), ("egoiste", "feminine plural")],
    );
    has(
        "ipocrita",
        "adj",
        &[("ipocriti", "plural"), ("ipocrite", "feminine plural")],
    );
}

#[test]
fn invariable_adjectives() {
    for lemma in ["blu", "pari", "super", "top", "cool", "rosa"] {
        assert_eq!(forms(lemma, "adj").len(), 1, "{lemma} should be invariable");
    }
}

#[test]
fn nouns() {
    has("disastro", "noun", &[("disastri", "plural")]);
    has("schifezza", "noun", &[("schifezze", "plural")]);
    has("dolore", "noun", &[("dolori", "plural")]);
    has("delusione", "noun", &[("delusioni", "plural")]);
    has("fatica", "noun", &[("fatiche", "plural")]);
    has("sfiga", "noun", &[("sfighe", "plural")]);
    has("bugia", "noun", &[("bugie", "plural")]);
    has("minaccia", "noun", &[("minacce", "plural")]);
    has("energia", "noun", &[("energie", "plural")]);
    has("nostalgia", "noun", &[("nostalgie", "plural")]);
    has("fastidio", "noun", &[("fastidi", "plural")]);
    has("problema", "noun", &[("problemi", "plural")]);
    has(
        "idiota",
        "noun",
        &[("idioti", "plural"), ("idiote", "feminine plural")],
    );
    has(
        "amico",
        "noun",
        &[
            ("amica", "feminine"),
            ("amici", "plural"),
            ("amiche", "feminine plural"),
        ],
    );
    has(
        "traditore",
        "noun",
        &[
            ("traditori", "plural"),
            ("traditrice", "feminine"),
            ("traditrici", "feminine plural"),
        ],
    );
    has(
        "cafone",
        "noun",
        &[("cafona", "feminine"), ("cafoni", "plural")],
    );
    has("tuttologo", "noun", &[("tuttologi", "plural")]);
    has("sfogo", "noun", &[("sfoghi", "plural")]);
    has("urlo", "noun", &[("urla", "plural"), ("urli", "plural")]);
    for lemma in ["felicità", "virtù", "crisi", "flop", "barbarie"] {
        assert_eq!(
            forms(lemma, "noun").len(),
            1,
            "{lemma} should be invariable"
        );
    }
    lacks("minaccia", "noun", &["minaccie"]);
}

#[test]
fn verbs_are() {
    has(
        "amare",
        "verb",
        &[
            ("amo", "present"),
            ("ama", "present"),
            ("amano", "present"),
            ("amavo", "imperfect"),
            ("amerò", "future"),
            ("amerei", "conditional"),
            ("amino", "subjunctive"),
            ("amasse", "imperfect subjunctive"),
            ("amò", "passato remoto"),
            ("amarono", "passato remoto"),
            ("amando", "gerund"),
            ("amato", "past participle"),
            ("amate", "present"),
            ("amar", "infinitive (clitic)"),
            ("amatissima", "superlative"),
        ],
    );
    has(
        "consigliare",
        "verb",
        &[
            ("consigliatissimo", "superlative"),
            ("consiglio", "present"),
        ],
    );
    has(
        "odiare",
        "verb",
        &[
            ("odio", "present"),
            ("odi", "present"),
            ("odiamo", "present"),
            ("odiano", "present"),
            ("odino", "subjunctive"),
            ("odierò", "future"),
            ("odiar", "infinitive (clitic)"),
        ],
    );
    lacks("odiare", "verb", &["odii", "odiiamo"]);
    has(
        "inviare",
        "verb",
        &[("invii", "present"), ("inviamo", "present")],
    );
    has(
        "cercare",
        "verb",
        &[
            ("cerchi", "present"),
            ("cerchiamo", "present"),
            ("cercherò", "future"),
            ("cercherebbe", "conditional"),
            ("cerchino", "subjunctive"),
            ("cercò", "passato remoto"),
        ],
    );
    has(
        "pagare",
        "verb",
        &[("paghi", "present"), ("pagherete", "future")],
    );
    has(
        "mangiare",
        "verb",
        &[
            ("mangi", "present"),
            ("mangiamo", "present"),
            ("mangerò", "future"),
            ("mangiando", "gerund"),
            ("mangiato", "past participle"),
        ],
    );
    lacks("mangiare", "verb", &["mangii", "mangierò"]);
    has("lasciare", "verb", &[("lascerà", "future")]);
    has(
        "sbagliare",
        "verb",
        &[("sbagli", "present"), ("sbaglierò", "future")],
    );
    has(
        "vergognarsi",
        "verb",
        &[
            ("vergognare", "infinitive"),
            ("vergognar", "infinitive (clitic)"),
            ("vergogno", "present"),
            ("vergognate", "present"),
        ],
    );
}

#[test]
fn verbs_ere() {
    has(
        "temere",
        "verb",
        &[
            ("temo", "present"),
            ("temono", "present"),
            ("tema", "subjunctive"),
            ("temerò", "future"),
            ("temé", "passato remoto"),
            ("temette", "passato remoto"),
            ("temuto", "past participle"),
            ("temendo", "gerund"),
            ("temer", "infinitive (clitic)"),
        ],
    );
    has(
        "deludere",
        "verb",
        &[
            ("deludo", "present"),
            ("delusi", "past participle"),
            ("deluse", "past participle"),
            ("delusero", "passato remoto"),
            ("deluso", "past participle"),
            ("deludesti", "passato remoto"),
        ],
    );
    has(
        "sorprendere",
        "verb",
        &[
            ("sorpreso", "past participle"),
            ("sorprese", "past participle"),
            ("sorprendesti", "passato remoto"),
        ],
    );
    has(
        "vincere",
        "verb",
        &[
            ("vinco", "present"),
            ("vinci", "present"),
            ("vinto", "past participle"),
            ("vinse", "passato remoto"),
        ],
    );
    has(
        "piangere",
        "verb",
        &[
            ("piango", "present"),
            ("pianto", "past participle"),
            ("pianse", "passato remoto"),
        ],
    );
    has(
        "rompere",
        "verb",
        &[("rotto", "past participle"), ("ruppe", "passato remoto")],
    );
    has(
        "ridere",
        "verb",
        &[
            ("rido", "present"),
            ("riso", "past participle"),
            ("risero", "passato remoto"),
        ],
    );
    has(
        "commuovere",
        "verb",
        &[("commuove", "present"), ("commosso", "past participle")],
    );
    has(
        "distruggere",
        "verb",
        &[
            ("distrutto", "past participle"),
            ("distrusse", "passato remoto"),
        ],
    );
    has("deprimere", "verb", &[("depresso", "past participle")]);
    has(
        "vedere",
        "verb",
        &[
            ("vedrò", "future"),
            ("visto", "past participle"),
            ("vide", "passato remoto"),
        ],
    );
    has(
        "godere",
        "verb",
        &[("godrò", "future"), ("goduto", "past participle")],
    );
    has(
        "accogliere",
        "verb",
        &[
            ("accolgo", "present"),
            ("accogli", "present"),
            ("accolgono", "present"),
            ("accolga", "subjunctive"),
            ("accolto", "past participle"),
        ],
    );
    has("vendere", "verb", &[("venduto", "past participle")]);
    has("condividere", "verb", &[("condiviso", "past participle")]);
    has(
        "promettere",
        "verb",
        &[
            ("promesso", "past participle"),
            ("promise", "passato remoto"),
        ],
    );
}

#[test]
fn piacere_and_dispiacere() {
    has(
        "piacere",
        "verb",
        &[
            ("piace", "present"),
            ("piacciono", "present"),
            ("piaccio", "present"),
            ("piaciuto", "past participle"),
            ("piaciuta", "past participle"),
            ("piaciute", "past participle"),
            ("piacque", "passato remoto"),
            ("piacquero", "passato remoto"),
            ("piaccia", "subjunctive"),
            ("piacerebbe", "conditional"),
            ("piacer", "infinitive (clitic)"),
            ("piacesse", "imperfect subjunctive"),
            ("piaciutissimo", "superlative"),
        ],
    );
    has(
        "dispiacere",
        "verb",
        &[
            ("dispiace", "present"),
            ("dispiaciuto", "past participle"),
            ("dispiacer", "infinitive (clitic)"),
        ],
    );
}

#[test]
fn verbs_ire() {
    has(
        "capire",
        "verb",
        &[
            ("capisco", "present"),
            ("capisci", "present"),
            ("capisce", "present"),
            ("capiamo", "present"),
            ("capite", "present"),
            ("capiscono", "present"),
            ("capisca", "subjunctive"),
            ("capiscano", "subjunctive"),
            ("capì", "passato remoto"),
            ("capito", "past participle"),
            ("capir", "infinitive (clitic)"),
            ("capirò", "future"),
            ("capendo", "gerund"),
        ],
    );
    lacks("capire", "verb", &["capo", "capono"]);
    has(
        "tradire",
        "verb",
        &[("tradisce", "present"), ("tradito", "past participle")],
    );
    has(
        "dormire",
        "verb",
        &[
            ("dormo", "present"),
            ("dorme", "present"),
            ("dormono", "present"),
        ],
    );
    lacks("dormire", "verb", &["dormisco"]);
    has(
        "divertire",
        "verb",
        &[("diverte", "present"), ("divertito", "past participle")],
    );
    has(
        "soffrire",
        "verb",
        &[
            ("soffro", "present"),
            ("sofferto", "past participle"),
            ("soffrì", "passato remoto"),
        ],
    );
    has("mentire", "verb", &[("mento", "present")]);
    has("smentire", "verb", &[("smentisce", "present")]);
    has(
        "annoiarsi",
        "verb",
        &[("annoia", "present"), ("annoiato", "past participle")],
    );
}

#[test]
fn errors_instead_of_panics() {
    for (lemma, pos) in [
        ("", "adj"),
        ("Bello", "adj"),
        (" bello", "adj"),
        ("essere", "verb"),
        ("fare", "verb"),
        ("porre", "verb"),
        ("tradurre", "verb"),
        ("bellezza", "noun_"),
        ("non so", "adj"),
        ("xyz", "verb"),
        ("are", "verb"),
    ] {
        assert!(
            inflect(lemma, pos).is_err(),
            "{lemma:?} ({pos}) should be an error"
        );
    }
    // odd but well-formed input never panics
    for lemma in [
        "a", "o", "e", "co", "ca", "cia", "io", "à", "ire", "rsi", "arsi", "piacere",
    ] {
        for pos in ["adj", "noun", "verb", "adv", "interj"] {
            let _ = inflect(lemma, pos);
        }
    }
}

#[test]
fn forms_are_lowercase_nonempty_unique() {
    for (lemma, pos) in [
        ("bello", "adj"),
        ("magnifico", "adj"),
        ("amare", "verb"),
        ("capire", "verb"),
        ("piacere", "verb"),
        ("deludere", "verb"),
        ("amico", "noun"),
        ("felice", "adj"),
    ] {
        let got = forms(lemma, pos);
        let mut seen = HashSet::new();
        for (f, _) in &got {
            assert!(!f.is_empty());
            assert_eq!(f, &f.to_lowercase());
            assert!(seen.insert(f.clone()), "{lemma}: duplicate form {f}");
        }
    }
}

/// Rows of lemmas.tsv as (line number, lemma, pos, valence).
fn lemma_rows() -> Vec<(usize, String, String, f64)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/it/lemmas.tsv");
    let text = std::fs::read_to_string(path).expect("lexicons/it/lemmas.tsv is readable");
    let mut rows = Vec::new();
    let mut header = true;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if header {
            assert_eq!(line, "lemma\tpos\tvalence\tnote", "lemmas.tsv header");
            header = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "lemmas.tsv line {}: 4 columns expected: {line:?}",
            i + 1
        );
        let valence: f64 = cols[2]
            .parse()
            .unwrap_or_else(|_| panic!("lemmas.tsv line {}: bad valence {:?}", i + 1, cols[2]));
        assert!(
            (-4.0..=4.0).contains(&valence),
            "lemmas.tsv line {}: valence out of range",
            i + 1
        );
        rows.push((i + 1, cols[0].to_string(), cols[1].to_string(), valence));
    }
    rows
}

/// Every lemma inflects, the total stays within the bundle budget, and forms shared by two
/// lemmas are harmless: a form that is itself a lemma belongs to that lemma, and any other
/// shared form comes from lemmas of the same polarity (the build keeps the first row's).
#[test]
fn every_lemma_inflects_within_budget() {
    let rows = lemma_rows();
    let lemmas: HashSet<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    let mut seen_lemmas = HashSet::new();
    let mut total = 0;
    let mut owner: BTreeMap<String, (usize, String, f64)> = BTreeMap::new();
    let mut shared = 0;
    let mut conflicts = Vec::new();
    for (line, lemma, pos, valence) in &rows {
        assert!(
            seen_lemmas.insert(lemma.clone()),
            "lemmas.tsv line {line}: duplicate lemma {lemma}"
        );
        let inflections = inflect(lemma, pos)
            .unwrap_or_else(|e| panic!("lemmas.tsv line {line}: {lemma} ({pos}): {e}"));
        total += inflections.len();
        for i in inflections {
            assert!(!i.form.is_empty() && i.form == i.form.to_lowercase());
            match owner.get(&i.form) {
                Some((other_line, other, other_valence)) => {
                    if lemmas.contains(i.form.as_str()) {
                        continue; // the lemma row owns its own form
                    }
                    shared += 1;
                    if other_valence.signum() != valence.signum() {
                        conflicts.push(format!(
                            "{:?}: {lemma} ({valence}, line {line}) vs {other} ({other_valence}, line {other_line})",
                            i.form
                        ));
                    }
                }
                None => {
                    owner.insert(i.form.clone(), (*line, lemma.clone(), *valence));
                }
            }
        }
    }
    println!(
        "lemmas.tsv: {} lemmas, {total} forms, {} distinct, {shared} shared by same-polarity lemmas",
        rows.len(),
        owner.len()
    );
    assert!(
        total < 60_000,
        "{total} forms: over the bundle budget of 60,000"
    );
    assert!(
        conflicts.is_empty(),
        "{} forms come from lemmas of opposite polarity (drop one):\n{}",
        conflicts.len(),
        conflicts.join("\n")
    );
}

/// The forms table the crate builds holds, for every form, the lemma `inflect` gives it with that
/// lemma's first tag; when two lemmas give the same form, the one whose lemma *is* the form wins,
/// then the first row of lemmas.tsv. Checked against that rule written out plainly here.
#[test]
fn the_forms_table_follows_the_precedence_rule() {
    let rows = lemma_rows();
    let valences: Vec<String> = rows
        .iter()
        .map(|r| format!("{}", (r.3 * 1000.0).round() as i64))
        .collect();
    let input: Vec<(&str, &str, &str)> = rows
        .iter()
        .zip(&valences)
        .map(|(r, v)| (r.1.as_str(), r.2.as_str(), v.as_str()))
        .collect();
    let (table, errors) = italian_morphology::expand_lemmas(&input);
    assert!(errors.is_empty(), "{errors:?}");
    let mut expected: BTreeMap<String, (bool, usize, &'static str)> = BTreeMap::new();
    for (row, (lemma, pos, _)) in input.iter().enumerate() {
        for inflection in inflect(lemma, pos).expect("inflects") {
            let is_lemma = inflection.tag == "lemma";
            let replace = match expected.get(&inflection.form) {
                None => true,
                Some((existing_is_lemma, _, _)) => is_lemma && !existing_is_lemma,
            };
            if replace {
                expected.insert(inflection.form, (is_lemma, row, inflection.tag));
            }
        }
    }
    // One line a form, in no particular order.
    let mut lines: Vec<&str> = table.lines().collect();
    lines.sort_unstable();
    let mut lines = lines.into_iter();
    for (form, (_, row, tag)) in &expected {
        let (lemma, _, valence) = input[*row];
        assert_eq!(
            lines.next(),
            Some(format!("{form}\t{valence}\t{lemma}\t{tag}").as_str())
        );
    }
    assert_eq!(lines.next(), None);
    assert!(table.contains("\nbellissime\t"), "bellissime is generated");
}
