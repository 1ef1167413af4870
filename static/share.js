// nashra: the "copy link" button of the share links (the other links need no script).
document.querySelectorAll("button.share-copy").forEach(function (b) {
  if (!navigator.clipboard) return;
  b.hidden = false;
  b.addEventListener("click", function () {
    navigator.clipboard.writeText(b.dataset.url).then(function () {
      b.textContent = b.dataset.done;
    });
  });
});
