// A question as a real radio group: a fieldset named by its legend, native radios sharing one name, so
// Tab enters the group once and the arrow keys choose within it (never moving the notebook's selection).
const MOVE_KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", " "]);
let made = 0;

function render({ model, el }) {
  const name = `upperback-choices-${++made}-${Math.random().toString(36).slice(2, 8)}`;
  const group = document.createElement("fieldset");
  group.className = "upperback-choices";
  const legend = document.createElement("legend");
  group.append(legend);
  const inputs = model.get("labels").map((text, index) => {
    const option = document.createElement("label");
    const input = Object.assign(document.createElement("input"), { type: "radio", name, value: String(index) });
    input.addEventListener("change", () => { if (input.checked) { model.set("index", index); model.save_changes(); } });
    option.append(input, document.createTextNode(" " + text));
    group.append(option);
    return input;
  });
  group.addEventListener("keydown", (event) => { if (MOVE_KEYS.has(event.key)) event.stopPropagation(); });
  el.append(group);
  const show = () => {
    legend.textContent = model.get("legend");
    inputs.forEach((input, index) => { input.checked = index === model.get("index"); });
  };
  model.on("change", show);
  show();
  return () => model.off("change", show);
}

export default { render };
