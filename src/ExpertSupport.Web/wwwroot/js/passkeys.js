// Passkeys (WebAuthn). The server's options are the standard JSON forms; the browser's own helpers turn them into the
// API's objects, and JSON.stringify(credential) gives back the JSON the server verifies. The form then posts it with
// its antiforgery token, like any other form.
document.querySelectorAll('button[data-passkey]').forEach(button => {
    button.addEventListener('click', async () => {
        const form = button.closest('form');
        const failed = form.querySelector('[data-passkey-failed]');
        if (failed) failed.hidden = true;
        try {
            const response = await fetch(button.dataset.optionsUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
            if (!response.ok) throw new Error(String(response.status));
            const options = await response.json();
            const credential = button.dataset.passkey === 'create'
                ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
                : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
            form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(credential);
            form.submit();
        } catch (e) {
            if (failed) failed.hidden = false;
        }
    });
});
