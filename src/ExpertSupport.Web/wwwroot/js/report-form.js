// The report form's cost split follows the times as they are typed: the server computes it with the caps left now
// (GET /api/reports/preview). Without JavaScript, the 「費用を計算する」 button posts the form for the same answer.
(() => {
  const form = document.getElementById('report-form');
  if (!form) return;
  const split = document.getElementById('report-split');
  const yen = new Intl.NumberFormat('ja-JP');
  let timer = 0;
  let controller = null;

  const field = (name) => form.elements.namedItem(`Input.${name}`)?.value ?? '';
  const set = (name, text) => { const el = split.querySelector(`[data-split="${name}"]`); if (el) el.textContent = text; };
  const duration = (minutes) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return document.documentElement.lang === 'en'
      ? [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min'
      : [h ? `${h}時間` : '', m ? `${m}分` : ''].join('') || '0分';
  };
  // Japan has no daylight saving time: a Tokyo wall-clock time is always +09:00.
  const instant = (date, time) => (date && time ? `${date}T${time.length === 5 ? `${time}:00` : time}+09:00` : '');

  const showError = (message) => {
    const error = split.querySelector('[data-split="error"]');
    error.textContent = message;
    error.hidden = !message;
  };

  const refresh = async () => {
    const start = instant(field('StartDate'), field('StartTime'));
    const end = instant(field('EndDate'), field('EndTime'));
    if (!start || !end) return;
    const breaks = (field('BreakMinutes') || '0').normalize('NFKC').trim();
    const query = new URLSearchParams({ bookingId: form.dataset.booking, actualStart: start, actualEnd: end, breakMinutes: breaks });
    controller?.abort();
    controller = new AbortController();
    try {
      // The API speaks Accept-Language; the page's language, not the browser's, is the one the reader chose.
      const language = document.documentElement.lang === 'en' ? 'en' : 'ja';
      const response = await fetch(`${form.dataset.previewUrl}?${query}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json', 'Accept-Language': language },
      });
      const body = await response.json();
      if (!response.ok) { showError(body.title ?? ''); return; }
      showError('');
      set('worked', duration(body.workedMinutes));
      set('billable', duration(body.billableMinutes));
      set('fee', `¥${yen.format(body.fee)}`);
      set('subsidy', `¥${yen.format(body.subsidy)}`);
      set('companyShare', `¥${yen.format(body.companyShare)}`);
      set('cutAmount', `¥${yen.format(body.cutByCaps)}`);
      split.querySelector('[data-split="cut"]').hidden = body.cutByCaps === 0;
      const total = body.subsidy + body.companyShare;
      const state = total > 0 ? Math.round((1000 * body.subsidy) / total) : 0;
      const stateBar = split.querySelector('[data-split="stateBar"]');
      const companyBar = split.querySelector('[data-split="companyBar"]');
      stateBar.setAttribute('width', String(state));
      companyBar.setAttribute('x', String(state));
      companyBar.setAttribute('width', String(total > 0 ? 1000 - state : 0));
    } catch (error) {
      if (error.name !== 'AbortError') console.error(error);
    }
  };

  form.addEventListener('input', (event) => {
    if (!event.target.matches('[data-fact]')) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });

  // Say at once which chosen files are too large, before a long upload; the server checks again.
  const files = form.querySelector('input[type=file][data-max-bytes]');
  const tooLarge = document.getElementById('files-too-large');
  files?.addEventListener('change', () => {
    const max = Number(files.dataset.maxBytes);
    const names = [...files.files].filter((f) => f.size > max).map((f) => f.name);
    tooLarge.textContent = names.length ? `${files.dataset.tooLarge} ${names.join('、')}` : '';
    tooLarge.hidden = names.length === 0;
    files.setCustomValidity(names.length ? tooLarge.textContent : '');
  });
})();
