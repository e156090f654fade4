//! Italian inflection for the lemma lexicon: every form generated from its lemma before any
//! lookup.
//!
//! [`expand_lemmas`] calls [`inflect`] for every row of `lexicons/it/lemmas.tsv` and makes the
//! forms table, each form with its lemma's valence, so a lookup is a plain table lookup: there is
//! no stemmer (a stemmer merges "amare" with "amaro"). Each form carries a short tag shown to
//! users in explanations, e.g. "bellissime ← bello, superlative".
//!
//! The crate ships the lemmas, not the ~16,500 forms (they would cost about four times the gzip
//! size), and expands them the first time the forms table is used. `build.rs` includes this file
//! too (with `#[path]`) and runs the same expansion, so a lemma that cannot be inflected stops the
//! build, naming file and line, and never reaches the crate.
//!
//! The module is self-contained (std only, no `unsafe`, no panics): a lemma it cannot inflect
//! returns `Err` with the reason.
//!
//! # Tags
//!
//! | pos | tags |
//! |-----|------|
//! | all | `lemma` (always first) |
//! | adj | `feminine`, `plural`, `feminine plural`, `superlative` (all four -issimo forms: the engine also treats this tag as a booster), `adverb` (-mente), `apocope` (bel, buon), `plural (before noun)` (bei, begli) |
//! | noun | `plural`, `feminine`, `feminine plural` |
//! | verb | `infinitive` (reflexive lemmas only), `infinitive (clitic)`, `present`, `past participle`, `superlative` (of the participle: consigliatissimo, piaciutissimo), `gerund`, `imperfect`, `future`, `conditional`, `subjunctive`, `imperfect subjunctive`, `passato remoto`, `imperative` |
//! | adv, interj | `lemma` only |
//!
//! A form that two tags produce ("amate": present, imperative, past participle; "deluse": past
//! participle, passato remoto) is emitted once, with the first tag in the order above (the most
//! frequent reading first); every form is lowercase, non-empty and unique per lemma.
//!
//! # Adjectives
//!
//! The lemma is the masculine singular.
//! - `-o`: bello → bella, belli, belle; bellissimo/-a/-i/-e; bellamente.
//! - `-co`: the plural is `-ci` when the word ends in `-ico` and has three or more syllables
//!   (magnifico → magnifici, simpatico → simpatici, amico → amici), or ends in `-iaco`
//!   (maniaco → maniaci), and `-chi` otherwise (bianco → bianchi, fresco → freschi,
//!   fico → fichi); exceptions in [`CO_PLURAL_CHI`] (antico → antichi, carico → carichi) and
//!   [`CO_PLURAL_CI`] (greco → greci, porco → porci). The feminine plural is always `-che`.
//! - `-go`: lungo → lunghi, lunghe (adjectives); nouns in `-logo`/`-fago` take `-gi`.
//! - `-io`: vario → vari, serio → seri; a stressed ì keeps both i's (pio → pii, [`STRESSED_IO`]).
//! - `-cio`/`-gio`: the feminine plural is `-cie`/`-gie` after a vowel (grigie, malvagie) and
//!   `-ce`/`-ge` after a consonant (marce, sagge, lisce).
//! - `-e`: felice → felici; felicissimo/-a/-i/-e; felicemente.
//! - `-a` (egoista, ipocrita, idiota): masculine plural `-i`, feminine plural `-e`, no -issimo.
//! - invariable: a final consonant, accented vowel, `-i` or `-u`, or [`INVARIABLE`] (blu, rosa,
//!   pari, super): the lemma only.
//! - superlative: masculine plural minus `-i` plus `-issimo`, so -co/-go adjectives keep their
//!   plural consonant (stanchi → stanchissimo, lunghi → lunghissimo, simpatici →
//!   simpaticissimo); [`IRREGULAR_SUPERLATIVE`] covers `-errimo`; [`NO_SUPERLATIVE`] lists
//!   adjectives that are already superlative (ottimo, pessimo).
//! - adverb: feminine singular plus `-mente`; `-le`/`-re` after a vowel drop the e
//!   (facile → facilmente, regolare → regolarmente, but folle → follemente); exceptions in
//!   [`IRREGULAR_ADVERB`] (leggero → leggermente); [`NO_ADVERB`] lists adjectives whose -mente
//!   adverb means something else (bello → bellamente).
//!
//! # Nouns
//!
//! The lemma is the singular. Number follows the same spelling rules as adjectives (disastro →
//! disastri, schifezza → schifezze, dolore → dolori, fatica → fatiche, bugia → bugie, minaccia →
//! minacce, energia → energie). Invariable: final consonant or accented vowel (felicità, flop),
//! `-i` (crisi), `-ie` (barbarie). Masculine nouns in `-a` ([`MASCULINE_A_NOUNS`]: problema →
//! problemi) take `-i`; nouns in `-ista`, `-iota`, `-crita`, `-cida`, `-iasta` have both genders
//! (egoisti, egoiste). Gender: agent nouns in `-tore` also give `-trice`/`-trici` (traditore →
//! traditrice), and nouns in [`TWO_GENDER_NOUNS`] give the feminine (amico → amica, amiche;
//! cafone → cafona). Irregular plurals are in [`IRREGULAR_NOUN_PLURALS`].
//!
//! # Verbs
//!
//! The lemma is the infinitive; reflexive lemmas end in `-arsi`/`-ersi`/`-irsi` (lamentarsi) and
//! are conjugated without the pronoun, since the engine reads "mi lamento" as two tokens.
//! The conjugation comes from the ending:
//! - `-are`: -care/-gare keep the hard sound (cercare → cerchi, cercherò), -ciare/-giare drop the
//!   i before e/i (mangiare → mangi, mangerò), -iare drop one i before i (odiare → odi, odiamo,
//!   odino) unless the i is stressed ([`STRESSED_IARE`]: inviare → invii).
//! - `-ere`: regular (temere → temo, temuto); strong past and participles from [`STRONG_ERE`],
//!   matched on the end of the word so prefixes come free (deludere, illudere → -uso;
//!   prendere, sorprendere → -eso; vincere, convincere → -into), with a syncopated future where
//!   needed (vedere → vedrò); `piacere`, `dispiacere`, `compiacere` are conjugated in full
//!   (piaccio, piacciono, piacque, piaciuto).
//! - `-ire`: **`-isc-` is the default** (capire → capisco, capisce, capiscono, capisca);
//!   verbs that do not take -isc- are listed in [`NON_ISC_IRE`] and matched on the end of the word
//!   (dormire, sentire → acconsentire, divertire, soffrire, offrire, seguire, servire…);
//!   [`IRREGULAR_IRE_PARTICIPLE`] gives aperto, offerto, sofferto, coperto.
//! - Highly irregular verbs (essere, avere, fare, andare, dire, venire, -rre verbs…) return
//!   `Err`: score their forms in `words.tsv` instead.
//!
//! Forms: infinitive, present (6 persons), imperfect, future, conditional, present subjunctive,
//! imperfect subjunctive, passato remoto (all persons; -ere verbs also the -etti variants),
//! imperative 2sg and 2pl, gerund, the past participle in 4 forms and its -issimo forms
//! (participles are used as adjectives: "arrabbiatissima", "mi è piaciutissimo").
//!
//! **Clitics are not expanded here.** The engine strips a closed list of enclitic pronouns at run
//! time ("piacermi" → "piacer" + "mi", "odiarlo" → "odiar" + "lo", "capirci" → "capir" + "ci"), so
//! this module emits the truncated infinitive ("odiar", "piacer", "capir") with the tag
//! `infinitive (clitic)`. Gerunds and imperatives with enclitics ("odiandolo", "amalo") strip to
//! forms that are already listed.

