// A picture with words: the image's alt text says what it shows now, and the caption under it is a polite
// live region, so a screen reader hears each new picture described without losing its place.
function render({ model, el }) {
  const figure = document.createElement("figure");
  figure.className = "upperback-picture";
  const img = document.createElement("img");
  const caption = document.createElement("figcaption");
  caption.className = "upperback-caption";
  caption.setAttribute("aria-live", "polite");
  figure.append(img, caption);
  el.append(figure);
  let url = null;
  const showImage = () => {
    const png = model.get("png");
    if (!png || !png.byteLength) return;
    const next = URL.createObjectURL(new Blob([png], { type: "image/png" }));
    img.src = next;
    if (url) URL.revokeObjectURL(url);
    url = next;
  };
  const showWords = () => {
    img.alt = model.get("alt");
    caption.innerHTML = model.get("caption"); // HTML made by the course's own code, values escaped there
    caption.hidden = !model.get("caption");
  };
  model.on("change:png", showImage);
  model.on("change:alt change:caption", showWords);
  showImage();
  showWords();
  return () => {
    model.off("change:png", showImage);
    model.off("change:alt change:caption", showWords);
    if (url) URL.revokeObjectURL(url);
  };
}

export default { render };
