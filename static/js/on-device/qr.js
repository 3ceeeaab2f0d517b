// QR codes made on the device (the static export has no server to draw them): the vendored
// qrcode-generator, error level M like the server's segno code, dark on white, a 4-module margin.
import qrcode from "../../vendor/qrcode-generator-2.0.4.esm.js";

const SVG = "http://www.w3.org/2000/svg";

export function qrSvg(text, label) {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const size = count + 8;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (code.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("class", "qr");
  svg.setAttribute("role", "img");
  if (label) svg.setAttribute("aria-label", label);
  const ground = document.createElementNS(SVG, "rect");
  for (const [key, value] of [["width", size], ["height", size], ["fill", "#fff"]]) ground.setAttribute(key, value);
  const modules = document.createElementNS(SVG, "path");
  modules.setAttribute("d", path);
  modules.setAttribute("fill", "#000");
  svg.append(ground, modules);
  return svg;
}

// Put the code for `text` into every [data-device-qr=kind] slot (replacing what the export drew).
export function fillQr(kind, text) {
  for (const slot of document.querySelectorAll(`[data-device-qr="${kind}"]`)) {
    slot.replaceChildren(qrSvg(text, slot.getAttribute("aria-label") || slot.querySelector("title")?.textContent));
  }
}