/// One inflected form of a lemma, and what it is.
#[allow(dead_code)] // made by `inflect`, for tests/italian_morphology.rs; the forms table is not
pub struct Inflection {
    /// The inflected form: lowercase, NFC, as it is typed.
    pub form: String,
    /// A short human-readable description of the form, shown in explanations.
    pub tag: &'static str,
}

/// `-ico`/`-co` words that take `-chi` although the syllable rule says `-ci`.
pub const CO_PLURAL_CHI: &[&str] = &[
    "antico",
    "pudico",
    "impudico",
    "mendico",
    "aprico",
    "ombelico",
    "lombrico",
    "carico",
    "scarico",
    "sovraccarico",
    "solletico",
    "strascico",
    "valico",
    "rammarico",
    "dimentico",
    "ubriaco",
];

/// `-co` words that take `-ci` although the syllable rule says `-chi`.
pub const CO_PLURAL_CI: &[&str] = &["greco", "porco"];

/// Words in `-io` with a stressed ì, whose plural keeps both i's.
pub const STRESSED_IO: &[&str] = &[
    "pio",
    "restio",
    "natio",
    "stantio",
    "solatio",
    "zio",
    "addio",
    "brusio",
    "fruscio",
    "ronzio",
    "pendio",
    "leggio",
    "rinvio",
    "invio",
    "oblio",
    "mormorio",
    "lavorio",
    "tintinnio",
    "desio",
    "logorio",
    "calpestio",
    "gorgoglio",
    "cigolio",
    "luccichio",
];

/// Adjectives that never change.
pub const INVARIABLE: &[&str] = &[
    "blu",
    "rosa",
    "viola",
    "pari",
    "dispari",
    "super",
    "extra",
    "top",
    "ok",
    "cool",
    "trash",
    "snob",
    "chic",
    "sexy",
    "kitsch",
    "pop",
    "punk",
    "fake",
    "hot",
    "nerd",
    "standard",
    "arrosto",
    "perbene",
    "dabbene",
    "antiruggine",
    "tale",
    "quale",
    "bene",
    "pirla",
    "boh",
];

/// Superlatives in `-errimo` and other irregular ones: lemma → masculine singular superlative.
pub const IRREGULAR_SUPERLATIVE: &[(&str, &str)] = &[
    ("acre", "acerrimo"),
    ("celebre", "celeberrimo"),
    ("integro", "integerrimo"),
    ("misero", "miserrimo"),
    ("salubre", "saluberrimo"),
    ("aspro", "asperrimo"),
];

/// Adjectives that are already superlative or whose -issimo form is not used.
pub const NO_SUPERLATIVE: &[&str] = &[
    "ottimo", "pessimo", "massimo", "minimo", "infimo", "sommo", "supremo", "estremo", "perfetto",
    "eterno", "infinito", "immenso", "enorme", "unico", "morto", "nullo", "totale", "assoluto",
];

/// Adjectives whose -mente adverb is irregular: lemma → adverb.
pub const IRREGULAR_ADVERB: &[(&str, &str)] = &[
    ("leggero", "leggermente"),
    ("benevolo", "benevolmente"),
    ("malevolo", "malevolmente"),
    ("altro", "altrimenti"),
    ("pari", "parimenti"),
];

/// Adjectives whose -mente adverb does not carry the adjective's sentiment, or is not used.
pub const NO_ADVERB: &[&str] = &[
    "bello",
    "brutto",
    "buono",
    "bravo",
    "caro",
    "carino",
    "figo",
    "fico",
    "cattivo",
    "scemo",
    "stronzo",
    "cretino",
    "coglione",
    "schifoso",
    "fetente",
    "sfigato",
    "tamarro",
    "sporco",
    "lercio",
    "marcio",
    "morto",
    "vivo",
    "pazzo",
    "matto",
    "rotto",
    "fallito",
    "pezzente",
    "bastardo",
    "maledetto",
    "dannato",
    "strafigo",
    "gasato",
    "incazzato",
    "triste",
    "stanco",
    // fillers whose adverb is neutral: semplicemente, praticamente, sinceramente, chiaramente
    "semplice",
    "pratico",
    "sincero",
    "chiaro",
    "onesto",
    "serio",
    "normale",
    "particolare",
    // adverbs that are boosters in modifiers.tsv, not sentiment words
    "incredibile",
    "terribile",
    "tremendo",
    "spaventoso",
    "folle",
    "estremo",
    "eccezionale",
    "straordinario",
    "mortale",
    "pazzesco",
    "assurdo",
    "esagerato",
    "completo",
    "profondo",
];

/// Masculine nouns in `-a`, plural `-i`.
pub const MASCULINE_A_NOUNS: &[&str] = &[
    "problema",
    "dramma",
    "trauma",
    "dilemma",
    "sistema",
    "tema",
    "programma",
    "schema",
    "panorama",
    "clima",
    "enigma",
    "dogma",
    "stigma",
    "carisma",
    "fantasma",
    "melodramma",
    "psicodramma",
    "teorema",
    "poema",
    "diploma",
    "emblema",
    "sofisma",
    "magma",
    "pigiama",
    "poeta",
    "profeta",
    "pianeta",
    "despota",
    "monarca",
    "patriarca",
    "papa",
];

