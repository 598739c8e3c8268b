/* jobdocs serve: a slow download (the PDF, laid out by LibreOffice) says it is being
   prepared, and arrives as a file; without this script the link downloads as it is. */
(function () {
  "use strict";
  var status = document.querySelector("p.preparing");
  if (!status || !window.fetch) return;
  document.querySelectorAll("a[data-slow]").forEach(function (link) {
    link.addEventListener("click", function (e) {
      e.preventDefault();
      if (link.getAttribute("aria-busy") === "true") return;
      link.setAttribute("aria-busy", "true");
      status.hidden = false;
      fetch(link.href, {credentials: "same-origin"}).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        var header = response.headers.get("content-disposition") || "";
        var name = (/filename="([^"]+)"/.exec(header) || [])[1] || "document.pdf";
        return response.blob().then(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = name;
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        });
      }).catch(function () {
        window.location.href = link.href;  // the page that says why
      }).finally(function () {
        status.hidden = true;
        link.removeAttribute("aria-busy");
      });
    });
  });
})();
