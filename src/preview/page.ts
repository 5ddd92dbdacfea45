/**
 * The preview's own page: a status line, the problems of the last save (each with its file and
 * place), and the last good report beneath them in a sandboxed frame. Its one script follows the
 * server's updates and writes problems as text, never as markup.
 */
import type { LocatedProblem } from '../diagnostics/problem-place.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function previewPage(nonce: string, version: number, problems: readonly LocatedProblem[]): string {
  const items = problems.map((problem) => `<li>${escape(problem.message)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Preview</title>
<style>
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
body { display: flex; flex-direction: column; }
#status { padding: 0.4em 1em; background: #0b5fa5; color: #fff; font-size: 0.95em; }
#problems { margin: 0; padding: 0.6em 1em 0.6em 2.4em; background: #fff1f0; color: #7a0000; border-bottom: 2px solid #b00020; }
#problems:empty { display: none; }
#problems li { margin: 0.2em 0; }
iframe { flex: 1; border: 0; width: 100%; background: #eee; }
</style>
</head>
<body>
<div id="status" role="status" data-version="${version}">${
    problems.length > 0 ? 'The last save has problems; the last good version is shown below.' : 'Up to date.'
  }</div>
<ul id="problems" aria-live="polite">${items}</ul>
<iframe id="report" title="The report" sandbox src="/report?v=${version}"></iframe>
<script nonce="${nonce}">
const status = document.getElementById('status');
const list = document.getElementById('problems');
const frame = document.getElementById('report');
const events = new EventSource('/events');
events.addEventListener('built', (event) => {
  const { version, warnings } = JSON.parse(event.data);
  frame.src = '/report?v=' + version;
  status.dataset.version = String(version);
  status.textContent = 'Rebuilt at ' + new Date().toLocaleTimeString('en-GB') + '.';
  show(warnings);
});
events.addEventListener('problems', (event) => {
  status.textContent = 'The last save has problems; the last good version is shown below.';
  show(JSON.parse(event.data).problems);
});
function show(problems) {
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement('li');
    item.textContent = problem.message;
    return item;
  }));
}
</script>
</body>
</html>
`;
}