/// Nouns with both genders written as the masculine: the feminine swaps -o/-e for -a
/// (amico → amica) and -one for -ona (cafone → cafona).
pub const TWO_GENDER_NOUNS: &[&str] = &[
    "amico",
    "nemico",
    "ragazzo",
    "bambino",
    "cugino",
    "zio",
    "cafone",
    "imbroglione",
    "buffone",
    "fannullone",
    "ciccione",
    "chiacchierone",
    "mascalzone",
    "spione",
    "furbacchione",
    "pagliaccio",
    "maiale",
    "ladro",
    "bugiardo",
    "vigliacco",
    "codardo",
    "campione",
    "padrone",
    "sbruffone",
    "scansafatiche",
    "venduto",
    "raccomandato",
    "sfigato",
    "poveraccio",
    "disgraziato",
    "farabutto",
    "furfante",
    "barbone",
    "cavernicolo",
    "perdente",
    "animale",
    "bestione",
    "burino",
    "buzzurro",
    "zotico",
    "villano",
    "pezzente",
    "santo",
    "tesoro",
    "fighetto",
    "secchione",
    "tamarro",
    "rosicone",
    "piagnone",
    "frignone",
];

/// Nouns with irregular plurals: lemma → plural(s).
pub const IRREGULAR_NOUN_PLURALS: &[(&str, &[&str])] = &[
    ("uomo", &["uomini"]),
    ("dio", &["dei"]),
    ("uovo", &["uova"]),
    ("dito", &["dita"]),
    ("braccio", &["braccia"]),
    ("labbro", &["labbra"]),
    ("osso", &["ossa"]),
    ("paio", &["paia"]),
    ("urlo", &["urla", "urli"]),
    ("grido", &["grida", "gridi"]),
    ("miglio", &["miglia"]),
    ("centinaio", &["centinaia"]),
    ("migliaio", &["migliaia"]),
    ("ala", &["ali"]),
    ("arma", &["armi"]),
    ("mano", &["mani"]),
    ("bue", &["buoi"]),
    ("tempio", &["templi"]),
    ("moglie", &["mogli"]),
    ("eroe", &["eroi"]),
];

/// `-iare` verbs with a stressed ì in the present (invìo): they keep both i's (tu invii).
pub const STRESSED_IARE: &[&str] = &[
    "inviare",
    "rinviare",
    "sciare",
    "spiare",
    "avviare",
    "deviare",
    "obliare",
    "espiare",
    "fuorviare",
    "ravviare",
    "sviare",
];

/// `-ire` verbs that do not take `-isc-` (matched on the end of the lemma, so "sentire" also
/// covers "acconsentire" and "risentire"). Every other `-ire` verb takes `-isc-`.
pub const NON_ISC_IRE: &[&str] = &[
    "dormire",
    "sentire",
    "partire",
    "aprire",
    "offrire",
    "soffrire",
    "coprire",
    "vertire",
    "seguire",
    "servire",
    "vestire",
    "fuggire",
    "bollire",
    "cucire",
    "pentire",
    "nutrire",
    "avvertire",
];

/// `-ire` verbs whose non-isc status must match the whole lemma (a prefixed verb differs:
/// "smentire" takes -isc-).
pub const NON_ISC_IRE_EXACT: &[&str] = &["mentire"];

/// Irregular `-ire` past participles, matched on the end of the lemma: suffix → participle stem.
pub const IRREGULAR_IRE_PARTICIPLE: &[(&str, &str)] = &[
    ("aprire", "apert"),
    ("offrire", "offert"),
    ("coprire", "copert"),
];

/// A strong (irregular) `-ere` verb, matched on the end of the lemma.
pub struct StrongEre {
    /// End of the infinitive that identifies the pattern ("udere").
    pub suffix: &'static str,
    /// What replaces the suffix to form the strong passato remoto stem: 1sg +i, 3sg +e, 3pl +ero
    /// ("us" → delusi, deluse, delusero). Empty: regular passato remoto.
    pub past: &'static str,
    /// What replaces the suffix to form the past participle stem ("us" → deluso). Empty: regular.
    pub participle: &'static str,
    /// What replaces the suffix to form the future and conditional stem ("vedr"). Empty: regular.
    pub future: &'static str,
    /// What replaces the suffix in the present 1sg and 3pl and the present subjunctive
    /// ("olg" → accolgo, accolgono, accolga). Empty: regular.
    pub present: &'static str,
}

const fn strong(
    suffix: &'static str,
    past: &'static str,
    participle: &'static str,
    future: &'static str,
    present: &'static str,
) -> StrongEre {
    StrongEre {
        suffix,
        past,
        participle,
        future,
        present,
    }
}

/// Strong `-ere` verbs, longest suffix first where they overlap.
pub const STRONG_ERE: &[StrongEre] = &[
    strong("vendere", "", "", "", ""),
    strong("splendere", "", "", "", ""),
    strong("scrivere", "scriss", "scritt", "", ""),
    strong("vivere", "viss", "vissut", "vivr", ""),
    strong("vedere", "vid", "vist", "vedr", ""),
    strong("perdere", "pers", "pers", "", ""),
    strong("mettere", "mis", "mess", "", ""),
    strong("conoscere", "conobb", "conosciut", "", ""),
    strong("crescere", "crebb", "cresciut", "", ""),
    strong("nascere", "nacqu", "nat", "", ""),
    strong("godere", "", "", "godr", ""),
    strong("cadere", "cadd", "", "cadr", ""),
    strong("suadere", "suas", "suas", "", ""),
    strong("primere", "press", "press", "", ""),
    strong("ompere", "upp", "ott", "", ""),
    strong("uovere", "oss", "oss", "", ""),
    strong("olvere", "ols", "olt", "", ""),
    strong("olgere", "ols", "olt", "", ""),
    strong("orrere", "ors", "ors", "", ""),
    strong("ogliere", "ols", "olt", "", "olg"),
    strong("egliere", "els", "elt", "", "elg"),
    strong("eggere", "ess", "ett", "", ""),
    strong("iggere", "iss", "itt", "", ""),
    strong("uggere", "uss", "utt", "", ""),
    strong("endere", "es", "es", "", ""),
    strong("udere", "us", "us", "", ""),
    strong("idere", "is", "is", "", ""),
    strong("ncere", "ns", "nt", "", ""),
    strong("ngere", "ns", "nt", "", ""),
];

