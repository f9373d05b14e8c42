// The cost simulator answers while the visitor types. Without JavaScript the GET form does the same.
(() => {
  const form = document.getElementById('simulator-form');
  if (!form) return;
  let timer = 0;
  let controller = null;

  const refresh = async () => {
    const query = new URLSearchParams(new FormData(form)).toString();
    const url = `${form.getAttribute('action')}?${query}`;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('simulator-result');
      const current = document.getElementById('simulator-result');
      if (fresh && current) current.replaceWith(fresh);
      // Field errors are swapped in place so the field being typed in keeps its focus.
      for (const span of form.querySelectorAll('[data-error-for]')) {
        const name = span.dataset.errorFor;
        const message = page.querySelector(`[data-error-for="${name}"]`)?.textContent ?? '';
        span.textContent = message;
        const input = form.elements.namedItem(name);
        input?.setAttribute('aria-invalid', message ? 'true' : 'false');
        input?.classList.toggle('input-validation-error', message !== '');
      }
      history.replaceState(null, '', url);
    } catch (error) {
      if (error.name !== 'AbortError') console.error(error);
    }
  };

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();
