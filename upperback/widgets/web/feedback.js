// What pressing a button came to (a self-check's verdict, a check-in saved, an experiment started): a live
// region, so a screen reader reads it out, brought into view, since it appears below the button and, with the
// button at the bottom of the window (often, on a phone), would otherwise change out of sight.
function render({ model, el }) {
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  el.append(region);
  const show = () => {
    region.innerHTML = model.get("value"); // HTML made by the course's own code, values escaped there
  };
  const changed = () => {
    show();
    if (!region.textContent.trim()) return;
    const box = region.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      region.scrollIntoView({ block: box.height > window.innerHeight ? "start" : "nearest" });
    }
  };
  model.on("change:value", changed);
  show(); // what the page opens with stays where it is
  return () => model.off("change:value", changed);
}

export default { render };
