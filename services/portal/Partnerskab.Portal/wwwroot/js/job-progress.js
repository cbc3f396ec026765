// Keeps an upload job's progress bar up to date: asks the portal for the job's progress every
// second and, once the job has finished, loads the page again to show its results. Without this
// script the page's refresh link does the same.
(function () {
  'use strict';
  var job = document.querySelector('[data-job-status]');
  if (!job) return;
  var bar = job.querySelector('progress');
  var text = job.querySelector('[data-job-text]');

  function poll() {
    fetch(job.getAttribute('data-job-status'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (status) {
          bar.max = Math.max(status.rows, 1);
          bar.value = status.rowsRead;
          bar.textContent = status.text;
          if (text.textContent !== status.text) text.textContent = status.text;
          if (status.finished) {
            window.location.reload();
            return;
          }
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 1000);
})();
