// The service worker runs polso: content scripts send it the comments' text, it answers with the
// thread's tension and each comment's label. Wasm stays out of content scripts, where the host
// page's CSP would forbid compiling it. The worker is stopped when idle, so it initialises lazily
// in each handler (init() is idempotent) and keeps what must survive in chrome.storage.session.
import init, { analyzeThread, scoreBatch } from "./polso/thread.js";

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.type !== "polso:analyse" || !Array.isArray(message.comments)) return false;
  analyse(message.comments, sender.tab?.id)
    .then(reply)
    .catch((error) => reply({ error: String(error?.message ?? error) }));
  return true; // answer asynchronously
});

async function analyse(comments, tabId) {
  await init();
  const report = analyzeThread(comments);
  const labels = scoreBatch(comments.map((c) => c.text)).map((r) => r.label);
  const result = {
    band: report.tension.band,
    score: report.tension.score,
    reasons: report.tension.components
      .filter((c) => c.contribution > 0.005)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, 3)
      .map((c) => ({ name: c.name, commentIds: c.commentIds.slice(0, 5) })),
    labels,
  };
  if (tabId !== undefined) {
    await chrome.storage.session.set({ [`tab:${tabId}`]: { band: result.band, score: result.score, at: Date.now() } });
  }
  return result;
}
