// A labelled native range input: a screen reader hears its name and its value in words ("12 cm"), and the
// keys that move it (arrows, Home, End, Page Up/Down) never reach the notebook's shortcuts or the slides.
// A picker slider (labels given) moves through words; its synced position is "index", not "value".
const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);
let made = 0;

function render({ model, el }) {
  const id = `upperback-slider-${++made}-${Math.random().toString(36).slice(2, 8)}`;
  const labels = model.get("labels");
  const position = labels.length ? "index" : "value";
  const row = document.createElement("div");
  row.className = "upperback-slider";
  const label = Object.assign(document.createElement("label"), { htmlFor: id });
  const input = Object.assign(document.createElement("input"), { type: "range", id });
  const readout = Object.assign(document.createElement("output"), { htmlFor: id });
  readout.setAttribute("aria-hidden", "true"); // the slider itself says its value
  // the value shown, over its longest values hidden in the same grid cell: the readout keeps their width
  // (course.css), so the track beside it never moves as the value changes
  const shown = document.createElement("span");
  const longest = () => {
    const ends = labels.length ? labels : [model.get("min"), model.get("max"), model.get("min") + model.get("step")]
      .map((v) => words(v));
    return ends.map((text) => Object.assign(document.createElement("span"), { textContent: text }));
  };
  row.append(label, input, readout);
  el.append(row);

  // The handle's position as its explorer's picture keys its kept pictures: whole steps from the start (a
  // picker's index), as controls.py's browser_position counts them; announced on every move so a kept
  // picture shows at once (picture.js).
  const at = (v) => String(labels.length ? Math.round(Number(v))
    : Math.round((Number(v) - model.get("min")) / model.get("step")));
  const announce = (v) => {
    const group = model.get("ahead_group");
    if (group) document.dispatchEvent(new CustomEvent("upperback-position",
      { detail: { group, slot: model.get("ahead_slot"), position: at(v) } }));
  };
  const words = (v) => labels.length ? labels[Math.round(v)]
    : `${Number(v).toFixed(model.get("decimals"))}${model.get("unit") ? " " + model.get("unit") : ""}`;
  // Only what differs is written: each write makes the page lay out again, and most changes are the
  // learner's own move coming back from the model.
  const put = (node, name, value) => { if (node[name] !== String(value)) node[name] = value; };
  const show = () => {
    put(label, "textContent", model.get("description"));
    put(input, "title", model.get("tooltip"));
    put(input, "min", labels.length ? 0 : model.get("min"));
    put(input, "max", labels.length ? labels.length - 1 : model.get("max"));
    put(input, "step", labels.length ? 1 : model.get("step"));
    put(input, "value", model.get(position));
    if (input.getAttribute("aria-valuetext") !== words(input.value)) input.setAttribute("aria-valuetext", words(input.value));
    put(shown, "textContent", words(input.value));
    const sizers = longest();
    if (readout.childElementCount !== sizers.length + 1
        || sizers.some((sizer, index) => readout.children[index + 1].textContent !== sizer.textContent)) {
      sizers.forEach((sizer) => sizer.setAttribute("aria-hidden", "true"));
      readout.replaceChildren(shown, ...sizers);
    }
    announce(input.value);
  };
  // The latest move wins: one move on its way to the kernel at a time; moves made meanwhile replace each
  // other, and the last is sent when the kernel says the previous one is drawn ("moved").
  let onItsWay = null, latest = null;
  const push = (v) => {
    model.set(position, Number(v));
    model.save_changes();
    clearTimeout(onItsWay);
    onItsWay = setTimeout(arrived, 2000); // no answer (a busy or restarted kernel): stop waiting for it
  };
  const arrived = () => {
    clearTimeout(onItsWay);
    onItsWay = null;
    if (latest !== null) { const v = latest; latest = null; push(v); }
  };
  const answered = (message) => { if (message && message.moved && onItsWay) arrived(); };
  model.on("msg:custom", answered);
  const send = (v) => {
    announce(v);
    input.setAttribute("aria-valuetext", words(v));
    put(shown, "textContent", words(v));
    if (onItsWay) latest = v; else push(v);
  };
  input.addEventListener("input", () => send(input.value));
  // the first press from here: its picture, either way, is drawn while the learner decides
  input.addEventListener("focus", () => {
    if (!model.get("ahead_group")) return;
    try { model.send({ focused: true }); } catch (error) { /* a page saved with its widgets has no kernel */ }
  });
  input.addEventListener("keydown", (event) => { if (MOVE_KEYS.has(event.key)) event.stopPropagation(); });

  let timer = null;
  if (model.get("play_ms") > 0) { // steps round and round in the browser, so the motion keeps time
    const play = Object.assign(document.createElement("button"), { type: "button", textContent: "Play" });
    play.className = "upperback-play";
    play.setAttribute("aria-pressed", "false");
    const hint = Object.assign(document.createElement("span"), { textContent: model.get("play_hint") });
    hint.className = "upperback-hint";
    const stop = () => { clearInterval(timer); timer = null; play.textContent = "Play"; play.setAttribute("aria-pressed", "false"); };
    play.addEventListener("click", () => {
      if (timer) return stop();
      play.textContent = "Pause";
      play.setAttribute("aria-pressed", "true");
      timer = setInterval(() => {
        const step = Number(input.step), next = Number(input.value) + step;
        input.value = next > Number(input.max) + step / 2 ? input.min : next;
        send(input.value);
      }, model.get("play_ms"));
    });
    const controls = document.createElement("div");
    controls.className = "upperback-play-row";
    controls.append(play, hint);
    el.prepend(controls);
  }
  model.on("change", show);
  show();
  return () => {
    clearInterval(timer); clearTimeout(onItsWay); model.off("change", show); model.off("msg:custom", answered);
  };
}

export default { render };
