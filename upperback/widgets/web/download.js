// A link that saves a file the kernel made: its bytes come with the model, and the link points at them
// through a blob: address with the `download` attribute. The browser saves the file itself: no server
// route, no file beside the lessons, and it works offline, in JupyterLab, the app, Binder and a hub.
function sizeInWords(bytes) {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function render({ model, el }) {
  const row = document.createElement("div");
  row.className = "upperback-download";
  const link = document.createElement("a");
  const hint = Object.assign(document.createElement("span"), { className: "upperback-download-hint" });
  row.append(link, hint);
  el.append(row);
  let address = null;

  const show = () => {
    const content = model.get("content"); // a DataView of the file's bytes
    const size = content ? content.byteLength : 0;
    if (address) URL.revokeObjectURL(address);
    address = null;
    row.hidden = size === 0;
    if (size === 0) { link.removeAttribute("href"); return; }
    address = URL.createObjectURL(new Blob([content], { type: model.get("mime") }));
    link.href = address;
    link.download = model.get("filename");
    link.textContent = model.get("description");
    link.title = `Saves ${model.get("filename")} (${sizeInWords(size)}) to your computer`;
    hint.textContent = model.get("hint");
  };
  show();
  model.on("change", show);
  return () => { model.off("change", show); if (address) URL.revokeObjectURL(address); };
}

export default { render };