/// Verbs too irregular for these rules: their forms belong in `words.tsv`.
pub const IRREGULAR_VERBS: &[&str] = &[
    "essere",
    "avere",
    "fare",
    "andare",
    "dare",
    "stare",
    "dire",
    "venire",
    "tenere",
    "potere",
    "volere",
    "dovere",
    "sapere",
    "uscire",
    "riuscire",
    "bere",
    "morire",
    "salire",
    "valere",
    "parere",
    "rimanere",
    "apparire",
    "scomparire",
    "cuocere",
    "nuocere",
    "dolere",
    "tacere",
    "giacere",
    "sedere",
    "soddisfare",
    "disfare",
    "rifare",
    "ottenere",
    "sostenere",
    "mantenere",
    "trattenere",
    "contenere",
    "appartenere",
    "divenire",
    "contraffare",
    "sopraffare",
    "strafare",
    "assuefare",
    "stupefare",
    "liquefare",
    "porre",
    "trarre",
    "condurre",
];

const VOWELS: &[char] = &[
    'a', 'e', 'i', 'o', 'u', 'à', 'è', 'é', 'ì', 'í', 'ò', 'ó', 'ù', 'ú',
];
const ACCENTED: &[char] = &['à', 'è', 'é', 'ì', 'í', 'ò', 'ó', 'ù', 'ú'];

fn is_vowel(c: char) -> bool {
    VOWELS.contains(&c)
}

/// Number of vowel groups, a good enough syllable count for the -ico rule.
fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut in_vowel = false;
    for c in word.chars() {
        let v = is_vowel(c);
        if v && !in_vowel {
            count += 1;
        }
        in_vowel = v;
    }
    count
}

/// The character before the last `n` characters of `word`.
fn char_before_last(word: &str, n: usize) -> Option<char> {
    word.chars().rev().nth(n)
}

fn lookup<T: Copy>(table: &[(&'static str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Forms as they are generated, written one after another into one buffer (this runs at first
/// use, in wasm too, where a small allocation per form is what costs most). With `unique`, a form
/// the current lemma already has is skipped, so it keeps its first tag.
struct Forms {
    text: String,
    list: Vec<Span>,
    /// Where the current lemma's forms start in `list`.
    lemma_start: usize,
    unique: bool,
}

/// One form in [`Forms::text`], the row of its lemma and its place among the lemma's forms.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
    row: u32,
    tag: &'static str,
}

impl Forms {
    fn new(unique: bool) -> Forms {
        Forms {
            text: String::new(),
            list: Vec::new(),
            lemma_start: 0,
            unique,
        }
    }

    fn start_lemma(&mut self) {
        self.lemma_start = self.list.len();
    }

    /// Drops the current lemma's forms (it could not be inflected).
    fn abandon_lemma(&mut self) {
        let start = self
            .list
            .get(self.lemma_start)
            .map_or(self.text.len(), |span| span.start as usize);
        self.text.truncate(start);
        self.list.truncate(self.lemma_start);
    }

    fn form(&self, span: &Span) -> &str {
        &self.text[span.start as usize..span.end as usize]
    }

    fn form_bytes(&self, span: &Span) -> &[u8] {
        &self.text.as_bytes()[span.start as usize..span.end as usize]
    }

    fn push(&mut self, form: impl Piece, tag: &'static str) {
        let start = self.text.len();
        form.write_to(&mut self.text);
        let end = self.text.len();
        let new = &self.text[start..];
        let repeated = self.unique
            && self.list[self.lemma_start..]
                .iter()
                .any(|span| &self.text[span.start as usize..span.end as usize] == new);
        if start == end || repeated {
            self.text.truncate(start);
        } else {
            self.list.push(Span {
                start: start as u32,
                end: end as u32,
                row: 0,
                tag,
            });
        }
    }
}

/// A hash of a form for [`expand_lemmas_with_rows`]'s table of forms, whose slot is the top bits:
/// the forms are the project's own words, so a multiply a byte is enough.
fn form_hash(form: &[u8]) -> u64 {
    form.iter().fold(form.len() as u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    })
}

/// `parts` joined, in one allocation of the right size (what `format!` of plain pieces does with
/// the `core::fmt` machinery, slow where it matters: first use in wasm).
fn concat(parts: &[&str]) -> String {
    let mut joined = String::with_capacity(parts.iter().map(|part| part.len()).sum());
    for part in parts {
        joined.push_str(part);
    }
    joined
}

/// Something [`Forms::push`] writes straight into its buffer, without building a string first
/// (and without `core::fmt`, slow where it matters: first use in wasm).
trait Piece {
    fn write_to(&self, out: &mut String);
}

impl Piece for &str {
    fn write_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn write_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for &&str {
    fn write_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for &String {
    fn write_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

/// Pieces written one after another.
#[derive(Clone, Copy)]
struct Concat<'a, const N: usize>([&'a str; N]);

impl<const N: usize> Piece for Concat<'_, N> {
    fn write_to(&self, out: &mut String) {
        for piece in self.0 {
            out.push_str(piece);
        }
    }
}

/// Expands lemma rows (lemma, part of speech, valence as the table writes it), in file order,
/// into the forms table: one `form\tvalence\tlemma\ttag` line a form, in the order the forms were
/// generated (lemma by lemma in file order; nothing reads the table in key order, and sorting it
/// cost a third of the expansion). When two lemmas produce the same form, the form that *is* a
/// lemma wins ("fine" the adjective over a form of "finire"), then the first lemma in file order.
/// A lemma that cannot be inflected is left out and returned with its row index and the reason.
#[allow(dead_code)] // build.rs calls this; the crate needs the rows too
pub fn expand_lemmas(rows: &[(&str, &str, &str)]) -> (String, Vec<(usize, String)>) {
    let (table, _, errors) = expand_lemmas_with_rows(rows);
    (table, errors)
}

/// [`expand_lemmas`], also giving where each line of the table ends its key, its first column
/// and itself (byte offsets of the tab, the next tab and the newline), so that the table's rows
/// need not be found again by reading 650 KB of text.
#[allow(clippy::type_complexity)]
pub fn expand_lemmas_with_rows(
    rows: &[(&str, &str, &str)],
) -> (String, Vec<[u32; 3]>, Vec<(usize, String)>) {
    // Not deduplicated per lemma: the table of forms below keeps a lemma's first tag for a form
    // it generates twice, without the quadratic scan `inflect` makes (this runs at first use).
    let mut forms = Forms::new(false);
    forms.text.reserve(rows.len() * 200);
    forms.list.reserve(rows.len() * 20);
    let mut errors = Vec::new();
    for (row, (lemma, pos, _)) in rows.iter().enumerate() {
        forms.start_lemma();
        match inflect_into(lemma, pos, &mut forms) {
            Ok(()) => {
                for span in &mut forms.list[forms.lemma_start..] {
                    span.row = row as u32;
                }
            }
            Err(error) => {
                forms.abandon_lemma();
                errors.push((row, error));
            }
        }
    }
    // One row a form, found through a hash table of the forms rather than by sorting them (the
    // sort was a third of the expansion, which runs at first use): a form's first span holds its
    // slot unless a later span of the form is a lemma and the holder is not. Open addressing, at
    // most half full, each slot the holder's position in `forms.list` plus one.
    let bits = (forms.list.len().max(1) * 2)
        .next_power_of_two()
        .trailing_zeros();
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u32; mask + 1];
    let mut slot_of_span = Vec::with_capacity(forms.list.len());
    for (at, span) in forms.list.iter().enumerate() {
        let form = forms.form_bytes(span);
        let mut slot = (form_hash(form) >> (64 - bits)) as usize & mask;
        loop {
            let Some(holder) = slots[slot].checked_sub(1) else {
                slots[slot] = at as u32 + 1;
                break;
            };
            let held = &forms.list[holder as usize];
            if forms.form_bytes(held) == form {
                if span.tag == "lemma" && held.tag != "lemma" {
                    slots[slot] = at as u32 + 1;
                }
                break;
            }
            slot = (slot + 1) & mask;
        }
        slot_of_span.push(slot);
    }
    // The spans that hold their slot, in generation order (an iterator, not a vector collected
    // through a filter, which would grow and copy itself over and over).
    let order = || {
        forms
            .list
            .iter()
            .zip(&slot_of_span)
            .enumerate()
            .filter(|&(at, (_, &slot))| slots[slot] == at as u32 + 1)
            .map(|(_, (span, _))| span)
    };
    let length: usize = order()
        .map(|span| {
            let (lemma, _, valence) = rows[span.row as usize];
            (span.end - span.start) as usize + valence.len() + lemma.len() + span.tag.len() + 4
        })
        .sum();
    let mut table = String::with_capacity(length);
    let mut lines = Vec::with_capacity(forms.list.len());
    for span in order() {
        let (lemma, _, valence) = rows[span.row as usize];
        table.push_str(forms.form(span));
        let key_end = table.len() as u32;
        table.push('\t');
        table.push_str(valence);
        let first_end = table.len() as u32;
        for part in ["\t", lemma, "\t", span.tag] {
            table.push_str(part);
        }
        lines.push([key_end, first_end, table.len() as u32]);
        table.push('\n');
    }
    (table, lines, errors)
}

