// Small progressive enhancements; every page works without JavaScript.
(() => {
  // Move focus to the error summary so screen readers announce what needs fixing.
  const errors = document.querySelector('.form-errors');
  if (errors) errors.focus();

  // Buttons marked data-confirm ask before a consequential action (approve, reject, export).
  document.addEventListener('submit', (event) => {
    const button = event.submitter;
    const message = button?.dataset.confirm ?? event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // Prevent double submission: a form is sent once; the button shows that work is in progress.
  document.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    const form = event.target;
    if (form.dataset.submitting === '1') { event.preventDefault(); return; }
    form.dataset.submitting = '1';
    const button = event.submitter;
    if (button && button.tagName === 'BUTTON') {
      button.setAttribute('aria-busy', 'true');
      setTimeout(() => { form.dataset.submitting = ''; button.removeAttribute('aria-busy'); }, 8000);
    }
  });
})();
