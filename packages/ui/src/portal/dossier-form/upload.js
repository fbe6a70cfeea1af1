// Progressive enhancement of the dossier form's upload buttons: the same multipart post to the
// same address, sent with XMLHttpRequest so that a progress bar shows how much has gone. Without
// this file, or when anything here is missing, the buttons post the form as before.
(() => {
  const form = document.getElementById('dossier-form');
  if (!form || typeof FormData !== 'function' || typeof XMLHttpRequest !== 'function') return;
  let passThrough = false;

  form.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[formaction]') : null;
    if (!button || passThrough) return;
    const input = document.getElementById(`doc-${button.value}-file`);
    // Nothing chosen: the server answers with its "choose a file" message.
    if (!input?.files?.length) return;
    event.preventDefault();
    const data = new FormData(form);
    data.append(button.name, button.value);
    const progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', button.dataset.progressLabel || '');
    button.after(progress);
    button.disabled = true;

    // Any failure falls back to the plain post, which shows the server's own page.
    const fallBack = () => {
      progress.remove();
      button.disabled = false;
      passThrough = true;
      form.requestSubmit(button);
    };
    const request = new XMLHttpRequest();
    request.open('POST', button.formAction);
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', () => {
      // The upload route answers 303 to the form page; the request followed it.
      if (request.status === 200 && request.responseURL) {
        window.location.assign(`${request.responseURL}#doc-${button.value}`);
      } else {
        fallBack();
      }
    });
    request.addEventListener('error', fallBack);
    request.send(data);
  });
})();