/// All forms of `lemma` for part of speech `pos` ("adj", "noun", "verb", "adv", "interj"),
/// the lemma itself first with tag "lemma".
#[allow(dead_code)] // the forms table uses `inflect_into`; tests/italian_morphology.rs calls this
pub fn inflect(lemma: &str, pos: &str) -> Result<Vec<Inflection>, String> {
    let mut forms = Forms::new(true);
    inflect_into(lemma, pos, &mut forms)?;
    Ok(forms
        .list
        .iter()
        .map(|span| Inflection {
            form: forms.form(span).to_string(),
            tag: span.tag,
        })
        .collect())
}

/// Writes the forms of `lemma` after those already in `forms`.
fn inflect_into(lemma: &str, pos: &str, forms: &mut Forms) -> Result<(), String> {
    validate(lemma, pos)?;
    forms.push(lemma, "lemma");
    match pos {
        "adj" => adjective(lemma, forms),
        "noun" => noun(lemma, forms),
        "verb" => verb(lemma, forms)?,
        "adv" | "interj" => {}
        _ => return Err(format!("unknown part of speech {pos:?} for {lemma:?}")),
    }
    Ok(())
}

fn validate(lemma: &str, pos: &str) -> Result<(), String> {
    if lemma.is_empty() {
        return Err("empty lemma".to_string());
    }
    if lemma.trim() != lemma {
        return Err(format!("lemma {lemma:?} has leading or trailing spaces"));
    }
    if lemma.chars().any(char::is_uppercase) {
        return Err(format!("lemma {lemma:?} is not lowercase"));
    }
    let inflected = matches!(pos, "adj" | "noun" | "verb");
    if inflected && !lemma.chars().all(|c| c.is_alphabetic() || c == '\'') {
        return Err(format!(
            "lemma {lemma:?} ({pos}) must be one word of letters: put multi-word entries in idioms.tsv"
        ));
    }
    Ok(())
}

/// Masculine plural of a word in -o (adjective or noun).
fn plural_o(word: &str, stem: &str, noun: bool) -> String {
    if word.ends_with("co") {
        let ci = if CO_PLURAL_CI.contains(&word) {
            true
        } else if CO_PLURAL_CHI.contains(&word) {
            false
        } else {
            (word.ends_with("ico") && syllables(word) >= 3) || word.ends_with("iaco")
        };
        return if ci {
            concat(&[stem, "i"])
        } else {
            concat(&[stem, "hi"])
        };
    }
    if word.ends_with("go") {
        if noun && (word.ends_with("logo") || word.ends_with("fago")) {
            return concat(&[stem, "i"]);
        }
        return concat(&[stem, "hi"]);
    }
    if word.ends_with("io") {
        if STRESSED_IO.contains(&word) {
            return concat(&[stem, "i"]);
        }
        return stem.to_string(); // vario → vari: the stem already ends in i
    }
    concat(&[stem, "i"])
}

