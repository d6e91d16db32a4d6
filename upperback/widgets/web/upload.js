// A file chooser that says at once, in the page, when a file is too big for the course, and sends nothing.
// A file the course can read goes to the kernel in one message with the file as a binary buffer; the
// course's servers take messages a little bigger than that limit (upperback/delivery/kernel_websocket.py): a bigger message
// would be dropped by the server's websocket without a word anywhere.
let made = 0;

function sizeInWords(bytes) {
  return bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${Math.ceil(bytes / 1e6)} MB`;
}

function render({ model, el }) {
  const id = `upperback-upload-${++made}-${Math.random().toString(36).slice(2, 8)}`;
  const row = document.createElement("div");
  row.className = "upperback-upload";
  const label = Object.assign(document.createElement("label"), { htmlFor: id });
  const input = Object.assign(document.createElement("input"), { type: "file", id });
  const status = Object.assign(document.createElement("div"), { className: "upperback-upload-status" });
  status.setAttribute("role", "status"); // "Sending…", read out politely
  const problem = Object.assign(document.createElement("div"), { className: "upperback-upload-problem" });
  problem.setAttribute("role", "alert");
  row.append(label, input);
  el.append(row, status, problem);

  const say = (where, text) => {
    for (const node of [status, problem]) { node.textContent = node === where ? text : ""; node.hidden = !node.textContent; }
  };
  const show = () => {
    label.textContent = model.get("description");
    input.accept = model.get("accept");
    input.title = model.get("tooltip");
  };
  say(null, "");
  show();

  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = ""; // the same file can be chosen again; the File itself stays readable
    if (!file) return;
    if (file.size > model.get("max_bytes")) {
      say(problem, model.get("too_big").replace("{name}", file.name)
        .replace("{megabytes}", String(Math.ceil(file.size / 1e6))));
      return;
    }
    say(status, `Sending ${file.name} (${sizeInWords(file.size)}) to the course…`);
    input.disabled = true;
    try {
      const content = await file.arrayBuffer();
      model.send({ file: file.name, size: file.size }, undefined, [content]);
    } catch (error) {
      input.disabled = false;
      say(problem, `${file.name} could not be read by the browser (${error.message || error}); nothing was sent.`);
    }
  });
  // The kernel has the file and has said what became of it (in the importer's own message).
  const answered = (message) => {
    if (message && message.received !== undefined) { input.disabled = false; say(null, ""); }
  };
  model.on("msg:custom", answered);
  model.on("change", show);
  return () => { model.off("msg:custom", answered); model.off("change", show); };
}

export default { render };
