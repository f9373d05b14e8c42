// The run page reloads itself while the batch job is still working (the server renders the progress).
(function () {
    var run = document.querySelector('[data-refresh]');
    if (!run) return;
    var delay = parseInt(run.getAttribute('data-refresh'), 10) || 2000;
    setTimeout(function () { window.location.reload(); }, delay);
})();