/// Feminine plural of a feminine singular in -a.
fn plural_a(fem: &str) -> String {
    let stem = &fem[..fem.len() - 1];
    if fem.ends_with("ca") || fem.ends_with("ga") {
        return concat(&[stem, "he"]);
    }
    if fem.ends_with("cia") || fem.ends_with("gia") {
        // -rgia, -lgia, -logia carry a stressed ì (energìa, nostalgìa): -gie.
        let stressed = fem.ends_with("rgia") || fem.ends_with("lgia") || fem.ends_with("logia");
        let before = char_before_last(fem, 3);
        if stressed || before.is_some_and(is_vowel) {
            return concat(&[stem, "e"]); // grigia → grigie, bugia → bugie, energia → energie
        }
        return concat(&[&fem[..fem.len() - 2], "e"]); // marcia → marce, saggia → sagge
    }
    concat(&[stem, "e"])
}

fn is_invariable(word: &str) -> bool {
    if INVARIABLE.contains(&word) {
        return true;
    }
    match word.chars().last() {
        Some(c) => !is_vowel(c) || ACCENTED.contains(&c) || c == 'i' || c == 'u',
        None => true,
    }
}

fn both_gender_a(word: &str) -> bool {
    ["ista", "iota", "crita", "cida", "iasta", "iatra"]
        .iter()
        .any(|s| word.ends_with(s))
}

fn adjective(lemma: &str, forms: &mut Forms) {
    if is_invariable(lemma) {
        return;
    }
    let (fem, plural, fem_plural) = if let Some(stem) = lemma.strip_suffix('o') {
        let fem = concat(&[stem, "a"]);
        let fem_plural = plural_a(&fem);
        (Some(fem), plural_o(lemma, stem, false), Some(fem_plural))
    } else if let Some(stem) = lemma.strip_suffix('e') {
        (None, concat(&[stem, "i"]), None)
    } else if let Some(stem) = lemma.strip_suffix('a') {
        // egoista, ipocrita, idiota, entusiasta: masculine = feminine in the singular
        let masc_plural = if lemma.ends_with("ca") || lemma.ends_with("ga") {
            concat(&[stem, "hi"])
        } else {
            concat(&[stem, "i"])
        };
        forms.push(masc_plural, "plural");
        forms.push(plural_a(lemma), "feminine plural");
        return;
    } else {
        return;
    };

    if let Some(f) = &fem {
        forms.push(f, "feminine");
    }
    forms.push(&plural, "plural");
    if let Some(fp) = fem_plural {
        forms.push(fp, "feminine plural");
    }
    match lemma {
        "bello" => {
            forms.push("bel", "apocope");
            forms.push("bei", "plural (before noun)");
            forms.push("begli", "plural (before noun)");
        }
        "buono" => forms.push("buon", "apocope"),
        "santo" => forms.push("san", "apocope"),
        _ => {}
    }

    if !NO_SUPERLATIVE.contains(&lemma) && !lemma.ends_with("issimo") {
        let sup_stem = match lookup(IRREGULAR_SUPERLATIVE, lemma) {
            Some(s) => s[..s.len() - 1].to_string(),
            None => concat(&[&plural[..plural.len() - 1], "issim"]),
        };
        for ending in ["o", "a", "i", "e"] {
            forms.push(Concat([&*sup_stem, ending]), "superlative");
        }
    }

    if NO_ADVERB.contains(&lemma) {
        return;
    }
    let adverb = match lookup(IRREGULAR_ADVERB, lemma) {
        Some(a) => a.to_string(),
        None => match &fem {
            Some(f) => concat(&[f, "mente"]),
            None => {
                let stem = &lemma[..lemma.len() - 1];
                let drop_e = (lemma.ends_with("le") || lemma.ends_with("re"))
                    && char_before_last(lemma, 2).is_some_and(is_vowel);
                if drop_e {
                    concat(&[stem, "mente"])
                } else {
                    concat(&[lemma, "mente"])
                }
            }
        },
    };
    forms.push(adverb, "adverb");
}

fn noun(lemma: &str, forms: &mut Forms) {
    if let Some(plurals) = lookup(IRREGULAR_NOUN_PLURALS, lemma) {
        for p in plurals {
            forms.push(p, "plural");
        }
        if TWO_GENDER_NOUNS.contains(&lemma) {
            noun_feminine(lemma, forms);
        }
        return;
    }
    if is_invariable(lemma) || lemma.ends_with("ie") {
        return;
    }
    if let Some(stem) = lemma.strip_suffix('o') {
        forms.push(plural_o(lemma, stem, true), "plural");
    } else if let Some(stem) = lemma.strip_suffix('e') {
        forms.push(Concat([stem, "i"]), "plural");
        if let Some(agent) = lemma.strip_suffix("tore") {
            forms.push(Concat([agent, "trice"]), "feminine");
            forms.push(Concat([agent, "trici"]), "feminine plural");
        }
    } else if let Some(stem) = lemma.strip_suffix('a') {
        if MASCULINE_A_NOUNS.contains(&lemma) {
            let masc = if lemma.ends_with("ca") {
                concat(&[stem, "hi"])
            } else {
                concat(&[stem, "i"])
            };
            forms.push(masc, "plural");
        } else if both_gender_a(lemma) {
            forms.push(Concat([stem, "i"]), "plural");
            forms.push(plural_a(lemma), "feminine plural");
        } else {
            forms.push(plural_a(lemma), "plural");
        }
    }
    if TWO_GENDER_NOUNS.contains(&lemma) {
        noun_feminine(lemma, forms);
    }
}

fn noun_feminine(lemma: &str, forms: &mut Forms) {
    let fem = if let Some(stem) = lemma.strip_suffix("one") {
        concat(&[stem, "ona"])
    } else if let Some(stem) = lemma.strip_suffix('o') {
        concat(&[stem, "a"])
    } else if let Some(stem) = lemma.strip_suffix('e') {
        // maiale → maiala (colloquial); -e nouns such as pezzente share the masculine form
        if lemma.ends_with("ale") {
            concat(&[stem, "a"])
        } else {
            return;
        }
    } else {
        return;
    };
    let fem_plural = plural_a(&fem);
    forms.push(fem, "feminine");
    forms.push(fem_plural, "feminine plural");
}

#[derive(Clone, Copy, PartialEq)]
enum Conj {
    Are,
    Ere,
    Ire,
}

/// How a stem meets an ending in the -are conjugation.
#[derive(Clone, Copy, PartialEq)]
enum StemKind {
    Plain,
    /// -care/-gare: h before e/i.
    Hard,
    /// -ciare/-giare: the i is dropped before e/i.
    Soft,
    /// -iare with unstressed i: one i is dropped before i.
    Iare,
    /// -iare with stressed ì: one i is dropped before "ia".
    StressedIare,
}

