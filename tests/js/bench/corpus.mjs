// A benchmark corpus of forum comments, built deterministically from sentences written for polso
// (not taken from any data set): 1–3 sentences a comment, Italian and English, some emoji.
const EN = [
  "Thanks for the detailed answer, it solved my problem.",
  "I'm not sure this is the right approach, but it works for now.",
  "This update broke everything on my phone, really annoying!",
  "Great job everyone, the new release is fantastic 🎉",
  "Has anyone tried the beta yet?",
  "Honestly the support team was slow and unhelpful.",
  "Not bad at all, although the docs could be clearer.",
  "I waited two weeks for a reply. Terrible.",
  "Could you share the config file so we can take a look?",
  "You clearly didn't read the thread, stop posting nonsense.",
  "Love this community, always kind and patient with newcomers ❤️",
  "The battery life is okay, nothing special.",
  "Why does the app crash every time I open the settings?",
  "I really appreciate the quick fix, thank you so much!",
  "meh, it's fine I guess",
  "This is the WORST customer service I have ever seen!!!",
  "Interesting point, I hadn't thought about it that way.",
  "The meetup last night was fun, see you next month :)",
];
const IT = [
  "Grazie mille per la risposta, adesso funziona tutto.",
  "Non sono d'accordo, però capisco il tuo punto di vista.",
  "L'aggiornamento di ieri ha rotto la sincronizzazione, che fastidio!",
  "Bellissimo lavoro ragazzi, complimenti a tutti 👏",
  "Qualcuno sa come si cambia la password?",
  "Il servizio clienti è stato lento e poco utile.",
  "Non è affatto male, anche se la guida è un po' confusa.",
  "Ho aspettato due settimane per una risposta. Pessimo.",
  "Puoi condividere il file di configurazione?",
  "Sei proprio un incompetente, smettila di scrivere sciocchezze.",
  "Adoro questa community, sempre gentili con chi arriva 😊",
  "La batteria dura il giusto, niente di speciale.",
  "Perché l'app si chiude ogni volta che apro le impostazioni?",
  "Apprezzo molto la correzione veloce, grazie davvero!",
  "boh, cmq va bene così",
  "È il PEGGIOR servizio clienti che abbia mai visto!!!",
  "Spunto interessante, non ci avevo pensato.",
  "La serata di ieri è stata divertente, ci vediamo il mese prossimo :)",
];

/** `n` comments, the same on every call (seeded). */
export function corpus(n = 20000, seed = 42) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = [];
  for (let i = 0; i < n; i++) {
    const pool = next() < 0.5 ? IT : EN;
    const k = 1 + Math.floor(next() * 3);
    const parts = [];
    for (let j = 0; j < k; j++) parts.push(pool[Math.floor(next() * pool.length)]);
    out.push(parts.join(" "));
  }
  return out;
}
