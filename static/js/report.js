// Progressive enhancement: a "Print" button for browsers that run scripts. The
// page works without it (the PDF link, and the browser's own print command).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