struct Verb {
    conj: Conj,
    kind: StemKind,
    stem: String,
    isc: bool,
    strong: Option<&'static StrongEre>,
    prefix: String,
}

impl Verb {
    fn join(&self, ending: &str) -> String {
        let mut joined = String::new();
        self.joined(ending, "").write_to(&mut joined);
        joined
    }

    /// The stem joined to the ending `first` + `second`, written without building the ending.
    fn joined<'a>(&'a self, first: &'a str, second: &'a str) -> Joined<'a> {
        Joined {
            stem: &self.stem,
            kind: self.kind,
            ending: [first, second],
        }
    }
}

/// A verb stem meeting an ending (given in two pieces), spelt as [`StemKind`] says.
#[derive(Clone, Copy)]
struct Joined<'a> {
    stem: &'a str,
    kind: StemKind,
    ending: [&'a str; 2],
}

impl Joined<'_> {
    fn ending_starts_with(&self, prefix: &str) -> bool {
        let mut bytes = self.ending[0].bytes().chain(self.ending[1].bytes());
        prefix.bytes().all(|b| bytes.next() == Some(b))
    }
}

impl Piece for Joined<'_> {
    fn write_to(&self, out: &mut String) {
        let stem = self.stem;
        let front = self.ending_starts_with("e") || self.ending_starts_with("i");
        let without_last = &stem[..stem.len().saturating_sub(1)];
        match self.kind {
            StemKind::Hard if front => {
                out.push_str(stem);
                out.push('h');
            }
            StemKind::Soft if front => out.push_str(without_last),
            StemKind::Iare if self.ending_starts_with("i") => out.push_str(without_last),
            StemKind::StressedIare if self.ending_starts_with("ia") => out.push_str(without_last),
            _ => out.push_str(stem),
        }
        out.push_str(self.ending[0]);
        out.push_str(self.ending[1]);
    }
}

fn verb(lemma: &str, forms: &mut Forms) -> Result<(), String> {
    // Reflexive lemmas: conjugate the base verb; the lemma form itself is already pushed.
    let base = match lemma.strip_suffix("si") {
        Some(b) if b.ends_with("ar") || b.ends_with("er") || b.ends_with("ir") => {
            let inf = concat(&[b, "e"]);
            forms.push(&inf, "infinitive");
            inf
        }
        _ => lemma.to_string(),
    };
    let base = base.as_str();
    if IRREGULAR_VERBS.contains(&base) {
        return Err(format!(
            "verb {lemma:?} is too irregular for the rules: list its forms in words.tsv"
        ));
    }
    if base.ends_with("rre") {
        return Err(format!(
            "verb {lemma:?} (-rre) is not supported: list its forms in words.tsv"
        ));
    }
    if base.ends_with("piacere") {
        piacere(base, forms);
        return Ok(());
    }

    let (conj, stem) = if let Some(s) = base.strip_suffix("are") {
        (Conj::Are, s)
    } else if let Some(s) = base.strip_suffix("ere") {
        (Conj::Ere, s)
    } else if let Some(s) = base.strip_suffix("ire") {
        (Conj::Ire, s)
    } else {
        return Err(format!(
            "verb {lemma:?} does not end in -are, -ere, -ire (or -arsi, -ersi, -irsi)"
        ));
    };
    if stem.is_empty() {
        return Err(format!("verb {lemma:?} has an empty stem"));
    }
    let kind = if conj != Conj::Are {
        // scegliere, accogliere: "accogli" + "iamo" → "accogliamo"
        if stem.ends_with('i') {
            StemKind::Iare
        } else {
            StemKind::Plain
        }
    } else if stem.ends_with('c') || stem.ends_with('g') {
        StemKind::Hard
    } else if stem.ends_with("ci") || stem.ends_with("gi") {
        StemKind::Soft
    } else if stem.ends_with('i') {
        if STRESSED_IARE.contains(&base) {
            StemKind::StressedIare
        } else {
            StemKind::Iare
        }
    } else {
        StemKind::Plain
    };
    let isc = conj == Conj::Ire
        && !NON_ISC_IRE.iter().any(|s| base.ends_with(s))
        && !NON_ISC_IRE_EXACT.contains(&base);
    let strong = if conj == Conj::Ere {
        STRONG_ERE.iter().find(|s| base.ends_with(s.suffix))
    } else {
        None
    };
    let prefix = match strong {
        Some(s) => base[..base.len() - s.suffix.len()].to_string(),
        None => String::new(),
    };
    let v = Verb {
        conj,
        kind,
        stem: stem.to_string(),
        isc,
        strong,
        prefix,
    };
    conjugate(base, &v, forms);
    Ok(())
}

