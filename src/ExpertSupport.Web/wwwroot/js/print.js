// Print buttons on the notices (inline handlers are not allowed by the CSP).
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
