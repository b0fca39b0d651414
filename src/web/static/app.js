// sightline UI script (the only script the CSP allows): uploads log files for analysis and submits filter
// forms on change. Values from the server are only ever set through textContent, never as markup.
'use strict';

function selectedRules(form) {
  return Array.from(form.querySelectorAll('input[name="rule"]:checked')).map((i) => i.value);
}

async function uploadAndAnalyse() {
  const input = document.getElementById('upload-file');
  const status = document.getElementById('upload-status');
  const form = document.getElementById('analyze-form');
  if (!input || !input.files || input.files.length === 0) {
    status.textContent = 'Choose one or more files first.';
    return;
  }
  const ids = [];
  for (const file of Array.from(input.files)) {
    status.textContent = 'Uploading ' + file.name + '…';
    const res = await fetch('/analyze/uploads?name=' + encodeURIComponent(file.name), { method: 'POST', body: file });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      status.textContent = 'Upload failed: ' + (body.error || res.status);
      return;
    }
    ids.push(body.upload);
  }
  status.textContent = 'Analysing…';
  const params = new URLSearchParams();
  params.append('source', 'uploads');
  for (const id of ids) params.append('upload', id);
  for (const r of selectedRules(form)) params.append('rule', r);
  const res = await fetch('/analyze', { method: 'POST', body: params, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (res.redirected) window.location.href = res.url;
  else status.textContent = 'Analysis failed (' + res.status + ')';
}

// On the alerts page: poll the status API and offer a reload when new alerts were stored.
function watchAlerts() {
  const status = document.getElementById('ingest-status');
  const notice = document.getElementById('new-alerts');
  if (!status || !notice) return;
  const shown = Number(status.dataset.alerts || '0');
  setInterval(async () => {
    const res = await fetch('/api/status').catch(() => null);
    if (!res || !res.ok) return;
    const s = await res.json();
    const waiting = s.events - s.analysed;
    status.textContent = s.events + ' events received over HEC · ' + (waiting > 0 ? waiting + ' waiting' : 'all analysed') + ' · ' + s.openWindows + ' open windows · ' + s.lateEvents + ' late events (their windows re-evaluated)' + (s.lastError ? ' · processing error: ' + s.lastError : '');
    if (s.alerts > shown) {
      notice.hidden = false;
      notice.textContent = (s.alerts - shown) + ' new alert(s): reload';
    }
  }, 5000);
}

document.addEventListener('DOMContentLoaded', () => {
  watchAlerts();
  const button = document.getElementById('upload-button');
  if (button) button.addEventListener('click', () => { uploadAndAnalyse().catch((e) => { document.getElementById('upload-status').textContent = String(e); }); });
  for (const sel of document.querySelectorAll('form.filters select')) sel.addEventListener('change', () => sel.form.submit());
});
