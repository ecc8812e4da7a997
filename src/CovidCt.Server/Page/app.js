'use strict';
// The page of covidct serve: upload, one panel per model (red-box figure, heat overlay, quadrant x slice timeline, the call),
// sliders that re-run post-processing on the server (the model is not run again), downloads. Served locally; no library.
(() => {
  const $ = (id) => document.getElementById(id);
  const quadrants = [['UpperLeft', 'upper left'], ['UpperRight', 'upper right'], ['LowerLeft', 'lower left'], ['LowerRight', 'lower right']];
  const state = { result: null, token: sessionStorage.getItem('covidct-token') || '', slice: 0, seq: 0, timer: 0 };

  const authHeaders = () => (state.token ? { Authorization: 'Bearer ' + state.token } : {});

  // Every call goes through here: a problem document (RFC 9457) becomes the sentence shown to the person.
  async function call(url, init = {}) {
    const response = await fetch(url, { ...init, headers: { ...(init.headers || {}), ...authHeaders() } });
    if (response.status === 401) {
      $('token-row').hidden = false;
      throw new Error('This server needs its access token: enter it above and try again.');
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = (problem.title ? problem.title + ': ' : '') + (problem.detail || '');
      } catch (e) {
        // The answer was not a problem document; the status text stands.
      }
      throw new Error(detail + ' (HTTP ' + response.status + ')');
    }
    return response;
  }

  const settingsQuery = () => `threshold=${$('threshold').value}&min_pixels=${$('min-pixels').value}&k=${$('k').value}`;

  function status(text) { $('status').textContent = text; }

  function messages(items) {
    const list = $('messages');
    list.replaceChildren();
    for (const [text, error] of items) {
      const li = document.createElement('li');
      li.textContent = text;
      if (error) li.className = 'error';
      list.append(li);
    }
  }

  async function loadModels() {
    const models = await (await call('/v1/models')).json();
    for (const m of models) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = 'model';
      input.value = m.name;
      input.checked = m.is_default;
      input.addEventListener('change', (e) => {
        if (document.querySelectorAll('input[name=model]:checked').length > 2) e.target.checked = false;
      });
      label.append(input, ' ' + m.name);
      $('models').append(label);
    }
  }

  async function upload(event) {
    event.preventDefault();
    const file = $('file').files[0];
    if (!file) { status('Choose a CT file first.'); return; }
    if ($('token').value) { state.token = $('token').value; sessionStorage.setItem('covidct-token', state.token); }
    const form = new FormData();
    form.append('file', file);
    for (const m of document.querySelectorAll('input[name=model]:checked')) form.append('model', m.value);
    if ($('window').value.trim()) form.append('window', $('window').value.trim());
    form.append('threshold', $('threshold').value);
    form.append('min_pixels', $('min-pixels').value);
    form.append('k', $('k').value);
    status('Uploading and running the model…');
    messages([]);
    $('upload').disabled = true;
    try {
      const result = await (await call('/v1/detections', { method: 'POST', body: form })).json();
      show(result, true);
      const input = result.input;
      status(`${input.slices} slice(s) of ${input.width}×${input.height} (${input.kind}); kept until ${new Date(result.expires_utc).toLocaleTimeString()}.`);
    } catch (e) {
      status('');
      messages([[e.message, true]]);
    } finally {
      $('upload').disabled = false;
    }
  }

  function firstInterestingSlice(result) {
    const rule = result.results[0].patient_rule;
    if (rule.positive) return rule.first_slice_index;
    const positive = result.results[0].slices.find((s) => s.positive);
    return positive ? positive.slice_index : Math.floor(result.input.slices / 2);
  }

  function show(result, fresh) {
    state.result = result;
    $('result').hidden = false;
    if (fresh) {
      messages([...result.notes.map((n) => [n, false]), ...result.warnings.map((w) => ['Warning: ' + w, false])]);
      $('slice').max = String(result.input.slices - 1);
      $('slice-row').hidden = result.input.slices === 1;
      state.slice = firstInterestingSlice(result);
      $('slice').value = String(state.slice);
      buildPanels(result);
    }
    for (const r of result.results) {
      const panel = document.querySelector(`.panel[data-model="${r.model}"]`);
      const callLine = panel.querySelector('.call');
      callLine.textContent = r.call;
      callLine.dataset.positive = String(r.patient_rule.positive);
      callLine.dataset.positiveSlices = String(r.patient_rule.positive_slices);
      const json = new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' });
      const link = panel.querySelector('.download-json');
      if (link.href) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(json);
      link.download = `covidct-${result.id}.json`;
    }
    drawAll();
  }

  function buildPanels(result) {
    const panels = $('panels');
    panels.replaceChildren();
    for (const r of result.results) {
      const panel = document.createElement('div');
      panel.className = 'panel';
      panel.dataset.model = r.model;
      panel.innerHTML = '<h2></h2><p class="call"></p><canvas class="view"></canvas><p class="slice-line"></p>'
        + '<canvas class="timeline" title="Quadrant × slice: red where a box counts for the quadrant; the blue frame is the run that made the patient positive. Click to go to a slice."></canvas>'
        + '<p class="downloads"><a class="download-png">Download PNG</a><a class="download-json">Download JSON</a></p>';
      panel.querySelector('h2').textContent = r.model;
      panel.querySelector('.timeline').addEventListener('click', (e) => {
        const canvas = e.currentTarget;
        const x = (e.offsetX / canvas.clientWidth) * canvas.width;
        const slice = Math.floor((x - labelWidth) / ((canvas.width - labelWidth) / state.result.input.slices));
        if (slice >= 0 && slice < state.result.input.slices) goToSlice(slice);
      });
      panels.append(panel);
    }
  }

  const labelWidth = 90;

  function drawTimeline(canvas, r) {
    const slices = r.slices.length;
    canvas.width = Math.max(canvas.clientWidth, 300);
    canvas.height = 110;
    const ctx = canvas.getContext('2d');
    const rowHeight = 24;
    const cell = (canvas.width - labelWidth) / slices;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = '11px sans-serif';
    quadrants.forEach(([key, label], row) => {
      const y = 4 + row * rowHeight;
      ctx.fillStyle = '#333';
      ctx.fillText(label, 2, y + 15);
      ctx.fillStyle = '#eee';
      ctx.fillRect(labelWidth, y, canvas.width - labelWidth, rowHeight - 3);
      ctx.fillStyle = '#d22';
      for (const s of r.slices) {
        if (s.quadrants.split('|').includes(key)) ctx.fillRect(labelWidth + s.slice_index * cell, y, Math.max(cell - 0.5, 1), rowHeight - 3);
      }
    });
    const rule = r.patient_rule;
    if (rule.positive) {
      const row = quadrants.findIndex(([key]) => key === rule.quadrant);
      ctx.strokeStyle = '#1f5fd6';
      ctx.lineWidth = 3;
      ctx.strokeRect(labelWidth + rule.first_slice_index * cell, 3 + row * rowHeight, (rule.last_slice_index - rule.first_slice_index + 1) * cell, rowHeight - 1);
    }
    ctx.fillStyle = '#000';
    ctx.fillRect(labelWidth + (state.slice + 0.5) * cell - 1, 0, 2, 4 * rowHeight + 4);
  }

  async function image(url) {
    const blob = await (await call(url)).blob();
    return { blob, bitmap: await createImageBitmap(blob) };
  }

  // Each draw carries a sequence number, so a slow answer to an older slider position never overwrites a newer one.
  async function drawAll() {
    const seq = ++state.seq;
    const result = state.result;
    const n = state.slice;
    $('slice-value').textContent = String(n + 1);
    for (const r of result.results) {
      const panel = document.querySelector(`.panel[data-model="${r.model}"]`);
      const view = panel.querySelector('.view');
      view.dataset.state = 'drawing';
      drawTimeline(panel.querySelector('.timeline'), r);
      const s = r.slices[n];
      panel.querySelector('.slice-line').textContent = `Slice ${n + 1} of ${r.slices.length}: ${s.boxes.length} box(es)`
        + (s.max_probability === null ? '' : `, highest probability ${s.max_probability.toFixed(2)}`);
      try {
        const base = `/v1/detections/${result.id}/slices/${n}`;
        const figure = await image(`${base}.png?model=${encodeURIComponent(r.model)}&${settingsQuery()}`);
        const heat = $('heat').checked ? await image(`${base}/heat.png?model=${encodeURIComponent(r.model)}`) : null;
        if (seq !== state.seq) return;
        view.width = figure.bitmap.width;
        view.height = figure.bitmap.height;
        const ctx = view.getContext('2d');
        ctx.drawImage(figure.bitmap, 0, 0);
        if (heat) ctx.drawImage(heat.bitmap, 0, 0);
        const link = panel.querySelector('.download-png');
        if (link.href) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(figure.blob);
        link.download = `${r.model}-slice-${String(n + 1).padStart(3, '0')}.png`;
        view.dataset.slice = String(n);
        view.dataset.state = 'drawn';
      } catch (e) {
        messages([[e.message, true]]);
        view.dataset.state = 'failed';
      }
    }
  }

  function goToSlice(n) {
    state.slice = n;
    $('slice').value = String(n);
    drawAll();
  }

  // The sliders re-run steps 5 to 8 on the server's kept maps; a short pause first, so a drag sends one request, not fifty.
  function settingsChanged() {
    $('threshold-value').textContent = Number($('threshold').value).toFixed(2);
    $('min-pixels-value').textContent = $('min-pixels').value;
    $('k-value').textContent = $('k').value;
    if (!state.result) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(async () => {
      try {
        show(await (await call(`/v1/detections/${state.result.id}?${settingsQuery()}`)).json(), false);
      } catch (e) {
        messages([[e.message, true]]);
      }
    }, 120);
  }

  $('upload-form').addEventListener('submit', upload);
  for (const id of ['threshold', 'min-pixels', 'k']) $(id).addEventListener('input', settingsChanged);
  $('slice').addEventListener('input', () => goToSlice(Number($('slice').value)));
  $('heat').addEventListener('change', () => state.result && drawAll());
  $('reset').addEventListener('click', () => {
    $('threshold').value = '0.5';
    $('min-pixels').value = '25';
    $('k').value = '3';
    settingsChanged();
  });
  $('token').addEventListener('change', () => { state.token = $('token').value; sessionStorage.setItem('covidct-token', state.token); });
  loadModels().catch((e) => messages([[e.message, true]]));
})();
