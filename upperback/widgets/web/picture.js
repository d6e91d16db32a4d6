// A picture with words: the image's alt text says what it shows now, and the caption under it is a polite
// live region, so a screen reader hears each new picture described without losing its place.
//
// An explorer's picture keeps the pictures it has been sent, by the settings of its sliders (its "group"):
// the one the kernel shows, and those it sends ahead of the hand (where a slider is likely to go next). Each
// slider of the group announces its position (slider.js); when the sliders reach settings already kept, that
// picture is shown at once, and the kernel's own picture for them, which follows, changes nothing.
//
// Given narrow_below_px, the picture measures its own width and tells the kernel when it crosses it: on a
// phone the kernel then draws its narrow layout (an explorer's, kept here under "narrow|" and the sliders'
// positions; a chart's, shown as it comes).
const DECODED = 6; // of those, the newest sent ahead are kept decoded too (about 1.5 MB each as pixels)

function render({ model, el }) {
  const figure = document.createElement("figure");
  figure.className = "upperback-picture";
  let img = document.createElement("img");
  const caption = document.createElement("figcaption");
  caption.className = "upperback-caption";
  caption.setAttribute("aria-live", "polite");
  figure.append(img, caption);
  el.append(figure);

  const kept = new Map(); // settings -> {src, alt, caption, img: decoded, for pictures sent ahead}, oldest first
  const decoded = []; // the pictures whose img is kept, oldest first
  const keep = (settings, picture) => {
    if (!settings) return;
    const before = kept.get(settings);
    kept.delete(settings);
    kept.set(settings, before && before.src === picture.src ? before : picture); // keeps one decoded ahead
    if (kept.size > model.get("kept_pictures")) kept.delete(kept.keys().next().value); // Explorer sets it
  };
  // Only what differs is written: a caption written again would be read out again.
  let shownCaption = null;
  const put = (picture) => {
    // a picture sent ahead is swapped in already decoded; any other is loaded into the image shown, which
    // keeps showing the last picture until the new one is ready (no blank, no jump)
    if (picture.img && picture.img.complete && picture.img !== img) { img.replaceWith(picture.img); img = picture.img; }
    else if (picture.src && img.src !== picture.src) img.src = picture.src;
    if (img.alt !== picture.alt) img.alt = picture.alt;
    if (shownCaption !== picture.caption) {
      shownCaption = picture.caption;
      caption.innerHTML = picture.caption; // HTML made by the course's own code, values escaped there
      caption.hidden = !picture.caption;
    }
  };

  // Where the sliders are now, as the browser writes each position ("1.75", "90", "0"): the kernel's
  // settings until a slider announces a move.
  const here = model.get("settings") ? model.get("settings").replace(/^narrow\|/, "").split("|") : [];
  const key = () => (model.get("narrow") ? "narrow|" : "") + here.join("|");
  let png = model.get("png"), src = dataUrl(png);
  const fromKernel = () => {
    if (model.get("png") !== png) { png = model.get("png"); src = dataUrl(png); }
    const picture = { src, alt: model.get("alt"), caption: model.get("caption") };
    keep(model.get("settings"), picture);
    // a picture for other settings than the sliders show (an older move, answered late) only stands in
    // until the kernel answers the latest, and only when none is kept for these
    if (!model.get("settings") || model.get("settings") === key() || !kept.has(key())) put(picture);
  };
  const ahead = (message, buffers) => {
    if (!message || !message.ahead || !buffers || !buffers.length) return;
    const picture = { src: dataUrl(buffers[0]), alt: message.alt, caption: message.caption };
    picture.img = new Image(); // decoded now, while the hand is still on its way
    picture.img.src = picture.src;
    picture.img.alt = picture.alt;
    picture.img.decode().catch(() => null);
    decoded.push(picture);
    if (decoded.length > DECODED) decoded.shift().img = null; // shown again later, it is loaded like any other
    keep(message.ahead, picture);
    if (message.ahead === key()) put(picture); // the hand got there first
  };
  const moved = (event) => {
    const { group, slot, position } = event.detail;
    if (!group || group !== model.get("group") || here[slot] === position) return;
    here[slot] = position;
    const picture = kept.get(key());
    if (picture) put(picture);
  };
  // The width it is shown at: 0 while hidden (a slide not shown), which says nothing.
  const measure = new ResizeObserver(([entry]) => {
    const width = entry.contentRect.width, below = model.get("narrow_below_px");
    if (!below || !width || (width < below) === model.get("narrow")) return;
    model.set("narrow", width < below);
    try { model.save_changes(); } catch (error) { /* no kernel to tell */ }
  });
  measure.observe(figure);
  model.on("change", fromKernel);
  model.on("msg:custom", ahead);
  document.addEventListener("upperback-position", moved);
  fromKernel(); // the picture the kernel shows now
  tell(model, { view_made: true }); // this view holds no picture sent ahead yet
  return () => {
    model.off("change", fromKernel);
    model.off("msg:custom", ahead);
    document.removeEventListener("upperback-position", moved);
    measure.disconnect();
  };
}

// To the kernel, when there is one: a page saved with its widgets has none, and nothing is sent ahead there.
function tell(model, message) {
  if (!model.get("group")) return;
  try { model.send(message); } catch (error) { /* no kernel to tell */ }
}

// A data: address, not a blob: one. Measured in Chromium 156 on a 37 kB frame: shown and decoded in about
// 1 ms, against about 7 ms for a blob, which must first be fetched from the browser's blob store.
function dataUrl(png) {
  if (!png || !png.byteLength) return "";
  const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.toBase64) return "data:image/png;base64," + bytes.toBase64();
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return "data:image/png;base64," + btoa(text);
}

export default { render };