fn conjugate(base: &str, v: &Verb, forms: &mut Forms) {
    let infinitive_stem = &base[..base.len() - 1];
    forms.push(infinitive_stem, "infinitive (clitic)");

    // present
    let strong_present = v
        .strong
        .filter(|s| !s.present.is_empty())
        .map(|s| concat(&[&v.prefix, s.present]));
    let isc_stem = concat(&[&v.stem, "isc"]);
    let (p1, p2, p3, p6) = match v.conj {
        Conj::Are => (v.join("o"), v.join("i"), v.join("a"), v.join("ano")),
        Conj::Ere => (
            strong_present
                .as_ref()
                .map_or_else(|| v.join("o"), |s| concat(&[s, "o"])),
            v.join("i"),
            v.join("e"),
            strong_present
                .as_ref()
                .map_or_else(|| v.join("ono"), |s| concat(&[s, "ono"])),
        ),
        Conj::Ire if v.isc => (
            concat(&[&isc_stem, "o"]),
            concat(&[&isc_stem, "i"]),
            concat(&[&isc_stem, "e"]),
            concat(&[&isc_stem, "ono"]),
        ),
        Conj::Ire => (v.join("o"), v.join("i"), v.join("e"), v.join("ono")),
    };
    let p4 = v.join("iamo");
    let p5 = match v.conj {
        Conj::Are => v.join("ate"),
        Conj::Ere => v.join("ete"),
        Conj::Ire => v.join("ite"),
    };
    for f in [&p1, &p2, &p3, &p4, &p5, &p6] {
        forms.push(f, "present");
    }

    // gerund
    let gerund = match v.conj {
        Conj::Are => v.join("ando"),
        _ => v.join("endo"),
    };
    forms.push(gerund, "gerund");

    // past participle
    let participle_stem = match v.conj {
        Conj::Are => v.join("at"),
        Conj::Ere => match v.strong.filter(|s| !s.participle.is_empty()) {
            Some(s) => concat(&[&v.prefix, s.participle]),
            None if v.stem.ends_with('c') || v.stem.ends_with('g') => concat(&[&v.stem, "iut"]),
            None => concat(&[&v.stem, "ut"]),
        },
        Conj::Ire => match IRREGULAR_IRE_PARTICIPLE
            .iter()
            .find(|(s, _)| base.ends_with(s))
        {
            Some((s, p)) => format!("{}{}", &base[..base.len() - s.len()], p),
            None => concat(&[&v.stem, "it"]),
        },
    };
    for e in ["o", "a", "i", "e"] {
        forms.push(Concat([&*participle_stem, e]), "past participle");
    }
    // Participles used as adjectives take -issimo: arrabbiatissimo, consigliatissimo.
    for e in ["o", "a", "i", "e"] {
        forms.push(Concat([&*participle_stem, "issim", e]), "superlative");
    }

    // imperfect
    let vowel = match v.conj {
        Conj::Are => "a",
        Conj::Ere => "e",
        Conj::Ire => "i",
    };
    for e in ["vo", "vi", "va", "vamo", "vate", "vano"] {
        forms.push(v.joined(vowel, e), "imperfect");
    }

    // future and conditional
    let future_stem = match v.strong.filter(|s| !s.future.is_empty()) {
        Some(s) => concat(&[&v.prefix, s.future]),
        None => match v.conj {
            Conj::Are => v.join("er"),
            Conj::Ere => concat(&[&v.stem, "er"]),
            Conj::Ire => concat(&[&v.stem, "ir"]),
        },
    };
    for e in ["ò", "ai", "à", "emo", "ete", "anno"] {
        forms.push(Concat([&*future_stem, e]), "future");
    }
    for e in ["ei", "esti", "ebbe", "emmo", "este", "ebbero"] {
        forms.push(Concat([&*future_stem, e]), "conditional");
    }

    // present subjunctive
    match v.conj {
        Conj::Are => {
            for e in ["i", "iamo", "iate", "ino"] {
                forms.push(v.joined(e, ""), "subjunctive");
            }
        }
        _ => {
            let sing_stem = if v.isc {
                isc_stem.clone()
            } else {
                strong_present.clone().unwrap_or_else(|| v.stem.clone())
            };
            forms.push(Concat([&*sing_stem, "a"]), "subjunctive");
            forms.push(v.joined("iamo", ""), "subjunctive");
            forms.push(v.joined("iate", ""), "subjunctive");
            forms.push(Concat([&*sing_stem, "ano"]), "subjunctive");
        }
    }

    // imperfect subjunctive
    for e in ["ssi", "sse", "ssimo", "ste", "ssero"] {
        forms.push(v.joined(vowel, e), "imperfect subjunctive");
    }

    // passato remoto
    match v.conj {
        Conj::Are => {
            for e in ["ai", "asti", "ò", "ammo", "aste", "arono"] {
                forms.push(v.joined(e, ""), "passato remoto");
            }
        }
        Conj::Ere => {
            let strong_past = v
                .strong
                .filter(|s| !s.past.is_empty())
                .map(|s| concat(&[&v.prefix, s.past]));
            match strong_past {
                Some(sp) => {
                    forms.push(Concat([&*sp, "i"]), "passato remoto");
                    forms.push(v.joined("esti", ""), "passato remoto");
                    forms.push(Concat([&*sp, "e"]), "passato remoto");
                    forms.push(v.joined("emmo", ""), "passato remoto");
                    forms.push(v.joined("este", ""), "passato remoto");
                    forms.push(Concat([&*sp, "ero"]), "passato remoto");
                }
                None => {
                    for e in [
                        "ei", "etti", "esti", "é", "ette", "emmo", "este", "erono", "ettero",
                    ] {
                        forms.push(v.joined(e, ""), "passato remoto");
                    }
                }
            }
        }
        Conj::Ire => {
            for e in ["ii", "isti", "ì", "immo", "iste", "irono"] {
                forms.push(v.joined(e, ""), "passato remoto");
            }
        }
    }

    // imperative 2sg / 2pl
    let imp2 = match v.conj {
        Conj::Are => v.join("a"),
        Conj::Ere => v.join("i"),
        Conj::Ire if v.isc => concat(&[&isc_stem, "i"]),
        Conj::Ire => v.join("i"),
    };
    forms.push(imp2, "imperative");
    forms.push(p5, "imperative");
}

/// piacere, dispiacere, compiacere: irregular present (piaccio), strong past (piacque).
fn piacere(base: &str, forms: &mut Forms) {
    let p = &base[..base.len() - "piacere".len()];
    let s = |ending| Concat([p, "piac", ending]);
    forms.push(s("er"), "infinitive (clitic)");
    for e in ["cio", "i", "e", "ciamo", "ete", "ciono"] {
        forms.push(s(e), "present");
    }
    for e in ["iuto", "iuta", "iuti", "iute"] {
        forms.push(s(e), "past participle");
    }
    for e in ["iutissimo", "iutissima", "iutissimi", "iutissime"] {
        forms.push(s(e), "superlative");
    }
    forms.push(s("endo"), "gerund");
    for e in ["evo", "evi", "eva", "evamo", "evate", "evano"] {
        forms.push(s(e), "imperfect");
    }
    for e in ["erò", "erai", "erà", "eremo", "erete", "eranno"] {
        forms.push(s(e), "future");
    }
    for e in ["erei", "eresti", "erebbe", "eremmo", "ereste", "erebbero"] {
        forms.push(s(e), "conditional");
    }
    for e in ["cia", "ciamo", "ciate", "ciano"] {
        forms.push(s(e), "subjunctive");
    }
    for e in ["essi", "esse", "essimo", "este", "essero"] {
        forms.push(s(e), "imperfect subjunctive");
    }
    for e in ["qui", "esti", "que", "emmo", "este", "quero"] {
        forms.push(s(e), "passato remoto");
    }
    forms.push(s("i"), "imperative");
    forms.push(s("ete"), "imperative");
}
