#!/usr/bin/env python3
"""Writes tests/data/threads/*.json from the compact specs below.

Every text here is written by the polso project for its tests (no third-party data). A spec is
(name, lang, expect, comments, options); a comment is (id, parent, author, minutes after the start,
text[, reactions]). Edit the specs and rerun; `cargo test --test thread_fixtures` checks them.
"""
import json, os, datetime

START = datetime.datetime(2024, 5, 6, 9, 0, tzinfo=datetime.timezone.utc)
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "threads")

def thread(name, lang, kind, band, top, quiet, comments, options=None):
    out = []
    for c in comments:
        cid, parent, author, minute, text = c[:5]
        item = {"id": cid, "parentId": parent, "author": author,
                "time": (START + datetime.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "text": text}
        if len(c) > 5:
            item["reactions"] = c[5]
        out.append(item)
    doc = {"name": name, "lang": lang, "kind": kind,
           "expect": {"band": band, "topContributors": top, "quiet": quiet},
           "options": options or {}, "comments": out}
    with open(os.path.join(OUT, f"{lang}_{name}.json"), "w") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")

# ---------------------------------------------------------------- Italian
thread("aiuto_esportazione", "it", "calm-help", "calm", ["anna"], {"paolo": "unansweredNewcomer"}, [
 ("1", None, "anna", 0, "Ciao a tutti, come faccio a esportare le fatture in CSV? Non trovo l'opzione."),
 ("2", "1", "marco", 12, "Ciao Anna! Vai in Impostazioni > Dati > Esporta, lì trovi il CSV. Spero sia utile"),
 ("3", "2", "anna", 20, "Trovato, grazie mille Marco!"),
 ("4", "1", "paolo", 35, "Confermo, funziona anche dall'app mobile."),
 ("5", "3", "marco", 40, "Figurati, buona giornata!"),
 ("6", "5", "anna", 44, "Grazie ancora, a presto"),
])
thread("aiuto_stampante", "it", "calm-help", "calm", ["giulia"], {"sara": "unansweredNewcomer"}, [
 ("1", None, "giulia", 0, "Buongiorno, la stampante di rete non viene vista dal portatile. Qualcuno sa come risolvere?"),
 ("2", "1", "teo", 25, "Buongiorno! Prova a reinstallare il driver e a riavviare il router, di solito basta."),
 ("3", "2", "giulia", 40, "Ho reinstallato il driver ma niente, forse è il firewall?"),
 ("4", "3", "teo", 50, "Può darsi: prova a disattivarlo un attimo e vedi se la trova."),
 ("5", "4", "giulia", 58, "Era proprio il firewall, grazie mille!"),
 ("6", "1", "sara", 70, "Io ho lo stesso problema ma con un Mac, qualche idea?"),
])
thread("ricetta_pane", "it", "calm-help", "calm", ["luisa"], {"pietro": "oneTimer", "franca": "oneTimer"}, [
 ("1", None, "luisa", 0, "Ho provato la ricetta del pane con lievito madre: viene buonissimo ma la crosta è troppo dura. Consigli?"),
 ("2", "1", "pietro", 30, "Metti una ciotola d'acqua nel forno per i primi venti minuti, la crosta resta più morbida."),
 ("3", "1", "franca", 45, "Anche abbassare un po' la temperatura aiuta. Complimenti per il pane!"),
 ("4", "2", "luisa", 60, "Che bella idea, provo domani. Grazie!"),
 ("5", "3", "luisa", 62, "Grazie Franca, gentilissima"),
])
thread("lite_calcio", "it", "two-person-fight", "overheated", ["ciro"], {}, [
 ("1", None, "ciro", 0, "L'arbitro ieri ha regalato la partita, vergogna!"),
 ("2", "1", "dario", 4, "Ma che dici? Il rigore c'era tutto, sei il solito rosicone."),
 ("3", "2", "ciro", 6, "Rosicone a chi? Sei un ignorante che di calcio non capisce niente!"),
 ("4", "3", "dario", 7, "Stai zitto buffone, non hai capito niente come sempre"),
 ("5", "4", "ciro", 9, "Sei proprio un idiota, vattene"),
 ("6", "5", "dario", 10, "IDIOTA SARAI TU!!! VERGOGNATI"),
 ("7", "6", "ciro", 11, "Ma vaffanculo, pagliaccio"),
])
thread("lite_politica", "it", "two-person-fight", "overheated", ["elena", "fabio"], {}, [
 ("1", None, "elena", 0, "La riforma delle pensioni è l'ennesimo regalo ai soliti noti."),
 ("2", "1", "fabio", 10, "Informati prima di scrivere, la riforma aiuta i giovani."),
 ("3", "2", "elena", 14, "Informati tu, che ripeti la propaganda a pappagallo. Sei ridicolo."),
 ("4", "3", "fabio", 18, "Ridicola sei tu che non sai di cosa parli."),
 ("5", "4", "elena", 22, "Ma per favore, sei solo un servo del governo"),
 ("6", "5", "fabio", 25, "E tu un'analfabeta funzionale, fattene una ragione"),
])
thread("lite_recensione", "it", "two-person-fight", "overheated", ["gino", "bruno"], {}, [
 ("1", None, "gino", 0, "Pizzeria sopravvalutata, impasto crudo e servizio lento."),
 ("2", "1", "bruno", 20, "Sono il titolare: sei venuto un sabato sera, cosa pretendi?"),
 ("3", "2", "gino", 25, "Pretendo una pizza cotta! Non è colpa mia se siete incompetenti."),
 ("4", "3", "bruno", 27, "Incompetente sarai tu, leone da tastiera. Non tornare più."),
 ("5", "4", "gino", 30, "Tranquillo che non torno, truffatore. E ti denuncio pure!"),
 ("6", "5", "bruno", 31, "Denunciami pure, cretino, vediamo chi ride"),
])
thread("dissenso_cortese_smartworking", "it", "polite-disagreement", "calm", ["irene"], {}, [
 ("1", None, "irene", 0, "Secondo me lo smart working andrebbe reso la norma per chi fa lavoro d'ufficio."),
 ("2", "1", "lorenzo", 15, "Capisco il tuo punto, ma credo che per i più giovani stare in ufficio sia importante per imparare."),
 ("3", "2", "irene", 25, "Giusta osservazione. Forse una via di mezzo, due giorni in presenza?"),
 ("4", "3", "lorenzo", 35, "Sì, potrebbe funzionare. Non sono sicuro però che valga per tutti i settori."),
 ("5", "4", "irene", 42, "D'accordo, dipende molto dal lavoro. Grazie per lo scambio!"),
])
thread("dissenso_cortese_libro", "it", "polite-disagreement", "calm", ["marta"], {"nico": "oneTimer"}, [
 ("1", None, "marta", 0, "Il finale del romanzo mi ha delusa: troppo sbrigativo dopo trecento pagine."),
 ("2", "1", "ugo", 20, "Io invece l'ho trovato coerente, ma capisco che possa sembrare affrettato."),
 ("3", "2", "marta", 30, "Forse hai ragione sulla coerenza, però avrei voluto qualche capitolo in più."),
 ("4", "3", "ugo", 45, "Su questo sono d'accordo, il personaggio della sorella meritava più spazio."),
 ("5", "1", "nico", 60, "A me non è piaciuto per niente, ma rispetto la tua opinione."),
 ("6", "5", "marta", 70, "Grazie Nico, sempre bello confrontarsi"),
])
thread("dissenso_cortese_tecnico", "it", "polite-disagreement", "calm", ["sofia", "andrea"], {}, [
 ("1", None, "sofia", 0, "Per il nuovo progetto proporrei Rust invece di Go, per la sicurezza della memoria."),
 ("2", "1", "andrea", 10, "Non sono convinto: il team conosce già Go e i tempi sono stretti."),
 ("3", "2", "sofia", 18, "È vero, la curva di apprendimento pesa. Magari un modulo pilota in Rust?"),
 ("4", "3", "andrea", 26, "Un pilota mi sembra ragionevole, se non sbaglio abbiamo già un caso adatto."),
 ("5", "4", "sofia", 30, "Perfetto, preparo una proposta. Grazie Andrea"),
 ("6", "5", "andrea", 33, "Grazie a te, ottima idea"),
])
thread("linciaggio_influencer", "it", "pile-on", "overheated", ["vale"], {}, [
 ("1", None, "vale", 0, "Ho deciso di chiudere il mio negozio online, scusate a tutti i clienti."),
 ("2", "1", "rino", 3, "Finalmente, eri solo una truffatrice."),
 ("3", "1", "kekko", 4, "Sei patetica, vergognati"),
 ("4", "1", "lalla", 5, "Ma chi se ne frega, sparisci"),
 ("5", "1", "mimmo", 6, "Ladra! Ridacci i soldi, stronza"),
 ("6", "1", "tony", 7, "Sei una fallita, lo sapevano tutti"),
 ("7", "1", "gigi", 8, "FAI SCHIFO!!!"),
 ("8", "7", "vale", 15, "Vi chiedo solo un po' di rispetto..."),
])
thread("linciaggio_arbitro", "it", "pile-on", "overheated", ["ultra1", "ultra2", "ultra3", "ultra4", "ultra5"], {}, [
 ("1", None, "mod_pippo", 0, "Discussione sulla partita di ieri. Ricordate il regolamento."),
 ("2", "1", "ultra1", 2, "L'arbitro è un venduto, cretino e incompetente"),
 ("3", "1", "ultra2", 3, "Quell'arbitro è un ladro, merda"),
 ("4", "2", "ultra3", 4, "Ladri! Siete ridicoli voi della federazione"),
 ("5", "2", "ultra4", 5, "Vergognatevi tutti, buffoni!!!"),
 ("6", "3", "ultra5", 6, "Deficienti, ve ne dovete andare"),
], {"staff": ["mod_pippo"]})
thread("recupero_spedizione", "it", "recovers", "calm", ["cliente_rita"], {}, [
 ("1", None, "cliente_rita", 0, "Ordine in ritardo di due settimane e nessuna risposta. Vergogna, siete ridicoli!"),
 ("2", "1", "staff_luca", 30, "Buongiorno Rita, ci scusiamo davvero. Ho verificato: il pacco parte oggi."),
 ("3", "2", "cliente_rita", 40, "Spero sia vero questa volta."),
 ("4", "3", "staff_luca", 45, "Le mando il tracciamento in privato. Grazie per la pazienza."),
 ("5", "4", "cliente_rita", 300, "Arrivato! Grazie Luca, gentilissimo."),
 ("6", "5", "staff_luca", 310, "Grazie a lei, buona giornata!"),
 ("7", "1", "dora", 320, "Anche a me hanno risolto in fretta, bel servizio"),
 ("8", "7", "cliente_rita", 330, "Sì, alla fine molto bene, grazie a tutti"),
 ("9", "1", "enzo", 340, "Grazie per la recensione aggiornata, utile"),
 ("10", "9", "cliente_rita", 350, "Figurati, ciao!"),
 ("11", "1", "dora", 360, "Buona serata a tutti"),
 ("12", "8", "enzo", 365, "Ottimo, ci ordino anche io allora"),
 ("13", "12", "cliente_rita", 370, "Fai bene, ciao Enzo"),
 ("14", "1", "pia", 380, "Ciao a tutti, grazie dei consigli"),
 ("15", "14", "cliente_rita", 385, "Ciao Pia, benvenuta!"),
 ("16", "15", "pia", 390, "Grazie mille, gentilissima"),
], {"staff": ["staff_luca"]})
thread("recupero_forum", "it", "recovers", "calm", ["ale", "bea"], {}, [
 ("1", None, "ale", 0, "Questo aggiornamento fa schifo, chi l'ha fatto è un incompetente."),
 ("2", "1", "bea", 5, "Sei tu che non sai usarlo, informati."),
 ("3", "2", "ale", 8, "Scusa, ho esagerato. Dove trovo le nuove impostazioni?"),
 ("4", "3", "bea", 15, "Nessun problema! Sono nel menu a destra, in alto."),
 ("5", "4", "ale", 20, "Trovate, grazie mille e scusa ancora"),
 ("6", "5", "bea", 25, "Figurati, buona serata"),
 ("7", "6", "ale", 30, "Grazie, buona serata anche a te"),
 ("8", "7", "bea", 35, "Ciao, a presto!"),
 ("9", "8", "ale", 40, "Ciao!"),
 ("10", "1", "ciro", 45, "Grazie per la discussione, mi è stata utile"),
 ("11", "10", "bea", 50, "Bene, felice che sia utile"),
 ("12", "11", "ciro", 55, "Grazie ancora, buona serata"),
])
thread("richieste_app", "it", "calm-help", "calm", ["utente_max"], {"utente_ada": "unansweredNewcomer"}, [
 ("1", None, "utente_max", 0, "Sarebbe bello se l'app avesse il tema scuro. Quando arriva?"),
 ("2", "1", "supporto", 40, "Ciao Max, è in programma per la prossima versione!"),
 ("3", "2", "utente_max", 50, "Ottimo, grazie!"),
 ("4", "1", "utente_ada", 60, "Vorrei anche poter esportare i dati in PDF, si potrebbe?"),
 ("5", "1", "utente_max", 90, "Da ieri l'app non funziona più sul mio telefono, si blocca all'avvio."),
], {"staff": ["supporto"], "slaMinutes": 60})
thread("lite_condominio", "it", "two-person-fight", "overheated", ["rosa", "nino"], {}, [
 ("1", None, "rosa", 0, "Chi lascia la bici nell'androne è pregato di spostarla."),
 ("2", "1", "nino", 30, "La bici è mia e non dà fastidio a nessuno."),
 ("3", "2", "rosa", 35, "Dà fastidio eccome, ma tu pensi solo a te stesso."),
 ("4", "3", "nino", 38, "E tu ti fai sempre gli affari degli altri, sei insopportabile."),
 ("5", "4", "rosa", 41, "Maleducato e arrogante, vergognati!"),
 ("6", "5", "nino", 44, "Ma stai zitta, pettegola"),
])

# ---------------------------------------------------------------- English
thread("help_vpn", "en", "calm-help", "calm", ["kim"], {"oli": "unansweredNewcomer"}, [
 ("1", None, "kim", 0, "Hi all, how do I set up the VPN on Linux? The guide only covers Windows."),
 ("2", "1", "raj", 15, "Hi Kim! Install the OpenVPN package and import the config file from the portal. Hope this helps"),
 ("3", "2", "kim", 25, "That worked, thanks a lot!"),
 ("4", "1", "oli", 40, "There is also a GUI plugin for NetworkManager if you prefer."),
 ("5", "3", "raj", 45, "Glad to help, have a good day"),
 ("6", "5", "kim", 50, "You too, cheers"),
])
thread("help_garden", "en", "calm-help", "calm", ["beth"], {"ned": "oneTimer", "ivy": "oneTimer"}, [
 ("1", None, "beth", 0, "My tomato leaves are turning yellow at the bottom. Any idea what causes it?"),
 ("2", "1", "ned", 20, "Usually it's overwatering or a lack of nitrogen. Try feeding them once a week."),
 ("3", "1", "ivy", 35, "Could also be early blight, check for brown spots."),
 ("4", "2", "beth", 50, "Thanks, I have been watering every day, maybe too much."),
 ("5", "3", "beth", 52, "No spots so far, thank you!"),
])
thread("help_excel", "en", "calm-help", "calm", ["sam", "tom"], {"lia": "unansweredNewcomer"}, [
 ("1", None, "tom", 0, "Does anyone know how to lock the first row in a spreadsheet?"),
 ("2", "1", "sam", 10, "View > Freeze panes > Freeze top row. Works in most spreadsheet apps."),
 ("3", "2", "tom", 14, "Perfect, thank you so much!"),
 ("4", "3", "sam", 18, "No worries"),
 ("5", "1", "lia", 30, "Is there a way to freeze the first column as well?"),
])
thread("fight_gaming", "en", "two-person-fight", "overheated", ["zed"], {}, [
 ("1", None, "zed", 0, "This patch ruined the game, the devs are clueless."),
 ("2", "1", "kyle", 3, "You're just bad at the game, stop whining."),
 ("3", "2", "zed", 5, "Shut up, you're an idiot who knows nothing."),
 ("4", "3", "kyle", 6, "Says the loser who can't win a single match lol"),
 ("5", "4", "zed", 7, "Get lost, moron"),
 ("6", "5", "kyle", 8, "YOU ARE PATHETIC!!! GROW UP"),
 ("7", "6", "zed", 9, "Fuck off, clown"),
])
thread("fight_politics", "en", "two-person-fight", "hot", ["amy", "rob"], {}, [
 ("1", None, "amy", 0, "The new transit plan is a waste of money."),
 ("2", "1", "rob", 10, "Did you even read it? It pays for itself in ten years."),
 ("3", "2", "amy", 15, "Learn to read yourself, the numbers are fantasy."),
 ("4", "3", "rob", 18, "You're clueless, educate yourself before posting."),
 ("5", "4", "amy", 21, "Whatever, you people are delusional."),
 ("6", "5", "rob", 24, "Nobody cares about your opinion, troll."),
])
thread("fight_review", "en", "two-person-fight", "overheated", ["dan", "owner_sue"], {}, [
 ("1", None, "dan", 0, "Worst hotel ever, dirty rooms and rude staff."),
 ("2", "1", "owner_sue", 30, "You never even stayed here, you're a liar."),
 ("3", "2", "dan", 35, "I have the receipt, you lying hypocrite."),
 ("4", "3", "owner_sue", 37, "Post it then, or shut up, you pathetic troll."),
 ("5", "4", "dan", 40, "You'll regret this, I will report you, idiot."),
 ("6", "5", "owner_sue", 42, "Go ahead, moron."),
])
thread("polite_disagree_tabs", "en", "polite-disagreement", "calm", ["eve"], {}, [
 ("1", None, "eve", 0, "I think tabs are better than spaces for indentation, they let everyone pick their width."),
 ("2", "1", "finn", 10, "I see your point, but I believe spaces are safer because files look the same everywhere."),
 ("3", "2", "eve", 16, "Fair point about consistency. Maybe an editorconfig file solves both?"),
 ("4", "3", "finn", 22, "Good point, that would work for our team. I'm not sure it helps with old files though."),
 ("5", "4", "eve", 28, "True, we could convert them once. Thanks for the discussion!"),
])
thread("polite_disagree_movie", "en", "polite-disagreement", "calm", ["gus"], {"pam": "oneTimer"}, [
 ("1", None, "gus", 0, "I didn't enjoy the sequel, the plot felt rushed compared to the first film."),
 ("2", "1", "hal", 20, "I respectfully disagree, I thought the pacing was deliberate, but I understand the criticism."),
 ("3", "2", "gus", 30, "Perhaps I should watch it again, you may be right about the pacing."),
 ("4", "3", "hal", 40, "Let me know what you think after a second viewing!"),
 ("5", "1", "pam", 50, "Not my favourite either, but the soundtrack was great."),
 ("6", "5", "gus", 60, "Agreed, the music was the best part"),
])
thread("polite_disagree_policy", "en", "polite-disagreement", "calm", ["jo", "lee"], {}, [
 ("1", None, "jo", 0, "In my opinion the library should open later on weekends instead of closing early on Fridays."),
 ("2", "1", "lee", 12, "I'm not sure that works for families, mornings are when most kids visit."),
 ("3", "2", "jo", 20, "That's a good point, I hadn't considered families."),
 ("4", "3", "lee", 25, "Maybe a survey would settle it? I could be wrong about the numbers."),
 ("5", "4", "jo", 31, "A survey sounds great, thanks Lee"),
 ("6", "5", "lee", 34, "Thank you, happy to help set it up"),
])
thread("pileon_celebrity", "en", "pile-on", "overheated", ["star"], {}, [
 ("1", None, "star", 0, "I'm taking a break from social media for a while. Sorry to my fans."),
 ("2", "1", "u1", 2, "Good riddance, you talentless fraud."),
 ("3", "1", "u2", 3, "Nobody cares, loser"),
 ("4", "1", "u3", 4, "You're pathetic and everyone knows it"),
 ("5", "1", "u4", 5, "What a clown, go away"),
 ("6", "1", "u5", 6, "SHUT UP ALREADY!!! NOBODY ASKED"),
 ("7", "1", "u6", 7, "Such an idiot lmao"),
 ("8", "7", "star", 20, "Please just be kind..."),
])
thread("pileon_newbie", "en", "pile-on", "overheated", ["newbie_al", "vet2"], {"newbie_al": "leftAfterHostileReply"}, [
 ("1", None, "newbie_al", 0, "Why does my code not compile? I copied it from a tutorial."),
 ("2", "1", "vet1", 2, "Learn to read the error message, idiot."),
 ("3", "1", "vet2", 3, "Another clueless newbie, read the docs."),
 ("4", "1", "vet3", 4, "Stupid question, use the search."),
 ("5", "1", "vet4", 5, "Are you brain dead? It's a missing semicolon."),
 ("6", "5", "newbie_al", 10, "Sorry, I'm new here..."),
 ("7", "6", "vet2", 12, "Then get lost until you learn something, moron."),
])
thread("recovers_support", "en", "recovers", "calm", ["customer_ben"], {}, [
 ("1", None, "customer_ben", 0, "Your app deleted my notes, this is unacceptable. You people are useless!"),
 ("2", "1", "support_kay", 20, "Hi Ben, I'm very sorry. We keep backups for 30 days, I can restore them for you."),
 ("3", "2", "customer_ben", 30, "Really? Please do."),
 ("4", "3", "support_kay", 40, "Done, your notes are back. Thanks for your patience!"),
 ("5", "4", "customer_ben", 60, "They're all there. Thank you so much, sorry for the rant."),
 ("6", "5", "support_kay", 65, "No worries at all, have a great day!"),
 ("7", "1", "cara", 100, "Good to know about the backups, thanks"),
 ("8", "7", "customer_ben", 110, "Yes, great support in the end"),
 ("9", "1", "dev", 120, "Thanks for sharing, welcome aboard"),
 ("10", "9", "customer_ben", 125, "Thanks!"),
 ("11", "8", "cara", 130, "Glad it worked out"),
 ("12", "11", "customer_ben", 135, "Me too, cheers"),
 ("13", "1", "eli", 140, "Hi everyone, thanks for the tip about backups"),
 ("14", "13", "customer_ben", 145, "You're welcome, have a good day"),
 ("15", "14", "eli", 150, "Thanks, you too!"),
 ("16", "1", "dev", 160, "Thank you all, great thread"),
], {"staff": ["support_kay"]})
thread("recovers_forum", "en", "recovers", "calm", ["max", "nora"], {}, [
 ("1", None, "max", 0, "Whoever designed this new layout is an idiot."),
 ("2", "1", "nora", 5, "You could just say you don't like it, no need to insult people."),
 ("3", "2", "max", 10, "Fair point, sorry. I just can't find the search bar anymore."),
 ("4", "3", "nora", 14, "No worries! It moved to the top right corner."),
 ("5", "4", "max", 18, "Found it, thanks Nora"),
 ("6", "5", "nora", 22, "Happy to help"),
 ("7", "6", "max", 26, "Thanks again, have a nice evening"),
 ("8", "7", "nora", 30, "You too!"),
 ("9", "8", "max", 35, "Cheers"),
 ("10", "1", "pat", 40, "Thanks both, I had the same question"),
 ("11", "10", "nora", 45, "Glad it helped, welcome!"),
 ("12", "11", "pat", 50, "Thank you, happy to be here"),
])
thread("requests_product", "en", "calm-help", "calm", ["user_ray"], {"user_una": "unansweredNewcomer"}, [
 ("1", None, "user_ray", 0, "It would be nice to have a dark mode. When will it be available?"),
 ("2", "1", "team", 45, "Hi Ray, it's planned for the next release!"),
 ("3", "2", "user_ray", 50, "Great, thanks!"),
 ("4", "1", "user_una", 60, "I'd like to export my data as PDF, is it possible?"),
 ("5", "1", "user_ray", 80, "Also the login doesn't work since the last update, it keeps crashing."),
], {"staff": ["team"], "slaMinutes": 30})
thread("fight_neighbours", "en", "two-person-fight", "overheated", ["val", "wes"], {}, [
 ("1", None, "val", 0, "Whoever parks in front of my garage, please stop."),
 ("2", "1", "wes", 20, "It's a public street, I can park where I want."),
 ("3", "2", "val", 25, "Not in front of a garage, genius. Are you really that dumb?"),
 ("4", "3", "wes", 28, "Mind your own business, you nosy busybody."),
 ("5", "4", "val", 31, "You're a selfish jerk, that's what you are."),
 ("6", "5", "wes", 34, "And you're a miserable old fool."),
])
thread("heated_reactions", "en", "pile-on", "warm", ["op_kai", "x1"], {"lurker": "unansweredNewcomer", "op_kai": "leftAfterHostileReply", "x3": "unansweredNewcomer"}, [
 ("1", None, "op_kai", 0, "Unpopular opinion: pineapple belongs on pizza.", {"up": 1, "down": 30}),
 ("2", "1", "x1", 2, "This is absurd, no way.", {"up": 20, "down": 0}),
 ("3", "1", "x2", 3, "Absolutely disgusting take.", {"up": 15, "down": 0}),
 ("4", "1", "x3", 4, "Worst opinion I've read today lol", {"up": 12, "down": 1}),
 ("5", "2", "op_kai", 6, "You haven't even tried it!", {"up": 0, "down": 8}),
 ("6", "5", "x1", 7, "I don't need to try garbage to know it's garbage.", {"up": 9, "down": 0}),
 ("7", "1", "lurker", 8, "Honestly it's not that bad", {"up": 0, "down": 5}),
])
print("written to", os.path.abspath(OUT))
