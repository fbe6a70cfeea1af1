// Live provisioning progress for the agency page (progressive enhancement: without it the page
// works with its refresh link). Subscribes to the page's server-sent events and updates each
// step in place, announcing changes through the page's status region.
(() => {
  const list = document.querySelector('[data-progress]');
  if (!list || typeof EventSource !== 'function') return;
  const live = document.getElementById('progress-live');
  const announce = (text) => {
    if (live) live.textContent = text;
  };
  const reveal = (id) => {
    const element = document.getElementById(id);
    if (element) element.hidden = false;
  };
  const setText = (id, text) => {
    const element = document.getElementById(id);
    if (element) element.textContent = text;
  };
  const source = new EventSource(list.getAttribute('data-progress'));

  source.addEventListener('step', (event) => {
    const step = JSON.parse(event.data);
    const item = document.getElementById(`step-${step.name}`);
    if (!item) return;
    const tag = item.querySelector('.ops-tag');
    if (tag) {
      tag.textContent = step.statusLabel;
      tag.className = `ops-tag ops-tag-${step.status}`;
    }
    announce(`${step.label}: ${step.statusLabel}`);
  });
  source.addEventListener('done', (event) => {
    source.close();
    const done = JSON.parse(event.data);
    announce(done.message);
    document.getElementById('progress-refresh')?.remove();
    reveal('progress-done');
  });
  source.addEventListener('failed', (event) => {
    source.close();
    const failed = JSON.parse(event.data);
    setText('progress-failed-step', failed.stepLabel);
    setText('progress-error', failed.error);
    announce(failed.message);
    document.getElementById('progress-refresh')?.remove();
    reveal('progress-failed');
  });
})();
