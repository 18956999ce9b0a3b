/// The editor's one script, an enhancement only: every form works without it. It shows the
/// photo a member picked before the form is sent, so she sees it is the right one.
enum EditorScript {
    static let name = "editor.js"

    static let source = """
    document.addEventListener("change", function (event) {
      var input = event.target;
      if (input.type !== "file" || !input.files || !input.files[0]) return;
      var shown = input.nextElementSibling;
      if (!shown || !shown.hasAttribute("data-chosen")) {
        shown = document.createElement("img");
        shown.className = "photo";
        shown.setAttribute("data-chosen", "");
        shown.alt = "";
        input.insertAdjacentElement("afterend", shown);
      }
      shown.src = URL.createObjectURL(input.files[0]);
    });

    """
}
